//! [`ReplicaState`] for the real store: each method is one call of `rapporteur-store`'s sync API, which
//! already runs every import, projection and cursor update in one SQLite transaction.

use rapporteur_store::{IncomingUpdate, Store, SyncCursor};

use crate::error::SyncError;
use crate::state::{BlobRef, Carried, Export, LocalReplica, ReplicaState};

fn cursor(c: Option<(&str, u64)>) -> Option<SyncCursor> {
    c.map(|(replica_id, seq)| SyncCursor {
        replica_id: replica_id.to_owned(),
        seq,
    })
}

impl ReplicaState for Store {
    async fn local_replica(&self) -> Result<LocalReplica, SyncError> {
        let r = self.replica();
        Ok(LocalReplica {
            id: r.id,
            name: r.name,
        })
    }

    async fn meeting_ids(&self) -> Result<Vec<String>, SyncError> {
        self.meeting_ids_with_docs().await.map_err(SyncError::store)
    }

    async fn changed_since(&self, since: u64) -> Result<Option<(u64, Vec<String>)>, SyncError> {
        self.meetings_changed_since(since)
            .await
            .map(Some)
            .map_err(SyncError::store)
    }

    async fn version(&self, meeting_id: &str) -> Result<Vec<u8>, SyncError> {
        self.current_version(meeting_id)
            .await
            .map_err(SyncError::store)
    }

    async fn versions(&self, meeting_ids: &[String]) -> Result<Vec<Vec<u8>>, SyncError> {
        self.current_versions(meeting_ids)
            .await
            .map_err(SyncError::store)
    }

    async fn export_since(
        &self,
        meeting_id: &str,
        from: &[u8],
    ) -> Result<Option<Export>, SyncError> {
        let e = self
            .export_updates_since(meeting_id, from)
            .await
            .map_err(SyncError::store)?;
        Ok(e.map(|e| Export {
            payload: e.payload,
            version: e.version,
        }))
    }

    async fn export_snapshot(&self, meeting_id: &str) -> Result<Export, SyncError> {
        let e = Store::export_snapshot(self, meeting_id)
            .await
            .map_err(SyncError::store)?;
        Ok(Export {
            payload: e.payload,
            version: e.version,
        })
    }

    async fn import_batch(
        &self,
        updates: &[(String, Vec<u8>)],
        c: Option<(&str, u64)>,
    ) -> Result<Carried, SyncError> {
        let outcomes = if let [(meeting_id, payload)] = updates {
            let outcome = self.import_updates(meeting_id, payload, cursor(c)).await;
            vec![outcome.map_err(SyncError::store)?]
        } else {
            let incoming: Vec<IncomingUpdate> = updates
                .iter()
                .map(|(meeting_id, payload)| IncomingUpdate {
                    meeting_id: meeting_id.clone(),
                    payload: payload.clone(),
                })
                .collect();
            (self.import_updates_batch(&incoming, cursor(c)).await).map_err(SyncError::store)?
        };
        Ok((outcomes.into_iter())
            .filter_map(|o| Some((o.meeting_id, o.carried?)))
            .collect())
    }

    async fn cursor(&self, replica_id: &str) -> Result<Option<u64>, SyncError> {
        self.sync_cursor(replica_id).await.map_err(SyncError::store)
    }

    async fn kv_get(&self, key: &str) -> Result<Option<Vec<u8>>, SyncError> {
        self.sync_kv_get(key).await.map_err(SyncError::store)
    }

    async fn kv_list(&self, prefix: &str) -> Result<Vec<(String, Vec<u8>)>, SyncError> {
        self.sync_kv_list(prefix).await.map_err(SyncError::store)
    }

    async fn kv_set(&self, key: &str, value: &[u8]) -> Result<(), SyncError> {
        self.sync_kv_set(&[(key, Some(value))])
            .await
            .map_err(SyncError::store)
    }

    async fn kv_set_many(&self, entries: &[(String, Vec<u8>)]) -> Result<(), SyncError> {
        let entries: Vec<(&str, Option<&[u8]>)> = entries
            .iter()
            .map(|(k, v)| (k.as_str(), Some(v.as_slice())))
            .collect();
        self.sync_kv_set(&entries).await.map_err(SyncError::store)
    }

    async fn renew_identity(&self) -> Result<LocalReplica, SyncError> {
        let r = self.renew_replica_id().await.map_err(SyncError::store)?;
        Ok(LocalReplica {
            id: r.id,
            name: r.name,
        })
    }

    async fn kv_remove_prefix(&self, prefix: &str) -> Result<(), SyncError> {
        self.sync_kv_remove_prefix(prefix)
            .await
            .map_err(SyncError::store)
    }

    async fn blobs_to_send(&self, all: bool) -> Result<Vec<BlobRef>, SyncError> {
        let refs = Store::blobs_to_send(self, all)
            .await
            .map_err(SyncError::store)?;
        Ok(refs.into_iter().map(blob_ref).collect())
    }

    async fn local_blob(&self, sha256: &str) -> Result<Option<Vec<u8>>, SyncError> {
        Store::local_blob(self, sha256).map_err(SyncError::store)
    }

    async fn blob_in_folder(&self, sha256: &str) -> Result<(), SyncError> {
        self.mark_blob_in_folder(sha256)
            .await
            .map_err(SyncError::store)
    }

    async fn missing_blobs(&self) -> Result<Vec<BlobRef>, SyncError> {
        let refs = Store::missing_blobs(self).await.map_err(SyncError::store)?;
        Ok(refs.into_iter().map(blob_ref).collect())
    }

    async fn store_blob(&self, bytes: &[u8]) -> Result<(), SyncError> {
        self.put_local_blob(bytes)
            .map(drop)
            .map_err(SyncError::store)
    }
}

fn blob_ref(b: rapporteur_store::BlobRef) -> BlobRef {
    BlobRef {
        sha256: b.sha256,
        name: b.name,
    }
}
