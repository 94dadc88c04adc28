//! Attachment blobs in a round.
//!
//! **Sending**, after the update files: every blob this replica's meetings refer to and has not yet
//! recorded as being in the folder is written to `blobs/<sha256>` (on an encrypted location: sealed, under
//! a keyed name, see `site.rs`) (skipped when an intact copy is
//! already there, e.g. because a colleague attached the same file), then recorded, so a later round
//! costs one query. On full-scan rounds (and in a new or restored folder) every referenced blob is
//! verified again (SHA-256 of the folder's copy) and one found damaged is rewritten by whoever holds it
//! intact. A blob referenced here whose bytes have not arrived yet is someone else's to send.
//!
//! **Receiving**, after the updates are applied: every referenced blob missing on this machine is read
//! from the folder and verified by digest before it is stored locally (whole or not at all). One absent,
//! or there but not whole (still copying), is listed by name in [`RoundReport::pending_blobs`] and tried
//! again next round; a round never fails because of one.
//!
//! [`RoundReport::pending_blobs`]: crate::RoundReport::pending_blobs

use crate::error::SyncError;
use crate::folder::{get_blob, put_blob};
use crate::report::{PendingBlob, Progress};
use crate::round::Round;
use crate::state::ReplicaState;

fn rel(sha256: &str) -> String {
    format!("blobs/{sha256}")
}

impl<S: ReplicaState, P: Fn(Progress) + Send + Sync> Round<'_, S, P> {
    /// Puts this replica's unsent blobs into the folder (`all`: check every referenced blob again).
    pub(crate) async fn send_blobs(&mut self, all: bool) -> Result<(), SyncError> {
        for b in self.state.blobs_to_send(all).await? {
            // An intact copy (ours from before, or a colleague's) needs nothing; checking it reads and hashes
            // the folder's copy only, the local one is read only to repair.
            if !matches!(get_blob(&self.loc, &b.sha256).await, Ok(Some(_))) {
                let Some(bytes) = self.state.local_blob(&b.sha256).await? else {
                    continue;
                };
                if let Err(e) = put_blob(&self.loc, &bytes).await {
                    self.report.write_error =
                        Some(format!("cannot write {} ({}): {e}", rel(&b.sha256), b.name));
                    return Ok(());
                }
                self.report.sent_blobs.push(rel(&b.sha256));
            }
            self.state.blob_in_folder(&b.sha256).await?;
        }
        Ok(())
    }

    /// Fetches every referenced blob missing here; reports those the folder cannot give yet.
    pub(crate) async fn fetch_blobs(&mut self) -> Result<(), SyncError> {
        for b in self.state.missing_blobs().await? {
            let file = rel(&b.sha256);
            let (code, reason) = match get_blob(&self.loc, &b.sha256).await {
                Ok(Some(bytes)) => {
                    self.state.store_blob(&bytes).await?;
                    self.state.blob_in_folder(&b.sha256).await?;
                    self.report.received_blobs.push(file);
                    continue;
                }
                Ok(None) if self.loc.is_file(&self.loc.blob_rel(&b.sha256)).await => (
                    "blob_damaged",
                    format!(
                        "{} is in the sync folder but not whole (still copying?); tried again next round",
                        b.name
                    ),
                ),
                Ok(None) => (
                    "blob_missing",
                    format!(
                        "{} has not reached the sync folder yet; tried again next round",
                        b.name
                    ),
                ),
                Err(e) => ("blob_damaged", format!("{}: {e}", b.name)),
            };
            self.report.pending_blobs.push(PendingBlob {
                file,
                name: b.name,
                code: code.into(),
                reason,
            });
        }
        Ok(())
    }
}
