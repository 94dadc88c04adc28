//! What format @2 adds to exports: the annex's list of participants and recorded votes (States in the UN
//! order of the document's language), the CSV of participants, and month deadlines in the calendar as
//! all-day items on the month's last day. The CD plenary fixture is exported in every language.

use rapporteur_core::draft::{Templates, draft_summary};
use rapporteur_core::{AdoptionMethod, DelegationCode, Language, MeetingRecord};
use rapporteur_export::{CsvTable, ExportRequest, Format};

use crate::support::*;

const PLENARY: &str = include_str!("../../../../tests/fixtures/cd-plenary-2020-02-25.json");

fn plenary() -> MeetingRecord {
    record_from_json(PLENARY)
}

fn codes(c: &[&str]) -> Vec<DelegationCode> {
    c.iter()
        .map(|c| DelegationCode::parse(c).unwrap())
        .collect()
}

/// The plenary with its recorded vote listing the States: 3 in favour, 1 against, 1 abstaining.
fn with_listed_vote() -> MeetingRecord {
    let mut r = plenary();
    let vote = r.action_items[1].adoption.as_mut().unwrap();
    assert_eq!(vote.method, AdoptionMethod::RecordedVote);
    (vote.yes, vote.no, vote.abstentions) = (Some(3), Some(1), Some(1));
    vote.in_favour = codes(&["DEU", "CHN", "BRA"]);
    vote.against = codes(&["USA"]);
    vote.abstaining = codes(&["EGY"]);
    r
}

/// `r` with its summary drafted in `lang`, as the rapporteur starts from it.
fn drafted(r: &MeetingRecord, lang: Language) -> MeetingRecord {
    let mut r = r.clone();
    let body = draft_summary(&r, lang, &Templates::builtin()).unwrap();
    with_summary(&mut r, &body);
    r
}

fn annex_md(r: &MeetingRecord, lang: Language) -> String {
    let r = &drafted(r, lang);
    let req = ExportRequest {
        lang: Some(lang),
        annex: true,
        ..request(Format::Md)
    };
    String::from_utf8(export_ok(r, &req)).unwrap()
}

#[test]
fn the_annex_lists_the_participants_head_first_in_un_order() {
    let md = annex_md(&plenary(), Language::En);
    let at = md.find("### List of participants").expect(&md);
    let list = &md[at..];
    // Austria, Tunisia, United States: alphabetical in English.
    let aut = list.find("Austria").unwrap();
    let tun = list.find("Tunisia").unwrap();
    let usa = list.find("United States of America").unwrap();
    assert!(aut < tun && tun < usa, "{list}");
    assert!(
        list.contains("Ms. Lina Haddad | Permanent Representative; Head of delegation"),
        "{list}"
    );
    assert!(list.contains("Mr. Karim Ben Salah | Counsellor"), "{list}");
    let fr = annex_md(&plenary(), Language::Fr);
    assert!(fr.contains("### Liste des participants"), "{fr}");
    assert!(fr.contains("Chef de la délégation"), "{fr}");
}

#[test]
fn the_annex_lists_recorded_votes_with_the_states_in_un_order() {
    let r = with_listed_vote();
    let en = annex_md(&r, Language::En);
    assert!(en.contains("### Recorded votes"), "{en}");
    assert!(en.contains("3: Brazil, China, Germany"), "{en}");
    assert!(en.contains("1: United States of America"), "{en}");
    let fr = annex_md(&r, Language::Fr);
    assert!(fr.contains("3: Allemagne, Brésil, Chine"), "{fr}");
    let es = annex_md(&r, Language::Es);
    assert!(es.contains("3: Alemania, Brasil, China"), "{es}");
    // A vote without listed States gives its counts.
    let plain = annex_md(&plenary(), Language::En);
    assert!(plain.contains("| 27 | 14 | 6"), "{plain}");
}

#[test]
fn participants_csv_has_one_row_per_person() {
    let req = ExportRequest {
        csv_table: CsvTable::Participants,
        ..request(Format::Csv)
    };
    let text = String::from_utf8(export_ok(&plenary(), &req)).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("code,delegation,name,function,head"));
    assert_eq!(
        lines.next(),
        Some("TUN,Tunisia,Ms. Lina Haddad,Permanent Representative,yes")
    );
    assert_eq!(
        lines.next(),
        Some("TUN,Tunisia,Mr. Karim Ben Salah,Counsellor,no")
    );
    assert_eq!(text.lines().count(), 6, "{text}");
}

#[test]
fn a_month_deadline_is_an_all_day_item_on_the_month_s_last_day() {
    let r = plenary();
    assert_eq!(r.action_items[0].due_month.unwrap().to_string(), "2020-04");
    let ics = String::from_utf8(export_ok(&r, &request(Format::Ics))).unwrap();
    assert!(ics.contains("DTSTART;VALUE=DATE:20200430\r\n"), "{ics}");
    assert!(ics.contains("DTEND;VALUE=DATE:20200501\r\n"), "{ics}");
    let mut feb = r.clone();
    feb.action_items[0].due_month = Some(rapporteur_core::YearMonth::parse("2024-02").unwrap());
    let ics = String::from_utf8(export_ok(&feb, &request(Format::Ics))).unwrap();
    assert!(ics.contains("DTSTART;VALUE=DATE:20240229\r\n"), "{ics}");
    let req = ExportRequest {
        csv_table: CsvTable::Actions,
        ..request(Format::Csv)
    };
    let csv = String::from_utf8(export_ok(&r, &req)).unwrap();
    assert!(csv.contains(",2020-04,open"), "{csv}");
}

#[test]
fn the_plenary_exports_in_every_language_with_every_new_element() {
    let r = with_listed_vote();
    for lang in Language::ALL {
        let drafted = drafted(&r, lang);
        for format in [Format::Md, Format::Html, Format::Docx] {
            let req = ExportRequest {
                lang: Some(lang),
                annex: true,
                ..request(format)
            };
            assert!(!export_ok(&drafted, &req).is_empty(), "{lang:?} {format:?}");
        }
        // The PDF, as it leaves the building: masthead and annex, its text extracted again.
        let pdf_req = ExportRequest {
            lang: Some(lang),
            annex: true,
            masthead: true,
            ..request(Format::Pdf)
        };
        let dir = scratch(&format!("plenary-{}", lang.code()));
        let pdf = write(&dir, "plenary.pdf", &export_ok(&drafted, &pdf_req));
        // Words as read, whatever line they were wrapped onto.
        let text = pdf_text(&pdf)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for printed in ["CD/PV.1537", "Distr", "Lina Haddad", "Tatiana Valovaya"] {
            assert!(text.contains(printed), "{lang:?} PDF {printed}: {text}");
        }
        let md = annex_md(&r, lang);
        // The summary drafted in `lang` carries the remarks, positions and announcements.
        for written in [
            "Tatiana Valovaya",
            "welcomed the progress made on the programme of work",
            "the implementation plan would be released in September",
        ] {
            assert!(md.contains(written), "{lang:?} {written}: {md}");
        }
        // The persons and the States of the recorded vote reach the annex whatever the language.
        assert!(md.contains("Ms. Lina Haddad"), "{lang:?}: {md}");
        assert!(md.contains("3: "), "{lang:?}: {md}");
    }
}
