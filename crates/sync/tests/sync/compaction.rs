//! Compaction: a replica deletes only its own files, only once every replica it has seen has applied them
//! and a snapshot covers them; a newcomer then joins from the snapshot.

use std::fs;
use std::path::Path;

use rapporteur_sync::SyncOptions;

use crate::common::{Node, all_files, one_meeting_per_round, replica_dir};

fn small_snapshots() -> SyncOptions {
    SyncOptions {
        snapshot_every: 3,
        ..Default::default()
    }
}

fn updates(folder: &Path, id: &str) -> Vec<u64> {
    let mut seqs: Vec<u64> = fs::read_dir(replica_dir(folder, id))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".upd")?.parse().ok()
        })
        .collect();
    seqs.sort();
    seqs
}

#[tokio::test]
async fn own_files_go_only_when_everyone_applied_them_and_a_newcomer_joins_from_the_snapshot() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    fs::create_dir(&folder).unwrap();
    let a = Node::with_options(&tmp.path().join("a"), small_snapshots()).await;
    let b = Node::with_options(&tmp.path().join("b"), small_snapshots()).await;
    let c = Node::with_options(&tmp.path().join("c"), small_snapshots()).await;
    // B and C are in the folder before A writes anything.
    b.round(&folder).await;
    c.round(&folder).await;
    one_meeting_per_round(&a, &folder, 4).await;
    assert!(
        replica_dir(&folder, &a.id())
            .join("snapshot-3.snap")
            .is_file()
    );
    assert_eq!(
        updates(&folder, &a.id()),
        [1, 2, 3, 4],
        "nobody applied them yet"
    );

    // B applies everything; C lags: nothing may go.
    b.round(&folder).await;
    a.round(&folder).await;
    assert_eq!(
        updates(&folder, &a.id()),
        [1, 2, 3, 4],
        "C has not applied them"
    );
    let b_files = all_files(&replica_dir(&folder, &b.id()));

    // C catches up: A deletes what the snapshot covers, and nothing of anyone else's.
    c.round(&folder).await;
    a.round(&folder).await;
    assert_eq!(updates(&folder, &a.id()), [4]);
    assert!(
        replica_dir(&folder, &a.id())
            .join("snapshot-3.snap")
            .is_file()
    );
    let mut now = all_files(&replica_dir(&folder, &b.id()));
    let mut then = b_files;
    now.sort();
    then.sort();
    assert!(now == then, "B's files were touched");

    // A newcomer converges from the snapshot and the files after it.
    let d = Node::with_options(&tmp.path().join("d"), small_snapshots()).await;
    let r = d.round(&folder).await;
    assert!(r.skipped.is_empty(), "{r:#?}");
    let got: Vec<_> = r
        .received
        .iter()
        .filter(|f| f.replica_id == a.id())
        .map(|f| f.file.rsplit('/').next().unwrap().to_owned())
        .collect();
    assert_eq!(got, ["snapshot-3.snap", "4.upd"]);
    assert_eq!(d.state().await, a.state().await);
}

#[tokio::test]
async fn a_replica_that_stopped_syncing_holds_files_back_until_forgotten() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    fs::create_dir(&folder).unwrap();
    let a = Node::with_options(&tmp.path().join("a"), small_snapshots()).await;
    let b = Node::with_options(&tmp.path().join("b"), small_snapshots()).await;
    one_meeting_per_round(&a, &folder, 2).await;
    // B applies 1 and 2, then goes quiet for good.
    b.round(&folder).await;
    one_meeting_per_round(&a, &folder, 5).await;
    a.round(&folder).await;
    assert!(
        replica_dir(&folder, &a.id())
            .join("snapshot-6.snap")
            .is_file()
    );
    assert_eq!(updates(&folder, &a.id()), [3, 4, 5, 6, 7], "B's ack is 2");
    // Even with B's folder gone from the shared folder, A remembers it.
    let b_dir = replica_dir(&folder, &b.id());
    let away = tmp.path().join("b-away");
    fs::rename(&b_dir, &away).unwrap();
    a.round(&folder).await;
    assert_eq!(updates(&folder, &a.id()), [3, 4, 5, 6, 7]);

    assert!(
        a.svc
            .forget_replica(&a.store, &folder, &b.id())
            .await
            .unwrap()
    );
    a.round(&folder).await;
    assert_eq!(updates(&folder, &a.id()), [7]);
    // Older snapshots went too; the newest stays.
    assert!(
        !replica_dir(&folder, &a.id())
            .join("snapshot-3.snap")
            .exists()
    );
    assert!(
        replica_dir(&folder, &a.id())
            .join("snapshot-6.snap")
            .is_file()
    );

    // B comes back after all: it catches up through the snapshot.
    fs::rename(&away, &b_dir).unwrap();
    let r = b.round(&folder).await;
    assert!(r.skipped.is_empty(), "{r:#?}");
    assert_eq!(b.state().await, a.state().await);
}
