//! The names of the sync bookkeeping a replica keeps in its store (`ReplicaState::kv_get`), in one place.
//!
//! Keys that describe what this replica wrote are forgotten when it takes a new replica id (see `own.rs`):
//! they are listed in [`WRITER_KEYS`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::SyncError;
use crate::state::ReplicaState;

pub(crate) const KEY_NEXT_SEQ: &str = "sync/next_seq";
pub(crate) const KEY_SNAPSHOT: &str = "sync/snapshot_seq";
pub(crate) const KEY_ROUNDS: &str = "sync/rounds";
/// What this replica wrote of a meeting, in any folder (the version of its last export).
pub(crate) fn key_exported(meeting: &str) -> String {
    format!("sync/exported/{meeting}")
}
/// What `folder` holds of a meeting as far as this replica knows: what it wrote there, and what it imported
/// from there. Per folder, so that what came from one folder is still carried to another (A → B → C).
pub(crate) fn key_shared_in(loc: &str, meeting: &str) -> String {
    format!("sync/shared/{loc}/{meeting}")
}
/// How a folder is named in keys: `/mnt/drive/` and `/mnt/drive` are one folder.
pub(crate) fn folder_key(folder: &Path) -> String {
    folder
        .components()
        .collect::<PathBuf>()
        .display()
        .to_string()
}
/// Set once a round found `rapporteur/` in the folder: from then on, its absence means "not mounted".
pub(crate) fn key_folder_used(loc: &str) -> String {
    format!("sync/folder_used/{loc}")
}
/// The store's document clock when this replica last finished sending to a location: meetings not written
/// since are all in it (see `send.rs`).
pub(crate) fn key_sent_tick(loc: &str) -> String {
    format!("sync/sent_tick/{loc}")
}
pub(crate) fn key_gap(replica: &str) -> String {
    format!("sync/gap/{replica}")
}

/// How far this replica's own files in `folder` have been deleted.
pub(crate) fn key_compacted(loc: &str) -> String {
    format!("sync/compacted/{loc}")
}

/// The acknowledgements this replica has collected from the replicas it has seen in `folder`.
pub(crate) fn key_acks(loc: &str) -> String {
    format!("sync/acks/{loc}")
}

pub(crate) async fn read_acks<S: ReplicaState>(
    state: &S,
    key: &str,
) -> Result<BTreeMap<String, u64>, SyncError> {
    Ok(state
        .kv_get(key)
        .await?
        .and_then(|b| {
            serde_json::from_slice(&b)
                .inspect_err(|e| tracing::warn!(key, error = %e, "unreadable sync bookkeeping; starting it afresh"))
                .ok()
        })
        .unwrap_or_default())
}

/// The replica id the writer's bookkeeping below belongs to.
pub(crate) const KEY_IDENTITY: &str = "sync/identity";
/// Keys that describe what this replica id wrote, forgotten when the id changes.
pub(crate) const WRITER_KEYS: [&str; 8] = [
    "sync/next_seq",
    "sync/snapshot_seq",
    "sync/exported/",
    "sync/shared/",
    "sync/compacted/",
    "sync/acks/",
    "sync/written/",
    "sync/sent_tick/",
];

pub(crate) fn key_written(loc: &str) -> String {
    format!("sync/written/{loc}")
}

pub(crate) fn u64_of(bytes: Option<Vec<u8>>) -> u64 {
    bytes
        .and_then(|b| <[u8; 8]>::try_from(b.as_slice()).ok())
        .map(u64::from_le_bytes)
        .unwrap_or(0)
}
