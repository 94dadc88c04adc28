use chrono::NaiveDate;
use rapporteur_core::draft::lang::{format_date, join_list, when};
use rapporteur_core::draft::{Templates, draft_sections, draft_summary, strip_markers};
use rapporteur_core::*;

use crate::{EXAMPLE, EXAMPLE_SUMMARY};

pub(crate) fn example() -> MeetingRecord {
    parse_record("example.json", EXAMPLE.as_bytes()).unwrap()
}

pub(crate) fn plain(record: &MeetingRecord, lang: Language) -> String {
    strip_markers(&draft_summary(record, lang, &Templates::builtin()).unwrap())
}

pub(crate) fn section(record: &MeetingRecord, lang: Language, name: &str) -> Option<String> {
    draft_sections(record, lang, &Templates::builtin())
        .unwrap()
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, text)| text)
}

pub(crate) fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub(crate) fn state(code: &str) -> Party {
    Party::state(DelegationCode::parse(code).unwrap())
}

/// A bare record: no attendance, speakers, actions, related meetings or documents.
pub(crate) fn bare(lang: Language) -> MeetingRecord {
    let mut r = example();
    r.meeting.language = lang;
    r.attendance = Attendance::default();
    r.interventions = Interventions::default();
    r.action_items.clear();
    r.related_meetings.clear();
    r.documents.clear();
    r
}

pub(crate) fn with_speakers(mut r: MeetingRecord, speakers: Vec<Party>) -> MeetingRecord {
    r.interventions = Interventions(
        (1..)
            .zip(speakers)
            .map(|(order, speaker)| Intervention {
                also_on_behalf_of: Vec::new(),
                on_behalf_of: None,
                id: None,
                order,
                speaker,
                person: None,
                role: None,
                time: None,
                agenda_item: None,
                summary: String::new(),
                kind: InterventionKind::Statement,
            })
            .collect(),
    );
    r
}

/// The list after "took the floor:" in a text, as names.
fn speakers_in(text: &str, and: &str) -> Vec<String> {
    let after = text
        .split("took the floor: ")
        .nth(1)
        .or_else(|| text.split("la parole\u{a0}: ").nth(1))
        .unwrap();
    let list = after.split(".\n").next().unwrap().trim_end_matches('.');
    let (infix, prefix) = (format!(" {and} "), format!("{and} "));
    list.split(", ")
        .flat_map(|part| part.split(infix.as_str()))
        .map(|s| s.trim_start_matches(prefix.as_str()).to_owned())
        .collect()
}

#[test]
fn english_draft_states_every_fact_of_the_example_summary() {
    let r = example();
    let draft = plain(&r, Language::En);

    // Sentences the real summary has word for word.
    for phrase in [
        "Summary of Network Briefing to Member States",
        "12 December 2019",
        "The Coordinator of the United Nations Network on Migration",
        "IOM Director General António Vitorino",
        "briefed Member States on 12 December 2019",
        "attended by 60 Member States, 22 UN Network representatives and 19 colleagues from civil society",
        "is available [here](#)",
    ] {
        assert!(
            EXAMPLE_SUMMARY.contains(phrase),
            "the example says {phrase:?}"
        );
        assert!(draft.contains(phrase), "draft lacks {phrase:?}:\n{draft}");
    }

    // The speakers, in the example's order, each once, "UK" as written, the Special Rapporteur last.
    let ours = speakers_in(&draft, "and");
    assert_eq!(ours, speakers_in(EXAMPLE_SUMMARY, "and"));
    assert_eq!(
        ours.last().map(String::as_str),
        Some("the Special Rapporteur on the human rights of migrants")
    );
    assert!(ours.contains(&"UK".to_owned()) && !draft.contains("United Kingdom"));

    // Every action item, related meeting and date of the record.
    for item in &r.action_items {
        let body = item.text.trim_end_matches('.');
        assert_eq!(draft.matches(body).count(), 1, "{body:?} once in:\n{draft}");
        if let Some(due) = item.due {
            assert!(
                draft.contains(&format!("{body} (by {})", format_date(Language::En, due))),
                "deadline of {body:?}"
            );
        }
    }
    assert!(draft.contains("2 April 2020"));
    for m in &r.related_meetings {
        assert!(draft.contains(&m.title), "{}", m.title);
        let outcome = m.outcome.as_deref().unwrap();
        assert!(draft.contains(&outcome[1..]), "{outcome}");
        let held = format!(
            "{}, held on {}",
            m.title,
            format_date(Language::En, m.date.unwrap())
        );
        assert!(draft.contains(&held), "{held}");
    }
    let requests = section(&r, Language::En, "requests").unwrap();
    assert!(
        requests.starts_with("Delegations asked the United Nations Network on Migration to:"),
        "{requests}"
    );
    let invitations = section(&r, Language::En, "invitations").unwrap();
    assert!(
        invitations
            .starts_with("The United Nations Network on Migration invited Member States to:")
    );
    let commitments = section(&r, Language::En, "commitments").unwrap();
    assert!(
        commitments
            .contains("committed to:\n\n- Address the requests brought forward by Member States.")
    );
}

