//! CSV, ICS, HTML and Markdown content, and the request types' wire forms.

use rapporteur_export::{CsvTable, DocSelector, ExportRequest, Format};

use crate::support::*;

fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    csv::Reader::from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn attendance_csv_has_groups_and_delegations() {
    let mut record = example();
    record.attendance.delegations = record_from_json(
        r#"{"format":"rapporteur/meeting-record@1",
            "meeting":{"title":"t","kind":"briefing","date":"2019-12-12","language":"en"},
            "attendance":{"delegations":[{"delegation":"GBR","display_name":"UK, the"},
                                         {"delegation":"ECU","present":false}]}}"#,
    )
    .attendance
    .delegations;
    let req = ExportRequest {
        csv_table: CsvTable::Attendance,
        ..request(Format::Csv)
    };
    let bytes = export_ok(&record, &req);
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.starts_with("row,category,label,count,code,name,present\n"));
    let rows = csv_rows(&bytes);
    assert_eq!(
        rows[0],
        ["group", "member_state", "Member States", "60", "", "", ""]
    );
    assert_eq!(
        rows[1],
        [
            "group",
            "un_system",
            "UN Network representatives",
            "22",
            "",
            "",
            ""
        ]
    );
    assert_eq!(
        rows[2],
        [
            "group",
            "civil_society",
            "colleagues from civil society",
            "19",
            "",
            "",
            ""
        ]
    );
    assert_eq!(
        rows[3],
        [
            "delegation",
            "member_state",
            "",
            "",
            "GBR",
            "UK, the",
            "yes"
        ]
    );
    assert_eq!(
        rows[4],
        ["delegation", "member_state", "", "", "ECU", "Ecuador", "no"]
    );
    assert!(
        text.contains("\"UK, the\""),
        "fields with commas are quoted"
    );
}

#[test]
fn actions_csv_lists_every_action_item() {
    let req = ExportRequest {
        csv_table: CsvTable::Actions,
        ..request(Format::Csv)
    };
    let rows = csv_rows(&export_ok(&example(), &req));
    assert_eq!(rows.len(), 7);
    assert_eq!(rows[0][0], "request");
    assert_eq!(rows[0][1], "delegations");
    assert!(rows[0][3].starts_with("Provide more regular briefings"));
    assert_eq!(rows[5][4], "2020-04-02");
    assert_eq!(rows[5][5], "open");
    assert_eq!(rows[3][0], "commitment");
}

#[test]
fn ics_has_one_event_per_deadline_escaped_and_folded() {
    let mut record = example();
    record.action_items[0].due = chrono::NaiveDate::from_ymd_opt(2020, 1, 31);
    record.action_items[0].text = "Brief; report, and \\ follow up\nnext line".into();
    let ics = String::from_utf8(export_ok(&record, &request(Format::Ics))).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(
        ics.matches("BEGIN:VEVENT").count(),
        2,
        "only items with a due date"
    );
    assert!(ics.contains("DTSTART;VALUE=DATE:20200402\r\nDTEND;VALUE=DATE:20200403\r\n"));
    assert!(ics.contains("DTSTART;VALUE=DATE:20200131\r\n"));
    // Every line ends in CRLF and is at most 75 octets; continuation lines start with a space.
    for line in ics.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(line.len() <= 75, "line over 75 octets: {line:?}");
        assert!(!line.contains('\n') && !line.contains('\r'));
    }
    let unfolded = ics.replace("\r\n ", "");
    assert!(
        unfolded.contains("Brief\\; report\\, and \\\\ follow up\\nnext line"),
        "{unfolded}"
    );
    assert!(
        unfolded
            .contains("SUMMARY:United Nations Network on Migration → Member States: Contribute")
    );
    let uids: Vec<&str> = unfolded.lines().filter(|l| l.starts_with("UID:")).collect();
    assert_eq!(uids.len(), 2);
    assert_ne!(uids[0], uids[1]);
}

#[test]
fn ics_folding_never_splits_a_character() {
    let mut record = example();
    record.action_items[5].text = "é".repeat(200);
    let ics = String::from_utf8(export_ok(&record, &request(Format::Ics))).unwrap();
    assert!(ics.replace("\r\n ", "").contains(&"é".repeat(200)));
}

#[test]
fn html_is_one_self_contained_file() {
    let req = ExportRequest {
        annex: true,
        ..request(Format::Html)
    };
    let html = String::from_utf8(export_ok(&example(), &req)).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"));
    assert!(html.contains("<h1>Summary of Network Briefing to Member States</h1>"));
    assert!(html.contains("12 December 2019"));
    assert!(html.contains("<li>Provide more regular briefings"));
    assert!(html.contains("<td>Member States</td><td>60</td>"));
    assert!(html.contains("<td>9</td><td>UK</td>"));
    for remote in ["src=\"http", "href=\"//", "<link", "<script", "@import"] {
        assert!(!html.contains(remote), "{remote} would load something");
    }
    let ar = ExportRequest {
        lang: Some(rapporteur_core::Language::Ar),
        ..req
    };
    let html = String::from_utf8(export_ok(&example(), &ar)).unwrap();
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
}

#[test]
fn markdown_has_the_document_and_the_annex_as_tables() {
    let req = ExportRequest {
        annex: true,
        ..request(Format::Md)
    };
    let md = String::from_utf8(export_ok(&example(), &req)).unwrap();
    assert!(md.starts_with("# Summary of Network Briefing to Member States\n\n12 December 2019\n"));
    assert!(
        md.contains(&example_summary().trim_end().to_owned()),
        "the body, byte for byte"
    );
    assert!(md.contains("## Annex"));
    // Columns that would be empty throughout (named delegations, times) are left out.
    assert!(
        md.contains("### Attendance\n\n| Category | Number |\n|---|--:|\n| Member States | 60 |\n"),
        "{md}"
    );
    assert!(md.contains("| **Total** | **101** |"));
    assert!(md.contains("### List of speakers\n\n| No. | Speaker |\n|--:|---|\n| 1 | Ecuador |\n"));
    assert!(
        md.contains("| 9 | UK |\n| 10 | Special Rapporteur on the human rights of migrants |\n")
    );
}

#[test]
fn request_wire_forms() {
    assert_eq!("pdf".parse::<Format>().unwrap(), Format::Pdf);
    assert_eq!("DOCX".parse::<Format>().unwrap(), Format::Docx);
    assert_eq!("markdown".parse::<Format>().unwrap(), Format::Md);
    assert_eq!(
        "odt".parse::<Format>().unwrap_err().to_string(),
        "unknown export format \"odt\": expected pdf, docx, md, html, csv or ics"
    );
    let req: ExportRequest = serde_json::from_str(
        r#"{"format":"csv","doc":{"statement":1},"lang":"fr","annex":true,
            "letterhead":{"organisation":"UN","logo":"iVBORw0KGgo="},"csv_table":"actions"}"#,
    )
    .unwrap();
    assert_eq!(req.format, Format::Csv);
    assert_eq!(req.doc, DocSelector::Statement(1));
    assert_eq!(req.csv_table, CsvTable::Actions);
    assert_eq!(
        req.letterhead.logo.as_deref(),
        Some(&b"\x89PNG\r\n\x1a\n"[..])
    );
    let back = serde_json::to_value(&req).unwrap();
    assert_eq!(back["letterhead"]["logo"], "iVBORw0KGgo=");
    assert!(serde_json::from_str::<ExportRequest>(r#"{"formats":"pdf"}"#).is_err());
}
