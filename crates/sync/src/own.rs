//! This replica's own files in the folder: what it wrote, whether they are still there and whole, and
//! whether someone else writes under its replica id.
//!
//! **Lost or damaged files.** A sync tool can lose or truncate one of our files. Every reader then stops its
//! cursor below that file, and without a repair it would wait until our next periodic snapshot. So the writer
//! records the length and CRC-32 of each file it writes (before renaming it into place) and checks them each
//! round: update files above our newest snapshot are read back whole (they are small), the snapshot's length
//! is checked each round and its bytes on full scans. A missing or damaged file is healed by writing a
//! snapshot at our head, which covers it; a reader that met the gap jumps to that snapshot in its next round
//! (see `receive.rs`). Readers also name the file they wait on in their `replica.json` (`waiting`), which
//! the writer's report shows.
//!
//! **Two writers under one id.** A copied data directory that the store did not notice (see the store's
//! `identity.rs`) writes under the same replica id as the original. The writer then finds, under its own
//! id, a well-formed file it did not write: one above its head, one whose bytes differ from its record (the
//! sync tool kept the other copy's), or a `replica.json` that announces more than it wrote. It takes a new
//! replica id ([`ReplicaState::renew_identity`]), forgets what it recorded as sent, and writes everything it
//! holds under the new id; the old id's files are then read like any colleague's. Nothing is lost on either
//! side: the store gives every open its own Loro peer id, so the two copies' changes never share an id.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::SyncError;
use crate::folder::{join, list_replica_dir, read_replica_json, replica_dir};
use crate::format::{self, FileFault};
use crate::keys::{KEY_IDENTITY, WRITER_KEYS, key_written};
use crate::report::Progress;
use crate::round::{Round, read_file, rel};
use crate::state::ReplicaState;

/// Makes the writer's bookkeeping belong to `id`. When it belonged to another id (the store took a new one
/// because the data directory was copied, or [`Round::check_own_files`] found another writer), what was
/// recorded as written is forgotten, so everything is written again under `id`. Returns the former id then.
pub(crate) async fn adopt_identity<S: ReplicaState>(
    state: &S,
    id: &str,
) -> Result<Option<String>, SyncError> {
    let former = state
        .kv_get(KEY_IDENTITY)
        .await?
        .map(|b| String::from_utf8_lossy(&b).into_owned());
    match former {
        Some(f) if f == id => Ok(None),
        Some(f) => {
            for prefix in WRITER_KEYS {
                state.kv_remove_prefix(prefix).await?;
            }
            state.kv_set(KEY_IDENTITY, id.as_bytes()).await?;
            Ok(Some(f))
        }
        // Bookkeeping from before this key existed was written under the current id.
        None => {
            state.kv_set(KEY_IDENTITY, id.as_bytes()).await?;
            Ok(None)
        }
    }
}

/// Length and CRC-32 of a whole file as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct FileSum {
    len: u64,
    crc: u32,
}

impl FileSum {
    fn of(bytes: &[u8]) -> FileSum {
        FileSum {
            len: bytes.len() as u64,
            crc: crc32fast::hash(bytes),
        }
    }
}

/// What this replica wrote into one folder and has not yet covered by a newer snapshot.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Written {
    updates: BTreeMap<u64, FileSum>,
    snapshot: Option<(u64, FileSum)>,
}

/// The outcome of checking our own files.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum OwnCheck {
    Intact,
    /// Files of ours that are missing or damaged (paths as reports show them).
    Damaged {
        files: Vec<String>,
        snapshot: bool,
    },
    /// Another installation writes under our id: why we think so.
    Foreign(String),
}

