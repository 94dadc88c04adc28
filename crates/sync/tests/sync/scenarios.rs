//! The scenario suite, one body each, over every backend (`places.rs`): the fault matrix (damaged files, and
//! unknown files and folders beside the replica files), private notes never sent, and three replicas
//! converging, the last two over the mix of WebDAV and a folder as well. Kill -9 in the middle of a round is
//! in `crash.rs`, over every backend too.

use rapporteur_core::{Category, DocumentKind, Party};
use rapporteur_store::Edit;
use rapporteur_sync::{Location, SyncOptions};

use crate::common::{Node, contains, meeting, skipped_files};
use crate::places::{Backend, Host, Net, Place, Topology, over_every_backend, over_every_topology};

/// A writes three update files for one meeting, each depending on the one before.
pub async fn three_files(a: &Node, loc: &Location) -> String {
    let m = a.store.create_meeting(meeting("Briefing")).await.unwrap();
    assert_eq!(a.round_at(loc).await.sent.len(), 1);
    a.store
        .doc_set(&m, DocumentKind::Summary, 0, "First paragraph.")
        .await
        .unwrap();
    assert_eq!(a.round_at(loc).await.sent.len(), 1);
    a.store
        .doc_set(&m, DocumentKind::Summary, 0, "First paragraph.\n\nSecond.")
        .await
        .unwrap();
    assert_eq!(a.round_at(loc).await.sent.len(), 1);
    m
}

type Damage = fn(&mut Vec<u8>);

/// Each damage, and the code the reader reports it under.
const DAMAGES: [(&str, Damage, &str); 5] = [
    ("truncated", |b| b.truncate(b.len() - 3), "truncated"),
    (
        "flipped",
        |b| {
            let i = b.len() - 5;
            b[i] ^= 0x10;
        },
        "checksum",
    ),
    ("magic", |b| b[0] = b'X', "bad_magic"),
    ("future", |b| b[8] = 2, "future_version"),
    ("empty", Vec::clear, "truncated"),
];

/// Each damaged file is skipped and named, the reader's cursor stops below it, the next round retries it,
/// and once it is whole again the reader catches up.
async fn damaged_files_are_skipped_named_and_retried(backend: Backend) {
    let tmp = tempfile::tempdir().unwrap();
    let host = Host::start(backend, tmp.path());
    for (case, damage, code) in DAMAGES {
        let place = host.place(case);
        let loc = &place.loc;
        let a = Node::open(&tmp.path().join(format!("{case}-a"))).await;
        let b = Node::open(&tmp.path().join(format!("{case}-b"))).await;
        three_files(&a, loc).await;
        let file = format!("{}/2.upd", Place::replica_dir(&a.id()));
        let good = place.read(&file).await;
        let mut bad = good.clone();
        damage(&mut bad);
        place.write(&file, &bad).await;

        let r = b.round_at(loc).await;
        let name = format!("replicas/{}/2.upd", a.id());
        assert_eq!(
            skipped_files(&r),
            std::slice::from_ref(&name),
            "{case}: {r:#?}"
        );
        assert_eq!(r.skipped[0].code, code, "{case}");
        assert_eq!(
            b.store.sync_cursor(&a.id()).await.unwrap(),
            Some(1),
            "{case}: the cursor stops below the bad file"
        );
        let r = b.round_at(loc).await;
        assert_eq!(
            skipped_files(&r),
            [name],
            "{case}: reported while it stays bad"
        );
        assert_ne!(a.state().await, b.state().await);

        place.write(&file, &good).await;
        let r = b.round_at(loc).await;
        assert!(r.skipped.is_empty(), "{case}: {r:#?}");
        assert_eq!(b.store.sync_cursor(&a.id()).await.unwrap(), Some(3));
        assert_eq!(a.state().await, b.state().await, "{case}");
    }
}
over_every_backend!(damaged_files_are_skipped_named_and_retried);

/// What sync tools and people leave beside the replica files (conflicted copies, duplicates, names that are
/// not ours, folders) is listed as ignored, never read as an update, and reported in no error.
async fn unknown_files_and_folders_are_ignored(backend: Backend) {
    let tmp = tempfile::tempdir().unwrap();
    let host = Host::start(backend, tmp.path());
    let place = host.place("team");
    let a = Node::open(&tmp.path().join("a")).await;
    let b = Node::open(&tmp.path().join("b")).await;
    three_files(&a, &place.loc).await;
    let id = a.id();
    let dir = Place::replica_dir(&id);
    let upd1 = place.read(&format!("{dir}/1.upd")).await;
    // An object store has no empty folders: each planted folder holds a file.
    for (rel, bytes) in [
        (format!("{dir}/1 (conflicted copy).upd"), &upd1[..]),
        (format!("{dir}/2 (1).upd"), b"garbage"),
        (format!("{dir}/012.upd"), b"garbage"),
        (format!("{dir}/notes.txt"), b"hello"),
        (format!("{dir}/4.upd/x"), b"x"),
        (format!("{dir}/sub/5.upd"), b"garbage"),
        (format!("{dir}/.DS_Store"), b"x"),
        (
            "rapporteur/v1/replicas/Copy of laptop (1)/1.upd".into(),
            &upd1[..],
        ),
        ("rapporteur/v1/replicas/stray.upd".into(), b"x"),
    ] {
        place.write(&rel, bytes).await;
    }

    let r = b.round_at(&place.loc).await;
    assert!(r.full_scan);
    assert!(r.skipped.is_empty(), "{r:#?}");
    let mut expected = vec![
        format!("replicas/{id}/012.upd"),
        format!("replicas/{id}/1 (conflicted copy).upd"),
        format!("replicas/{id}/2 (1).upd"),
        format!("replicas/{id}/4.upd/"),
        format!("replicas/{id}/notes.txt"),
        format!("replicas/{id}/sub/"),
        "replicas/Copy of laptop (1)".to_string(),
        "replicas/stray.upd".to_string(),
    ];
    expected.sort();
    let mut ignored = r.ignored.clone();
    ignored.sort();
    assert_eq!(ignored, expected);
    assert_eq!(r.received.len(), 3);
    assert_eq!(a.state().await, b.state().await);
}
over_every_backend!(unknown_files_and_folders_are_ignored);

