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
    let vars: Vec<(&str, &str)> = [(PASS, pass), (NEW, new)]
        .into_iter()
        .filter_map(|(k, v)| Some((k, v?)))
        .collect();
    run_env(cli, args, &vars)
}

/// Runs `args` with exactly the sync variables in `vars`. The session bus points nowhere, as on CI, so the
/// OS secret store is unavailable and saved credentials go to the fallback file.
fn run_env(cli: &Cli, args: &[&str], vars: &[(&str, &str)]) -> Output {
    let mut c = cli.command();
    c.args(args)
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
        .env_remove("RAPPORTEUR_SYNC_USER")
        .env_remove("RAPPORTEUR_SYNC_PASSWORD")
        .env_remove(PASS)
        .env_remove(NEW);
    for (k, v) in vars {
        c.env(k, v);
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
pub(crate) fn files(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
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

pub(crate) fn contains(hay: &[u8], needle: &[u8]) -> bool {
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
    // `--folder` takes the passphrase the same way.
    let c = Cli::new();
    fails(&c, &["sync", "--folder", &dir("enc")], None, "is encrypted");
    ok(
        &c,
        &["sync", "--folder", &dir("enc")],
        Some("the team's new passphrase"),
        None,
    );
    // The plain folder is not turned into an encrypted one.
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

/// A WebDAV server on `tmp` that lets in `alice` with `password`, the URL of its `team` folder, and an
/// installation holding the example meeting.
pub(crate) fn guarded_team(tmp: &Path, password: &str) -> (servers::Server, String, Cli) {
    let s = servers::webdav(tmp, Some(("alice", password)));
    std::fs::create_dir(s.root.join("team")).unwrap();
    let to = format!("http://127.0.0.1:{}/team", s.port);
    let a = Cli::new();
    a.import(Path::new(EXAMPLE));
    (s, to, a)
}

/// Credentials saved with `--save-credentials` (in the fallback file here, as on CI: no secret store) serve
/// later rounds without variables, never reach the location, the data directory's other files or the output,
/// and are gone after `--forget-credentials`.
#[test]
fn saved_credentials_serve_later_rounds_and_are_forgotten() {
    let tmp = tempfile::tempdir().unwrap();
    let password = "s3cret-Password-4711";
    let (s, to, a) = guarded_team(tmp.path(), password);
    let refused = run_env(&a, &["sync", "--to", &to], &[]);
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("401/403"), "{}", stderr(&refused));

    let creds = [
        ("RAPPORTEUR_SYNC_USER", "alice"),
        ("RAPPORTEUR_SYNC_PASSWORD", password),
        (PASS, TEAM),
    ];
    let args = ["-v", "sync", "--to", &to, "--save-credentials", "--encrypt"];
    let out = run_env(&a, &args, &creds);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("readable only by you"), "{err}");
    assert_eq!(
        err.matches("OS secret store is not available").count(),
        1,
        "one line says why the secret store is not used: {err}"
    );
    let file = a.data_dir().join("private/sync-credentials.json");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&file), 0o600);
        assert_eq!(mode(file.parent().unwrap()), 0o700);
    }

    // No variables now: the saved user, password and passphrase serve.
    let out = run_env(&a, &["-v", "sync", "--to", &to], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let shown = [out.stdout.clone(), out.stderr.clone()].concat();
    let secrets = [password, TEAM];
    for secret in secrets {
        assert!(
            !contains(&shown, secret.as_bytes()),
            "{secret} in the output"
        );
        for (p, bytes) in files(&s.root).into_iter().chain(files(&a.data_dir())) {
            if p != file {
                assert!(!contains(&bytes, secret.as_bytes()), "{secret} in {p:?}");
            }
        }
    }

    let out = run_env(&a, &["sync", "--to", &to, "--forget-credentials"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!contains(
        &std::fs::read(&file).unwrap(),
        password.as_bytes()
    ));
    let refused = run_env(&a, &["sync", "--to", &to], &[]);
    assert!(stderr(&refused).contains("401/403"), "{}", stderr(&refused));
}
