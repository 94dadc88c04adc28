use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use rapporteur_app::MeetingRecord;

pub const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/network-briefing-2019-12-12.json"
);

/// A fresh data directory and a way to run the CLI against it.
pub struct Cli {
    pub dir: tempfile::TempDir,
}

impl Cli {
    pub fn new() -> Cli {
        Cli {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn command(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_rapporteur"));
        c.arg("--data-dir").arg(self.data_dir());
        c.env_remove("RAPPORTEUR_DATA_DIR");
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().unwrap()
    }

    /// The command with stdin, stdout and stderr piped, started.
    pub fn spawn_piped(&self, args: &[&str]) -> std::process::Child {
        self.command()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    }

    /// Run with `input` on stdin. The command may stop reading before the end (a size limit does): the rest
    /// is then not written.
    pub fn run_stdin(&self, args: &[&str], input: &str) -> Output {
        let mut child = self.spawn_piped(args);
        let mut stdin = child.stdin.take().unwrap();
        let input = input.to_owned();
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let out = child.wait_with_output().unwrap();
        if let Err(e) = writer.join().unwrap() {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
        }
        out
    }

    /// Run and insist on success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "rapporteur {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn import(&self, file: &Path) -> String {
        let out = self.ok(&["import", file.to_str().unwrap()]);
        let id = out.trim_end_matches('\n');
        assert!(
            !id.is_empty() && !id.contains(char::is_whitespace),
            "{out:?}"
        );
        id.to_owned()
    }
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A record with the store's ids removed, for comparing meaning.
pub fn without_ids(r: &MeetingRecord) -> MeetingRecord {
    let mut r = r.clone();
    r.attendance
        .delegations
        .iter_mut()
        .for_each(|d| d.id = None);
    r.interventions.0.iter_mut().for_each(|i| i.id = None);
    r.action_items.iter_mut().for_each(|a| a.id = None);
    r.documents.iter_mut().for_each(|d| d.id = None);
    r
}
