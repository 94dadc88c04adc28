//! Where a replica's files live: the storage seam under the protocol.
//!
//! The protocol (`send.rs`, `receive.rs`, `own.rs`, `compact.rs`, `blobs.rs`) names files by their path
//! relative to the location (`rapporteur/v1/replicas/<id>/7.upd`) and reaches them only through
//! [`Location`], so one code path serves every backend:
//! - **a folder** (the default): `std::fs`, every write whole or not at all through
//!   `rapporteur_core::atomic::write` (temporary, fsync, rename, directory fsync); a create-only write puts
//!   the file in place by a hard link, which never replaces anything;
//! - **a remote location** (WebDAV, S3-compatible, SFTP) through Apache OpenDAL (`remote.rs` builds it).
//!   A create-only write uses the backend's conditional create where OpenDAL has one (S3 and SFTP:
//!   `if_not_exists`); on WebDAV, where it has none, it checks that the name is free and then sends its own
//!   `PUT` with `If-None-Match: *` (`dav_create.rs`), which closes the race with another writer under the
//!   same replica id on servers that honour the header; on one that ignores it the race stays narrow, and
//!   the own-files check of the next round finds the foreign file (see `own.rs`).
//!
//! Nothing here relies on a remote write being atomic or a listing being complete: each file checks itself
//! (see `format.rs`), so a half-written upload is reported and read again next round, and a file missing
//! from a listing is a gap the reader's cursor stops below (see [`crate::service`]).
//!
//! Team encryption sits one level up, in `site.rs`, so it is the same for every backend here.
//!
//! Errors are `std::io::Error`s whose message, for a remote location, is already the one-line reason a user
//! sees (`remote.rs`): the protocol reports them as it reports a folder's.

use std::io;
use std::path::{Path, PathBuf};

use rapporteur_core::atomic::{self, IfExists, TMP_PREFIX};

use crate::error::SyncError;
use crate::keys::folder_key;
pub use crate::remote::Remote;

/// A sync location: a folder, or a remote store reached through OpenDAL.
// A round holds one or two of these and passes them by reference: the remote variant's size costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum Location {
    /// A directory on this machine (a network drive, a Dropbox folder, a USB stick).
    Folder(PathBuf),
    /// A WebDAV URL, an S3-compatible bucket and prefix, or an SFTP location.
    Remote(Remote),
}

/// One name in a listed directory.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// The name (lossily decoded when it is not UTF-8; see `utf8`).
    pub(crate) name: String,
    pub(crate) utf8: bool,
    pub(crate) is_dir: bool,
}

/// What [`Location::stat`] tells of a file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Meta {
    pub(crate) len: u64,
    pub(crate) is_file: bool,
}

impl Location {
    /// The folder the user picked.
    pub fn folder(path: &Path) -> Location {
        Location::Folder(path.to_path_buf())
    }

    /// How bookkeeping keys name this location: a folder by its path (so records from before remote
    /// locations stay valid), a remote one by its URL without credentials.
    pub fn key(&self) -> String {
        match self {
            Location::Folder(p) => folder_key(p),
            Location::Remote(r) => r.url().to_owned(),
        }
    }

    /// How errors and reports name it: the folder's path, or the URL (never a credential).
    pub fn shown(&self) -> String {
        match self {
            Location::Folder(p) => p.display().to_string(),
            Location::Remote(r) => r.url().to_owned(),
        }
    }

    /// How errors name `rel` in this location: a full path, or the URL and `rel`.
    pub(crate) fn shown_rel(&self, rel: &str) -> String {
        match self {
            Location::Folder(p) => p.join(rel).display().to_string(),
            Location::Remote(r) => format!("{}/{rel}", r.url().trim_end_matches('/')),
        }
    }

    fn path(&self, rel: &str) -> Option<PathBuf> {
        match self {
            Location::Folder(p) => Some(p.join(rel)),
            Location::Remote(_) => None,
        }
    }

    /// Checks that the location is there and usable. A folder is never created: if a drive is unmounted,
    /// creating it would write into the empty mount point instead.
    pub async fn check_available(&self) -> Result<(), SyncError> {
        let reason = match self {
            Location::Folder(p) => match std::fs::metadata(p) {
                Ok(m) if m.is_dir() => return Ok(()),
                Ok(_) => "it is a file, not a folder".to_owned(),
                Err(e) => crate::folder::io_reason(&e),
            },
            Location::Remote(r) => match r.check().await {
                Ok(()) => return Ok(()),
                Err(e) => crate::folder::io_reason(&e),
            },
        };
        Err(match self {
            Location::Folder(p) => SyncError::FolderUnavailable {
                path: p.clone(),
                reason,
            },
            Location::Remote(r) => SyncError::LocationUnavailable {
                location: r.url().to_owned(),
                reason,
            },
        })
    }

