//! A batch import (a sync round's files, a first download's thousand meetings) stores exactly what
//! importing its payloads one at a time stores, though it gathers its statements.

use std::path::Path;

use rapporteur_core::DocumentKind;
use rapporteur_store::{IncomingUpdate, Store};

use crate::common::*;

/// The `attachments` projection rows of one meeting.
async fn attachment_rows(dir: &Path, meeting_id: &str) -> Vec<String> {
    let url = format!("sqlite:{}", dir.join("rapporteur.db").display());
    let mut conn = <sqlx::SqliteConnection as sqlx::Connection>::connect(&url)
        .await
        .unwrap();
    sqlx::query_scalar(
        "SELECT id || '|' || position || '|' || doc_id || '|' || name || '|' || size || '|' || sha256
         FROM attachments WHERE meeting_id = ? ORDER BY position",
    )
    .bind(meeting_id)
    .fetch_all(&mut conn)
    .await
    .unwrap()
}

/// All of a meeting's updates, as one payload.
async fn everything(from: &Store, id: &str) -> IncomingUpdate {
    IncomingUpdate {
        meeting_id: id.to_owned(),
        payload: from
            .export_updates_since(id, &[])
            .await
            .unwrap()
            .unwrap()
            .payload,
    }
}

#[tokio::test]
async fn a_batch_stores_what_one_import_at_a_time_stores() {
    let (_da, a) = store().await;
    let mut ids = Vec::new();
    // Enough new meetings that they are decoded on several threads where there are several cores.
    const N: usize = 70;
    for i in 0..N {
        let mut r = fixture();
        r.meeting.title = format!("Batch meeting {i:02}");
        ids.push(a.import_record(&r).await.unwrap());
    }
    let (d1, one) = store().await;
    let (d2, many) = store().await;
    // Both receivers hold an earlier state of three meetings, which then change.
    for id in &ids[..3] {
        let u = everything(&a, id).await;
        for s in [&one, &many] {
            s.import_updates(id, &u.payload, None).await.unwrap();
        }
    }
    a.attach(
        &ids[1],
        DocumentKind::Summary,
        0,
        "annex.pdf",
        "application/pdf",
        b"%PDF-1.7 annex",
    )
    .await
    .unwrap();
    a.doc_set(&ids[2], DocumentKind::Summary, 0, "Edited zanzibar.")
        .await
        .unwrap();
    a.attach(
        &ids[4],
        DocumentKind::Summary,
        0,
        "list.docx",
        "application/octet-stream",
        b"participants",
    )
    .await
    .unwrap();
    a.delete_meeting(&ids[5]).await.unwrap();
    // A meeting new to the receivers of which only a later change arrives: it waits on the earlier one.
    let (late, first, since_first) = first_and_later(&a).await;

    // Half the meetings come as snapshots (a snapshot file's entries), half as all their updates.
    let mut batch = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        batch.push(if i % 2 == 0 {
            IncomingUpdate {
                meeting_id: id.clone(),
                payload: a.export_snapshot(id).await.unwrap().payload,
            }
        } else {
            everything(&a, id).await
        });
    }
    batch.push(IncomingUpdate {
        meeting_id: late.clone(),
        payload: since_first.clone(),
    });
    for u in &batch {
        one.import_updates(&u.meeting_id, &u.payload, None)
            .await
            .unwrap();
    }
    let (t0, _) = many.meetings_changed_since(0).await.unwrap();
    let outcomes = many.import_updates_batch(&batch, None).await.unwrap();

    // Each meeting is reported as the one-at-a-time path reports it.
    let created: Vec<&str> = (outcomes.iter())
        .filter(|o| o.created)
        .map(|o| o.meeting_id.as_str())
        .collect();
    assert_eq!(created.len(), N - 3 + 1, "all but three, and the late one");
    assert!(!created.contains(&ids[0].as_str()));
    let waiting: Vec<&str> = (outcomes.iter())
        .filter(|o| o.pending)
        .map(|o| o.meeting_id.as_str())
        .collect();
    assert_eq!(waiting, [late.as_str()]);
    assert!(outcomes.iter().any(|o| o.meeting_id == ids[5] && o.deleted));
    // A whole snapshot of a meeting new here reports the version it brought, from nothing, as reading the
    // payload's range gives it; no other payload reports one.
    for (u, o) in batch.iter().zip(&outcomes) {
        assert_eq!(o.meeting_id, u.meeting_id);
        let at = ids.iter().position(|id| *id == u.meeting_id);
        let meta = loro::LoroDoc::decode_import_blob_meta(&u.payload, false).unwrap();
        match at {
            Some(i) if i >= 3 && i % 2 == 0 => {
                assert_eq!(
                    o.carried.as_ref(),
                    Some(&meta.partial_end_vv),
                    "meeting {i}"
                );
                assert!(meta.partial_start_vv.iter().all(|(_, &c)| c == 0));
            }
            _ => assert_eq!(o.carried, None, "{at:?}"),
        }
    }

    // Every document written takes its own tick of the clock; the unchanged one is not written.
    let (t1, written) = many.meetings_changed_since(t0).await.unwrap();
    assert_eq!(
        written.len(),
        N,
        "all but the unchanged meeting, and the late one"
    );
    assert!(!written.contains(&ids[0]));
    assert_eq!(t1 - t0, N as u64);

    // The same documents, versions, projection, attachments and kept updates.
    assert_eq!(
        one.meeting_ids_with_docs().await.unwrap(),
        many.meeting_ids_with_docs().await.unwrap()
    );
    assert_eq!(
        one.list_meetings().await.unwrap(),
        many.list_meetings().await.unwrap()
    );
    for id in ids.iter().chain([&late]) {
        assert_eq!(
            one.current_version(id).await.unwrap(),
            many.current_version(id).await.unwrap()
        );
        assert_eq!(
            projection_dump(d1.path(), id).await,
            projection_dump(d2.path(), id).await,
            "{id}"
        );
        assert_eq!(
            attachment_rows(d1.path(), id).await,
            attachment_rows(d2.path(), id).await
        );
        assert_eq!(
            stored_updates(d1.path(), id).await,
            stored_updates(d2.path(), id).await
        );
    }
    assert_eq!(attachment_rows(d2.path(), &ids[4]).await.len(), 1);
    assert_eq!(stored_updates(d2.path(), &late).await, 1);
    let hits = many.search("zanzibar", 10).await.unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].meeting_id, ids[2]);

    // What was stored is the whole document: after reopening, and once the late meeting's first part
    // arrives, the receiver holds what the sender holds.
    many.close().await;
    drop(many);
    let many = open(d2.path()).await;
    many.import_updates(&late, &first, None).await.unwrap();
    assert_eq!(stored_updates(d2.path(), &late).await, 0);
    for id in ids.iter().chain([&late]) {
        if *id == ids[5] {
            assert!(many.record(id).await.is_err(), "deleted");
            continue;
        }
        assert_eq!(many.record(id).await.unwrap(), a.record(id).await.unwrap());
    }
}
