//! Putting an export in place: whole or not at all, and only ever as a regular file.

use std::fs;
use std::path::Path;

use rapporteur_core::atomic::{self, IfExists};

use crate::ExportError;

/// What may stand at the path an export is written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Nothing: an existing file is refused with [`ExportError::Exists`] (the CLI without `--force`).
    Never,
    /// Nothing, or a regular file the user may write, which is replaced (a save dialog already asked).
    RegularFile,
}

/// Write `bytes` to `path` so that readers see either the old file or the complete new one, never a part
/// ([`rapporteur_core::atomic::write`]: a temporary file in the same directory, fsync, rename over `path`, then
/// fsync the directory). A FIFO, device, directory, symbolic link or read-only file at `path` is never replaced.
/// On failure the temporary file is removed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    write_file(path, bytes, Replace::RegularFile)
}

/// [`write_atomically`], with what may already stand at `path` said by `replace`.
pub fn write_file(path: &Path, bytes: &[u8], replace: Replace) -> Result<(), ExportError> {
    let err = |source| ExportError::Write {
        path: path.to_owned(),
        source,
    };
    let refuse = |reason: &'static str| ExportError::NotReplaceable {
        path: path.to_owned(),
        reason,
    };
    if let Ok(meta) = fs::symlink_metadata(path) {
        let kind = meta.file_type();
        if kind.is_symlink() {
            return Err(refuse("is a symbolic link"));
        }
        if kind.is_dir() {
            return Err(refuse("is a directory"));
        }
        if !kind.is_file() {
            return Err(refuse("is a special file (a FIFO, device or socket)"));
        }
        if replace == Replace::Never {
            return Err(ExportError::Exists {
                path: path.to_owned(),
            });
        }
        if meta.permissions().readonly() {
            return Err(refuse("is read-only"));
        }
    }
    let if_exists = match replace {
        Replace::Never => IfExists::Fail,
        Replace::RegularFile => IfExists::Replace,
    };
    atomic::write(path, bytes, if_exists).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists if replace == Replace::Never => ExportError::Exists {
            path: path.to_owned(),
        },
        _ => err(e),
    })
}