    /// Whether `rel` is a directory holding something (an object store has no empty directories).
    pub(crate) async fn has_dir(&self, rel: &str) -> bool {
        match self.path(rel) {
            Some(p) => p.is_dir(),
            None => self.list(rel).await.is_ok_and(|v| !v.is_empty()),
        }
    }

    /// The names in directory `rel`, unsorted. A missing directory is [`io::ErrorKind::NotFound`] or empty.
    pub(crate) async fn list(&self, rel: &str) -> io::Result<Vec<Entry>> {
        let Location::Remote(r) = self else {
            let dir = self.path(rel).expect("a folder location");
            let mut out = Vec::new();
            for entry in std::fs::read_dir(dir)? {
                let entry = entry?;
                let name = entry.file_name();
                out.push(Entry {
                    utf8: name.to_str().is_some(),
                    name: name.to_string_lossy().into_owned(),
                    is_dir: entry.file_type().is_ok_and(|t| t.is_dir()),
                });
            }
            return Ok(out);
        };
        r.list(rel).await
    }

    /// The length of file `rel`; `None` when absent.
    pub(crate) async fn stat(&self, rel: &str) -> io::Result<Option<Meta>> {
        let Location::Remote(r) = self else {
            let path = self.path(rel).expect("a folder location");
            return match std::fs::metadata(path) {
                Ok(m) => Ok(Some(Meta {
                    len: m.len(),
                    is_file: m.is_file(),
                })),
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(e),
            };
        };
        r.stat(rel).await
    }

    /// Whether a regular file stands at `rel` (an error counts as no).
    pub(crate) async fn is_file(&self, rel: &str) -> bool {
        matches!(self.stat(rel).await, Ok(Some(m)) if m.is_file)
    }

    /// The bytes of file `rel`.
    pub(crate) async fn read(&self, rel: &str) -> io::Result<Vec<u8>> {
        match self {
            Location::Folder(p) => std::fs::read(p.join(rel)),
            Location::Remote(r) => r.read(rel).await,
        }
    }

    /// Creates directory `rel` and its parents (nothing to do on an object store).
    pub(crate) async fn create_dir_all(&self, rel: &str) -> io::Result<()> {
        match self {
            Location::Folder(p) => std::fs::create_dir_all(p.join(rel)),
            Location::Remote(r) => r.create_dir_all(rel).await,
        }
    }

    /// Writes `bytes` to `rel`, replacing what is there: atomically on a folder.
    pub(crate) async fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        match self {
            Location::Folder(p) => atomic::write(&p.join(rel), bytes, IfExists::Replace),
            Location::Remote(r) => r.write(rel, bytes, false).await,
        }
    }

    /// Writes `bytes` to `rel` only if nothing stands there ([`io::ErrorKind::AlreadyExists`] otherwise), as
    /// far as the backend can tell (see the module docs).
    pub(crate) async fn write_new(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        match self {
            Location::Folder(p) => atomic::write(&p.join(rel), bytes, IfExists::Fail),
            Location::Remote(r) => r.write(rel, bytes, true).await,
        }
    }

    /// Removes file `rel`; an absent file is no error.
    pub(crate) async fn remove(&self, rel: &str) -> io::Result<()> {
        match self {
            Location::Folder(p) => match std::fs::remove_file(p.join(rel)) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
                other => other,
            },
            Location::Remote(r) => r.remove(rel).await,
        }
    }

    /// Makes removals in directory `rel` durable (a folder's fsync; a remote store's are once answered).
    pub(crate) fn sync_dir(&self, rel: &str) -> io::Result<()> {
        match self.path(rel) {
            Some(p) => atomic::sync_dir(&p),
            None => Ok(()),
        }
    }

    /// Removes this replica's leftover temporaries in its own directory `rel` (from a write a crash
    /// interrupted). Only a folder has them: remote writes go straight to their names.
    pub(crate) fn remove_own_temporaries(&self, rel: &str) {
        let Some(dir) = self.path(rel) else {
            return;
        };
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with(TMP_PREFIX) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}
