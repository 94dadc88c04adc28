//! One sync round: send this replica's new changes, then receive everyone else's.
//!
//! **Sending.** For each meeting whose version differs from what was last exported, the store exports the
//! operations since that version into `<seq>.upd`. The file is durably renamed into place *before* the store
//! records the new "exported" version and next seq, so a crash or a full drive can only cause a change to be
//! sent twice (harmless: import is idempotent), never not at all. Before using a seq the writer checks that no
//! file of that name exists, so a crash between rename and bookkeeping never reuses a seq.
//!
//! Exports are relative to what *this replica* exported, so they also carry operations it imported from
//! others. That relaying costs some space but lets changes travel A → B → C even when C never sees A's folder
//! (a USB stick carried between two machines) or A's copy of a file was damaged.
//!
//! **Receiving.** Per other replica, the store keeps a cursor: the highest seq such that every update up to it
//! is applied. It is written in the same transaction as the import of that file. A round reads only files above
//! the cursor, in ascending order:
//! - a good file is imported; if every seq before it is applied, the cursor moves to it;
//! - a bad or missing file is reported by name and the cursor stops *below* it. Later files are still
//!   imported (Loro import is order-independent and idempotent; operations whose causal predecessors are
//!   missing wait inside Loro), but without moving the cursor, so they are imported again next round until
//!   the gap is filled. The "pending set" is therefore implicit: every seq above the cursor.
//! - a gap heals when the file arrives or is repaired, or when the replica publishes a snapshot covering it:
//!   a reader that is behind a snapshot `S` with a gap below it (or more than
//!   [`SyncOptions::snapshot_jump`] files behind) imports the snapshot and moves its cursor to `S`.
//!
//! **Cost.** A replica's `replica.json` announces its head seq, so a reader whose cursor equals the head reads
//! one small file (and checks that `head+1` does not exist, in case the hint is stale), and one that is behind
//! opens `cursor+1..=head` by name. Folders are listed
//! in full only on the first round, every [`SyncOptions::full_scan_every`] rounds, when a replica has no
//! readable `replica.json`, or after a gap was seen: a round's cost follows what is new, not the history.
//!
//! **Snapshots and deletion.** Every [`SyncOptions::snapshot_every`] updates, and whenever the folder lacks some
//! of this replica's files (a new or restored folder), the round writes `snapshot-<head>.snap`: the full
//! history of every meeting it holds, covering all of its updates up to `head`. *No file is ever deleted*,
//! not even by its owner: a replica that has been offline for months, or a backup of the folder, may still need
//! any of them, and nothing in the folder can prove otherwise. Snapshots bound the time a new replica needs to
//! join, not the folder's size. (Each `replica.json` publishes what its owner applied from everyone, which is
//! what a future pruning of one's own superseded files would consult.)
//!
//! Nothing here reads a clock to decide anything: order comes from seqs and Loro's logical clocks, so clock
//! skew between machines cannot change the outcome.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use loro::VersionVector;

use crate::error::SyncError;
use crate::folder::{self, Layout, REPLICA_JSON_FORMAT, ReplicaJson, io_reason, write_atomic};
use crate::format::{self, FileFault, encode_snapshot, encode_update, is_valid_replica_id};
use crate::lock::SyncLock;
use crate::report::{Phase, Progress, RoundReport, SentFile, Skipped};
use crate::state::{LocalReplica, ReplicaState};

const KEY_NEXT_SEQ: &str = "sync/next_seq";
const KEY_SNAPSHOT: &str = "sync/snapshot_seq";
const KEY_ROUNDS: &str = "sync/rounds";
/// Files (and bytes) imported per store transaction: large enough that a first sync of a long history costs
/// few transactions, small enough that an interrupted one loses little work.
pub(crate) const BATCH_FILES: usize = 512;
pub(crate) const BATCH_BYTES: usize = 32 << 20;

fn key_exported(meeting: &str) -> String {
    format!("sync/exported/{meeting}")
}
pub(crate) fn key_gap(replica: &str) -> String {
    format!("sync/gap/{replica}")
}

/// Tuning of a round. The defaults suit a folder shared by a handful of colleagues.
#[derive(Debug, Clone)]
pub struct SyncOptions {
    /// Write a snapshot after this many update files since the previous one.
    pub snapshot_every: u64,
    /// A reader this many files behind a replica's snapshot reads the snapshot instead.
    pub snapshot_jump: u64,
    /// List every replica folder in full every this many rounds (1 = always), to report stray files.
    pub full_scan_every: u64,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            snapshot_every: 500,
            snapshot_jump: 200,
            full_scan_every: 20,
        }
    }
}

/// Runs sync rounds for one data directory. Stateless between rounds: all progress lives in the store and
/// the folder; the data directory is only where `sync.lock` is taken.
#[derive(Debug, Clone)]
pub struct SyncService {
    data_dir: PathBuf,
    options: SyncOptions,
}

fn u64_of(bytes: Option<Vec<u8>>) -> u64 {
    bytes
        .and_then(|b| <[u8; 8]>::try_from(b.as_slice()).ok())
        .map(u64::from_le_bytes)
        .unwrap_or(0)
}

