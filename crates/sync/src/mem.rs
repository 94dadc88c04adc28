//! An in-memory [`ReplicaState`]: real Loro documents, no SQLite. It keeps the folder logic testable on its own
//! and gives benchmarks a baseline free of the store's projection cost. Not for production: nothing persists.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

use loro::{ExportMode, LoroDoc, LoroValue, VersionVector};

use crate::error::SyncError;
use crate::state::{Carried, Export, LocalReplica, ReplicaState};

/// A replica whose documents live in memory.
#[derive(Debug)]
pub struct MemReplica {
    replica: Mutex<LocalReplica>,
    peer: u64,
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    docs: BTreeMap<String, LoroDoc>,
    cursors: HashMap<String, u64>,
    kv: HashMap<String, Vec<u8>>,
    imports: u64,
    /// The document clock, and the tick of each meeting's last change (see [`ReplicaState::changed_since`]).
    clock: u64,
    ticks: HashMap<String, u64>,
    /// How many times a round asked for a meeting's version or an export since it: per-meeting work.
    meeting_reads: u64,
    /// How many reads of versions and bookkeeping a round made: each one query in the real store.
    lookups: u64,
}

impl Inner {
    fn stamp(&mut self, meeting_id: &str) {
        self.clock += 1;
        self.ticks.insert(meeting_id.to_owned(), self.clock);
    }
}

impl MemReplica {
    /// A replica with the given id and name; `peer` is its Loro peer id (must differ between replicas).
    pub fn new(id: &str, name: &str, peer: u64) -> MemReplica {
        MemReplica {
            replica: Mutex::new(LocalReplica {
                id: id.into(),
                name: name.into(),
            }),
            peer,
            inner: Mutex::new(Inner::default()),
        }
    }

    /// A copy of this replica as a copied data directory would be: same replica id, documents and
    /// bookkeeping, but (as the store does on every open) its own Loro peer id `peer`.
    pub fn copy_with_peer(&self, peer: u64) -> MemReplica {
        let inner = self.inner.lock().expect("not poisoned");
        let docs = inner
            .docs
            .iter()
            .map(|(id, d)| {
                let copy = new_doc(peer);
                copy.import(&d.export(ExportMode::Snapshot).expect("exports"))
                    .expect("imports its own snapshot");
                (id.clone(), copy)
            })
            .collect();
        MemReplica {
            replica: Mutex::new(self.replica.lock().expect("not poisoned").clone()),
            peer,
            inner: Mutex::new(Inner {
                docs,
                cursors: inner.cursors.clone(),
                kv: inner.kv.clone(),
                imports: 0,
                clock: inner.clock,
                ticks: inner.ticks.clone(),
                meeting_reads: 0,
                lookups: 0,
            }),
        }
    }

    /// Runs `f` on the meeting's document (created if new) and commits, as a local edit.
    pub fn edit<R>(&self, meeting_id: &str, f: impl FnOnce(&LoroDoc) -> R) -> R {
        let mut inner = self.inner.lock().expect("not poisoned");
        let peer = self.peer;
        let doc = inner
            .docs
            .entry(meeting_id.to_owned())
            .or_insert_with(|| new_doc(peer));
        let r = f(doc);
        doc.commit();
        inner.stamp(meeting_id);
        r
    }

    /// Every document's value, by meeting id.
    pub fn values(&self) -> BTreeMap<String, LoroValue> {
        let inner = self.inner.lock().expect("not poisoned");
        inner
            .docs
            .iter()
            .map(|(k, d)| (k.clone(), d.get_deep_value()))
            .collect()
    }

    /// How many times a round read a meeting's version or exported changes since one: the per-meeting work
    /// a round with nothing new should not do.
    pub fn meeting_reads(&self) -> u64 {
        self.inner.lock().expect("not poisoned").meeting_reads
    }

    /// How many reads of versions and bookkeeping (each a query in the real store) rounds made so far.
    pub fn lookups(&self) -> u64 {
        self.inner.lock().expect("not poisoned").lookups
    }

    /// How many payloads were imported so far.
    pub fn import_count(&self) -> u64 {
        self.inner.lock().expect("not poisoned").imports
    }
}

fn new_doc(peer: u64) -> LoroDoc {
    let doc = LoroDoc::new();
    doc.set_peer_id(peer)
        .expect("a fresh document accepts a peer id");
    doc
}

fn loro_err(e: impl std::fmt::Display) -> SyncError {
    SyncError::Store(e.to_string().into())
}

impl ReplicaState for MemReplica {
    async fn local_replica(&self) -> Result<LocalReplica, SyncError> {
        Ok(self.replica.lock().expect("not poisoned").clone())
    }

    async fn renew_identity(&self) -> Result<LocalReplica, SyncError> {
        let mut r = self.replica.lock().expect("not poisoned");
        // Unique enough for tests: the peer id differs between copies.
        r.id = format!(
            "{}-{:x}",
            r.id.chars().take(40).collect::<String>(),
            self.peer
        );
        Ok(r.clone())
    }

    async fn meeting_ids(&self) -> Result<Vec<String>, SyncError> {
        Ok(self
            .inner
            .lock()
            .expect("not poisoned")
            .docs
            .keys()
            .cloned()
            .collect())
    }

    async fn changed_since(&self, since: u64) -> Result<Option<(u64, Vec<String>)>, SyncError> {
        let inner = self.inner.lock().expect("not poisoned");
        let mut ids: Vec<String> = (inner.ticks.iter())
            .filter(|&(_, &t)| t > since)
            .map(|(m, _)| m.clone())
            .collect();
        ids.sort();
        Ok(Some((inner.clock, ids)))
    }

