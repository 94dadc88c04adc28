use thiserror::Error;

/// Why a record, or a value in one, was refused. Every message names where the problem is.
#[derive(Debug, Error)]
pub enum CoreError {
    /// The input broke a rule of the interchange format: `file: path: message at line L column C`.
    #[error("{file}: {path}: {message}{}", location(*line, *column))]
    Invalid {
        file: String,
        /// Dotted path of the offending field, e.g. `interventions[3].speaker.delegation`; `.` for the root.
        path: String,
        message: String,
        line: usize,
        column: usize,
    },
    #[error("{file}: file is {size} bytes, over the {limit}-byte limit for a meeting record")]
    TooLarge { file: String, size: u64, limit: u64 },
    #[error("{0}")]
    Rule(String),
    #[error("template error: {0}")]
    Template(String),
    /// A file the caller pointed us at could not be read.
    #[error("{path}: {message}")]
    Io { path: String, message: String },
}

fn location(line: usize, column: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(" at line {line} column {column}")
    }
}
