//! Drafting what format @2 added, in the UN's sentence forms: speakers on behalf of a group or of other
//! States, the documents before the meeting, a speakers line per agenda item, the chair's State, the session
//! and month deadlines; and the real-style fixture drafted in the six languages.

use rapporteur_core::*;

use crate::CD_PLENARY;
use crate::draft::{bare, plain, section, state, with_speakers};

fn plenary() -> MeetingRecord {
    parse_record("cd-plenary.json", CD_PLENARY.as_bytes()).unwrap()
}

fn code(c: &str) -> DelegationCode {
    DelegationCode::parse(c).unwrap()
}

fn group(c: &str) -> Option<GroupRef> {
    Some(GroupRef::builtin(GroupCode::parse(c).unwrap()))
}

/// One speaker, `who`, speaking for `on_behalf_of` and `also`.
fn spoke_for(
    lang: Language,
    who: &str,
    on_behalf_of: Option<GroupRef>,
    also: &[&str],
) -> MeetingRecord {
    let mut r = with_speakers(bare(lang), vec![state(who)]);
    r.interventions.0[0].on_behalf_of = on_behalf_of;
    r.interventions.0[0].also_on_behalf_of = also.iter().map(|c| code(c)).collect();
    r
}

fn speakers(r: &MeetingRecord, lang: Language) -> String {
    section(r, lang, "speakers").unwrap()
}

#[test]
fn a_speaker_on_behalf_of_a_group_is_named_with_it_in_each_language() {
    for (lang, expected) in [
        (
            Language::En,
            "Ecuador (on behalf of the Group of 77 and China)",
        ),
        (
            Language::Fr,
            "Équateur (au nom du Groupe des 77 et de la Chine)",
        ),
        (
            Language::Es,
            "Ecuador (en nombre del Grupo de los 77 y China)",
        ),
        (Language::Ru, "Эквадор (от имени Группы 77 и Китая)"),
        (Language::Zh, "厄瓜多尔（代表77国集团和中国）"),
        (Language::Ar, "إكوادور (باسم مجموعة الـ 77 والصين)"),
    ] {
        let r = spoke_for(lang, "ECU", group("g77-china"), &[]);
        let line = speakers(&r, lang);
        assert!(line.contains(expected), "{lang:?}: {line}");
    }
}

#[test]
fn a_free_group_is_named_as_written() {
    let free = Some(GroupRef {
        group: None,
        name: Some("nine member countries of the Lima Group".into()),
    });
    let r = spoke_for(Language::En, "PER", free.clone(), &[]);
    assert!(
        speakers(&r, Language::En)
            .contains("Peru (on behalf of nine member countries of the Lima Group)")
    );
    let r = spoke_for(Language::Fr, "PER", free, &[]);
    assert!(
        speakers(&r, Language::Fr)
            .contains("Pérou (au nom de nine member countries of the Lima Group)")
    );
}

#[test]
fn also_on_behalf_of_names_the_states_in_the_output_languages_un_order() {
    // Egypt comes before Germany in English; Allemagne before Égypte in French, Alemania before Egipto in
    // Spanish: the order follows the output language, not the record.
    for (lang, expected) in [
        (
            Language::En,
            "Venezuela (Bolivarian Republic of) (also on behalf of Egypt and Germany)",
        ),
        (
            Language::Fr,
            "Venezuela (République bolivarienne du) (au nom également des pays suivants : Allemagne et Égypte)",
        ),
        (
            Language::Es,
            "Venezuela (República Bolivariana de) (también en nombre de Alemania y Egipto)",
        ),
        (
            Language::Ru,
            "(также от имени следующих государств: Германия и Египет)",
        ),
        // Chinese documents list States in the English order.
        (Language::Zh, "（同时代表埃及和德国）"),
    ] {
        let r = spoke_for(lang, "VEN", None, &["EGY", "DEU"]);
        let line = speakers(&r, lang);
        assert!(line.contains(expected), "{lang:?}: {line}");
    }
    let r = spoke_for(Language::Fr, "VEN", None, &["ARG"]);
    assert!(speakers(&r, Language::Fr).contains("(au nom également du pays suivant : Argentine)"));
}

#[test]
fn a_group_and_other_states_together() {
    let r = spoke_for(Language::En, "EGY", group("african-group"), &["MAR"]);
    assert!(
        speakers(&r, Language::En)
            .contains("Egypt (on behalf of the African Group and also on behalf of Morocco)")
    );
    let r = spoke_for(Language::Es, "EGY", group("african-group"), &["MAR"]);
    assert!(
        speakers(&r, Language::Es)
            .contains("Egipto (en nombre del Grupo de África y también en nombre de Marruecos)")
    );
}

