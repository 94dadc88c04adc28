//! One sync round: send this replica's new changes, then receive everyone else's.
//!
//! **Sending.** For each meeting whose version differs from what was last exported, the store exports the
//! operations since that version into `<seq>.upd`. The file is durably renamed into place *before* the store
//! records the new "exported" version and next seq, so a crash or a full drive can only cause a change to be
//! sent twice (harmless: import is idempotent), never not at all. Before using a seq the writer checks that no
//! file of that name exists, so a crash between rename and bookkeeping never reuses a seq.
//!
//! Exports are relative to what this replica counts as *shared with this folder*: what it wrote there, grown
//! after each import by the operation ranges of the files it imported from there (see
//! [`Round::mark_shared`]), so a replica does not write back what it just read. Being per folder, what came
//! from one folder still goes out to another, so changes travel A → B → C between two folders (a USB stick
//! carried between machines). A folder new to the replica starts from what it wrote anywhere; the snapshot
//! it writes into a folder lacking its files carries the rest.
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
//! history of every meeting it holds, covering all of its updates up to `head`. A replica deletes only its own
//! files, and only those a snapshot covers and every replica it has seen has applied (`compact.rs`).
//!
//! **Mounted.** A folder in which a round once found `rapporteur/` is remembered; if `rapporteur/` is later
//! missing, the round refuses it as not mounted rather than writing into an empty mount point.
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
use crate::own::{self, OwnCheck};
use crate::report::{Phase, Progress, RoundReport, SentFile, Skipped};
use crate::state::{LocalReplica, ReplicaState};

const KEY_NEXT_SEQ: &str = "sync/next_seq";
pub(crate) const KEY_SNAPSHOT: &str = "sync/snapshot_seq";
const KEY_ROUNDS: &str = "sync/rounds";
/// Files (and bytes) imported per store transaction: large enough that a first sync of a long history costs
/// few transactions, small enough that an interrupted one loses little work.
pub(crate) const BATCH_FILES: usize = 512;
pub(crate) const BATCH_BYTES: usize = 32 << 20;

