//! Putting an export in place: whole or not at all, and only ever as a regular file.

use std::fs::{self, File};
use std::io::Write as _;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::ExportError;

/// What may stand at the path an export is written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Nothing: an existing file is refused with [`ExportError::Exists`] (the CLI without `--force`).
    Never,
    /// Nothing, or a regular file the user may write, which is replaced (a save dialog already asked).
    RegularFile,
}

/// Write `bytes` to `path` so that readers see either the old file or the complete new one, never a part:
/// a temporary file in the same directory, fsync, rename over `path`, then fsync the directory. A FIFO, device,
/// directory, symbolic link or read-only file at `path` is never replaced. On failure the temporary file is
/// removed.
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
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| err(std::io::Error::other("not a file path")))?;
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let tmp = dir.join(format!(
        ".{}.{}-{}.tmp",
        name.to_string_lossy(),
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut f = File::create_new(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        match replace {
            Replace::RegularFile => fs::rename(&tmp, path)?,
            // A hard link never replaces what appeared at `path` since the check above; where the file system
            // has no hard links, the check has to do.
            Replace::Never => match fs::hard_link(&tmp, path) {
                Ok(()) => fs::remove_file(&tmp)?,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(e),
                Err(_) if fs::symlink_metadata(path).is_ok() => {
                    return Err(std::io::ErrorKind::AlreadyExists.into());
                }
                Err(_) => fs::rename(&tmp, path)?,
            },
        }
        // Make the rename itself durable where the platform allows opening a directory.
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists if replace == Replace::Never => ExportError::Exists {
            path: path.to_owned(),
        },
        _ => err(e),
    })
}
