//! `attach`, `attachments`, `attachment-save` and `detach` through the real binary.

use std::path::Path;

use crate::support::{Cli, EXAMPLE, stderr};

/// Insist on exit 1 with one line on stderr naming `name`.
fn refused_naming(cli: &Cli, args: &[&str], name: &str) {
    let out = cli.run(args);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(name), "error must name {name}: {err}");
}

#[test]
fn attach_list_save_and_detach() {
    let cli = Cli::new();
    let id = cli.import(Path::new(EXAMPLE));
    let pdf: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let src = cli.dir.path().join("statement.pdf");
    std::fs::write(&src, &pdf).unwrap();
    let att = cli
        .ok(&[
            "attach",
            &id,
            src.to_str().unwrap(),
            "--doc",
            "statement",
            "--index",
            "0",
        ])
        .trim()
        .to_owned();
    assert!(!att.is_empty());

    let listed = cli.ok(&["attachments", &id]);
    assert!(
        listed.contains(&att) && listed.contains("statement.pdf"),
        "{listed}"
    );
    assert!(
        listed.contains("statement 0") && listed.contains("300000 bytes"),
        "{listed}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&cli.ok(&["attachments", &id, "--json"])).unwrap();
    assert_eq!(json[0]["name"], "statement.pdf");
    assert_eq!(json[0]["media_type"], "application/pdf");
    assert_eq!(json[0]["available"], true);

    let out = cli.dir.path().join("copy.pdf");
    cli.ok(&["attachment-save", &id, &att, "--out", out.to_str().unwrap()]);
    assert!(std::fs::read(&out).unwrap() == pdf);

    cli.ok(&["detach", &id, &att]);
    assert_eq!(cli.ok(&["attachments", &id, "--json"]).trim(), "[]");
    refused_naming(
        &cli,
        &["attachment-save", &id, &att, "--out", out.to_str().unwrap()],
        &att,
    );
}

#[test]
fn missing_and_oversized_files_are_one_line_errors() {
    let cli = Cli::new();
    let id = cli.import(Path::new(EXAMPLE));
    let missing = cli.dir.path().join("nowhere.pdf");
    refused_naming(
        &cli,
        &["attach", &id, missing.to_str().unwrap()],
        "nowhere.pdf",
    );
    let big = cli.dir.path().join("huge.pdf");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(50 * 1024 * 1024 + 1)
        .unwrap();
    refused_naming(&cli, &["attach", &id, big.to_str().unwrap()], "huge.pdf");
    assert_eq!(cli.ok(&["attachments", &id, "--json"]).trim(), "[]");
}
