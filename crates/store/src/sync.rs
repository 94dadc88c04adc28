//! What the sync service (crates/sync) needs from the store: versions, update export and import through
//! the one write path, and its bookkeeping (cursors per replica, a small key/value table), each written in
//! the same transaction as the import it describes.
//!
//! Versions are Loro version vectors encoded with `VersionVector::encode`; an empty slice means "nothing".

use std::collections::HashMap;

use loro::{ExportMode, LoroDoc, VersionVector};
use serde::{Deserialize, Serialize};

use crate::bulk::{self, NewDocs};
use crate::decode::Decoder;
use crate::error::{DbContext, Result, StoreError};
use crate::mode::Mode;
use crate::project::Projection;
use crate::types::{ImportOutcome, MeetingId, SyncCursor};
use crate::write::{Applied, Written, export, queue_projection, record_cursor};
use crate::{FailPoint, Store, accepts, layout};

/// Meetings whose documents and projection a batch import gathers before writing them.
const ROWS_AT_ONCE: usize = 64;

/// Updates exported for the shared folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedUpdates {
    /// Loro update bytes: give them to `import_updates` on another replica.
    pub payload: Vec<u8>,
    /// The meeting's version after these updates (encoded version vector): the next `from`.
    pub version: Vec<u8>,
}

/// One payload of a batch import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingUpdate {
    /// The meeting the payload is for (created here if unknown).
    pub meeting_id: MeetingId,
    /// Loro updates or a Loro snapshot.
    pub payload: Vec<u8>,
}

fn decode_vv(meeting_id: &str, bytes: &[u8]) -> Result<VersionVector> {
    if bytes.is_empty() {
        return Ok(VersionVector::default());
    }
    VersionVector::decode(bytes)
        .map_err(|e| StoreError::crdt(meeting_id, "decoding a version vector", e))
}

impl Store {
    /// Every meeting that has a document here, deleted ones included (their tombstones must sync too).
    pub async fn meeting_ids_with_docs(&self) -> Result<Vec<MeetingId>> {
        sqlx::query_scalar("SELECT meeting_id FROM meeting_docs ORDER BY meeting_id")
            .fetch_all(&self.pool)
            .await
            .ctx(|| "listing meeting documents".into())
    }

    /// The document clock now, and the meetings whose document was written after tick `since` (deleted
    /// ones included), read at one moment. Every write of a document takes the next tick in its own
    /// transaction, so a meeting written after this call always carries a tick above the one returned: a
    /// sync round that remembers it looks next time at what changed since, not at every meeting.
    pub async fn meetings_changed_since(&self, since: u64) -> Result<(u64, Vec<MeetingId>)> {
        let since = i64::try_from(since).unwrap_or(i64::MAX);
        let mut tx = self
            .pool
            .begin()
            .await
            .ctx(|| "reading the document clock".into())?;
        let tick: i64 = sqlx::query_scalar("SELECT tick FROM doc_clock WHERE singleton = 1")
            .fetch_one(&mut *tx)
            .await
            .ctx(|| "reading the document clock".into())?;
        let ids = sqlx::query_scalar(
            "SELECT meeting_id FROM meeting_docs WHERE change_tick > ? ORDER BY meeting_id",
        )
        .bind(since)
        .fetch_all(&mut *tx)
        .await
        .ctx(|| "listing changed meeting documents".into())?;
        Ok((tick.max(0) as u64, ids))
    }

    /// The meeting's current version (encoded version vector): the one its last write stored, without
    /// decoding the document (rows written before that was stored decode it).
    pub async fn current_version(&self, meeting_id: &str) -> Result<Vec<u8>> {
        let stored: Option<Option<Vec<u8>>> =
            sqlx::query_scalar("SELECT version FROM meeting_docs WHERE meeting_id = ?")
                .bind(meeting_id)
                .fetch_optional(&self.pool)
                .await
                .ctx(|| format!("reading the version of meeting {meeting_id}"))?;
        self.version_from(meeting_id, stored).await
    }

    /// The version a `meeting_docs.version` read gave: as stored, or decoded from the document for rows
    /// written before it was stored; no row is an unknown meeting.
    async fn version_from(
        &self,
        meeting_id: &str,
        stored: Option<Option<Vec<u8>>>,
    ) -> Result<Vec<u8>> {
        match stored {
            Some(Some(v)) => Ok(v),
            Some(None) => Ok(self.load_any(meeting_id).await?.oplog_vv().encode()),
            None => Err(StoreError::meeting_not_found(meeting_id)),
        }
    }

