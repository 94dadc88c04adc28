//! The DOCX for assistive technology: headings are Word heading styles (with outline levels), each table's
//! first row is a header row (`w:tblHeader`), and the logo carries its alternative text (`descr`).

use quick_xml::Reader;
use quick_xml::events::Event;
use rapporteur_export::Format;

use crate::support::*;

/// A 2 × 2 blue PNG, the logo.
const PNG: [u8; 73] = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xfd, 0xd4, 0x9a,
    0x73, 0x00, 0x00, 0x00, 0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x90, 0xf2, 0xef, 0x06,
    0x22, 0x06, 0x08, 0x05, 0x00, 0x18, 0xfa, 0x03, 0xd1, 0xe2, 0xad, 0xfa, 0x37, 0x00, 0x00, 0x00,
    0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

const BODY: &str = "## Outcomes\n\nText.\n\n| Delegation | Requests |\n|---|--:|\n| Ecuador | 2 |\n| Germany | 3 |\n";

/// What the document part says, in order: paragraph styles, table starts, rows (and whether each is a header
/// row), and each picture's alternative text.
#[derive(Debug, PartialEq)]
enum Mark {
    Style(String),
    Table,
    Row { header: bool },
    Picture { descr: String },
}

fn marks(document: &str) -> Vec<Mark> {
    let mut reader = Reader::from_str(document);
    let mut out = Vec::new();
    loop {
        match reader.read_event().expect("document.xml parses") {
            Event::Eof => return out,
            Event::Start(e) | Event::Empty(e) => {
                let attr = |name: &[u8]| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == name)
                        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                        .unwrap_or_default()
                };
                match e.name().as_ref() {
                    b"w:pStyle" => out.push(Mark::Style(attr(b"w:val"))),
                    b"w:tbl" => out.push(Mark::Table),
                    b"w:tr" => out.push(Mark::Row { header: false }),
                    b"w:tblHeader" => {
                        if let Some(Mark::Row { header }) =
                            out.iter_mut().rev().find(|m| matches!(m, Mark::Row { .. }))
                        {
                            *header = true;
                        }
                    }
                    b"wp:docPr" => out.push(Mark::Picture {
                        descr: attr(b"descr"),
                    }),
                    _ => {}
                }
            }
            _ => {}
        }
    }
}

#[test]
fn docx_has_heading_styles_header_rows_and_the_logos_alternative_text() {
    let mut record = example();
    with_summary(&mut record, BODY);
    let req = request_with_logo(Format::Docx, &PNG);
    let dir = scratch("docx-access");
    let docx = write(&dir, "access.docx", &export_ok(&record, &req));
    let document = tool(
        "unzip",
        &["-p", docx.to_str().unwrap(), "word/document.xml"],
    );
    let marks = marks(&document);

    assert_eq!(
        marks.first(),
        Some(&Mark::Picture {
            descr: "Logo of United Nations".into()
        }),
        "the logo comes first, described: {marks:?}"
    );
    assert!(marks.contains(&Mark::Style("Heading2".into())), "{marks:?}");
    assert!(
        marks.contains(&Mark::Style("Heading1".into())),
        "the annex heading: {marks:?}"
    );
    // Every table: a header row, then rows that are not.
    let tables: Vec<usize> = (0..marks.len())
        .filter(|&i| marks[i] == Mark::Table)
        .collect();
    assert!(
        tables.len() >= 2,
        "the body's table and the annex's: {marks:?}"
    );
    for &t in &tables {
        let rows: Vec<bool> = marks[t + 1..]
            .iter()
            .take_while(|m| **m != Mark::Table)
            .filter_map(|m| match m {
                Mark::Row { header } => Some(*header),
                _ => None,
            })
            .collect();
        assert!(rows.len() >= 2 && rows[0], "a header row first: {rows:?}");
        assert!(
            rows[1..].iter().all(|h| !h),
            "one header row only: {rows:?}"
        );
    }

    // The heading styles are Word's own, with outline levels (navigation pane, headings lists).
    let styles = tool("unzip", &["-p", docx.to_str().unwrap(), "word/styles.xml"]);
    for (id, level) in [("Heading1", 0), ("Heading2", 1)] {
        let at = styles
            .find(&format!("w:styleId=\"{id}\""))
            .unwrap_or_else(|| panic!("no {id} style"));
        let style = &styles[at..at + styles[at..].find("</w:style>").unwrap()];
        assert!(
            style.contains(&format!("<w:outlineLvl w:val=\"{level}\" />")),
            "{id}: {style}"
        );
    }
}
