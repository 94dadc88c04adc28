//! The incoming half of a round: reading other replicas' files above their cursors, in batches, with the gap
//! rules described in [`crate::service`].

use std::collections::{BTreeMap, BTreeSet};

use crate::error::SyncError;
use crate::folder::{self, io_reason, join};
use crate::format::{self, FileFault, is_valid_replica_id};
use crate::keys::key_gap;
use crate::report::{PeerWaiting, Phase, Progress, ReceivedFile, ReplicaSeen, Skipped};
use crate::round::{
    BATCH_BYTES, BATCH_FILES, Round, SyncOptions, read_file, rel, same_version, skipped,
};
use crate::state::ReplicaState;

/// Beyond this many files past our cursor, a replica's announced head is checked against a listing rather
/// than probed name by name, and an announcement this far beyond the files there is refused.
const MAX_HINT_PROBES: u64 = 1024;

/// `5.upd`, or `5.upd … 9.upd` for several.
fn missing_range(from: u64, to: u64) -> String {
    if from == to {
        format::update_name(from)
    } else {
        format!(
            "{} … {}",
            format::update_name(from),
            format::update_name(to)
        )
    }
}

/// What a round will read of one other replica.
struct Plan {
    replica: String,
    dir: String,
    cursor: u64,
    /// The highest seq it announced, bounded by what is in the folder.
    announced: u64,
    hint: Option<folder::ReplicaJson>,
    had_gap: bool,
    candidates: Vec<u64>,
    snapshots: Vec<u64>,
}

