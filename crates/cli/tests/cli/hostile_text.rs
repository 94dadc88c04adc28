//! Text that could break an export or a terminal: refused at the door where no one types it, printed safely
//! where it is allowed; error messages that stay short; CSV cells that stay text; one way to say "not found".

use std::path::Path;

use crate::support::{Cli, EXAMPLE, stderr};

fn example() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap()
}

/// Import `record`; insist on exit 1 with one line naming the file, and nothing imported.
fn refused(cli: &Cli, record: &str) -> String {
    let file = cli.dir.path().join("hostile.json");
    std::fs::write(&file, record).unwrap();
    let out = cli.run(&["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("hostile.json"), "{err}");
    assert_eq!(cli.ok(&["list", "--json"]).trim(), "[]");
    err
}

#[test]
fn control_characters_and_noncharacters_are_refused_with_field_line_and_column() {
    let cli = Cli::new();
    let mut record = example();
    record["documents"] =
        serde_json::json!([{"kind": "summary", "body": "fine\nthen \u{7} a bell"}]);
    let text = serde_json::to_string_pretty(&record).unwrap();
    let err = refused(&cli, &text);
    let line = 1 + text[..text.find("\\u0007").unwrap()].matches('\n').count();
    assert!(
        err.contains("documents[0].body")
            && err.contains("control character U+0007")
            && err.contains(&format!("at line {line} column")),
        "{err}"
    );

    let mut record = example();
    record["meeting"]["venue"] = "Geneva \u{FFFF}".into();
    let err = refused(&cli, &serde_json::to_string(&record).unwrap());
    assert!(
        err.contains("meeting.venue") && err.contains("noncharacter U+FFFF"),
        "{err}"
    );
}

#[test]
fn doc_set_refuses_an_escape_sequence_and_keeps_the_text() {
    let cli = Cli::new();
    let id = cli.import(Path::new(EXAMPLE));
    cli.run_stdin(&["doc", "set", &id, "--kind", "summary"], "kept\n");
    let out = cli.run_stdin(
        &["doc", "set", &id, "--kind", "summary"],
        "first\nab\u{1b}[2J cleared",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("body") && err.contains("U+001B") && err.contains("line 2, column 3"),
        "{err}"
    );
    assert_eq!(cli.ok(&["doc", "get", &id, "--kind", "summary"]), "kept\n");
}

#[test]
fn the_letterhead_and_replica_name_refuse_control_characters() {
    let cli = Cli::new();
    let out = cli.run(&["letterhead", "--organisation", "Org\u{7}"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("letterhead.organisation"),
        "{}",
        stderr(&out)
    );
    assert!(cli.ok(&["letterhead"]).starts_with("organisation: \n"));
    let out = cli.run(&["replica", "--name", "\u{1b}]0;pwned\u{7}"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("replica.name"), "{}", stderr(&out));
}

#[test]
fn every_format_exports_hostile_but_allowed_text() {
    let cli = Cli::new();
    let id = cli.import(Path::new(EXAMPLE));
    // Deep emphasis, a URL longer than Typst takes, a heading and a code span longer than a PDF string: all
    // valid Markdown.
    let body = format!(
        "# Title\n\n{}x{}\n\n[long link](https://example.org/{})\n\n## {}\n\n\u{200B}\u{202E}bidi\u{FEFF} \u{FFFD}\t=1+1\n\n`{}`\n",
        "*".repeat(3000),
        "*".repeat(3000),
        "a".repeat(40_000),
        "word ".repeat(8000),
        "c".repeat(60_000)
    );
    let set = cli.run_stdin(&["doc", "set", &id, "--kind", "summary"], &body);
    assert!(set.status.success(), "{}", stderr(&set));
    for format in ["pdf", "docx", "md", "html", "csv", "ics"] {
        let out = cli.dir.path().join(format!("out.{format}"));
        let run = cli.run(&[
            "export",
            &id,
            "--format",
            format,
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(run.status.success(), "{format}: {}", stderr(&run));
        assert!(std::fs::metadata(&out).unwrap().len() > 0, "{format}");
    }
}

#[test]
fn terminal_output_escapes_what_a_terminal_would_obey() {
    let cli = Cli::new();
    let mut record = example();
    record["meeting"]["title"] = "Evil \u{202E}txt.exe".into();
    let file = cli.dir.path().join("bidi.json");
    std::fs::write(&file, record.to_string()).unwrap();
    let id = cli.import(&file);
    cli.run_stdin(
        &["doc", "set", &id, "--kind", "summary"],
        "needle \u{2066}hidden\u{2069}\n",
    );
    let list = cli.ok(&["list"]);
    assert!(
        list.contains("Evil \\u{202e}txt.exe") && !list.contains('\u{202E}'),
        "{list}"
    );
    let json = cli.ok(&["list", "--json"]);
    assert!(!json.contains('\u{202E}'), "{json}");
    let listed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(listed[0]["title"], "Evil \u{202E}txt.exe");
    let hits = cli.ok(&["search", "needle"]);
    assert!(
        !hits.is_empty() && !hits.contains('\u{2066}') && !hits.contains('\u{202E}'),
        "{hits}"
    );
    assert!(hits.contains("\\u{2066}"), "{hits}");
}

#[test]
fn an_error_quotes_a_bad_value_in_part() {
    let cli = Cli::new();
    let mut record = example();
    record["meeting"]["kind"] = "k".repeat(1_000_000).into();
    let err = refused(&cli, &record.to_string());
    assert!(err.len() < 1000, "{} bytes of error", err.len());
    assert!(
        err.contains("unknown variant") && err.contains('…'),
        "{err}"
    );
}

#[test]
fn a_title_of_invisible_characters_is_blank() {
    let cli = Cli::new();
    for invisible in ["\u{200B}", "\u{FEFF}", "\u{180E}", " \u{200B}\u{2060} "] {
        let mut record = example();
        record["meeting"]["title"] = invisible.into();
        let err = refused(&cli, &record.to_string());
        assert!(
            err.contains("title") && err.contains("must not be empty"),
            "{err}"
        );
    }
}

#[test]
fn csv_cells_cannot_run_as_formulas() {
    let cli = Cli::new();
    let mut record = example();
    record["action_items"][0]["text"] = "=HYPERLINK(\"http://x\",\"y\")".into();
    record["action_items"][0]["from"] = "@SUM(A1)".into();
    record["action_items"][0]["to"] = "-2+3".into();
    let file = cli.dir.path().join("formula.json");
    std::fs::write(&file, record.to_string()).unwrap();
    let id = cli.import(&file);
    let out = cli.dir.path().join("actions.csv");
    cli.ok(&[
        "export",
        &id,
        "--format",
        "csv",
        "--table",
        "actions",
        "--out",
        out.to_str().unwrap(),
    ]);
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(
        csv.contains("'=HYPERLINK") && csv.contains("'@SUM(A1)") && csv.contains("'-2+3"),
        "{csv}"
    );
}

#[test]
fn a_missing_statement_is_named_the_same_way_everywhere() {
    let cli = Cli::new();
    let id = cli.import(Path::new(EXAMPLE));
    let expected = format!("statement 100 not found in meeting {id}");
    let get = cli.run(&["doc", "get", &id, "--kind", "statement", "--index", "100"]);
    assert!(stderr(&get).contains(&expected), "{}", stderr(&get));
    let out = cli.dir.path().join("s.md");
    let export = cli.run(&[
        "export",
        &id,
        "--format",
        "md",
        "--doc",
        "statement",
        "--index",
        "100",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(stderr(&export).contains(&expected), "{}", stderr(&export));
}

#[test]
fn notes_and_annex_are_refused_where_the_format_has_no_place_for_them() {
    let cli = Cli::new();
    let id = cli.import(Path::new(EXAMPLE));
    let out = cli.dir.path().join("x");
    let out = out.to_str().unwrap();
    for (format, flag, what) in [
        ("csv", "--notes", "private notes"),
        ("ics", "--notes", "private notes"),
        ("ics", "--annex", "the annex"),
        ("csv", "--annex", "the annex"),
    ] {
        let run = cli.run(&["export", &id, "--format", format, flag, "--out", out]);
        assert_eq!(run.status.code(), Some(1), "{format} {flag}");
        let err = stderr(&run);
        assert!(
            err.contains(&format!(
                "{} exports cannot hold {what}",
                format.to_uppercase()
            )),
            "{err}"
        );
        assert!(!Path::new(out).exists());
    }
}
