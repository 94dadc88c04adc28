//! Errors in the reader's language. The CLI prints an error's English `message` as it is; the window shows
//! the same error in its interface language, which the backend does not know and should not have to. So each
//! error also carries *which* sentence it is ([`MessageId`]) and the values that sentence names; the window
//! formats that through its own message catalogue (one Fluent message per id, in six languages).
//!
//! Values a lower layer wrote in words (the operating system's reason, a JSON parser's complaint, a server's
//! answer) travel as the `detail` value, as written: they are quoted, not translated.

use std::collections::BTreeMap;
use std::path::Path;

use rapporteur_core::CoreError;
use rapporteur_crypt::CryptError;
use rapporteur_export::ExportError;
use rapporteur_store::StoreError;
use rapporteur_sync::SyncError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which sentence of the interface's catalogue says what went wrong (`error-<id>` in kebab case there).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MessageId {
    /// A record file broke a rule: `file`, `field`, `detail`.
    RecordInvalid,
    /// A record file broke a rule at a place: `file`, `field`, `detail`, `line`, `column`.
    RecordInvalidAt,
    /// A record file over the size limit: `file`, `size`, `limit` (bytes).
    RecordTooLarge,
    /// A value broke a rule of the record: `detail`.
    ValueRefused,
    /// A summary template failed: `detail`.
    TemplateFailed,
    /// A file could not be read or written: `file`, `detail`.
    FileUnreadable,
    /// Nothing of that kind with that id: `kind` (meeting, statement, attachment, intervention), `id`.
    NotFound,
    /// As [`MessageId::NotFound`], in a meeting: `kind`, `id`, `meeting`.
    NotFoundInMeeting,
    /// A field of a meeting was refused: `meeting`, `field`, `detail`.
    FieldInvalid,
    /// A stored document could not be read: `meeting`, `field`, `detail`.
    StoredUnreadable,
    /// Merging a meeting's changes failed: `meeting`, `detail`.
    MergeFailed,
    /// A version that does not exist was asked for: `meeting`, `version`.
    UnknownVersion,
    /// The database could not be opened: `file`, `detail`.
    DatabaseUnavailable,
    /// The database failed: `detail`.
    DatabaseFailed,
    /// A stored setting could not be read: `key`, `detail`.
    SettingInvalid,
    /// An attachment over the limit: `name`, `size`, `limit` (bytes).
    AttachmentTooLarge,
    /// An attachment's bytes have not arrived yet: `name`.
    AttachmentMissing,
    /// An attachment's local copy was damaged and dropped: `name`.
    AttachmentDamaged,
    /// The sync folder is not available: `location`, `detail`.
    SyncFolderUnavailable,
    /// The sync location is not available: `location`, `detail`.
    SyncLocationUnavailable,
    /// The sync location's team encryption refused the round: `location`, `detail`.
    SyncLocationRefused,
    /// Another sync round is running for this data directory.
    SyncBusy,
    /// A sync round failed: `detail`.
    SyncFailed,
    /// The sync URL typed in Settings was refused: `detail`.
    SyncUrlRefused,
    /// What was typed as a sync URL is not one: `url`.
    SyncUrlNotUrl,
    /// The team key file is not usable: `file`, `detail`.
    KeyFileInvalid,
    /// The team passphrase is wrong, or the key file was altered: `file`.
    PassphraseWrong,
    /// The team passphrase is too short: `min` characters at least.
    PassphraseShort,
    /// An encrypted file cannot be opened.
    FileSealed,
    /// A document too large to export: `size`, `limit` (bytes).
    ExportTooLarge,
    /// The letterhead logo is not a usable image: `detail`.
    LogoUnusable,
    /// The document to export does not exist: `detail` names it.
    DocumentNotFound,
    /// The UN masthead cannot be printed: `detail`.
    MastheadRefused,
    /// An export format that does not exist: `format`.
    FormatUnknown,
    /// Typesetting failed: `detail`.
    TypesettingFailed,
    /// Building an export file failed: `format`, `detail`.
    EncodingFailed,
    /// An export would replace something it must not: `file`, `detail`.
    NotReplaceable,
    /// A reviewed document cannot be read: `file`, `detail`.
    ReviewUnreadable,
    /// The file already exists: `file`.
    FileExists,
    /// A file could not be written: `file`, `detail`.
    WriteFailed,
    /// A file over a size limit: `file`, `limit` (bytes).
    FileTooLarge,
    /// A folder was given where a file is read: `file`.
    FileIsFolder,
    /// Neither a regular file nor an accepted pipe (a device, a socket): `file`.
    FileNotRegular,
    /// A text file that is not UTF-8: `file`, `byte` (where the first bad byte is).
    FileNotUtf8,
    /// "Sync now" or saving credentials with no sync location chosen.
    SyncLocationMissing,
    /// A sync interval under the minimum: `min` (seconds).
    SyncIntervalShort,
}

