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
//! one small file (and checks that `head+1` does not exist, in case the hint is stale). The folder of a replica
//! announcing new files is listed (names only, so a sync tool's conflicted copy beside them is reported in the
//! same round), as is every folder on the first round, every [`SyncOptions::full_scan_every`] rounds, when a
//! replica has no readable `replica.json`, or after a gap was seen. A stale hint is probed by name. Each
//! replica deletes its old files (`compact.rs`), so a listing stays short: a round's cost follows what is
//! new, not the history.
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
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::SyncError;
use crate::folder::{self, MARKER};
use crate::format::is_valid_replica_id;
use crate::keys::{KEY_ROUNDS, key_folder_used, u64_of};
use crate::location::Location;
use crate::lock::SyncLock;
use crate::own;
use crate::report::{Progress, RoundReport};
use crate::round::Round;
pub use crate::round::SyncOptions;
use crate::site::Site;
use crate::state::ReplicaState;
use crate::team::{Team, check_mode};

/// Runs sync rounds for one data directory. Stateless between rounds: all progress lives in the store and
/// the folder; the data directory is only where `sync.lock` is taken.
#[derive(Debug, Clone)]
pub struct SyncService {
    data_dir: PathBuf,
    options: SyncOptions,
}

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

impl SyncService {
    /// A service for the store opened on `data_dir`, with default options.
    pub fn new(data_dir: impl Into<PathBuf>) -> SyncService {
        SyncService {
            data_dir: data_dir.into(),
            options: SyncOptions::default(),
        }
    }

    /// The same service with other tuning (tests and benchmarks use small values).
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
        self.forget_replica_at(state, &Location::folder(folder), replica_id)
            .await
    }

    /// [`SyncService::forget_replica`] for any location.
    pub async fn forget_replica_at<S: ReplicaState>(
        &self,
        state: &S,
        loc: &Location,
        replica_id: &str,
    ) -> Result<bool, SyncError> {
        let _lock = acquire_lock(&self.data_dir).await?;
        let key = crate::keys::key_acks(&loc.key());
        let mut acks = crate::keys::read_acks(state, &key).await?;
        let known = acks.remove(replica_id).is_some();
        let bytes = serde_json::to_vec(&acks).expect("a map of numbers serialises");
        state.kv_set(&key, &bytes).await?;
        Ok(known)
    }

    /// The data directory whose lock rounds take.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Its tuning.
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
        self.round_at(state, &Location::folder(folder), progress)
            .await
    }

    /// Runs one round against any location: a folder as [`SyncService::round`] does, or a remote one
    /// (WebDAV, S3, SFTP). A remote location that cannot be reached, refuses the credentials or times out
    /// before anything was read is [`SyncError::LocationUnavailable`]; one failing later in the round is
    /// reported in [`RoundReport::write_error`] or [`RoundReport::read_error`], like a folder. An encrypted
    /// location is refused ([`SyncError::Team`]): it needs [`SyncService::round_with_team`].
    pub async fn round_at<S, P>(
        &self,
        state: &S,
        loc: &Location,
        progress: P,
    ) -> Result<RoundReport, SyncError>
    where
        S: ReplicaState,
        P: Fn(Progress) + Send + Sync,
    {
        self.round_with_team(state, loc, None, progress).await
    }

    /// [`SyncService::round_at`] with the location's team key when it is encrypted (see `team.rs` for how a
    /// key is unlocked, and `site.rs` for what is sealed). A key for a location without a key file, or none
    /// for a location with one, is refused before anything is written ([`SyncError::Team`]).
    pub async fn round_with_team<S, P>(
        &self,
        state: &S,
        loc: &Location,
        team: Option<&Team>,
        progress: P,
    ) -> Result<RoundReport, SyncError>
    where
        S: ReplicaState,
        P: Fn(Progress) + Send + Sync,
    {
        let started = Instant::now();
        loc.check_available().await?;
        let _lock = acquire_lock(&self.data_dir).await?;
        check_mode(loc, team).await?;
        let loc_key = loc.key();
        let used_key = key_folder_used(&loc_key);
        if !loc.has_dir(MARKER).await && state.kv_get(&used_key).await?.is_some() {
            // An empty mount point where the drive was: writing here would fill the wrong disk, and marking
            // changes as sent would hide them from the real folder.
            return Err(not_mounted(loc));
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
            loc: Site::new(loc.clone(), team.cloned()),
            loc_key,
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
            tick_before: None,
            acks: BTreeMap::new(),
            heal: false,
            waiting: BTreeMap::new(),
        };
        round.report.identity_renewed = own::adopt_identity(state, &round.me.id).await?;
        round.check_identity(full_scan).await?;
        let own_json = round.send(&self.options).await?;
        if state.kv_get(&used_key).await?.is_none() && loc.has_dir(MARKER).await {
            state.kv_set(&used_key, b"1").await?;
        }
        if round.report.write_error.is_none() {
            // A folder without our replica.json or any blob may be new or restored, and a blob there may have
            // been damaged since it was written: check every blob then, and on every full scan.
            let all = full_scan || own_json.is_none() || !loc.has_dir(&folder::blobs_dir()).await;
            round.send_blobs(all).await?;
        }
        round.tick_before = state.changed_since(u64::MAX).await?.map(|(tick, _)| tick);
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
        let meetings_changed = round.meetings_changed().await?;
        let mut report = round.report;
        report.meetings_changed = meetings_changed;
        report.duration_ms = started.elapsed().as_millis() as u64;
        log_round(&report);
        Ok(report)
    }
}

/// The error for a location that no longer holds `rapporteur/` although a round found it there before.
fn not_mounted(loc: &Location) -> SyncError {
    let reason = "it no longer holds rapporteur/ although this replica synced with it before \
                  (is the drive mounted?)"
        .to_owned();
    match loc {
        Location::Folder(p) => SyncError::FolderUnavailable {
            path: p.clone(),
            reason,
        },
        Location::Remote(r) => SyncError::LocationUnavailable {
            location: r.url().to_owned(),
            reason,
        },
    }
}

/// What the log keeps of a round: ids, counts, file names and codes, never a document's contents.
fn log_round(r: &RoundReport) {
    tracing::info!(
        replica = %r.replica_id,
        sent = r.sent.len(),
        received = r.received.len(),
        skipped = r.skipped.len(),
        replicas_seen = r.replicas_seen.len(),
        full_scan = r.full_scan,
        duration_ms = r.duration_ms,
        "sync round"
    );
    if let Some(former) = &r.identity_renewed {
        tracing::warn!(
            former = %former,
            new = %r.replica_id,
            reason = r.identity_reason.as_deref().unwrap_or("the data directory was copied"),
            "took a new replica id"
        );
    }
    for s in &r.skipped {
        tracing::warn!(file = %s.file, code = %s.code, "skipped a file in the shared folder");
    }
    for f in &r.healed {
        tracing::warn!(file = %f, "own file missing or damaged in the folder; covered by a new snapshot");
    }
    for e in [&r.write_error, &r.read_error].into_iter().flatten() {
        tracing::warn!(error = %e, "the shared folder is not fully usable");
    }
}
