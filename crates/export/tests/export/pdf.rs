//! The example meeting as PDF: every fact of the summary, fonts embedded, page count, structure, PDF/A.

use rapporteur_export::{DocSelector, ExportRequest, Format, Letterhead, preview_first_page};

use crate::support::*;

fn example_request(annex: bool) -> ExportRequest {
    ExportRequest {
        format: Format::Pdf,
        annex,
        letterhead: Letterhead {
            organisation: "United Nations Network on Migration".into(),
            unit: Some("Secretariat".into()),
            logo: None,
        },
        ..ExportRequest::default()
    }
}

#[test]
fn example_summary_text_survives_in_reading_order() {
    let dir = scratch("pdf-example");
    let pdf = write(
        &dir,
        "example.pdf",
        &export_ok(&example(), &example_request(false)),
    );
    let text = pdf_text(&pdf);

    // Every word of the summary, in order (list markers and the Markdown link syntax aside).
    let body = example_summary().replace("[here](#)", "here");
    let expected: Vec<String> = words(&body).into_iter().filter(|w| w != "-").collect();
    assert_in_order(&expected, &words(&text));

    // The facts, as contiguous phrases.
    for fact in [
        "Summary of Network Briefing to Member States",
        "12 December 2019",
        "IOM Director General António Vitorino",
        "60 Member States, 22 UN Network representatives and 19 colleagues from civil society",
        "held on 10 December 2019",
        "scheduled on 2 April 2020",
        "Ecuador, Germany, Haiti, Mexico, Morocco, Pakistan, Philippines, Thailand, UK, and the Special Rapporteur",
        "Migration MPTF",
        "United Nations Network on Migration",
    ] {
        assert!(
            text.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains(fact),
            "missing {fact:?}"
        );
    }
    // The link to nowhere ("#") is kept as text, not as a link.
    assert!(text.contains("is available here."));
}

#[test]
fn example_fonts_embedded_pages_and_structure() {
    let dir = scratch("pdf-structure");
    let pdf = write(
        &dir,
        "example.pdf",
        &export_ok(&example(), &example_request(true)),
    );

    let fonts = fonts(&pdf);
    assert!(!fonts.is_empty());
    for (name, embedded) in &fonts {
        assert!(embedded, "font {name} is not embedded");
    }
    assert!(
        fonts.iter().any(|(n, _)| n.contains("LibertinusSerif")),
        "{fonts:?}"
    );

    // Body on two pages, annex on its own page.
    assert_eq!(page_count(&pdf), 3);
    let text = pdf_text(&pdf);
    assert!(
        text.contains("Page 1 of 3") && text.contains("Page 3 of 3"),
        "{text}"
    );
    tool("qpdf", &["--check", pdf.to_str().unwrap()]);

    // PDF/A-2a (the accessible level) and PDF/UA-1 identification in the XMP metadata.
    let meta = tool("pdfinfo", &["-meta", pdf.to_str().unwrap()]);
    assert!(meta.contains("<pdfaid:part>2</pdfaid:part>"), "{meta}");
    assert!(
        meta.contains("<pdfaid:conformance>A</pdfaid:conformance>"),
        "{meta}"
    );
    assert!(meta.contains("<pdfuaid:part>1</pdfuaid:part>"), "{meta}");
}

#[test]
fn example_annex_lists_attendance_and_speakers_in_order() {
    let dir = scratch("pdf-annex");
    let pdf = write(
        &dir,
        "example.pdf",
        &export_ok(&example(), &example_request(true)),
    );
    let text = pdf_text(&pdf);
    let annex = &text[text.find("Annex").expect("annex heading")..];
    for s in [
        "Attendance",
        "Member States",
        "60",
        "United Nations system",
        "22",
        "Civil society",
        "19",
        "Total",
        "101",
    ] {
        assert!(annex.contains(s), "annex lacks {s:?}: {annex}");
    }
    let speakers = [
        "Ecuador",
        "Germany",
        "Haiti",
        "Mexico",
        "Morocco",
        "Pakistan",
        "Philippines",
        "Thailand",
        "UK",
        "Special Rapporteur on the human rights of migrants",
    ];
    let mut at = annex.find("List of speakers").expect("speakers heading");
    for s in speakers {
        let found = annex[at..]
            .find(s)
            .unwrap_or_else(|| panic!("{s} missing or out of order"));
        at += found + s.len();
    }
    // display_name overrides the registry name.
    assert!(!annex.contains("United Kingdom"));
}

