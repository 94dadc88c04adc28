//! The one error contract across both faces: every failure becomes `{code, message}`. The code is stable and
//! machine-readable (the UI branches on it); the message is one line a person can act on.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::local::{self, LocalMessage};

/// What kind of failure an [`AppError`] is; stable, so the UI can branch on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    /// The input (a file, a field, a query) broke a rule; the message names where.
    InvalidInput,
    /// An input over a documented size limit.
    TooLarge,
    /// No meeting, document, version or attachment with that id.
    NotFound,
    /// The request would overwrite something (hand-edited text, an existing file); the caller must confirm.
    Conflict,
    /// Reading or writing a file failed.
    Io,
    /// The local database failed.
    Database,
    /// A sync round failed as a whole (the shared folder missing, another round running).
    Sync,
    /// Typesetting or encoding an export failed.
    Export,
    /// A fault of the program itself.
    Internal,
}

/// The only error that crosses IPC and the CLI: a code and a one-line message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[error("{message}")]
#[ts(export)]
pub struct AppError {
    /// What kind of failure.
    pub code: ErrorCode,
    /// One line a person can act on, naming the file, field, line and column where that applies.
    pub message: String,
    /// The same error as a sentence of the interface's catalogue, for the window to show in its own language;
    /// absent for a fault of the program, which is shown as `message` says it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub local: Option<LocalMessage>,
}

impl AppError {
    /// An error of `code` with `message` as it is.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> AppError {
        AppError {
            code,
            message: message.into(),
            local: None,
        }
    }

    /// The same error, with the sentence the window shows for it.
    pub(crate) fn localized(self, local: Option<LocalMessage>) -> AppError {
        AppError { local, ..self }
    }

    /// Errors are shown on one line; a stray newline from a lower layer must not break that, and a lower layer
    /// listing a thousand problems must not make the line a thousand long.
    pub(crate) fn one_line(code: ErrorCode, message: impl std::fmt::Display) -> AppError {
        const MAX_CHARS: usize = 1000;
        let text = message.to_string();
        let mut line = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some((end, _)) = line.char_indices().nth(MAX_CHARS) {
            line.truncate(end);
            line.push('…');
        }
        AppError::new(code, line)
    }
}

impl From<rapporteur_core::CoreError> for AppError {
    fn from(e: rapporteur_core::CoreError) -> Self {
        use rapporteur_core::CoreError as E;
        let code = match &e {
            E::TooLarge { .. } => ErrorCode::TooLarge,
            E::Io { .. } => ErrorCode::Io,
            // Templates can be the user's own override files, so a broken one is bad input, not a bug.
            E::Template(_) | E::Invalid { .. } | E::Rule(_) => ErrorCode::InvalidInput,
        };
        AppError::one_line(code, &e).localized(local::core(&e))
    }
}

impl From<std::io::Error> for AppError {
    fn from(e: std::io::Error) -> Self {
        AppError::one_line(ErrorCode::Io, e)
    }
}