impl<S: ReplicaState, P: Fn(Progress) + Send + Sync> Round<'_, S, P> {
    /// The incoming half. Returns the cursor of every replica seen, for `replica.json`.
    pub(crate) async fn receive(
        &mut self,
        options: &SyncOptions,
        full_scan: bool,
    ) -> Result<BTreeMap<String, u64>, SyncError> {
        let replicas_dir = folder::replicas_dir();
        let entries = match self.loc.list(&replicas_dir).await {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
            Err(e) => {
                self.report.read_error = Some(format!(
                    "cannot list {}: {}",
                    self.loc.shown_rel(&replicas_dir),
                    io_reason(&e)
                ));
                return Ok(BTreeMap::new());
            }
        };
        let mut replicas = Vec::new();
        for entry in entries {
            let name = entry.name;
            let is_dir = entry.is_dir;
            if name.starts_with('.') {
                continue;
            }
            if !is_dir || !is_valid_replica_id(&name) {
                self.report.ignored.push(format!("replicas/{name}"));
            } else if name != self.me.id {
                replicas.push(name);
            }
        }
        replicas.sort();
        // Plan every replica first, so that progress can count files across all of them.
        let mut plans = Vec::with_capacity(replicas.len());
        for replica in &replicas {
            plans.push(self.plan_replica(replica, full_scan).await?);
        }
        self.progress_total = plans
            .iter()
            .flatten()
            .map(|p| p.candidates.len() as u64)
            .sum();
        self.progress_done = 0;
        let mut applied = BTreeMap::new();
        for (replica, plan) in replicas.into_iter().zip(plans) {
            let Some(plan) = plan else {
                // Unlistable this round: its cursor stands as it was.
                let cursor = self.state.cursor(&replica).await?.unwrap_or(0);
                applied.insert(replica, cursor);
                continue;
            };
            (self.progress)(Progress {
                phase: Phase::Receiving,
                done: self.progress_done,
                total: self.progress_total,
                replica_id: Some(replica.clone()),
            });
            let cursor = self.read_replica(options, plan).await?;
            applied.insert(replica, cursor);
        }
        Ok(applied)
    }

    /// Decides which of one other replica's files to read. `None` when its folder cannot be listed.
    async fn plan_replica(
        &mut self,
        replica: &str,
        full_scan: bool,
    ) -> Result<Option<Plan>, SyncError> {
        let dir = folder::replica_dir(replica);
        let cursor = self.state.cursor(replica).await?.unwrap_or(0);
        let hint = match folder::read_replica_json(&self.loc, &dir, replica).await {
            Ok(h) => h,
            Err(reason) => {
                self.report.skipped.push(Skipped {
                    file: rel(replica, "replica.json"),
                    code: "bad_replica_json".into(),
                    reason,
                });
                None
            }
        };
        let ack = hint
            .as_ref()
            .map(|h| h.applied.get(&self.me.id).copied().unwrap_or(0));
        self.acks.insert(replica.to_owned(), ack);
        // Cleared by writing an empty value: only a non-empty value is a gap.
        let had_gap = self
            .state
            .kv_get(&key_gap(replica))
            .await?
            .is_some_and(|v| !v.is_empty());
        // A replica's claims about its folder are checked against what is there: a head far beyond our cursor
        // is not probed file by file (one `stat` each) but read from a listing, whose cost follows the files.
        let hint_far = hint
            .as_ref()
            .is_some_and(|h| h.head.saturating_sub(cursor) > MAX_HINT_PROBES);
        if let Some(h) = &hint
            && let Some(&seq) = h.waiting.get(&self.me.id)
        {
            self.report.waiting_for_me.push(PeerWaiting {
                replica_id: replica.to_owned(),
                file: rel(&self.me.id, &format::update_name(seq)),
            });
        }
        // A replica announcing new files is listed too: a sync tool's conflicted copy appears next to new
        // files, and is then reported in the same round. A quiet replica costs one small read.
        let news = hint.as_ref().is_some_and(|h| h.head > cursor);
        let listing = if full_scan || had_gap || hint.is_none() || hint_far || news {
            match folder::list_replica_dir(&self.loc, &dir).await {
                Ok(l) => Some(l),
                Err(e) => {
                    self.report.skipped.push(Skipped {
                        file: format!("replicas/{replica}/"),
                        code: "unreadable".into(),
                        reason: format!("cannot list the folder: {}", io_reason(&e)),
                    });
                    return Ok(None);
                }
            }
        } else {
            None
        };
        let (candidates, snapshots): (Vec<u64>, Vec<u64>) = match (&listing, &hint) {
            (Some(l), _) => {
                let ignored = l.ignored.iter().map(|n| rel(replica, n));
                self.report.ignored.extend(ignored);
                let c = l.updates.iter().copied().filter(|&s| s > cursor).collect();
                (c, l.snapshots.clone())
            }
            (None, Some(h)) => {
                // The hint may be stale (a sync tool delivered an older replica.json, or the new one has not
                // arrived): probe past it by name, one `stat` when nothing is new. Files it announces are
                // only candidates if they are there: a folder may hold a snapshot in their place.
                let mut c: Vec<u64> = Vec::new();
                for s in cursor + 1..=h.head {
                    if self.loc.is_file(&join(&dir, &format::update_name(s))).await {
                        c.push(s);
                    }
                }
                let mut probe = h.head.max(cursor) + 1;
                while self
                    .loc
                    .is_file(&join(&dir, &format::update_name(probe)))
                    .await
                {
                    c.push(probe);
                    probe += 1;
                }
                (c, h.snapshot.into_iter().collect())
            }
            (None, None) => (Vec::new(), Vec::new()),
        };
        let found = candidates
            .last()
            .copied()
            .into_iter()
            .chain(snapshots.iter().copied())
            .fold(cursor, u64::max);
        let mut announced = hint.as_ref().map_or(0, |h| h.head).max(found);
        if announced > found.saturating_add(MAX_HINT_PROBES) {
            self.report.skipped.push(Skipped {
                file: rel(replica, "replica.json"),
                code: "bad_replica_json".into(),
                reason: format!(
                    "announces update {announced}, far beyond the files in the folder (up to {found}): ignored"
                ),
            });
            announced = found;
        }
        Ok(Some(Plan {
            replica: replica.to_owned(),
            dir,
            cursor,
            announced,
            hint,
            had_gap,
            candidates,
            snapshots,
        }))
    }

    /// Reads one other replica's new files, as planned. Returns its cursor afterwards.
    async fn read_replica(&mut self, options: &SyncOptions, plan: Plan) -> Result<u64, SyncError> {
        let replica = plan.replica.as_str();
        let start = self.jump_to_snapshot(options, &plan).await?;
        let (applied, mut any_fault) = self
            .read_updates(replica, &plan.dir, &plan.candidates, start)
            .await?;
        // Files announced but not there (still arriving, or lost) and not covered by a snapshot.
        let last_candidate = plan.candidates.last().copied().unwrap_or(0);
        let reached = last_candidate.max(applied);
        if plan.announced > reached {
            self.report.skipped.push(skipped(
                rel(
                    replica,
                    &missing_range(reached.saturating_add(1), plan.announced),
                ),
                &FileFault::Missing,
            ));
            any_fault = true;
        }
        self.record_gap(replica, applied, any_fault, plan.had_gap)
            .await?;
        self.report.replicas_seen.push(ReplicaSeen {
            id: replica.to_owned(),
            name: plan.hint.as_ref().map(|h| h.name.clone()),
            last_seq: plan.announced,
            applied_seq: applied,
            written_at: plan.hint.as_ref().and_then(|h| h.written_at),
        });
        Ok(applied)
    }

    /// Imports the newest snapshot above the cursor if we are far behind it, or a gap stands below it.
    /// Returns the cursor to read update files from.
    async fn jump_to_snapshot(
        &mut self,
        options: &SyncOptions,
        plan: &Plan,
    ) -> Result<u64, SyncError> {
        let cursor = plan.cursor;
        if let Some(&snap) = plan.snapshots.iter().filter(|&&s| s > cursor).max() {
            let gap_below =
                plan.candidates.iter().take_while(|&&s| s <= snap).count() as u64 != snap - cursor;
            // A gap met last round may be a file that is there but damaged (so listed): its owner heals it
            // with a snapshot, which is what we read then.
            if (gap_below || plan.had_gap || snap - cursor >= options.snapshot_jump)
                && let Some(s) = self.import_snapshot(&plan.replica, snap, &plan.dir).await?
            {
                return Ok(s);
            }
        }
        Ok(cursor)
    }

    /// Reads the update files `candidates` above `start`. Returns the cursor afterwards and whether a file was
    /// missing, damaged or refused.
    async fn read_updates(
        &mut self,
        replica: &str,
        dir: &str,
        candidates: &[u64],
        start: u64,
    ) -> Result<(u64, bool), SyncError> {
        let mut applied = start;
        let mut contiguous = true;
        let mut any_fault = false;
        // Everything up to `contig_end` is applied or queued in `batch`; files are imported in batches, each
        // one transaction that also moves the cursor while no gap has been met.
        let mut contig_end = start;
        let mut batch: Vec<(u64, format::UpdateFile)> = Vec::new();
        let mut batch_bytes = 0usize;
        for &seq in candidates.iter().filter(|&&s| s > start) {
            if contiguous && seq != contig_end + 1 {
                applied = self
                    .flush(replica, &mut batch, Some(contig_end), &mut contiguous)
                    .await?
                    .unwrap_or(applied);
                contiguous = false;
                any_fault = true;
                self.report.skipped.push(skipped(
                    rel(replica, &missing_range(contig_end + 1, seq - 1)),
                    &FileFault::Missing,
                ));
            }
            self.tick(replica);
            let name = format::update_name(seq);
            let decoded = read_file(&self.loc, &join(dir, &name))
                .await
                .and_then(|b| format::decode_update(&b, replica, seq));
            match decoded {
                Ok(file) => {
                    batch_bytes += file.payload.len();
                    batch.push((seq, file));
                    if contiguous {
                        contig_end = seq;
                    }
                }
                Err(fault) => {
                    if contiguous {
                        applied = self
                            .flush(replica, &mut batch, Some(contig_end), &mut contiguous)
                            .await?
                            .unwrap_or(applied);
                    }
                    self.report
                        .skipped
                        .push(skipped(rel(replica, &name), &fault));
                    contiguous = false;
                    any_fault = true;
                }
            }
            if batch.len() >= BATCH_FILES || batch_bytes >= BATCH_BYTES {
                let cursor = contiguous.then_some(contig_end);
                applied = self
                    .flush(replica, &mut batch, cursor, &mut contiguous)
                    .await?
                    .unwrap_or(applied);
                batch_bytes = 0;
            }
        }
        let cursor = contiguous.then_some(contig_end);
        applied = self
            .flush(replica, &mut batch, cursor, &mut contiguous)
            .await?
            .unwrap_or(applied);
        Ok((applied, any_fault || !contiguous))
    }

    /// One more file of `replica` read, for the progress indicator.
    fn tick(&mut self, replica: &str) {
        self.progress_done += 1;
        (self.progress)(Progress {
            phase: Phase::Receiving,
            done: self.progress_done,
            total: self.progress_total,
            replica_id: Some(replica.to_owned()),
        });
    }

    /// Remember a gap so that the next round lists the folder (and can heal it with a snapshot), and tell
    /// the owner which file we wait on; forget a healed one.
    async fn record_gap(
        &mut self,
        replica: &str,
        applied: u64,
        any_fault: bool,
        had_gap: bool,
    ) -> Result<(), SyncError> {
        if any_fault {
            self.waiting
                .insert(replica.to_owned(), applied.saturating_add(1));
            self.state.kv_set(&key_gap(replica), b"1").await?;
        } else if had_gap {
            self.state.kv_set(&key_gap(replica), b"").await?;
        }
        Ok(())
    }

    /// Imports queued files in one transaction that moves the cursor to `cursor` (if `Some`). If the store
    /// refuses the batch, imports the files one by one to find and report the culprit, clearing `contiguous`
    /// so the cursor stops below it. Returns the cursor recorded, if any.
    async fn flush(
        &mut self,
        replica: &str,
        batch: &mut Vec<(u64, format::UpdateFile)>,
        cursor: Option<u64>,
        contiguous: &mut bool,
    ) -> Result<Option<u64>, SyncError> {
        if batch.is_empty() {
            return Ok(None);
        }
        let files = std::mem::take(batch);
        let updates: Vec<(String, Vec<u8>)> = files
            .iter()
            .map(|(_, f)| (f.meeting_id.clone(), f.payload.clone()))
            .collect();
        self.remember_versions(&updates).await?;
        let mut recorded = None;
        if let Ok(carried) = (self.state)
            .import_batch(&updates, cursor.map(|c| (replica, c)))
            .await
        {
            self.mark_shared(&updates, &carried).await?;
            for (seq, f) in files {
                self.received(replica, seq, f);
            }
            return Ok(cursor);
        }
        let mut ok_so_far = cursor.is_some();
        for ((seq, f), update) in files.into_iter().zip(updates) {
            let advance = ok_so_far.then_some((replica, seq));
            match self
                .state
                .import_batch(std::slice::from_ref(&update), advance)
                .await
            {
                Ok(carried) => {
                    self.mark_shared(std::slice::from_ref(&update), &carried)
                        .await?;
                    if ok_so_far {
                        recorded = Some(seq);
                    }
                    self.received(replica, seq, f);
                }
                Err(e) => {
                    let fault = FileFault::Rejected(e.to_string());
                    self.report
                        .skipped
                        .push(skipped(rel(replica, &format::update_name(seq)), &fault));
                    ok_so_far = false;
                    *contiguous = false;
                }
            }
        }
        Ok(recorded)
    }

    /// The meetings this round's imports changed: those the store's clock says were written since
    /// [`Round::tick_before`], or (a store without a clock) whose version differs from the one noted
    /// before their first import.
    pub(crate) async fn meetings_changed(&mut self) -> Result<Vec<String>, SyncError> {
        let imported = std::mem::take(&mut self.changed);
        if imported.is_empty() {
            return Ok(Vec::new());
        }
        if let Some(tick) = self.tick_before
            && let Some((_, written)) = self.state.changed_since(tick).await?
        {
            let written: BTreeSet<String> = written.into_iter().collect();
            return Ok(imported
                .into_iter()
                .filter(|m| written.contains(m))
                .collect());
        }
        let mut changed = Vec::new();
        for m in imported {
            let before = self.before.get(&m).map(Vec::as_slice).unwrap_or_default();
            // Imported this round, so the store holds it: a failure to read it is a store failure.
            if !same_version(before, &self.state.version(&m).await?) {
                changed.push(m);
            }
        }
        Ok(changed)
    }

    fn received(&mut self, replica: &str, seq: u64, f: format::UpdateFile) {
        self.changed.insert(f.meeting_id.clone());
        self.report.received.push(ReceivedFile {
            file: rel(replica, &format::update_name(seq)),
            replica_id: replica.to_owned(),
            meeting_ids: vec![f.meeting_id],
            bytes: f.payload.len() as u64,
        });
    }

    /// Imports `snapshot-<snap>.snap` in one transaction that moves the cursor to `snap`.
    async fn import_snapshot(
        &mut self,
        replica: &str,
        snap: u64,
        dir: &str,
    ) -> Result<Option<u64>, SyncError> {
        let name = format::snapshot_name(snap);
        let decoded = read_file(&self.loc, &join(dir, &name))
            .await
            .and_then(|b| format::decode_snapshot(&b, replica, snap));
        let file = match decoded {
            Ok(f) if !f.entries.is_empty() => f,
            Ok(_) => return Ok(None),
            Err(fault) => {
                self.report
                    .skipped
                    .push(skipped(rel(replica, &name), &fault));
                return Ok(None);
            }
        };
        self.remember_versions(&file.entries).await?;
        let carried = match (self.state)
            .import_batch(&file.entries, Some((replica, snap)))
            .await
        {
            Ok(carried) => carried,
            Err(e) => {
                let fault = FileFault::Rejected(e.to_string());
                self.report
                    .skipped
                    .push(skipped(rel(replica, &name), &fault));
                return Ok(None);
            }
        };
        self.mark_shared(&file.entries, &carried).await?;
        self.changed
            .extend(file.entries.iter().map(|(m, _)| m.clone()));
        self.report.received.push(ReceivedFile {
            file: rel(replica, &name),
            replica_id: replica.to_owned(),
            bytes: file.entries.iter().map(|(_, p)| p.len() as u64).sum(),
            meeting_ids: file.entries.into_iter().map(|(m, _)| m).collect(),
        });
        Ok(Some(snap))
    }
}
