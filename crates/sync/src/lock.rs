//! One sync round per data directory at a time, across processes (the desktop app and the CLI) and within
//! one: an OS advisory lock on `<data dir>/sync.lock`. The OS drops it when the holder exits, even by
//! `kill -9`, so a crash never leaves a stale lock behind. A round waits up to [`crate::LOCK_PATIENCE`] for it.
//! (std's `File::try_lock` is the same `flock`/`LockFileEx` call the `fs4` crate wraps, so no dependency is
//! needed.)

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::error::SyncError;

/// Held for the duration of a round; released on drop.
#[derive(Debug)]
pub struct SyncLock {
    _file: File,
    path: PathBuf,
}

impl SyncLock {
    /// Takes the lock without waiting. [`SyncError::Locked`] if another round holds it.
    pub fn try_acquire(data_dir: &Path) -> Result<SyncLock, SyncError> {
        let path = data_dir.join("sync.lock");
        let io = |source| SyncError::Io {
            path: path.clone(),
            source,
        };
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => Ok(SyncLock { _file: file, path }),
            Err(TryLockError::WouldBlock) => Err(SyncError::Locked { path }),
            Err(TryLockError::Error(e)) => Err(io(e)),
        }
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_holder_is_refused_until_the_first_drops() {
        let dir = tempfile::tempdir().unwrap();
        let first = SyncLock::try_acquire(dir.path()).unwrap();
        assert!(matches!(
            SyncLock::try_acquire(dir.path()),
            Err(SyncError::Locked { .. })
        ));
        drop(first);
        SyncLock::try_acquire(dir.path()).unwrap();
    }
}
