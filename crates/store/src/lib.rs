//! Rapporteur's local storage: every meeting lives on this machine, works offline, and merges with
//! colleagues' copies through sync without losing anyone's edit.
//!
//! # Why it is built this way
//!
//! Two needs pull in opposite directions. Sync needs a representation in which concurrent edits merge
//! (two rapporteurs editing different paragraphs of one summary offline must both keep their work); the
//! meetings list, search and the cross-meeting action tracker need fast relational queries. So each
//! meeting is **one Loro document** (a CRDT), which is the truth, and SQLite holds both that document
//! and a **relational projection** of it (tables plus an FTS5 index) that is rebuilt from the document.
//!
//! # The one write path
//!
//! Every change (a local [`Edit`], an imported record, a new or deleted meeting, a restored document
//! version, or updates imported by sync) goes through one internal function. Inside a single
//! `BEGIN IMMEDIATE` SQLite transaction it loads the document, applies the change and commits it in
//! Loro, stores the document as a fresh snapshot in `meeting_docs`, rebuilds that meeting's projection
//! rows and FTS entries, and records the sync cursor if there is one. Either all of that is committed or
//! none of it is: a crash at any point leaves the previous state or the new one. Nothing else writes the
//! projection tables. `meeting_updates` keeps only sync updates still waiting for changes they depend on
//! (and, in databases written before the snapshot-per-write rule, updates the next write folds in).
//! A sync batch (many meetings in one transaction) takes the same steps per meeting with its statements
//! gathered across meetings (`bulk.rs`), and decodes the snapshots of meetings new here on other threads
//! (`decode.rs`); a test holds it to storing what importing the same payloads one at a time stores.
//!
//! Loading is therefore decoding one snapshot, which costs in proportion to the current state: Loro
//! decodes the history lazily. Replaying updates on top of a snapshot would make Loro rebuild each
//! changed text's CRDT tracker from its whole history, which after a few multi-megabyte replacements
//! of a summary took minutes and gigabytes on every read. [`Store::replayed_updates`] counts replays.
//!
//! Documents are cached in memory, keyed by a revision number that every write bumps, so a copy is
//! reused only while no other process has written that meeting.
//!
//! # Loro document layout (schema 1)
//!
//! | root container | type | contents |
//! |---|---|---|
//! | `meeting` | map | `schema` (1), `title`, `kind`, `convened_by`, `date`, `end_date`, `venue`, `language`, `symbol`, `status` (strings; dates `YYYY-MM-DD`; enums in snake_case; absent = none), `chair` (one map value `{name, title, role}`), `deleted` (bool tombstone) |
//! | `editors` | map | Loro peer id (decimal) → replica name, so history can name who changed what |
//! | `groups` | movable list | maps `{id, category, label, count}` |
//! | `delegations` | movable list | maps `{id, party, present}` |
//! | `interventions` | movable list | maps `{id, party, person, time, agenda_item, kind, summary: LoroText}`; the list position is the speaking order (1..n in records) |
//! | `action_items` | movable list | maps `{id, kind, from, to, text, due, status}` |
//! | `related` | movable list | maps `{id, title, date, outcome}` |
//! | `summary` | map | `title`, `body` (a *mergeable* LoroText; present once the summary exists) |
//! | `documents` | movable list | statements: maps `{id, kind: "statement", title, speaker, delivered_on, body: LoroText}` |
//! | `review:<key>`, `review_comments:<key>`, `review_suggestions:<key>`, `review_log:<key>`, `review_circulated:<key>` | map, map, map, list, list | a document's clearance (`key`: `summary` or a statement's id); see `clearance.rs` |
//! | `attachments` | movable list | maps `{id, doc, name, media_type, size, sha256}`; `doc` is `"summary"` or a statement's id; the bytes are a content-addressed blob (see `attachments.rs`) |
//!
//! `party` is one map value `{delegation, display_name, name, category}`, replaced whole, so two
//! concurrent changes of speaker can never merge into an invalid mix of both. Every list entry has a
//! stable `id` (UUID v7). Long text is diffed into its `LoroText` with `LoroText::update`, so concurrent
//! edits to different paragraphs both survive.
//!
//! The summary is a root map rather than an entry of `documents` (a deliberate change from the first
//! design): two replicas that each create the summary offline then edit the same mergeable text, where
//! two list entries would have left one of them hidden.
//!
//! # Merge rules (what concurrent edits do)
//!
//! - Scalar fields: last writer wins per field (Loro's Lamport order); `SetMeeting` writes only the
//!   fields that changed, so concurrent edits of different fields both survive.
//! - Deleting a meeting sets `meeting.deleted`; it wins over concurrent edits, which stay in the document's
//!   history but are not shown. Removing a list item wins over concurrent edits of that item; a removal
//!   concurrent with a *move* of the same item keeps the item (Loro's movable-list semantics).
//! - Two groups created for one category at once: the first in list order is shown; the next `SetGroup`
//!   folds the duplicates away.
//!
//! # Search
//!
//! `search_rows` holds one row of text per findable thing (the meeting's own fields and related
//! meetings; its delegations' English names; each intervention with its speaker's names; each action
//! item; each document) and `search_fts`, an FTS5 index with external content, indexes it with
//! case and diacritics folded. A user's query is never parsed as FTS syntax: each word becomes a prefix
//! term and all must match. Words longer than the prefix index are expanded through `search_vocab`
//! into the exact terms they cover, and only the most recently written [`RANK_WINDOW`] matches are
//! ranked by bm25, so a query over 10,000 meetings stays within milliseconds even for a word that
//! every meeting contains.
//!
//! # Durability
//!
//! WAL with `synchronous = NORMAL`: a killed process loses nothing committed; a power cut can lose the
//! last transactions but never leaves a mix (SQLite rolls the WAL back to the last complete commit).
//!
//! # Replicas
//!
//! Each installation has a random replica id and a human name (table `replica`), and each open of the
//! store writes with a fresh random Loro peer id (table `own_peers`; `identity.rs` says why, and how a
//! copied data directory takes a new replica id); that peer id is set on every document loaded, and timestamps are recorded on every change so history
//! can show times. Changes are never merged into one another, so every save is its own version: locally
//! `set_change_merge_interval(-1)`, and because Loro still folds a peer's consecutive imported changes
//! that share a second and a commit message (another process's load, a sync), each message ends with
//! the change's first counter (see `history::commit_message`; history shows the operation only). Private notes and settings live in their own tables and never enter a Loro
//! document, so they are never synced.

