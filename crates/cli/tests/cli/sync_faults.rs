//! Sync faults that used to lose or hold back edits, through the binary: a copied data directory, one
//! lost or truncated update file, an absurd `replica.json`.

use std::fs;
use std::path::Path;

use crate::support::{Cli, EXAMPLE};

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), target).unwrap();
        }
    }
}

fn replica_id(cli: &Cli) -> String {
    cli.ok(&["replica"])
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned()
}

/// The folder `cli`'s installation writes in the shared folder `shared`.
fn replica_dir(shared: &Path, cli: &Cli) -> std::path::PathBuf {
    shared.join("rapporteur/v1/replicas").join(replica_id(cli))
}

fn set(cli: &Cli, id: &str, kind: &str, text: &str) {
    let out = cli.run_stdin(&["doc", "set", id, "--kind", kind], text);
    assert!(out.status.success(), "{out:?}");
}

fn get(cli: &Cli, id: &str, kind: &str) -> String {
    cli.ok(&["doc", "get", id, "--kind", kind])
}

#[test]
fn a_copied_data_directory_loses_no_edit_of_either_copy() {
    let (a, b, c) = (Cli::new(), Cli::new(), Cli::new());
    let shared = tempfile::tempdir().unwrap();
    let folder = shared.path().to_str().unwrap();
    let id = a.import(Path::new(EXAMPLE));
    a.ok(&["sync", "--folder", folder]);
    copy_dir(&a.data_dir(), &c.data_dir());
    assert_ne!(replica_id(&a), replica_id(&c), "the copy takes a new id");

    set(&a, &id, "summary", "Written on the original.\n");
    set(&c, &id, "statement", "Written on the copy.\n");
    let out = c.ok(&["sync", "--folder", folder]);
    assert!(out.contains("new replica id"), "{out}");
    a.ok(&["sync", "--folder", folder]);
    c.ok(&["sync", "--folder", folder]);
    b.ok(&["sync", "--folder", folder]);
    for cli in [&a, &b, &c] {
        assert_eq!(get(cli, &id, "summary"), "Written on the original.\n");
        assert_eq!(get(cli, &id, "statement"), "Written on the copy.\n");
    }
}

fn lost_file_does_not_hold_back_later_edits(damage: fn(&Path)) {
    let (a, b) = (Cli::new(), Cli::new());
    let shared = tempfile::tempdir().unwrap();
    let folder = shared.path().to_str().unwrap();
    let id = a.import(Path::new(EXAMPLE));
    a.ok(&["sync", "--folder", folder]);
    b.ok(&["sync", "--folder", folder]);
    set(&a, &id, "summary", "First edit.\n");
    a.ok(&["sync", "--folder", folder]);
    let dir = replica_dir(shared.path(), &a);
    damage(&dir.join("2.upd"));
    let out = b.ok(&["sync", "--folder", folder]);
    assert!(out.contains("2.upd"), "the reader names the gap: {out}");
    for n in 0..3 {
        let text = format!("Edit {n}.\n");
        set(&a, &id, "summary", &text);
        let out = a.ok(&["sync", "--folder", folder]);
        if n == 0 {
            assert!(out.contains("healed"), "{out}");
        }
        b.ok(&["sync", "--folder", folder]);
        assert_eq!(get(&b, &id, "summary"), text);
    }
}

#[test]
fn a_deleted_update_file_holds_back_nothing() {
    lost_file_does_not_hold_back_later_edits(|p| fs::remove_file(p).unwrap());
}

#[test]
fn a_truncated_update_file_holds_back_nothing() {
    lost_file_does_not_hold_back_later_edits(|p| {
        let b = fs::read(p).unwrap();
        fs::write(p, &b[..b.len() / 2]).unwrap();
    });
}

#[test]
fn an_absurd_head_in_replica_json_is_refused_quickly() {
    let (a, b) = (Cli::new(), Cli::new());
    let shared = tempfile::tempdir().unwrap();
    let folder = shared.path().to_str().unwrap();
    let id = a.import(Path::new(EXAMPLE));
    a.ok(&["sync", "--folder", folder]);
    let json = replica_dir(shared.path(), &a).join("replica.json");
    let mut v: serde_json::Value = serde_json::from_slice(&fs::read(&json).unwrap()).unwrap();
    v["head"] = u64::MAX.into();
    fs::write(&json, serde_json::to_vec(&v).unwrap()).unwrap();
    let out = b.ok(&["sync", "--folder", folder]);
    assert!(out.contains("far beyond the files"), "{out}");
    assert_eq!(get(&b, &id, "summary"), get(&a, &id, "summary"));
}

#[test]
fn verbose_logs_the_round_to_stderr_and_quiet_does_not() {
    let a = Cli::new();
    let shared = tempfile::tempdir().unwrap();
    let folder = shared.path().to_str().unwrap();
    a.import(Path::new(EXAMPLE));
    let quiet = a.run(&["sync", "--folder", folder]);
    assert!(!crate::support::stderr(&quiet).contains("sync round"));
    let loud = a.run(&["-v", "sync", "--folder", folder]);
    assert!(loud.status.success());
    assert!(
        crate::support::stderr(&loud).contains("sync round"),
        "{loud:?}"
    );
}

#[test]
fn a_conflicted_copy_is_reported_in_the_round_that_reads_its_neighbour() {
    let (a, b) = (Cli::new(), Cli::new());
    let shared = tempfile::tempdir().unwrap();
    let folder = shared.path().to_str().unwrap();
    let id = a.import(Path::new(EXAMPLE));
    a.ok(&["sync", "--folder", folder]);
    b.ok(&["sync", "--folder", folder]);
    b.ok(&["sync", "--folder", folder]);
    set(&a, &id, "summary", "New.\n");
    a.ok(&["sync", "--folder", folder]);
    let dir = replica_dir(shared.path(), &a);
    fs::copy(dir.join("2.upd"), dir.join("2 (conflicted copy).upd")).unwrap();
    let out = b.ok(&["sync", "--folder", folder]);
    assert!(
        out.contains("ignored replicas/") && out.contains("2 (conflicted copy).upd"),
        "{out}"
    );
    assert_eq!(get(&b, &id, "summary"), "New.\n");
}
