//! Document history through the binary: each version says what made it (an edit, a refresh of the generated
//! sections, a restore, a colleague's change that came by sync), and diffs carry no end-of-file noise.

use std::path::Path;

use crate::support::{Cli, EXAMPLE, stderr};

/// `doc history` of the summary as (version id, what made it), oldest first.
fn versions(cli: &Cli, id: &str) -> Vec<(String, String)> {
    cli.ok(&["doc", "history", id, "--kind", "summary"])
        .lines()
        .map(|line| {
            let cols: Vec<&str> = line.split("  ").collect();
            assert_eq!(cols.len(), 4, "{line}");
            (cols[0].to_owned(), cols[3].to_owned())
        })
        .collect()
}

fn kinds(cli: &Cli, id: &str) -> Vec<String> {
    versions(cli, id).into_iter().map(|(_, k)| k).collect()
}

fn set_summary(cli: &Cli, id: &str, text: &str) {
    let out = cli.run_stdin(&["doc", "set", id, "--kind", "summary"], text);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn history_tells_edits_regenerations_restores_and_synced_changes_apart() {
    let a = Cli::new();
    let id = a.import(Path::new(EXAMPLE));
    a.ok(&["regenerate", &id]);
    let drafted = a.ok(&["doc", "get", &id, "--kind", "summary"]);
    assert!(drafted.contains("took the floor"), "{drafted}");
    set_summary(&a, &id, &format!("{drafted}\nWritten by hand.\n"));
    let first = versions(&a, &id)[0].0.clone();
    a.ok(&["doc", "restore", &id, "--kind", "summary", &first]);
    assert_eq!(a.ok(&["doc", "get", &id, "--kind", "summary"]), drafted);
    assert_eq!(kinds(&a, &id), ["regenerate", "edit", "restore"]);

    let json: serde_json::Value =
        serde_json::from_str(&a.ok(&["doc", "history", &id, "--kind", "summary", "--json"]))
            .unwrap();
    assert_eq!(json[0]["change"], "regenerate");
    assert_eq!(json[2]["change"], "restore");
    assert_eq!(json[2]["synced"], false);

    // A colleague's edit arrives by sync: it is theirs, and marked as having come that way.
    let b = Cli::new();
    b.ok(&["replica", "--name", "Geneva laptop"]);
    let folder = a.dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let folder = folder.to_str().unwrap();
    a.ok(&["sync", "--folder", folder]);
    b.ok(&["sync", "--folder", folder]);
    assert_eq!(
        kinds(&b, &id),
        [
            "regenerate, via sync",
            "edit, via sync",
            "restore, via sync"
        ]
    );
    set_summary(&b, &id, &format!("{drafted}\nAdded in Geneva.\n"));
    b.ok(&["sync", "--folder", folder]);
    a.ok(&["sync", "--folder", folder]);
    assert_eq!(
        kinds(&a, &id),
        ["regenerate", "edit", "restore", "edit, via sync"]
    );
    let listed = a.ok(&["doc", "history", &id, "--kind", "summary"]);
    assert!(
        listed.lines().last().unwrap().contains("Geneva laptop"),
        "{listed}"
    );
}

#[test]
fn a_diff_shows_no_missing_final_newline_noise() {
    let cli = Cli::new();
    let id = cli.import(Path::new(EXAMPLE));
    set_summary(&cli, &id, "# Summary\n\nFirst paragraph.\n");
    set_summary(&cli, &id, "# Summary\n\nFirst paragraph, revised.");
    let v = versions(&cli, &id);
    let diff = cli.ok(&["doc", "diff", &id, "--kind", "summary", &v[0].0, &v[1].0]);
    assert!(
        diff.contains("-First paragraph.\n+First paragraph, revised.\n"),
        "{diff}"
    );
    assert!(!diff.contains("No newline"), "{diff}");
    // Only the final line break differs: no difference at all.
    set_summary(&cli, &id, "# Summary\n\nFirst paragraph, revised.\n");
    let v = versions(&cli, &id);
    assert_eq!(v.len(), 3);
    assert_eq!(
        cli.ok(&["doc", "diff", &id, "--kind", "summary", &v[1].0]),
        ""
    );
}
