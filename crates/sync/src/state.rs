//! What the sync service needs from the local store, as a small trait.
//!
//! The service only moves opaque Loro payloads between the store and the folder; it never interprets a
//! document. Keeping that boundary narrow lets the folder logic be tested against [`crate::mem::MemReplica`]
//! and lets the real SQLite store implement it in a few lines (see `store_impl.rs`).
//!
//! The contract the service relies on:
//! - [`ReplicaState::import_batch`] applies payloads, re-projects, and records the cursor in **one**
//!   transaction, and is idempotent: importing the same payload twice changes nothing the second time.
//! - [`ReplicaState::export_since`] returns every operation of the meeting's document not covered by `from`
//!   (an encoded Loro version vector; empty means "from the beginning"), with the document's version now.
//! - The key/value store survives restarts; the service writes a key only after the file it describes is
//!   durably in the folder.

use std::collections::HashMap;
use std::future::Future;

use loro::VersionVector;

use crate::error::SyncError;

/// This installation, as the folder knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalReplica {
    /// Random, stable, and a safe folder name (see [`crate::format::is_valid_replica_id`]).
    pub id: String,
    /// Human name ("Geneva laptop"), published in `replica.json`.
    pub name: String,
}

/// One export: the payload and the document's version vector it brings a reader up to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    /// Loro updates, as `import_batch` takes them.
    pub payload: Vec<u8>,
    /// Encoded Loro version vector of the document when the payload was taken.
    pub version: Vec<u8>,
}

/// Meetings of an import whose one payload was a whole, not shallow, snapshot that the import read, each
/// with the version that snapshot brings from nothing. The round counts those operations as shared
/// without decoding the payload's history again; it reads the range of every other payload itself.
pub type Carried = HashMap<String, VersionVector>;

/// The local store, as the sync service sees it.
pub trait ReplicaState: Sync {
    /// This installation: its replica id and name.
    fn local_replica(&self) -> impl Future<Output = Result<LocalReplica, SyncError>> + Send;

    /// Every meeting that has a document, deleted (tombstoned) ones included: their deletion must travel.
    fn meeting_ids(&self) -> impl Future<Output = Result<Vec<String>, SyncError>> + Send;

    /// The store's document clock now, and the meetings whose document changed after tick `since`, read
    /// at one moment; every local edit and every import takes a new tick. A round remembers the clock per
    /// location, so one with nothing new looks at no meeting at all. `None` (the default) when the store
    /// keeps no clock: every round then compares every meeting's version.
    fn changed_since(
        &self,
        _since: u64,
    ) -> impl Future<Output = Result<Option<(u64, Vec<String>)>, SyncError>> + Send {
        async { Ok(None) }
    }

    /// The meeting's encoded version vector now: compared with what was last exported, so an unchanged
    /// meeting costs no export.
    fn version(&self, meeting_id: &str) -> impl Future<Output = Result<Vec<u8>, SyncError>> + Send;
    /// [`ReplicaState::version`] of each of `meeting_ids`, in their order, in one read where the state can.
    fn versions(
        &self,
        meeting_ids: &[String],
    ) -> impl Future<Output = Result<Vec<Vec<u8>>, SyncError>> + Send {
        async move {
            let mut versions = Vec::with_capacity(meeting_ids.len());
            for id in meeting_ids {
                versions.push(self.version(id).await?);
            }
            Ok(versions)
        }
    }

    /// The meeting's operations not in `from`, and its version now; `None` when there is nothing new.
    fn export_since(
        &self,
        meeting_id: &str,
        from: &[u8],
    ) -> impl Future<Output = Result<Option<Export>, SyncError>> + Send;

    /// The meeting's whole document in a form [`ReplicaState::import_batch`] accepts (a Loro snapshot),
    /// with the version it brings a reader up to.
    fn export_snapshot(
        &self,
        meeting_id: &str,
    ) -> impl Future<Output = Result<Export, SyncError>> + Send;

    /// Imports payloads (any meetings, any order; meetings unknown here are created), re-projects each
    /// meeting once, and, when `cursor` is `Some((replica, seq))`, records that every file of `replica` up
    /// to `seq` is applied, all in **one** transaction. All or nothing. Returns what it learnt of the
    /// payloads while importing them (see [`Carried`]); an empty map is always correct.
    fn import_batch(
        &self,
        updates: &[(String, Vec<u8>)],
        cursor: Option<(&str, u64)>,
    ) -> impl Future<Output = Result<Carried, SyncError>> + Send;

    /// The highest seq recorded for `replica` by [`ReplicaState::import_batch`].
    fn cursor(
        &self,
        replica_id: &str,
    ) -> impl Future<Output = Result<Option<u64>, SyncError>> + Send;

    /// Gives this installation a new replica id (another installation writes under the current one) and
    /// returns the new identity. Called by the round; see `own.rs`.
    fn renew_identity(&self) -> impl Future<Output = Result<LocalReplica, SyncError>> + Send;

    /// Sync bookkeeping that must survive restarts.
    fn kv_get(&self, key: &str) -> impl Future<Output = Result<Option<Vec<u8>>, SyncError>> + Send;
    /// Every key of the sync bookkeeping that starts with `prefix`, with its value.
    fn kv_list(
        &self,
        prefix: &str,
    ) -> impl Future<Output = Result<Vec<(String, Vec<u8>)>, SyncError>> + Send;
    /// Sets a key of the sync bookkeeping, durably.
    fn kv_set(&self, key: &str, value: &[u8])
    -> impl Future<Output = Result<(), SyncError>> + Send;
    /// Sets several keys of the sync bookkeeping, durably and all together (one transaction in the store).
    fn kv_set_many(
        &self,
        entries: &[(String, Vec<u8>)],
    ) -> impl Future<Output = Result<(), SyncError>> + Send {
        async move {
            for (k, v) in entries {
                self.kv_set(k, v).await?;
            }
            Ok(())
        }
    }
    /// Removes every key starting with `prefix`.
    fn kv_remove_prefix(&self, prefix: &str) -> impl Future<Output = Result<(), SyncError>> + Send;

    /// Blobs this replica's live meetings refer to that are not known to be in the folder (`all`: every
    /// referenced blob, when the folder may have lost them). Replicas without attachments have none.
    fn blobs_to_send(
        &self,
        _all: bool,
    ) -> impl Future<Output = Result<Vec<BlobRef>, SyncError>> + Send {
        async { Ok(Vec::new()) }
    }

    /// The local copy of a blob, verified; `None` when absent or damaged.
    fn local_blob(
        &self,
        _sha256: &str,
    ) -> impl Future<Output = Result<Option<Vec<u8>>, SyncError>> + Send {
        async { Ok(None) }
    }

    /// Records that a blob is intact in the folder, so later rounds skip it.
    fn blob_in_folder(&self, _sha256: &str) -> impl Future<Output = Result<(), SyncError>> + Send {
        async { Ok(()) }
    }

    /// Blobs live meetings refer to that are not on this machine.
    fn missing_blobs(&self) -> impl Future<Output = Result<Vec<BlobRef>, SyncError>> + Send {
        async { Ok(Vec::new()) }
    }

    /// Stores verified blob bytes locally (whole or not at all).
    fn store_blob(&self, _bytes: &[u8]) -> impl Future<Output = Result<(), SyncError>> + Send {
        async { Ok(()) }
    }
}

/// A blob (attachment bytes, named by SHA-256) and a file name to report it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlobRef {
    /// The SHA-256 of the bytes, in hex.
    pub sha256: String,
    /// The attachment's file name.
    pub name: String,
}
