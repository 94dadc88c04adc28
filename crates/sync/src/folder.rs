//! The shared folder on disk: where each file lives, how it is written so that no reader ever sees half of it,
//! and how a replica's folder is listed without trusting anything a sync tool may have put there.
//!
//! ```text
//! <folder>/rapporteur/v1/
//!   replicas/<replica-id>/replica.json            name, head seq, latest snapshot, what it applied (rewritten)
//!   replicas/<replica-id>/<seq>.upd               immutable once renamed into place; only its owner deletes it
//!   replicas/<replica-id>/snapshot-<seq>.snap     immutable once renamed into place
//!   blobs/<sha256>                                attachments, content-addressed, immutable
//!   team.key                                      only on an encrypted location (`team.rs`); then every
//!                                                 other file is sealed and blobs have keyed names (`site.rs`)
//! ```
//! Writes go through `rapporteur_core::atomic::write` (`.tmp-…` in the same directory, fsynced, renamed into
//! place, the directory fsynced), so after a crash a file is either absent or complete. Leftover temporaries in
//! a replica's *own* folder are removed at the start of its next round; nobody touches another replica's files.

use std::collections::BTreeMap;
use std::io;

use rapporteur_store::sha256_hex;
use serde::{Deserialize, Serialize};

use crate::error::SyncError;
use crate::format::{EntryName, parse_entry_name};
use crate::location::Location;
use crate::site::Site;

/// The value of `format` in `replica.json`.
pub const REPLICA_JSON_FORMAT: &str = "rapporteur/replica@1";

/// `rapporteur/v1`, relative to the location.
pub(crate) const ROOT: &str = "rapporteur/v1";
/// What marks a location a round once used (see `service.rs`, "Mounted").
pub(crate) const MARKER: &str = "rapporteur";

/// `rapporteur/v1/replicas`: one directory per replica.
pub(crate) fn replicas_dir() -> String {
    format!("{ROOT}/replicas")
}
/// The directory replica `replica_id` writes its files into.
pub(crate) fn replica_dir(replica_id: &str) -> String {
    format!("{ROOT}/replicas/{replica_id}")
}
/// `rapporteur/v1/blobs`: attachment bytes, named by SHA-256.
pub(crate) fn blobs_dir() -> String {
    format!("{ROOT}/blobs")
}
/// `dir/name`.
pub(crate) fn join(dir: &str, name: &str) -> String {
    format!("{dir}/{name}")
}

/// A short, user-facing reason for an I/O error.
pub fn io_reason(e: &io::Error) -> String {
    // A remote location's errors already carry their user-facing line (`remote.rs`).
    if e.get_ref().is_some() {
        return e.to_string();
    }
    match e.kind() {
        io::ErrorKind::NotFound => "it does not exist (is the drive connected?)".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::ReadOnlyFilesystem => "the drive is read-only".into(),
        io::ErrorKind::StorageFull => "the drive is full".into(),
        io::ErrorKind::NotADirectory => "part of the path is a file, not a folder".into(),
        _ => e.to_string(),
    }
}

/// What a replica publishes about itself, so that others can show its name and read its folder cheaply.
/// Rewritten atomically by its owner each round in which something changed; read by everyone else.
/// Unknown fields are ignored, so that a newer writer can add some without older readers refusing the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReplicaJson {
    /// Always `rapporteur/replica@1` ([`REPLICA_JSON_FORMAT`]).
    pub format: String,
    /// The replica id; must equal the name of the folder it is in.
    pub id: String,
    /// Its human name ("Geneva laptop").
    pub name: String,
    /// The highest update seq written (0 = none yet). A hint: readers open `cursor+1..=head` by name instead
    /// of listing the folder, and still tolerate files that have not arrived.
    pub head: u64,
    /// The newest snapshot's seq, if any.
    #[serde(default)]
    pub snapshot: Option<u64>,
    /// The highest contiguous seq this replica has applied from each other replica: its acknowledgement, which
    /// each owner consults before deleting its own files (`compact.rs`).
    #[serde(default)]
    pub applied: BTreeMap<String, u64>,
    /// The first seq it lacks of each replica whose files it cannot apply in full (a file lost or damaged
    /// in the folder): the owner's report shows it (`own.rs`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub waiting: BTreeMap<String, u64>,
    /// Wall-clock time of writing (Unix seconds, the writer's clock), for display only: nothing depends on
    /// clocks agreeing.
    #[serde(default)]
    pub written_at: Option<u64>,
}

/// Reads and validates `replica.json` in `dir`. `Ok(None)` when absent.
pub(crate) async fn read_replica_json(
    loc: &Site,
    dir: &str,
    replica_id: &str,
) -> Result<Option<ReplicaJson>, String> {
    let bytes = match loc.read(&join(dir, "replica.json")).await {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_reason(&e)),
    };
    let json: ReplicaJson =
        serde_json::from_slice(&bytes).map_err(|e| format!("invalid replica.json: {e}"))?;
    if json.format != REPLICA_JSON_FORMAT {
        return Err(format!(
            "replica.json has format {:?}, not {REPLICA_JSON_FORMAT:?}",
            json.format
        ));
    }
    if json.id != replica_id {
        return Err(format!(
            "replica.json names replica {}, not its folder {replica_id}",
            json.id
        ));
    }
    Ok(Some(json))
}

