//! What stays on this machine: the replica's identity, private notes and settings. None of it enters a
//! Loro document, so none of it can leave through sync.

use std::collections::BTreeMap;

use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::SqlitePool;

use crate::Store;
use crate::error::{DbContext, Result, StoreError};
use crate::types::ReplicaInfo;

/// Read the replica's name, creating the replica row on first open (random id, name from the hostname).
/// The id and the peer id this session writes with come from `identity::claim`.
pub(crate) async fn ensure_replica(pool: &SqlitePool) -> Result<String> {
    let row: Option<String> = sqlx::query_scalar("SELECT name FROM replica WHERE singleton = 1")
        .fetch_optional(pool)
        .await
        .ctx(|| "reading the replica identity".into())?;
    if let Some(name) = row {
        return Ok(name);
    }
    let id = crate::identity::new_replica_id();
    // The column predates `own_peers`: each session now takes its own peer id (`identity.rs`).
    let peer = 1i64;
    let name = default_name();
    // `OR IGNORE`: if another process created the row first, its identity is the one to use.
    sqlx::query("INSERT OR IGNORE INTO replica (singleton, replica_id, peer, name, created_at) VALUES (1, ?, ?, ?, ?)")
        .bind(&id)
        .bind(peer)
        .bind(&name)
        .bind(chrono::Utc::now().to_rfc3339())
        .execute(pool)
        .await
        .ctx(|| "creating the replica identity".into())?;
    sqlx::query_scalar("SELECT name FROM replica WHERE singleton = 1")
        .fetch_one(pool)
        .await
        .ctx(|| "reading the replica identity".into())
}

/// Every private note on one meeting, for an export that includes them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeetingNotes {
    /// On the meeting as a whole; empty when none.
    pub meeting: String,
    /// On interventions, by intervention id. May name interventions since removed from the meeting.
    pub interventions: BTreeMap<String, String>,
}

fn default_name() -> String {
    let from_env = ["HOSTNAME", "COMPUTERNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok());
    let from_file = || std::fs::read_to_string("/etc/hostname").ok();
    from_env
        .or_else(from_file)
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "This computer".to_owned())
}

impl Store {
    /// This installation as a replica: its id, its name and the Loro peer id this session writes with.
    pub fn replica(&self) -> ReplicaInfo {
        ReplicaInfo {
            id: self.replica_id(),
            name: self.replica_name(),
            peer: self.peer.to_string(),
        }
    }

    pub(crate) fn replica_name(&self) -> String {
        self.replica_name
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Rename this replica. Documents pick the new name up with their next change.
    pub async fn set_replica_name(&self, name: &str) -> Result<ReplicaInfo> {
        let name = name.trim();
        let refused = |message: String| StoreError::Invalid {
            meeting: "-".into(),
            field: "replica.name".into(),
            message,
        };
        if rapporteur_core::text::is_blank(name) {
            return Err(refused("must not be empty".into()));
        }
        if let Some(found) = rapporteur_core::text::find_refused(name) {
            return Err(refused(found.describe()));
        }
        sqlx::query("UPDATE replica SET name = ? WHERE singleton = 1")
            .bind(name)
            .execute(&self.pool)
            .await
            .ctx(|| "renaming the replica".into())?;
        *self.replica_name.lock().unwrap_or_else(|e| e.into_inner()) = name.to_owned();
        Ok(self.replica())
    }

    /// My private notes on a meeting (`intervention_id` `None`) or on one intervention; empty when none.
    pub async fn notes_get(
        &self,
        meeting_id: &str,
        intervention_id: Option<&str>,
    ) -> Result<String> {
        let body: Option<String> = sqlx::query_scalar(
            "SELECT body FROM private_notes WHERE meeting_id = ? AND intervention_id = ?",
        )
        .bind(meeting_id)
        .bind(intervention_id.unwrap_or(""))
        .fetch_optional(&self.pool)
        .await
        .ctx(|| format!("reading notes on meeting {meeting_id}"))?;
        Ok(body.unwrap_or_default())
    }

    /// All my private notes on a meeting, in one read; empty when none.
    pub async fn notes_all(&self, meeting_id: &str) -> Result<MeetingNotes> {
        let rows: Vec<(String, String)> =
            sqlx::query_as("SELECT intervention_id, body FROM private_notes WHERE meeting_id = ?")
                .bind(meeting_id)
                .fetch_all(&self.pool)
                .await
                .ctx(|| format!("reading notes on meeting {meeting_id}"))?;
        let mut notes = MeetingNotes::default();
        for (intervention, body) in rows {
            // The meeting's own note is stored under the empty intervention id.
            if intervention.is_empty() {
                notes.meeting = body;
            } else {
                notes.interventions.insert(intervention, body);
            }
        }
        Ok(notes)
    }

    /// Replace my private notes; empty text removes them. The meeting (and intervention) must exist.
    pub async fn notes_set(
        &self,
        meeting_id: &str,
        intervention_id: Option<&str>,
        text: &str,
    ) -> Result<()> {
        let record = self.record(meeting_id).await?;
        if let Some(iv) = intervention_id
            && !record
                .interventions
                .0
                .iter()
                .any(|i| i.id.as_deref() == Some(iv))
        {
            return Err(StoreError::not_found("intervention", iv, meeting_id));
        }
        if let Some(found) = rapporteur_core::text::find_refused(text) {
            return Err(StoreError::invalid(
                meeting_id,
                "notes",
                crate::values::at_place(&found),
            ));
        }
        let ctx = || format!("writing notes on meeting {meeting_id}");
        let q = if text.is_empty() {
            sqlx::query("DELETE FROM private_notes WHERE meeting_id = ? AND intervention_id = ?")
                .bind(meeting_id)
                .bind(intervention_id.unwrap_or(""))
        } else {
            sqlx::query(
                "INSERT INTO private_notes (meeting_id, intervention_id, body, updated_at) VALUES (?, ?, ?, ?)
                 ON CONFLICT (meeting_id, intervention_id) DO UPDATE SET body = excluded.body,
                     updated_at = excluded.updated_at",
            )
            .bind(meeting_id)
            .bind(intervention_id.unwrap_or(""))
            .bind(text)
            .bind(chrono::Utc::now().to_rfc3339())
        };
        q.execute(&self.pool).await.ctx(ctx)?;
        Ok(())
    }

    /// A setting, deserialised from its stored JSON; `None` when unset.
    pub async fn setting_get<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        let raw: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
            .bind(key)
            .fetch_optional(&self.pool)
            .await
            .ctx(|| format!("reading setting {key:?}"))?;
        raw.map(|r| serde_json::from_str(&r))
            .transpose()
            .map_err(|source| StoreError::Setting {
                key: key.to_owned(),
                source,
            })
    }

    /// Store a setting as JSON.
    pub async fn setting_set<T: Serialize + ?Sized>(&self, key: &str, value: &T) -> Result<()> {
        let json = serde_json::to_string(value).map_err(|source| StoreError::Setting {
            key: key.to_owned(),
            source,
        })?;
        sqlx::query("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
            .bind(key)
            .bind(json)
            .execute(&self.pool)
            .await
            .ctx(|| format!("writing setting {key:?}"))?;
        Ok(())
    }
}