#[test]
fn a_state_speaking_for_itself_and_for_a_group_is_listed_once_per_capacity() {
    let mut r = with_speakers(bare(Language::En), vec![state("AUT"), state("AUT")]);
    r.interventions.0[0].on_behalf_of = group("european-union");
    let line = speakers(&r, Language::En);
    assert!(
        line.contains("Austria (on behalf of the European Union) and Austria."),
        "{line}"
    );
}

#[test]
fn the_documents_before_the_meeting_with_their_symbols() {
    let r = plenary();
    assert_eq!(
        section(&r, Language::En, "before").unwrap(),
        "The Conference on Disarmament had before it the following documents: Draft decision on the \
         programme of work for the 2020 session (CD/2179) and CD/WP.620."
    );
    assert!(
        section(&r, Language::Fr, "before")
            .unwrap()
            .starts_with("La réunion était saisie des documents suivants : Draft decision")
    );
    assert!(
        section(&r, Language::Es, "before")
            .unwrap()
            .ends_with("(CD/2179) y CD/WP.620.")
    );
    let mut one = bare(Language::En);
    one.meeting.convened_by = None;
    one.meeting.documents_before = vec![DocumentBefore {
        symbol: "CD/1863".into(),
        title: None,
    }];
    assert_eq!(
        section(&one, Language::En, "before").unwrap(),
        "The meeting had before it the following document: CD/1863."
    );
    assert_eq!(section(&bare(Language::En), Language::En, "before"), None);
}

#[test]
fn a_speakers_line_per_agenda_item_when_they_spoke_under_several() {
    let r = plenary();
    let en = speakers(&r, Language::En);
    let one = en
        .find("## Agenda item 1: Cessation of the nuclear arms race")
        .unwrap();
    let three = en
        .find("## Agenda item 3: Prevention of an arms race in outer space")
        .unwrap();
    assert!(one < three, "{en}");
    assert!(en[one..three].contains("Ecuador (on behalf of the Group of 77 and China)"));
    assert!(en[three..].contains("China, Peru"));
    assert!(speakers(&r, Language::Fr).contains("## Point 3 de l'ordre du jour : Prevention"));
    assert!(speakers(&r, Language::Es).contains("## Tema 1 del programa: Cessation"));

    // Everyone under one item: one line, no heading.
    let mut single = r.clone();
    for i in &mut single.interventions.0 {
        i.agenda_item = Some("1".into());
    }
    let line = speakers(&single, Language::En);
    assert!(!line.contains("##"), "{line}");
    assert_eq!(line.matches("took the floor").count(), 1);
}

#[test]
fn the_chair_is_named_with_the_state_and_the_heading_with_the_session_code_and_status_line() {
    let r = plenary();
    let en = plain(&r, Language::En);
    assert!(en.contains("Ambassador Lina Haddad (Tunisia)"), "{en}");
    assert!(
        en.contains("\n\nFirst part of the 2020 session\n\n"),
        "{en}"
    );
    assert!(
        en.starts_with(
            "For use of information media; not an official record\n\nDC20/008E\n\n# Summary of Plenary"
        ),
        "{en}"
    );
    assert!(plain(&r, Language::Fr).contains("Ambassador Lina Haddad (Tunisie)"));
    assert!(plain(&r, Language::Es).contains("Ambassador Lina Haddad (Túnez)"));
}

#[test]
fn a_deadline_given_as_a_month() {
    let r = plenary();
    for (lang, expected) in [
        (Language::En, "(by April 2020)."),
        (Language::Fr, "(d'ici à avril 2020)."),
        (Language::Es, "(a más tardar en abril de 2020)."),
        (Language::Ru, "(срок — апрель 2020 года)."),
        (Language::Zh, "（2020年4月前）"),
        (Language::Ar, "(بحلول نيسان/أبريل 2020)."),
    ] {
        let text = section(&r, lang, "requests").unwrap();
        assert!(text.contains(expected), "{lang:?}: {text}");
    }
    // A day keeps its own preposition.
    let mut day = r.clone();
    day.action_items[0].due_month = None;
    day.action_items[0].due = Some("2020-04-02".parse().unwrap());
    assert!(
        section(&day, Language::Fr, "requests")
            .unwrap()
            .contains("(d'ici au 2 avril 2020).")
    );
}