/// An error as a sentence of the catalogue and the values it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LocalMessage {
    /// The sentence.
    pub id: MessageId,
    /// Its values by name (`file`, `line`, `detail`, …), already as text.
    pub args: BTreeMap<String, String>,
}

impl LocalMessage {
    pub(crate) fn new(id: MessageId, args: &[(&str, String)]) -> LocalMessage {
        LocalMessage {
            id,
            args: args
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        }
    }
}

/// A read or write of `file` that failed with `e`.
pub(crate) fn io(file: &str, e: &std::io::Error) -> Option<LocalMessage> {
    Some(LocalMessage::new(
        M::FileUnreadable,
        &[("file", file.to_owned()), ("detail", e.to_string())],
    ))
}

fn path(p: &Path) -> String {
    p.display().to_string()
}

use MessageId as M;

// No wildcard arms below: a new error variant must be given its sentence here (or `None` for a fault of the
// program, which the window shows as it is).

pub(crate) fn core(e: &CoreError) -> Option<LocalMessage> {
    Some(match e {
        CoreError::Invalid {
            file,
            path,
            message,
            line: 0,
            ..
        } => LocalMessage::new(
            M::RecordInvalid,
            &[
                ("file", file.clone()),
                ("field", path.clone()),
                ("detail", message.clone()),
            ],
        ),
        CoreError::Invalid {
            file,
            path,
            message,
            line,
            column,
        } => LocalMessage::new(
            M::RecordInvalidAt,
            &[
                ("file", file.clone()),
                ("field", path.clone()),
                ("detail", message.clone()),
                ("line", line.to_string()),
                ("column", column.to_string()),
            ],
        ),
        CoreError::TooLarge { file, size, limit } => LocalMessage::new(
            M::RecordTooLarge,
            &[
                ("file", file.clone()),
                ("size", size.to_string()),
                ("limit", limit.to_string()),
            ],
        ),
        CoreError::Rule(detail) => {
            LocalMessage::new(M::ValueRefused, &[("detail", detail.clone())])
        }
        CoreError::Template(detail) => {
            LocalMessage::new(M::TemplateFailed, &[("detail", detail.clone())])
        }
        CoreError::Io { path, message } => LocalMessage::new(
            M::FileUnreadable,
            &[("file", path.clone()), ("detail", message.clone())],
        ),
    })
}

pub(crate) fn store(e: &StoreError) -> Option<LocalMessage> {
    Some(match e {
        StoreError::NotFound {
            kind,
            id,
            meeting: None,
        } => LocalMessage::new(
            M::NotFound,
            &[("kind", (*kind).to_owned()), ("id", id.clone())],
        ),
        StoreError::NotFound {
            kind,
            id,
            meeting: Some(meeting),
        } => LocalMessage::new(
            M::NotFoundInMeeting,
            &[
                ("kind", (*kind).to_owned()),
                ("id", id.clone()),
                ("meeting", meeting.clone()),
            ],
        ),
        StoreError::Invalid {
            meeting,
            field,
            message,
        } => LocalMessage::new(
            M::FieldInvalid,
            &[
                ("meeting", meeting.clone()),
                ("field", field.clone()),
                ("detail", message.clone()),
            ],
        ),
        StoreError::Corrupt {
            meeting,
            field,
            message,
        } => LocalMessage::new(
            M::StoredUnreadable,
            &[
                ("meeting", meeting.clone()),
                ("field", field.clone()),
                ("detail", message.clone()),
            ],
        ),
        StoreError::Crdt {
            meeting, message, ..
        } => LocalMessage::new(
            M::MergeFailed,
            &[("meeting", meeting.clone()), ("detail", message.clone())],
        ),
        StoreError::BadVersion {
            meeting, version, ..
        } => LocalMessage::new(
            M::UnknownVersion,
            &[("meeting", meeting.clone()), ("version", version.clone())],
        ),
        StoreError::Open { path, source } => LocalMessage::new(
            M::DatabaseUnavailable,
            &[("file", path.clone()), ("detail", source.to_string())],
        ),
        StoreError::Migrate(source) => {
            LocalMessage::new(M::DatabaseFailed, &[("detail", source.to_string())])
        }
        StoreError::Db { source, .. } => {
            LocalMessage::new(M::DatabaseFailed, &[("detail", source.to_string())])
        }
        StoreError::Setting { key, source } => LocalMessage::new(
            M::SettingInvalid,
            &[("key", key.clone()), ("detail", source.to_string())],
        ),
        StoreError::Io { path, source } => LocalMessage::new(
            M::FileUnreadable,
            &[("file", path.clone()), ("detail", source.to_string())],
        ),
        StoreError::TooLarge { name, size, limit } => LocalMessage::new(
            M::AttachmentTooLarge,
            &[
                ("name", name.clone()),
                ("size", size.to_string()),
                ("limit", limit.to_string()),
            ],
        ),
        StoreError::BlobUnavailable {
            name,
            damaged: false,
        } => LocalMessage::new(M::AttachmentMissing, &[("name", name.clone())]),
        StoreError::BlobUnavailable {
            name,
            damaged: true,
        } => LocalMessage::new(M::AttachmentDamaged, &[("name", name.clone())]),
        StoreError::Injected { .. } => return None,
    })
}

