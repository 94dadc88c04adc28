//! Limits and failure: too large a document, a logo that is not an image, and atomic writes that leave
//! no partial file behind.

use rapporteur_export::{
    ExportError, ExportRequest, Format, Letterhead, MAX_DOCUMENT_BYTES, Replace, check_logo,
    export, write_atomically, write_file,
};

use crate::support::*;

#[test]
fn too_large_a_document_is_refused_with_one_line() {
    let mut record = example();
    let paragraph = "word ".repeat(200) + "\n\n";
    with_summary(
        &mut record,
        &paragraph.repeat(MAX_DOCUMENT_BYTES / paragraph.len() + 1),
    );
    for format in [Format::Pdf, Format::Docx, Format::Html, Format::Md] {
        let err = export(&record, &request(format)).unwrap_err();
        assert!(
            matches!(err, ExportError::TooLarge { .. }),
            "{format}: {err}"
        );
        let msg = err.to_string();
        assert!(
            msg.starts_with("the document is too large to export:") && !msg.contains('\n'),
            "{msg}"
        );
    }
}

#[test]
fn a_logo_that_is_not_an_image_is_refused() {
    let cases: [(&[u8], &str); 3] = [
        (
            b"%PDF-1.7 not an image",
            "not a PNG, JPEG, GIF, WebP or SVG file",
        ),
        (b"\x89PNG\r\n\x1a\ntruncated", "cannot decode it"),
        (
            b"<svg xmlns='http://www.w3.org/2000/svg'><unclosed",
            "cannot read it as SVG",
        ),
    ];
    for (bytes, why) in cases {
        let req = ExportRequest {
            letterhead: Letterhead {
                organisation: "UN".into(),
                unit: None,
                logo: Some(bytes.to_vec()),
            },
            ..request(Format::Pdf)
        };
        let err = export(&example(), &req).unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err, ExportError::BadImage(_)), "{msg}");
        assert!(
            msg.starts_with("the letterhead logo is not a usable image: ") && msg.contains(why),
            "{msg}"
        );
        assert!(!msg.contains('\n'));
        assert!(check_logo(bytes).is_err());
    }
}

#[test]
fn a_real_logo_is_placed_in_pdf_html_and_docx() {
    let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="18" fill="#1a4f8b"/></svg>"##;
    check_logo(svg).unwrap();
    let req = ExportRequest {
        letterhead: Letterhead {
            organisation: "UN".into(),
            unit: None,
            logo: Some(svg.to_vec()),
        },
        ..request(Format::Pdf)
    };
    let pdf = export_ok(&example(), &req);
    let dir = scratch("logo");
    let path = write(&dir, "logo.pdf", &pdf);
    // Typst embeds an SVG as vector graphics: no image XObject. A PNG logo must show as one.
    let listing = tool("pdfimages", &["-list", path.to_str().unwrap()]);
    assert_eq!(
        listing.lines().count(),
        2,
        "no image expected for an SVG: {listing}"
    );
    let png = tool_bytes(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "20",
            "-f",
            "1",
            "-l",
            "1",
            path.to_str().unwrap(),
        ],
    );
    let with_png = ExportRequest {
        letterhead: Letterhead {
            organisation: "UN".into(),
            unit: None,
            logo: Some(png.clone()),
        },
        ..request(Format::Pdf)
    };
    check_logo(&png).unwrap();
    let path = write(&dir, "png-logo.pdf", &export_ok(&example(), &with_png));
    let listing = tool("pdfimages", &["-list", path.to_str().unwrap()]);
    let images: Vec<&str> = listing.lines().skip(2).collect();
    assert_eq!(images.len(), 1, "{listing}");
    assert!(
        images[0].split_whitespace().next() == Some("1"),
        "not on page 1: {listing}"
    );
    let html = String::from_utf8(export_ok(
        &example(),
        &ExportRequest {
            format: Format::Html,
            ..req
        },
    ))
    .unwrap();
    assert!(html.contains("<img alt=\"\" src=\"data:image/svg+xml;base64,"));
}

