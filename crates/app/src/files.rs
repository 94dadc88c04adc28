//! Reading a file the user names (a record to import, an attachment, a logo, a document's text) with its size
//! limit held while reading, whatever the path is: a file that grows, a pipe, `/dev/stdin` or `/dev/zero`
//! cannot make us hold more than the limit plus one byte.

use std::io::Read;
use std::path::Path;

use crate::local::{self, LocalMessage, MessageId};
use crate::{AppError, ErrorCode};

/// What a path may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Accept {
    /// A regular file only (attachments and logos keep their file's name and are never streams).
    File,
    /// A regular file or a pipe (`cat record.json | rapporteur import /dev/stdin`).
    FileOrPipe,
}

/// The bytes of `path`, refused with a one-line error naming it when it is not what `accept` allows or holds
/// more than `limit` bytes. `what` finishes "over the N-byte limit for …".
pub(crate) fn read_limited(
    path: &Path,
    accept: Accept,
    limit: u64,
    what: &str,
) -> Result<Vec<u8>, AppError> {
    let name = path.display().to_string();
    let io = |e: std::io::Error| {
        AppError::one_line(ErrorCode::Io, format!("{name}: {e}")).localized(local::io(&name, &e))
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    let kind = meta.file_type();
    if kind.is_dir() {
        return Err(AppError::new(
            ErrorCode::InvalidInput,
            format!("{name}: is a directory, not a file"),
        )
        .localized(Some(LocalMessage::new(
            MessageId::FileIsFolder,
            &[("file", name)],
        ))));
    }
    let pipe_allowed = accept == Accept::FileOrPipe && is_pipe(&kind);
    if !(kind.is_file() || pipe_allowed) {
        let allowed = match accept {
            Accept::File => "a regular file",
            Accept::FileOrPipe => "a regular file or a pipe",
        };
        return Err(AppError::new(
            ErrorCode::InvalidInput,
            format!("{name}: not {allowed}, so it is not read"),
        )
        .localized(Some(LocalMessage::new(
            MessageId::FileNotRegular,
            &[("file", name)],
        ))));
    }
    if kind.is_file() && meta.len() > limit {
        return Err(too_large(&name, Some(meta.len()), limit, what));
    }
    read_bounded(file, limit)
        .map_err(io)?
        .ok_or_else(|| too_large(&name, None, limit, what))
}

/// Everything `source` gives, or `None` once it gives more than `limit` bytes (it is not read further).
pub(crate) fn read_bounded(source: impl Read, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    source
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// `size` is `None` for a stream, which is read no further than the limit.
pub(crate) fn too_large(name: &str, size: Option<u64>, limit: u64, what: &str) -> AppError {
    let message = match size {
        Some(size) => format!("{name}: {size} bytes, over the {limit}-byte limit for {what}"),
        None => format!("{name}: over the {limit}-byte limit for {what} (read no further)"),
    };
    AppError::new(ErrorCode::TooLarge, message).localized(Some(LocalMessage::new(
        MessageId::FileTooLarge,
        &[("file", name.to_owned()), ("limit", limit.to_string())],
    )))
}

#[cfg(unix)]
fn is_pipe(kind: &std::fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt;
    kind.is_fifo()
}

#[cfg(not(unix))]
fn is_pipe(_: &std::fs::FileType) -> bool {
    false
}
