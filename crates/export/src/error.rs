use std::path::PathBuf;

use thiserror::Error;

/// Why an export was refused or failed. Every message is one line a user can act on.
#[derive(Debug, Error)]
pub enum ExportError {
    #[error(
        "the document is too large to export: {size} bytes of text, over the {limit}-byte limit"
    )]
    TooLarge { size: usize, limit: usize },
    #[error("the letterhead logo is not a usable image: {0}")]
    BadImage(String),
    /// "statement 5 not found": counted from 0, as everywhere else a statement is named by its index.
    #[error("{0} not found")]
    NoSuchDocument(String),
    #[error("unknown export format {0:?}: expected pdf, docx, md, html, csv or ics")]
    UnknownFormat(String),
    /// The typesetter refused our generated markup. Always a bug here: user text never reaches it as markup.
    #[error("typesetting failed: {0}")]
    Typeset(String),
    #[error("could not build the {format} file: {message}")]
    Encode {
        format: &'static str,
        message: String,
    },
    /// Something other than a regular file the user may write stands at the output path.
    #[error("{}: {reason}; an export never replaces it", path.display())]
    NotReplaceable { path: PathBuf, reason: &'static str },
    /// A file stands at the output path and the caller did not allow replacing it.
    #[error("{} already exists", path.display())]
    Exists { path: PathBuf },
    #[error("could not write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}