mod accepts;
mod apply;
mod attachments;
mod bulk;
mod clearance;
mod decode;
mod error;
mod floor;
mod history;
mod identity;
mod layout;
mod local;
mod mode;
mod proceedings;
mod project;
mod query;
mod review;
mod sync;
mod types;
mod values;
mod write;
mod writer;

use std::collections::HashMap;
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use loro::LoroDoc;
use rapporteur_core::{DocumentKind, Meeting, MeetingRecord};
use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

pub use attachments::{
    Attachment, BLOBS_DIR, BlobRef, MAX_ATTACHMENT_BYTES, check_attachment_size, media_type_for,
    sha256_hex,
};
pub use error::{Result, StoreError};
pub use local::MeetingNotes;
pub use query::{MAX_QUERY_WORDS, MAX_SEARCH_HITS, RANK_WINDOW, fts_query, query_words};
pub use review::*;
pub use sync::{ExportedUpdates, IncomingUpdate};
pub use types::*;

/// The database file inside the data directory.
pub const DB_FILE: &str = "rapporteur.db";
/// Documents kept in memory at most.
const CACHE_DOCS: usize = 32;

/// Where the test hook may make the write path fail, to prove it is atomic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailPoint {
    /// After the Loro update is stored, before the projection is rebuilt.
    AfterUpdatePersisted,
    /// After the projection is rebuilt, just before the transaction commits.
    BeforeCommit,
}