#[test]
fn atomic_write_replaces_whole_files_and_leaves_nothing_on_failure() {
    let dir = scratch("atomic");
    let path = dir.join("out.pdf");
    write_atomically(&path, b"first").unwrap();
    write_atomically(&path, b"second version").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"second version");
    let names = |d: &std::path::Path| -> Vec<String> {
        std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    assert_eq!(names(&dir), ["out.pdf"], "no temporary file left");

    // A directory, a FIFO or a link at the path is never replaced, and no temporary file is left.
    let blocked = dir.join("blocked");
    std::fs::create_dir(&blocked).unwrap();
    std::fs::write(blocked.join("inside"), b"x").unwrap();
    let err = write_atomically(&blocked, b"data").unwrap_err();
    assert!(matches!(err, ExportError::NotReplaceable { .. }), "{err}");
    assert_eq!(
        err.to_string(),
        format!(
            "{}: is a directory; an export never replaces it",
            blocked.display()
        )
    );
    let link = dir.join("link.pdf");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    assert!(matches!(
        write_atomically(&link, b"x"),
        Err(ExportError::NotReplaceable { .. })
    ));
    // Without permission to replace, an existing file stays as it was.
    let err = write_file(&path, b"third", Replace::Never).unwrap_err();
    assert!(matches!(err, ExportError::Exists { .. }), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), b"second version");
    write_file(&dir.join("new.pdf"), b"new", Replace::Never).unwrap();
    let mut left = names(&dir);
    left.sort();
    assert_eq!(left, ["blocked", "link.pdf", "new.pdf", "out.pdf"]);

    // A missing directory fails before anything is created.
    assert!(write_atomically(&dir.join("missing/out.pdf"), b"x").is_err());
    assert!(!dir.join("missing").exists());
}

#[test]
fn an_svg_logo_that_refers_to_other_files_is_refused() {
    for href in [
        "file:///etc/passwd",
        "/tmp/logo.png",
        "https://example.org/logo.png",
    ] {
        let svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="40"><image xlink:href="{href}" width="40" height="40"/></svg>"#
        );
        let msg = check_logo(svg.as_bytes())
            .expect_err("an SVG with an external image must be refused")
            .to_string();
        assert!(msg.contains("the letterhead logo"), "{msg}");
        assert!(!msg.contains('\n'), "{msg}");
    }
}

/// A Markdown table of `rows` rows and `cols` columns (cells "{name}3c4"), after a header row.
fn table(name: char, rows: usize, cols: usize) -> String {
    let mut t = format!(
        "|{}|\n|{}\n",
        vec!["head"; cols].join("|"),
        "---|".repeat(cols)
    );
    for r in 0..rows {
        let cells: Vec<String> = (0..cols).map(|c| format!("{name}{r}c{c}")).collect();
        t.push_str(&format!("|{}|\n", cells.join("|")));
    }
    t
}

#[test]
fn tables_past_the_cell_budget_print_as_lines_in_a_pdf_with_a_warning() {
    // 10 × 10 and 5 × 10 cells (with their headers) fit the budget of 2,000 cells; 200 × 10 after the first
    // does not.
    let body = format!(
        "{}\n{}\n{}",
        table('a', 9, 10),
        table('b', 199, 10),
        table('c', 4, 10)
    );
    let mut record = example();
    with_summary(&mut record, &body);
    let out = rapporteur_export::export_with_warnings(&record, &request(Format::Pdf)).unwrap();
    assert_eq!(out.warnings.len(), 1, "{:?}", out.warnings);
    assert!(
        out.warnings[0].starts_with("1 table(s) printed as lines of text"),
        "{:?}",
        out.warnings
    );
    let dir = scratch("table-budget");
    let text = pdf_text(&write(&dir, "tables.pdf", &out.bytes)).replace('\n', " ");
    assert!(
        text.contains("b198c0 · b198c1 · b198c2"),
        "the big table's last row, as a line"
    );
    assert!(
        !text.contains("a8c0 · a8c1"),
        "the first table stays a table"
    );
    assert!(
        !text.contains("c3c0 · c3c1"),
        "so does the small one after the big one"
    );
    assert!(
        text.contains("c3c9") && text.contains("a8c9"),
        "the tables are printed"
    );

    // The same document in DOCX keeps every table.
    let docx = export(&record, &request(Format::Docx)).unwrap();
    let path = write(&dir, "tables.docx", &docx);
    let xml = tool(
        "unzip",
        &["-p", path.to_str().unwrap(), "word/document.xml"],
    );
    assert_eq!(xml.matches("<w:tbl>").count(), 3);
}
