//! Size limits that hold while reading, whatever the path is: devices, pipes, `/dev/stdin`; and a document
//! that every export would refuse is refused where it comes in.

use std::io::Write;

use crate::support::{Cli, EXAMPLE, stderr};

fn one_line_naming(out: &std::process::Output, name: &str) -> String {
    assert_eq!(out.status.code(), Some(1), "{}", stderr(out));
    let err = stderr(out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(name), "the error must name {name}: {err}");
    err
}

#[test]
fn a_device_is_refused_without_being_read() {
    let cli = Cli::new();
    // Before the fix this read /dev/zero until memory ran out.
    let err = one_line_naming(&cli.run(&["import", "/dev/zero"]), "/dev/zero");
    assert!(err.contains("not a regular file or a pipe"), "{err}");
    let err = one_line_naming(&cli.run(&["import", "/tmp"]), "/tmp");
    assert!(err.contains("directory"), "{err}");
    assert_eq!(cli.ok(&["list", "--json"]).trim(), "[]");
}

#[test]
fn a_record_from_a_pipe_is_imported() {
    let cli = Cli::new();
    let out = cli.run_stdin(
        &["import", "/dev/stdin"],
        &std::fs::read_to_string(EXAMPLE).unwrap(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(cli.ok(&["list"]).lines().count(), 1);
}

#[test]
fn a_pipe_is_read_no_further_than_the_limit() {
    let cli = Cli::new();
    let mut child = cli.spawn_piped(&["import", "/dev/stdin"]);
    let mut stdin = child.stdin.take().unwrap();
    // 1 MiB past the 50 MiB limit: far more than a pipe buffers, so the writer is told the reader stopped.
    let writer = std::thread::spawn(move || {
        let chunk = vec![b' '; 1024 * 1024];
        (0..51).try_for_each(|_| stdin.write_all(&chunk))
    });
    let out = child.wait_with_output().unwrap();
    let written = writer.join().unwrap();
    if let Err(e) = &written {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    let err = one_line_naming(&out, "/dev/stdin");
    assert!(err.contains("limit"), "{err}");
    assert!(
        written.is_err(),
        "the whole stream was read: the limit must stop the reading, not only refuse afterwards"
    );
}

#[test]
fn doc_set_refuses_a_summary_every_export_would_refuse() {
    let cli = Cli::new();
    let id = cli.import(std::path::Path::new(EXAMPLE));
    let before = cli.ok(&["doc", "get", &id, "--kind", "summary"]);
    let huge = "word ".repeat(900_000);
    let out = cli.run_stdin(&["doc", "set", &id, "--kind", "summary"], &huge);
    let err = one_line_naming(&out, "stdin");
    // The export limit (`rapporteur_export::MAX_DOCUMENT_BYTES`, 1 MiB), which every export would refuse past.
    assert!(err.contains("1048576-byte limit"), "{err}");
    let file = cli.dir.path().join("huge.md");
    std::fs::write(&file, &huge).unwrap();
    let out = cli.run(&[
        "doc",
        "set",
        &id,
        "--kind",
        "summary",
        "--file",
        file.to_str().unwrap(),
    ]);
    let err = one_line_naming(&out, "huge.md");
    assert!(err.contains("limit"), "{err}");
    assert_eq!(cli.ok(&["doc", "get", &id, "--kind", "summary"]), before);
}

#[test]
fn import_refuses_a_document_every_export_would_refuse() {
    let cli = Cli::new();
    let mut record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap();
    record["documents"] = serde_json::json!([{"kind": "summary", "body": "x".repeat(5_000_000)}]);
    let file = cli.dir.path().join("big-summary.json");
    std::fs::write(&file, record.to_string()).unwrap();
    let err = one_line_naming(
        &cli.run(&["import", file.to_str().unwrap()]),
        "big-summary.json",
    );
    assert!(
        err.contains("documents[0].body") && err.contains("limit"),
        "{err}"
    );
    assert_eq!(cli.ok(&["list", "--json"]).trim(), "[]");
}