/// The store of one data directory. Cheap to share behind an `Arc`; every method takes `&self`.
pub struct Store {
    pool: SqlitePool,
    data_dir: std::path::PathBuf,
    peer: u64,
    replica_id: std::sync::Mutex<String>,
    replica_name: std::sync::Mutex<String>,
    docs: tokio::sync::Mutex<DocCache>,
    fail_point: std::sync::Mutex<Option<FailPoint>>,
    replayed_updates: std::sync::atomic::AtomicU64,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("replica_id", &self.replica_id())
            .finish_non_exhaustive()
    }
}

#[derive(Default)]
struct DocCache {
    docs: HashMap<String, CachedDoc>,
    tick: u64,
}

struct CachedDoc {
    doc: LoroDoc,
    rev: i64,
    used: u64,
}

impl DocCache {
    fn get(&mut self, id: &str, rev: i64) -> Option<LoroDoc> {
        self.tick += 1;
        let tick = self.tick;
        match self.docs.get_mut(id) {
            Some(c) if c.rev == rev => {
                c.used = tick;
                Some(c.doc.clone())
            }
            _ => None,
        }
    }

    fn put(&mut self, id: &str, doc: LoroDoc, rev: i64) {
        self.tick += 1;
        if self.docs.len() >= CACHE_DOCS
            && !self.docs.contains_key(id)
            && let Some(oldest) = self
                .docs
                .iter()
                .min_by_key(|(_, c)| c.used)
                .map(|(k, _)| k.clone())
        {
            self.docs.remove(&oldest);
        }
        self.docs.insert(
            id.to_owned(),
            CachedDoc {
                doc,
                rev,
                used: self.tick,
            },
        );
    }

    fn evict(&mut self, id: &str) {
        self.docs.remove(id);
    }
}

