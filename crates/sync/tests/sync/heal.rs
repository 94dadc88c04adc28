//! Faults that used to lose or hold back edits: a copied data directory writing under the original's
//! replica id, one of a replica's own files lost or cut short, and a `replica.json` announcing an absurd head.

use std::fs;
use std::path::{Path, PathBuf};

use rapporteur_core::DocumentKind;
use rapporteur_store::Edit;
use rapporteur_sync::SyncService;
use rapporteur_sync::mem::MemReplica;

use crate::common::{Node, meeting, replica_dir};

fn text(r: &MemReplica, meeting: &str) -> String {
    format!("{:?}", r.values().get(meeting))
}

async fn summary(node: &Node, m: &str) -> String {
    node.store
        .doc_get(m, DocumentKind::Summary, 0)
        .await
        .unwrap_or_default()
}

/// A sync service on its own data directory `<tmp>/<name>`.
fn service(tmp: &Path, name: &str) -> SyncService {
    let d = tmp.join(name);
    fs::create_dir_all(&d).unwrap();
    SyncService::new(d)
}

/// Copies a data directory as a user would (the store closed first, so the copy is whole).
fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), target).unwrap();
        }
    }
}

#[tokio::test]
async fn a_copied_data_directory_takes_a_new_identity_and_no_edit_is_lost() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    fs::create_dir(&folder).unwrap();
    let (dir_a, dir_c) = (tmp.path().join("a"), tmp.path().join("c"));
    let a = Node::open(&dir_a).await;
    let m = a.store.create_meeting(meeting("Briefing")).await.unwrap();
    a.round(&folder).await;
    let original = a.id();
    a.store.close().await;
    drop(a);
    copy_dir(&dir_a, &dir_c);

    let a = Node::open(&dir_a).await;
    let c = Node::open(&dir_c).await;
    assert_eq!(a.id(), original, "the original keeps its identity");
    assert_ne!(c.id(), original, "the copy takes a new one when it opens");
    assert_eq!(
        c.store.former_replica_id().await.unwrap(),
        Some(original.clone())
    );
    a.store
        .doc_set(&m, DocumentKind::Summary, 0, "Edited on the original.")
        .await
        .unwrap();
    c.store
        .edit(
            &m,
            Edit::AddStatement {
                title: Some("Statement on the copy".into()),
                speaker: None,
            },
        )
        .await
        .unwrap();
    let rc = c.round(&folder).await;
    assert_eq!(rc.identity_renewed, Some(original.clone()), "{rc:#?}");
    a.round(&folder).await;
    c.round(&folder).await;

    let b = Node::open(&tmp.path().join("b")).await;
    b.round(&folder).await;
    assert_eq!(summary(&b, &m).await, "Edited on the original.");
    assert_eq!(b.state().await, a.state().await);
    assert_eq!(b.state().await, c.state().await);
    assert!(
        b.state().await[&m].contains("Statement on the copy"),
        "the copy's edit reached a fresh replica"
    );
}

/// A copy the store cannot notice (a virtual machine cloned block for block): both write under one id.
#[tokio::test]
async fn two_writers_under_one_id_are_found_and_the_newcomer_moves() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    fs::create_dir(&folder).unwrap();
    let svc = |n: &str| service(tmp.path(), n);
    let a = MemReplica::new("a", "A", 1);
    a.edit("m", |d| d.get_text("t").insert(0, "base.").unwrap());
    svc("a").round(&a, &folder, |_| {}).await.unwrap();
    let c = a.copy_with_peer(3);

    a.edit("m", |d| d.get_text("t").insert(0, "[from a] ").unwrap());
    c.edit("m", |d| d.get_text("t").insert(0, "[from c] ").unwrap());
    let ra = svc("a").round(&a, &folder, |_| {}).await.unwrap();
    assert_eq!(ra.identity_renewed, None);
    // `c` finds a 2.upd it did not write under its id.
    let rc = svc("c").round(&c, &folder, |_| {}).await.unwrap();
    assert_eq!(rc.identity_renewed.as_deref(), Some("a"), "{rc:#?}");
    assert!(rc.identity_reason.is_some());
    assert_ne!(rc.replica_id, "a");
    for _ in 0..2 {
        svc("a").round(&a, &folder, |_| {}).await.unwrap();
        svc("c").round(&c, &folder, |_| {}).await.unwrap();
    }
    let b = MemReplica::new("b", "B", 2);
    svc("b").round(&b, &folder, |_| {}).await.unwrap();
    for r in [&a, &c] {
        assert_eq!(text(r, "m"), text(&b, "m"));
    }
    let t = text(&b, "m");
    assert!(t.contains("[from a]") && t.contains("[from c]"), "{t}");
}

