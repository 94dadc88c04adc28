//! Whole rounds between real stores: merging text, deletions, snapshots, privacy, cost of a quiet round.

use std::fs;

use rapporteur_core::DocumentKind;
use rapporteur_sync::SyncOptions;

use crate::common::{Node, meeting, replica_dir};

#[tokio::test]
async fn concurrent_edits_to_different_paragraphs_both_survive() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    fs::create_dir(&folder).unwrap();
    let a = Node::open(&tmp.path().join("a")).await;
    let b = Node::open(&tmp.path().join("b")).await;
    let m = a
        .store
        .create_meeting(meeting("Annual meeting"))
        .await
        .unwrap();
    let base = "The Chair opened the meeting.\n\nDelegations took the floor.\n\nThe meeting closed at noon.";
    a.store
        .doc_set(&m, DocumentKind::Summary, 0, base)
        .await
        .unwrap();
    a.round(&folder).await;
    b.round(&folder).await;
    // Offline, each edits a different paragraph.
    let by_a = base.replace(
        "opened the meeting",
        "opened the meeting and welcomed participants",
    );
    let by_b = base.replace("closed at noon", "closed at 12.30 p.m.");
    a.store
        .doc_set(&m, DocumentKind::Summary, 0, &by_a)
        .await
        .unwrap();
    b.store
        .doc_set(&m, DocumentKind::Summary, 0, &by_b)
        .await
        .unwrap();
    a.round(&folder).await;
    b.round(&folder).await;
    a.round(&folder).await;
    let expected = by_a.replace("closed at noon", "closed at 12.30 p.m.");
    for n in [&a, &b] {
        assert_eq!(
            n.store.doc_get(&m, DocumentKind::Summary, 0).await.unwrap(),
            expected
        );
    }
}

#[tokio::test]
async fn deletion_syncs_and_wins_over_a_concurrent_edit() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    fs::create_dir(&folder).unwrap();
    let a = Node::open(&tmp.path().join("a")).await;
    let b = Node::open(&tmp.path().join("b")).await;
    let gone = a
        .store
        .create_meeting(meeting("To be deleted"))
        .await
        .unwrap();
    let kept = a.store.create_meeting(meeting("Kept")).await.unwrap();
    a.round(&folder).await;
    b.round(&folder).await;
    a.store.delete_meeting(&gone).await.unwrap();
    b.store
        .doc_set(&gone, DocumentKind::Summary, 0, "Edited while A deleted it")
        .await
        .unwrap();
    a.round(&folder).await;
    b.round(&folder).await;
    a.round(&folder).await;
    for n in [&a, &b] {
        let live: Vec<_> = n
            .store
            .list_meetings()
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(live, std::slice::from_ref(&kept));
    }
    assert_eq!(a.state().await, b.state().await);
}

#[tokio::test]
async fn a_new_replica_joins_from_snapshots_and_a_lost_file_heals() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    fs::create_dir(&folder).unwrap();
    let options = SyncOptions {
        snapshot_every: 4,
        snapshot_jump: 3,
        full_scan_every: 20,
        // This test loses a file by hand; with compaction A would have deleted it already.
        compact: false,
    };
    let a = Node::with_options(&tmp.path().join("a"), options.clone()).await;
    let m = a
        .store
        .create_meeting(meeting("Long history"))
        .await
        .unwrap();
    let mut text = String::new();
    for i in 0..9 {
        text.push_str(&format!("Paragraph {i}.\n\n"));
        a.store
            .doc_set(&m, DocumentKind::Summary, 0, &text)
            .await
            .unwrap();
        a.round(&folder).await;
    }
    let dir = replica_dir(&folder, &a.id());
    assert!(dir.join("snapshot-8.snap").exists() && dir.join("snapshot-4.snap").exists());
    // A sync tool lost file 6: a reader that needs it would wait forever without the snapshot.
    fs::remove_file(dir.join("6.upd")).unwrap();

    let c = Node::with_options(&tmp.path().join("c"), options).await;
    let r = c.round(&folder).await;
    let got: Vec<_> = r
        .received
        .iter()
        .map(|f| f.file.rsplit('/').next().unwrap().to_owned())
        .collect();
    assert_eq!(got, ["snapshot-8.snap", "9.upd"], "{r:#?}");
    assert!(r.skipped.is_empty());
    assert_eq!(c.store.sync_cursor(&a.id()).await.unwrap(), Some(9));
    assert_eq!(a.state().await, c.state().await);
}

#[tokio::test]
async fn a_quiet_round_reads_nothing_but_replica_json() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    fs::create_dir(&folder).unwrap();
    let a = Node::open(&tmp.path().join("a")).await;
    let b = Node::open(&tmp.path().join("b")).await;
    a.store.create_meeting(meeting("One")).await.unwrap();
    a.round(&folder).await;
    let first = b.round(&folder).await;
    assert!(first.full_scan);
    assert_eq!(first.received.len(), 1);
    // What B took from the folder counts as shared: B writes nothing back.
    assert_eq!(b.round(&folder).await.sent.len(), 0);
    a.round(&folder).await;
    // Make A's file unreadable garbage: a round that re-read old files would now report it.
    let f = replica_dir(&folder, &a.id()).join("1.upd");
    fs::write(&f, b"garbage").unwrap();
    let quiet = b.round(&folder).await;
    assert!(!quiet.full_scan);
    assert!(
        quiet.received.is_empty() && quiet.skipped.is_empty() && quiet.sent.is_empty(),
        "{quiet:#?}"
    );
    assert_eq!(quiet.replicas_seen.len(), 1);
    assert_eq!(
        quiet.replicas_seen[0].name.as_deref(),
        Some(a.store.replica().name.as_str())
    );
    assert_eq!(
        (
            quiet.replicas_seen[0].last_seq,
            quiet.replicas_seen[0].applied_seq
        ),
        (1, 1)
    );
}

#[tokio::test]
async fn progress_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    fs::create_dir(&folder).unwrap();
    let a = Node::open(&tmp.path().join("a")).await;
    let b = Node::open(&tmp.path().join("b")).await;
    a.store.create_meeting(meeting("One")).await.unwrap();
    a.round(&folder).await;
    let seen = std::sync::Mutex::new(Vec::new());
    b.svc
        .round(&b.store, &folder, |p| seen.lock().unwrap().push(p))
        .await
        .unwrap();
    let seen = seen.into_inner().unwrap();
    assert!(
        seen.iter()
            .any(|p| p.phase == rapporteur_sync::Phase::Receiving && p.replica_id == Some(a.id()))
    );
}