/// What this replica wrote of a meeting, in any folder (the version of its last export).
fn key_exported(meeting: &str) -> String {
    format!("sync/exported/{meeting}")
}
/// What `folder` holds of a meeting as far as this replica knows: what it wrote there, and what it imported
/// from there. Per folder, so that what came from one folder is still carried to another (A → B → C).
fn key_shared_in(folder: &Path, meeting: &str) -> String {
    format!("sync/shared/{}/{meeting}", folder_key(folder))
}
/// How a folder is named in keys: `/mnt/drive/` and `/mnt/drive` are one folder.
pub(crate) fn folder_key(folder: &Path) -> String {
    folder
        .components()
        .collect::<PathBuf>()
        .display()
        .to_string()
}
/// Set once a round found `rapporteur/` in the folder: from then on, its absence means "not mounted".
fn key_folder_used(folder: &Path) -> String {
    format!("sync/folder_used/{}", folder_key(folder))
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

/// Runs sync rounds for one data directory. Stateless between rounds: all progress lives in the store and
/// the folder; the data directory is only where `sync.lock` is taken.
#[derive(Debug, Clone)]
pub struct SyncService {
    data_dir: PathBuf,
    options: SyncOptions,
}

pub(crate) fn u64_of(bytes: Option<Vec<u8>>) -> u64 {
    bytes
        .and_then(|b| <[u8; 8]>::try_from(b.as_slice()).ok())
        .map(u64::from_le_bytes)
        .unwrap_or(0)
}

fn decode_version(x: &[u8]) -> Option<VersionVector> {
    if x.is_empty() {
        Some(VersionVector::default())
    } else {
        VersionVector::decode(x).ok()
    }
}

fn same_version(a: &[u8], b: &[u8]) -> bool {
    match (decode_version(a), decode_version(b)) {
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
    /// Files read so far this round, and the files planned: the receiving half's progress.
    pub(crate) progress_done: u64,
    pub(crate) progress_total: u64,
    /// Each imported meeting's version before its first import this round: re-importing files already
    /// applied (after a gap) does not count as a change.
    pub(crate) before: BTreeMap<String, Vec<u8>>,
    /// What each other replica's `replica.json` says it applied of ours (`None`: not readable this round).
    pub(crate) acks: BTreeMap<String, Option<u64>>,
    /// Some of our own files are missing or damaged: write a snapshot at our head this round (`own.rs`).
    pub(crate) heal: bool,
    /// The first seq this replica lacks of each replica it has a gap in, published in `replica.json`.
    pub(crate) waiting: BTreeMap<String, u64>,
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

    /// Stops waiting for `replica_id` before deleting this replica's files in `folder` (see `compact.rs`):
    /// for a replica that will never sync again. Returns whether it was known.
    pub async fn forget_replica<S: ReplicaState>(
        &self,
        state: &S,
        folder: &Path,
        replica_id: &str,
    ) -> Result<bool, SyncError> {
        let _lock = acquire_lock(&self.data_dir).await?;
        let key = crate::compact::key_acks(folder);
        let mut acks = crate::compact::read_acks(state, &key).await?;
        let known = acks.remove(replica_id).is_some();
        let bytes = serde_json::to_vec(&acks).expect("a map of numbers serialises");
        state.kv_set(&key, &bytes).await?;
        Ok(known)
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn options(&self) -> &SyncOptions {
        &self.options
    }

    /// Runs one round against `folder` (the directory the user picked; `rapporteur/v1` is created inside).
    ///
    /// Errors only when the round cannot start: the folder is missing or not a directory, or no longer holds
    /// the `rapporteur/` a previous round found there (an unmounted drive) ([`SyncError::FolderUnavailable`]),
    /// another round holds the lock ([`SyncError::Locked`]), or the store
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
        let used_key = key_folder_used(folder);
        let marker = folder.join("rapporteur");
        if !marker.is_dir() && state.kv_get(&used_key).await?.is_some() {
            // An empty mount point where the drive was: writing here would fill the wrong disk, and marking
            // changes as sent would hide them from the real folder.
            return Err(SyncError::FolderUnavailable {
                path: folder.to_path_buf(),
                reason:
                    "it no longer holds rapporteur/ although this replica synced with it before \
                         (is the drive mounted?)"
                        .into(),
            });
        }
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
            progress_done: 0,
            progress_total: 0,
            before: BTreeMap::new(),
            acks: BTreeMap::new(),
            heal: false,
            waiting: BTreeMap::new(),
        };
        round.report.identity_renewed = own::adopt_identity(state, &round.me.id).await?;
        round.check_identity(full_scan).await?;
        let own_json = round.send(&self.options).await?;
        if marker.is_dir() && state.kv_get(&used_key).await?.is_none() {
            state.kv_set(&used_key, b"1").await?;
        }
        if round.report.write_error.is_none() {
            // A folder without our replica.json or any blob may be new or restored, and a blob there may have
            // been damaged since it was written: check every blob then, and on every full scan.
            let all = full_scan || own_json.is_none() || !round.layout.blobs_dir().is_dir();
            round.send_blobs(all).await?;
        }
        let applied = round.receive(&self.options, full_scan).await?;
        if round.report.read_error.is_none() {
            round.fetch_blobs().await?;
        }
        if round.report.write_error.is_none() {
            round.publish(own_json, applied).await?;
        }
        if round.report.write_error.is_none() && round.report.read_error.is_none() {
            round.compact(self.options.compact).await?;
        }
        let mut meetings_changed = Vec::new();
        for m in std::mem::take(&mut round.changed) {
            let before = round.before.get(&m).map(Vec::as_slice).unwrap_or_default();
            if !same_version(before, &state.version(&m).await.unwrap_or_default()) {
                meetings_changed.push(m);
            }
        }
        let mut report = round.report;
        report.meetings_changed = meetings_changed;
        report.duration_ms = started.elapsed().as_millis() as u64;
        Ok(report)
    }
}

impl<S: ReplicaState, P: Fn(Progress) + Send + Sync> Round<'_, S, P> {
    /// Checks our own files (`own.rs`): takes a new replica id if another installation writes under ours,
    /// and plans a healing snapshot if some of ours are missing or damaged.
    async fn check_identity(&mut self, full_scan: bool) -> Result<(), SyncError> {
        let head = u64_of(self.state.kv_get(KEY_NEXT_SEQ).await?).max(1) - 1;
        match self.check_own_files(head, full_scan).await? {
            OwnCheck::Intact => {}
            OwnCheck::Damaged { files, .. } => {
                self.heal = true;
                self.report.healed = files;
            }
            OwnCheck::Foreign(reason) => {
                let me = self.state.renew_identity().await?;
                let former = own::adopt_identity(self.state, &me.id).await?;
                self.report.identity_renewed = former;
                self.report.identity_reason = Some(reason);
                self.report.replica_id = me.id.clone();
                self.me = me;
            }
        }
        Ok(())
    }

    /// Counts what was just imported from the folder as already shared: each meeting's "exported" version
    /// grows by the operations those files carry, so this replica does not write them back into the folder.
    /// Only ranges that extend what is recorded contiguously are added (per peer, from at most the recorded
    /// counter), so an operation not in some folder file, such as a local edit not yet sent, is never
    /// counted as sent.
    pub(crate) async fn mark_shared(&self, files: &[(String, Vec<u8>)]) -> Result<(), SyncError> {
        let mut ranges: BTreeMap<&str, Vec<(VersionVector, VersionVector)>> = BTreeMap::new();
        for (meeting, payload) in files {
            if let Ok(meta) = loro::LoroDoc::decode_import_blob_meta(payload, false) {
                ranges
                    .entry(meeting.as_str())
                    .or_default()
                    .push((meta.partial_start_vv, meta.partial_end_vv));
            }
        }
        for (meeting, ranges) in ranges {
            let key = key_shared_in(self.layout.folder(), meeting);
            let old = self.shared_version(meeting).await?;
            let Some(mut vv) = decode_version(&old) else {
                continue;
            };
            let mut grew = false;
            loop {
                let mut progressed = false;
                for (start, end) in &ranges {
                    for (peer, &to) in end.iter() {
                        let from = start.get(peer).copied().unwrap_or(0);
                        let have = vv.get(peer).copied().unwrap_or(0);
                        if from <= have && have < to {
                            vv.insert(*peer, to);
                            progressed = true;
                        }
                    }
                }
                if !progressed {
                    break;
                }
                grew = true;
            }
            if grew {
                self.state.kv_set(&key, &vv.encode()).await?;
            }
        }
        Ok(())
    }

    /// Notes the version of each meeting in `files` not yet imported this round (see [`Round::before`]).
    pub(crate) async fn remember_versions(
        &mut self,
        files: &[(String, Vec<u8>)],
    ) -> Result<(), SyncError> {
        for (meeting, _) in files {
            if !self.before.contains_key(meeting) {
                // A meeting new here has no version yet (the store does not know it).
                let v = self.state.version(meeting).await.unwrap_or_default();
                self.before.insert(meeting.clone(), v);
            }
        }
        Ok(())
    }

    /// What the folder holds of `meeting` as far as this replica knows. In a folder it has not recorded yet,
    /// what it wrote anywhere: the snapshot it writes into a folder lacking its files carries the rest.
    async fn shared_version(&self, meeting: &str) -> Result<Vec<u8>, SyncError> {
        let key = key_shared_in(self.layout.folder(), meeting);
        match self.state.kv_get(&key).await? {
            Some(v) => Ok(v),
            None => Ok(self
                .state
                .kv_get(&key_exported(meeting))
                .await?
                .unwrap_or_default()),
        }
    }

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
            let from = self.shared_version(meeting).await?;
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
            // Recorded before the rename, so that after a crash in between the file is still known as ours.
            self.note_update(next, &bytes).await?;
            if let Err(e) = write_atomic(&own_dir, &name, &bytes) {
                self.report.write_error = Some(format!("cannot write {name}: {}", io_reason(&e)));
                return Ok(own_json);
            }
            // Only now, with the file durably in place, is the change recorded as sent.
            self.state
                .kv_set(KEY_NEXT_SEQ, &(next + 1).to_le_bytes())
                .await?;
            let key = key_shared_in(self.layout.folder(), meeting);
            self.state.kv_set(&key, &export.version).await?;
            let key = key_exported(meeting);
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
        // A damaged snapshot at our head is rewritten; a missing or damaged update is covered by a new one.
        let snapshot_missing = !own_dir.join(format::snapshot_name(head)).exists() || self.heal;
        if head > 0 && (due || folder_behind || self.heal) && snapshot_missing {
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
        self.note_snapshot(head, &bytes).await?;
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
            waiting: std::mem::take(&mut self.waiting),
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
