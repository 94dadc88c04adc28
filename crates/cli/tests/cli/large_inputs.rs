//! Inputs shaped to expose super-linear work (issue 11, items 5 and 6): thousands of links and note
//! references in one paragraph, and a query of one word repeated. These check what comes out, not how fast:
//! the timings are in docs/PERFORMANCE.md (before the fixes, the export took minutes and the search 17 s).

use std::path::Path;
use std::process::Command;

use crate::support::{Cli, EXAMPLE};

/// The unzipped part `name` of the DOCX at `docx` (`unzip` is installed by scripts/setup.sh).
pub(crate) fn docx_part(docx: &Path, name: &str) -> String {
    let out = Command::new("unzip")
        .arg("-p")
        .arg(docx)
        .arg(name)
        .output()
        .expect("unzip is required by this test (scripts/setup.sh installs it)");
    assert!(out.status.success(), "unzip -p {name} failed");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_summary_of_20000_links_and_2000_references_to_one_note_exports_to_docx() {
    let cli = Cli::new();
    let id = cli.import(Path::new(EXAMPLE));
    let links: Vec<String> = (0..20_000)
        .map(|i| format!("[link {i}](https://example.org/{i})"))
        .collect();
    let body = format!(
        "{}\n\nNoted{}\n\n[^n]: The one note, written once.\n",
        links.join(" "),
        "[^n] ".repeat(2_000)
    );
    let md = cli.dir.path().join("links.md");
    std::fs::write(&md, body).unwrap();
    cli.ok(&[
        "doc",
        "set",
        &id,
        "--kind",
        "summary",
        "--file",
        md.to_str().unwrap(),
    ]);
    let out = cli.dir.path().join("links.docx");
    cli.ok(&[
        "export",
        &id,
        "--format",
        "docx",
        "--out",
        out.to_str().unwrap(),
    ]);

    let document = docx_part(&out, "word/document.xml");
    assert_eq!(document.matches("<w:hyperlink ").count(), 20_000);
    assert!(document.contains(">link 19999<"), "the last link's text");
    assert_eq!(
        document.matches("<w:footnoteReference ").count(),
        1,
        "one note, referenced once; the other references repeat its number"
    );
    let notes = docx_part(&out, "word/footnotes.xml");
    assert_eq!(notes.matches("The one note, written once.").count(), 1);
}

#[test]
fn a_query_of_one_word_repeated_finds_what_the_word_finds() {
    let cli = Cli::new();
    cli.import(Path::new(EXAMPLE));
    for (word, repeated) in [
        ("a", "a ".repeat(800)),
        (
            "Vitorino",
            format!("vitorino {}VITORINO", "Vitorino ".repeat(5_000)),
        ),
    ] {
        let once = cli.ok(&["search", word, "--json"]);
        let hits: Vec<serde_json::Value> = serde_json::from_str(&once).unwrap();
        assert!(!hits.is_empty(), "{word:?} is in the example");
        assert_eq!(
            cli.ok(&["search", &repeated, "--json"]),
            once,
            "{word:?} repeated"
        );
    }
}
