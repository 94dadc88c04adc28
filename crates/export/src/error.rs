use std::path::PathBuf;

use thiserror::Error;

/// Why an export was refused or failed. Every message is one line a user can act on.
#[derive(Debug, Error)]
pub enum ExportError {
    /// A document over [`crate::MAX_DOCUMENT_BYTES`], refused before typesetting.
    #[error(
        "the document is too large to export: {size} bytes of text, over the {limit}-byte limit"
    )]
    TooLarge {
        /// Its size in bytes.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The letterhead logo is not an image we can place (format, size, or an SVG that refers elsewhere).
    #[error("the letterhead logo is not a usable image: {0}")]
    BadImage(String),
    /// "statement 5 not found": counted from 0, as everywhere else a statement is named by its index.
    #[error("{0} not found")]
    NoSuchDocument(String),
    /// A masthead the request cannot have: "the UN masthead needs the meeting's document symbol".
    #[error("the UN masthead {0}")]
    Masthead(&'static str),
    /// A format name that is none of ours.
    #[error("unknown export format {0:?}: expected pdf, docx, md, html, csv or ics")]
    UnknownFormat(String),
    /// The typesetter refused our generated markup. Always a bug here: user text never reaches it as markup.
    #[error("typesetting failed: {0}")]
    Typeset(String),
    /// Packing the file (DOCX, CSV) failed.
    #[error("could not build the {format} file: {message}")]
    Encode {
        /// The format, e.g. `docx`.
        format: &'static str,
        /// What went wrong.
        message: String,
    },
    /// Something other than a regular file the user may write stands at the output path.
    #[error("{}: {reason}; an export never replaces it", path.display())]
    NotReplaceable {
        /// The output path.
        path: PathBuf,
        /// What stands there, e.g. "is a symbolic link".
        reason: &'static str,
    },
    /// A reviewed DOCX that cannot be read back: not a DOCX, damaged, or over a limit.
    #[error("{origin}: cannot read the reviewed document: {reason}")]
    Review {
        /// The file, as the user knows it.
        origin: String,
        /// What is wrong, in a few words.
        reason: String,
    },
    /// A file stands at the output path and the caller did not allow replacing it.
    #[error("{} already exists", path.display())]
    Exists {
        /// The output path.
        path: PathBuf,
    },
    /// Writing the file failed (the directory is missing or read-only, the drive is full).
    #[error("could not write {}: {source}", path.display())]
    Write {
        /// The output path.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
}