#[test]
fn sections_come_in_document_order() {
    let names: Vec<String> = draft_sections(&example(), Language::En, &Templates::builtin())
        .unwrap()
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(
        names,
        [
            "heading",
            "opening",
            "related",
            "statements",
            "speakers",
            "requests",
            "commitments",
            "invitations"
        ]
    );
}

#[test]
fn speakers_are_listed_once_states_first_in_un_order_of_the_output_language() {
    let sr = Party::named(
        "Special Rapporteur on the human rights of migrants",
        Category::SpecialProcedure,
    );
    let iom = Party::named(
        "International Organization for Migration",
        Category::UnSystem,
    );
    let r = with_speakers(
        bare(Language::En),
        vec![
            sr.clone(),
            state("VNM"),
            state("IRN"),
            state("TUR"),
            iom.clone(),
            state("CIV"),
            state("VNM"),
            state("BOL"),
            state("EGY"),
            state("ECU"),
            state("ESP"),
            sr,
        ],
    );
    assert_eq!(
        speakers_in(&plain(&r, Language::En), "and"),
        [
            "Bolivia (Plurinational State of)",
            "Côte d'Ivoire",
            "Ecuador",
            "Egypt",
            "Iran (Islamic Republic of)",
            "Spain",
            "Türkiye",
            "Viet Nam",
            "the Special Rapporteur on the human rights of migrants",
            "the International Organization for Migration",
        ]
    );
    assert_eq!(
        speakers_in(&plain(&r, Language::Fr), "et"),
        [
            "Bolivie (État plurinational de)",
            "Côte d'Ivoire",
            "Égypte",
            "Équateur",
            "Espagne",
            "Iran (République islamique d')",
            "Türkiye",
            "Viet Nam",
            "Special Rapporteur on the human rights of migrants",
            "International Organization for Migration",
        ]
    );
}

#[test]
fn display_names_apply_in_the_meetings_language_only() {
    let r = example();
    assert!(
        section(&r, Language::En, "speakers")
            .unwrap()
            .contains(", UK and ")
    );
    let fr = section(&r, Language::Fr, "speakers").unwrap();
    assert!(fr.contains("Royaume-Uni") && !fr.contains("UK"), "{fr}");
    let es = section(&r, Language::Es, "speakers").unwrap();
    assert!(es.contains("Reino Unido") && !es.contains("UK"), "{es}");
}

#[test]
fn dates_the_un_way() {
    let d = date("2019-12-12");
    assert_eq!(format_date(Language::En, d), "12 December 2019");
    assert_eq!(format_date(Language::Fr, d), "12 décembre 2019");
    assert_eq!(format_date(Language::Es, d), "12 de diciembre de 2019");
    assert_eq!(format_date(Language::Ru, d), "12 декабря 2019 года");
    assert_eq!(format_date(Language::Zh, d), "2019年12月12日");
    assert_eq!(format_date(Language::Ar, d), "12 كانون الأول/ديسمبر 2019");
    let first = date("2020-04-01");
    assert_eq!(format_date(Language::Fr, first), "1er avril 2020");
    assert_eq!(format_date(Language::En, first), "1 April 2020");
    assert_eq!(format_date(Language::Es, first), "1 de abril de 2020");
    assert_eq!(
        format_date(Language::Fr, date("2020-04-02")),
        "2 avril 2020"
    );
}

