//! The rest of format @2: positions of grouped speakers, podium remarks (answers linked to the intervention
//! they answer), announcements, a related meeting's time and venue, a speaker's role and the persons of each
//! delegation. Each is read, refused with the one-line error when bad, and drafted in the UN's way of
//! writing it in every language.

use rapporteur_core::draft::format_time;
use rapporteur_core::*;

use crate::CD_PLENARY;
use crate::draft::section;
use crate::interchange::assert_error;

fn plenary() -> MeetingRecord {
    parse_record("cd-plenary.json", CD_PLENARY.as_bytes()).unwrap()
}

fn sect(lang: Language, name: &str) -> String {
    section(&plenary(), lang, name).unwrap_or_else(|| panic!("{lang:?} has no {name} section"))
}

#[test]
fn the_new_members_are_read_from_the_plenary() {
    let r = plenary();
    assert_eq!(r.positions[0].holders, Holders::SeveralDelegations);
    assert_eq!(r.remarks[1].kind, RemarkKind::Answer);
    assert_eq!(r.remarks[1].in_reply_to.as_deref(), Some("aut-eu"));
    assert_eq!(r.announcements[1].by, None);
    assert_eq!(r.related_meetings[0].time.as_deref(), Some("10:00"));
    assert_eq!(
        r.related_meetings[0].venue.as_deref(),
        Some("Council Chamber")
    );
    assert_eq!(
        r.interventions.0[2].role.as_deref(),
        Some("member of the delegation of the United States")
    );
    let usa = &r.attendance.delegations[1].persons;
    assert!(usa[0].head && !usa[1].head);
    assert_eq!(usa[1].function.as_deref(), Some("Adviser"));
}

#[test]
fn grouped_positions_are_drafted_without_naming_the_speakers() {
    for (lang, expected) in [
        (
            Language::En,
            "Several delegations welcomed the progress made on the programme of work.",
        ),
        (Language::Fr, "Plusieurs délégations welcomed"),
        (Language::Es, "Varias delegaciones welcomed"),
        (Language::Ru, "Несколько делегаций welcomed"),
        (Language::Zh, "若干代表团welcomed"),
        (Language::Ar, "وعدة وفود welcomed"),
    ] {
        let text = sect(lang, "positions");
        assert!(text.contains(expected), "{lang:?}: {text}");
    }
    let en = sect(Language::En, "positions");
    // The record's own final full stop is not doubled.
    assert!(
        en.contains("Speakers called for the early commencement of negotiations on a fissile material cut-off treaty.\n")
            || en.ends_with("cut-off treaty."),
        "{en}"
    );
    assert!(!en.contains(".."), "{en}");
}

#[test]
fn podium_remarks_name_who_spoke_and_what_an_answer_replies_to() {
    let en = sect(Language::En, "remarks");
    assert!(
        en.contains(
            "The Secretary-General of the Conference, Tatiana Valovaya, made opening remarks. She recalled"
        ),
        "{en}"
    );
    assert!(
        en.contains("The President responded to the statement by Austria. The draft would be"),
        "{en}"
    );
    let fr = sect(Language::Fr, "remarks");
    assert!(fr.contains("a fait une déclaration liminaire."), "{fr}");
    assert!(
        fr.contains("a répondu à l'intervention (Autriche)."),
        "{fr}"
    );
    let es = sect(Language::Es, "remarks");
    assert!(es.contains("formuló una declaración de apertura."), "{es}");
    assert!(es.contains("respondió a la declaración (Austria)."), "{es}");
    for (lang, expected) in [
        (Language::Ru, "на выступление (Австрия)"),
        (Language::Zh, "答复了奥地利的发言。"),
        (Language::Ar, "على بيان (النمسا)."),
    ] {
        let text = sect(lang, "remarks");
        assert!(text.contains(expected), "{lang:?}: {text}");
    }
}

#[test]
fn an_answer_to_a_question_says_so_and_survives_its_question_being_removed() {
    let mut r = plenary();
    r.interventions.0[1].kind = InterventionKind::Question;
    let en = section(&r, Language::En, "remarks").unwrap();
    assert!(
        en.contains("responded to the question from Austria."),
        "{en}"
    );
    // Two replicas: one removes the question, the other keeps the answer. The draft still reads.
    r.interventions.0.remove(1);
    let en = section(&r, Language::En, "remarks").unwrap();
    assert!(
        en.contains("The President responded to a question."),
        "{en}"
    );
}

