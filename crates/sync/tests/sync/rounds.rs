//! How a round behaves over time: gaps that heal, unmounted drives, folder switches, what is written back,
//! progress, and what a round never touches.

use std::fs;

use rapporteur_core::DocumentKind;
use rapporteur_sync::{Phase, SyncError, SyncOptions};

use crate::common::{
    Node, all_files, meeting, mem_pair, one_meeting_per_round, replica_dir, skipped_files,
};

fn rare_full_scans() -> SyncOptions {
    SyncOptions {
        full_scan_every: 1000,
        ..Default::default()
    }
}

#[tokio::test]
async fn after_a_gap_heals_rounds_are_cheap_again() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    fs::create_dir(&folder).unwrap();
    let a = Node::open(&tmp.path().join("a")).await;
    let b = Node::with_options(&tmp.path().join("b"), rare_full_scans()).await;
    one_meeting_per_round(&a, &folder, 3).await;
    let dir = replica_dir(&folder, &a.id());
    let good = fs::read(dir.join("2.upd")).unwrap();
    fs::remove_file(dir.join("2.upd")).unwrap();
    let r = b.round(&folder).await;
    // One missing file is named once, not as a range.
    assert_eq!(skipped_files(&r), [format!("replicas/{}/2.upd", a.id())]);
    fs::write(dir.join("2.upd"), &good).unwrap();
    let r = b.round(&folder).await;
    assert!(r.skipped.is_empty(), "{r:#?}");
    assert_eq!(b.store.sync_cursor(&a.id()).await.unwrap(), Some(3));

    // A stray file shows in `ignored` only when the folder is listed: healed rounds must not list it.
    fs::write(dir.join("notes.txt"), b"stray").unwrap();
    for _ in 0..3 {
        let r = b.round(&folder).await;
        assert!(!r.full_scan);
        assert!(r.ignored.is_empty(), "a healed gap still lists: {r:#?}");
    }
}

#[tokio::test]
async fn an_unmounted_drive_is_not_written_into_and_nothing_is_marked_sent() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("mnt");
    fs::create_dir(&folder).unwrap();
    let a = Node::open(&tmp.path().join("a")).await;
    a.store.create_meeting(meeting("One")).await.unwrap();
    assert_eq!(a.round(&folder).await.sent.len(), 1);

    // Unmount: the mount point stays, empty.
    let away = tmp.path().join("drive");
    fs::rename(folder.join("rapporteur"), &away).unwrap();
    a.store.create_meeting(meeting("Two")).await.unwrap();
    let e = a.svc.round(&a.store, &folder, |_| {}).await.unwrap_err();
    assert!(
        matches!(e, SyncError::FolderUnavailable { .. }) && e.to_string().contains("mounted"),
        "{e}"
    );
    assert_eq!(fs::read_dir(&folder).unwrap().count(), 0, "nothing written");
    // Spelt with a trailing slash, it is still the folder used before.
    let slash = std::path::PathBuf::from(format!("{}/", folder.display()));
    assert!(a.svc.round(&a.store, &slash, |_| {}).await.is_err());
    assert_eq!(fs::read_dir(&folder).unwrap().count(), 0, "nothing written");

    // Mounted again: the change that could not go out goes now.
    fs::rename(&away, folder.join("rapporteur")).unwrap();
    let r = a.round(&folder).await;
    assert_eq!(r.sent.len(), 1, "{r:#?}");

    // A brand-new folder the user just chose is still set up.
    let fresh = tmp.path().join("fresh");
    fs::create_dir(&fresh).unwrap();
    let r = a.round(&fresh).await;
    assert!(r.write_error.is_none(), "{r:#?}");
    assert!(replica_dir(&fresh, &a.id()).join("replica.json").is_file());
}