fn same_version(a: &[u8], b: &[u8]) -> bool {
    let decode = |x: &[u8]| {
        if x.is_empty() {
            Some(VersionVector::default())
        } else {
            VersionVector::decode(x).ok()
        }
    };
    match (decode(a), decode(b)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

fn now_unix() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// A path relative to `<folder>/rapporteur/v1`, as reports show it.
/// Takes `sync.lock`, waiting up to [`LOCK_PATIENCE`]: a lock can look held for an instant after its round
/// ended when the process forks (a forked child shares the lock until it execs), and a round that just
/// finished should not make the next one fail. A lock held longer is another round: [`SyncError::Locked`].
async fn acquire_lock(data_dir: &Path) -> Result<SyncLock, SyncError> {
    let started = Instant::now();
    loop {
        match SyncLock::try_acquire(data_dir) {
            Err(SyncError::Locked { .. }) if started.elapsed() < LOCK_PATIENCE => {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            other => return other,
        }
    }
}

/// How long a round waits for `sync.lock` before reporting [`SyncError::Locked`].
pub const LOCK_PATIENCE: Duration = Duration::from_secs(1);

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

/// Reads a file of the folder, mapping absence and I/O errors to faults.
pub(crate) fn read_file(path: &Path) -> Result<Vec<u8>, FileFault> {
    match fs::metadata(path) {
        Ok(m) if m.len() > format::MAX_FILE_BYTES => return Err(FileFault::TooLarge(m.len())),
        Ok(m) if !m.is_file() => return Err(FileFault::Unreadable("not a regular file".into())),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(FileFault::Missing),
        Err(e) => return Err(FileFault::Unreadable(io_reason(&e))),
    }
    fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => FileFault::Missing,
        _ => FileFault::Unreadable(io_reason(&e)),
    })
}

/// Mutable bookkeeping of one round.
pub(crate) struct Round<'a, S, P> {
    pub(crate) state: &'a S,
    pub(crate) layout: Layout,
    pub(crate) me: LocalReplica,
    pub(crate) progress: P,
    pub(crate) report: RoundReport,
    pub(crate) changed: BTreeSet<String>,
}

impl SyncService {
    /// A service for the store opened on `data_dir`, with default options.
    pub fn new(data_dir: impl Into<PathBuf>) -> SyncService {
        SyncService {
            data_dir: data_dir.into(),
            options: SyncOptions::default(),
        }
    }

    pub fn with_options(mut self, options: SyncOptions) -> SyncService {
        self.options = options;
        self
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn options(&self) -> &SyncOptions {
        &self.options
    }

    /// Runs one round against `folder` (the directory the user picked; `rapporteur/v1` is created inside).
    ///
    /// Errors only when the round cannot start: the folder is missing or not a directory
    /// ([`SyncError::FolderUnavailable`]), another round holds the lock ([`SyncError::Locked`]), or the store
    /// fails. A folder that turns out read-only or full is reported in [`RoundReport::write_error`] and the
    /// incoming half still runs; damaged files are in [`RoundReport::skipped`].
    pub async fn round<S, P>(
        &self,
        state: &S,
        folder: &Path,
        progress: P,
    ) -> Result<RoundReport, SyncError>
    where
        S: ReplicaState,
        P: Fn(Progress) + Send + Sync,
    {
        let started = Instant::now();
        let layout = Layout::new(folder);
        layout.check_available()?;
        let _lock = acquire_lock(&self.data_dir).await?;
        let me = state.local_replica().await?;
        if !is_valid_replica_id(&me.id) {
            return Err(SyncError::Invalid(format!(
                "replica id {:?} is not a safe folder name",
                me.id
            )));
        }
        let rounds = u64_of(state.kv_get(KEY_ROUNDS).await?);
        state
            .kv_set(KEY_ROUNDS, &(rounds + 1).to_le_bytes())
            .await?;
        let full_scan = rounds.is_multiple_of(self.options.full_scan_every.max(1));

        let mut round = Round {
            state,
            layout,
            report: RoundReport {
                replica_id: me.id.clone(),
                replica_name: me.name.clone(),
                full_scan,
                ..RoundReport::default()
            },
            me,
            progress,
            changed: BTreeSet::new(),
        };
        let own_json = round.send(&self.options).await?;
        if round.report.write_error.is_none() {
            // A folder without our replica.json or any blob may be new or restored: check every blob.
            let all = own_json.is_none() || !round.layout.blobs_dir().is_dir();
            round.send_blobs(all).await?;
        }
        let applied = round.receive(&self.options, full_scan).await?;
        if round.report.read_error.is_none() {
            round.fetch_blobs().await?;
        }
        if round.report.write_error.is_none() {
            round.publish(own_json, applied).await?;
        }
        let mut report = round.report;
        report.meetings_changed = round.changed.into_iter().collect();
        report.duration_ms = started.elapsed().as_millis() as u64;
        Ok(report)
    }
}

impl<S: ReplicaState, P: Fn(Progress) + Send + Sync> Round<'_, S, P> {
    fn own_dir(&self) -> PathBuf {
        self.layout.replica_dir(&self.me.id)
    }

