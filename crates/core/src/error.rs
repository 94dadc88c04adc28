//! The crate's one error type. Every message names where the problem is: the file, the field path, the line and
//! column, so the CLI can print it as it is and the UI can show it beside the field.

use thiserror::Error;

/// Why a record, or a value in one, was refused. Every message names where the problem is.
#[derive(Debug, Error)]
pub enum CoreError {
    /// The input broke a rule of the interchange format: `file: path: message at line L column C`.
    #[error("{file}: {path}: {message}{}", location(*line, *column))]
    Invalid {
        /// The file (or "stdin", or the name the caller gave the input).
        file: String,
        /// Dotted path of the offending field, e.g. `interventions[3].speaker.delegation`; `.` for the root.
        path: String,
        /// What is wrong there.
        message: String,
        /// The line, from 1; 0 when the error has no place in the text.
        line: usize,
        /// The column, from 1.
        column: usize,
    },
    /// A record file over the size limit, refused before it is read.
    #[error("{file}: file is {size} bytes, over the {limit}-byte limit for a meeting record")]
    TooLarge {
        /// The file.
        file: String,
        /// Its size in bytes.
        size: u64,
        /// The limit ([`crate::MAX_RECORD_BYTES`]).
        limit: u64,
    },
    /// A value broke a rule of the record (a date, a time, a code), outside any file.
    #[error("{0}")]
    Rule(String),
    /// A summary template failed to load or render.
    #[error("template error: {0}")]
    Template(String),
    /// A file the caller pointed us at could not be read.
    #[error("{path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
}

fn location(line: usize, column: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(" at line {line} column {column}")
    }
}