#[test]
fn the_real_style_plenary_drafts_in_every_language() {
    let r = plenary();
    for (lang, item, group) in [
        (
            Language::En,
            "## Agenda item 3",
            "(on behalf of the European Union)",
        ),
        (
            Language::Fr,
            "## Point 3 de l'ordre du jour",
            "(au nom de l'Union européenne)",
        ),
        (
            Language::Es,
            "## Tema 3 del programa",
            "(en nombre de la Unión Europea)",
        ),
        (
            Language::Ru,
            "## Пункт 3 повестки дня",
            "(от имени Европейского союза)",
        ),
        (Language::Zh, "## 议程项目3", "（代表欧洲联盟）"),
        (
            Language::Ar,
            "## البند 3 من جدول الأعمال",
            "(باسم الاتحاد الأوروبي)",
        ),
    ] {
        let text = plain(&r, lang);
        for wanted in [item, group, "CD/2179", "CD/WP.620"] {
            assert!(text.contains(wanted), "{lang:?} lacks {wanted:?}:\n{text}");
        }
    }
}

#[test]
fn decisions_say_how_they_were_adopted() {
    let r = plenary();
    for (lang, voted, consensus) in [
        (
            Language::En,
            "Adopt the programme of work for the 2020 session (CD/2179). The draft decision was adopted by a \
             recorded vote of 27 to 14, with 6 abstentions.",
            "The draft decision was adopted without a vote.",
        ),
        (
            Language::Fr,
            "Le projet de décision a été adopté à l'issue d'un vote enregistré, par 27 voix contre 14, avec 6 \
             abstentions.",
            "Le projet de décision a été adopté sans vote.",
        ),
        (
            Language::Es,
            "El proyecto de decisión fue aprobado en votación registrada por 27 votos contra 14 y 6 \
             abstenciones.",
            "El proyecto de decisión fue aprobado sin votación.",
        ),
        (
            Language::Ru,
            "Проект решения был принят заносимым в отчет голосованием 27 голосами против 14 при 6 \
             воздержавшихся.",
            "Проект решения был принят без голосования.",
        ),
        (
            Language::Zh,
            "决定草案经记录表决，以27票赞成、14票反对、6票弃权获得通过。",
            "决定草案未经表决获得通过。",
        ),
        (
            Language::Ar,
            "بتصويت مسجل",
            "واعتُمد مشروع المقرر دون تصويت.",
        ),
    ] {
        let text = section(&r, lang, "decisions").unwrap();
        assert!(text.contains(voted), "{lang:?}: {text}");
        assert!(text.contains(consensus), "{lang:?}: {text}");
    }
}

#[test]
fn a_recorded_vote_lists_each_side_in_un_order_and_counts_take_their_plural() {
    let mut r = plenary();
    let a = r.action_items[1].adoption.as_mut().unwrap();
    a.yes = Some(2);
    a.no = Some(1);
    a.abstentions = Some(1);
    a.in_favour = vec![code("EGY"), code("DEU")];
    a.against = vec![code("ARG")];
    a.abstaining = vec![code("BRA")];
    let en = section(&r, Language::En, "decisions").unwrap();
    assert!(
        en.contains(
            "by a recorded vote of 2 to 1, with 1 abstention. In favour: Egypt and Germany. Against: \
             Argentina. Abstaining: Brazil."
        ),
        "{en}"
    );
    let fr = section(&r, Language::Fr, "decisions").unwrap();
    assert!(
        fr.contains("avec 1 abstention. Ont voté pour : Allemagne et Égypte."),
        "{fr}"
    );
    let es = section(&r, Language::Es, "decisions").unwrap();
    assert!(es.contains("por 2 votos contra 1 y 1 abstención."), "{es}");
    let ru = section(&r, Language::Ru, "decisions").unwrap();
    assert!(
        ru.contains("2 голосами против 1 при 1 воздержавшемся."),
        "{ru}"
    );
    a_single_yes_vote_is_singular(r);
}

fn a_single_yes_vote_is_singular(mut r: MeetingRecord) {
    let a = r.action_items[1].adoption.as_mut().unwrap();
    *a = Adoption {
        method: AdoptionMethod::Vote,
        yes: Some(1),
        no: Some(0),
        abstentions: Some(0),
        in_favour: Vec::new(),
        against: Vec::new(),
        abstaining: Vec::new(),
    };
    let es = section(&r, Language::Es, "decisions").unwrap();
    assert!(es.contains("fue aprobado por 1 voto contra 0."), "{es}");
    let ru = section(&r, Language::Ru, "decisions").unwrap();
    assert!(ru.contains("был принят 1 голосом против 0."), "{ru}");
}