/// Private notes (on a meeting and on an intervention) reach no file at any place, snapshots included, while
/// the shared summary does (so the scan can see text).
async fn private_notes_are_never_sent(topology: Topology) {
    let tmp = tempfile::tempdir().unwrap();
    let net = Net::start(topology, tmp.path()).await;
    let options = SyncOptions {
        snapshot_every: 1,
        // Keep every file written, to scan them all.
        compact: false,
        ..SyncOptions::default()
    };
    let mut nodes = Vec::new();
    for i in 0..3 {
        let n = Node::with_options(&tmp.path().join(format!("n{i}")), options.clone()).await;
        let m = n
            .store
            .create_meeting(meeting(&format!("Consultation {i}")))
            .await
            .unwrap();
        let rec = n
            .store
            .edit(
                &m,
                Edit::AddIntervention {
                    speaker: Party::named("OHCHR", Category::UnSystem),
                    at: None,
                },
            )
            .await
            .unwrap();
        let iv = rec.interventions.0[0].id.clone().unwrap();
        n.store
            .doc_set(&m, DocumentKind::Summary, 0, &format!("PUBLIC-SUMMARY-{i}"))
            .await
            .unwrap();
        n.store
            .notes_set(&m, None, &format!("PRIVATE-MEETING-NOTE-{i}"))
            .await
            .unwrap();
        n.store
            .notes_set(&m, Some(&iv), &format!("PRIVATE-SPEAKER-NOTE-{i}"))
            .await
            .unwrap();
        nodes.push(n);
    }
    for _ in 0..3 {
        net.everyone_rounds(&nodes).await;
    }
    for n in &nodes {
        assert_eq!(n.state().await.len(), 3, "the replicas met");
    }
    let files = net.files().await;
    let everything: Vec<u8> = files.iter().flat_map(|(_, b)| b.clone()).collect();
    for i in 0..3 {
        assert!(contains(
            &everything,
            format!("PUBLIC-SUMMARY-{i}").as_bytes()
        ));
    }
    assert!(
        !contains(&everything, b"PRIVATE"),
        "a private note was sent"
    );
}
over_every_topology!(private_notes_are_never_sent);

/// Three replicas each create a meeting and edit one summary concurrently; after their rounds all three show
/// the same meetings and the summary holds all three edits.
async fn three_replicas_converge(topology: Topology) {
    let tmp = tempfile::tempdir().unwrap();
    let net = Net::start(topology, tmp.path()).await;
    let mut nodes = Vec::new();
    for i in 0..3 {
        nodes.push(Node::open(&tmp.path().join(format!("n{i}"))).await);
    }
    let shared = nodes[0]
        .store
        .create_meeting(meeting("Shared"))
        .await
        .unwrap();
    nodes[0]
        .store
        .doc_set(&shared, DocumentKind::Summary, 0, "one\n\ntwo\n\nthree")
        .await
        .unwrap();
    for _ in 0..3 {
        net.everyone_rounds(&nodes).await;
    }
    for (i, n) in nodes.iter().enumerate() {
        n.store
            .create_meeting(meeting(&format!("By {i}")))
            .await
            .unwrap();
    }
    for (n, (from, to)) in nodes
        .iter()
        .zip([("one", "ONE"), ("two", "TWO"), ("three", "THREE")])
    {
        let text = n
            .store
            .doc_get(&shared, DocumentKind::Summary, 0)
            .await
            .unwrap();
        n.store
            .doc_set(&shared, DocumentKind::Summary, 0, &text.replace(from, to))
            .await
            .unwrap();
    }
    for _ in 0..3 {
        for r in net.everyone_rounds(&nodes).await {
            assert!(r.skipped.is_empty(), "{r:#?}");
            assert_eq!(r.write_error, None);
            assert_eq!(r.read_error, None);
        }
    }
    let first = nodes[0].state().await;
    assert_eq!(first.len(), 4);
    for n in &nodes[1..] {
        assert_eq!(n.state().await, first);
    }
    for n in &nodes {
        let text = n
            .store
            .doc_get(&shared, DocumentKind::Summary, 0)
            .await
            .unwrap();
        assert_eq!(text, "ONE\n\nTWO\n\nTHREE");
    }
}
over_every_topology!(three_replicas_converge);
