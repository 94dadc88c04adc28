//! `rapporteur review` through the binary: comments, suggestions, accept and reject, the lifecycle that locks
//! the text, corrigenda, and the Word round trip with LibreOffice as the colleague's word processor.

use std::path::Path;

use serde_json::Value;

use crate::large_inputs::docx_part;
use crate::support::{Cli, EXAMPLE, stderr};

pub(crate) const TEXT: &str =
    "The Chair opened the meeting.\n\nSeveral delegations took the floor.\n";

pub(crate) fn with_summary(cli: &Cli) -> String {
    with_summary_of(cli, Path::new(EXAMPLE))
}

fn with_summary_of(cli: &Cli, record: &Path) -> String {
    let id = cli.import(record);
    let out = cli.run_stdin(&["doc", "set", &id, "--kind", "summary"], TEXT);
    assert!(out.status.success(), "{}", stderr(&out));
    id
}

pub(crate) fn review(cli: &Cli, id: &str) -> Value {
    serde_json::from_str(&cli.ok(&["review", "list", id, "--json"])).unwrap()
}

pub(crate) fn summary(cli: &Cli, id: &str) -> String {
    cli.ok(&["doc", "get", id, "--kind", "summary"])
}

/// The summary exported as Markdown (with `extra` arguments), as printed.
fn export_md(cli: &Cli, id: &str, extra: &[&str]) -> String {
    let md = cli.dir.path().join("export.md");
    let mut args = vec![
        "export",
        id,
        "--format",
        "md",
        "--force",
        "--out",
        md.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    cli.ok(&args);
    std::fs::read_to_string(&md).unwrap()
}

/// The one line a failed command prints.
pub(crate) fn fails(cli: &Cli, args: &[&str]) -> String {
    let out = cli.run(args);
    assert_eq!(out.status.code(), Some(1), "{args:?} should fail");
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    err
}

#[test]
fn comments_and_suggestions_wait_for_the_rapporteur() {
    let cli = Cli::new();
    let id = with_summary(&cli);
    cli.ok(&[
        "review",
        "comment",
        &id,
        "--quote",
        "took the floor",
        "--author",
        "Ana",
        "Which ones?",
    ]);
    cli.ok(&[
        "review", "suggest", &id, "--quote", "Several", "--insert", "Ten", "--author", "Ben",
    ]);
    cli.ok(&[
        "review", "suggest", &id, "--range", "0..4", "--author", "Ben",
    ]);
    assert_eq!(summary(&cli, &id), TEXT, "nothing applied before accepting");

    let r = review(&cli, &id);
    assert_eq!(r["status"], "draft");
    assert_eq!(r["comments"][0]["quote"], "took the floor");
    assert_eq!(r["comments"][0]["author"], "Ana");
    assert_eq!(r["suggestions"][0]["deleted"], "Several");
    assert_eq!(r["suggestions"][0]["insert"], "Ten");
    let first = r["suggestions"][0]["id"].as_str().unwrap().to_owned();
    let second = r["suggestions"][1]["id"].as_str().unwrap().to_owned();
    let comment = r["comments"][0]["id"].as_str().unwrap().to_owned();

    cli.ok(&["review", "accept", &id, &first]);
    cli.ok(&["review", "reject", &id, &second]);
    assert_eq!(
        summary(&cli, &id),
        "The Chair opened the meeting.\n\nTen delegations took the floor.\n"
    );
    let err = fails(&cli, &["review", "accept", &id, &second]);
    assert!(err.contains("was already rejected"), "{err}");

    cli.ok(&[
        "review",
        "comment",
        &id,
        "--reply-to",
        &comment,
        "All of them.",
    ]);
    cli.ok(&["review", "comment", &id, "--resolve", &comment]);
    let text = cli.ok(&["review", "list", &id]);
    assert!(text.starts_with("status: draft\n"), "{text}");
    assert!(
        text.contains("\"took the floor\"  resolved  Which ones?"),
        "{text}"
    );
    assert!(text.contains("  reply  "), "{text}");
    let kinds: Vec<String> = review(&cli, &id)["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        kinds,
        [
            "comment",
            "suggestion",
            "suggestion",
            "suggestion_accepted",
            "suggestion_rejected",
            "reply",
            "resolve"
        ]
    );

    let err = fails(&cli, &["review", "comment", &id, "--quote", "the", "x"]);
    assert!(
        err.contains("\"the\" occurs 2 times; quote more of it"),
        "{err}"
    );
    let err = fails(&cli, &["review", "comment", &id, "--quote", "absent", "x"]);
    assert!(err.contains("\"absent\" does not occur"), "{err}");
    let out = cli.run(&["review", "suggest", &id, "--range", "4-2"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a malformed range is a usage error"
    );
}

#[test]
fn a_final_summary_refuses_edits_until_reopened_and_a_corrigendum_keeps_the_circulated_text() {
    let cli = Cli::new();
    let plenary = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/cd-plenary-2020-02-25.json"
    );
    let id = with_summary_of(&cli, Path::new(plenary));
    for status in ["for-clearance", "cleared", "final"] {
        cli.ok(&["review", "status", &id, status, "--author", "Chief"]);
    }
    assert_eq!(cli.ok(&["review", "status", &id]), "status: final\n");
    let out = cli.run_stdin(&["doc", "set", &id, "--kind", "summary"], "Changed.\n");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "rapporteur: meeting {id}: summary: the text is final and refuses edits; reopen it first (rapporteur review status --reopen)\n"
        )
    );
    fails(&cli, &["regenerate", &id]);
    cli.ok(&["review", "status", &id, "--reopen"]);
    let out = cli.run_stdin(&["doc", "set", &id, "--kind", "summary"], "Changed.\n");
    assert!(out.status.success(), "{}", stderr(&out));

    for status in ["for-clearance", "cleared", "final", "circulated"] {
        cli.ok(&["review", "status", &id, status]);
    }
    let err = fails(&cli, &["review", "status", &id, "--reopen"]);
    assert!(err.contains("corrected by a corrigendum"), "{err}");
    cli.ok(&["review", "status", &id, "--corrigendum"]);
    assert_eq!(
        cli.ok(&["review", "status", &id]),
        "status: draft (corrigendum 1)\n"
    );
    let out = cli.run_stdin(&["doc", "set", &id, "--kind", "summary"], "Corrected.\n");
    assert!(out.status.success(), "{}", stderr(&out));
    let r = review(&cli, &id);
    assert_eq!(r["circulated"][0]["text"], "Changed.\n");
    assert_eq!(r["corrigendum"], 1);
    let events = r["events"].as_array().unwrap();
    assert_eq!(events[0]["by"], "Chief");
    assert_eq!(events[3]["kind"], "reopen");
    assert_eq!(events.last().unwrap()["kind"], "corrigendum");
    let err = fails(&cli, &["review", "status", &id, "final"]);
    assert!(
        err.contains("cannot move from draft to final; the next status is for_clearance"),
        "{err}"
    );

    // The corrected text goes out under the symbol's /Corr.1 with a "Corrigendum" heading.
    let printed = export_md(&cli, &id, &[]);
    assert!(printed.contains("CD/PV.1537/Corr.1"), "{printed}");
    assert!(printed.contains("## Corrigendum"), "{printed}");
    assert!(printed.contains("Corrected."), "{printed}");
    let printed = export_md(&cli, &id, &["--lang", "fr"]);
    assert!(printed.contains("## Rectificatif"), "{printed}");
}

