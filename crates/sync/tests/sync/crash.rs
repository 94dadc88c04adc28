//! Child processes: `kill -9` during rounds (over every backend), and two processes syncing one data directory.
//!
//! The children are this test binary run again with `RAPPORTEUR_SYNC_HELPER` set, filtered to
//! [`helper_process`], which then plays the child's part instead of its in-process check.

use std::collections::BTreeSet;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use rapporteur_core::{Category, Party};
use rapporteur_store::Edit;
use rapporteur_sync::{Credentials, Location, SyncError, SyncLock};

use crate::common::{Node, meeting};
use crate::places::{Backend, Host, Place, over_every_backend};

const HELPER: &str = "RAPPORTEUR_SYNC_HELPER";

fn spawn(mode: &str) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "crash::helper_process",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(HELPER, mode)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// One child's work: add interventions named `edit-<tag>-<k>` and sync after each, `rounds` times
/// (forever when `None`), printing `edited <name>` once each edit is committed.
async fn edit_and_sync(data: &Path, loc: &Location, tag: &str, rounds: Option<u32>) -> usize {
    let node = Node::open(data).await;
    let m = match node.store.meeting_ids_with_docs().await.unwrap().first() {
        Some(m) => m.clone(),
        None => node
            .store
            .create_meeting(meeting("Crash test"))
            .await
            .unwrap(),
    };
    let mut sent = 0;
    let mut k = 0;
    while rounds.is_none_or(|n| k < n) {
        let name = format!("edit-{tag}-{k}");
        let speaker = Party::named(&name, Category::CivilSociety);
        node.store
            .edit(&m, Edit::AddIntervention { speaker, at: None })
            .await
            .unwrap();
        println!("edited {name}");
        println!("round started");
        sent += node.round_at(loc).await.sent.len();
        println!("round finished");
        k += 1;
    }
    sent
}

/// How a child is told its place: the location's spec and credentials, one per line.
fn place_lines(p: &Place) -> String {
    let c = &p.creds;
    let key = c.key_file.as_ref().map(|k| k.display().to_string());
    [Some(p.spec.clone()), c.user.clone(), c.secret.clone(), key]
        .map(Option::unwrap_or_default)
        .join("\n")
}

fn place_from(lines: &[&str]) -> Place {
    let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    let [spec, user, secret, key] = lines else {
        panic!("a place is four lines: {lines:?}");
    };
    let creds = Credentials {
        user: some(user),
        secret: some(secret),
        key_file: some(key).map(Into::into),
    };
    Place::new(spec.to_string(), creds)
}

#[tokio::test]
async fn helper_process() {
    match std::env::var(HELPER) {
        Ok(mode) => {
            let parts: Vec<&str> = mode.split('\n').collect();
            match parts.as_slice() {
                ["edit", data, tag, place @ ..] => {
                    let place = place_from(place);
                    edit_and_sync(Path::new(data), &place.loc, tag, None).await;
                }
                ["hold", data] => {
                    let _lock = SyncLock::try_acquire(Path::new(data)).unwrap();
                    println!("locked");
                    tokio::time::sleep(Duration::from_secs(120)).await;
                }
                other => panic!("unknown helper mode {other:?}"),
            }
        }
        // Run in-process, the child's part must edit and send.
        Err(_) => {
            let tmp = tempfile::tempdir().unwrap();
            let folder = tmp.path().join("shared");
            fs::create_dir(&folder).unwrap();
            assert_eq!(
                edit_and_sync(
                    &tmp.path().join("a"),
                    &Location::folder(&folder),
                    "x",
                    Some(2)
                )
                .await,
                2
            );
        }
    }
}

/// A small deterministic generator, so a failure can be replayed.
fn next(state: &mut u64) -> u64 {
    *state = state
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *state >> 33
}

fn names_in(record: &rapporteur_core::MeetingRecord) -> BTreeSet<String> {
    record
        .interventions
        .0
        .iter()
        .filter_map(|i| i.speaker.name.clone())
        .collect()
}

/// Where a child is killed. Points are chosen by what the child has reported, not by the clock alone, so
/// that a slow or loaded machine moves the kills with the child instead of killing every child while it
/// is still starting up.
#[derive(Clone, Copy, Debug)]
enum KillPoint {
    /// This long after the start: while the store opens, or wherever the child has got to.
    Anywhere(u64),
    /// Just after its `n`th edit is committed, as its round begins.
    AfterEdit(u32),
    /// This long into its `n`th round (0: at once, inside the round).
    InRound(u32, u64),
    /// This long after its `n`th round finished: between rounds or inside the next edit's commit.
    AfterRound(u32, u64),
}

impl KillPoint {
    fn draw(rng: &mut u64, window_ms: u64) -> Self {
        let n = 1 + (next(rng) % 2) as u32;
        let ms = next(rng) % window_ms;
        match next(rng) % 5 {
            0 => Self::Anywhere(ms),
            1 => Self::AfterEdit(n),
            2 => Self::InRound(n, 0),
            3 => Self::InRound(n, ms),
            _ => Self::AfterRound(n, ms),
        }
    }

