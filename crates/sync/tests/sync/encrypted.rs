//! Team encryption through the real protocol: real meetings synced through an encrypted location on every
//! backend (folder, WebDAV, S3, SFTP), every byte written there scanned for their text, a second replica converging
//! with the passphrase, tampered files skipped and reported, and the rules that keep a location wholly plain
//! or wholly encrypted.

use std::fs;
use std::path::Path;

use rapporteur_core::{DocumentKind, parse_record};
use rapporteur_sync::{
    Location, RoundReport, SyncError, SyncOptions, Team, change_passphrase, unlock,
};

use crate::common::{Node, all_files, contains, meeting};
use crate::places::{Backend, Host, Place, over_every_backend};

const PASSPHRASE: &str = "correct horse battery staple";
const SUMMARY: &str =
    "The Ambassador of Ruritania deplored the stalemate over the programme of work.";
const NOTE: &str = "Zenda delegation privately signalled flexibility on verification";
/// Texts of the fixture records: titles, a chair, delegation names, agenda items.
const FIXTURE_TEXTS: [&str; 5] = [
    "Plenary meeting of the Conference on Disarmament",
    "Ambassador Lina Haddad",
    "nine member countries of the Lima Group",
    "Cessation of the nuclear arms race and nuclear disarmament",
    "Prevention of an arms race in outer space",
];
/// State codes in the fixture records, as a length-prefixed string (the way the plain files hold them, which
/// the control run checks), so that three random bytes cannot match by chance.
const STATE_CODES: [&str; 2] = ["TUN", "ECU"];
const ATTACHMENT: &[u8] = b"%PDF-1.7 Statement by the delegation of Ruritania on item 3";

fn options() -> SyncOptions {
    SyncOptions {
        snapshot_every: 3,
        compact: false,
        ..SyncOptions::default()
    }
}

async fn round(node: &Node, loc: &Location, team: &Team) -> RoundReport {
    let r = node
        .svc
        .round_with_team(&node.store, loc, Some(team), |_| {})
        .await
        .unwrap_or_else(|e| panic!("round failed: {e}"));
    assert_eq!(r.write_error, None);
    assert_eq!(r.read_error, None);
    r
}

/// Real meetings on `node`: the two fixture records, and one with a summary, a private note and an attachment.
async fn real_meetings(node: &Node) {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    for f in [
        "cd-plenary-2020-02-25.json",
        "network-briefing-2019-12-12.json",
    ] {
        let bytes = fs::read(fixtures.join(f)).unwrap();
        let record = parse_record(f, &bytes).unwrap();
        node.store.import_record(&record).await.unwrap();
    }
    let m = node
        .store
        .create_meeting(meeting("Informal consultations on Ruritania"))
        .await
        .unwrap();
    node.store
        .doc_set(&m, DocumentKind::Summary, 0, SUMMARY)
        .await
        .unwrap();
    node.store.notes_set(&m, None, NOTE).await.unwrap();
    node.store
        .attach(
            &m,
            DocumentKind::Summary,
            0,
            "ruritania-statement.pdf",
            "application/pdf",
            ATTACHMENT,
        )
        .await
        .unwrap();
}

/// Every form of every secret the scan looks for.
fn needles() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for text in FIXTURE_TEXTS.iter().chain([&SUMMARY, &NOTE, &"Ruritania"]) {
        out.push(text.as_bytes().to_vec());
        out.push(text.to_lowercase().into_bytes());
        out.push(text.encode_utf16().flat_map(u16::to_le_bytes).collect());
    }
    for code in STATE_CODES {
        out.push([&[3u8][..], code.as_bytes()].concat());
    }
    out.push(rapporteur_store::sha256_hex(ATTACHMENT).into_bytes());
    out
}

fn shown(needle: &[u8]) -> String {
    String::from_utf8_lossy(needle).into_owned()
}

/// Every file at `place`, sorted (a listing's order is the server's).
async fn sorted_files(place: &Place) -> Vec<(String, Vec<u8>)> {
    let mut files = place.files().await;
    files.sort();
    files
}

