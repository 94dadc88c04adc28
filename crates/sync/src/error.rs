//! The one error type of the sync service. A bad file in the shared folder is *not* an error: it is skipped and
//! reported in the round's [`crate::RoundReport`]. Errors are reserved for what stops a whole round.

use std::path::PathBuf;

use thiserror::Error;

/// Why a sync round (or a folder operation) could not run. Local data is never changed by a failed round
/// beyond what was already committed, and the next round catches up.
#[derive(Debug, Error)]
pub enum SyncError {
    /// The folder does not exist, is not a directory, or cannot be listed (unmounted drive, removed stick).
    #[error("the sync folder {path} is not available: {reason}")]
    FolderUnavailable {
        /// The folder.
        path: PathBuf,
        /// Why, in a few words ("it does not exist (is the drive connected?)").
        reason: String,
    },
    /// A remote location (WebDAV, S3, SFTP) cannot be reached or used: server down, credentials refused,
    /// quota full, timeout. Nothing was lost; the next round tries again.
    #[error("the sync location {location} is not available: {reason}")]
    LocationUnavailable {
        /// The location's URL (never with credentials).
        location: String,
        /// Why, in a few words ("the server refused access (401/403): check the credentials").
        reason: String,
    },
    /// The location's encryption does not fit the round: it is encrypted and no passphrase was given, it is
    /// plain and a passphrase was given, it holds plain files and cannot be encrypted, or its key file went.
    /// Nothing was written.
    #[error("the sync location {location} {reason}")]
    Team {
        /// The location, as shown (never with credentials).
        location: String,
        /// What is wrong and what to do, in a few words.
        reason: String,
    },
    /// The team key file is unreadable, or the passphrase is wrong or too short. Nothing was written.
    #[error(transparent)]
    Crypt(#[from] rapporteur_crypt::CryptError),
    /// Another process (or another round in this process) holds `<data dir>/sync.lock`.
    #[error("another sync round is already running for this data directory (lock {path} is held)")]
    Locked {
        /// The lock file.
        path: PathBuf,
    },
    /// Local I/O outside the shared folder failed, e.g. the lock file could not be created.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The local store refused an operation. The store's transaction was rolled back.
    #[error("local store: {0}")]
    Store(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// A value handed to the sync service was unusable (e.g. a replica id that is not a safe folder name).
    #[error("{0}")]
    Invalid(String),
}

impl SyncError {
    /// Wraps any store error.
    pub fn store(e: impl std::error::Error + Send + Sync + 'static) -> SyncError {
        SyncError::Store(Box::new(e))
    }
}
