//! A location as the protocol sees it: the storage ([`Location`]) and, when its team encrypts, the team key.
//!
//! This is the one place where encryption meets the protocol, so every backend (folder, WebDAV, S3, SFTP)
//! seals and opens files the same way and no half of a round can forget to. A [`Site`] dereferences to its
//! [`Location`] for everything that handles names only (listing, removing, directories) and replaces the
//! calls that move bytes:
//! - [`Site::write`] and [`Site::write_new`] seal the bytes with the team key; [`Site::read`] opens them;
//! - the associated data bound to each sealed file is the sync format version and the file's path in the
//!   location (`rapporteur/v1/replicas/<replica>/<seq>.upd`), which names its replica, its sequence number
//!   and its kind. A file copied under another name or into another replica's folder, an old file replayed
//!   as a newer seq, or a file cut short fails to open: [`Site::read`] then answers
//!   [`io::ErrorKind::InvalidData`], which the round reports as a `sealed` fault and never applies;
//! - [`Site::stat`] gives the length of the content, not of the sealed file, so the own-files check
//!   (`own.rs`) compares lengths the same way on plain and encrypted locations;
//! - an attachment is stored under [`Site::blob_rel`]: its SHA-256 on a plain location, a keyed hash of it
//!   (`TeamKey::blob_name`) on an encrypted one, so the location cannot tell which file it holds.
//!
//! A plain site (no key) passes every call through unchanged: the plain protocol is exactly as before.

use std::io;
use std::ops::Deref;
use std::sync::Arc;

use rapporteur_crypt::{SEALED_OVERHEAD, TeamKey};

use crate::folder::{blobs_dir, join};
use crate::format::FORMAT_VERSION;
use crate::location::{Location, Meta};

/// A location, with its team key when it is encrypted.
#[derive(Debug, Clone)]
pub(crate) struct Site {
    loc: Location,
    key: Option<Arc<TeamKey>>,
}

impl Deref for Site {
    type Target = Location;

    fn deref(&self) -> &Location {
        &self.loc
    }
}

/// What a sealed file's associated data holds: a label, the sync format version, and its path.
fn header(rel: &str) -> Vec<u8> {
    let mut h = b"rapporteur sync file\0".to_vec();
    h.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    h.extend_from_slice(rel.as_bytes());
    h
}

impl Site {
    /// `loc`, sealed with `key` when there is one.
    pub(crate) fn new(loc: Location, key: Option<Arc<TeamKey>>) -> Site {
        Site { loc, key }
    }

    /// Where the attachment whose SHA-256 is `digest` is stored.
    pub(crate) fn blob_rel(&self, digest: &str) -> String {
        match &self.key {
            Some(k) => join(&blobs_dir(), &k.blob_name(&digest.to_ascii_lowercase())),
            None => join(&blobs_dir(), digest),
        }
    }

    /// The content of file `rel`, opened with the team key on an encrypted location.
    pub(crate) async fn read(&self, rel: &str) -> io::Result<Vec<u8>> {
        let bytes = self.loc.read(rel).await?;
        match &self.key {
            Some(k) => k
                .open(&header(rel), &bytes)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e)),
            None => Ok(bytes),
        }
    }

    fn seal(&self, rel: &str, bytes: &[u8]) -> Option<Vec<u8>> {
        self.key.as_ref().map(|k| k.seal(&header(rel), bytes))
    }

    /// [`Location::write`], sealed on an encrypted location.
    pub(crate) async fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        match self.seal(rel, bytes) {
            Some(sealed) => self.loc.write(rel, &sealed).await,
            None => self.loc.write(rel, bytes).await,
        }
    }

    /// [`Location::write_new`], sealed on an encrypted location.
    pub(crate) async fn write_new(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        match self.seal(rel, bytes) {
            Some(sealed) => self.loc.write_new(rel, &sealed).await,
            None => self.loc.write_new(rel, bytes).await,
        }
    }

    /// [`Location::stat`], with the length of the content a sealed file holds.
    pub(crate) async fn stat(&self, rel: &str) -> io::Result<Option<Meta>> {
        let meta = self.loc.stat(rel).await?;
        Ok(match (&self.key, meta) {
            (Some(_), Some(m)) => Some(Meta {
                len: m.len.saturating_sub(SEALED_OVERHEAD as u64),
                is_file: m.is_file,
            }),
            _ => meta,
        })
    }
}