    async fn version(&self, meeting_id: &str) -> Result<Vec<u8>, SyncError> {
        let mut inner = self.inner.lock().expect("not poisoned");
        inner.meeting_reads += 1;
        inner.lookups += 1;
        Ok(inner
            .docs
            .get(meeting_id)
            .map(|d| d.oplog_vv().encode())
            .unwrap_or_default())
    }

    async fn versions(&self, meeting_ids: &[String]) -> Result<Vec<Vec<u8>>, SyncError> {
        let mut inner = self.inner.lock().expect("not poisoned");
        inner.meeting_reads += meeting_ids.len() as u64;
        inner.lookups += 1;
        Ok((meeting_ids.iter())
            .map(|id| inner.docs.get(id).map(|d| d.oplog_vv().encode()))
            .map(Option::unwrap_or_default)
            .collect())
    }

    async fn export_since(
        &self,
        meeting_id: &str,
        from: &[u8],
    ) -> Result<Option<Export>, SyncError> {
        let mut inner = self.inner.lock().expect("not poisoned");
        inner.meeting_reads += 1;
        let doc = inner
            .docs
            .get(meeting_id)
            .ok_or_else(|| SyncError::Invalid(format!("no meeting {meeting_id}")))?;
        let from = if from.is_empty() {
            VersionVector::default()
        } else {
            VersionVector::decode(from).map_err(loro_err)?
        };
        let vv = doc.oplog_vv();
        if from.includes_vv(&vv) {
            return Ok(None);
        }
        let payload = doc.export(ExportMode::updates(&from)).map_err(loro_err)?;
        Ok(Some(Export {
            payload,
            version: vv.encode(),
        }))
    }

    async fn export_snapshot(&self, meeting_id: &str) -> Result<Export, SyncError> {
        let inner = self.inner.lock().expect("not poisoned");
        let doc = inner
            .docs
            .get(meeting_id)
            .ok_or_else(|| SyncError::Invalid(format!("no meeting {meeting_id}")))?;
        Ok(Export {
            payload: doc.export(ExportMode::Snapshot).map_err(loro_err)?,
            version: doc.oplog_vv().encode(),
        })
    }

    async fn import_batch(
        &self,
        updates: &[(String, Vec<u8>)],
        cursor: Option<(&str, u64)>,
    ) -> Result<Carried, SyncError> {
        let mut inner = self.inner.lock().expect("not poisoned");
        // All or nothing, like the store's transaction: check every payload decodes before applying any.
        for (_, payload) in updates {
            LoroDoc::decode_import_blob_meta(payload, false).map_err(loro_err)?;
        }
        let peer = self.peer;
        for (meeting_id, payload) in updates {
            let doc = inner
                .docs
                .entry(meeting_id.clone())
                .or_insert_with(|| new_doc(peer));
            doc.import(payload).map_err(loro_err)?;
            inner.imports += 1;
            inner.stamp(meeting_id);
        }
        if let Some((replica, seq)) = cursor {
            let c = inner.cursors.entry(replica.to_owned()).or_default();
            *c = (*c).max(seq);
        }
        // It learns nothing while importing: the round reads every payload's range itself.
        Ok(Carried::new())
    }

    async fn cursor(&self, replica_id: &str) -> Result<Option<u64>, SyncError> {
        Ok(self
            .inner
            .lock()
            .expect("not poisoned")
            .cursors
            .get(replica_id)
            .copied())
    }

    async fn kv_get(&self, key: &str) -> Result<Option<Vec<u8>>, SyncError> {
        let mut inner = self.inner.lock().expect("not poisoned");
        inner.lookups += 1;
        Ok(inner.kv.get(key).cloned())
    }

    async fn kv_list(&self, prefix: &str) -> Result<Vec<(String, Vec<u8>)>, SyncError> {
        let mut inner = self.inner.lock().expect("not poisoned");
        inner.lookups += 1;
        let mut entries: Vec<(String, Vec<u8>)> = (inner.kv.iter())
            .filter(|(k, _)| k.starts_with(prefix))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        entries.sort();
        Ok(entries)
    }

    async fn kv_set(&self, key: &str, value: &[u8]) -> Result<(), SyncError> {
        self.inner
            .lock()
            .expect("not poisoned")
            .kv
            .insert(key.to_owned(), value.to_vec());
        Ok(())
    }

    async fn kv_remove_prefix(&self, prefix: &str) -> Result<(), SyncError> {
        self.inner
            .lock()
            .expect("not poisoned")
            .kv
            .retain(|k, _| !k.starts_with(prefix));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SyncService;

    #[tokio::test]
    async fn two_memory_replicas_converge_through_a_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let folder = tmp.path().join("shared");
        std::fs::create_dir(&folder).unwrap();
        let (a, b) = (MemReplica::new("a", "A", 1), MemReplica::new("b", "B", 2));
        let (sa, sb) = (
            SyncService::new(tmp.path().join("da")),
            SyncService::new(tmp.path().join("db")),
        );
        std::fs::create_dir_all(sa.data_dir()).unwrap();
        std::fs::create_dir_all(sb.data_dir()).unwrap();
        a.edit("m", |d| d.get_text("t").insert(0, "from a").unwrap());
        b.edit("m", |d| d.get_text("t").insert(0, "from b ").unwrap());
        for _ in 0..2 {
            sa.round(&a, &folder, |_| {}).await.unwrap();
            sb.round(&b, &folder, |_| {}).await.unwrap();
        }
        assert_eq!(a.values(), b.values());
        let imports = b.import_count();
        // A quiet round imports nothing again.
        sb.round(&b, &folder, |_| {}).await.unwrap();
        assert_eq!(b.import_count(), imports);
    }
}
