//! Two replicas (two data directories) exchanging updates through the sync API.

use rapporteur_core::{DocumentKind, Party};
use rapporteur_store::{Edit, Store, SyncCursor};

use crate::common::*;

/// Send everything `from` has that `to` lacks, the way the sync service does.
pub async fn push(from: &Store, to: &Store) {
    for id in from.meeting_ids_with_docs().await.unwrap() {
        let have = to.current_version(&id).await.unwrap_or_default();
        if let Some(u) = from.export_updates_since(&id, &have).await.unwrap() {
            to.import_updates(&id, &u.payload, None).await.unwrap();
        }
    }
}

pub async fn exchange(a: &Store, b: &Store) {
    push(a, b).await;
    push(b, a).await;
}

#[tokio::test]
async fn a_meeting_reaches_another_replica_with_its_projection() {
    let (_da, a) = store().await;
    let (db, b) = store().await;
    assert_ne!(a.replica().peer, b.replica().peer);
    let id = a.import_record(&fixture()).await.unwrap();
    let u = a.export_updates_since(&id, &[]).await.unwrap().unwrap();
    let out = b
        .import_updates(
            &id,
            &u.payload,
            Some(SyncCursor {
                replica_id: a.replica().id,
                seq: 1,
            }),
        )
        .await
        .unwrap();
    assert!(out.created && out.changed && !out.pending && !out.deleted);
    assert_eq!(b.record(&id).await.unwrap(), a.record(&id).await.unwrap());
    assert_projection_matches(db.path(), &b, &id).await;
    assert_eq!(b.sync_cursor(&a.replica().id).await.unwrap(), Some(1));
    assert_eq!(b.search("Vitorino", 5).await.unwrap().len(), 1);

    // Importing again is harmless; the cursor never moves back.
    let again = b
        .import_updates(
            &id,
            &u.payload,
            Some(SyncCursor {
                replica_id: a.replica().id,
                seq: 0,
            }),
        )
        .await
        .unwrap();
    assert!(!again.created && !again.changed);
    assert_eq!(b.sync_cursor(&a.replica().id).await.unwrap(), Some(1));
    // Nothing new to send once both are level.
    assert!(
        a.export_updates_since(&id, &u.version)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(b.current_version(&id).await.unwrap(), u.version);
}

#[tokio::test]
async fn concurrent_edits_to_different_paragraphs_both_survive() {
    let (_da, a) = store().await;
    let (_db, b) = store().await;
    let id = a.import_record(&fixture()).await.unwrap();
    a.doc_set(
        &id,
        DocumentKind::Summary,
        0,
        "Para one.\n\nPara two.\n\nPara three.\n",
    )
    .await
    .unwrap();
    exchange(&a, &b).await;
    a.doc_set(
        &id,
        DocumentKind::Summary,
        0,
        "Para one, edited by A.\n\nPara two.\n\nPara three.\n",
    )
    .await
    .unwrap();
    b.doc_set(
        &id,
        DocumentKind::Summary,
        0,
        "Para one.\n\nPara two.\n\nPara three, edited by B.\n",
    )
    .await
    .unwrap();
    // Intervention summaries merge the same way.
    let iv = a.record(&id).await.unwrap().interventions.0[0]
        .id
        .clone()
        .unwrap();
    a.edit(
        &id,
        Edit::SetInterventionSummary {
            id: iv.clone(),
            text: "Alpha.\nBeta.\n".into(),
        },
    )
    .await
    .unwrap();
    exchange(&a, &b).await;
    b.edit(
        &id,
        Edit::SetInterventionSummary {
            id: iv.clone(),
            text: "Alpha.\nBeta, by B.\n".into(),
        },
    )
    .await
    .unwrap();
    a.edit(
        &id,
        Edit::SetInterventionSummary {
            id: iv.clone(),
            text: "Alpha, by A.\nBeta.\n".into(),
        },
    )
    .await
    .unwrap();
    exchange(&a, &b).await;
    let want = "Para one, edited by A.\n\nPara two.\n\nPara three, edited by B.\n";
    assert_eq!(
        a.doc_get(&id, DocumentKind::Summary, 0).await.unwrap(),
        want
    );
    assert_eq!(
        b.doc_get(&id, DocumentKind::Summary, 0).await.unwrap(),
        want
    );
    let ra = a.record(&id).await.unwrap();
    assert_eq!(ra.interventions.0[0].summary, "Alpha, by A.\nBeta, by B.\n");
    assert_eq!(ra, b.record(&id).await.unwrap());
}

#[tokio::test]
async fn summary_created_offline_on_both_replicas_merges() {
    let (_da, a) = store().await;
    let (_db, b) = store().await;
    let id = a.import_record(&fixture()).await.unwrap();
    exchange(&a, &b).await;
    a.doc_set(&id, DocumentKind::Summary, 0, "From A.\n")
        .await
        .unwrap();
    b.doc_set(&id, DocumentKind::Summary, 0, "From B.\n")
        .await
        .unwrap();
    exchange(&a, &b).await;
    let text = a.doc_get(&id, DocumentKind::Summary, 0).await.unwrap();
    assert!(
        text.contains("From A.") && text.contains("From B."),
        "{text:?}"
    );
    assert_eq!(a.record(&id).await.unwrap(), b.record(&id).await.unwrap());
    let summaries = a
        .record(&id)
        .await
        .unwrap()
        .documents
        .iter()
        .filter(|d| d.kind == DocumentKind::Summary)
        .count();
    assert_eq!(summaries, 1);
}

#[tokio::test]
async fn concurrent_reorder_and_edit_merge() {
    let (da, a) = store().await;
    let (db, b) = store().await;
    let id = a.import_record(&fixture()).await.unwrap();
    exchange(&a, &b).await;
    let r = a.record(&id).await.unwrap();
    let ids: Vec<String> = r
        .interventions
        .0
        .iter()
        .map(|i| i.id.clone().unwrap())
        .collect();
    // A moves the last speaker to the front; B edits that speaker and adds one at the end.
    a.edit(
        &id,
        Edit::MoveIntervention {
            id: ids[9].clone(),
            to: 1,
        },
    )
    .await
    .unwrap();
    b.edit(
        &id,
        Edit::SetInterventionSummary {
            id: ids[9].clone(),
            text: "Spoke on returns.".into(),
        },
    )
    .await
    .unwrap();
    b.edit(
        &id,
        Edit::AddIntervention {
            speaker: Party::state(rapporteur_core::DelegationCode::parse("FRA").unwrap()),
            at: None,
        },
    )
    .await
    .unwrap();
    exchange(&a, &b).await;
    let ra = a.record(&id).await.unwrap();
    assert_eq!(ra, b.record(&id).await.unwrap());
    assert_eq!(ra.interventions.0.len(), 11);
    assert_eq!(ra.interventions.0[0].id.as_deref(), Some(ids[9].as_str()));
    assert_eq!(ra.interventions.0[0].summary, "Spoke on returns.");
    assert_eq!(
        ra.interventions.0[10]
            .speaker
            .delegation
            .as_ref()
            .unwrap()
            .as_str(),
        "FRA"
    );
    assert_projection_matches(da.path(), &a, &id).await;
    assert_projection_matches(db.path(), &b, &id).await;
}

#[tokio::test]
async fn deletion_syncs_and_wins_over_concurrent_edits() {
    let (_da, a) = store().await;
    let (db, b) = store().await;
    let id = a.import_record(&fixture()).await.unwrap();
    exchange(&a, &b).await;
    a.delete_meeting(&id).await.unwrap();
    b.doc_set(&id, DocumentKind::Summary, 0, "Written while A deleted.")
        .await
        .unwrap();
    exchange(&a, &b).await;
    for s in [&a, &b] {
        assert!(s.list_meetings().await.unwrap().is_empty());
        assert!(s.record(&id).await.is_err());
    }
    assert!(projection_dump(db.path(), &id).await.is_empty());
    // Item removal syncs too.
    let id2 = a.import_record(&fixture()).await.unwrap();
    exchange(&a, &b).await;
    let action = b.record(&id2).await.unwrap().action_items[0]
        .id
        .clone()
        .unwrap();
    b.edit(&id2, Edit::RemoveAction { id: action.clone() })
        .await
        .unwrap();
    exchange(&a, &b).await;
    let ra = a.record(&id2).await.unwrap();
    assert_eq!(ra.action_items.len(), 6);
    assert!(
        ra.action_items
            .iter()
            .all(|x| x.id.as_deref() != Some(action.as_str()))
    );
}

#[tokio::test]
async fn updates_arriving_out_of_order_wait_and_then_apply() {
    let (_da, a) = store().await;
    let (dir_b, b) = store().await;
    let id = a.import_record(&fixture()).await.unwrap();
    let v0 = a.current_version(&id).await.unwrap();
    let first = a.export_updates_since(&id, &[]).await.unwrap().unwrap();
    a.doc_set(&id, DocumentKind::Summary, 0, "Later text.")
        .await
        .unwrap();
    let second = a.export_updates_since(&id, &v0).await.unwrap().unwrap();
    // The second file arrives first: nothing to show yet, but it is kept.
    let out = b.import_updates(&id, &second.payload, None).await.unwrap();
    assert!(out.created && out.pending);
    assert!(b.list_meetings().await.unwrap().is_empty());
    // A reader waiting on a gap imports the same file again each round: it is kept once.
    for _ in 0..5 {
        let out = b.import_updates(&id, &second.payload, None).await.unwrap();
        assert!(out.pending);
    }
    assert_eq!(stored_updates(dir_b.path(), &id).await, 1);
    // Survives a restart while pending.
    b.close().await;
    drop(b);
    let b = open(dir_b.path()).await;
    let out = b.import_updates(&id, &first.payload, None).await.unwrap();
    assert!(out.changed && !out.pending, "{out:?}");
    assert_eq!(
        b.doc_get(&id, DocumentKind::Summary, 0).await.unwrap(),
        "Later text."
    );
    assert_eq!(b.record(&id).await.unwrap(), a.record(&id).await.unwrap());
}

/// A snapshot export is the whole document and its version, whether the stored snapshot is exported as it is
/// (nothing stored beside it) or the document is loaded (an update waiting on a gap beside it), and whatever
/// the order of the meetings' versions that `current_versions` reads at once.
#[tokio::test]
async fn a_snapshot_export_is_the_whole_document_with_or_without_updates_beside_it() {
    let (_da, a) = store().await;
    let (dir_b, b) = store().await;
    let (_dc, c) = store().await;
    let id = a.import_record(&fixture()).await.unwrap();
    let other = a.import_record(&fixture()).await.unwrap();
    let v0 = a.current_version(&id).await.unwrap();
    a.doc_set(&id, DocumentKind::Summary, 0, "Later text.")
        .await
        .unwrap();
    let snapshot = a.export_snapshot(&id).await.unwrap();
    assert_eq!(snapshot.version, a.current_version(&id).await.unwrap());
    c.import_updates(&id, &snapshot.payload, None)
        .await
        .unwrap();
    assert_eq!(c.record(&id).await.unwrap(), a.record(&id).await.unwrap());
    assert_eq!(c.current_version(&id).await.unwrap(), snapshot.version);
    assert_eq!(
        a.current_versions(&[other.clone(), id.clone()])
            .await
            .unwrap(),
        [
            a.current_version(&other).await.unwrap(),
            snapshot.version.clone()
        ]
    );
    assert!(a.current_versions(&["missing".into()]).await.is_err());

    // B holds only the second half, waiting on a gap: its snapshot is of what it can show, with its version.
    let second = a.export_updates_since(&id, &v0).await.unwrap().unwrap();
    assert!(
        b.import_updates(&id, &second.payload, None)
            .await
            .unwrap()
            .pending
    );
    assert_eq!(stored_updates(dir_b.path(), &id).await, 1);
    let waiting = b.export_snapshot(&id).await.unwrap();
    assert_eq!(waiting.version, b.current_version(&id).await.unwrap());
    assert_ne!(waiting.version, snapshot.version);
}

#[tokio::test]
async fn batch_import_is_one_transaction() {
    let (_da, a) = store().await;
    let (_db, b) = store().await;
    let id1 = a.import_record(&fixture()).await.unwrap();
    let id2 = a.import_record(&fixture()).await.unwrap();
    let p1 = a
        .export_updates_since(&id1, &[])
        .await
        .unwrap()
        .unwrap()
        .payload;
    let p2 = a
        .export_updates_since(&id2, &[])
        .await
        .unwrap()
        .unwrap()
        .payload;
    let bad = rapporteur_store::IncomingUpdate {
        meeting_id: id2.clone(),
        payload: b"not loro".to_vec(),
    };
    let good1 = rapporteur_store::IncomingUpdate {
        meeting_id: id1.clone(),
        payload: p1,
    };
    let good2 = rapporteur_store::IncomingUpdate {
        meeting_id: id2.clone(),
        payload: p2,
    };
    let cursor = SyncCursor {
        replica_id: "r1".into(),
        seq: 7,
    };
    let err = b
        .import_updates_batch(&[good1.clone(), bad], Some(cursor.clone()))
        .await
        .unwrap_err();
    assert!(err.to_string().contains(&id2), "{err}");
    assert!(
        b.meeting_ids_with_docs().await.unwrap().is_empty(),
        "nothing of a failed batch stays"
    );
    assert_eq!(b.sync_cursor("r1").await.unwrap(), None);
    let outs = b
        .import_updates_batch(&[good1, good2], Some(cursor))
        .await
        .unwrap();
    assert_eq!(outs.len(), 2);
    assert_eq!(b.list_meetings().await.unwrap().len(), 2);
    assert_eq!(b.sync_cursor("r1").await.unwrap(), Some(7));
}

#[tokio::test]
async fn sync_bookkeeping_is_kept() {
    let (_d, s) = store().await;
    s.sync_kv_set(&[
        ("exported/m1", Some(b"v1".as_slice())),
        ("exported/m2", Some(b"v2".as_slice())),
        ("other", Some(b"x".as_slice())),
    ])
    .await
    .unwrap();
    assert_eq!(
        s.sync_kv_get("exported/m1").await.unwrap().as_deref(),
        Some(b"v1".as_slice())
    );
    let listed = s.sync_kv_list("exported/").await.unwrap();
    assert_eq!(listed.len(), 2);
    s.sync_kv_set(&[("exported/m1", None)]).await.unwrap();
    assert_eq!(s.sync_kv_get("exported/m1").await.unwrap(), None);

    // Many entries at once are written in their order, across the statements they are gathered in: a key
    // given twice keeps its later value, and a removal between two sets stands between them.
    let keys: Vec<String> = (0..450).map(|i| format!("many/{i:03}")).collect();
    let mut entries: Vec<(&str, Option<&[u8]>)> = keys
        .iter()
        .map(|k| (k.as_str(), Some(b"1".as_slice())))
        .collect();
    entries.insert(150, ("many/000", Some(b"2".as_slice())));
    entries.insert(300, ("many/001", None));
    entries.push(("many/002", None));
    entries.push(("many/002", Some(b"3".as_slice())));
    entries.push(("many/449", Some(b"4".as_slice())));
    s.sync_kv_set(&entries).await.unwrap();
    let many = s.sync_kv_list("many/").await.unwrap();
    assert_eq!(many.len(), 449);
    let value = |k: &str| {
        many.iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(value("many/000").as_deref(), Some(b"2".as_slice()));
    assert_eq!(value("many/001"), None);
    assert_eq!(value("many/002").as_deref(), Some(b"3".as_slice()));
    assert_eq!(value("many/448").as_deref(), Some(b"1".as_slice()));
    assert_eq!(value("many/449").as_deref(), Some(b"4".as_slice()));
    s.set_sync_cursor(&SyncCursor {
        replica_id: "x".into(),
        seq: 3,
    })
    .await
    .unwrap();
    s.set_sync_cursor(&SyncCursor {
        replica_id: "x".into(),
        seq: 2,
    })
    .await
    .unwrap();
    assert_eq!(
        s.sync_cursors().await.unwrap(),
        vec![SyncCursor {
            replica_id: "x".into(),
            seq: 3
        }]
    );
}

#[tokio::test]
async fn the_document_clock_names_the_meetings_written_since_a_tick() {
    let (_da, a) = store().await;
    let (_db, b) = store().await;
    let (t0, none) = a.meetings_changed_since(0).await.unwrap();
    assert!(none.is_empty());
    let m1 = a.import_record(&fixture()).await.unwrap();
    let m2 = a.import_record(&fixture()).await.unwrap();
    let (t1, both) = a.meetings_changed_since(t0).await.unwrap();
    assert!(t1 > t0);
    let mut expected = vec![m1.clone(), m2.clone()];
    expected.sort();
    assert_eq!(both, expected);
    assert!(a.meetings_changed_since(t1).await.unwrap().1.is_empty());

    // A local edit and an import that changes a document both tick; one that changes nothing does not.
    a.edit(&m2, speaker("CHL")).await.unwrap();
    let (t2, edited) = a.meetings_changed_since(t1).await.unwrap();
    assert_eq!(edited, std::slice::from_ref(&m2));
    push(&a, &b).await;
    let (bt, _) = b.meetings_changed_since(0).await.unwrap();
    b.edit(&m1, speaker("PER")).await.unwrap();
    push(&b, &a).await;
    assert_eq!(
        a.meetings_changed_since(t2).await.unwrap().1,
        std::slice::from_ref(&m1)
    );
    let (t3, _) = a.meetings_changed_since(t2).await.unwrap();
    let u = b.export_updates_since(&m1, &[]).await.unwrap().unwrap();
    a.import_updates(&m1, &u.payload, None).await.unwrap();
    assert!(a.meetings_changed_since(t3).await.unwrap().1.is_empty());
    assert_eq!(b.meetings_changed_since(bt).await.unwrap().1, [m1]);
}

fn speaker(code: &str) -> Edit {
    Edit::AddIntervention {
        speaker: Party::state(rapporteur_core::DelegationCode::parse(code).unwrap()),
        at: None,
    }
}