    /// The current version of each of `meeting_ids`, in their order, from one read of the versions column
    /// (a sync round comparing many meetings with a location would otherwise make one query each).
    pub async fn current_versions(&self, meeting_ids: &[MeetingId]) -> Result<Vec<Vec<u8>>> {
        let rows: Vec<(String, Option<Vec<u8>>)> =
            sqlx::query_as("SELECT meeting_id, version FROM meeting_docs")
                .fetch_all(&self.pool)
                .await
                .ctx(|| "reading the versions of meeting documents".into())?;
        let mut stored: HashMap<String, Option<Vec<u8>>> = rows.into_iter().collect();
        let mut versions = Vec::with_capacity(meeting_ids.len());
        for id in meeting_ids {
            versions.push(self.version_from(id, stored.remove(id)).await?);
        }
        Ok(versions)
    }

    /// Everything the meeting's document holds beyond version `from` (empty `from` = all of it), or
    /// `None` when there is nothing new. Includes changes this replica imported from others, so they
    /// spread even if their author's files are gone.
    pub async fn export_updates_since(
        &self,
        meeting_id: &str,
        from: &[u8],
    ) -> Result<Option<ExportedUpdates>> {
        let from = decode_vv(meeting_id, from)?;
        let doc = self.load_any(meeting_id).await?;
        let vv = doc.oplog_vv();
        if from.includes_vv(&vv) {
            return Ok(None);
        }
        let payload = export(meeting_id, &doc, ExportMode::updates(&from))?;
        Ok(Some(ExportedUpdates {
            payload,
            version: vv.encode(),
        }))
    }

    /// A full snapshot of the meeting's document (for periodic snapshot files that let a new replica
    /// join without replaying every update). `import_updates` accepts it like any payload.
    pub async fn export_snapshot(&self, meeting_id: &str) -> Result<ExportedUpdates> {
        if let Some(stored) = self.stored_snapshot(meeting_id).await? {
            return Ok(stored);
        }
        let doc = self.load_any(meeting_id).await?;
        Ok(ExportedUpdates {
            payload: export(meeting_id, &doc, ExportMode::Snapshot)?,
            version: doc.oplog_vv().encode(),
        })
    }

    /// The stored snapshot as it is, when it is the whole document: every write folds its changes into the
    /// snapshot in the transaction that records the version (`persist`), so with no update stored beside it
    /// (one waiting on a gap, or a row from before that rule) decoding and re-encoding it would only cost
    /// time. A sync round's first upload exports every meeting this way.
    async fn stored_snapshot(&self, meeting_id: &str) -> Result<Option<ExportedUpdates>> {
        let row: Option<(Vec<u8>, Option<Vec<u8>>)> = sqlx::query_as(
            "SELECT snapshot, version FROM meeting_docs d WHERE meeting_id = ? \
             AND NOT EXISTS (SELECT 1 FROM meeting_updates u WHERE u.meeting_id = d.meeting_id)",
        )
        .bind(meeting_id)
        .fetch_optional(&self.pool)
        .await
        .ctx(|| format!("reading the snapshot of meeting {meeting_id}"))?;
        Ok(row.and_then(|(payload, version)| {
            Some(ExportedUpdates {
                payload,
                version: version?,
            })
        }))
    }

    /// Import Loro updates (or a snapshot) for a meeting, creating it if unknown here. The document, its
    /// projection and `cursor` are written in one transaction. Idempotent: importing the same payload
    /// again changes nothing (the cursor only ever moves forward).
    pub async fn import_updates(
        &self,
        meeting_id: &str,
        payload: &[u8],
        cursor: Option<SyncCursor>,
    ) -> Result<ImportOutcome> {
        let (peer, name) = (self.peer, self.replica_name());
        let written = self
            .write(meeting_id, Mode::Any, cursor.as_ref(), |doc| {
                let status = doc
                    .import(payload)
                    .map_err(|e| StoreError::crdt(meeting_id, "importing updates", e))?;
                accepts::repair_after_import(meeting_id, doc, peer, &name)?;
                let pending = match status.pending {
                    Some(_) => vec![payload.to_vec()],
                    None => Vec::new(),
                };
                Ok(Applied { pending })
            })
            .await?;
        Ok(ImportOutcome {
            meeting_id: meeting_id.to_owned(),
            created: written.created,
            changed: written.changed,
            pending: written.pending,
            deleted: layout::is_deleted(&written.doc),
            carried: None,
        })
    }

