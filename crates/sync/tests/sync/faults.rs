//! Missing and unwritable folders, clock skew, the lock, a damaged `replica.json` (damaged update files and
//! unknown files, over every backend, are in `scenarios.rs`).

use std::fs;
use std::time::{Duration, SystemTime};

use rapporteur_core::{Category, DocumentKind, Party};
use rapporteur_store::Edit;
use rapporteur_sync::{Location, SyncError, SyncLock};

use crate::common::{Node, meeting, replica_dir, skipped_files};
use crate::scenarios::three_files;

#[tokio::test]
async fn missing_folder_is_a_clear_error_and_the_next_round_catches_up() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("usb-stick");
    let a = Node::open(&tmp.path().join("a")).await;
    let m = a
        .store
        .create_meeting(meeting("Offline work"))
        .await
        .unwrap();
    let err = a.svc.round(&a.store, &folder, |_| {}).await.unwrap_err();
    assert!(matches!(err, SyncError::FolderUnavailable { .. }), "{err}");
    assert!(err.to_string().contains("does not exist"), "{err}");
    assert!(
        !folder.exists(),
        "an absent folder is never created (it may be an unmounted drive)"
    );
    // A file where the folder should be.
    fs::write(&folder, b"").unwrap();
    let err = a.svc.round(&a.store, &folder, |_| {}).await.unwrap_err();
    assert!(err.to_string().contains("not a folder"), "{err}");
    a.store
        .doc_set(
            &m,
            DocumentKind::Summary,
            0,
            "Written while the stick was out.",
        )
        .await
        .unwrap();
    assert!(a.store.record(&m).await.is_ok(), "local work is untouched");

    fs::remove_file(&folder).unwrap();
    fs::create_dir(&folder).unwrap();
    assert_eq!(a.round(&folder).await.sent.len(), 1);
    let b = Node::open(&tmp.path().join("b")).await;
    b.round(&folder).await;
    assert_eq!(a.state().await, b.state().await);
}

#[tokio::test]
async fn unwritable_folder_reports_and_later_rounds_send_what_was_left() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    fs::create_dir(&folder).unwrap();
    let a = Node::open(&tmp.path().join("a")).await;
    let b = Node::open(&tmp.path().join("b")).await;
    let m = a
        .store
        .create_meeting(meeting("Read-only drive"))
        .await
        .unwrap();
    // Tests run as root, where permission bits do not stop writes: a file standing where a directory must be
    // created fails every write beneath it the same way a read-only or full drive does.
    fs::write(folder.join("rapporteur"), b"").unwrap();
    let r = a.round(&folder).await;
    assert!(r.write_error.is_some() && r.read_error.is_some(), "{r:#?}");
    assert!(r.sent.is_empty() && !r.is_clean());
    a.store
        .doc_set(&m, DocumentKind::Summary, 0, "More work.")
        .await
        .unwrap();

    // Writable again, but A's own folder is blocked: the outgoing half fails, the incoming half still works.
    fs::remove_file(folder.join("rapporteur")).unwrap();
    let b_meeting = b.store.create_meeting(meeting("From B")).await.unwrap();
    b.round(&folder).await;
    fs::create_dir_all(folder.join("rapporteur/v1/replicas")).unwrap();
    fs::write(replica_dir(&folder, &a.id()), b"").unwrap();
    let r = a.round(&folder).await;
    assert!(r.write_error.is_some() && r.read_error.is_none(), "{r:#?}");
    assert!(
        a.store.record(&b_meeting).await.is_ok(),
        "received despite the write error"
    );

    fs::remove_file(replica_dir(&folder, &a.id())).unwrap();
    let r = a.round(&folder).await;
    assert!(r.is_clean(), "{r:#?}");
    // A's meeting goes out now; B's, which A took from the folder, is not written back.
    let sent: Vec<_> = r.sent.iter().map(|s| s.meeting_id.as_str()).collect();
    assert_eq!(sent, [m.as_str()], "{r:#?}");
    b.round(&folder).await;
    assert_eq!(a.state().await, b.state().await);
    assert_eq!(
        b.store.doc_get(&m, DocumentKind::Summary, 0).await.unwrap(),
        "More work."
    );
}

