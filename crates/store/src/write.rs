//! The single write path (see the crate docs), and loading documents.

use loro::{ExportMode, LoroDoc, VersionVector};
use sqlx::{Row, SqliteConnection};

use crate::error::{DbContext, Result, StoreError};
use crate::mode::Mode;
use crate::project::Projection;
use crate::types::SyncCursor;
use crate::writer::Writer;
use crate::{DocCache, FailPoint, Store, attachments};
use crate::{history, layout};

/// What a change did to a document.
pub(crate) struct Applied {
    /// Bytes to keep because some of their changes wait for dependencies (imports only).
    pub pending: Vec<Vec<u8>>,
}

pub(crate) struct Written {
    pub doc: LoroDoc,
    pub rev: i64,
    pub created: bool,
    pub changed: bool,
    pub pending: bool,
}

/// A meeting's document with a change applied in memory, before anything is stored.
pub(crate) struct Changed {
    pub doc: LoroDoc,
    /// Its stored revision; `None` for a meeting new here.
    pub rev: Option<i64>,
    /// Its version before the change.
    pub before: VersionVector,
    /// Imported bytes whose changes wait for dependencies.
    pub pending: Vec<Vec<u8>>,
    pub changed: bool,
}

impl Changed {
    /// Whether anything must be stored: a change, bytes to keep, or a meeting new here.
    pub fn needs_write(&self) -> bool {
        self.changed || !self.pending.is_empty() || self.rev.is_none()
    }

    /// The result of a write that stored nothing.
    pub fn unwritten(self) -> Written {
        let rev = self.rev.unwrap_or_default();
        self.written(rev)
    }

    /// The result of a write that stored the document as revision `rev`.
    pub fn written(self, rev: i64) -> Written {
        Written {
            created: self.rev.is_none(),
            changed: self.changed,
            pending: !self.pending.is_empty(),
            doc: self.doc,
            rev,
        }
    }
}

impl Store {
    pub(crate) fn fail_at(&self, point: FailPoint, meeting: &str) -> Result<()> {
        if *self.fail_point.lock().unwrap_or_else(|e| e.into_inner()) == Some(point) {
            return Err(StoreError::Injected {
                meeting: meeting.to_owned(),
                point,
            });
        }
        Ok(())
    }