    /// The outgoing half. Returns our `replica.json` as found in the folder (to be rewritten at the end).
    async fn send(&mut self, options: &SyncOptions) -> Result<Option<ReplicaJson>, SyncError> {
        let own_dir = self.own_dir();
        if let Err(e) = fs::create_dir_all(&own_dir) {
            self.report.write_error = Some(format!(
                "cannot create {}: {}",
                own_dir.display(),
                io_reason(&e)
            ));
            return Ok(None);
        }
        folder::remove_own_temporaries(&own_dir);
        let own_json = folder::read_replica_json(&own_dir, &self.me.id)
            .ok()
            .flatten();
        let head_in_folder = own_json.as_ref().map_or(0, |j| j.head);
        let recorded_next = u64_of(self.state.kv_get(KEY_NEXT_SEQ).await?).max(1);
        // The folder lacks some of our files (new, replaced or restored folder): readers will need a snapshot.
        let folder_behind = head_in_folder + 1 < recorded_next;
        let mut next = recorded_next.max(head_in_folder + 1);

        let meetings = self.state.meeting_ids().await?;
        let total = meetings.len() as u64;
        for (i, meeting) in meetings.iter().enumerate() {
            (self.progress)(Progress {
                phase: Phase::Sending,
                done: i as u64,
                total,
                replica_id: None,
            });
            let key = key_exported(meeting);
            let from = self.state.kv_get(&key).await?.unwrap_or_default();
            let now = self.state.version(meeting).await?;
            if same_version(&from, &now) {
                continue;
            }
            let Some(export) = self.state.export_since(meeting, &from).await? else {
                continue;
            };
            while own_dir.join(format::update_name(next)).exists() {
                next += 1;
            }
            let name = format::update_name(next);
            let bytes = encode_update(&self.me.id, next, meeting, &export.payload);
            if let Err(e) = write_atomic(&own_dir, &name, &bytes) {
                self.report.write_error = Some(format!("cannot write {name}: {}", io_reason(&e)));
                return Ok(own_json);
            }
            // Only now, with the file durably in place, is the change recorded as sent.
            self.state
                .kv_set(KEY_NEXT_SEQ, &(next + 1).to_le_bytes())
                .await?;
            self.state.kv_set(&key, &export.version).await?;
            self.report.sent.push(SentFile {
                file: rel(&self.me.id, &name),
                meeting_id: meeting.clone(),
                bytes: bytes.len() as u64,
            });
            next += 1;
        }

        let head = next - 1;
        let last_snapshot = u64_of(self.state.kv_get(KEY_SNAPSHOT).await?);
        let due = head >= last_snapshot + options.snapshot_every.max(1);
        let snapshot_missing = !own_dir.join(format::snapshot_name(head)).exists();
        if head > 0 && (due || folder_behind) && snapshot_missing {
            self.write_snapshot(head, &meetings).await?;
        }
        Ok(own_json)
    }

    async fn write_snapshot(&mut self, head: u64, meetings: &[String]) -> Result<(), SyncError> {
        let mut entries = Vec::with_capacity(meetings.len());
        for m in meetings {
            entries.push((m.clone(), self.state.export_snapshot(m).await?));
        }
        if entries.is_empty() {
            return Ok(());
        }
        let name = format::snapshot_name(head);
        let bytes = encode_snapshot(&self.me.id, head, &entries);
        match write_atomic(&self.own_dir(), &name, &bytes) {
            Ok(()) => {
                self.state.kv_set(KEY_SNAPSHOT, &head.to_le_bytes()).await?;
                self.report.snapshot_written = Some(rel(&self.me.id, &name));
            }
            Err(e) => {
                self.report.write_error = Some(format!("cannot write {name}: {}", io_reason(&e)))
            }
        }
        Ok(())
    }

    /// Rewrites our `replica.json` when what it says changed.
    async fn publish(
        &mut self,
        found: Option<ReplicaJson>,
        applied: BTreeMap<String, u64>,
    ) -> Result<(), SyncError> {
        let head = u64_of(self.state.kv_get(KEY_NEXT_SEQ).await?).max(1) - 1;
        let snapshot = Some(u64_of(self.state.kv_get(KEY_SNAPSHOT).await?)).filter(|&s| s > 0);
        let mut json = ReplicaJson {
            format: REPLICA_JSON_FORMAT.into(),
            id: self.me.id.clone(),
            name: self.me.name.clone(),
            head,
            snapshot,
            applied,
            written_at: None,
        };
        if let Some(f) = &found {
            json.written_at = f.written_at;
            if *f == json {
                return Ok(());
            }
        }
        json.written_at = Some(now_unix());
        let bytes = serde_json::to_vec_pretty(&json).expect("replica.json always serialises");
        if let Err(e) = write_atomic(&self.own_dir(), "replica.json", &bytes) {
            self.report.write_error = Some(format!("cannot write replica.json: {}", io_reason(&e)));
        }
        Ok(())
    }
}