#[tokio::test]
async fn a_year_of_clock_skew_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    fs::create_dir(&folder).unwrap();
    let a = Node::open(&tmp.path().join("a")).await;
    let b = Node::open(&tmp.path().join("b")).await;
    let m = a.store.create_meeting(meeting("Skewed")).await.unwrap();
    a.round(&folder).await;
    b.round(&folder).await;
    let year = Duration::from_secs(366 * 24 * 3600);
    let speaker = |n: &str| Party::named(n, Category::CivilSociety);
    a.store
        .edit(
            &m,
            Edit::AddIntervention {
                speaker: speaker("From A"),
                at: None,
            },
        )
        .await
        .unwrap();
    b.store
        .edit(
            &m,
            Edit::AddIntervention {
                speaker: speaker("From B"),
                at: None,
            },
        )
        .await
        .unwrap();
    a.round(&folder).await;
    b.round(&folder).await;
    // A's files look a year old, B's a year in the future, and their replica.json disagree as much.
    for (node, skew) in [(&a, -1i8), (&b, 1)] {
        let dir = replica_dir(&folder, &node.id());
        let when = if skew < 0 {
            SystemTime::now() - year
        } else {
            SystemTime::now() + year
        };
        for e in fs::read_dir(&dir).unwrap() {
            let f = fs::File::options()
                .write(true)
                .open(e.unwrap().path())
                .unwrap();
            f.set_modified(when).unwrap();
        }
        let json = dir.join("replica.json");
        let mut v: serde_json::Value = serde_json::from_slice(&fs::read(&json).unwrap()).unwrap();
        let t = v["written_at"].as_u64().unwrap();
        v["written_at"] = if skew < 0 {
            t - year.as_secs()
        } else {
            t + year.as_secs()
        }
        .into();
        fs::write(&json, serde_json::to_vec(&v).unwrap()).unwrap();
    }
    a.round(&folder).await;
    b.round(&folder).await;
    a.round(&folder).await;
    assert_eq!(a.state().await, b.state().await);
    let record = a.store.record(&m).await.unwrap();
    let names: Vec<_> = record
        .interventions
        .0
        .iter()
        .filter_map(|i| i.speaker.name.clone())
        .collect();
    assert!(names.contains(&"From A".to_string()) && names.contains(&"From B".to_string()));
}

#[tokio::test]
async fn a_held_lock_refuses_a_second_round() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    fs::create_dir(&folder).unwrap();
    let a = Node::open(&tmp.path().join("a")).await;
    let lock = SyncLock::try_acquire(&a.dir).unwrap();
    let err = a.svc.round(&a.store, &folder, |_| {}).await.unwrap_err();
    assert!(matches!(err, SyncError::Locked { .. }), "{err}");
    drop(lock);
    a.round(&folder).await;
}

#[tokio::test]
async fn a_damaged_replica_json_is_reported_and_the_folder_is_read_anyway() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    fs::create_dir(&folder).unwrap();
    let a = Node::open(&tmp.path().join("a")).await;
    let b = Node::open(&tmp.path().join("b")).await;
    three_files(&a, &Location::folder(&folder)).await;
    let json = replica_dir(&folder, &a.id()).join("replica.json");
    fs::write(&json, b"{\"format\": \"rapporteur/replica@1\", \"id\": tru").unwrap();
    let r = b.round(&folder).await;
    assert_eq!(
        skipped_files(&r),
        [format!("replicas/{}/replica.json", a.id())]
    );
    assert_eq!(r.skipped[0].code, "bad_replica_json");
    assert_eq!(r.received.len(), 3, "files are found by listing instead");
    assert_eq!(r.replicas_seen[0].name, None);
    assert_eq!(a.state().await, b.state().await);
}
