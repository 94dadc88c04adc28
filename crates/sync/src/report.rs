//! What a round tells the user: the CLI prints it, the desktop status indicator shows it. Serialisable and
//! exported to TypeScript so both faces read the same shape.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The outcome of one sync round.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RoundReport {
    /// This replica.
    pub replica_id: String,
    /// This replica's human name.
    pub replica_name: String,
    /// Files this round wrote into the folder.
    pub sent: Vec<SentFile>,
    /// Files this round applied from other replicas.
    pub received: Vec<ReceivedFile>,
    /// Our files that were damaged, incomplete or unreadable: not applied, retried next round.
    pub skipped: Vec<Skipped>,
    /// Attachments whose bytes are not in the folder yet, or not whole there (still copying): fetched in a
    /// later round. Not a fault: a colleague's copy may simply not have arrived.
    #[serde(default)]
    pub pending_blobs: Vec<PendingBlob>,
    /// Attachment blobs this round wrote into the folder (paths relative to `<folder>/rapporteur/v1`).
    #[serde(default)]
    pub sent_blobs: Vec<String>,
    /// Attachment blobs this round fetched from the folder.
    #[serde(default)]
    pub received_blobs: Vec<String>,
    /// Names in the folder that are not ours (sync-tool duplicates, subfolders, stray files): left alone.
    pub ignored: Vec<String>,
    /// Every other replica found in the folder.
    pub replicas_seen: Vec<ReplicaSeen>,
    /// Set when the outgoing half could not write (read-only or full drive); incoming still ran. The unsent
    /// changes stay marked as unsent and go out in a later round.
    #[ts(optional)]
    pub write_error: Option<String>,
    /// Set when the incoming half could not list the folder; what was sent stays sent.
    #[ts(optional)]
    pub read_error: Option<String>,
    /// The snapshot this round wrote, if any.
    #[ts(optional)]
    pub snapshot_written: Option<String>,
    /// Meetings whose documents changed through this round's imports (the UI refreshes them).
    pub meetings_changed: Vec<String>,
    /// Set when this installation took a new replica id before or during this round: the former id. The
    /// data directory was copied (a second laptop, a restored backup, a cloned machine), so the copy writes
    /// everything it holds under the new id; nothing is lost on either side.
    #[serde(default)]
    #[ts(optional)]
    pub identity_renewed: Option<String>,
    /// Why the round took a new replica id, when it did (the store takes one when it opens a copied data
    /// directory, and says so in its log).
    #[serde(default)]
    #[ts(optional)]
    pub identity_reason: Option<String>,
    /// Our own files found missing or damaged in the folder; the snapshot this round wrote covers them.
    #[serde(default)]
    pub healed: Vec<String>,
    /// Other replicas that cannot apply all of our files: the first file each lacks.
    #[serde(default)]
    pub waiting_for_me: Vec<PeerWaiting>,
    /// Whether every replica's folder was listed in full this round (see [`crate::SyncOptions::full_scan_every`]).
    pub full_scan: bool,
    /// JSON carries it as a plain number (well under 2^53).
    #[ts(type = "number")]
    pub duration_ms: u64,
}

impl RoundReport {
    /// True when nothing was skipped and the outgoing half wrote everything.
    pub fn is_clean(&self) -> bool {
        self.skipped.is_empty() && self.write_error.is_none() && self.read_error.is_none()
    }
}

/// A meeting's changes this round wrote into the folder, and the file holding them: one update file each, or
/// one snapshot for many meetings when a round sends most of them at once (a first upload).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SentFile {
    /// Path relative to `<folder>/rapporteur/v1`.
    pub file: String,
    /// The meeting whose changes it carries.
    pub meeting_id: String,
    /// The size of what it carries of that meeting.
    #[ts(type = "number")]
    pub bytes: u64,
}

/// A file this round applied from another replica.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReceivedFile {
    /// Path relative to `<folder>/rapporteur/v1`.
    pub file: String,
    /// The replica that wrote it.
    pub replica_id: String,
    /// The meetings it carried (one for an update, any number for a snapshot).
    pub meeting_ids: Vec<String>,
    /// The size of the changes it carried.
    #[ts(type = "number")]
    pub bytes: u64,
}

/// A file that was not applied this round, by name, and why. It is tried again next round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Skipped {
    /// Path relative to `<folder>/rapporteur/v1`.
    pub file: String,
    /// Stable code: `truncated`, `bad_magic`, `future_version`, `checksum`, `mismatch`, `too_large`,
    /// `unreadable`, `missing`, `rejected`, `bad_replica_json`.
    pub code: String,
    /// A sentence for the user.
    pub reason: String,
}

/// Another replica waiting on one of our files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PeerWaiting {
    /// The replica that waits.
    pub replica_id: String,
    /// Path relative to `<folder>/rapporteur/v1`.
    pub file: String,
}

/// An attachment whose bytes could not be fetched this round, by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PendingBlob {
    /// Path relative to `<folder>/rapporteur/v1`: `blobs/<sha256>`.
    pub file: String,
    /// The attachment's file name.
    pub name: String,
    /// `blob_missing` (not in the folder) or `blob_damaged` (there but not whole, e.g. still copying).
    pub code: String,
    /// A sentence for the user.
    pub reason: String,
}

/// Another replica found in the folder, and how far this one has read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReplicaSeen {
    /// Its replica id.
    pub id: String,
    /// From its `replica.json`; `None` until that file arrives.
    #[ts(optional)]
    pub name: Option<String>,
    /// The highest seq it announced (or that we found, if it announced none).
    #[ts(type = "number")]
    pub last_seq: u64,
    /// The highest seq up to which everything from it is applied here.
    #[ts(type = "number")]
    pub applied_seq: u64,
    /// When it last wrote its `replica.json`, Unix seconds by its own clock (display only).
    #[ts(optional, type = "number")]
    pub written_at: Option<u64>,
}

/// Progress during a round, for long first syncs. (`SyncProgress` in TypeScript.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "SyncProgress")]
pub struct Progress {
    /// Sending or receiving.
    pub phase: Phase,
    /// Files handled so far in this phase.
    #[ts(type = "number")]
    pub done: u64,
    /// Files to handle in this phase, as far as known.
    #[ts(type = "number")]
    pub total: u64,
    /// The replica being read, in the receiving phase.
    #[ts(optional)]
    pub replica_id: Option<String>,
}

/// Which half of the round is running. (`SyncPhase` in TypeScript.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "SyncPhase")]
pub enum Phase {
    /// Writing our files into the folder.
    Sending,
    /// Reading the other replicas' files.
    Receiving,
}
