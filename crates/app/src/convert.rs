//! Translations at the facade's edges: each crate's error into the `{code, message}` contract, and the faces'
//! export options into the exporter's request.

use rapporteur_core::DocumentKind;
use rapporteur_export::{
    CsvTable, DocSelector, ExportError, ExportRequest, Letterhead, PrivateNotes,
};
use rapporteur_store::{MeetingNotes, StoreError};
use rapporteur_sync::SyncError;

use crate::{AppError, ErrorCode, ExportOptions, Table};

/// `notes` are the meeting's private notes when the options ask to include them.
pub(crate) fn export_request(
    o: &ExportOptions,
    letterhead: Letterhead,
    notes: Option<MeetingNotes>,
) -> ExportRequest {
    ExportRequest {
        format: o.format,
        doc: match o.kind {
            DocumentKind::Summary => DocSelector::Summary,
            DocumentKind::Statement => DocSelector::Statement(o.index as usize),
        },
        lang: o.lang,
        annex: o.annex,
        letterhead,
        csv_table: match o.table {
            Some(Table::Actions) => CsvTable::Actions,
            Some(Table::Participants) => CsvTable::Participants,
            Some(Table::Attendance) | None => CsvTable::Attendance,
        },
        masthead: o.masthead,
        private_notes: notes.map(|n| PrivateNotes {
            meeting: n.meeting,
            interventions: n.interventions,
        }),
    }
}

// No wildcard arms below: a new error variant in a crate must be given its code here.
impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        let code = match &e {
            StoreError::NotFound { .. } => ErrorCode::NotFound,
            StoreError::Invalid { .. }
            | StoreError::BadVersion { .. }
            | StoreError::Setting { .. } => ErrorCode::InvalidInput,
            StoreError::Io { .. } => ErrorCode::Io,
            StoreError::TooLarge { .. } => ErrorCode::TooLarge,
            StoreError::BlobUnavailable { .. } => ErrorCode::NotFound,
            StoreError::Crdt { .. }
            | StoreError::Corrupt { .. }
            | StoreError::Open { .. }
            | StoreError::Migrate(_)
            | StoreError::Db { .. }
            | StoreError::Injected { .. } => ErrorCode::Database,
        };
        AppError::one_line(code, &e).localized(crate::local::store(&e))
    }
}

impl From<SyncError> for AppError {
    fn from(e: SyncError) -> Self {
        let code = match &e {
            SyncError::Io { .. } => ErrorCode::Io,
            SyncError::Invalid(_) | SyncError::Crypt(_) => ErrorCode::InvalidInput,
            SyncError::FolderUnavailable { .. }
            | SyncError::LocationUnavailable { .. }
            | SyncError::Locked { .. }
            | SyncError::Team { .. }
            | SyncError::Store(_) => ErrorCode::Sync,
        };
        AppError::one_line(code, &e).localized(crate::local::sync(&e))
    }
}

impl From<ExportError> for AppError {
    fn from(e: ExportError) -> Self {
        let code = match &e {
            ExportError::TooLarge { .. } => ErrorCode::TooLarge,
            ExportError::BadImage(_)
            | ExportError::Masthead(_)
            | ExportError::UnknownFormat(_)
            | ExportError::Review { .. } => ErrorCode::InvalidInput,
            ExportError::NoSuchDocument(_) => ErrorCode::NotFound,
            ExportError::Write { .. } => ErrorCode::Io,
            ExportError::Exists { .. } => ErrorCode::Conflict,
            ExportError::NotReplaceable { .. } => ErrorCode::InvalidInput,
            ExportError::Typeset(_) | ExportError::Encode { .. } => ErrorCode::Export,
        };
        AppError::one_line(code, &e).localized(crate::local::export(&e))
    }
}
