//! A reviewed DOCX read back: LibreOffice, driven through its own scripting (scripts/lo-review.py, UNO from
//! Python), reviews an exported summary with change tracking on and comments; Rapporteur reads back each
//! tracked insertion and deletion with its author, and each comment with the text it covers. Damaged files
//! and files over a limit get a one-line error that names them.

use std::io::Write;
use std::path::Path;

use rapporteur_export::{
    ExportRequest, Format, MAX_REVIEW_PART_BYTES, RevisionKind, read_reviewed_docx,
};

use crate::support::*;

/// Has LibreOffice review `docx` as `author` with `edits` (see scripts/lo-review.py), returning the result.
fn lo_review(docx: &Path, author: &str, edits: serde_json::Value) -> Vec<u8> {
    let dir = docx.parent().unwrap();
    let plan = dir.join("edits.json");
    std::fs::write(
        &plan,
        serde_json::json!({ "author": author, "edits": edits }).to_string(),
    )
    .unwrap();
    let out = dir.join("reviewed.docx");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/lo-review.py");
    // Debian's python3-uno belongs to the system Python.
    tool(
        "/usr/bin/python3",
        &[
            script.to_str().unwrap(),
            docx.to_str().unwrap(),
            out.to_str().unwrap(),
            plan.to_str().unwrap(),
        ],
    );
    std::fs::read(out).unwrap()
}

#[test]
fn libreoffice_tracked_changes_and_comments_come_back_with_their_authors_and_anchors() {
    let record = example();
    let dir = scratch("review-lo");
    let exported = export_ok(
        &record,
        &ExportRequest {
            format: Format::Docx,
            ..ExportRequest::default()
        },
    );
    let clean = read_reviewed_docx(&exported, "exported.docx").unwrap();
    assert!(clean.paragraphs.iter().all(|p| !p.is_changed()) && clean.comments.is_empty());
    let docx = write(&dir, "exported.docx", &exported);

    let reviewed = lo_review(
        &docx,
        "Ana Reviewer",
        serde_json::json!([
            { "replace": "IOM Director General", "with": "Director General of IOM" },
            { "replace": "civil society", "with": "civil society & academia <all>" },
            { "comment": "60 Member States", "text": "Please check this count against the list." },
        ]),
    );
    let doc = read_reviewed_docx(&reviewed, "reviewed.docx").unwrap();

    // Every paragraph reads as exported before the review: LibreOffice's changes are all tracked.
    let before: Vec<String> = clean
        .paragraphs
        .iter()
        .map(|p| p.original())
        .filter(|t| !t.is_empty())
        .collect();
    let after: Vec<String> = doc
        .paragraphs
        .iter()
        .map(|p| p.original())
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(after, before);

    let changed: Vec<_> = doc.paragraphs.iter().filter(|p| p.is_changed()).collect();
    assert_eq!(changed.len(), 1, "one paragraph holds all three changes");
    let p = changed[0];
    assert!(
        p.proposed()
            .contains("Director General of IOM António Vitorino"),
        "{}",
        p.proposed()
    );
    assert!(
        p.proposed().contains("civil society & academia <all>"),
        "{}",
        p.proposed()
    );
    assert!(!p.proposed().contains("IOM Director General"));
    let revisions: Vec<_> = p
        .pieces
        .iter()
        .filter_map(|x| x.revision.as_ref().map(|r| (r, x.text.as_str())))
        .collect();
    assert!(
        revisions
            .iter()
            .any(|(r, t)| r.kind == RevisionKind::Deleted && *t == "IOM Director General")
    );
    assert!(
        revisions
            .iter()
            .any(|(r, t)| r.kind == RevisionKind::Inserted && *t == "Director General of IOM")
    );
    for (r, _) in &revisions {
        assert_eq!(r.author, "Ana Reviewer");
        assert!(
            r.date.as_deref().is_some_and(|d| d.len() >= 19),
            "{:?}",
            r.date
        );
    }

    assert_eq!(doc.comments.len(), 1);
    let comment = &doc.comments[0];
    assert_eq!(comment.author, "Ana Reviewer");
    assert_eq!(comment.text, "Please check this count against the list.");
    assert_eq!(
        doc.anchored_text(comment).as_deref(),
        Some("60 Member States")
    );
}

/// A zip holding `name` with `content`.
fn zip_with(name: &str, content: &[u8]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    zip.start_file(name, zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(content).unwrap();
    zip.finish().unwrap();
    out.into_inner()
}

#[test]
fn damaged_or_oversized_review_files_are_refused_naming_the_file() {
    let huge = vec![b' '; MAX_REVIEW_PART_BYTES as usize + 1];
    let cases: [(Vec<u8>, &str); 4] = [
        (b"not a zip at all".to_vec(), "not a DOCX"),
        (zip_with("word/other.xml", b"<x/>"), "no word/document.xml"),
        (
            zip_with("word/document.xml", b"<w:document><w:body><w:p></w:body>"),
            "word/document.xml",
        ),
        (
            zip_with("word/document.xml", &huge),
            "inflates to more than",
        ),
    ];
    for (bytes, expected) in cases {
        let message = read_reviewed_docx(&bytes, "from-geneva.docx")
            .unwrap_err()
            .to_string();
        assert!(
            message.starts_with("from-geneva.docx: ") && message.contains(expected),
            "{message}"
        );
        assert!(!message.contains('\n'), "{message}");
    }
}