/// One replica folder, listed and sorted. Nothing is read but names.
#[derive(Debug, Default)]
pub struct Listing {
    /// The seqs of the `<seq>.upd` files, ascending.
    pub updates: Vec<u64>,
    /// The seqs of the `snapshot-<seq>.snap` files, ascending.
    pub snapshots: Vec<u64>,
    /// Names that are not ours, and subfolders: ignored, and reported.
    pub ignored: Vec<String>,
}

/// Lists a replica folder. Subfolders and names outside the grammar are returned as ignored.
pub(crate) async fn list_replica_dir(loc: &Location, dir: &str) -> io::Result<Listing> {
    let mut listing = Listing::default();
    for entry in loc.list(dir).await? {
        let name = entry.name.as_str();
        if !entry.utf8 {
            listing.ignored.push(entry.name.clone());
            continue;
        }
        let is_dir = entry.is_dir;
        match parse_entry_name(name) {
            EntryName::Hidden => {}
            _ if is_dir => listing.ignored.push(format!("{name}/")),
            EntryName::Update(seq) => listing.updates.push(seq),
            EntryName::Snapshot(seq) => listing.snapshots.push(seq),
            EntryName::ReplicaJson => {}
            EntryName::Unknown => listing.ignored.push(name.to_owned()),
        }
    }
    listing.updates.sort_unstable();
    listing.snapshots.sort_unstable();
    listing.ignored.sort();
    Ok(listing)
}

/// Stores an attachment under `blobs/<sha256>` (a keyed name on an encrypted location, see `site.rs`) and
/// returns the hex digest. Content-addressed, so two replicas writing the same blob write the same bytes to
/// the same name; an existing, intact blob is left alone.
pub(crate) async fn put_blob(loc: &Site, bytes: &[u8]) -> Result<String, SyncError> {
    loc.check_available().await?;
    let digest = sha256_hex(bytes);
    if get_blob(loc, &digest).await.is_ok_and(|b| b.is_some()) {
        return Ok(digest);
    }
    let dir = blobs_dir();
    let written = match loc.create_dir_all(&dir).await {
        Ok(()) => loc.write(&loc.blob_rel(&digest), bytes).await,
        Err(e) => Err(e),
    };
    written.map_err(|e| unavailable(loc, &dir, &e))?;
    Ok(digest)
}

/// [`SyncError::FolderUnavailable`] or [`SyncError::LocationUnavailable`] for `rel` in `loc`.
fn unavailable(loc: &Location, rel: &str, e: &io::Error) -> SyncError {
    match loc {
        Location::Folder(p) => SyncError::FolderUnavailable {
            path: p.join(rel),
            reason: io_reason(e),
        },
        Location::Remote(r) => SyncError::LocationUnavailable {
            location: format!("{}/{rel}", r.url().trim_end_matches('/')),
            reason: io_reason(e),
        },
    }
}

/// Reads `blobs/<sha256>` (or its keyed name), verifying its digest. `Ok(None)` if absent or damaged (it may
/// still be arriving, or be sealed under another name).
pub(crate) async fn get_blob(loc: &Site, digest: &str) -> Result<Option<Vec<u8>>, SyncError> {
    if digest.len() != 64 || !digest.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(SyncError::Invalid(format!(
            "{digest:?} is not a SHA-256 hex digest"
        )));
    }
    match loc.read(&loc.blob_rel(digest)).await {
        Ok(b) if sha256_hex(&b) == digest.to_ascii_lowercase() => Ok(Some(b)),
        Ok(_) => Ok(None),
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::InvalidData
            ) =>
        {
            Ok(None)
        }
        Err(e) => Err(unavailable(loc, &blobs_dir(), &e)),
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    #[tokio::test]
    async fn listing_ignores_what_is_not_ours() {
        let dir = tempfile::tempdir().unwrap();
        for n in [
            "1.upd",
            "2.upd",
            "2 (1).upd",
            "snapshot-2.snap",
            "replica.json",
            ".tmp-x",
            "x.txt",
        ] {
            fs::write(dir.path().join(n), b"").unwrap();
        }
        fs::create_dir(dir.path().join("3.upd")).unwrap();
        let l = list_replica_dir(&Location::folder(dir.path()), "")
            .await
            .unwrap();
        assert_eq!(l.updates, [1, 2]);
        assert_eq!(l.snapshots, [2]);
        assert_eq!(l.ignored, ["2 (1).upd", "3.upd/", "x.txt"]);
    }

    #[tokio::test]
    async fn blobs_are_content_addressed_and_verified() {
        let dir = tempfile::tempdir().unwrap();
        let loc = Site::new(Location::folder(dir.path()), None);
        let d = put_blob(&loc, b"statement.pdf bytes").await.unwrap();
        assert_eq!(put_blob(&loc, b"statement.pdf bytes").await.unwrap(), d);
        assert_eq!(
            get_blob(&loc, &d).await.unwrap().unwrap(),
            b"statement.pdf bytes"
        );
        fs::write(dir.path().join(blobs_dir()).join(&d), b"damaged").unwrap();
        assert_eq!(get_blob(&loc, &d).await.unwrap(), None);
        assert!(get_blob(&loc, "../etc/passwd").await.is_err());
    }
}
