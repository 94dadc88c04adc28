//! `rapporteur sync --to` and `rapporteur sync-passphrase` through the binary, against a folder and the
//! WebDAV test server (`wsgidav`, started on 127.0.0.1): plain, encrypted with a team passphrase from the
//! environment, and the errors of a missing, wrong or changed passphrase.

use std::path::Path;
use std::process::Output;

use crate::servers;
use crate::support::{Cli, EXAMPLE, stderr};

const PASS: &str = "RAPPORTEUR_SYNC_PASSPHRASE";
const NEW: &str = "RAPPORTEUR_SYNC_NEW_PASSPHRASE";
const TEAM: &str = "the team's long passphrase";
const TITLE: &str = "Network Briefing to Member States";

/// Runs `args` with the passphrase variables set as given (and no others from the test's environment).
fn run(cli: &Cli, args: &[&str], pass: Option<&str>, new: Option<&str>) -> Output {
    let mut c = cli.command();
    c.args(args).env_remove(PASS).env_remove(NEW);
    for (var, value) in [(PASS, pass), (NEW, new)] {
        if let Some(v) = value {
            c.env(var, v);
        }
    }
    c.output().unwrap()
}

fn ok(cli: &Cli, args: &[&str], pass: Option<&str>, new: Option<&str>) -> String {
    let out = run(cli, args, pass, new);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    String::from_utf8(out.stdout).unwrap()
}

/// Fails with one line on stderr containing `expected`.
fn fails(cli: &Cli, args: &[&str], pass: Option<&str>, expected: &str) {
    let out = run(cli, args, pass, None);
    let err = stderr(&out);
    assert!(!out.status.success(), "{args:?} succeeded");
    assert!(err.contains(expected), "{args:?}: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

/// Every file under `dir` with its bytes.
fn files(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if e.path().is_dir() {
            out.extend(files(&e.path()));
        } else {
            out.push((e.path(), std::fs::read(e.path()).unwrap()));
        }
    }
    out.sort();
    out
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn summary(cli: &Cli, id: &str) -> String {
    cli.ok(&["doc", "get", id, "--kind", "summary"])
}

/// A plain round trip through `to`, whose files lie in `root`: the title is there in clear.
fn plain(to: &str, root: &Path) {
    let (a, b) = (Cli::new(), Cli::new());
    let id = a.import(Path::new(EXAMPLE));
    ok(&a, &["sync", "--to", to], None, None);
    let out = ok(&b, &["sync", "--to", to], None, None);
    assert!(out.contains("received"), "{out}");
    assert_eq!(summary(&b, &id), summary(&a, &id));
    let all: Vec<u8> = files(root).into_iter().flat_map(|(_, b)| b).collect();
    assert!(
        contains(&all, TITLE.as_bytes()),
        "the scan sees a plain title"
    );
}

/// An encrypted round trip through `to`, whose files lie in `root`.
fn encrypted(to: &str, root: &Path) {
    let (a, b) = (Cli::new(), Cli::new());
    let id = a.import(Path::new(EXAMPLE));
    fails(&a, &["sync", "--to", to, "--encrypt"], None, PASS);
    fails(
        &a,
        &["sync", "--to", to, "--encrypt"],
        Some("short"),
        "too short",
    );
    assert!(
        files(root).is_empty(),
        "a refused --encrypt wrote something"
    );
    ok(&a, &["sync", "--to", to, "--encrypt"], Some(TEAM), None);
    let written = files(root);
    assert!(
        written
            .iter()
            .any(|(p, _)| p.ends_with("rapporteur/v1/team.key"))
    );
    for (p, bytes) in &written {
        assert!(
            !contains(bytes, TITLE.as_bytes()),
            "the title is readable in {p:?}"
        );
    }

    fails(
        &b,
        &["sync", "--to", to],
        None,
        "is encrypted with a team passphrase",
    );
    fails(
        &b,
        &["sync", "--to", to],
        Some("a wrong passphrase, long"),
        "the team passphrase is wrong",
    );
    assert_eq!(files(root), written, "a refused round wrote something");
    ok(&b, &["sync", "--to", to], Some(TEAM), None);
    assert_eq!(summary(&b, &id), summary(&a, &id));

    let new = "the team's new passphrase";
    fails(&a, &["sync-passphrase", "--to", to], Some(TEAM), NEW);
    let out = run(
        &a,
        &["sync-passphrase", "--to", to],
        Some("not the old one, long"),
        Some(new),
    );
    assert!(
        stderr(&out).contains("the team passphrase is wrong"),
        "{}",
        stderr(&out)
    );
    ok(&a, &["sync-passphrase", "--to", to], Some(TEAM), Some(new));
    fails(
        &b,
        &["sync", "--to", to],
        Some(TEAM),
        "the team passphrase is wrong",
    );
    ok(&b, &["sync", "--to", to], Some(new), None);
}

#[test]
fn sync_to_a_folder_plain_and_encrypted() {
    let tmp = tempfile::tempdir().unwrap();
    for name in ["plain", "enc"] {
        std::fs::create_dir(tmp.path().join(name)).unwrap();
    }
    let dir = |n: &str| tmp.path().join(n).to_str().unwrap().to_owned();
    plain(&dir("plain"), &tmp.path().join("plain"));
    encrypted(&dir("enc"), &tmp.path().join("enc"));
    // The plain folder is not turned into an encrypted one.
    let c = Cli::new();
    fails(
        &c,
        &["sync", "--to", &dir("plain"), "--encrypt"],
        Some(TEAM),
        "already holds unencrypted files",
    );
}

#[test]
fn sync_to_webdav_plain_and_encrypted() {
    let tmp = tempfile::tempdir().unwrap();
    let s = servers::webdav(tmp.path(), None);
    for name in ["plain", "enc"] {
        std::fs::create_dir(s.root.join(name)).unwrap();
    }
    let url = |n: &str| format!("http://127.0.0.1:{}/{n}", s.port);
    plain(&url("plain"), &s.root.join("plain"));
    encrypted(&url("enc"), &s.root.join("enc"));
}