/// Syncs real meetings through an encrypted place on `backend`, and checks every byte and name written there,
/// a second replica's convergence, and the refusals.
async fn encrypted_round_trip(backend: Backend) {
    let tmp = tempfile::tempdir().unwrap();
    let host = Host::start(backend, tmp.path());
    let place = host.place("team");
    let loc = &place.loc;
    let a = Node::with_options(&tmp.path().join("a"), options()).await;
    let b = Node::open(&tmp.path().join("b")).await;
    real_meetings(&a).await;
    let team = unlock(loc, Some(PASSPHRASE), true).await.unwrap().unwrap();
    let r = round(&a, loc, &team).await;
    assert_eq!(r.sent_blobs.len(), 1, "{r:#?}");
    // An edit after the first round, so update files follow the snapshot.
    let m = a.store.list_meetings().await.unwrap()[0].id.clone();
    a.store
        .doc_set(&m, DocumentKind::Summary, 0, &format!("{SUMMARY} Revised."))
        .await
        .unwrap();
    round(&a, loc, &team).await;

    let files = sorted_files(&place).await;
    assert!(files.len() >= 5, "{files:?}");
    for (name, bytes) in &files {
        for needle in needles() {
            assert!(
                !contains(bytes, &needle) && !contains(name.as_bytes(), &needle),
                "{} leaked into {name}",
                shown(&needle)
            );
        }
    }

    // Without the passphrase, or with a wrong one: one error, and nothing written.
    let before = sorted_files(&place).await;
    let plain = b.try_round_at(loc).await.unwrap_err();
    assert!(matches!(plain, SyncError::Team { .. }), "{plain}");
    assert!(plain.to_string().contains("team passphrase"), "{plain}");
    let wrong = unlock(loc, Some("not the team's passphrase"), false)
        .await
        .unwrap_err();
    assert!(
        wrong.to_string().contains("the team passphrase is wrong"),
        "{wrong}"
    );
    assert_eq!(sorted_files(&place).await, before);

    let team_b = unlock(loc, Some(PASSPHRASE), false).await.unwrap().unwrap();
    let r = round(&b, loc, &team_b).await;
    assert!(r.skipped.is_empty(), "{r:#?}");
    assert_eq!(r.received_blobs.len(), 1, "{r:#?}");
    assert_eq!(b.state().await, a.state().await);
    assert_eq!(b.state().await.len(), 3);
}

/// The scan is able to see what it looks for: the same meetings through a plain folder leave each secret
/// (but the private note) in its files.
#[tokio::test]
async fn the_scan_finds_the_secrets_in_a_plain_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("plain");
    fs::create_dir(&folder).unwrap();
    let a = Node::with_options(&tmp.path().join("a"), options()).await;
    real_meetings(&a).await;
    a.round(&folder).await;
    let everything: Vec<u8> = all_files(&folder)
        .into_iter()
        .flat_map(|(p, mut b)| {
            b.extend(p.to_string_lossy().as_bytes());
            b
        })
        .collect();
    let mut visible: Vec<Vec<u8>> = FIXTURE_TEXTS
        .iter()
        .chain([&SUMMARY, &"Ruritania"])
        .map(|t| t.as_bytes().to_vec())
        .collect();
    visible.extend(STATE_CODES.map(|c| [&[3u8][..], c.as_bytes()].concat()));
    visible.push(rapporteur_store::sha256_hex(ATTACHMENT).into_bytes());
    for needle in visible {
        assert!(
            contains(&everything, &needle),
            "{} not found",
            shown(&needle)
        );
    }
    assert!(!contains(&everything, NOTE.as_bytes()));
}

over_every_backend!(encrypted_round_trip);

