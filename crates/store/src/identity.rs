//! Who this installation is, and what happens when its data directory is copied.
//!
//! A data directory gets copied: to a second laptop, by restoring a backup, by cloning a virtual machine.
//! The copy and the original must then never pass for one writer, or their edits collide and one is lost
//! for good. Two identities matter:
//! - **The Loro peer id** names every change in a document. Two copies editing under one peer id make two
//!   different changes with the same id, and every replica keeps whichever it saw first. So the store never
//!   reuses one: each open takes a fresh random peer id (recorded in `own_peers`, so history still tells this
//!   installation's changes from a colleague's). A copy opened anywhere writes under a new peer id from its
//!   first change on; no detection is needed for that.
//! - **The replica id** names the folder each installation writes its sync files into. A copy must take a
//!   new one, or both write `2.upd` under one name. The store notices a copy when it opens: it records the
//!   database file's identity (its inode on Unix, its canonical path elsewhere), and a different one means
//!   the directory was copied or restored, so the copy takes a new random replica id. A moved directory
//!   (same file system: same inode) keeps it. A copy the store cannot notice (a VM cloned block for block)
//!   is caught by the sync service, which finds files under its replica id that it did not write and calls
//!   [`Store::renew_replica_id`].
//!
//! Taking a new replica id loses nothing: the sync service then writes everything this installation holds
//! under the new id, and reads the old id's files like any colleague's.

use sqlx::SqlitePool;

use crate::Store;
use crate::error::{DbContext, Result};
use crate::types::ReplicaInfo;

/// What identifies the database file itself, so that a copy of the data directory can tell it is one.
pub(crate) fn fingerprint(db_file: &std::path::Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(db_file)
            .ok()
            .map(|m| format!("ino:{}", m.ino()))
    }
    #[cfg(not(unix))]
    {
        std::fs::canonicalize(db_file)
            .ok()
            .map(|p| format!("path:{}", p.display()))
    }
}

pub(crate) fn new_replica_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// A fresh Loro peer id: 63 random bits, so it fits SQLite's signed integer unchanged, and never 0.
fn new_peer() -> u64 {
    (uuid::Uuid::new_v4().as_u64_pair().0 >> 1).max(1)
}

/// Takes a fresh peer id for this open, and a new replica id if the database file is not the one the
/// replica id was confirmed on. Returns `(replica id, peer)`.
pub(crate) async fn claim(pool: &SqlitePool, db_file: &std::path::Path) -> Result<(String, u64)> {
    let peer = new_peer();
    let now = chrono::Utc::now().to_rfc3339();
    sqlx::query("INSERT OR IGNORE INTO own_peers (peer, first_used) VALUES (?, ?)")
        .bind(peer as i64)
        .bind(&now)
        .execute(pool)
        .await
        .ctx(|| "recording this session's peer id".into())?;
    let here = fingerprint(db_file);
    let (id, seen): (String, Option<String>) =
        sqlx::query_as("SELECT replica_id, fingerprint FROM replica WHERE singleton = 1")
            .fetch_one(pool)
            .await
            .ctx(|| "reading the replica identity".into())?;
    let id = match (seen, &here) {
        (Some(seen), Some(here)) if seen != *here => {
            let new = new_replica_id();
            // Compare-and-set: when two processes open the copy at once, the first one's new id stands.
            sqlx::query(
                "UPDATE replica SET replica_id = ?, former_id = replica_id, fingerprint = ?
                 WHERE singleton = 1 AND replica_id = ?",
            )
            .bind(&new)
            .bind(here)
            .bind(&id)
            .execute(pool)
            .await
            .ctx(|| "taking a new replica id".into())?;
            tracing::warn!(
                former = %id,
                "this data directory is a copy (its database file changed): it syncs under a new replica id"
            );
            current_id(pool).await?
        }
        (None, Some(here)) => {
            sqlx::query("UPDATE replica SET fingerprint = ? WHERE singleton = 1")
                .bind(here)
                .execute(pool)
                .await
                .ctx(|| "recording the database file's identity".into())?;
            id
        }
        _ => id,
    };
    Ok((id, peer))
}

async fn current_id(pool: &SqlitePool) -> Result<String> {
    sqlx::query_scalar("SELECT replica_id FROM replica WHERE singleton = 1")
        .fetch_one(pool)
        .await
        .ctx(|| "reading the replica identity".into())
}

impl Store {
    /// Gives this installation a new random replica id, keeping its name, and returns it. For the sync
    /// service, when it finds files under this replica id that this installation did not write (another
    /// copy of this data directory writes there too).
    pub async fn renew_replica_id(&self) -> Result<ReplicaInfo> {
        let new = new_replica_id();
        let old = self.replica_id();
        sqlx::query("UPDATE replica SET replica_id = ?, former_id = ? WHERE singleton = 1")
            .bind(&new)
            .bind(&old)
            .execute(&self.pool)
            .await
            .ctx(|| "taking a new replica id".into())?;
        tracing::warn!(former = %old, "another installation writes under this replica id: took a new one");
        *self.replica_id.lock().unwrap_or_else(|e| e.into_inner()) = new;
        Ok(self.replica())
    }

    /// The replica id before the last renewal, if this installation ever took a new one.
    pub async fn former_replica_id(&self) -> Result<Option<String>> {
        sqlx::query_scalar("SELECT former_id FROM replica WHERE singleton = 1")
            .fetch_one(&self.pool)
            .await
            .ctx(|| "reading the replica identity".into())
    }

    pub(crate) fn replica_id(&self) -> String {
        self.replica_id
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Every Loro peer id this data directory has written with, in any session (other processes on it
    /// included, so read each time).
    pub(crate) async fn own_peers(&self) -> Result<std::collections::HashSet<u64>> {
        let peers: Vec<i64> = sqlx::query_scalar("SELECT peer FROM own_peers")
            .fetch_all(&self.pool)
            .await
            .ctx(|| "reading this directory's peer ids".into())?;
        Ok(peers.into_iter().map(|p| p as u64).collect())
    }
}
