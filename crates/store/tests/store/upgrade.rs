//! A store an earlier release wrote opens with everything it held, though a migration rebuilt its tables.

use std::path::Path;

use rapporteur_core::DocumentKind;
use sqlx::Connection;

use crate::common::*;

/// The schema of `name`, as SQLite keeps it.
async fn schema(db: &mut sqlx::SqliteConnection, name: &str) -> String {
    sqlx::query_scalar("SELECT sql FROM sqlite_schema WHERE name = ?")
        .bind(name)
        .fetch_one(db)
        .await
        .unwrap()
}

async fn connect(dir: &Path) -> sqlx::SqliteConnection {
    let url = format!("sqlite:{}", dir.join("rapporteur.db").display());
    sqlx::SqliteConnection::connect(&url).await.unwrap()
}

/// Puts `meeting_docs` back as the release before `20261207120000_docs_with_rowid` left it: a WITHOUT ROWID
/// table, with that migration not yet applied.
async fn as_the_release_before(dir: &Path) {
    let mut db = connect(dir).await;
    for statement in [
        "PRAGMA foreign_keys = OFF",
        "CREATE TABLE docs_before (
            meeting_id  TEXT PRIMARY KEY,
            snapshot    BLOB NOT NULL,
            rev         INTEGER NOT NULL,
            deleted     INTEGER NOT NULL DEFAULT 0,
            updated_at  TEXT NOT NULL,
            change_tick INTEGER NOT NULL DEFAULT 0,
            version     BLOB
        ) WITHOUT ROWID",
        "INSERT INTO docs_before SELECT meeting_id, snapshot, rev, deleted, updated_at, change_tick, version
         FROM meeting_docs",
        "DROP TABLE meeting_docs",
        "ALTER TABLE docs_before RENAME TO meeting_docs",
        "CREATE INDEX meeting_docs_change_tick ON meeting_docs (change_tick)",
        "DELETE FROM _sqlx_migrations WHERE version = 20261207120000",
    ] {
        sqlx::query(statement).execute(&mut db).await.unwrap();
    }
    assert!(
        schema(&mut db, "meeting_docs")
            .await
            .contains("WITHOUT ROWID")
    );
    db.close().await.unwrap();
}

#[tokio::test]
async fn documents_stored_without_rowids_open_whole_after_the_rebuild() {
    let (dir, s) = store().await;
    let id = s.import_record(&fixture()).await.unwrap();
    s.doc_set(&id, DocumentKind::Summary, 0, "First draft.")
        .await
        .unwrap();
    let gone = s.import_record(&fixture()).await.unwrap();
    s.delete_meeting(&gone).await.unwrap();
    let record = s.record(&id).await.unwrap();
    let version = s.current_version(&id).await.unwrap();
    // A meeting of which only a later change has arrived: its updates wait, stored, for the earlier ones.
    let (_da, a) = store().await;
    let (late, early, later) = first_and_later(&a).await;
    s.import_updates(&late, &later, None).await.unwrap();
    let updates = stored_updates(dir.path(), &late).await;
    assert_eq!(updates, 1, "the later change waits");
    s.close().await;
    as_the_release_before(dir.path()).await;

    let s = open(dir.path()).await;
    assert_eq!(s.record(&id).await.unwrap(), record);
    assert_eq!(s.current_version(&id).await.unwrap(), version);
    assert_eq!(stored_updates(dir.path(), &late).await, updates);
    assert!(s.record(&gone).await.is_err(), "still deleted");
    let mut ids = s.meeting_ids_with_docs().await.unwrap();
    ids.sort();
    let mut all = vec![id.clone(), gone.clone(), late.clone()];
    all.sort();
    assert_eq!(ids, all);
    // The waiting change applies once the earlier ones arrive, and edits go on where they stopped.
    s.import_updates(&late, &early, None).await.unwrap();
    assert_eq!(
        s.record(&late).await.unwrap(),
        a.record(&late).await.unwrap()
    );
    assert_eq!(stored_updates(dir.path(), &late).await, 0);
    s.doc_set(&id, DocumentKind::Summary, 0, "Second draft.")
        .await
        .unwrap();
    s.close().await;

    let mut db = connect(dir.path()).await;
    assert!(
        !schema(&mut db, "meeting_docs")
            .await
            .contains("WITHOUT ROWID")
    );
    let broken = sqlx::query("PRAGMA foreign_key_check")
        .fetch_all(&mut db)
        .await
        .unwrap();
    assert!(
        broken.is_empty(),
        "{} rows break a foreign key",
        broken.len()
    );
    // Updates still belong to their document, and go with it.
    sqlx::query(
        "INSERT INTO meeting_updates (meeting_id, seq, bytes, pending) VALUES (?, 1, x'00', 1)",
    )
    .bind(&id)
    .execute(&mut db)
    .await
    .unwrap();
    assert_eq!(stored_updates(dir.path(), &id).await, 1);
    sqlx::query("DELETE FROM meeting_docs WHERE meeting_id = ?")
        .bind(&id)
        .execute(&mut db)
        .await
        .unwrap();
    assert_eq!(stored_updates(dir.path(), &id).await, 0);
}
