//! The interchange record parser (`rapporteur import`), and the two writers that print a record's fields
//! without a document: CSV (attendance, action items) and ICS (action items with a due date).
//!
//! Promises checked: no panic; an accepted record writes JSON that reads back as the same record; each CSV
//! parses as a table with every row as wide as its header; the ICS is a well-formed iCalendar text (CRLF lines
//! of at most 75 octets, folded lines continuing with a space, BEGIN/END balanced, one event per due item).
#![no_main]

use libfuzzer_sys::fuzz_target;
use rapporteur_core::{parse_record, to_json};
use rapporteur_export::{CsvTable, ExportRequest, Format, export};

fuzz_target!(|data: &[u8]| {
    // The product refuses records over MAX_RECORD_BYTES (50 MB) before parsing; `-max_len` keeps inputs small.
    let Ok(record) = parse_record("fuzz.json", data) else {
        return;
    };
    let json = to_json(&record);
    let again = parse_record("again.json", json.as_bytes()).expect("to_json output parses");
    assert_eq!(again, record, "JSON round trip changed the record");

    for table in [CsvTable::Attendance, CsvTable::Actions] {
        let req = ExportRequest {
            format: Format::Csv,
            csv_table: table,
            ..ExportRequest::default()
        };
        let bytes = export(&record, &req).expect("CSV export of an accepted record");
        check_csv(&bytes);
    }
    let req = ExportRequest {
        format: Format::Ics,
        ..ExportRequest::default()
    };
    let ics = export(&record, &req).expect("ICS export of an accepted record");
    let due = record
        .action_items
        .iter()
        .filter(|a| a.due.is_some())
        .count();
    check_ics(&ics, due);
});

fn check_csv(bytes: &[u8]) {
    // `flexible(false)`: a row of another width than the header is an error.
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
    let width = reader.headers().expect("CSV header").len();
    assert!(width > 0, "CSV without columns");
    for row in reader.records() {
        row.expect("CSV row parses with the header's width");
    }
}

fn check_ics(bytes: &[u8], due_items: usize) {
    let text = std::str::from_utf8(bytes).expect("ICS is UTF-8");
    let body = text.strip_suffix("\r\n").expect("ICS ends with CRLF");
    let mut logical: Vec<String> = Vec::new();
    for line in body.split("\r\n") {
        assert!(line.len() <= 75, "ICS line over 75 octets: {line:?}");
        assert!(
            !line.contains(['\r', '\n']),
            "bare CR or LF inside an ICS line: {line:?}"
        );
        match line.strip_prefix(' ') {
            Some(rest) => logical
                .last_mut()
                .expect("no fold before the first line")
                .push_str(rest),
            None => logical.push(line.to_owned()),
        }
    }
    let mut open: Vec<&str> = Vec::new();
    let mut events = 0;
    for line in &logical {
        let (name, _) = line.split_once(':').expect("ICS content line has a colon");
        assert!(
            !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b"-;=".contains(&b)),
            "ICS property name {name:?}"
        );
        if let Some(component) = line.strip_prefix("BEGIN:") {
            open.push(component);
            events += usize::from(component == "VEVENT");
        } else if let Some(component) = line.strip_prefix("END:") {
            assert_eq!(open.pop(), Some(component), "unbalanced END:{component}");
        }
    }
    assert!(open.is_empty(), "components left open: {open:?}");
    assert_eq!(
        events, due_items,
        "one VEVENT per action item with a due date"
    );
}