#[test]
fn clean_exports_hold_accepted_text_only() {
    let cli = Cli::new();
    let id = with_summary(&cli);
    cli.ok(&[
        "review",
        "suggest",
        &id,
        "--quote",
        "Several",
        "--insert",
        "Countless",
    ]);
    cli.ok(&["review", "comment", &id, "--quote", "opened", "Really?"]);
    let printed = export_md(&cli, &id, &[]);
    assert!(printed.contains("Several delegations"), "{printed}");
    assert!(
        !printed.contains("Countless") && !printed.contains("Really?"),
        "{printed}"
    );
    cli.ok(&["review", "accept", &id, "--all"]);
    let printed = export_md(&cli, &id, &[]);
    assert!(printed.contains("Countless delegations"), "{printed}");
}

#[test]
fn with_comments_an_export_carries_the_open_ones_as_footnotes_at_their_words() {
    let cli = Cli::new();
    let id = with_summary(&cli);
    let comment = |quote: &str, author: &str, text: &str| {
        cli.ok(&[
            "review", "comment", &id, "--quote", quote, "--author", author, text,
        ])
    };
    comment("took the floor", "Ana", "Which *ones*?");
    comment("opened", "Ben", "Settled.");
    let settled = review(&cli, &id)["comments"][1]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    cli.ok(&["review", "comment", &id, "--resolve", &settled]);

    let clean = export_md(&cli, &id, &[]);
    assert!(!clean.contains("Which"), "{clean}");
    let printed = export_md(&cli, &id, &["--with-comments"]);
    let reference = printed.find("took the floor[^").expect(&printed);
    let note = printed.find("Ana (").expect(&printed);
    assert!(reference < note, "{printed}");
    assert!(printed.contains("Which \\*ones\\*?"), "{printed}");
    assert!(
        !printed.contains("Settled"),
        "a resolved comment stays out: {printed}"
    );
    for format in ["pdf", "docx", "html"] {
        let out = cli.dir.path().join(format!("with-comments.{format}"));
        cli.ok(&[
            "export",
            &id,
            "--format",
            format,
            "--with-comments",
            "--out",
            out.to_str().unwrap(),
        ]);
    }
    let notes = docx_part(
        &cli.dir.path().join("with-comments.docx"),
        "word/footnotes.xml",
    );
    assert!(notes.contains("Which *ones*?"), "Word footnotes: {notes}");
    let err = fails(
        &cli,
        &[
            "export",
            &id,
            "--format",
            "csv",
            "--with-comments",
            "--out",
            "x.csv",
        ],
    );
    assert!(err.contains("cannot hold comments"), "{err}");
}