    /// Import many payloads (any meetings, any order) in ONE transaction with one projection per
    /// meeting, and record `cursor` in it. All or nothing: if one payload is refused, nothing is
    /// imported and the error names its meeting; import them one by one to isolate it.
    pub async fn import_updates_batch(
        &self,
        updates: &[IncomingUpdate],
        cursor: Option<SyncCursor>,
    ) -> Result<Vec<ImportOutcome>> {
        // Grouped by meeting in the order each first appears; the index keeps it linear in the batch.
        let mut groups: Vec<(&str, Vec<Vec<u8>>)> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        for u in updates {
            let i = *index.entry(&u.meeting_id).or_insert_with(|| {
                groups.push((&u.meeting_id, Vec::new()));
                groups.len() - 1
            });
            groups[i].1.push(u.payload.clone());
        }
        let mut cache = self.docs.lock().await;
        let mut tx = self
            .pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .ctx(|| "starting a batch import".into())?;
        // As `write_one` for each meeting, with its statements gathered: one read of the revisions, the new
        // documents stored together, the projection of many meetings written together, and the meetings
        // new here decoded on other threads meanwhile (`decode.rs`).
        let ids: Vec<&str> = groups.iter().map(|(id, _)| *id).collect();
        let revs = bulk::revisions(&mut tx, &ids).await?;
        let (peer, name) = (self.peer, self.replica_name());
        let fresh =
            |(id, payloads): &(&str, Vec<Vec<u8>>)| payloads.len() == 1 && !revs.contains_key(*id);
        let mut decoder = Decoder::start(
            (groups.iter().filter(|g| fresh(g)))
                .map(|(id, payloads)| ((*id).to_owned(), payloads[0].clone()))
                .collect(),
            peer,
            name.clone(),
        );
        let mut new_docs = NewDocs::default();
        let mut rows = Projection::default();
        let mut written = Vec::new();
        for group in groups {
            let decoded = if fresh(&group) {
                decoder.next().await?
            } else {
                None
            };
            let (meeting_id, payloads) = group;
            if let Some(d) = decoded {
                new_docs.push(d.new_doc);
                rows.append(d.rows);
                written.push((d.outcome, None));
            } else {
                let rev = revs.get(meeting_id).copied();
                let c = self
                    .change_doc(&mut tx, &mut cache, meeting_id, rev, Mode::Any, |doc| {
                        let status = doc
                            .import_batch(&payloads)
                            .map_err(|e| StoreError::crdt(meeting_id, "importing updates", e))?;
                        accepts::repair_after_import(meeting_id, doc, peer, &name)?;
                        Ok(Applied {
                            pending: if status.pending.is_some() {
                                payloads.clone()
                            } else {
                                Vec::new()
                            },
                        })
                    })
                    .await?;
                if !c.needs_write() {
                    written.push(kept(meeting_id, c.unwritten()));
                    continue;
                }
                let rev = match c.rev {
                    None => {
                        new_docs.add(meeting_id, &c.doc, c.pending.clone())?;
                        1
                    }
                    Some(_) => {
                        self.persist(
                            &mut tx,
                            meeting_id,
                            &c.doc,
                            c.rev,
                            &c.before,
                            c.pending.clone(),
                        )
                        .await?
                    }
                };
                queue_projection(&mut rows, meeting_id, &c.doc)?;
                written.push(kept(meeting_id, c.written(rev)));
            }
            // Written while the next meetings are decoded.
            if rows.len() >= ROWS_AT_ONCE {
                std::mem::take(&mut new_docs).write(&mut tx).await?;
                std::mem::take(&mut rows).write(&mut tx).await?;
            }
        }
        new_docs.write(&mut tx).await?;
        if let Some((first, _)) = written.first() {
            self.fail_at(FailPoint::AfterUpdatePersisted, &first.meeting_id)?;
        }
        rows.write(&mut tx).await?;
        if let Some(c) = &cursor {
            record_cursor(&mut tx, c).await?;
        }
        if let Some((first, _)) = written.first() {
            self.fail_at(FailPoint::BeforeCommit, &first.meeting_id)?;
        }
        tx.commit()
            .await
            .ctx(|| "committing a batch import".into())?;
        // The documents decoded on other threads were dropped there, uncached: a batch that large holds
        // more meetings than the cache.
        Ok(written
            .into_iter()
            .map(|(outcome, doc)| {
                if let Some((doc, rev)) = doc {
                    cache.put(&outcome.meeting_id, doc, rev);
                }
                outcome
            })
            .collect())
    }

    /// The last `seq` of `replica_id`'s files applied here.
    pub async fn sync_cursor(&self, replica_id: &str) -> Result<Option<u64>> {
        let seq: Option<i64> =
            sqlx::query_scalar("SELECT seq FROM sync_cursors WHERE replica_id = ?")
                .bind(replica_id)
                .fetch_optional(&self.pool)
                .await
                .ctx(|| format!("reading the sync cursor of replica {replica_id}"))?;
        Ok(seq.map(|s| s.max(0) as u64))
    }

