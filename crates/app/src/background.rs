//! Sync in the background, and the status the app's indicator shows.
//!
//! The desktop app syncs with the location in the settings (the URL in [`Settings::sync_url`](crate::Settings),
//! else the folder in `sync_folder`; see `sync_location.rs`) every `sync_interval_secs`, and on demand, with
//! the credentials and team passphrase saved for it. Both paths go through one guarded round, so a manual "sync now" while a
//! background round runs waits for it instead of failing on the data directory's lock. What the last round did
//! (sent, received, skipped files and why, replicas seen) and what is running now (with its progress) are kept
//! in memory for the UI to poll: polling keeps the shell free of event plumbing, and a snapshot is a mutex read.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use rapporteur_sync::{Progress, RoundReport};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::local::{LocalMessage, MessageId};
use crate::sync_to::Encryption;
use crate::{App, AppError, ErrorCode};

/// What the sync indicator shows. Times are this machine's clock, in milliseconds since the Unix epoch; they
/// are for display only (sync itself never trusts clocks).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SyncStatus {
    /// The sync location from the settings (the URL, else the folder); `None` means background sync is off.
    /// The last round's report and error below are this location's: changing it starts over.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub folder: Option<String>,
    /// Seconds between background rounds, from the settings.
    pub interval_secs: u32,
    /// A round is running now.
    pub running: bool,
    /// How far the running round has got, for long first syncs.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub progress: Option<Progress>,
    /// When the last round ended, whether it worked or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub last_finished_at: Option<i64>,
    /// When a round last completed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub last_ok_at: Option<i64>,
    /// The last completed round: replicas seen, files skipped and why, partial failures.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub last_report: Option<RoundReport>,
    /// Why the last round failed (folder missing, unmounted…); cleared by the next round that completes.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub last_error: Option<AppError>,
    /// The location the last round ran with (the one `last_report` and `last_error` are about).
    #[serde(skip)]
    #[ts(skip)]
    pub last_location: Option<String>,
    /// Grows each time a round applies changes from other replicas: the UI reloads what it shows when it does.
    #[ts(type = "number")]
    pub changes_applied: u64,
}

/// The facade's share of the sync state: the status snapshot, and the guard that makes rounds one at a time.
#[derive(Debug, Default)]
pub(crate) struct SyncTracker {
    status: Mutex<SyncStatus>,
    round: tokio::sync::Mutex<()>,
    /// When the background loop last started a round, and with which location.
    last_attempt: Mutex<Option<(Instant, String)>>,
}

impl SyncTracker {
    fn status(&self) -> MutexGuard<'_, SyncStatus> {
        // A panic while holding this lock cannot leave the snapshot inconsistent in a way that matters.
        self.status.lock().unwrap_or_else(|p| p.into_inner())
    }
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

impl App {
    /// One round with the location in the settings, now; what the "Sync now" button does.
    pub async fn sync_now(&self) -> Result<RoundReport, AppError> {
        let to = self.sync_location().await?.ok_or_else(|| {
            AppError::new(
                ErrorCode::InvalidInput,
                "settings: field `sync_folder`: choose a sync folder first",
            )
            .localized(Some(LocalMessage::new(MessageId::SyncLocationMissing, &[])))
        })?;
        self.tracked_round(&to).await
    }

    /// The sync indicator's snapshot.
    pub async fn sync_status(&self) -> Result<SyncStatus, AppError> {
        let settings = self.settings().await?;
        let mut status = self.sync_tracker.status().clone();
        status.folder = settings.sync_url.or(settings.sync_folder);
        status.interval_secs = settings.sync_interval_secs;
        Ok(status)
    }

    /// Runs for as long as the app: every second, start a round if one is due. A round is due when a folder is
    /// set and either `sync_interval_secs` have passed since the last one started or the folder has changed.
    /// Failures are recorded in the status, never raised: the next round simply tries again.
    pub async fn background_sync(self) {
        loop {
            if let Some(to) = self.due_location().await {
                let _ = self.tracked_round(&to).await;
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }

    async fn due_location(&self) -> Option<String> {
        let settings = match self.settings().await {
            Ok(s) => s,
            Err(e) => {
                tracing::warn!(code = ?e.code, "cannot read the settings; no sync round this time");
                return None;
            }
        };
        let folder = settings.sync_url.or(settings.sync_folder)?;
        let interval = Duration::from_secs(settings.sync_interval_secs.into());
        let mut last = self
            .sync_tracker
            .last_attempt
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        let due = match &*last {
            None => true,
            Some((at, previous)) => *previous != folder || at.elapsed() >= interval,
        };
        if due {
            *last = Some((Instant::now(), folder.clone()));
            Some(folder)
        } else {
            None
        }
    }

    /// A round that keeps the status current: running, its progress, then its report or its error.
    async fn tracked_round(&self, to: &str) -> Result<RoundReport, AppError> {
        let tracker = Arc::clone(&self.sync_tracker);
        let _one_at_a_time = tracker.round.lock().await;
        {
            let mut s = tracker.status();
            if s.last_location.as_deref() != Some(to) {
                // Another location's last round says nothing about this one.
                s.last_report = None;
                s.last_error = None;
                s.last_ok_at = None;
                s.last_finished_at = None;
                s.last_location = Some(to.to_owned());
            }
            s.running = true;
            s.progress = None;
        }
        let progress_tracker = Arc::clone(&tracker);
        let result = self
            .sync_round_encrypted(to, &Encryption::default(), move |p| {
                progress_tracker.status().progress = Some(p)
            })
            .await;
        let mut s = tracker.status();
        s.running = false;
        s.progress = None;
        s.last_finished_at = Some(now_ms());
        match &result {
            Ok(report) => {
                s.last_ok_at = s.last_finished_at;
                s.last_error = None;
                // Only what changed something: re-imported files (after a gap) do not, arriving attachment
                // bytes do.
                if !report.meetings_changed.is_empty() || !report.received_blobs.is_empty() {
                    s.changes_applied += 1;
                }
                s.last_report = Some(report.clone());
            }
            Err(error) => {
                tracing::warn!(code = ?error.code, error = %error.message, "sync round failed");
                s.last_error = Some(error.clone());
            }
        }
        result
    }
}
