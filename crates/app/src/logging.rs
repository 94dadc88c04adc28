//! Where Rapporteur's log goes: a daily file in the data directory for the desktop app, stderr for the CLI.
//!
//! A user reporting "my colleague's edits never arrived" can send the log: it records sync rounds (files
//! sent, received, skipped and why, timings), identity changes, imports and exports and their errors. It
//! never records note text, document text or credentials: events carry ids, counts, file names and error
//! codes only, which every `tracing` call in the crates keeps to.

use std::path::{Path, PathBuf};

use tracing::Level;
use tracing_appender::rolling::{Builder, Rotation};
use tracing_subscriber::filter::Targets;
use tracing_subscriber::prelude::*;

use crate::error::{AppError, ErrorCode};

/// Log files kept (one per day).
const KEEP_FILES: usize = 14;

/// `<data_dir>/logs`.
pub fn log_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("logs")
}

/// Our crates at `level`, everything else (sqlx, Tauri, WebKit glue) at warnings only.
fn targets(level: Level) -> Targets {
    [
        "rapporteur",
        "rapporteur_app",
        "rapporteur_core",
        "rapporteur_desktop",
        "rapporteur_export",
        "rapporteur_store",
        "rapporteur_sync",
        "rapporteur_cli",
    ]
    .into_iter()
    .fold(Targets::new().with_default(Level::WARN), |t, name| {
        t.with_target(name, level)
    })
}

/// A subscriber writing to `<data_dir>/logs/rapporteur.<date>.log`, rotated daily, the last
/// [`KEEP_FILES`] kept. Writes are synchronous, so nothing logged before a crash is lost.
pub fn file_subscriber(
    data_dir: &Path,
) -> Result<impl tracing::Subscriber + Send + Sync + 'static, AppError> {
    let dir = log_dir(data_dir);
    let appender = Builder::new()
        .rotation(Rotation::DAILY)
        .filename_prefix("rapporteur")
        .filename_suffix("log")
        .max_log_files(KEEP_FILES)
        .build(&dir)
        .map_err(|e| {
            AppError::one_line(
                ErrorCode::Io,
                format!("cannot write the log in {}: {e}", dir.display()),
            )
        })?;
    Ok(tracing_subscriber::registry().with(
        tracing_subscriber::fmt::layer()
            .with_writer(appender)
            .with_ansi(false)
            .with_filter(targets(Level::INFO)),
    ))
}

/// Sends this process's log to the data directory's log file (the desktop app).
pub fn log_to_file(data_dir: &Path) -> Result<(), AppError> {
    let subscriber = file_subscriber(data_dir)?;
    // Already set (a second call in one process): the first one stands.
    let _ = tracing::subscriber::set_global_default(subscriber);
    Ok(())
}

/// Sends this process's log to stderr with `-v` (the CLI): info with one, more with each further one. Without
/// it nothing is logged, so that an error stays the one line the CLI prints.
pub fn log_to_stderr(verbosity: u8) {
    let level = match verbosity {
        0 => return,
        1 => Level::INFO,
        2 => Level::DEBUG,
        _ => Level::TRACE,
    };
    let subscriber = tracing_subscriber::registry().with(
        tracing_subscriber::fmt::layer()
            .with_writer(std::io::stderr)
            .with_filter(targets(level)),
    );
    let _ = tracing::subscriber::set_global_default(subscriber);
}
