//! DOCX: LibreOffice opens it (converting to PDF and to HTML), the text survives, and the structure is real:
//! headings are heading styles, lists are lists, tables are tables.

use std::path::Path;

use rapporteur_export::{ExportRequest, Format, Letterhead};

use crate::support::*;

const STRUCTURE: &str = "## Outcomes\n\nFirst paragraph with *emphasis*, **strength** and a \
[link](https://example.org/briefing).[^1]\n\n\
1. first numbered\n2. second numbered\n   - nested bullet\n\n\
- a bullet\n- another bullet\n\n\
| Delegation | Requests |\n|---|--:|\n| Ecuador | 2 |\n| Germany | 3 |\n\n\
> A quoted passage.\n\n[^1]: The footnote text.\n";

pub fn libreoffice(docx: &Path, to: &str) -> std::path::PathBuf {
    let dir = docx.parent().unwrap();
    let profile = format!("-env:UserInstallation=file://{}/lo-profile", dir.display());
    tool(
        "libreoffice",
        &[
            &profile,
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            dir.to_str().unwrap(),
            docx.to_str().unwrap(),
        ],
    );
    let ext = to.split(':').next().unwrap();
    let out = docx.with_extension(ext);
    assert!(out.exists(), "LibreOffice wrote no {ext}");
    out
}

#[test]
fn libreoffice_opens_the_docx_and_the_text_and_structure_survive() {
    let mut record = example();
    let body = format!("{STRUCTURE}\n{}", example_summary());
    with_summary(&mut record, &body);
    let req = ExportRequest {
        format: Format::Docx,
        annex: true,
        letterhead: Letterhead {
            organisation: "United Nations Network on Migration".into(),
            ..Letterhead::default()
        },
        ..ExportRequest::default()
    };
    let dir = scratch("docx");
    let docx = write(&dir, "example.docx", &export_ok(&record, &req));

    let pdf = libreoffice(&docx, "pdf");
    let text = pdf_text(&pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for fact in [
        "Summary of Network Briefing to Member States",
        "12 December 2019",
        "60 Member States, 22 UN Network representatives and 19 colleagues from civil society",
        "scheduled on 2 April 2020",
        "The footnote text.",
        "List of speakers",
        "Special Rapporteur on the human rights of migrants",
        "Page 1 of",
    ] {
        assert!(text.contains(fact), "{fact:?} lost in DOCX: {text}");
    }
    // pdftotext joins a word that LibreOffice broke at the end of a line at its own hyphen ("Multi-" /
    // "Partner" reads "MultiPartner"); where a line breaks depends on the fonts installed, so hyphens inside
    // words are compared away on both sides.
    let unhyphenated = |ws: Vec<String>| -> Vec<String> {
        ws.into_iter()
            .map(|w| w.replace('-', ""))
            .filter(|w| !w.is_empty())
            .collect()
    };
    let expected = unhyphenated(words(&example_summary().replace("[here](#)", "here")));
    assert_in_order(&expected, &unhyphenated(words(&text)));

    let html = std::fs::read_to_string(libreoffice(&docx, "html:HTML:EmbedImages")).unwrap();
    let html = html.replace('\n', " ");
    assert!(html.contains("<h2"), "Markdown ## is a Word heading 2");
    assert!(html.contains("<ol"), "numbered list is a real list");
    assert!(html.contains("<ul"), "bulleted list is a real list");
    assert!(
        html.matches("<table").count() >= 3,
        "body table and two annex tables"
    );
    assert!(
        html.contains("https://example.org/briefing"),
        "the link survives"
    );
}

/// The unzipped part `name` of a DOCX.
fn part(docx: &Path, name: &str) -> String {
    tool("unzip", &["-p", docx.to_str().unwrap(), name])
}

#[test]
fn footer_is_right_to_left_in_arabic_with_page_numbers_at_footer_size() {
    let req = ExportRequest {
        format: Format::Docx,
        lang: Some(rapporteur_core::Language::Ar),
        annex: true,
        ..ExportRequest::default()
    };
    let dir = scratch("docx-footer");
    let docx = write(&dir, "ar.docx", &export_ok(&example(), &req));
    let footer = part(&docx, "word/footer1.xml");
    assert!(
        footer.contains("<w:bidi"),
        "footer paragraph not right-to-left: {footer}"
    );
    // Every run of the footer, the PAGE and NUMPAGES fields included, is 8.5 pt.
    let runs: Vec<&str> = footer.split("<w:r>").skip(1).collect();
    assert!(runs.len() >= 5, "{footer}");
    for run in runs {
        assert!(
            run.contains(r#"<w:sz w:val="17" />"#),
            "run without size: {run}"
        );
    }
    assert!(footer.contains("NUMPAGES") && footer.contains("PAGE"));
}

#[test]
fn annex_tables_have_fixed_sensible_column_widths() {
    let req = ExportRequest {
        format: Format::Docx,
        annex: true,
        ..ExportRequest::default()
    };
    let dir = scratch("docx-widths");
    let docx = write(&dir, "annex.docx", &export_ok(&example(), &req));
    let doc = part(&docx, "word/document.xml");
    let grids: Vec<Vec<usize>> = doc
        .split("<w:tblGrid>")
        .skip(1)
        .map(|g| {
            g.split("</w:tblGrid>")
                .next()
                .unwrap()
                .split("w:w=\"")
                .skip(1)
                .map(|w| w.split('"').next().unwrap().parse().unwrap())
                .collect()
        })
        .collect();
    assert!(grids.len() >= 2, "{grids:?}");
    for grid in &grids[grids.len() - 2..] {
        let total: usize = grid.iter().sum();
        assert!(
            (8500..=9100).contains(&total),
            "annex table not text width: {grid:?}"
        );
        assert!(
            grid.iter().all(|w| *w >= 900),
            "a column too narrow: {grid:?}"
        );
    }
    assert!(doc.contains(r#"<w:tblLayout w:type="fixed" />"#));
}