/// Russian and Arabic verbs agree with their subject's gender, which a record's names (a role, "the
/// secretariat", a person) do not carry: announcements and podium remarks are written so that no verb agrees
/// with the name (an impersonal or passive verb, the name in apposition or after "من جانب").
#[test]
fn russian_and_arabic_floor_sentences_need_no_speaker_gender() {
    let ru = [
        sect(Language::Ru, "remarks"),
        sect(Language::Ru, "announcements"),
    ]
    .concat();
    for expected in [
        "Прозвучало вступительное слово (выступающий — ",
        "Прозвучал ответ (отвечающий — ",
        ") на выступление (Австрия).",
        "Было объявлено (автор объявления — ",
        "Было объявлено, что the high-level",
    ] {
        assert!(ru.contains(expected), "{expected}: {ru}");
    }
    assert!(!ru.contains("(а)"), "{ru}");
    let ar = [
        sect(Language::Ar, "remarks"),
        sect(Language::Ar, "announcements"),
    ]
    .concat();
    for expected in [
        "وقُدّمت ملاحظات افتتاحية من جانب ",
        "وقُدّم ردّ من جانب ",
        "وأُعلن من جانب ",
        "وأُعلن أن the high-level",
    ] {
        assert!(ar.contains(expected), "{expected}: {ar}");
    }
    for gendered in ["وأعلن ", "وأدلى ", "وردّ "] {
        assert!(!ar.contains(gendered), "{gendered}: {ar}");
    }
}

#[test]
fn announcements_are_reported_as_what_was_announced() {
    let en = sect(Language::En, "announcements");
    assert!(
        en.contains(
            "The secretariat announced that the implementation plan would be released in September."
        ),
        "{en}"
    );
    assert!(
        en.contains("It was announced that the high-level segment would open"),
        "{en}"
    );
    let fr = sect(Language::Fr, "announcements");
    assert!(
        fr.contains("Le Secrétariat a annoncé que the implementation"),
        "{fr}"
    );
    assert!(fr.contains("Il a été annoncé que the high-level"), "{fr}");
    let es = sect(Language::Es, "announcements");
    assert!(es.contains("anunció que the implementation"), "{es}");
    assert!(es.contains("Se anunció que the high-level"), "{es}");
    for (lang, expected) in [
        (Language::Ru, "Было объявлено, что"),
        (Language::Zh, "会议宣布，"),
        (Language::Ar, "وأُعلن أن"),
    ] {
        let text = sect(lang, "announcements");
        assert!(text.contains(expected), "{lang:?}: {text}");
    }
}

#[test]
fn a_related_meeting_gives_its_time_and_venue() {
    for (lang, expected) in [
        (
            Language::En,
            "held on 3 March 2020 at 10 a.m. (Council Chamber)",
        ),
        (
            Language::Fr,
            "tenue le 3 mars 2020 à 10 heures (Council Chamber)",
        ),
        (
            Language::Es,
            "celebrada el 3 de marzo de 2020 a las 10.00 horas (Council Chamber)",
        ),
        (Language::Ru, "в 10 ч. 00 м.)"),
        (Language::Zh, "上午10时举行）"),
        (Language::Ar, "الساعة 00/10"),
    ] {
        let text = sect(lang, "related");
        assert!(text.contains(expected), "{lang:?}: {text}");
    }
}

#[test]
fn times_of_day_are_written_in_each_language_s_un_style() {
    for (lang, hhmm, expected) in [
        (Language::En, "10:00", "10 a.m."),
        (Language::En, "15:30", "3.30 p.m."),
        (Language::En, "12:00", "noon"),
        (Language::En, "00:15", "12.15 a.m."),
        (Language::Fr, "10:00", "10 heures"),
        (Language::Fr, "15:30", "15 h 30"),
        (Language::Es, "15:30", "15.30 horas"),
        (Language::Ru, "09:05", "9 ч. 05 м."),
        (Language::Zh, "15:30", "下午3时30分"),
        (Language::Zh, "12:00", "中午12时"),
        (Language::Ar, "15:30", "30/15"),
    ] {
        assert_eq!(format_time(lang, hhmm), expected, "{lang:?} {hhmm}");
    }
}

#[test]
fn a_speaker_s_role_follows_their_name() {
    let en = sect(Language::En, "speakers");
    assert!(
        en.contains("United States of America (member of the delegation of the United States)"),
        "{en}"
    );
    let zh = sect(Language::Zh, "speakers");
    assert!(zh.contains("（member of the delegation"), "{zh}");
}

/// The plenary with `from` replaced by `to` once.
fn with(from: &str, to: &str) -> String {
    assert!(CD_PLENARY.contains(from), "{from}");
    CD_PLENARY.replacen(from, to, 1)
}