#[test]
fn statements_and_languages_are_selectable() {
    let record = example();
    let req = ExportRequest {
        doc: DocSelector::Statement(0),
        lang: Some(rapporteur_core::Language::Fr),
        ..example_request(true)
    };
    let dir = scratch("pdf-statement");
    let pdf = write(&dir, "statement.pdf", &export_ok(&record, &req));
    let text = pdf_text(&pdf);
    assert!(text.contains("Statement by the Network Coordinator"));
    assert!(text.contains("12 décembre 2019"));
    assert!(text.contains("Page 1 sur 2"), "{text}");
    assert!(text.contains("Liste des orateurs"));
    assert!(
        text.contains("Équateur"),
        "registry names follow the output language"
    );

    let missing = ExportRequest {
        doc: DocSelector::Statement(5),
        ..example_request(false)
    };
    let err = rapporteur_export::export(&record, &missing).unwrap_err();
    assert_eq!(err.to_string(), "statement 5 not found");
}

#[test]
fn preview_is_page_one_as_svg() {
    let svg = preview_first_page(&example(), &example_request(true)).unwrap();
    assert!(svg.starts_with("<svg"), "{}", &svg[..80]);
    assert!(svg.contains("viewBox=\"0 0 595."), "A4 width in points");
    assert!(!svg.contains("<script"));
}

#[test]
fn markdown_structure_reaches_the_pdf() {
    let mut record = example();
    let body = "## Outcomes\n\nText with *emphasis*, **strength**, ~~struck~~, `code` and a \
[link](https://example.org/x).[^n] Again.[^n]\n\n\
1. first numbered\n2. second numbered\n   - nested bullet\n\n\
| Delegation | Requests |\n|---|--:|\n| Ecuador | 2 |\n| Germany | 3 |\n\n\
> A quoted passage.\n\n```\nfn main() {}\n```\n\n---\n\n[^n]: The footnote text.\n";
    with_summary(&mut record, body);
    let dir = scratch("pdf-structure-md");
    let pdf = write(&dir, "md.pdf", &export_ok(&record, &example_request(false)));
    let text = pdf_text(&pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for s in [
        "Outcomes",
        "Text with emphasis, strength, struck, code and a link.1 Again.1",
        "1. first numbered 2. second numbered",
        "nested bullet",
        "Delegation Requests Ecuador 2 Germany 3",
        "A quoted passage.",
        "fn main() {}",
        "1The footnote text.", // pdftotext joins the superscript mark to the note
    ] {
        assert!(flat.contains(s), "{s:?} missing from:\n{text}");
    }
    assert_eq!(
        flat.matches("The footnote text.").count(),
        1,
        "a repeated note is printed once"
    );
}

/// A drafted summary opens with its own "# Summary of …" and date; the title block takes them over, so the
/// circulated document shows its title and date once, in the rapporteur's wording.
#[test]
fn a_drafted_summarys_own_heading_becomes_the_title_shown_once() {
    let mut record = example();
    let templates = rapporteur_core::draft::Templates::builtin();
    let mut drafted =
        rapporteur_core::draft::draft_summary(&record, record.meeting.language, &templates)
            .unwrap();
    drafted = drafted.replace(
        "# Summary of Network Briefing",
        "# Summary of the Network Briefing",
    );
    with_summary(&mut record, &drafted);
    let dir = scratch("pdf-drafted");
    let pdf = write(
        &dir,
        "drafted.pdf",
        &export_ok(&record, &example_request(false)),
    );
    let text = pdf_text(&pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(
        flat.matches("Summary of the Network Briefing to Member States")
            .count(),
        1,
        "{flat}"
    );
    assert_eq!(
        flat.matches("Summary of Network Briefing").count(),
        0,
        "{flat}"
    );
    assert_eq!(
        flat.matches("12 December 2019").count(),
        1 + flat.matches("on 12 December 2019").count(),
        "{flat}"
    );
    let md = String::from_utf8(export_ok(&record, &request(Format::Md))).unwrap();
    assert_eq!(
        md.matches("Summary of the Network Briefing to Member States")
            .count(),
        1,
        "{md}"
    );
}
