//! "My notes": left out unless the request carries them; then a closing section in every document format,
//! the meeting's note first and each intervention's under its speaker, in speaking order, all as literal text.

use std::collections::BTreeMap;

use rapporteur_core::{Language, MeetingRecord};
use rapporteur_export::{ExportRequest, Format, PrivateNotes};

use crate::docx::libreoffice;
use crate::support::*;

const MEETING_NOTE: &str = "Chair-seemed-rushed; follow up with the secretariat.";
const GERMANY_NOTE: &str = "Germany-offered-funding for the pilot.";
const UK_NOTE: &str = "UK-asked-about-timelines again.\n\nSecond line of the UK note.";

/// The example meeting with ids on its interventions, as the store gives them.
fn record() -> MeetingRecord {
    let mut record = example();
    for (i, iv) in record.interventions.0.iter_mut().enumerate() {
        iv.id = Some(format!("iv{}", i + 1));
    }
    record
}

fn notes() -> PrivateNotes {
    PrivateNotes {
        meeting: MEETING_NOTE.into(),
        interventions: BTreeMap::from([
            // Given out of speaking order: the export puts them in order.
            ("iv9".to_owned(), UK_NOTE.to_owned()),
            ("iv2".to_owned(), GERMANY_NOTE.to_owned()),
            ("iv1".to_owned(), "  \n ".to_owned()),
            (
                "deleted".to_owned(),
                "Orphan-note on a removed speaker".to_owned(),
            ),
        ]),
    }
}

fn with_notes(format: Format, notes: PrivateNotes) -> ExportRequest {
    ExportRequest {
        format,
        private_notes: Some(notes),
        ..ExportRequest::default()
    }
}

fn text(record: &MeetingRecord, req: &ExportRequest) -> String {
    String::from_utf8(export_ok(record, req)).unwrap()
}

fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Each of `parts` appears in `s`, in this order.
fn assert_sequence(s: &str, parts: &[impl AsRef<str>]) {
    let mut from = 0;
    for p in parts.iter().map(AsRef::as_ref) {
        let at = s[from..]
            .find(p)
            .unwrap_or_else(|| panic!("{p:?} missing or out of order in:\n{s}"));
        from += at + p.len();
    }
}

#[test]
fn notes_are_absent_unless_the_request_carries_them() {
    let record = record();
    for format in [Format::Md, Format::Html] {
        let plain = text(&record, &request(format));
        assert!(
            !plain.contains("My notes") && !plain.contains("Chair-seemed"),
            "{format}"
        );
        // Notes that are all blank make no section either.
        let blank = PrivateNotes {
            meeting: " \n".into(),
            interventions: BTreeMap::from([("iv2".to_owned(), String::new())]),
        };
        let empty = text(&record, &with_notes(format, blank));
        assert_eq!(empty, plain, "{format}");
    }
    let dir = scratch("notes-absent");
    let pdf = write(
        &dir,
        "plain.pdf",
        &export_ok(&record, &request(Format::Pdf)),
    );
    assert!(!pdf_text(&pdf).contains("My notes"));
}

#[test]
fn markdown_has_the_notes_last_under_speakers_in_order() {
    let md = text(&record(), &with_notes(Format::Md, notes()));
    assert_sequence(
        &md,
        &[
            "scheduled on 2 April 2020",
            "## My notes\n",
            MEETING_NOTE,
            "### 2. Germany\n",
            GERMANY_NOTE,
            "### 9. UK\n",
            "UK-asked-about-timelines again.",
            "Second line of the UK note.",
        ],
    );
    assert!(
        !md.contains("1. Ecuador"),
        "a blank note is left out:\n{md}"
    );
    assert!(!md.contains("Orphan-note"), "{md}");
}

#[test]
fn html_and_other_languages_label_the_section() {
    let html = text(&record(), &with_notes(Format::Html, notes()));
    assert_sequence(
        &html,
        &[
            "</main>",
            "<section class=\"notes\">",
            "<h2>My notes</h2>",
            MEETING_NOTE,
            "<h3>2. Germany</h3>",
            GERMANY_NOTE,
            "<h3>9. UK</h3>",
            "UK-asked-about-timelines again.",
        ],
    );
    for (lang, label, germany) in [
        (Language::Fr, "## Mes notes", "### 2. Allemagne"),
        (Language::Es, "## Mis notas", "### 2. Alemania"),
    ] {
        let req = ExportRequest {
            lang: Some(lang),
            ..with_notes(Format::Md, notes())
        };
        let md = text(&record(), &req);
        assert_sequence(&md, &[label, MEETING_NOTE, germany, GERMANY_NOTE]);
    }
}

