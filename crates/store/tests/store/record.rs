//! Importing a record and reading it back; reopening; listing.

use rapporteur_core::{DocumentKind, MeetingStatus};
use rapporteur_store::{Edit, StoreError};

use crate::common::*;

#[tokio::test]
async fn fixture_round_trips_in_meaning() {
    let (_dir, store) = store().await;
    let original = fixture();
    let id = store.import_record(&original).await.unwrap();
    let back = store.record(&id).await.unwrap();
    assert_eq!(normalise(&back), normalise(&original));
    // Every item read back carries an id, and orders are 1..n.
    assert!(back.interventions.0.iter().all(|i| i.id.is_some()));
    assert!(back.action_items.iter().all(|a| a.id.is_some()));
    let orders: Vec<u32> = back.interventions.0.iter().map(|i| i.order).collect();
    assert_eq!(orders, (1..=10).collect::<Vec<_>>());
    // The interchange JSON of the stored record parses again into the same meaning.
    let json = rapporteur_core::to_json(&back);
    let again = rapporteur_core::parse_record("back.json", json.as_bytes()).unwrap();
    assert_eq!(normalise(&again), normalise(&original));
}

#[tokio::test]
async fn ids_in_a_record_are_kept_and_a_second_import_is_a_new_meeting() {
    let (_dir, store) = store().await;
    let id1 = store.import_record(&fixture()).await.unwrap();
    let first = store.record(&id1).await.unwrap();
    let id2 = store.import_record(&first).await.unwrap();
    assert_ne!(id1, id2);
    let second = store.record(&id2).await.unwrap();
    assert_eq!(first, second, "ids carried by the record survive import");
    assert_eq!(store.list_meetings().await.unwrap().len(), 2);
}

#[tokio::test]
async fn reopen_keeps_everything_and_the_projection() {
    let dir = tempfile::tempdir().unwrap();
    let (id, before, rows) = {
        let store = open(dir.path()).await;
        let id = store.import_record(&fixture()).await.unwrap();
        // Many edits, each folded into the snapshot.
        for i in 0..70 {
            store
                .doc_set(
                    &id,
                    DocumentKind::Summary,
                    0,
                    &format!("Draft {i}\n\nSecond paragraph.\n"),
                )
                .await
                .unwrap();
        }
        let before = store.record(&id).await.unwrap();
        let rows = projection_dump(dir.path(), &id).await;
        store.close().await;
        (id, before, rows)
    };
    let store = open(dir.path()).await;
    assert_eq!(store.record(&id).await.unwrap(), before);
    assert_eq!(projection_dump(dir.path(), &id).await, rows);
    store.reproject(&id).await.unwrap();
    assert_eq!(
        projection_dump(dir.path(), &id).await,
        rows,
        "re-projection from the stored doc agrees"
    );
    let summary = store.doc_get(&id, DocumentKind::Summary, 0).await.unwrap();
    assert!(summary.starts_with(&format!("Draft {}", 69)));
}

#[tokio::test]
async fn list_meetings_summarises_and_delete_removes() {
    let (dir, store) = store().await;
    let id = store.import_record(&fixture()).await.unwrap();
    let list = store.list_meetings().await.unwrap();
    assert_eq!(list.len(), 1);
    let m = &list[0];
    assert_eq!(m.id, id);
    assert_eq!(m.title, "Network Briefing to Member States");
    assert_eq!(m.date.to_string(), "2019-12-12");
    assert_eq!(m.status, MeetingStatus::Draft);
    assert_eq!(
        (
            m.interventions,
            m.action_items,
            m.open_action_items,
            m.documents
        ),
        (10, 7, 7, 1)
    );

    store.delete_meeting(&id).await.unwrap();
    assert!(store.list_meetings().await.unwrap().is_empty());
    assert!(matches!(
        store.record(&id).await,
        Err(StoreError::NotFound {
            kind: "meeting",
            ..
        })
    ));
    assert!(store.search("Vitorino", 10).await.unwrap().is_empty());
    assert!(projection_dump(dir.path(), &id).await.is_empty());
    // The document stays, tombstoned, for sync.
    assert_eq!(
        store.meeting_ids_with_docs().await.unwrap(),
        vec![id.clone()]
    );
    let err = store
        .edit(
            &id,
            Edit::RemoveGroup {
                category: rapporteur_core::Category::CivilSociety,
            },
        )
        .await;
    assert!(matches!(err, Err(StoreError::NotFound { .. })));
    let err = store.delete_meeting("no-such-meeting").await.unwrap_err();
    assert!(err.to_string().contains("no-such-meeting"), "{err}");
}

#[tokio::test]
async fn bad_records_are_refused_whole() {
    let (_dir, store) = store().await;
    let mut r = fixture();
    r.meeting.end_date = Some(chrono::NaiveDate::from_ymd_opt(2019, 12, 1).unwrap());
    let err = store.import_record(&r).await.unwrap_err();
    assert!(err.to_string().contains("meeting.end_date"), "{err}");

    let mut r = fixture();
    r.documents.push(rapporteur_core::Document {
        id: None,
        kind: DocumentKind::Summary,
        title: None,
        body: "one".into(),
        speaker: None,
        delivered_on: None,
    });
    r.documents.push(r.documents[1].clone());
    let err = store.import_record(&r).await.unwrap_err();
    assert!(err.to_string().contains("documents[2].kind"), "{err}");
    assert!(store.list_meetings().await.unwrap().is_empty());
    assert!(store.meeting_ids_with_docs().await.unwrap().is_empty());
}

fn is_send<T: Send>(_: T) {}

/// The app facade shares one `Store` across async commands on a multi-threaded runtime: the store and
/// the futures of its methods must be `Send` (this fails to compile otherwise).
#[tokio::test]
async fn store_and_its_futures_can_cross_threads() {
    let (_dir, s) = store().await;
    let s = std::sync::Arc::new(s);
    is_send(s.clone());
    is_send(s.edit("x", Edit::RemoveRelated { index: 0 }));
    is_send(s.import_record(&fixture()));
    is_send(s.import_updates("x", &[], None));
    is_send(s.import_updates_batch(&[], None));
    is_send(s.search("x", 1));
    is_send(s.doc_history("x", DocumentKind::Summary, 0));
    is_send(s.doc_diff("x", DocumentKind::Summary, 0, "", ""));
    is_send(s.doc_restore("x", DocumentKind::Summary, 0, ""));
    let handle = tokio::spawn({
        let s = s.clone();
        async move { s.import_record(&fixture()).await }
    });
    let id = handle.await.unwrap().unwrap();
    assert_eq!(s.list_meetings().await.unwrap()[0].id, id);
}

/// The projection writes rows in multi-row statements of at most 200 rows: a long speakers list spans
/// several of them.
#[tokio::test]
async fn a_long_speakers_list_is_projected_whole() {
    let (dir, s) = store().await;
    let mut r = fixture();
    let base = r.interventions.0.clone();
    r.interventions.0 = (0..450)
        .map(|i| rapporteur_core::Intervention {
            order: i + 1,
            summary: format!("Speaker number {i} spoke."),
            ..base[i as usize % base.len()].clone()
        })
        .collect();
    let id = s.import_record(&r).await.unwrap();
    assert_projection_matches(dir.path(), &s, &id).await;
    assert_eq!(s.list_meetings().await.unwrap()[0].interventions, 450);
    assert_eq!(s.search("number 449", 5).await.unwrap().len(), 1);
}