pub(crate) fn sync(e: &SyncError) -> Option<LocalMessage> {
    Some(match e {
        SyncError::FolderUnavailable { path: p, reason } => LocalMessage::new(
            M::SyncFolderUnavailable,
            &[("location", path(p)), ("detail", reason.clone())],
        ),
        SyncError::LocationUnavailable { location, reason } => LocalMessage::new(
            M::SyncLocationUnavailable,
            &[("location", location.clone()), ("detail", reason.clone())],
        ),
        SyncError::Team { location, reason } => LocalMessage::new(
            M::SyncLocationRefused,
            &[("location", location.clone()), ("detail", reason.clone())],
        ),
        SyncError::Crypt(e) => return crypt(e),
        SyncError::Locked { .. } => LocalMessage::new(M::SyncBusy, &[]),
        SyncError::Io { path: p, source } => LocalMessage::new(
            M::FileUnreadable,
            &[("file", path(p)), ("detail", source.to_string())],
        ),
        SyncError::Store(source) => {
            LocalMessage::new(M::SyncFailed, &[("detail", source.to_string())])
        }
        SyncError::Invalid(detail) => {
            LocalMessage::new(M::SyncFailed, &[("detail", detail.clone())])
        }
    })
}

pub(crate) fn crypt(e: &CryptError) -> Option<LocalMessage> {
    Some(match e {
        CryptError::KeyFile { origin, reason } => LocalMessage::new(
            M::KeyFileInvalid,
            &[("file", origin.clone()), ("detail", reason.clone())],
        ),
        CryptError::WrongPassphrase { origin } => {
            LocalMessage::new(M::PassphraseWrong, &[("file", origin.clone())])
        }
        CryptError::WeakPassphrase { min } => {
            LocalMessage::new(M::PassphraseShort, &[("min", min.to_string())])
        }
        CryptError::Unreadable => LocalMessage::new(M::FileSealed, &[]),
    })
}

pub(crate) fn export(e: &ExportError) -> Option<LocalMessage> {
    Some(match e {
        ExportError::TooLarge { size, limit } => LocalMessage::new(
            M::ExportTooLarge,
            &[("size", size.to_string()), ("limit", limit.to_string())],
        ),
        ExportError::BadImage(detail) => {
            LocalMessage::new(M::LogoUnusable, &[("detail", detail.clone())])
        }
        ExportError::NoSuchDocument(what) => {
            LocalMessage::new(M::DocumentNotFound, &[("detail", what.clone())])
        }
        ExportError::Masthead(detail) => {
            LocalMessage::new(M::MastheadRefused, &[("detail", (*detail).to_owned())])
        }
        ExportError::UnknownFormat(format) => {
            LocalMessage::new(M::FormatUnknown, &[("format", format.clone())])
        }
        ExportError::Typeset(detail) => {
            LocalMessage::new(M::TypesettingFailed, &[("detail", detail.clone())])
        }
        ExportError::Encode { format, message } => LocalMessage::new(
            M::EncodingFailed,
            &[
                ("format", (*format).to_owned()),
                ("detail", message.clone()),
            ],
        ),
        ExportError::NotReplaceable { path: p, reason } => LocalMessage::new(
            M::NotReplaceable,
            &[("file", path(p)), ("detail", (*reason).to_owned())],
        ),
        ExportError::Review { origin, reason } => LocalMessage::new(
            M::ReviewUnreadable,
            &[("file", origin.clone()), ("detail", reason.clone())],
        ),
        ExportError::Exists { path: p } => LocalMessage::new(M::FileExists, &[("file", path(p))]),
        ExportError::Write { path: p, source } => LocalMessage::new(
            M::WriteFailed,
            &[("file", path(p)), ("detail", source.to_string())],
        ),
    })
}
