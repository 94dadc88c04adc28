//! The crate's one error type. Every message names the meeting, item or field it is about, because the
//! CLI prints it as-is on one line and the UI shows it to a rapporteur who has to act on it.

use thiserror::Error;

/// The result of every fallible store call.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The store's one error type.
#[derive(Debug, Error)]
pub enum StoreError {
    /// A meeting, or an item inside one, does not exist (or was deleted).
    #[error("{kind} {id} not found{}", in_meeting(meeting))]
    NotFound {
        /// What was looked for: "meeting", "intervention", "delegation", "statement", ...
        kind: &'static str,
        /// The id looked for.
        id: String,
        /// The meeting searched, when `kind` is an item inside one.
        meeting: Option<String>,
    },

    /// An edit or a record broke a rule; `field` names the offending field.
    #[error("meeting {meeting}: {field}: {message}")]
    Invalid {
        /// The meeting.
        meeting: String,
        /// Dotted path of the field, e.g. `attendance.groups[1].category`.
        field: String,
        /// What is wrong.
        message: String,
    },

    /// The stored document of a meeting cannot be read back as a meeting record.
    #[error("meeting {meeting}: stored document is unreadable at {field}: {message}")]
    Corrupt {
        /// The meeting.
        meeting: String,
        /// Where in the document.
        field: String,
        /// What is wrong.
        message: String,
    },

    /// Loro refused an operation, or bytes given to it (snapshot, update, version) did not decode.
    #[error("meeting {meeting}: {what}: {message}")]
    Crdt {
        /// The meeting.
        meeting: String,
        /// What was being done.
        what: &'static str,
        /// Loro's message.
        message: String,
    },

    /// A version id given to the history functions is malformed or unknown to this meeting's document.
    #[error("meeting {meeting}: unknown version {version:?}: {message}")]
    BadVersion {
        /// The meeting.
        meeting: String,
        /// The version id given.
        version: String,
        /// Why it is refused.
        message: String,
    },

    /// The database could not be opened or created.
    #[error("database {path}: {source}")]
    Open {
        /// The database file.
        path: String,
        /// sqlx's error.
        #[source]
        source: sqlx::Error,
    },

    /// Bringing the database schema up to date failed.
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),

    /// A query failed.
    #[error("database error while {context}: {source}")]
    Db {
        /// What was being done, e.g. "listing meetings".
        context: String,
        /// sqlx's error.
        #[source]
        source: sqlx::Error,
    },

    /// A stored setting does not read back as the value it should be.
    #[error("setting {key:?}: {source}")]
    Setting {
        /// The setting.
        key: String,
        /// Why it does not read.
        #[source]
        source: serde_json::Error,
    },

    /// Reading or writing a file (an attachment blob) failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },

    /// A file over the attachment size limit.
    #[error("{name}: {size} bytes is over the {limit}-byte limit for attachments")]
    TooLarge {
        /// The file's name.
        name: String,
        /// Its size in bytes.
        size: u64,
        /// The limit ([`crate::MAX_ATTACHMENT_BYTES`]).
        limit: u64,
    },

    /// An attachment's bytes are not on this machine (not arrived through sync yet, or arrived damaged).
    #[error("{}", blob_message(name, *damaged))]
    BlobUnavailable {
        /// The attachment's file name.
        name: String,
        /// The local copy was there but damaged (and has been dropped).
        damaged: bool,
    },

    /// Raised only by the test hook that simulates a crash inside the write path.
    #[error("meeting {meeting}: injected failure at {point:?}")]
    Injected {
        /// The meeting being written.
        meeting: String,
        /// Where the failure was injected.
        point: crate::FailPoint,
    },
}

fn blob_message(name: &str, damaged: bool) -> String {
    if damaged {
        format!(
            "the local copy of attachment {name} was damaged and has been dropped; sync again to fetch it"
        )
    } else {
        format!(
            "attachment {name} has not arrived yet; sync again once a colleague's copy reaches the sync folder"
        )
    }
}

fn in_meeting(meeting: &Option<String>) -> String {
    match meeting {
        Some(m) => format!(" in meeting {m}"),
        None => String::new(),
    }
}

impl StoreError {
    /// A stable, machine-readable code for the UI's `{code, message}` error contract.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::NotFound { .. } => "not_found",
            StoreError::Invalid { .. } => "invalid",
            StoreError::Corrupt { .. } => "corrupt",
            StoreError::Crdt { .. } => "crdt",
            StoreError::BadVersion { .. } => "bad_version",
            StoreError::Open { .. } | StoreError::Migrate(_) | StoreError::Db { .. } => "database",
            StoreError::Setting { .. } => "setting",
            StoreError::Io { .. } => "io",
            StoreError::TooLarge { .. } => "too_large",
            StoreError::BlobUnavailable { damaged: false, .. } => "blob_missing",
            StoreError::BlobUnavailable { damaged: true, .. } => "blob_damaged",
            StoreError::Injected { .. } => "injected",
        }
    }

    pub(crate) fn not_found(kind: &'static str, id: impl Into<String>, meeting: &str) -> Self {
        StoreError::NotFound {
            kind,
            id: id.into(),
            meeting: Some(meeting.to_owned()),
        }
    }

    pub(crate) fn meeting_not_found(id: &str) -> Self {
        StoreError::NotFound {
            kind: "meeting",
            id: id.to_owned(),
            meeting: None,
        }
    }

    pub(crate) fn invalid(
        meeting: &str,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        StoreError::Invalid {
            meeting: meeting.to_owned(),
            field: field.into(),
            message: message.into(),
        }
    }

    pub(crate) fn corrupt(
        meeting: &str,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        StoreError::Corrupt {
            meeting: meeting.to_owned(),
            field: field.into(),
            message: message.into(),
        }
    }

    pub(crate) fn crdt(meeting: &str, what: &'static str, err: impl std::fmt::Display) -> Self {
        StoreError::Crdt {
            meeting: meeting.to_owned(),
            what,
            message: err.to_string(),
        }
    }
}

/// Attach what the store was doing to a database error.
pub(crate) trait DbContext<T> {
    fn ctx(self, context: impl FnOnce() -> String) -> Result<T>;
}

impl<T> DbContext<T> for std::result::Result<T, sqlx::Error> {
    fn ctx(self, context: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|source| StoreError::Db {
            context: context(),
            source,
        })
    }
}
