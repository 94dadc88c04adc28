//! Writing a file whole or not at all: the one implementation the store (attachment blobs), the sync service
//! (files in the shared folder) and the exporters (files the user saves) share, so a fix to it reaches all three.
//!
//! The bytes go to a temporary file in the target's own directory (a rename is atomic only within one file
//! system), which is fsynced, then renamed or hard-linked into place, and the directory is fsynced so that the
//! new name survives a crash too. A reader sees the old file (or none) or the complete new one, never a part.

use std::fs::{self, File};
use std::io::{self, Write as _};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

/// How every temporary file's name starts, so that a folder's owner can recognise and remove the leftovers of
/// a write a crash interrupted, and readers of a shared folder can ignore them.
pub const TMP_PREFIX: &str = ".tmp-";

/// What [`write`] does when a file already stands at the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfExists {
    /// Replace it, atomically.
    Replace,
    /// Keep it and fail with [`io::ErrorKind::AlreadyExists`], even when it appears while the bytes are being
    /// written: the file is put in place by a hard link, which never replaces anything.
    Fail,
}

static NEXT: AtomicU64 = AtomicU64::new(0);

/// Write `bytes` to `path` whole or not at all (see the module docs). On failure the temporary file is removed.
/// An error from fsyncing the directory is returned, except where the platform cannot fsync a directory.
pub fn write(path: &Path, bytes: &[u8], if_exists: IfExists) -> io::Result<()> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file path"))?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let (tmp, mut file) = create_temporary(dir, &name.to_string_lossy())?;
    let result = (|| {
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        match if_exists {
            IfExists::Replace => fs::rename(&tmp, path)?,
            IfExists::Fail => match fs::hard_link(&tmp, path) {
                Ok(()) => fs::remove_file(&tmp)?,
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(e),
                Err(_) if fs::symlink_metadata(path).is_ok() => {
                    return Err(io::ErrorKind::AlreadyExists.into());
                }
                // A file system without hard links: the caller's check that nothing is there has to do.
                Err(_) => fs::rename(&tmp, path)?,
            },
        }
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// A new temporary file in `dir` for a write to `name`. The name is unique within this process; one left by a
/// crashed process that had the same id is stepped over rather than opened, since `create_new` never follows a
/// link or truncates what is there.
fn create_temporary(dir: &Path, name: &str) -> io::Result<(std::path::PathBuf, File)> {
    let mut tries = 0;
    loop {
        let tmp = dir.join(format!(
            "{TMP_PREFIX}{name}-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        match File::create_new(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && tries < 100 => tries += 1,
            Err(e) => return Err(e),
        }
    }
}

/// Make a rename (or a removal) in `dir` durable. Where the platform cannot open or fsync a directory, a rename
/// is already durable and this does nothing; any other failure is returned.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    match File::open(dir) {
        Ok(d) => d.sync_all().or_else(|e| match e.kind() {
            io::ErrorKind::InvalidInput | io::ErrorKind::PermissionDenied => Ok(()),
            _ => Err(e),
        }),
        Err(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn replace_writes_and_replaces_leaving_no_temporary() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let path = dir.join("a.bin");
        write(&path, b"one", IfExists::Replace).unwrap();
        write(&path, b"two", IfExists::Replace).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(names(dir), ["a.bin"]);
    }

    #[test]
    fn fail_keeps_an_existing_file() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let path = dir.join("a.txt");
        write(&path, b"first", IfExists::Fail).unwrap();
        let e = write(&path, b"second", IfExists::Fail).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"first");
        assert_eq!(names(dir), ["a.txt"], "no temporary file left");
    }

    #[test]
    fn a_leftover_temporary_with_the_next_name_is_stepped_over_and_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let next = NEXT.load(Ordering::Relaxed);
        // Other tests may take names meanwhile; plant the next few so that one of them is met.
        for n in next..next + 32 {
            let stale = format!("{TMP_PREFIX}b-{}-{n}", std::process::id());
            fs::write(dir.join(stale), b"left by a crash").unwrap();
        }
        write(&dir.join("b"), b"new", IfExists::Replace).unwrap();
        assert_eq!(fs::read(dir.join("b")).unwrap(), b"new");
        let left = names(dir);
        assert_eq!(left.len(), 33, "the leftovers are not touched: {left:?}");
        for n in &left {
            if n.starts_with(TMP_PREFIX) {
                assert_eq!(fs::read(dir.join(n)).unwrap(), b"left by a crash");
            }
        }
    }

    #[test]
    fn a_missing_directory_fails_and_creates_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let e = write(&dir.join("no/such/x"), b"x", IfExists::Replace).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::NotFound);
        assert!(names(dir).is_empty());
    }

    #[test]
    fn a_path_without_a_file_name_is_refused() {
        let e = write(Path::new("/"), b"x", IfExists::Replace).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
    }

    #[test]
    fn a_failed_rename_removes_the_temporary() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        // Renaming a file over a non-empty directory fails on every platform.
        fs::create_dir_all(dir.join("d/inside")).unwrap();
        assert!(write(&dir.join("d"), b"x", IfExists::Replace).is_err());
        assert_eq!(names(dir), ["d"]);
    }
}
