//! `rapporteur review suggest-text`, suggestion mode from the terminal: a file holding the document as its
//! author wants it becomes suggestions by that author, the text itself unchanged until they are accepted.

use std::path::Path;

use serde_json::Value;

use crate::review::{TEXT, fails, review, summary, with_summary};
use crate::support::{Cli, EXAMPLE, stderr};

const PROPOSED: &str =
    "The Chair opened the session.\n\nTen delegations took the floor, and one abstained.\n";

fn suggest_text(cli: &Cli, id: &str, text: &str, author: &str) -> Value {
    let file = cli.dir.path().join("proposed.md");
    std::fs::write(&file, text).unwrap();
    let out = cli.ok(&[
        "review",
        "suggest-text",
        id,
        "--from-file",
        file.to_str().unwrap(),
        "--author",
        author,
        "--json",
    ]);
    serde_json::from_str(&out).unwrap()
}

fn open_suggestions(r: &Value) -> Vec<&Value> {
    r["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["state"] == "open")
        .collect()
}

#[test]
fn a_proposed_text_becomes_the_fewest_suggestions_and_accepting_them_all_gives_it() {
    let cli = Cli::new();
    let id = with_summary(&cli);
    let r = suggest_text(&cli, &id, PROPOSED, "Ana");
    assert_eq!(summary(&cli, &id), TEXT, "nothing applied");
    let open = open_suggestions(&r);
    let said: Vec<(&str, &str)> = open
        .iter()
        .map(|s| {
            (
                s["deleted"].as_str().unwrap(),
                s["insert"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        said,
        [
            ("meeting.", "session."),
            ("Several", "Ten"),
            ("floor.", "floor, and one abstained.")
        ]
    );
    assert!(open.iter().all(|s| s["author"] == "Ana"), "{open:?}");

    let again = suggest_text(&cli, &id, PROPOSED, "Ana");
    assert_eq!(
        open_suggestions(&again).len(),
        3,
        "the same text twice suggests nothing new"
    );

    cli.ok(&["review", "accept", &id, "--all"]);
    assert_eq!(summary(&cli, &id), PROPOSED);
    assert!(open_suggestions(&review(&cli, &id)).is_empty());
}

#[test]
fn a_missing_file_is_one_line_naming_it_and_changes_nothing() {
    let cli = Cli::new();
    let id = with_summary(&cli);
    let err = fails(
        &cli,
        &["review", "suggest-text", &id, "--from-file", "no-such.md"],
    );
    assert!(err.contains("no-such.md"), "{err}");
    assert!(
        review(&cli, &id)["suggestions"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(summary(&cli, &id), TEXT);
}

#[test]
fn suggestions_in_a_generated_section_leave_it_generated_until_accepted() {
    let cli = Cli::new();
    let id = cli.import(Path::new(EXAMPLE));
    cli.ok(&["regenerate", &id]);
    let generated = summary(&cli, &id);
    assert!(generated.contains("took the floor"), "{generated}");
    suggest_text(
        &cli,
        &id,
        &generated.replacen("took the floor", "spoke", 1),
        "Ana",
    );
    let out = cli.run(&["regenerate", &id]);
    assert!(
        out.status.success() && stderr(&out).is_empty(),
        "open suggestions are no hand edit: {}",
        stderr(&out)
    );
    assert_eq!(summary(&cli, &id), generated);
    cli.ok(&["review", "accept", &id, "--all"]);
    let out = cli.run(&["regenerate", &id]);
    assert!(
        stderr(&out).contains("kept the hand-edited section"),
        "{}",
        stderr(&out)
    );
    assert!(summary(&cli, &id).contains("spoke"));
}