impl<S: ReplicaState, P: Fn(Progress) + Send + Sync> Round<'_, S, P> {
    async fn written(&self) -> Result<Written, SyncError> {
        Ok(self
            .state
            .kv_get(&key_written(&self.loc_key))
            .await?
            .and_then(|b| {
                serde_json::from_slice(&b)
                    .inspect_err(|e| {
                        tracing::warn!(error = %e, "unreadable record of own files; checking none this round")
                    })
                    .ok()
            })
            .unwrap_or_default())
    }

    async fn save_written(&self, w: &Written) -> Result<(), SyncError> {
        let bytes = serde_json::to_vec(w).expect("numbers serialise");
        self.state.kv_set(&key_written(&self.loc_key), &bytes).await
    }

    /// Records an update file about to be renamed into place.
    pub(crate) async fn note_update(&self, seq: u64, bytes: &[u8]) -> Result<(), SyncError> {
        let mut w = self.written().await?;
        w.updates.insert(seq, FileSum::of(bytes));
        self.save_written(&w).await
    }

    /// Records a snapshot about to be renamed into place; the update files it covers need no more checks.
    pub(crate) async fn note_snapshot(&self, seq: u64, bytes: &[u8]) -> Result<(), SyncError> {
        let mut w = self.written().await?;
        w.updates.retain(|&s, _| s > seq);
        w.snapshot = Some((seq, FileSum::of(bytes)));
        self.save_written(&w).await
    }

    /// Checks our own files in the folder against what we wrote (see the module docs). `head` is the
    /// highest seq we wrote; `full` also reads the snapshot back. Reports conflicted copies in our folder.
    pub(crate) async fn check_own_files(
        &mut self,
        head: u64,
        full: bool,
    ) -> Result<OwnCheck, SyncError> {
        let dir = replica_dir(&self.me.id);
        let Ok(listing) = list_replica_dir(&self.loc, &dir).await else {
            // Not there yet (a new folder) or unlistable: the send half reports what it cannot write.
            return Ok(OwnCheck::Intact);
        };
        let me = self.me.id.clone();
        self.report
            .ignored
            .extend(listing.ignored.iter().map(|n| rel(&me, n)));
        let w = self.written().await?;
        if let Some(&seq) = listing
            .updates
            .iter()
            .find(|&&s| s > head && !w.updates.contains_key(&s))
        {
            return Ok(OwnCheck::Foreign(format!(
                "{} is under this installation's replica id but it did not write it",
                rel(&me, &format::update_name(seq))
            )));
        }
        if let Ok(Some(json)) = read_replica_json(&self.loc, &dir, &me).await
            && json.head > head
            && !w.updates.contains_key(&json.head)
        {
            return Ok(OwnCheck::Foreign(format!(
                "{} announces update {} but this installation wrote only up to {head}",
                rel(&me, "replica.json"),
                json.head
            )));
        }
        let mut damaged = Vec::new();
        for (&seq, &sum) in &w.updates {
            let name = format::update_name(seq);
            let verdict = self
                .verify(&join(&dir, &name), sum, |b| {
                    format::decode_update(b, &me, seq).is_ok()
                })
                .await;
            match verdict {
                Verdict::Intact => {}
                Verdict::Damaged => damaged.push(rel(&me, &name)),
                Verdict::Foreign => {
                    return Ok(OwnCheck::Foreign(format!(
                        "{} holds changes this installation did not write",
                        rel(&me, &name)
                    )));
                }
            }
        }
        let mut snapshot = false;
        if let Some((seq, sum)) = w.snapshot {
            let name = format::snapshot_name(seq);
            let path = join(&dir, &name);
            let len_ok = matches!(self.loc.stat(&path).await, Ok(Some(m)) if m.len == sum.len);
            if !len_ok || full {
                let verdict = self
                    .verify(&path, sum, |b| format::decode_snapshot(b, &me, seq).is_ok())
                    .await;
                match verdict {
                    Verdict::Intact => {}
                    Verdict::Damaged => {
                        damaged.push(rel(&me, &name));
                        snapshot = true;
                    }
                    Verdict::Foreign => {
                        return Ok(OwnCheck::Foreign(format!(
                            "{} holds a state this installation did not write",
                            rel(&me, &name)
                        )));
                    }
                }
            }
        }
        Ok(if damaged.is_empty() {
            OwnCheck::Intact
        } else {
            OwnCheck::Damaged {
                files: damaged,
                snapshot,
            }
        })
    }

    async fn verify(
        &self,
        path: &str,
        sum: FileSum,
        well_formed: impl Fn(&[u8]) -> bool,
    ) -> Verdict {
        match read_file(&self.loc, path).await {
            Ok(bytes) if FileSum::of(&bytes) == sum => Verdict::Intact,
            // Whole and ours by its header, but not the bytes we wrote: another writer's.
            Ok(bytes) if well_formed(&bytes) => Verdict::Foreign,
            Ok(_) | Err(FileFault::Missing | FileFault::TooLarge(_) | FileFault::Sealed) => {
                Verdict::Damaged
            }
            // A passing I/O error (a network drive) is no proof of damage: check again next round.
            Err(_) => Verdict::Intact,
        }
    }
}

enum Verdict {
    Intact,
    Damaged,
    Foreign,
}