    /// The line to wait for, how many of them, and how long to wait after the last.
    fn wait(self) -> (Option<(&'static str, u32)>, u64) {
        match self {
            Self::Anywhere(ms) => (None, ms),
            Self::AfterEdit(n) => (Some(("edited ", n)), 0),
            Self::InRound(n, ms) => (Some(("round started", n)), ms),
            Self::AfterRound(n, ms) => (Some(("round finished", n)), ms),
        }
    }
}

/// Runs one edit-and-sync child and kills it with SIGKILL at `point`; returns every line it printed.
async fn run_and_kill(mode: &str, point: KillPoint) -> Vec<String> {
    let mut child = spawn(mode);
    let (tx, lines) = std::sync::mpsc::channel();
    let out = BufReader::new(child.stdout.take().unwrap());
    let reader = std::thread::spawn(move || {
        for line in out.lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    let (until, then_ms) = point.wait();
    if let Some((prefix, n)) = until {
        let mut count = 0;
        while count < n {
            // A child that stops short (it died, or a round hangs) fails the test instead of hanging it.
            let line = match lines.recv_timeout(Duration::from_secs(120)) {
                Ok(line) => line,
                Err(e) => {
                    // Not left running (it edits and syncs forever) when the test fails.
                    let _ = child.kill();
                    let _ = child.wait();
                    panic!("the child stopped before {point:?} ({e}): {seen:?}");
                }
            };
            count += u32::from(line.starts_with(prefix));
            seen.push(line);
        }
    }
    tokio::time::sleep(Duration::from_millis(then_ms)).await;
    child.kill().unwrap();
    child.wait().unwrap();
    reader.join().unwrap();
    seen.extend(lines.try_iter());
    seen
}

/// A child edits and syncs, and is killed with SIGKILL, again and again (100 times on a folder, 20 on a
/// remote location, whose rounds are slower): at random moments after its start, right after a commit,
/// inside a round and between rounds. A reader keeps syncing meanwhile. Every edit a child committed
/// survives in its store and reaches the reader, and the data directory still syncs cleanly.
async fn kill_9_at_random_points_loses_nothing(backend: Backend) {
    let tmp = tempfile::tempdir().unwrap();
    let host = Host::start(backend, tmp.path());
    let place = host.place("team");
    let loc = &place.loc;
    let (kills, window_ms) = match backend {
        Backend::Folder => (100, 120),
        Backend::WebDav | Backend::S3 => (20, 600),
        // Each round opens an SSH session first.
        Backend::Sftp => (20, 1500),
    };
    let a_dir = tmp.path().join("a");
    let b = Node::open(&tmp.path().join("b")).await;
    let mut committed = BTreeSet::new();
    let (mut mid_round, mut after_commit) = (0, 0);
    let mut rng = 0x5eed_u64;
    for i in 0..kills {
        let point = KillPoint::draw(&mut rng, window_ms);
        let mode = format!("edit\n{}\n{i}\n{}", a_dir.display(), place_lines(&place));
        let out = run_and_kill(&mode, point).await;
        committed.extend(
            out.iter()
                .filter_map(|l| l.strip_prefix("edited "))
                .map(str::to_owned),
        );
        after_commit += usize::from(!matches!(point, KillPoint::Anywhere(_)));
        // The child's last word says where the kill landed.
        if out.last().map(String::as_str) == Some("round started") {
            mid_round += 1;
        }
        if i % 10 == 9 {
            // The reader keeps up while the writer keeps dying; whatever it finds must never break it.
            b.round_at(loc).await;
        }
    }
    assert!(
        committed.len() >= after_commit,
        "every child killed after its first commit left an edit: {} edits, {after_commit} such kills",
        committed.len()
    );
    assert!(
        mid_round >= kills / 10,
        "kills landed inside rounds only {mid_round} times of {kills}"
    );

    // The data dir opens (no corrupt database), every committed edit is there, and a round completes.
    let a = Node::open(&a_dir).await;
    let m = a.store.meeting_ids_with_docs().await.unwrap()[0].clone();
    let local = names_in(&a.store.record(&m).await.unwrap());
    assert!(
        committed.is_subset(&local),
        "lost locally: {:?}",
        committed.difference(&local)
    );
    let r = a.round_at(loc).await;
    assert!(r.is_clean(), "{r:#?}");
    let r = b.round_at(loc).await;
    assert!(r.skipped.is_empty(), "{r:#?}");
    let remote = names_in(&b.store.record(&m).await.unwrap());
    assert!(
        committed.is_subset(&remote),
        "not delivered: {:?}",
        committed.difference(&remote)
    );
    assert_eq!(a.state().await, b.state().await);
    // Only whole files are left: every update at the place decodes.
    let dir = format!("{}/", Place::replica_dir(&a.id()));
    for (rel, bytes) in place.files().await {
        let name = rel.strip_prefix(&dir).unwrap_or_default();
        if let Some(seq) = name.strip_suffix(".upd").and_then(|s| s.parse().ok()) {
            rapporteur_sync::format::decode_update(&bytes, &a.id(), seq)
                .unwrap_or_else(|e| panic!("{rel}: {e}"));
        }
    }
}
over_every_backend!(kill_9_at_random_points_loses_nothing);

#[tokio::test]
async fn two_processes_cannot_sync_one_data_dir_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    fs::create_dir(&folder).unwrap();
    let a = Node::open(&tmp.path().join("a")).await;
    let mut child = spawn(&format!("hold\n{}", a.dir.display()));
    let mut line = String::new();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    while !line.contains("locked") {
        line.clear();
        assert!(
            out.read_line(&mut line).unwrap() > 0,
            "the helper exited early"
        );
    }
    let err = a.svc.round(&a.store, &folder, |_| {}).await.unwrap_err();
    assert!(matches!(err, SyncError::Locked { .. }), "{err}");
    child.kill().unwrap();
    child.wait().unwrap();
    // The OS released the dead process's lock.
    a.round(&folder).await;
}