#[test]
fn pdf_and_docx_end_with_the_notes() {
    let record = record();
    let dir = scratch("notes-pdf-docx");
    let pdf = write(
        &dir,
        "notes.pdf",
        &export_ok(&record, &with_notes(Format::Pdf, notes())),
    );
    let docx = write(
        &dir,
        "notes.docx",
        &export_ok(&record, &with_notes(Format::Docx, notes())),
    );
    let from_docx = libreoffice(&docx, "pdf");
    for (what, extracted) in [("pdf", pdf_text(&pdf)), ("docx", pdf_text(&from_docx))] {
        let text = flat(&extracted);
        assert_sequence(
            &text,
            &[
                "scheduled on 2 April 2020",
                "My notes",
                MEETING_NOTE,
                "2. Germany",
                GERMANY_NOTE,
                "9. UK",
                "UK-asked-about-timelines again.",
                "Second line of the UK note.",
            ],
        );
        assert!(!text.contains("Orphan-note"), "{what}: {text}");
        assert!(!text.contains("1. Ecuador"), "{what}: {text}");
    }
}

const HOSTILE: &str = "#panic(\"boom\") and #read(\"/etc/passwd\") ]) } $x^2$ <label> @ref \\ C:\\x\n\
- not a list\n\
1. not numbered\n\
= not a heading\n\
<script>alert(1)</script> and <b>bold</b> and `code` and *stars* and [link](http://x.org)\n\
|a|b|\n\
|---|---|";

fn hostile_notes() -> PrivateNotes {
    PrivateNotes {
        meeting: HOSTILE.into(),
        interventions: BTreeMap::from([("iv2".to_owned(), "#strong[x] and \"quotes\"".to_owned())]),
    }
}

#[test]
fn hostile_notes_come_out_literally() {
    let record = record();
    let lines = [
        "#panic(\"boom\") and #read(\"/etc/passwd\") ]) } $x^2$ <label> @ref \\ C:\\x",
        "- not a list",
        "1. not numbered",
        "= not a heading",
        "<script>alert(1)</script> and <b>bold</b> and `code` and *stars* and [link](http://x.org)",
        "|a|b|",
        "|---|---|",
        "#strong[x] and \"quotes\"",
    ];

    let dir = scratch("notes-hostile");
    let pdf = write(
        &dir,
        "hostile.pdf",
        &export_ok(&record, &with_notes(Format::Pdf, hostile_notes())),
    );
    let extracted = pdf_text(&pdf);
    assert!(!extracted.contains("root:"), "nothing read from the disk");
    assert_sequence(&squeezed(&extracted), &squeezed_lines(&lines));

    // Markdown read back shows the same text, with no list, heading, code, link, table or HTML made of it.
    let md = text(&record, &with_notes(Format::Md, hostile_notes()));
    let mut html = String::new();
    let parser = pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::ENABLE_TABLES);
    pulldown_cmark::html::push_html(&mut html, parser);
    let notes_part = &html[html.find("My notes").unwrap()..];
    for tag in [
        "<li", "<ol", "<ul", "<code", "<a ", "<table", "<script", "<b>", "<em", "<hr", "<h1",
    ] {
        assert!(
            !notes_part.contains(tag),
            "{tag} made from a note:\n{notes_part}"
        );
    }
    let escaped: Vec<String> = lines
        .iter()
        .map(|l| {
            l.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        })
        .collect();
    assert_sequence(notes_part, &escaped);

    let out = text(&record, &with_notes(Format::Html, hostile_notes()));
    assert!(
        !out.contains("<script") && !out.contains("<b>bold"),
        "{out}"
    );
    assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));

    let docx = write(
        &dir,
        "hostile.docx",
        &export_ok(&record, &with_notes(Format::Docx, hostile_notes())),
    );
    let extracted = pdf_text(&libreoffice(&docx, "pdf"));
    assert_sequence(&squeezed(&extracted), &squeezed_lines(&lines));
}

/// Without whitespace: page layout may wrap a line anywhere, and extraction then adds a space.
fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn squeezed_lines(lines: &[&str]) -> Vec<String> {
    lines.iter().map(|l| squeezed(l)).collect()
}