    /// A local change: applied by this replica, named by `op` in the history.
    pub(crate) async fn write_local(
        &self,
        meeting_id: &str,
        mode: Mode,
        op: &str,
        change: impl FnOnce(&Writer<'_>) -> Result<()>,
    ) -> Result<Written> {
        let name = self.replica_name();
        let peer = self.peer;
        self.write(meeting_id, mode, None, |doc| {
            let w = Writer { meeting_id, doc };
            change(&w)?;
            name_local_change(&w, peer, &name, op)?;
            Ok(Applied {
                pending: Vec::new(),
            })
        })
        .await
    }

    /// Apply `change` to the meeting's document and persist it, atomically (see the crate docs).
    pub(crate) async fn write(
        &self,
        meeting_id: &str,
        mode: Mode,
        cursor: Option<&SyncCursor>,
        change: impl FnOnce(&LoroDoc) -> Result<Applied>,
    ) -> Result<Written> {
        let mut cache = self.docs.lock().await;
        let mut tx = self
            .pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .ctx(|| format!("starting a write to meeting {meeting_id}"))?;
        let written = self
            .write_one(&mut tx, &mut cache, meeting_id, mode, change)
            .await?;
        if let Some(c) = cursor {
            record_cursor(&mut tx, c).await?;
        }
        self.fail_at(FailPoint::BeforeCommit, meeting_id)?;
        tx.commit()
            .await
            .ctx(|| format!("committing meeting {meeting_id}"))?;
        cache.put(meeting_id, written.doc.clone(), written.rev);
        Ok(written)
    }

    /// The body of the write path for one meeting, inside the caller's transaction. The meeting's
    /// document is out of the cache from here until the caller has committed and put it back.
    pub(crate) async fn write_one(
        &self,
        tx: &mut SqliteConnection,
        cache: &mut DocCache,
        meeting_id: &str,
        mode: Mode,
        change: impl FnOnce(&LoroDoc) -> Result<Applied>,
    ) -> Result<Written> {
        let rev: Option<i64> =
            sqlx::query_scalar("SELECT rev FROM meeting_docs WHERE meeting_id = ?")
                .bind(meeting_id)
                .fetch_optional(&mut *tx)
                .await
                .ctx(|| format!("reading meeting {meeting_id}"))?;
        let c = self
            .change_doc(tx, cache, meeting_id, rev, mode, change)
            .await?;
        if !c.needs_write() {
            return Ok(c.unwritten());
        }
        let rev = self
            .persist(tx, meeting_id, &c.doc, c.rev, &c.before, c.pending.clone())
            .await?;
        self.fail_at(FailPoint::AfterUpdatePersisted, meeting_id)?;
        let mut rows = Projection::default();
        queue_projection(&mut rows, meeting_id, &c.doc)?;
        rows.write(tx).await?;
        Ok(c.written(rev))
    }

    /// Apply `change` to the meeting's document in memory; `rev` is its stored revision (`None`: new
    /// here). Nothing is stored yet.
    pub(crate) async fn change_doc(
        &self,
        tx: &mut SqliteConnection,
        cache: &mut DocCache,
        meeting_id: &str,
        rev: Option<i64>,
        mode: Mode,
        change: impl FnOnce(&LoroDoc) -> Result<Applied>,
    ) -> Result<Changed> {
        let doc = match (rev, mode) {
            (None, Mode::Existing) => return Err(StoreError::meeting_not_found(meeting_id)),
            (Some(_), Mode::Create) => {
                return Err(StoreError::invalid(
                    meeting_id,
                    "id",
                    "a meeting with this id already exists",
                ));
            }
            (None, _) => self.new_doc(meeting_id)?,
            (Some(rev), _) => match cache.get(meeting_id, rev) {
                Some(doc) => doc,
                None => self.load_doc(&mut *tx, meeting_id).await?,
            },
        };
        if mode == Mode::Existing && layout::is_deleted(&doc) {
            return Err(StoreError::meeting_not_found(meeting_id));
        }

        // From the first operation on, the in-memory document may hold what the database will not: it
        // stays out of the cache unless the transaction commits, which it does not after any error here.
        cache.evict(meeting_id);
        let before = doc.oplog_vv();
        let applied = change(&doc)?;
        doc.commit();
        let changed = doc.oplog_vv() != before;
        Ok(Changed {
            doc,
            rev,
            before,
            pending: applied.pending,
            changed,
        })
    }

    /// Store what changed since `before`; fold updates into a snapshot when enough have piled up.
    pub(crate) async fn persist(
        &self,
        tx: &mut SqliteConnection,
        meeting_id: &str,
        doc: &LoroDoc,
        rev: Option<i64>,
        before: &VersionVector,
        pending: Vec<Vec<u8>>,
    ) -> Result<i64> {
        let now = chrono::Utc::now().to_rfc3339();
        let deleted = layout::is_deleted(doc);
        let tick = tick_doc_clock(tx, meeting_id).await?;
        let version = doc.oplog_vv().encode();
        let Some(rev) = rev else {
            let snapshot = export(meeting_id, doc, ExportMode::Snapshot)?;
            sqlx::query(
                "INSERT INTO meeting_docs (meeting_id, snapshot, rev, deleted, updated_at, change_tick, version) VALUES (?, ?, 1, ?, ?, ?, ?)",
            )
            .bind(meeting_id)
            .bind(snapshot)
            .bind(deleted)
            .bind(&now)
            .bind(tick)
            .bind(&version)
            .execute(&mut *tx)
            .await
            .ctx(|| format!("storing new meeting {meeting_id}"))?;
            for (seq, bytes) in (1..).zip(&pending) {
                insert_update(tx, meeting_id, seq, bytes, true).await?;
            }
            return Ok(1);
        };

        let last: i64 = sqlx::query_scalar(
            "SELECT COALESCE(MAX(seq), 0) FROM meeting_updates WHERE meeting_id = ?",
        )
        .bind(meeting_id)
        .fetch_one(&mut *tx)
        .await
        .ctx(|| format!("reading updates of meeting {meeting_id}"))?;
        let mut seq = last;
        for bytes in &pending {
            // A reader waiting on a gap imports the files above it again each round: keep each once.
            if !pending_stored(tx, meeting_id, bytes).await? {
                seq += 1;
                insert_update(tx, meeting_id, seq, bytes, true).await?;
            }
        }
        // Every change is folded into the snapshot at once: loading is then decoding one snapshot, whose
        // cost follows the current state. Replaying updates on top of it makes Loro rebuild the text's
        // CRDT tracker from the whole history (minutes after a few multi-megabyte replacements).
        if doc.oplog_vv() != *before || last > 0 {
            self.compact(tx, meeting_id, doc).await?;
        }
        let new_rev = rev + 1;
        sqlx::query(
            "UPDATE meeting_docs SET rev = ?, deleted = ?, updated_at = ?, change_tick = ?, version = ? WHERE meeting_id = ?",
        )
        .bind(new_rev)
        .bind(deleted)
        .bind(&now)
        .bind(tick)
        .bind(&version)
        .bind(meeting_id)
        .execute(&mut *tx)
        .await
        .ctx(|| format!("updating meeting {meeting_id}"))?;
        Ok(new_rev)
    }

    /// Replace the snapshot with the current document and drop the updates it now contains. Pending
    /// bytes are kept until their changes have been applied, because a snapshot does not hold them.
    async fn compact(
        &self,
        tx: &mut SqliteConnection,
        meeting_id: &str,
        doc: &LoroDoc,
    ) -> Result<()> {
        let snapshot = export(meeting_id, doc, ExportMode::Snapshot)?;
        sqlx::query("UPDATE meeting_docs SET snapshot = ? WHERE meeting_id = ?")
            .bind(snapshot)
            .bind(meeting_id)
            .execute(&mut *tx)
            .await
            .ctx(|| format!("compacting meeting {meeting_id}"))?;
        let rows = sqlx::query(
            "SELECT seq, bytes FROM meeting_updates WHERE meeting_id = ? AND pending = 1",
        )
        .bind(meeting_id)
        .fetch_all(&mut *tx)
        .await
        .ctx(|| format!("reading pending updates of meeting {meeting_id}"))?;
        let vv = doc.oplog_vv();
        for row in rows {
            let bytes: Vec<u8> = row.get("bytes");
            let applied = match LoroDoc::decode_import_blob_meta(&bytes, false) {
                Ok(meta) => vv.includes_vv(&meta.partial_end_vv),
                Err(_) => true,
            };
            if applied {
                sqlx::query("DELETE FROM meeting_updates WHERE meeting_id = ? AND seq = ?")
                    .bind(meeting_id)
                    .bind(row.get::<i64, _>("seq"))
                    .execute(&mut *tx)
                    .await
                    .ctx(|| format!("compacting meeting {meeting_id}"))?;
            }
        }
        sqlx::query("DELETE FROM meeting_updates WHERE meeting_id = ? AND pending = 0")
            .bind(meeting_id)
            .execute(&mut *tx)
            .await
            .ctx(|| format!("compacting meeting {meeting_id}"))?;
        Ok(())
    }

    pub(crate) fn new_doc(&self, meeting_id: &str) -> Result<LoroDoc> {
        let doc = LoroDoc::new();
        self.configure(meeting_id, &doc)?;
        Ok(doc)
    }

    fn configure(&self, meeting_id: &str, doc: &LoroDoc) -> Result<()> {
        configure(meeting_id, doc, self.peer)
    }

    /// Load a document from its snapshot and pending updates.
    pub(crate) async fn load_doc(
        &self,
        conn: &mut SqliteConnection,
        meeting_id: &str,
    ) -> Result<LoroDoc> {
        let snapshot: Option<Vec<u8>> =
            sqlx::query_scalar("SELECT snapshot FROM meeting_docs WHERE meeting_id = ?")
                .bind(meeting_id)
                .fetch_optional(&mut *conn)
                .await
                .ctx(|| format!("loading meeting {meeting_id}"))?;
        let snapshot = snapshot.ok_or_else(|| StoreError::meeting_not_found(meeting_id))?;
        let updates: Vec<Vec<u8>> = sqlx::query_scalar(
            "SELECT bytes FROM meeting_updates WHERE meeting_id = ? ORDER BY seq",
        )
        .bind(meeting_id)
        .fetch_all(&mut *conn)
        .await
        .ctx(|| format!("loading updates of meeting {meeting_id}"))?;
        let doc = LoroDoc::from_snapshot(&snapshot)
            .map_err(|e| StoreError::crdt(meeting_id, "decoding the stored snapshot", e))?;
        self.configure(meeting_id, &doc)?;
        if !updates.is_empty() {
            self.replayed_updates
                .fetch_add(updates.len() as u64, std::sync::atomic::Ordering::Relaxed);
            doc.import_batch(&updates)
                .map_err(|e| StoreError::crdt(meeting_id, "replaying stored updates", e))?;
        }
        Ok(doc)
    }

    /// The current document of a meeting (deleted ones included), from the cache when it is current.
    pub(crate) async fn load_any(&self, meeting_id: &str) -> Result<LoroDoc> {
        let mut cache = self.docs.lock().await;
        // One read transaction, so the revision, snapshot and updates all come from one moment even
        // while another process writes.
        let mut tx = self
            .pool
            .begin()
            .await
            .ctx(|| format!("reading meeting {meeting_id}"))?;
        let rev: Option<i64> =
            sqlx::query_scalar("SELECT rev FROM meeting_docs WHERE meeting_id = ?")
                .bind(meeting_id)
                .fetch_optional(&mut *tx)
                .await
                .ctx(|| format!("reading meeting {meeting_id}"))?;
        let rev = rev.ok_or_else(|| StoreError::meeting_not_found(meeting_id))?;
        if let Some(doc) = cache.get(meeting_id, rev) {
            return Ok(doc);
        }
        let doc = self.load_doc(&mut tx, meeting_id).await?;
        cache.put(meeting_id, doc.clone(), rev);
        Ok(doc)
    }

    /// The current document of a live (not deleted) meeting.
    pub(crate) async fn load(&self, meeting_id: &str) -> Result<LoroDoc> {
        let doc = self.load_any(meeting_id).await?;
        if layout::is_deleted(&doc) {
            return Err(StoreError::meeting_not_found(meeting_id));
        }
        Ok(doc)
    }

    /// Reload a meeting's document from the database and rebuild its projection: what opening a
    /// meeting costs, and a repair tool should the projection ever be in doubt.
    pub async fn reproject(&self, meeting_id: &str) -> Result<()> {
        let mut cache = self.docs.lock().await;
        let mut tx = self
            .pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .ctx(|| format!("starting to re-project meeting {meeting_id}"))?;
        let doc = self.load_doc(&mut tx, meeting_id).await?;
        let mut rows = Projection::default();
        queue_projection(&mut rows, meeting_id, &doc)?;
        rows.write(&mut tx).await?;
        tx.commit()
            .await
            .ctx(|| format!("committing meeting {meeting_id}"))?;
        cache.evict(meeting_id);
        Ok(())
    }
}

/// Make `doc` write as this replica's `peer`, with the settings every document here has.
pub(crate) fn configure(meeting_id: &str, doc: &LoroDoc, peer: u64) -> Result<()> {
    doc.set_peer_id(peer)
        .map_err(|e| StoreError::crdt(meeting_id, "setting the peer id", e))?;
    doc.set_record_timestamp(true);
    doc.set_change_merge_interval(-1);
    Ok(())
}

/// Queue the projection of `meeting_id` as `doc` holds it: its record's rows, and its attachments' if live.
pub(crate) fn queue_projection(
    rows: &mut Projection,
    meeting_id: &str,
    doc: &LoroDoc,
) -> Result<()> {
    if layout::is_deleted(doc) {
        rows.add(meeting_id, &layout::DocState::Deleted);
        return Ok(());
    }
    // Reading a document's value costs in proportion to all it holds: read once for both.
    let root = doc.get_deep_value();
    let state = layout::read_live_state(meeting_id, &root)?;
    rows.add(meeting_id, &state);
    if matches!(state, layout::DocState::Live(_)) {
        rows.add_attachments(meeting_id, &attachments::read_value(meeting_id, &root)?);
    }
    Ok(())
}

pub(crate) fn export(meeting_id: &str, doc: &LoroDoc, mode: ExportMode<'_>) -> Result<Vec<u8>> {
    doc.export(mode)
        .map_err(|e| StoreError::crdt(meeting_id, "exporting", e))
}

/// The next tick of the document clock (see the `doc_clock` migration), taken inside the write's transaction.
async fn tick_doc_clock(tx: &mut SqliteConnection, meeting_id: &str) -> Result<i64> {
    sqlx::query_scalar("UPDATE doc_clock SET tick = tick + 1 WHERE singleton = 1 RETURNING tick")
        .fetch_one(&mut *tx)
        .await
        .ctx(|| format!("stamping meeting {meeting_id}"))
}

/// Whether these exact bytes already wait in `meeting_updates`.
async fn pending_stored(tx: &mut SqliteConnection, meeting_id: &str, bytes: &[u8]) -> Result<bool> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM meeting_updates WHERE meeting_id = ? AND pending = 1 AND bytes = ? LIMIT 1",
    )
    .bind(meeting_id)
    .bind(bytes)
    .fetch_optional(&mut *tx)
    .await
    .ctx(|| format!("reading updates of meeting {meeting_id}"))?;
    Ok(found.is_some())
}

