//! One round's shared state, [`SyncOptions`], and the small helpers every half of a round uses. The halves
//! (`own.rs`, `send.rs`, `receive.rs`, `compact.rs`) each add methods to [`Round`]; `service.rs` runs them.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{SystemTime, UNIX_EPOCH};

use loro::VersionVector;

use crate::folder::io_reason;
use crate::format::{self, FileFault};
use crate::report::{RoundReport, Skipped};
use crate::site::Site;
use crate::state::LocalReplica;

/// Files (and bytes) imported per store transaction: large enough that a first sync of a long history costs
/// few transactions, small enough that an interrupted one loses little work.
pub(crate) const BATCH_FILES: usize = 512;
pub(crate) const BATCH_BYTES: usize = 32 << 20;

/// Tuning of a round. The defaults suit a folder shared by a handful of colleagues.
#[derive(Debug, Clone)]
pub struct SyncOptions {
    /// Write a snapshot after this many update files since the previous one.
    pub snapshot_every: u64,
    /// A reader this many files behind a replica's snapshot reads the snapshot instead.
    pub snapshot_jump: u64,
    /// List every replica folder in full every this many rounds (1 = always), to report stray files.
    pub full_scan_every: u64,
    /// Delete this replica's own update files once every replica has applied them and a snapshot covers
    /// them (see `compact.rs` for the rule).
    pub compact: bool,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            snapshot_every: 500,
            snapshot_jump: 200,
            full_scan_every: 20,
            compact: true,
        }
    }
}

pub(crate) fn decode_version(x: &[u8]) -> Option<VersionVector> {
    if x.is_empty() {
        Some(VersionVector::default())
    } else {
        VersionVector::decode(x).ok()
    }
}

pub(crate) fn same_version(a: &[u8], b: &[u8]) -> bool {
    match (decode_version(a), decode_version(b)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

pub(crate) fn now_unix() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// A path relative to `<folder>/rapporteur/v1`, as reports show it.
pub(crate) fn rel(replica: &str, name: &str) -> String {
    format!("replicas/{replica}/{name}")
}

pub(crate) fn skipped(file: String, fault: &FileFault) -> Skipped {
    Skipped {
        file,
        code: fault.code().into(),
        reason: fault.to_string(),
    }
}

/// Reads file `rel` of the location, mapping absence and I/O errors to faults.
pub(crate) async fn read_file(loc: &Site, rel: &str) -> Result<Vec<u8>, FileFault> {
    match loc.stat(rel).await {
        Ok(Some(m)) if m.len > format::MAX_FILE_BYTES => return Err(FileFault::TooLarge(m.len)),
        Ok(Some(m)) if !m.is_file => {
            return Err(FileFault::Unreadable("not a regular file".into()));
        }
        Ok(Some(_)) => {}
        Ok(None) => return Err(FileFault::Missing),
        Err(e) => return Err(FileFault::Unreadable(io_reason(&e))),
    }
    loc.read(rel).await.map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => FileFault::Missing,
        std::io::ErrorKind::InvalidData => FileFault::Sealed,
        _ => FileFault::Unreadable(io_reason(&e)),
    })
}

/// Mutable bookkeeping of one round.
pub(crate) struct Round<'a, S, P> {
    pub(crate) state: &'a S,
    /// The location, with its team key when it is encrypted (`site.rs`).
    pub(crate) loc: Site,
    /// [`Location::key`], for bookkeeping keys.
    pub(crate) loc_key: String,
    pub(crate) me: LocalReplica,
    pub(crate) progress: P,
    pub(crate) report: RoundReport,
    pub(crate) changed: BTreeSet<String>,
    /// Files read so far this round, and the files planned: the receiving half's progress.
    pub(crate) progress_done: u64,
    pub(crate) progress_total: u64,
    /// Each imported meeting's version before its first import this round: re-importing files already
    /// applied (after a gap) does not count as a change.
    pub(crate) before: BTreeMap<String, Vec<u8>>,
    /// The store's document clock before the incoming half, when it keeps one: the meetings written since
    /// are the ones this round changed, and [`Round::before`] is then not needed.
    pub(crate) tick_before: Option<u64>,
    /// What each other replica's `replica.json` says it applied of ours (`None`: not readable this round).
    pub(crate) acks: BTreeMap<String, Option<u64>>,
    /// Some of our own files are missing or damaged: write a snapshot at our head this round (`own.rs`).
    pub(crate) heal: bool,
    /// The first seq this replica lacks of each replica it has a gap in, published in `replica.json`.
    pub(crate) waiting: BTreeMap<String, u64>,
}
