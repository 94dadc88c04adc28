//! A new user's first minute: the built-in example meeting, and exporting before any summary is written.

use rapporteur_app::parse_record;

use crate::support::{Cli, EXAMPLE, stderr, without_ids};

#[test]
fn example_adds_the_complete_example_meeting_that_drafts_and_exports() {
    let cli = Cli::new();
    let out = cli.ok(&["example"]);
    let id = out.trim_end_matches('\n');
    assert!(
        !id.is_empty() && !id.contains(char::is_whitespace),
        "{out:?}"
    );

    let shown = parse_record("show output", cli.ok(&["show", id, "--json"]).as_bytes()).unwrap();
    let original = parse_record("example", &std::fs::read(EXAMPLE).unwrap()).unwrap();
    assert_eq!(without_ids(&shown), without_ids(&original));

    let draft = cli.ok(&["draft", id]);
    assert!(draft.contains("12 December 2019"), "{draft}");

    for doc in ["summary", "statement"] {
        let pdf = cli.dir.path().join(format!("{doc}.pdf"));
        let out = cli.run(&[
            "export",
            id,
            "--format",
            "pdf",
            "--doc",
            doc,
            "--out",
            pdf.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{doc}: {}", stderr(&out));
        assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"), "{doc}");
    }

    // A second call adds a second, separate copy rather than failing or reusing the first.
    let again = cli.ok(&["example"]);
    assert_ne!(again.trim_end(), id);
    let list: serde_json::Value = serde_json::from_str(&cli.ok(&["list", "--json"])).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 2, "{list}");
    assert!(stderr(&cli.run(&["example"])).is_empty());
}

#[test]
fn export_of_a_summary_never_written_exports_the_draft_and_says_so() {
    let cli = Cli::new();
    let id = cli.import(std::path::Path::new(EXAMPLE));
    let md = cli.dir.path().join("summary.md");
    let out = cli.run(&[
        "export",
        &id,
        "--format",
        "md",
        "--out",
        md.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "rapporteur: warning: no summary written yet; exported the draft generated from the record\n"
    );
    let exported = std::fs::read_to_string(&md).unwrap();
    assert!(exported.contains("took the floor"), "{exported}");
    let fr = cli.dir.path().join("resume.md");
    let out = cli.run(&[
        "export",
        &id,
        "--format",
        "md",
        "--lang",
        "fr",
        "--out",
        fr.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::read_to_string(&fr)
            .unwrap()
            .contains("ont pris la parole")
    );
    // Nothing was saved: the summary is still unwritten.
    assert_eq!(cli.ok(&["doc", "get", &id, "--kind", "summary"]), "");

    // Once a summary is written, that is what is exported, without a notice.
    let set = cli.run_stdin(
        &["doc", "set", &id, "--kind", "summary"],
        "# Mine\n\nWritten by hand.\n",
    );
    assert!(set.status.success(), "{}", stderr(&set));
    let out = cli.run(&[
        "export",
        &id,
        "--format",
        "md",
        "--out",
        md.to_str().unwrap(),
        "--force",
    ]);
    assert!(
        out.status.success() && stderr(&out).is_empty(),
        "{}",
        stderr(&out)
    );
    let exported = std::fs::read_to_string(&md).unwrap();
    assert!(
        exported.contains("Written by hand.") && !exported.contains("took the floor"),
        "{exported}"
    );
}