#[test]
fn the_review_docx_carries_open_suggestions_and_comments_with_their_authors() {
    let a = Cli::new();
    let id = with_summary(&a);
    a.ok(&[
        "review", "suggest", &id, "--quote", "Several", "--insert", "Ten", "--author", "Ben",
    ]);
    a.ok(&[
        "review",
        "comment",
        &id,
        "--quote",
        "opened the meeting",
        "--author",
        "Ana",
        "When?",
    ]);
    let docx = a.dir.path().join("review.docx");
    a.ok(&[
        "review",
        "export-docx",
        &id,
        "--out",
        docx.to_str().unwrap(),
    ]);
    let err = fails(
        &a,
        &[
            "review",
            "export-docx",
            &id,
            "--out",
            docx.to_str().unwrap(),
        ],
    );
    assert!(err.contains("--force"), "{err}");

    // A colleague with the same text and no review reads it back: the same suggestion and comment, by their
    // authors, on the same text; nothing applied.
    let b = Cli::new();
    let id_b = with_summary(&b);
    b.ok(&["review", "import-docx", &id_b, docx.to_str().unwrap()]);
    assert_eq!(summary(&b, &id_b), TEXT);
    let r = review(&b, &id_b);
    assert_eq!(r["suggestions"].as_array().unwrap().len(), 1, "{r}");
    assert_eq!(r["suggestions"][0]["author"], "Ben");
    assert_eq!(r["suggestions"][0]["deleted"], "Several");
    assert_eq!(r["suggestions"][0]["insert"], "Ten");
    assert_eq!(r["comments"][0]["author"], "Ana");
    assert_eq!(r["comments"][0]["quote"], "opened the meeting");
    assert_eq!(r["comments"][0]["text"], "When?");

    let err = fails(
        &b,
        &[
            "review",
            "import-docx",
            &id_b,
            a.dir.path().to_str().unwrap(),
        ],
    );
    assert!(err.contains("is a directory"), "{err}");
}

#[test]
fn libreoffice_reviews_the_exported_docx_and_its_changes_come_back_as_suggestions() {
    let cli = Cli::new();
    let id = with_summary(&cli);
    let dir = cli.dir.path();
    let docx = dir.join("for-review.docx");
    cli.ok(&[
        "review",
        "export-docx",
        &id,
        "--out",
        docx.to_str().unwrap(),
    ]);
    let plan = dir.join("edits.json");
    std::fs::write(
        &plan,
        serde_json::json!({"author": "Ana Reviewer", "edits": [
            {"replace": "Several delegations", "with": "Twelve delegations"},
            {"comment": "opened the meeting", "text": "At what time?"},
        ]})
        .to_string(),
    )
    .unwrap();
    let reviewed = dir.join("reviewed.docx");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/lo-review.py");
    let out = std::process::Command::new("/usr/bin/python3")
        .args([&script, &docx, &reviewed, &plan])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));

    cli.ok(&["review", "import-docx", &id, reviewed.to_str().unwrap()]);
    assert_eq!(summary(&cli, &id), TEXT, "nothing applied without accept");
    let r = review(&cli, &id);
    let suggestions = r["suggestions"].as_array().unwrap();
    assert_eq!(suggestions.len(), 1, "{r}");
    assert_eq!(suggestions[0]["author"], "Ana Reviewer");
    assert_eq!(suggestions[0]["deleted"], "Several delegations");
    assert_eq!(suggestions[0]["insert"], "Twelve delegations");
    assert_eq!(r["comments"][0]["author"], "Ana Reviewer");
    assert_eq!(r["comments"][0]["quote"], "opened the meeting");
    assert_eq!(r["comments"][0]["text"], "At what time?");

    cli.ok(&["review", "accept", &id, "--all"]);
    assert_eq!(
        summary(&cli, &id),
        "The Chair opened the meeting.\n\nTwelve delegations took the floor.\n"
    );
}

#[test]
fn an_accepted_suggestion_in_a_generated_section_is_a_hand_edit_that_regeneration_keeps() {
    let cli = Cli::new();
    let id = cli.import(Path::new(EXAMPLE));
    cli.ok(&["regenerate", &id]);
    cli.ok(&[
        "review",
        "suggest",
        &id,
        "--quote",
        "took the floor",
        "--insert",
        "spoke",
        "--author",
        "Ana",
    ]);
    let out = cli.run(&["regenerate", &id]);
    assert!(
        out.status.success() && stderr(&out).is_empty(),
        "an open suggestion is no edit"
    );
    cli.ok(&["review", "accept", &id, "--all"]);
    let out = cli.run(&["regenerate", &id]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("kept the hand-edited section"),
        "{}",
        stderr(&out)
    );
    assert!(summary(&cli, &id).contains("spoke"));
}