pub(crate) async fn insert_update(
    tx: &mut SqliteConnection,
    meeting_id: &str,
    seq: i64,
    bytes: &[u8],
    pending: bool,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO meeting_updates (meeting_id, seq, bytes, pending) VALUES (?, ?, ?, ?)",
    )
    .bind(meeting_id)
    .bind(seq)
    .bind(bytes)
    .bind(pending)
    .execute(&mut *tx)
    .await
    .ctx(|| format!("storing an update of meeting {meeting_id}"))?;
    Ok(())
}

pub(crate) async fn record_cursor(tx: &mut SqliteConnection, c: &SyncCursor) -> Result<()> {
    let seq = i64::try_from(c.seq).map_err(|_| StoreError::Invalid {
        meeting: String::new(),
        field: "cursor.seq".into(),
        message: format!("{} is out of range", c.seq),
    })?;
    sqlx::query(
        "INSERT INTO sync_cursors (replica_id, seq) VALUES (?, ?)
         ON CONFLICT (replica_id) DO UPDATE SET seq = MAX(seq, excluded.seq)",
    )
    .bind(&c.replica_id)
    .bind(seq)
    .execute(&mut *tx)
    .await
    .ctx(|| format!("recording the sync cursor of replica {}", c.replica_id))?;
    Ok(())
}

/// Name the pending local change, if any, as made by this replica (`peer`, `name`) with operation `op`.
pub(crate) fn name_local_change(w: &Writer<'_>, peer: u64, name: &str, op: &str) -> Result<()> {
    let doc = w.doc;
    if doc.get_pending_txn_len() == 0 {
        return Ok(());
    }
    w.set_editor(peer, name)?;
    // Loro folds a peer's consecutive changes with the same message and second into one when it imports
    // them (another process's load, a sync): the change's first counter makes every message unique, so
    // each saved change stays its own version.
    let start = doc.oplog_vv().get(&peer).copied().unwrap_or(0);
    doc.set_next_commit_message(&history::commit_message(op, start));
    // Never earlier than this replica's previous change, even if the clock went back: Loro would otherwise
    // fold the two changes into one version (and asserts against it).
    let previous = doc
        .oplog_vv()
        .get(&peer)
        .copied()
        .filter(|&counter| counter > 0)
        .and_then(|counter| doc.get_change(loro::ID::new(peer, counter - 1)))
        .map_or(0, |c| c.timestamp);
    doc.set_next_commit_timestamp(chrono::Utc::now().timestamp().max(previous));
    Ok(())
}
