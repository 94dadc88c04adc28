//! Saved sync credentials in a real OS secret store: a private D-Bus session bus with GNOME Keyring's Secret
//! Service on it (unlocked with a password on its standard input, as a login session does), in a home
//! directory of the test's own. The other credential tests point the session bus nowhere, as on CI, and so
//! exercise only the fallback file; this one proves the path a desktop takes.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Cli, stderr};
use crate::sync_to::{contains, files, guarded_team};

/// A child process that is stopped when dropped, also when the test fails half-way through starting.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A session bus and the keyring daemon on it; both are stopped when dropped (the keyring first).
struct SecretService {
    _keyring: Running,
    _bus: Running,
    address: String,
    home: PathBuf,
    runtime: PathBuf,
    _dir: tempfile::TempDir,
}

fn spawn(program: &str, cmd: &mut Command) -> Child {
    cmd.spawn().unwrap_or_else(|e| {
        panic!("{program}: {e}: install dbus-daemon, dbus-bin and gnome-keyring (scripts/setup.sh)")
    })
}

impl SecretService {
    fn start() -> SecretService {
        let dir = tempfile::tempdir().unwrap();
        let (home, runtime) = (dir.path().join("home"), dir.path().join("run"));
        std::fs::create_dir_all(&home).unwrap();
        std::fs::create_dir_all(&runtime).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700)).unwrap();
        }
        let mut bus = Running(spawn(
            "dbus-daemon",
            Command::new("dbus-daemon")
                .args(["--session", "--nofork", "--print-address=1"])
                .stdout(Stdio::piped())
                .stderr(Stdio::null()),
        ));
        let mut address = String::new();
        BufReader::new(bus.0.stdout.take().unwrap())
            .read_line(&mut address)
            .unwrap();
        let address = address.trim().to_owned();
        assert!(address.starts_with("unix:"), "dbus-daemon said {address:?}");
        let mut keyring = Running(spawn(
            "gnome-keyring-daemon",
            Command::new("gnome-keyring-daemon")
                .args(["--unlock", "--components=secrets", "--foreground"])
                .env("DBUS_SESSION_BUS_ADDRESS", &address)
                .env("HOME", &home)
                .env("XDG_RUNTIME_DIR", &runtime)
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
        ));
        // The login keyring's password; closing stdin ends it.
        keyring
            .0
            .stdin
            .take()
            .unwrap()
            .write_all(b"login password")
            .unwrap();
        let s = SecretService {
            _keyring: keyring,
            _bus: bus,
            address,
            home,
            runtime,
            _dir: dir,
        };
        s.until_serving();
        s
    }

    /// Waits until the keyring daemon owns the Secret Service's name on the bus.
    fn until_serving(&self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let out = Command::new("dbus-send")
                .args([
                    "--session",
                    "--print-reply",
                    "--dest=org.freedesktop.DBus",
                    "/",
                    "org.freedesktop.DBus.NameHasOwner",
                    "string:org.freedesktop.secrets",
                ])
                .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
                .output()
                .expect("dbus-send: install dbus-bin (scripts/setup.sh)");
            if String::from_utf8_lossy(&out.stdout).contains("boolean true") {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "gnome-keyring-daemon did not take the Secret Service's name on the bus"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Runs the CLI in this session with exactly the sync variables in `vars`.
    fn run(&self, cli: &Cli, args: &[&str], vars: &[(&str, &str)]) -> Output {
        let mut c = cli.command();
        c.args(args)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .env("HOME", &self.home)
            .env("XDG_RUNTIME_DIR", &self.runtime)
            .env_remove("RAPPORTEUR_SYNC_USER")
            .env_remove("RAPPORTEUR_SYNC_PASSWORD")
            .env_remove("RAPPORTEUR_SYNC_PASSPHRASE");
        for (k, v) in vars {
            c.env(k, v);
        }
        c.output().unwrap()
    }
}

/// `rapporteur sync --save-credentials` with a Secret Service running: the credentials go to the secret store
/// (the CLI says so, with no warning about the store), no credentials file is written and the password is in
/// no file of the data directory; a later round is served from the store alone; `--forget-credentials`
/// removes them, and the server then refuses the round again.
#[test]
fn saved_credentials_go_to_a_running_secret_service() {
    let service = SecretService::start();
    let tmp = tempfile::tempdir().unwrap();
    let password = "keyring-Password-0815";
    let (_server, to, a) = guarded_team(tmp.path(), password);

    let creds = [
        ("RAPPORTEUR_SYNC_USER", "alice"),
        ("RAPPORTEUR_SYNC_PASSWORD", password),
    ];
    let out = service.run(&a, &["sync", "--to", &to, "--save-credentials"], &creds);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("in the OS secret store"), "{err}");
    assert!(!err.contains("not available"), "{err}");
    assert!(!a.data_dir().join("private/sync-credentials.json").exists());
    for (path, bytes) in files(&a.data_dir()) {
        assert!(
            !contains(&bytes, password.as_bytes()),
            "the password is in {path:?}"
        );
    }

    // No variables: the secret store serves the round.
    let out = service.run(&a, &["sync", "--to", &to], &[]);
    assert!(out.status.success(), "{}", stderr(&out));

    let out = service.run(&a, &["sync", "--to", &to, "--forget-credentials"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let refused = service.run(&a, &["sync", "--to", &to], &[]);
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("401/403"), "{}", stderr(&refused));
}