/// Both copies wrote `2.upd` before either saw the other's; the sync tool kept one. The one whose file lost
/// notices that the bytes under its name are not what it wrote.
#[tokio::test]
async fn the_copy_whose_file_a_sync_tool_replaced_notices_and_resends() {
    let tmp = tempfile::tempdir().unwrap();
    let (shared, other) = (tmp.path().join("shared"), tmp.path().join("other"));
    fs::create_dir(&shared).unwrap();
    let svc = |n: &str| service(tmp.path(), n);
    let a = MemReplica::new("a", "A", 1);
    a.edit("m", |d| d.get_text("t").insert(0, "base.").unwrap());
    svc("a").round(&a, &shared, |_| {}).await.unwrap();
    copy_dir(&shared, &other);
    let c = a.copy_with_peer(3);
    a.edit("m", |d| d.get_text("t").insert(0, "[from a] ").unwrap());
    c.edit("m", |d| d.get_text("t").insert(0, "[from c] ").unwrap());
    svc("a").round(&a, &shared, |_| {}).await.unwrap();
    svc("c").round(&c, &other, |_| {}).await.unwrap();
    // The sync tool delivers c's 2.upd and replica.json over a's (the last writer wins).
    let (from, to) = (replica_dir(&other, "a"), replica_dir(&shared, "a"));
    for name in ["2.upd", "replica.json"] {
        fs::copy(from.join(name), to.join(name)).unwrap();
    }
    let ra = svc("a").round(&a, &shared, |_| {}).await.unwrap();
    assert_eq!(ra.identity_renewed.as_deref(), Some("a"), "{ra:#?}");
    svc("c").round(&c, &shared, |_| {}).await.unwrap();
    svc("a").round(&a, &shared, |_| {}).await.unwrap();
    let b = MemReplica::new("b", "B", 2);
    svc("b").round(&b, &shared, |_| {}).await.unwrap();
    let t = text(&b, "m");
    assert!(t.contains("[from a]") && t.contains("[from c]"), "{t}");
}

/// A and B in `<tmp>/shared`: A creates a meeting (`1.upd`), B reads it in `b_rounds` rounds, then A
/// writes `text` as its summary (`2.upd`). Returns the folder, A, B and the meeting.
async fn a_wrote_two_files(
    tmp: &Path,
    b_rounds: usize,
    text: &str,
) -> (PathBuf, Node, Node, String) {
    let folder = tmp.join("shared");
    fs::create_dir(&folder).unwrap();
    let a = Node::open(&tmp.join("a")).await;
    let b = Node::open(&tmp.join("b")).await;
    let m = a.store.create_meeting(meeting("Briefing")).await.unwrap();
    a.round(&folder).await;
    for _ in 0..b_rounds {
        b.round(&folder).await;
    }
    a.store
        .doc_set(&m, DocumentKind::Summary, 0, text)
        .await
        .unwrap();
    a.round(&folder).await;
    (folder, a, b, m)
}

async fn lost_file_is_healed_by_its_writer(damage: fn(&Path)) {
    let tmp = tempfile::tempdir().unwrap();
    let (folder, a, b, m) = a_wrote_two_files(tmp.path(), 1, "One.").await;
    damage(&replica_dir(&folder, &a.id()).join("2.upd"));

    let rb = b.round(&folder).await;
    assert!(!rb.skipped.is_empty(), "the reader names the gap: {rb:#?}");
    for n in 0..3 {
        let text = format!("Edit {n}.");
        a.store
            .doc_set(&m, DocumentKind::Summary, 0, &text)
            .await
            .unwrap();
        let ra = a.round(&folder).await;
        if n == 0 {
            assert_eq!(
                ra.healed,
                [format!("replicas/{}/2.upd", a.id())],
                "the writer notices in its next round: {ra:#?}"
            );
            assert!(ra.snapshot_written.is_some());
            assert_eq!(ra.waiting_for_me.len(), 1, "{ra:#?}");
        }
        b.round(&folder).await;
        assert_eq!(summary(&b, &m).await, text, "edit {n} is not held back");
    }
}

#[tokio::test]
async fn a_deleted_update_file_is_healed_within_a_round() {
    lost_file_is_healed_by_its_writer(|p| fs::remove_file(p).unwrap()).await;
}

#[tokio::test]
async fn a_truncated_update_file_is_healed_within_a_round() {
    lost_file_is_healed_by_its_writer(|p| {
        let b = fs::read(p).unwrap();
        fs::write(p, &b[..b.len() / 2]).unwrap();
    })
    .await;
}

#[tokio::test]
async fn an_absurd_head_in_replica_json_is_bounded_and_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    fs::create_dir(&folder).unwrap();
    let a = Node::open(&tmp.path().join("a")).await;
    let b = Node::open(&tmp.path().join("b")).await;
    a.store.create_meeting(meeting("Briefing")).await.unwrap();
    a.round(&folder).await;
    b.round(&folder).await;
    let json = replica_dir(&folder, &a.id()).join("replica.json");
    for head in [4_000_000u64, (1 << 53) + 1, u64::MAX] {
        let mut v: serde_json::Value = serde_json::from_slice(&fs::read(&json).unwrap()).unwrap();
        v["head"] = head.into();
        fs::write(&json, serde_json::to_vec(&v).unwrap()).unwrap();
        let r = b.round(&folder).await;
        let bad: Vec<_> = r
            .skipped
            .iter()
            .filter(|s| s.code == "bad_replica_json")
            .collect();
        assert_eq!(bad.len(), 1, "{r:#?}");
        assert!(
            bad[0].reason.contains(&head.to_string()),
            "{}",
            bad[0].reason
        );
        assert_eq!(b.state().await, a.state().await);
    }
}

/// A sync tool's conflicted copy next to a replica's new file is reported in the round that reads that file,
/// not at the next full listing.
#[tokio::test]
async fn a_conflicted_copy_is_reported_in_the_round_that_reads_its_neighbour() {
    let tmp = tempfile::tempdir().unwrap();
    let (folder, a, b, _) = a_wrote_two_files(tmp.path(), 2, "New.").await;
    let dir = replica_dir(&folder, &a.id());
    fs::copy(dir.join("2.upd"), dir.join("2 (conflicted copy).upd")).unwrap();
    let r = b.round(&folder).await;
    assert!(!r.full_scan);
    let name = format!("replicas/{}/2 (conflicted copy).upd", a.id());
    assert!(r.ignored.contains(&name), "{r:#?}");
    // Its owner reports it in its own next round too.
    let r = a.round(&folder).await;
    assert!(r.ignored.contains(&name), "{r:#?}");
}
