//! The shared folder on disk: where each file lives, how it is written so that no reader ever sees half of it,
//! and how a replica's folder is listed without trusting anything a sync tool may have put there.
//!
//! ```text
//! <folder>/rapporteur/v1/
//!   replicas/<replica-id>/replica.json            name, head seq, latest snapshot, what it applied (rewritten)
//!   replicas/<replica-id>/<seq>.upd               immutable once renamed into place; only its owner deletes it
//!   replicas/<replica-id>/snapshot-<seq>.snap     immutable once renamed into place
//!   blobs/<sha256>                                attachments, content-addressed, immutable
//! ```
//! Writes go through `rapporteur_core::atomic::write` (`.tmp-…` in the same directory, fsynced, renamed into
//! place, the directory fsynced), so after a crash a file is either absent or complete. Leftover temporaries in
//! a replica's *own* folder are removed at the start of its next round; nobody touches another replica's files.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rapporteur_core::atomic::{self, IfExists, TMP_PREFIX};
use rapporteur_store::sha256_hex;
use serde::{Deserialize, Serialize};

use crate::error::SyncError;
use crate::format::{EntryName, parse_entry_name};

/// The value of `format` in `replica.json`.
pub const REPLICA_JSON_FORMAT: &str = "rapporteur/replica@1";

/// Paths inside a shared folder.
#[derive(Debug, Clone)]
pub struct Layout {
    folder: PathBuf,
    root: PathBuf,
}

impl Layout {
    /// The layout under `folder`, the directory the user picked.
    pub fn new(folder: &Path) -> Layout {
        Layout {
            folder: folder.to_path_buf(),
            root: folder.join("rapporteur").join("v1"),
        }
    }
    /// The directory the user picked.
    pub fn folder(&self) -> &Path {
        &self.folder
    }
    /// `<folder>/rapporteur/v1`.
    pub fn root(&self) -> &Path {
        &self.root
    }
    /// `<folder>/rapporteur/v1/replicas`: one folder per replica.
    pub fn replicas_dir(&self) -> PathBuf {
        self.root.join("replicas")
    }
    /// The folder replica `replica_id` writes its files into.
    pub fn replica_dir(&self, replica_id: &str) -> PathBuf {
        self.replicas_dir().join(replica_id)
    }
    /// `<folder>/rapporteur/v1/blobs`: attachment bytes, named by SHA-256.
    pub fn blobs_dir(&self) -> PathBuf {
        self.root.join("blobs")
    }

    /// Checks that the folder the user picked is there and is a directory. The folder itself is never
    /// created: if a drive is unmounted, creating it would write into the empty mount point instead.
    pub fn check_available(&self) -> Result<(), SyncError> {
        match fs::metadata(&self.folder) {
            Ok(m) if m.is_dir() => Ok(()),
            Ok(_) => Err(SyncError::FolderUnavailable {
                path: self.folder.clone(),
                reason: "it is a file, not a folder".into(),
            }),
            Err(e) => Err(SyncError::FolderUnavailable {
                path: self.folder.clone(),
                reason: io_reason(&e),
            }),
        }
    }
}

/// A short, user-facing reason for an I/O error.
pub fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "it does not exist (is the drive connected?)".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::ReadOnlyFilesystem => "the drive is read-only".into(),
        io::ErrorKind::StorageFull => "the drive is full".into(),
        io::ErrorKind::NotADirectory => "part of the path is a file, not a folder".into(),
        _ => e.to_string(),
    }
}

/// Removes this replica's leftover temporaries (from a write interrupted by a crash). Own folder only.
pub fn remove_own_temporaries(own_dir: &Path) {
    let Ok(entries) = fs::read_dir(own_dir) else {
        return;
    };
    for e in entries.flatten() {
        if e.file_name().to_string_lossy().starts_with(TMP_PREFIX) {
            let _ = fs::remove_file(e.path());
        }
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
pub fn read_replica_json(dir: &Path, replica_id: &str) -> Result<Option<ReplicaJson>, String> {
    let bytes = match fs::read(dir.join("replica.json")) {
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
pub fn list_replica_dir(dir: &Path) -> io::Result<Listing> {
    let mut listing = Listing::default();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            listing.ignored.push(name.to_string_lossy().into_owned());
            continue;
        };
        let is_dir = entry.file_type().map(|t| t.is_dir()).unwrap_or(false);
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

/// Stores an attachment under `blobs/<sha256>` and returns the hex digest. Content-addressed, so two replicas
/// writing the same blob write the same bytes to the same name; an existing, intact blob is left alone.
pub fn put_blob(layout: &Layout, bytes: &[u8]) -> Result<String, SyncError> {
    layout.check_available()?;
    let digest = sha256_hex(bytes);
    let dir = layout.blobs_dir();
    if get_blob(layout, &digest).is_ok_and(|b| b.is_some()) {
        return Ok(digest);
    }
    fs::create_dir_all(&dir)
        .and_then(|()| atomic::write(&dir.join(&digest), bytes, IfExists::Replace))
        .map_err(|e| SyncError::FolderUnavailable {
            path: dir.clone(),
            reason: io_reason(&e),
        })?;
    Ok(digest)
}

/// Reads `blobs/<sha256>`, verifying its digest. `Ok(None)` if absent or damaged (it may still be arriving).
pub fn get_blob(layout: &Layout, digest: &str) -> Result<Option<Vec<u8>>, SyncError> {
    if digest.len() != 64 || !digest.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(SyncError::Invalid(format!(
            "{digest:?} is not a SHA-256 hex digest"
        )));
    }
    match fs::read(layout.blobs_dir().join(digest)) {
        Ok(b) if sha256_hex(&b) == digest.to_ascii_lowercase() => Ok(Some(b)),
        Ok(_) => Ok(None),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(SyncError::FolderUnavailable {
            path: layout.blobs_dir(),
            reason: io_reason(&e),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listing_ignores_what_is_not_ours() {
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
        let l = list_replica_dir(dir.path()).unwrap();
        assert_eq!(l.updates, [1, 2]);
        assert_eq!(l.snapshots, [2]);
        assert_eq!(l.ignored, ["2 (1).upd", "3.upd/", "x.txt"]);
    }

    #[test]
    fn blobs_are_content_addressed_and_verified() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        let d = put_blob(&layout, b"statement.pdf bytes").unwrap();
        assert_eq!(put_blob(&layout, b"statement.pdf bytes").unwrap(), d);
        assert_eq!(
            get_blob(&layout, &d).unwrap().unwrap(),
            b"statement.pdf bytes"
        );
        fs::write(layout.blobs_dir().join(&d), b"damaged").unwrap();
        assert_eq!(get_blob(&layout, &d).unwrap(), None);
        assert!(get_blob(&layout, "../etc/passwd").is_err());
    }
}