#[test]
fn date_ranges_name_the_month_and_year_once_when_shared() {
    let (a, b) = (date("2019-12-10"), date("2019-12-12"));
    assert_eq!(when(Language::En, a, None), "on 10 December 2019");
    assert_eq!(when(Language::En, a, Some(a)), "on 10 December 2019");
    assert_eq!(
        when(Language::En, a, Some(b)),
        "from 10 to 12 December 2019"
    );
    assert_eq!(
        when(Language::Fr, date("2019-12-01"), Some(b)),
        "du 1er au 12 décembre 2019"
    );
    assert_eq!(
        when(Language::Es, a, Some(b)),
        "del 10 al 12 de diciembre de 2019"
    );
    assert_eq!(
        when(Language::En, date("2019-11-30"), Some(b)),
        "from 30 November to 12 December 2019"
    );
    assert_eq!(
        when(Language::Es, date("2019-11-30"), Some(b)),
        "del 30 de noviembre al 12 de diciembre de 2019"
    );
    assert_eq!(
        when(Language::Fr, date("2019-12-30"), Some(date("2020-01-01"))),
        "du 30 décembre 2019 au 1er janvier 2020"
    );
}

#[test]
fn french_and_spanish_drafts_use_their_dates() {
    let mut r = bare(Language::Fr);
    r.meeting.date = date("2019-12-01");
    assert!(
        plain(&r, Language::Fr).contains("le 1er décembre 2019."),
        "{}",
        plain(&r, Language::Fr)
    );
    assert!(plain(&r, Language::Fr).contains("\n1er décembre 2019\n"));
    assert!(plain(&r, Language::Es).contains("el 1 de diciembre de 2019."));
    let mut r = example();
    r.action_items[5].due = Some(date("2020-04-01"));
    assert!(plain(&r, Language::Fr).contains("Steering Committee (d'ici au 1er avril 2020)."));
    assert!(
        plain(&r, Language::Es)
            .contains("Steering Committee (a más tardar el 1 de abril de 2020).")
    );
    assert!(plain(&r, Language::Fr).contains("tenue le 10 décembre 2019"));
    assert!(plain(&r, Language::Es).contains("celebrada el 11 de diciembre de 2019"));
}

#[test]
fn lists_are_joined_the_way_each_language_does() {
    let three = ["Francia", "Alemania", "Italia"];
    assert_eq!(join_list(Language::En, &["A", "B", "C"]), "A, B and C");
    assert_eq!(join_list(Language::Fr, &["A", "B", "C"]), "A, B et C");
    assert_eq!(join_list(Language::Es, &["A", "B", "C"]), "A, B y C");
    assert_eq!(
        join_list(Language::Es, &three),
        "Francia, Alemania e Italia"
    );
    assert_eq!(
        join_list(Language::Es, &["padres", "hijos"]),
        "padres e hijos"
    );
    assert_eq!(join_list(Language::Es, &["agua", "hielo"]), "agua y hielo");
    assert_eq!(
        join_list(Language::Es, &["Chile", "Hungría"]),
        "Chile y Hungría"
    );
    assert_eq!(join_list(Language::Es, &["Chile", "Irán"]), "Chile e Irán");
    assert_eq!(join_list(Language::Ru, &["A", "B", "C"]), "A, B и C");
    assert_eq!(join_list(Language::Zh, &["甲", "乙", "丙"]), "甲、乙和丙");
    assert_eq!(join_list(Language::En, &["A", "B"]), "A and B");
    assert_eq!(join_list(Language::En, &["A"]), "A");
    assert_eq!(join_list::<&str>(Language::En, &[]), "");
}

#[test]
fn singular_and_plural() {
    let mut r = bare(Language::En);
    r.attendance.groups = vec![
        AttendanceGroup {
            category: Category::MemberState,
            label: Some("Member States".into()),
            count: Some(1),
        },
        AttendanceGroup {
            category: Category::CivilSociety,
            label: None,
            count: Some(1),
        },
        AttendanceGroup {
            category: Category::UnSystem,
            label: None,
            count: Some(2),
        },
    ];
    let r = with_speakers(r, vec![state("ECU")]);
    let en = plain(&r, Language::En);
    assert!(
        en.contains(
            "attended by one Member State, one representative of civil society and two representatives of the \
             United Nations system."
        ),
        "{en}"
    );
    assert!(
        en.contains("A delegate representing the following country took the floor: Ecuador."),
        "{en}"
    );
    let fr = plain(&r, Language::Fr);
    assert!(
        fr.contains("un État Membre, un représentant de la société civile et deux représentants"),
        "{fr}"
    );
    assert!(
        fr.contains("Le représentant du pays suivant a pris la parole\u{a0}: Équateur."),
        "{fr}"
    );
    let es = plain(&r, Language::Es);
    assert!(
        es.contains(
            "un Estado Miembro, un representante de la sociedad civil y dos representantes"
        ),
        "{es}"
    );
    assert!(
        es.contains("Tomó la palabra un representante del siguiente país: Ecuador."),
        "{es}"
    );

    let mut one = bare(Language::Es);
    one.attendance.groups = vec![AttendanceGroup {
        category: Category::MemberState,
        label: None,
        count: Some(1),
    }];
    assert!(
        plain(&one, Language::Es).contains("Asistió a la sesión informativa un Estado Miembro.")
    );
    one.attendance.groups[0].count = Some(3);
    assert!(
        plain(&one, Language::Es)
            .contains("Asistieron a la sesión informativa tres Estados Miembros.")
    );
}

