//! Markdown → DOCX: a summary body written as a Word document.
//!
//! Promises checked: no panic, no error; the file is a ZIP whose XML parts all parse; the document part grows
//! linearly with the input (a bounded number of bytes per input byte, so no input multiplies the work).
#![no_main]

use std::io::Read;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rapporteur_core::{Document, DocumentKind, MeetingRecord, parse_record};
use rapporteur_export::{ExportRequest, Format, export};

/// Uncompressed XML bytes per input byte, at most: one character can open a run, a hyperlink or a note,
/// each a few hundred bytes of XML; what matters is that it is a constant.
const PER_BYTE: usize = 1024;
/// XML of every part for an empty body (front matter, styles, numbering), with room to spare.
const BASE: usize = 256 * 1024;

fn example() -> &'static MeetingRecord {
    static RECORD: OnceLock<MeetingRecord> = OnceLock::new();
    RECORD.get_or_init(|| {
        let json = include_bytes!("../../tests/fixtures/network-briefing-2019-12-12.json");
        let mut r = parse_record("example", json).expect("the example parses");
        r.documents.retain(|d| d.kind != DocumentKind::Summary);
        r
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(md) = std::str::from_utf8(data) else {
        return;
    };
    // Any character: one no record may hold (a control character) still arrives through sync from an older
    // version, and the export must print it safely (U+FFFD), never write XML that does not parse.
    let mut record = example().clone();
    record.documents.insert(
        0,
        Document {
            id: None,
            kind: DocumentKind::Summary,
            title: None,
            body: md.to_owned(),
            speaker: None,
            delivered_on: None,
        },
    );
    let req = ExportRequest {
        format: Format::Docx,
        ..ExportRequest::default()
    };
    let bytes = export(&record, &req).expect("DOCX export");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("DOCX is a ZIP");
    let mut xml_bytes = 0;
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).expect("ZIP entry");
        let name = part.name().to_owned();
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let mut text = String::new();
        part.read_to_string(&mut text).expect("XML part is UTF-8");
        if let Err(e) = roxmltree::Document::parse(&text) {
            panic!("{name} does not parse: {e}");
        }
        xml_bytes += text.len();
    }
    assert!(
        xml_bytes <= BASE + PER_BYTE * md.len(),
        "{xml_bytes} bytes of XML for {} bytes of Markdown",
        md.len()
    );
});
