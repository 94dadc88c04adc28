//! The optional UN masthead (format @2's element 15): under the symbol, "Distr.: General", the date, the
//! document's language when translated and "Original: English", in PDF and DOCX, with the symbol in every
//! page's header; refused in one line where it cannot be printed.

use rapporteur_core::Language;
use rapporteur_export::{ExportRequest, Format, export};

use crate::support::*;

fn asked(format: Format, lang: Language) -> ExportRequest {
    ExportRequest {
        lang: Some(lang),
        masthead: true,
        ..request(format)
    }
}

fn with_symbol() -> rapporteur_core::MeetingRecord {
    let mut r = example();
    r.meeting.symbol = Some("CD/PV.1537".into());
    r
}

#[test]
fn the_pdf_prints_the_masthead_under_the_symbol() {
    let r = with_symbol();
    let dir = scratch("masthead");
    let pdf = write(
        &dir,
        "en.pdf",
        &export_ok(&r, &asked(Format::Pdf, Language::En)),
    );
    let text = pdf_text(&pdf);
    for line in [
        "CD/PV.1537",
        "Distr.: General",
        "12 December 2019",
        "Original: English",
    ] {
        assert!(text.contains(line), "{line}: {text}");
    }
    let fr = write(
        &dir,
        "fr.pdf",
        &export_ok(&r, &asked(Format::Pdf, Language::Fr)),
    );
    let text = pdf_text(&fr);
    for line in ["Distr. générale", "Français", "Original : anglais"] {
        assert!(text.contains(line), "{line}: {text}");
    }
    // Without it, none of these lines.
    let plain = write(&dir, "plain.pdf", &export_ok(&r, &request(Format::Pdf)));
    assert!(!pdf_text(&plain).contains("Distr."));
}

#[test]
fn the_docx_prints_the_masthead_and_the_symbol_in_the_page_header() {
    let r = with_symbol();
    let dir = scratch("masthead-docx");
    let docx = write(
        &dir,
        "ru.docx",
        &export_ok(&r, &asked(Format::Docx, Language::Ru)),
    );
    let body = tool(
        "unzip",
        &["-p", docx.to_str().unwrap(), "word/document.xml"],
    );
    // An Arabic, Chinese or Russian document's masthead is in English, as the UN prints it.
    for line in [
        "Distr.: General",
        "12 December 2019",
        "Russian",
        "Original: English",
    ] {
        assert!(body.contains(line), "{line}");
    }
    let header = tool("unzip", &["-p", docx.to_str().unwrap(), "word/header1.xml"]);
    assert!(header.contains("CD/PV.1537"), "{header}");
    let es = write(
        &dir,
        "es.docx",
        &export_ok(&r, &asked(Format::Docx, Language::Es)),
    );
    let body = tool("unzip", &["-p", es.to_str().unwrap(), "word/document.xml"]);
    assert!(body.contains("Distr. general") && body.contains("Original: inglés"));
}

#[test]
fn a_masthead_without_a_symbol_or_outside_pdf_and_docx_is_refused() {
    let mut r = example();
    r.meeting.symbol = None;
    let e = export(&r, &asked(Format::Pdf, Language::En)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the UN masthead needs the meeting's document symbol (meeting.symbol)"
    );
    let e = export(&with_symbol(), &asked(Format::Md, Language::En)).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the UN masthead is printed in PDF and DOCX only"
    );
}
