use std::path::Path;

use rapporteur_app::parse_record;

use crate::support::{Cli, EXAMPLE, without_ids};

#[test]
fn import_then_show_json_gives_the_record_back() {
    let cli = Cli::new();
    let id = cli.import(Path::new(EXAMPLE));
    let shown = cli.ok(&["show", &id, "--json"]);
    let original = parse_record("example", &std::fs::read(EXAMPLE).unwrap()).unwrap();
    let back = parse_record("show output", shown.as_bytes()).unwrap();
    assert_eq!(without_ids(&back), without_ids(&original));
}

#[test]
fn list_search_and_actions_see_the_imported_meeting() {
    let cli = Cli::new();
    let id = cli.import(Path::new(EXAMPLE));

    let list: serde_json::Value = serde_json::from_str(&cli.ok(&["list", "--json"])).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"], id.as_str());
    assert!(
        cli.ok(&["list"])
            .contains("Network Briefing to Member States")
    );

    let hits: serde_json::Value =
        serde_json::from_str(&cli.ok(&["search", "website", "--json"])).unwrap();
    assert!(
        hits.as_array()
            .unwrap()
            .iter()
            .any(|h| h["meeting_id"] == id.as_str()),
        "{hits}"
    );
    let none: serde_json::Value =
        serde_json::from_str(&cli.ok(&["search", "zanzibarite", "--json"])).unwrap();
    assert_eq!(none.as_array().unwrap().len(), 0);

    let actions: serde_json::Value =
        serde_json::from_str(&cli.ok(&["actions", "--open", "--json"])).unwrap();
    assert_eq!(actions.as_array().unwrap().len(), 7);
    assert!(
        cli.ok(&["actions"])
            .contains("Embrace ownership of the Compact")
    );
}

#[test]
fn show_prints_a_readable_record() {
    let cli = Cli::new();
    let id = cli.import(Path::new(EXAMPLE));
    let text = cli.ok(&["show", &id]);
    assert!(
        text.starts_with("Network Briefing to Member States\n2019-12-12\n"),
        "{text}"
    );
    assert!(text.contains("  60  Member States"), "{text}");
    assert!(text.contains("9. UK"), "{text}");
    assert!(text.contains("10. Special Rapporteur on the human rights of migrants"));
}

#[test]
fn doc_set_from_stdin_and_file_then_get() {
    let cli = Cli::new();
    let id = cli.import(Path::new(EXAMPLE));
    let out = cli.run_stdin(
        &["doc", "set", &id, "--kind", "summary"],
        "# Summary\n\nFirst paragraph.\n",
    );
    assert!(out.status.success(), "{}", crate::support::stderr(&out));
    assert_eq!(
        cli.ok(&["doc", "get", &id, "--kind", "summary"]),
        "# Summary\n\nFirst paragraph.\n"
    );

    let file = cli.dir.path().join("statement.md");
    std::fs::write(&file, "Excellencies,\n\nWe thank the Network.\n").unwrap();
    cli.ok(&[
        "doc",
        "set",
        &id,
        "--kind",
        "statement",
        "--index",
        "0",
        "--file",
        file.to_str().unwrap(),
    ]);
    assert_eq!(
        cli.ok(&["doc", "get", &id, "--kind", "statement", "--index", "0"]),
        "Excellencies,\n\nWe thank the Network.\n"
    );
    let history = cli.ok(&["doc", "history", &id, "--kind", "summary", "--json"]);
    let versions: serde_json::Value = serde_json::from_str(&history).unwrap();
    assert!(!versions.as_array().unwrap().is_empty(), "{history}");
}

#[test]
fn data_dir_falls_back_to_the_environment() {
    let cli = Cli::new();
    let dir = cli.dir.path().join("from-env");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rapporteur"))
        .env("RAPPORTEUR_DATA_DIR", &dir)
        .args(["import", EXAMPLE])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", crate::support::stderr(&out));
    assert!(dir.join("rapporteur.db").is_file());
}

#[test]
fn replica_name_can_be_set_and_shown() {
    let cli = Cli::new();
    cli.ok(&["replica", "--name", "Geneva laptop"]);
    assert!(cli.ok(&["replica"]).trim_end().ends_with("Geneva laptop"));
}

#[test]
fn history_of_a_summary_never_written_is_empty() {
    let cli = Cli::new();
    // The example record carries statements but no summary.
    let id = cli.import(Path::new(EXAMPLE));
    assert_eq!(cli.ok(&["doc", "get", &id, "--kind", "summary"]), "");
    assert_eq!(
        cli.ok(&["doc", "history", &id, "--kind", "summary"]),
        "no versions yet\n"
    );
    let json = cli.ok(&["doc", "history", &id, "--kind", "summary", "--json"]);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&json).unwrap(),
        serde_json::json!([])
    );
    let set = cli.run_stdin(&["doc", "set", &id, "--kind", "summary"], "Written.\n");
    assert!(set.status.success(), "{}", crate::support::stderr(&set));
    let listed = cli.ok(&["doc", "history", &id, "--kind", "summary"]);
    assert_eq!(listed.lines().count(), 1, "{listed}");
    assert!(!listed.contains("no versions yet"), "{listed}");
}

/// `rapporteur list --json | grep -q …`: the reader has gone before the first line is written. The command
/// ends as a Unix filter does (SIGPIPE, which the shell reports as 141), not with a panic on stderr.
#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    use std::os::unix::process::ExitStatusExt as _;
    let cli = Cli::new();
    cli.import(Path::new(EXAMPLE));
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = cli
        .command()
        .args(["list", "--json"])
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.signal(), Some(13), "{:?}: {stderr}", out.status);
}