/// A file swapped with another, replayed under a later seq, or cut short does not open under its name: it is
/// skipped and reported as `sealed`, never applied; once the files are put right, the reader catches up.
#[tokio::test]
async fn swapped_replayed_and_truncated_files_are_skipped() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    fs::create_dir(&folder).unwrap();
    let loc = Location::folder(&folder);
    let no_snapshots = SyncOptions {
        snapshot_every: 1000,
        compact: false,
        ..SyncOptions::default()
    };
    let a = Node::with_options(&tmp.path().join("a"), no_snapshots.clone()).await;
    let c = Node::with_options(&tmp.path().join("c"), no_snapshots).await;
    let team = unlock(&loc, Some(PASSPHRASE), true).await.unwrap().unwrap();
    round(&a, &loc, &team).await;
    for title in ["First", "Second", "Third"] {
        a.store.create_meeting(meeting(title)).await.unwrap();
        round(&a, &loc, &team).await;
    }
    let dir = folder.join("rapporteur/v1/replicas").join(a.id());
    let seqs: Vec<u64> = {
        let mut v: Vec<u64> = fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| {
                e.ok()?
                    .file_name()
                    .to_str()?
                    .strip_suffix(".upd")?
                    .parse()
                    .ok()
            })
            .collect();
        v.sort_unstable();
        v
    };
    assert!(seqs.len() >= 3, "{seqs:?}");
    let (s1, s2, s3) = (
        seqs[seqs.len() - 3],
        seqs[seqs.len() - 2],
        seqs[seqs.len() - 1],
    );
    let path = |s: u64| dir.join(format!("{s}.upd"));
    let originals: Vec<Vec<u8>> = [s1, s2, s3]
        .iter()
        .map(|&s| fs::read(path(s)).unwrap())
        .collect();
    // Swap: s1 and s2 exchanged. Replay: s1's bytes as s3. Truncation: checked on its own below.
    fs::write(path(s1), &originals[1]).unwrap();
    fs::write(path(s2), &originals[0]).unwrap();
    fs::write(path(s3), &originals[0]).unwrap();
    let team_c = unlock(&loc, Some(PASSPHRASE), false)
        .await
        .unwrap()
        .unwrap();
    let r = round(&c, &loc, &team_c).await;
    let sealed: Vec<&str> = r
        .skipped
        .iter()
        .filter(|s| s.code == "sealed")
        .map(|s| s.file.as_str())
        .collect();
    for s in [s1, s2, s3] {
        let name = format!("replicas/{}/{s}.upd", a.id());
        assert!(
            sealed.contains(&name.as_str()),
            "{name} not reported: {r:#?}"
        );
    }
    assert!(c.state().await.len() < 3, "a tampered file was applied");

    // Put right, but cut the last one short: it alone is skipped.
    fs::write(path(s1), &originals[0]).unwrap();
    fs::write(path(s2), &originals[1]).unwrap();
    fs::write(path(s3), &originals[2][..originals[2].len() - 5]).unwrap();
    let r = round(&c, &loc, &team_c).await;
    let codes: Vec<(&str, &str)> = r
        .skipped
        .iter()
        .map(|s| (s.file.as_str(), s.code.as_str()))
        .collect();
    let cut = format!("replicas/{}/{s3}.upd", a.id());
    assert_eq!(codes, [(cut.as_str(), "sealed")], "{r:#?}");

    fs::write(path(s3), &originals[2]).unwrap();
    let r = round(&c, &loc, &team_c).await;
    assert!(r.skipped.is_empty(), "{r:#?}");
    assert_eq!(c.state().await, a.state().await);
}

/// A location stays wholly plain or wholly encrypted; a passphrase change re-wraps the key only.
#[tokio::test]
async fn plain_and_encrypted_never_mix_and_the_passphrase_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let (plain_dir, enc_dir) = (tmp.path().join("plain"), tmp.path().join("enc"));
    fs::create_dir(&plain_dir).unwrap();
    fs::create_dir(&enc_dir).unwrap();
    let (plain, enc) = (Location::folder(&plain_dir), Location::folder(&enc_dir));
    let a = Node::open(&tmp.path().join("a")).await;
    a.store.create_meeting(meeting("Plain")).await.unwrap();
    a.round(&plain_dir).await;

    let err = unlock(&plain, Some(PASSPHRASE), true).await.unwrap_err();
    assert!(
        err.to_string().contains("already holds unencrypted files"),
        "{err}"
    );
    let err = unlock(&plain, Some(PASSPHRASE), false).await.unwrap_err();
    assert!(err.to_string().contains("is not encrypted"), "{err}");
    assert!(unlock(&plain, None, false).await.unwrap().is_none());
    let err = unlock(&enc, Some("short"), true).await.unwrap_err();
    assert!(err.to_string().contains("too short"), "{err}");
    assert!(
        all_files(&enc_dir).is_empty(),
        "a refused encryption wrote something"
    );

    let team = unlock(&enc, Some(PASSPHRASE), true).await.unwrap().unwrap();
    round(&a, &enc, &team).await;
    let key_file = enc_dir.join("rapporteur/v1/team.key");
    let files_before: Vec<_> = all_files(&enc_dir)
        .into_iter()
        .filter(|(p, _)| *p != key_file)
        .collect();
    let new = "a brand new team passphrase";
    let err = change_passphrase(&enc, "not the old one at all", new)
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("the team passphrase is wrong"),
        "{err}"
    );
    change_passphrase(&enc, PASSPHRASE, new).await.unwrap();
    let files_after: Vec<_> = all_files(&enc_dir)
        .into_iter()
        .filter(|(p, _)| *p != key_file)
        .collect();
    assert_eq!(files_before, files_after, "only the key file changes");
    assert!(unlock(&enc, Some(PASSPHRASE), false).await.is_err());
    let b = Node::open(&tmp.path().join("b")).await;
    let team_b = unlock(&enc, Some(new), false).await.unwrap().unwrap();
    round(&b, &enc, &team_b).await;
    assert_eq!(b.state().await, a.state().await);

    // A key file that disappears stops an encrypted round before it writes.
    fs::remove_file(&key_file).unwrap();
    let err = b
        .svc
        .round_with_team(&b.store, &enc, Some(&team_b), |_| {})
        .await
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("no longer holds its team key file"),
        "{err}"
    );
}