    /// Every replica this one has applied files from, with its cursor.
    pub async fn sync_cursors(&self) -> Result<Vec<SyncCursor>> {
        let rows: Vec<(String, i64)> =
            sqlx::query_as("SELECT replica_id, seq FROM sync_cursors ORDER BY replica_id")
                .fetch_all(&self.pool)
                .await
                .ctx(|| "reading sync cursors".into())?;
        Ok(rows
            .into_iter()
            .map(|(replica_id, seq)| SyncCursor {
                replica_id,
                seq: seq.max(0) as u64,
            })
            .collect())
    }

    /// Move a replica's cursor forward without importing anything (e.g. past files that held nothing
    /// for this replica). Never moves it back.
    pub async fn set_sync_cursor(&self, cursor: &SyncCursor) -> Result<()> {
        let mut tx = self
            .pool
            .begin()
            .await
            .ctx(|| "starting a cursor update".into())?;
        record_cursor(&mut tx, cursor).await?;
        tx.commit()
            .await
            .ctx(|| "committing a cursor update".into())
    }

    /// A value of the sync service's bookkeeping.
    pub async fn sync_kv_get(&self, key: &str) -> Result<Option<Vec<u8>>> {
        sqlx::query_scalar("SELECT value FROM sync_kv WHERE key = ?")
            .bind(key)
            .fetch_optional(&self.pool)
            .await
            .ctx(|| format!("reading sync value {key:?}"))
    }

    /// Every bookkeeping entry whose key starts with `prefix`.
    pub async fn sync_kv_list(&self, prefix: &str) -> Result<Vec<(String, Vec<u8>)>> {
        sqlx::query_as(
            "SELECT key, value FROM sync_kv WHERE substr(key, 1, length(?1)) = ?1 ORDER BY key",
        )
        .bind(prefix)
        .fetch_all(&self.pool)
        .await
        .ctx(|| format!("listing sync values under {prefix:?}"))
    }

    /// Remove every bookkeeping entry whose key starts with `prefix`.
    pub async fn sync_kv_remove_prefix(&self, prefix: &str) -> Result<()> {
        sqlx::query("DELETE FROM sync_kv WHERE substr(key, 1, length(?1)) = ?1")
            .bind(prefix)
            .execute(&self.pool)
            .await
            .ctx(|| format!("removing sync values under {prefix:?}"))?;
        Ok(())
    }

    /// Set (`Some`) or remove (`None`) several bookkeeping entries in one transaction, in their order.
    /// Consecutive sets share one statement per couple of hundred: a first download records a thousand.
    pub async fn sync_kv_set(&self, entries: &[(&str, Option<&[u8]>)]) -> Result<()> {
        const SETS_PER_STATEMENT: usize = 200;
        let mut tx = self
            .pool
            .begin()
            .await
            .ctx(|| "starting a sync bookkeeping write".into())?;
        let mut rest = entries;
        while let Some(((key, value), _)) = rest.split_first() {
            let Some(value) = value else {
                sqlx::query("DELETE FROM sync_kv WHERE key = ?")
                    .bind(*key)
                    .execute(&mut *tx)
                    .await
                    .ctx(|| format!("writing sync value {key:?}"))?;
                rest = &rest[1..];
                continue;
            };
            let sets = rest
                .iter()
                .take(SETS_PER_STATEMENT)
                .take_while(|(_, v)| v.is_some())
                .count();
            let sql = format!(
                "INSERT INTO sync_kv (key, value) VALUES {} ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                vec!["(?, ?)"; sets].join(", ")
            );
            // The statement text holds only placeholders; all data is bound. A key given twice takes its
            // later value, as one statement per entry would.
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(*key)
                .bind(*value);
            for (k, v) in &rest[1..sets] {
                q = q.bind(*k).bind(*v);
            }
            q.execute(&mut *tx)
                .await
                .ctx(|| format!("writing sync value {key:?} and {} more", sets - 1))?;
            rest = &rest[sets..];
        }
        tx.commit()
            .await
            .ctx(|| "committing sync bookkeeping".into())
    }
}

/// What a batch reports of a meeting written through the one-meeting path, and its document to cache.
fn kept(meeting_id: &str, w: Written) -> (ImportOutcome, Option<(LoroDoc, i64)>) {
    let outcome = ImportOutcome {
        meeting_id: meeting_id.to_owned(),
        created: w.created,
        changed: w.changed,
        pending: w.pending,
        deleted: layout::is_deleted(&w.doc),
        carried: None,
    };
    (outcome, Some((w.doc, w.rev)))
}
