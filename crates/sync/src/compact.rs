//! Compaction: a replica deletes its *own* update files once nobody can need them.
//!
//! **The rule.** Replica R may delete its own `<seq>.upd` (and its own snapshots older than the newest) when
//! `seq ≤ S`, R's newest snapshot that is in the folder, **and** `seq ≤` the smallest acknowledgement over
//! every replica R has ever seen in this folder. A replica acknowledges R through the `applied` map of its
//! own `replica.json`: the highest seq of R up to which it has applied everything (a snapshot it loaded counts
//! up to the snapshot's seq). A replica seen once and not since (a laptop in a drawer, a folder that did not
//! sync) keeps its last acknowledgement, so it still blocks deletion; so does one whose `replica.json` never
//! named R. Another replica's files are never deleted.
//!
//! The snapshot bound is what makes this safe even if the bookkeeping were wrong: the snapshot holds every
//! operation of the deleted files, so any reader, even one forgotten, catches up through it (see the jump
//! rule in [`crate::service`]). The acknowledgement bound keeps lagging readers on the cheap path.
//!
//! **Forgetting.** A replica that will never return (a retired laptop) holds deletion back for good.
//! [`crate::SyncService::forget_replica`] drops it from this replica's list for one folder; if it does come
//! back, it is seen again and simply catches up from the snapshot.

use crate::error::SyncError;
use crate::folder::{join, list_replica_dir, replica_dir};
use crate::format;
use crate::keys::{KEY_SNAPSHOT, key_acks, key_compacted, read_acks, u64_of};
use crate::report::Progress;
use crate::round::Round;
use crate::state::ReplicaState;

impl<S: ReplicaState, P: Fn(Progress) + Send + Sync> Round<'_, S, P> {
    /// Records this round's acknowledgements, then deletes what the rule allows.
    pub(crate) async fn compact(&mut self, enabled: bool) -> Result<(), SyncError> {
        let key = key_acks(&self.loc_key);
        let mut acks = read_acks(self.state, &key).await?;
        let old = acks.clone();
        for (replica, ack) in std::mem::take(&mut self.acks) {
            match ack {
                Some(a) => {
                    acks.insert(replica, a);
                }
                None => {
                    acks.entry(replica).or_insert(0);
                }
            }
        }
        if acks != old {
            let bytes = serde_json::to_vec(&acks).expect("a map of numbers serialises");
            self.state.kv_set(&key, &bytes).await?;
        }
        if !enabled {
            return Ok(());
        }
        let own_dir = replica_dir(&self.me.id);
        let snapshot = u64_of(self.state.kv_get(KEY_SNAPSHOT).await?);
        let snapshot_there = self
            .loc
            .is_file(&join(&own_dir, &format::snapshot_name(snapshot)))
            .await;
        if snapshot == 0 || !snapshot_there {
            return Ok(());
        }
        let bound = acks
            .values()
            .copied()
            .min()
            .unwrap_or(snapshot)
            .min(snapshot);
        let compacted = key_compacted(&self.loc_key);
        let done = u64_of(self.state.kv_get(&compacted).await?);
        if bound <= done {
            return Ok(());
        }
        for seq in done + 1..=bound {
            // A read-only or failing drive or server: try again next round.
            let name = join(&own_dir, &format::update_name(seq));
            if self.loc.remove(&name).await.is_err() {
                return Ok(());
            }
        }
        if let Ok(listing) = list_replica_dir(&self.loc, &own_dir).await {
            for s in listing.snapshots {
                if s < snapshot && s <= bound {
                    let name = join(&own_dir, &format::snapshot_name(s));
                    let _ = self.loc.remove(&name).await;
                }
            }
        }
        if self.loc.sync_dir(&own_dir).is_ok() {
            self.state.kv_set(&compacted, &bound.to_le_bytes()).await?;
        }
        Ok(())
    }
}