#[test]
fn empty_sections_are_left_out() {
    for lang in Language::ALL {
        let r = bare(lang);
        let names: Vec<String> = draft_sections(&r, lang, &Templates::builtin())
            .unwrap()
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names, ["heading", "opening"], "{lang:?}");
        let text = plain(&r, lang);
        assert!(
            ![
                "attended",
                "participé",
                "Asist",
                "приняли участие",
                "出席",
                "وحضر"
            ]
            .iter()
            .any(|w| text.contains(w)),
            "{text}"
        );
        assert!(
            !text.contains("took the floor")
                && !text.contains("la parole")
                && !text.contains("palabra")
        );
    }
    let mut r = bare(Language::En);
    r.attendance.groups = vec![AttendanceGroup {
        category: Category::Other,
        label: None,
        count: Some(0),
    }];
    assert!(!plain(&r, Language::En).contains("attended"));
}

#[test]
fn decisions_and_next_steps_have_sections_too() {
    let mut r = bare(Language::En);
    r.action_items = vec![
        ActionItem {
            adoption: None,
            agenda_item: None,
            due_month: None,
            id: None,
            kind: ActionKind::Decision,
            from: "Member States".into(),
            to: "Network".into(),
            text: "Hold the next briefing in March.".into(),
            due: None,
            status: ActionStatus::Open,
        },
        ActionItem {
            adoption: None,
            agenda_item: None,
            due_month: None,
            id: None,
            kind: ActionKind::NextStep,
            from: "secretariat".into(),
            to: "Member States".into(),
            text: "Circulate the draft workplan".into(),
            due: Some(date("2020-01-15")),
            status: ActionStatus::Open,
        },
    ];
    let text = plain(&r, Language::En);
    assert!(
        text.contains("The following decisions were taken:\n\n- Hold the next briefing in March."),
        "{text}"
    );
    assert!(
        text.contains("- Circulate the draft workplan (by 15 January 2020)\n"),
        "{text}"
    );
}

#[test]
fn opening_without_chair_uses_the_convener_or_the_passive() {
    let mut r = bare(Language::En);
    r.meeting.chair = None;
    r.meeting.kind = MeetingKind::AnnualMeeting;
    assert!(plain(&r, Language::En).contains(
        "The United Nations Network on Migration held an annual meeting on 12 December 2019."
    ));
    r.meeting.convened_by = None;
    assert!(plain(&r, Language::En).contains("An annual meeting was held on 12 December 2019."));
    assert!(
        plain(&r, Language::Fr).contains("Une réunion annuelle s'est tenue le 12 décembre 2019.")
    );
    assert!(
        plain(&r, Language::Es)
            .contains("Se celebró una reunión anual el 12 de diciembre de 2019.")
    );
}

#[test]
fn every_official_language_drafts_the_example_with_its_own_templates() {
    for lang in Language::ALL {
        let sections: Vec<(String, String)> =
            draft_sections(&example(), lang, &Templates::builtin()).unwrap();
        let names: Vec<&str> = sections.iter().map(|(n, _)| n.as_str()).collect();
        assert!(
            names.starts_with(&["heading", "opening"]),
            "{lang:?}: {names:?}"
        );
        let text: String = sections.iter().map(|(_, t)| t.as_str()).collect();
        // Nothing of another language's built-in wording leaks in.
        for foreign in [
            "took the floor",
            "a pris la parole",
            "tomó la palabra",
            "Summary of",
        ] {
            assert!(
                lang == Language::En || !text.contains(foreign),
                "{lang:?}: {text}"
            );
        }
    }
}