impl Store {
    /// Open (creating if needed) `<data_dir>/rapporteur.db`, apply migrations, and make sure this
    /// installation has a replica identity.
    pub async fn open(data_dir: &Path) -> Result<Store> {
        tokio::fs::create_dir_all(data_dir)
            .await
            .map_err(|source| StoreError::Io {
                path: data_dir.display().to_string(),
                source,
            })?;
        let path = data_dir.join(DB_FILE);
        let open_err = |source| StoreError::Open {
            path: path.display().to_string(),
            source,
        };
        let options = SqliteConnectOptions::from_str("sqlite:")
            .map_err(open_err)?
            .filename(&path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .map_err(open_err)?;
        sqlx::migrate!().run(&pool).await?;
        let name = local::ensure_replica(&pool).await?;
        let (replica_id, peer) = identity::claim(&pool, &path).await?;
        let store = Store {
            pool,
            data_dir: data_dir.to_path_buf(),
            peer,
            replica_id: std::sync::Mutex::new(replica_id),
            replica_name: std::sync::Mutex::new(name),
            docs: tokio::sync::Mutex::new(DocCache::default()),
            fail_point: std::sync::Mutex::new(None),
            replayed_updates: std::sync::atomic::AtomicU64::new(0),
        };
        store.reproject_stale().await?;
        Ok(store)
    }

    /// Rebuilds the projection of every meeting a migration marked as stale (one that added a column the
    /// older rows lack), then clears each mark; a later open finds none.
    async fn reproject_stale(&self) -> Result<()> {
        use error::DbContext;
        let stale: Vec<String> = sqlx::query_scalar("SELECT meeting_id FROM projection_stale")
            .fetch_all(&self.pool)
            .await
            .ctx(|| "listing meetings to re-project".into())?;
        for id in stale {
            tracing::info!(meeting = %id, "re-projecting after an upgrade");
            self.reproject(&id).await?;
            sqlx::query("DELETE FROM projection_stale WHERE meeting_id = ?")
                .bind(&id)
                .execute(&self.pool)
                .await
                .ctx(|| format!("clearing the re-projection mark of meeting {id}"))?;
        }
        Ok(())
    }

    /// Close the pool, waiting for connections to finish (a dropped store closes them too).
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Store a record as a new meeting and return its id.
    pub async fn import_record(&self, record: &MeetingRecord) -> Result<MeetingId> {
        let id = values::new_id();
        self.write_local(&id, mode::Mode::Create, "import", |w| {
            w.create_from_record(record)
        })
        .await?;
        Ok(id)
    }

    /// Create an empty meeting and return its id.
    pub async fn create_meeting(&self, meeting: Meeting) -> Result<MeetingId> {
        let record = MeetingRecord {
            format: rapporteur_core::FormatId,
            meeting,
            attendance: Default::default(),
            interventions: Default::default(),
            action_items: Vec::new(),
            related_meetings: Vec::new(),
            positions: Vec::new(),
            remarks: Vec::new(),
            announcements: Vec::new(),
            documents: Vec::new(),
        };
        let id = values::new_id();
        self.write_local(&id, mode::Mode::Create, "create_meeting", |w| {
            w.create_from_record(&record)
        })
        .await?;
        Ok(id)
    }

    /// Delete a meeting. The deletion is a tombstone in its document, so it syncs like any change.
    pub async fn delete_meeting(&self, id: &str) -> Result<()> {
        self.write_local(id, mode::Mode::Existing, "delete_meeting", |w| {
            w.mark_deleted()
        })
        .await
        .map(drop)
    }

    /// Apply one edit and return the meeting as it now stands (added items carry their new ids).
    pub async fn edit(&self, id: &str, edit: Edit) -> Result<MeetingRecord> {
        let written = self
            .write_local(id, mode::Mode::Existing, edit.op(), |w| w.apply(&edit))
            .await?;
        layout::read_record(id, &written.doc)
    }

    /// The meeting, read from its document, with the ids of its items.
    pub async fn record(&self, id: &str) -> Result<MeetingRecord> {
        let doc = self.load(id).await?;
        layout::read_record(id, &doc)
    }

    /// The Markdown of a document: the summary (`index` 0) or the statement at `index`.
    /// An absent summary reads as empty.
    pub async fn doc_get(&self, id: &str, kind: DocumentKind, index: u32) -> Result<String> {
        let record = self.record(id).await?;
        match history::find_document(id, &record, kind, index) {
            Ok(d) => Ok(d.body.clone()),
            Err(_) if kind == DocumentKind::Summary && index == 0 => Ok(String::new()),
            Err(e) => Err(e),
        }
    }

    /// Set a document's Markdown (the same as `edit` with [`Edit::SetDocument`]).
    pub async fn doc_set(
        &self,
        id: &str,
        kind: DocumentKind,
        index: u32,
        body: &str,
    ) -> Result<MeetingRecord> {
        self.edit(
            id,
            Edit::SetDocument {
                kind,
                index,
                body: body.to_owned(),
            },
        )
        .await
    }

    /// Make the write path fail at `point` until cleared with `None`. For tests of atomicity only (the
    /// `testing` feature); without it nothing can set a fail point.
    #[cfg(feature = "testing")]
    pub fn set_fail_point(&self, point: Option<FailPoint>) {
        *self.fail_point.lock().unwrap_or_else(|e| e.into_inner()) = point;
    }

    /// Stored updates replayed on top of a snapshot by loads since this store was opened. Only sync
    /// updates still waiting for their dependencies are replayed; tests use this to prove reads decode
    /// one snapshot and nothing else.
    #[doc(hidden)]
    pub fn replayed_updates(&self) -> u64 {
        self.replayed_updates
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Forget every in-memory document, so the next access loads from the database.
    #[doc(hidden)]
    pub async fn clear_cache(&self) {
        self.docs.lock().await.docs.clear();
    }
}
