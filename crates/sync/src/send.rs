//! The outgoing half of a round (see [`crate::service`] for the protocol): checking our own files, writing
//! new update files and snapshots, and publishing `replica.json`.

use std::collections::{BTreeMap, HashMap};

use loro::VersionVector;

use crate::error::SyncError;
use crate::folder::{self, REPLICA_JSON_FORMAT, ReplicaJson, io_reason, join};
use crate::format::{self, encode_snapshot, encode_update};
use crate::keys::{KEY_NEXT_SEQ, KEY_SNAPSHOT, key_exported, key_sent_tick, key_shared_in, u64_of};
use crate::own::{self, OwnCheck};
use crate::report::{Phase, Progress, SentFile};
use crate::round::{Round, SyncOptions, decode_version, now_unix, rel, same_version};
use crate::state::{Carried, ReplicaState};

/// From this many meetings to send, and at least half of all, a round sends one snapshot instead of one
/// update file per meeting ([`Round::send_bulk`]): one file written and made durable instead of hundreds.
const BULK_MIN: usize = 64;

/// From this many meetings to compare with a location or to record as shared, their versions and
/// bookkeeping are read all at once.
const BATCH_MIN: usize = 32;

impl<S: ReplicaState, P: Fn(Progress) + Send + Sync> Round<'_, S, P> {
    /// Checks our own files (`own.rs`): takes a new replica id if another installation writes under ours,
    /// and plans a healing snapshot if some of ours are missing or damaged.
    pub(crate) async fn check_identity(&mut self, full_scan: bool) -> Result<(), SyncError> {
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
    pub(crate) async fn mark_shared(
        &self,
        files: &[(String, Vec<u8>)],
        carried: &Carried,
    ) -> Result<(), SyncError> {
        let mut ranges: BTreeMap<&str, Vec<Range>> = BTreeMap::new();
        for ((meeting, _), range) in files.iter().zip(payload_ranges(files, carried)) {
            if let Some(range) = range {
                ranges.entry(meeting.as_str()).or_default().push(range);
            }
        }
        let mut known = if ranges.len() >= BATCH_MIN {
            Some(self.shared_versions().await?)
        } else {
            None
        };
        let mut grown = Vec::new();
        for (meeting, ranges) in ranges {
            let key = key_shared_in(&self.loc_key, meeting);
            let old = match known.as_mut() {
                Some(k) => k.remove(meeting).unwrap_or_default(),
                None => self.shared_version(meeting).await?,
            };
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
                grown.push((key, vv.encode()));
            }
        }
        if !grown.is_empty() {
            self.state.kv_set_many(&grown).await?;
        }
        Ok(())
    }

    /// Notes the version of each meeting in `files` not yet imported this round (see [`Round::before`]).
    pub(crate) async fn remember_versions(
        &mut self,
        files: &[(String, Vec<u8>)],
    ) -> Result<(), SyncError> {
        if self.tick_before.is_some() {
            // The store's clock tells which meetings this round wrote (see `service.rs`).
            return Ok(());
        }
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
        let key = key_shared_in(&self.loc_key, meeting);
        match self.state.kv_get(&key).await? {
            Some(v) => Ok(v),
            None => Ok(self
                .state
                .kv_get(&key_exported(meeting))
                .await?
                .unwrap_or_default()),
        }
    }

    /// The meetings of `candidates` whose version here is not what the location holds. Many are compared
    /// from three reads (their versions, and this location's and every location's bookkeeping by prefix)
    /// instead of three each: a first upload, or the round after a first download, compares every meeting.
    async fn differing(&self, candidates: Vec<String>) -> Result<Vec<String>, SyncError> {
        let mut to_send = Vec::new();
        if candidates.len() < BATCH_MIN {
            for meeting in candidates {
                let here = self.state.version(&meeting).await?;
                if !same_version(&self.shared_version(&meeting).await?, &here) {
                    to_send.push(meeting);
                }
            }
            return Ok(to_send);
        }
        let versions = self.state.versions(&candidates).await?;
        let shared = self.shared_versions().await?;
        for (meeting, here) in candidates.into_iter().zip(versions) {
            let there = shared.get(&meeting).map_or(&[][..], Vec::as_slice);
            if !same_version(there, &here) {
                to_send.push(meeting);
            }
        }
        Ok(to_send)
    }

    /// What [`Self::shared_version`] gives for every meeting it knows, from two reads by prefix: what was
    /// written anywhere stands in for a meeting this location has not recorded yet.
    async fn shared_versions(&self) -> Result<HashMap<String, Vec<u8>>, SyncError> {
        let mut versions = self.kv_by_meeting(&key_exported("")).await?;
        versions.extend(
            self.kv_by_meeting(&key_shared_in(&self.loc_key, ""))
                .await?,
        );
        Ok(versions)
    }

    /// The bookkeeping entries under `prefix` (a per-meeting key with an empty meeting), by meeting: what
    /// [`ReplicaState::kv_get`] of each meeting's key would read.
    async fn kv_by_meeting(&self, prefix: &str) -> Result<HashMap<String, Vec<u8>>, SyncError> {
        Ok((self.state.kv_list(prefix).await?.into_iter())
            .filter_map(|(k, v)| Some((k.strip_prefix(prefix)?.to_owned(), v)))
            .collect())
    }

    fn own_dir(&self) -> String {
        folder::replica_dir(&self.me.id)
    }

    /// The meetings this round must compare with what the location holds: those written since the
    /// store's clock stood at the tick recorded after the last complete send to this location, or every
    /// meeting when there is no such tick (a new location, a store without a clock). Returns the clock to
    /// record once they are all sent.
    async fn meetings_to_compare(&self) -> Result<(Option<u64>, Vec<String>), SyncError> {
        let mark = self.state.kv_get(&key_sent_tick(&self.loc_key)).await?;
        if let Some(mark) = mark.filter(|m| m.len() == 8)
            && let Some((clock, ids)) = self.state.changed_since(u64_of(Some(mark))).await?
        {
            return Ok((Some(clock), ids));
        }
        // The clock is read before the list: a meeting written in between is compared again next round.
        let clock = self.state.changed_since(u64::MAX).await?.map(|(c, _)| c);
        Ok((clock, self.state.meeting_ids().await?))
    }

    /// The outgoing half. Returns our `replica.json` as found in the folder (to be rewritten at the end).
    pub(crate) async fn send(
        &mut self,
        options: &SyncOptions,
    ) -> Result<Option<ReplicaJson>, SyncError> {
        let own_dir = self.own_dir();
        if let Err(e) = self.loc.create_dir_all(&own_dir).await {
            self.report.write_error = Some(format!(
                "cannot create {}: {}",
                self.loc.shown_rel(&own_dir),
                io_reason(&e)
            ));
            return Ok(None);
        }
        self.loc.remove_own_temporaries(&own_dir);
        let own_json = folder::read_replica_json(&self.loc, &own_dir, &self.me.id)
            .await
            .ok()
            .flatten();
        let head_in_folder = own_json.as_ref().map_or(0, |j| j.head);
        let recorded_next = u64_of(self.state.kv_get(KEY_NEXT_SEQ).await?).max(1);
        // The folder lacks some of our files (new, replaced or restored folder): readers will need a snapshot.
        let folder_behind = head_in_folder + 1 < recorded_next;
        let mut next = recorded_next.max(head_in_folder + 1);

        let (clock, candidates) = self.meetings_to_compare().await?;
        let to_send = self.differing(candidates).await?;
        let mut all = None;
        if to_send.len() >= BULK_MIN {
            let meetings = self.state.meeting_ids().await?;
            if to_send.len() * 2 >= meetings.len() {
                return self.send_bulk(next, &meetings, clock, own_json).await;
            }
            all = Some(meetings);
        }
        let total = to_send.len() as u64;
        for (i, meeting) in to_send.iter().enumerate() {
            (self.progress)(Progress {
                phase: Phase::Sending,
                done: i as u64,
                total,
                replica_id: None,
            });
            let from = self.shared_version(meeting).await?;
            let Some(export) = self.state.export_since(meeting, &from).await? else {
                continue;
            };
            next = self.free_seq(next).await;
            let name = format::update_name(next);
            let bytes = encode_update(&self.me.id, next, meeting, &export.payload);
            // Recorded before the rename, so that after a crash in between the file is still known as ours.
            self.note_update(next, &bytes).await?;
            // Create-only: a file appearing under our name since the check above is another writer's,
            // which the next round's check of our own files finds (`own.rs`).
            if let Err(e) = self.loc.write_new(&join(&own_dir, &name), &bytes).await {
                let reason = match e.kind() {
                    std::io::ErrorKind::AlreadyExists => {
                        "a file of that name appeared meanwhile (another installation under this \
                         replica id?)"
                            .to_owned()
                    }
                    _ => io_reason(&e),
                };
                self.report.write_error = Some(format!("cannot write {name}: {reason}"));
                return Ok(own_json);
            }
            // Only now, with the file durably in place, is the change recorded as sent.
            let mut marks = self.sent_marks(meeting, &export.version);
            marks.push((KEY_NEXT_SEQ.to_owned(), (next + 1).to_le_bytes().to_vec()));
            self.state.kv_set_many(&marks).await?;
            self.report.sent.push(SentFile {
                file: rel(&self.me.id, &name),
                meeting_id: meeting.clone(),
                bytes: bytes.len() as u64,
            });
            next += 1;
        }
        if let Some(clock) = clock {
            // Every meeting written up to `clock` is now in the location (or was already).
            let key = key_sent_tick(&self.loc_key);
            self.state.kv_set(&key, &clock.to_le_bytes()).await?;
        }

        let head = next - 1;
        let last_snapshot = u64_of(self.state.kv_get(KEY_SNAPSHOT).await?);
        let due = head >= last_snapshot + options.snapshot_every.max(1);
        // A damaged snapshot at our head is rewritten; a missing or damaged update is covered by a new one.
        let snapshot_path = join(&own_dir, &format::snapshot_name(head));
        if head > 0 && (due || folder_behind || self.heal) {
            let snapshot_missing =
                self.heal || !matches!(self.loc.stat(&snapshot_path).await, Ok(Some(_)));
            if snapshot_missing {
                let meetings = match all {
                    Some(m) => m,
                    None => self.state.meeting_ids().await?,
                };
                self.write_snapshot(head, &meetings).await?;
            }
        }
        Ok(own_json)
    }

    /// The bookkeeping that records `version` of `meeting` as in this location (and written by us).
    fn sent_marks(&self, meeting: &str, version: &[u8]) -> Vec<(String, Vec<u8>)> {
        vec![
            (key_shared_in(&self.loc_key, meeting), version.to_vec()),
            (key_exported(meeting), version.to_vec()),
        ]
    }

    /// The first seq from `next` on that names no file of ours in the location, update or snapshot: a
    /// file left by a crash between its write and its bookkeeping is never overwritten.
    async fn free_seq(&self, mut next: u64) -> u64 {
        let own_dir = self.own_dir();
        loop {
            let taken = [format::update_name(next), format::snapshot_name(next)];
            let mut free = true;
            for name in taken {
                if self
                    .loc
                    .stat(&join(&own_dir, &name))
                    .await
                    .is_ok_and(|m| m.is_some())
                {
                    free = false;
                    break;
                }
            }
            if free {
                return next;
            }
            next += 1;
        }
    }

    /// Sends most of the meetings at once: one snapshot of every meeting under a new seq, instead of one
    /// update file each (a first upload, or a location that lacks most of what we hold). Readers need nothing
    /// new: a reader at any cursor below the seq finds the update files up to it missing and jumps to the
    /// snapshot (`receive.rs`), exactly as it does for a periodic snapshot. Bookkeeping is written in one
    /// transaction once the file is in place.
    async fn send_bulk(
        &mut self,
        next: u64,
        meetings: &[String],
        clock: Option<u64>,
        own_json: Option<ReplicaJson>,
    ) -> Result<Option<ReplicaJson>, SyncError> {
        let seq = self.free_seq(next).await;
        let Some(versions) = self.write_snapshot(seq, meetings).await? else {
            return Ok(own_json);
        };
        let mut marks = Vec::with_capacity(2 * versions.len() + 2);
        for (meeting, version, bytes) in &versions {
            marks.extend(self.sent_marks(meeting, version));
            self.report.sent.push(SentFile {
                file: rel(&self.me.id, &format::snapshot_name(seq)),
                meeting_id: meeting.clone(),
                bytes: *bytes,
            });
        }
        marks.push((KEY_NEXT_SEQ.to_owned(), (seq + 1).to_le_bytes().to_vec()));
        if let Some(clock) = clock {
            marks.push((key_sent_tick(&self.loc_key), clock.to_le_bytes().to_vec()));
        }
        self.state.kv_set_many(&marks).await?;
        Ok(own_json)
    }

    /// Writes `snapshot-<head>.snap` of `meetings`. Returns each meeting's version and size in it, or `None`
    /// when nothing was written (no meeting, or the location refused the file: see the report).
    async fn write_snapshot(
        &mut self,
        head: u64,
        meetings: &[String],
    ) -> Result<Option<Vec<(String, Vec<u8>, u64)>>, SyncError> {
        let mut entries = Vec::with_capacity(meetings.len());
        let mut versions = Vec::with_capacity(meetings.len());
        for m in meetings {
            let export = self.state.export_snapshot(m).await?;
            versions.push((m.clone(), export.version, export.payload.len() as u64));
            entries.push((m.clone(), export.payload));
        }
        if entries.is_empty() {
            return Ok(None);
        }
        let name = format::snapshot_name(head);
        let bytes = encode_snapshot(&self.me.id, head, &entries);
        self.note_snapshot(head, &bytes).await?;
        match self.loc.write(&join(&self.own_dir(), &name), &bytes).await {
            Ok(()) => {
                self.state.kv_set(KEY_SNAPSHOT, &head.to_le_bytes()).await?;
                self.report.snapshot_written = Some(rel(&self.me.id, &name));
                Ok(Some(versions))
            }
            Err(e) => {
                self.report.write_error = Some(format!("cannot write {name}: {}", io_reason(&e)));
                Ok(None)
            }
        }
    }

    /// Rewrites our `replica.json` when what it says changed.
    pub(crate) async fn publish(
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
        let path = join(&self.own_dir(), "replica.json");
        if let Err(e) = self.loc.write(&path, &bytes).await {
            self.report.write_error = Some(format!("cannot write replica.json: {}", io_reason(&e)));
        }
        Ok(())
    }
}

