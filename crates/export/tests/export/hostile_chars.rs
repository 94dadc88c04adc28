//! Characters no record may hold (C0 and C1 controls, DEL, noncharacters) that reached one anyway, as text
//! synced from an older version can: every format still exports, and what it writes still parses.

use std::io::Read;

use rapporteur_core::MeetingRecord;
use rapporteur_core::text::is_refused;
use rapporteur_export::{CsvTable, ExportRequest, Format, Letterhead, PrivateNotes, export};

use crate::support::*;

/// Every character the doors refuse that a keyboard, a paste or a broken file could bring.
fn hostile() -> String {
    let mut s: String = ('\0'..='\u{1F}')
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    s.extend([
        '\u{7F}',
        '\u{85}',
        '\u{9B}',
        '\u{FDD0}',
        '\u{FFFE}',
        '\u{FFFF}',
        '\u{10FFFF}',
    ]);
    s
}

/// Bypasses the doors, as sync does: the record is built in memory, not parsed.
fn hostile_record() -> MeetingRecord {
    let h = hostile();
    let mut record = example();
    record.meeting.title = format!("Title {h}");
    record.meeting.venue = Some(format!("Venue {h}"));
    record.attendance.groups[0].label = Some(format!("=cmd|' /C calc'!A0 {h}"));
    for a in &mut record.action_items {
        a.text = format!("@SUM(1+1) {h}");
        a.from = format!("+from {h}");
    }
    let iv = &mut record.interventions.0[0];
    iv.person = Some(format!("Person {h}"));
    iv.summary = format!("Said {h}");
    with_summary(
        &mut record,
        &format!(
            "# Heading {h}\n\nParagraph {h} with *emphasis {h}* and [a link {h}](https://example.org/).\n\n| a {h} | b |\n|---|---|\n| {h} | x |\n"
        ),
    );
    record
}

fn request(format: Format) -> ExportRequest {
    let h = hostile();
    let mut notes = PrivateNotes {
        meeting: format!("Note {h}"),
        ..PrivateNotes::default()
    };
    if matches!(
        format,
        Format::Pdf | Format::Docx | Format::Md | Format::Html
    ) {
        let id = hostile_record().interventions.0[0].id.clone();
        if let Some(id) = id {
            notes.interventions.insert(id, format!("On it {h}"));
        }
    }
    let page = !matches!(format, Format::Csv | Format::Ics);
    ExportRequest {
        format,
        annex: page,
        letterhead: Letterhead {
            organisation: format!("Org {h}"),
            unit: Some(format!("Unit {h}")),
            logo: None,
        },
        private_notes: page.then_some(notes),
        ..ExportRequest::default()
    }
}

fn assert_printable(what: &str, text: &str) {
    let bad: Vec<String> = text
        .chars()
        .filter(|&c| is_refused(c))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    assert!(bad.is_empty(), "{what} holds {bad:?}");
}

#[test]
fn docx_stays_valid_xml() {
    let bytes = export(&hostile_record(), &request(Format::Docx)).expect("DOCX export");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        if !part.name().ends_with(".xml") && !part.name().ends_with(".rels") {
            continue;
        }
        let name = part.name().to_owned();
        let mut xml = String::new();
        part.read_to_string(&mut xml).unwrap();
        // XML 1.0 allows no C0 control but tab and line breaks, and neither U+FFFE nor U+FFFF.
        assert_printable(&name, &xml);
        let mut reader = quick_xml::Reader::from_str(&xml);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{name} is not well-formed XML: {e}"),
            }
        }
    }
}

#[test]
fn pdf_exports_with_the_characters_replaced() {
    let out = rapporteur_export::export_with_warnings(&hostile_record(), &request(Format::Pdf))
        .expect("PDF export");
    let dir = scratch("hostile-chars");
    let text = pdf_text(&write(&dir, "hostile.pdf", &out.bytes));
    assert!(text.contains("Paragraph"), "{text}");
    assert_printable("the PDF's text", &text.replace('\u{C}', ""));
}

#[test]
fn markdown_html_csv_and_ics_hold_none_of_them() {
    for format in [Format::Md, Format::Html, Format::Ics] {
        let bytes = export(&hostile_record(), &request(format)).expect("export");
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            text.contains('\u{FFFD}') || format == Format::Ics,
            "{format}"
        );
        assert_printable(format.as_str(), &text);
    }
    for table in [CsvTable::Attendance, CsvTable::Actions] {
        let req = ExportRequest {
            csv_table: table,
            ..request(Format::Csv)
        };
        let bytes = export(&hostile_record(), &req).expect("CSV export");
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert_printable("CSV", &text);
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        for row in reader.records() {
            let row = row.expect("CSV parses");
            for cell in &row {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "a spreadsheet would run {cell:?} as a formula"
                );
            }
        }
    }
}

/// Valid Markdown past what Typst or PDF/A take: a thousand nested emphases ("maximum parsing depth exceeded"),
/// a 40,000-byte URL ("URL is too long"), a 40,000-byte heading and title ("a PDF string is longer than 32767
/// characters"), and so does a 60,000-character code span or code line. Each prints, its text kept.
#[test]
fn pdf_prints_markdown_past_typst_limits() {
    let mut record = example();
    let cases = [
        format!("{}deep{}", "*".repeat(3000), "*".repeat(3000)),
        format!(
            "[the link text](https://example.org/{})",
            "a".repeat(40_000)
        ),
        format!("## {}", "heading ".repeat(5000)),
        format!("# {}", "title ".repeat(7000)),
        format!("`{}`", "c".repeat(60_000)),
        format!("```\n{}\n\nline\n```", "L".repeat(60_000)),
    ];
    for body in cases {
        with_summary(&mut record, &format!("{body}\n\nAfter.\n"));
        let out = rapporteur_export::export_with_warnings(
            &record,
            &ExportRequest {
                format: Format::Pdf,
                ..ExportRequest::default()
            },
        );
        let out = out.unwrap_or_else(|e| panic!("{}: {e}", &body[..40]));
        let dir = scratch("typst-limits");
        let text = pdf_text(&write(&dir, "limits.pdf", &out.bytes));
        assert!(text.contains("After."), "{}", &body[..40]);
    }
}