#[tokio::test]
async fn switching_to_a_folder_holding_only_a_snapshot_expects_no_missing_files() {
    let tmp = tempfile::tempdir().unwrap();
    let (old, new) = (tmp.path().join("old"), tmp.path().join("new"));
    fs::create_dir(&old).unwrap();
    fs::create_dir(&new).unwrap();
    let a = Node::open(&tmp.path().join("a")).await;
    let b = Node::open(&tmp.path().join("b")).await;
    one_meeting_per_round(&a, &old, 2).await;
    b.round(&old).await;
    one_meeting_per_round(&a, &old, 3).await;
    // A moves to the new folder: it holds A's snapshot and replica.json, not A's update files.
    let r = a.round(&new).await;
    assert!(r.snapshot_written.is_some(), "{r:#?}");
    let names: Vec<String> = fs::read_dir(replica_dir(&new, &a.id()))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(!names.iter().any(|n| n.ends_with(".upd")), "{names:?}");

    let r = b.round(&new).await;
    assert!(r.skipped.is_empty(), "{r:#?}");
    assert_eq!(b.store.sync_cursor(&a.id()).await.unwrap(), Some(5));
    assert_eq!(a.state().await, b.state().await);
}

#[tokio::test]
async fn what_came_from_the_folder_is_not_written_back() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    fs::create_dir(&folder).unwrap();
    let a = Node::open(&tmp.path().join("a")).await;
    let b = Node::open(&tmp.path().join("b")).await;
    one_meeting_per_round(&a, &folder, 4).await;
    let r = b.round(&folder).await;
    assert_eq!(r.received.len(), 4);
    assert!(b.round(&folder).await.sent.is_empty());
    // Its own edit, and only that, goes out.
    let mine = b.store.create_meeting(meeting("B's own")).await.unwrap();
    let m = a.store.meeting_ids_with_docs().await.unwrap()[0].clone();
    b.store
        .doc_set(&m, DocumentKind::Summary, 0, "B's paragraph.")
        .await
        .unwrap();
    let sent: Vec<String> = b
        .round(&folder)
        .await
        .sent
        .into_iter()
        .map(|s| s.meeting_id)
        .collect();
    let mut expected = vec![mine, m];
    expected.sort();
    let mut sent_sorted = sent.clone();
    sent_sorted.sort();
    assert_eq!(sent_sorted, expected);
    a.round(&folder).await;
    assert_eq!(a.state().await, b.state().await);
    // A, in turn, does not send back what it took from B.
    assert!(a.round(&folder).await.sent.is_empty());
}

/// A local edit made while a round is importing (the app keeps running) must still go out later: marking
/// imported operations as shared never covers it.
#[tokio::test]
async fn an_edit_made_during_the_import_is_still_sent() {
    let tmp = tempfile::tempdir().unwrap();
    let (folder, a, b, sa, sb) = mem_pair(tmp.path());
    for round in 0..6u32 {
        a.edit("m", |d| {
            let t = d.get_text("t");
            t.insert(0, &format!("a{round} ")).unwrap()
        });
        sa.round(&a, &folder, |_| {}).await.unwrap();
        let edited = std::sync::atomic::AtomicBool::new(false);
        sb.round(&b, &folder, |p| {
            if p.phase == Phase::Receiving
                && p.done > 0
                && !edited.swap(true, std::sync::atomic::Ordering::Relaxed)
            {
                b.edit("m", |d| {
                    let t = d.get_text("t");
                    t.insert(t.len_unicode(), &format!(" b{round}")).unwrap()
                });
            }
        })
        .await
        .unwrap();
        assert!(edited.into_inner(), "the edit happened mid-round");
    }
    for _ in 0..2 {
        sb.round(&b, &folder, |_| {}).await.unwrap();
        sa.round(&a, &folder, |_| {}).await.unwrap();
    }
    assert_eq!(a.values(), b.values());
    let text = format!("{:?}", a.values());
    for round in 0..6 {
        assert!(text.contains(&format!("a{round}")), "{text}");
        assert!(text.contains(&format!("b{round}")), "{text}");
    }
}