/// The operations a payload carries: from its start version to its end version.
type Range = (VersionVector, VersionVector);

/// The range of operations each payload carries, or `None` for bytes that are not Loro's: from nothing
/// to the version the import read, for a payload in `carried`; read from the others (on every core when
/// there are many: reading a snapshot's range decodes its history).
fn payload_ranges(files: &[(String, Vec<u8>)], carried: &Carried) -> Vec<Option<Range>> {
    let unread: Vec<&[u8]> = (files.iter())
        .filter(|(meeting, _)| !carried.contains_key(meeting))
        .map(|(_, payload)| payload.as_slice())
        .collect();
    let mut read = read_ranges(&unread).into_iter();
    (files.iter())
        .map(|(meeting, _)| match carried.get(meeting) {
            Some(version) => Some((VersionVector::new(), version.clone())),
            None => read.next().flatten(),
        })
        .collect()
}

/// The range each of `payloads` carries, as [`payload_ranges`] gives it.
fn read_ranges(payloads: &[&[u8]]) -> Vec<Option<Range>> {
    let range = |payload: &&[u8]| {
        loro::LoroDoc::decode_import_blob_meta(payload, false)
            .ok()
            .map(|meta| (meta.partial_start_vv, meta.partial_end_vv))
    };
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let threads = cores.min(payloads.len() / BATCH_MIN).max(1);
    if threads == 1 {
        return payloads.iter().map(range).collect();
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = (payloads.chunks(payloads.len().div_ceil(threads)))
            .map(|chunk| scope.spawn(move || chunk.iter().map(range).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}
