//! A failure anywhere in the write path leaves the previous state, in memory and on disk.

use rapporteur_core::DocumentKind;
use rapporteur_store::{Edit, FailPoint, StoreError, SyncCursor};

use crate::common::*;

#[tokio::test]
async fn failure_after_the_update_is_stored_rolls_everything_back() {
    let dir = tempfile::tempdir().unwrap();
    let s = open(dir.path()).await;
    let id = s.import_record(&fixture()).await.unwrap();
    s.doc_set(&id, DocumentKind::Summary, 0, "Before.")
        .await
        .unwrap();
    let before = s.record(&id).await.unwrap();
    let rows = projection_dump(dir.path(), &id).await;
    let version = s.current_version(&id).await.unwrap();

    for point in [FailPoint::AfterUpdatePersisted, FailPoint::BeforeCommit] {
        s.set_fail_point(Some(point));
        let e = s
            .doc_set(&id, DocumentKind::Summary, 0, "After.")
            .await
            .unwrap_err();
        assert!(matches!(e, StoreError::Injected { .. }), "{e}");
        let e = s
            .edit(
                &id,
                Edit::RemoveAction {
                    id: before.action_items[0].id.clone().unwrap(),
                },
            )
            .await
            .unwrap_err();
        assert!(matches!(e, StoreError::Injected { .. }), "{e}");
        assert!(s.import_record(&fixture()).await.is_err());
        s.set_fail_point(None);
        // Nothing of the failed writes shows, in memory or in the database.
        assert_eq!(s.record(&id).await.unwrap(), before, "{point:?}");
        assert_eq!(s.current_version(&id).await.unwrap(), version);
        assert_eq!(projection_dump(dir.path(), &id).await, rows);
        assert_eq!(s.list_meetings().await.unwrap().len(), 1);
    }

    // A sync import that fails leaves no document and no cursor behind.
    let (_other_dir, other) = store().await;
    let other_id = other.import_record(&fixture()).await.unwrap();
    let payload = other
        .export_updates_since(&other_id, &[])
        .await
        .unwrap()
        .unwrap()
        .payload;
    s.set_fail_point(Some(FailPoint::AfterUpdatePersisted));
    let cursor = SyncCursor {
        replica_id: other.replica().id,
        seq: 1,
    };
    assert!(
        s.import_updates(&other_id, &payload, Some(cursor.clone()))
            .await
            .is_err()
    );
    s.set_fail_point(None);
    assert_eq!(s.sync_cursor(&cursor.replica_id).await.unwrap(), None);
    assert_eq!(s.meeting_ids_with_docs().await.unwrap(), vec![id.clone()]);

    // And the next write works, from the right state; after reopening, everything agrees.
    s.doc_set(&id, DocumentKind::Summary, 0, "After.")
        .await
        .unwrap();
    s.import_updates(&other_id, &payload, Some(cursor.clone()))
        .await
        .unwrap();
    let now = s.record(&id).await.unwrap();
    assert_eq!(now.documents[0].body, "After.");
    s.close().await;
    drop(s);
    let s = open(dir.path()).await;
    assert_eq!(s.record(&id).await.unwrap(), now);
    assert_projection_matches(dir.path(), &s, &id).await;
    assert_projection_matches(dir.path(), &s, &other_id).await;
    assert_eq!(s.sync_cursor(&cursor.replica_id).await.unwrap(), Some(1));
}

#[tokio::test]
async fn a_second_handle_on_the_same_data_dir_sees_writes_and_never_forks_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let a = open(dir.path()).await;
    let b = open(dir.path()).await;
    assert_eq!(a.replica().id, b.replica().id);
    // Each open writes under its own Loro peer id (see the store's identity.rs).
    assert_ne!(a.replica().peer, b.replica().peer);
    let id = a.import_record(&fixture()).await.unwrap();
    // b caches the document, then a writes: b must not edit its stale copy under the same peer id.
    assert_eq!(b.doc_get(&id, DocumentKind::Summary, 0).await.unwrap(), "");
    a.doc_set(&id, DocumentKind::Summary, 0, "From handle A.\n")
        .await
        .unwrap();
    b.doc_set(
        &id,
        DocumentKind::Summary,
        0,
        "From handle A.\nFrom handle B.\n",
    )
    .await
    .unwrap();
    a.doc_set(
        &id,
        DocumentKind::Summary,
        0,
        "From handle A.\nFrom handle B.\nA again.\n",
    )
    .await
    .unwrap();
    let want = "From handle A.\nFrom handle B.\nA again.\n";
    assert_eq!(
        b.doc_get(&id, DocumentKind::Summary, 0).await.unwrap(),
        want
    );
    a.close().await;
    b.close().await;
    let c = open(dir.path()).await;
    c.clear_cache().await;
    assert_eq!(
        c.doc_get(&id, DocumentKind::Summary, 0).await.unwrap(),
        want
    );
    assert_projection_matches(dir.path(), &c, &id).await;
}
