//! Storing many meetings new here in one transaction with a few statements (a first download brings a
//! thousand): every statement is a round trip to SQLite's worker thread, and the one-meeting write path
//! (`write.rs`) makes several per meeting. What is stored is exactly what that path stores.

use std::collections::HashMap;

use loro::{ExportMode, LoroDoc};
use sqlx::SqliteConnection;

use crate::error::{DbContext, Result};
use crate::layout;
use crate::write::{export, insert_update};

/// Meetings whose stored revision is read per statement.
const IDS_PER_STATEMENT: usize = 500;

/// New documents per `INSERT` (seven values each).
const DOCS_PER_STATEMENT: usize = 100;

/// The stored revision of each of `ids` that has a document here.
pub(crate) async fn revisions(
    tx: &mut SqliteConnection,
    ids: &[&str],
) -> Result<HashMap<String, i64>> {
    let mut revs = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(IDS_PER_STATEMENT) {
        let sql = format!(
            "SELECT meeting_id, rev FROM meeting_docs WHERE meeting_id IN ({})",
            vec!["?"; chunk.len()].join(", ")
        );
        // The statement text holds only placeholders; the ids are bound.
        let mut q = sqlx::query_as::<_, (String, i64)>(sqlx::AssertSqlSafe(sql));
        for id in chunk {
            q = q.bind(*id);
        }
        let rows = q
            .fetch_all(&mut *tx)
            .await
            .ctx(|| format!("reading {} meetings", chunk.len()))?;
        revs.extend(rows);
    }
    Ok(revs)
}

/// One new document, ready to store.
pub(crate) struct NewDoc {
    pub meeting_id: String,
    pub snapshot: Vec<u8>,
    pub deleted: bool,
    pub version: Vec<u8>,
    pub pending: Vec<Vec<u8>>,
}

impl NewDoc {
    /// `doc`, new here, to be stored as `snapshot` (its encoding) with the `pending` bytes kept beside it.
    pub(crate) fn new(
        meeting_id: &str,
        doc: &LoroDoc,
        snapshot: Vec<u8>,
        pending: Vec<Vec<u8>>,
    ) -> NewDoc {
        NewDoc {
            meeting_id: meeting_id.to_owned(),
            snapshot,
            deleted: layout::is_deleted(doc),
            version: doc.oplog_vv().encode(),
            pending,
        }
    }
}

/// Documents new here, stored together as revision 1 by [`NewDocs::write`].
#[derive(Default)]
pub(crate) struct NewDocs(Vec<NewDoc>);

impl NewDocs {
    /// Queue `doc`, new here, with the imported bytes whose changes wait for dependencies.
    pub(crate) fn add(
        &mut self,
        meeting_id: &str,
        doc: &LoroDoc,
        pending: Vec<Vec<u8>>,
    ) -> Result<()> {
        let snapshot = export(meeting_id, doc, ExportMode::Snapshot)?;
        self.0.push(NewDoc::new(meeting_id, doc, snapshot, pending));
        Ok(())
    }

    /// Queue a document prepared by [`crate::decode::Decoder`].
    pub(crate) fn push(&mut self, doc: NewDoc) {
        self.0.push(doc);
    }

    /// Store every queued document, each with its own tick of the document clock, inside the caller's
    /// transaction.
    pub(crate) async fn write(self, tx: &mut SqliteConnection) -> Result<()> {
        let Some(count) = i64::try_from(self.0.len()).ok().filter(|&n| n > 0) else {
            return Ok(());
        };
        let who = || format!("{count} new meetings");
        let last: i64 = sqlx::query_scalar(
            "UPDATE doc_clock SET tick = tick + ? WHERE singleton = 1 RETURNING tick",
        )
        .bind(count)
        .fetch_one(&mut *tx)
        .await
        .ctx(|| format!("stamping {}", who()))?;
        let now = chrono::Utc::now().to_rfc3339();
        let mut tick = last - count;
        for chunk in self.0.chunks(DOCS_PER_STATEMENT) {
            let sql = format!(
                "INSERT INTO meeting_docs (meeting_id, snapshot, rev, deleted, updated_at, change_tick, version) VALUES {}",
                vec!["(?, ?, 1, ?, ?, ?, ?)"; chunk.len()].join(", ")
            );
            // The statement text holds only placeholders; all data is bound.
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for d in chunk {
                tick += 1;
                q = q
                    .bind(d.meeting_id.as_str())
                    .bind(d.snapshot.as_slice())
                    .bind(d.deleted)
                    .bind(now.as_str())
                    .bind(tick)
                    .bind(d.version.as_slice());
            }
            q.execute(&mut *tx)
                .await
                .ctx(|| format!("storing {}", who()))?;
        }
        for d in &self.0 {
            for (seq, bytes) in (1..).zip(&d.pending) {
                insert_update(tx, &d.meeting_id, seq, bytes, true).await?;
            }
        }
        Ok(())
    }
}