#[tokio::test]
async fn progress_counts_files() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    fs::create_dir(&folder).unwrap();
    let a = Node::open(&tmp.path().join("a")).await;
    let b = Node::open(&tmp.path().join("b")).await;
    one_meeting_per_round(&a, &folder, 5).await;
    let seen = std::sync::Mutex::new(Vec::new());
    b.svc
        .round(&b.store, &folder, |p| seen.lock().unwrap().push(p))
        .await
        .unwrap();
    let receiving: Vec<(u64, u64)> = seen
        .into_inner()
        .unwrap()
        .into_iter()
        .filter(|p| p.phase == Phase::Receiving)
        .map(|p| (p.done, p.total))
        .collect();
    assert!(receiving.iter().all(|&(_, t)| t == 5), "{receiving:?}");
    let dones: Vec<u64> = receiving.iter().map(|&(d, _)| d).collect();
    for d in 1..5 {
        assert!(dones.contains(&d), "{dones:?}");
    }
}

#[tokio::test]
async fn other_replicas_files_and_stray_files_are_left_byte_for_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    fs::create_dir(&folder).unwrap();
    let a = Node::open(&tmp.path().join("a")).await;
    let b = Node::open(&tmp.path().join("b")).await;
    one_meeting_per_round(&a, &folder, 3).await;
    let a_dir = replica_dir(&folder, &a.id());
    fs::write(a_dir.join("notes.txt"), b"stray").unwrap();
    fs::write(a_dir.join("2 (conflicted copy).upd"), b"dup").unwrap();
    fs::write(folder.join("rapporteur/v1/README"), b"mine").unwrap();
    fs::write(folder.join("unrelated.docx"), b"doc").unwrap();
    let before = all_files(&a_dir);
    let others = [
        fs::read(folder.join("rapporteur/v1/README")).unwrap(),
        fs::read(folder.join("unrelated.docx")).unwrap(),
    ];
    for _ in 0..3 {
        b.store.create_meeting(meeting("B")).await.unwrap();
        b.round(&folder).await;
    }
    let mut after = all_files(&a_dir);
    let mut before = before;
    before.sort();
    after.sort();
    assert!(before == after, "A's folder changed");
    assert_eq!(
        [
            fs::read(folder.join("rapporteur/v1/README")).unwrap(),
            fs::read(folder.join("unrelated.docx")).unwrap(),
        ],
        others
    );
}

/// B shares one folder with A and another with C: what B takes from A's folder still reaches C's.
#[tokio::test]
async fn changes_travel_between_two_folders_through_a_replica_in_both() {
    let tmp = tempfile::tempdir().unwrap();
    let (f1, f2) = (tmp.path().join("stick"), tmp.path().join("drive"));
    fs::create_dir(&f1).unwrap();
    fs::create_dir(&f2).unwrap();
    let a = Node::open(&tmp.path().join("a")).await;
    let b = Node::open(&tmp.path().join("b")).await;
    let c = Node::open(&tmp.path().join("c")).await;
    let m = a.store.create_meeting(meeting("Carried")).await.unwrap();
    for text in ["First.", "First.\n\nSecond."] {
        a.store
            .doc_set(&m, DocumentKind::Summary, 0, text)
            .await
            .unwrap();
        a.round(&f1).await;
        b.round(&f1).await;
        assert!(b.round(&f1).await.sent.is_empty(), "nothing written back");
        b.round(&f2).await;
        c.round(&f2).await;
        assert_eq!(
            c.store.doc_get(&m, DocumentKind::Summary, 0).await.unwrap(),
            text
        );
    }
}

#[tokio::test]
async fn re_reading_files_after_a_gap_changes_no_meeting() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    fs::create_dir(&folder).unwrap();
    let a = Node::open(&tmp.path().join("a")).await;
    let b = Node::open(&tmp.path().join("b")).await;
    one_meeting_per_round(&a, &folder, 3).await;
    let dir = replica_dir(&folder, &a.id());
    let good = fs::read(dir.join("2.upd")).unwrap();
    fs::remove_file(dir.join("2.upd")).unwrap();
    let r = b.round(&folder).await;
    assert_eq!(r.meetings_changed.len(), 2, "{r:#?}");
    // 3.upd is read again while the gap stands, but it changes nothing now.
    let r = b.round(&folder).await;
    assert_eq!(r.received.len(), 1, "{r:#?}");
    assert!(r.meetings_changed.is_empty(), "{r:#?}");
    fs::write(dir.join("2.upd"), &good).unwrap();
    let r = b.round(&folder).await;
    assert_eq!(r.meetings_changed.len(), 1, "{r:#?}");
}