/// The error of an object-wide rule: one line naming the object, at its closing brace (after `last`, its last
/// member).
fn assert_error_closing(json: &str, path: &str, fragment: &str, last: &str) {
    let e = parse_record("bad.json", json.as_bytes())
        .unwrap_err()
        .to_string();
    let line = json[..json.find(last).unwrap()].matches('\n').count() + 2;
    assert!(!e.contains('\n'), "{e}");
    assert!(e.starts_with(&format!("bad.json: {path}: ")), "{e}");
    assert!(e.contains(fragment), "{e}");
    // serde_json places it where it stopped reading: just after the brace, which may be the next line's `]`.
    assert!(
        e.contains(&format!(" at line {line} column "))
            || e.contains(&format!(" at line {} column ", line + 1)),
        "{e}"
    );
}

#[test]
fn bad_new_members_get_the_one_line_error() {
    let bad = with("\"in_reply_to\": \"aut-eu\"", "\"in_reply_to\": \"nobody\"");
    assert_error(
        &bad,
        "remarks[1].in_reply_to",
        "no intervention has the id \"nobody\"",
        "\"in_reply_to\": \"nobody\"",
    );
    // A rule across an object's members is reported at the object's closing brace.
    let bad = with("\"in_reply_to\": \"aut-eu\",", "");
    assert_error_closing(
        &bad,
        "remarks[1]",
        "an answer needs `in_reply_to`",
        "\"summary\": \"The draft would",
    );
    let bad = with(
        "\"person\": \"Tatiana Valovaya\",",
        "\"person\": \"Tatiana Valovaya\", \"in_reply_to\": \"aut-eu\",",
    );
    assert_error_closing(
        &bad,
        "remarks[0]",
        "`in_reply_to` applies only to answers",
        "\"summary\": \"She recalled",
    );
    let bad = with(
        "\"holders\": \"several_delegations\"",
        "\"holders\": \"a_few\"",
    );
    assert_error(&bad, "positions[0].holders", "unknown variant", "\"a_few\"");
    let bad = with(
        "\"text\": \"welcomed the progress made on the programme of work\"",
        "\"text\": \" \"",
    );
    assert_error(
        &bad,
        "positions[0].text",
        "must not be empty",
        "\"text\": \" \"",
    );
    let bad = with(
        "{ \"name\": \"Mr. Karim Ben Salah\", \"function\": \"Counsellor\" }",
        "{ \"name\": \"Mr. Karim Ben Salah\", \"function\": \"Counsellor\", \"head\": true }",
    );
    assert_error_closing(
        &bad,
        "attendance.delegations[0].persons",
        "at most one head (person 1 and person 2",
        "\"Counsellor\", \"head\": true }",
    );
    let bad = with("\"time\": \"10:00\"", "\"time\": \"10 a.m.\"");
    assert_error(
        &bad,
        "related_meetings[0].time",
        "not a time of day as HH:MM",
        "\"10 a.m.\"",
    );
    let bad = with(
        "\"agenda_item\": \"3\"\n    },\n    {\n      \"text\"",
        "\"agenda_item\": \"7\"\n    },\n    {\n      \"text\"",
    );
    assert_error(
        &bad,
        "announcements[0].agenda_item",
        "agenda item \"7\" is not on the meeting's agenda",
        "\"agenda_item\": \"7\"",
    );
    let bad = with(
        "\"by\": \"the secretariat\",",
        "\"by\": \"the secretariat\", \"when\": \"soon\",",
    );
    assert_error(
        &bad,
        "announcements[0].when",
        "unknown field `when`",
        "\"when\"",
    );
}

#[test]
fn a_record_without_the_new_members_writes_none_of_them() {
    let r = parse_record("example.json", crate::EXAMPLE.as_bytes()).unwrap();
    let json = to_json(&r);
    for key in [
        "positions",
        "remarks",
        "announcements",
        "persons",
        "in_reply_to",
    ] {
        assert!(!json.contains(key), "{key} in {json}");
    }
}

#[test]
fn each_remark_and_each_decision_is_its_own_paragraph_or_item() {
    for lang in Language::ALL {
        let remarks = sect(lang, "remarks");
        assert_eq!(remarks.split("\n\n").count(), 2, "{lang:?}: {remarks}");
        let decisions = sect(lang, "decisions");
        let items = decisions.lines().filter(|l| l.starts_with("- ")).count();
        assert_eq!(items, 2, "{lang:?}: {decisions}");
    }
}
