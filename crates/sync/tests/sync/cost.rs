//! A round costs what is new (issue 15): a first upload of many meetings is one snapshot, which readers load
//! as they load any snapshot; a round with nothing new reads no meeting, whatever their number; a change to
//! one meeting reads that meeting only. Counted by what the round reads, never timed.

use std::fs;

use crate::common::{Node, meeting, mem_pair, replica_dir};
use rapporteur_core::{Category, Party};
use rapporteur_store::Edit;

/// File names in a replica's folder, sorted.
fn names(dir: &std::path::Path) -> Vec<String> {
    let mut n: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    n.sort();
    n
}

#[tokio::test]
async fn a_first_upload_of_many_meetings_is_one_snapshot_that_readers_load() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    fs::create_dir(&folder).unwrap();
    let a = Node::open(&tmp.path().join("a")).await;
    let mut ids = Vec::new();
    for i in 0..70 {
        ids.push(
            a.store
                .create_meeting(meeting(&format!("M{i}")))
                .await
                .unwrap(),
        );
    }
    let r = a.round(&folder).await;
    assert!(r.is_clean(), "{r:#?}");
    assert_eq!(r.sent.len(), 70, "every meeting is reported sent");
    let dir = replica_dir(&folder, &a.id());
    assert_eq!(names(&dir), ["replica.json", "snapshot-1.snap"]);

    // Read by the reader as it reads any snapshot: no update file below it, so it jumps to it.
    let b = Node::open(&tmp.path().join("b")).await;
    let r = b.round(&folder).await;
    assert!(r.is_clean(), "{r:#?}");
    // What the store read of each snapshot counts as shared: none of it is written back.
    assert!(r.sent.is_empty(), "{r:#?}");
    assert_eq!(b.state().await, a.state().await);
    assert_eq!(b.store.sync_cursor(&a.id()).await.unwrap(), Some(1));

    // Then changes go one file each, after the snapshot, and nothing already sent goes again.
    let speaker = Party::named("Chile", Category::MemberState);
    let edit = Edit::AddIntervention { speaker, at: None };
    a.store.edit(&ids[3], edit).await.unwrap();
    let r = a.round(&folder).await;
    assert_eq!(r.sent.len(), 1, "{r:#?}");
    assert_eq!(names(&dir), ["2.upd", "replica.json", "snapshot-1.snap"]);
    assert!(a.round(&folder).await.sent.is_empty());
    let r = b.round(&folder).await;
    assert_eq!(r.meetings_changed, std::slice::from_ref(&ids[3]), "{r:#?}");
    assert_eq!(b.state().await, a.state().await);
    // Nothing that came from the folder is written back into it.
    assert!(b.round(&folder).await.sent.is_empty());
}

#[tokio::test]
async fn a_round_with_nothing_new_reads_no_meeting_and_one_change_reads_one() {
    let tmp = tempfile::tempdir().unwrap();
    let (folder, a, b, sa, sb) = mem_pair(tmp.path());
    for i in 0..300 {
        a.edit(&format!("m{i:03}"), |d| {
            d.get_text("t").insert(0, "text").unwrap()
        });
    }
    for _ in 0..2 {
        sa.round(&a, &folder, |_| {}).await.unwrap();
        sb.round(&b, &folder, |_| {}).await.unwrap();
    }
    assert_eq!(a.values(), b.values());

    for (s, r) in [(&sa, &a), (&sb, &b), (&sa, &a)] {
        let before = r.meeting_reads();
        let report = s.round(r, &folder, |_| {}).await.unwrap();
        assert!(
            report.sent.is_empty() && report.received.is_empty(),
            "{report:#?}"
        );
        assert_eq!(
            r.meeting_reads(),
            before,
            "a round with nothing new read meetings"
        );
    }

    a.edit("m042", |d| d.get_text("t").insert(0, "more ").unwrap());
    let before = a.meeting_reads();
    let report = sa.round(&a, &folder, |_| {}).await.unwrap();
    assert_eq!(report.sent.len(), 1);
    assert!(
        a.meeting_reads() - before <= 3,
        "{} reads",
        a.meeting_reads() - before
    );
    let before = b.meeting_reads();
    let report = sb.round(&b, &folder, |_| {}).await.unwrap();
    assert_eq!(report.meetings_changed, ["m042"]);
    // The import is compared once, not the other 299 meetings.
    assert!(
        b.meeting_reads() - before <= 3,
        "{} reads",
        b.meeting_reads() - before
    );
    let before = b.meeting_reads();
    assert!(sb.round(&b, &folder, |_| {}).await.unwrap().sent.is_empty());
    assert!(
        b.meeting_reads() - before <= 1,
        "what came in is not written back"
    );
    assert_eq!(a.values(), b.values());
}

/// A first download records every meeting it received as shared with the location, the round after it
/// compares every one of them with the location (they were all written here since its last send), and a
/// first upload compares every meeting: each in a few reads of versions and bookkeeping, not a few per
/// meeting.
#[tokio::test]
async fn comparing_many_meetings_with_a_location_takes_a_few_reads_not_a_few_each() {
    let tmp = tempfile::tempdir().unwrap();
    let (folder, a, b, sa, sb) = mem_pair(tmp.path());
    const MEETINGS: u64 = 300;
    for i in 0..MEETINGS {
        a.edit(&format!("m{i:03}"), |d| {
            d.get_text("t").insert(0, "text").unwrap()
        });
    }
    let few = MEETINGS / 10;

    let report = sa.round(&a, &folder, |_| {}).await.unwrap();
    assert_eq!(report.sent.len(), MEETINGS as usize);
    assert!(a.lookups() < few, "a first upload: {} reads", a.lookups());

    let report = sb.round(&b, &folder, |_| {}).await.unwrap();
    assert_eq!(report.meetings_changed.len(), MEETINGS as usize);
    // Recording what came in as shared, and then comparing it with the location, reads by prefix.
    assert!(b.lookups() < few, "a first download: {} reads", b.lookups());
    a.edit("m007", |d| d.get_text("t").insert(0, "more ").unwrap());
    sa.round(&a, &folder, |_| {}).await.unwrap();
    let before = b.lookups();
    let report = sb.round(&b, &folder, |_| {}).await.unwrap();
    assert_eq!(report.meetings_changed, ["m007"]);
    assert!(report.sent.is_empty(), "{report:#?}");
    let reads = b.lookups() - before;
    assert!(
        reads < few,
        "the round after a first download: {reads} reads"
    );
    assert_eq!(a.values(), b.values());
}
