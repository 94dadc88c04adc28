//! Document history (summary and statements): the versions of one text, the text at a version, the
//! difference between two, and restoring an old version as a new change.
//!
//! A version is the state just after one Loro change that touched the text or the text's clearance (a
//! comment, a suggestion, a status change: see `clearance.rs`), together with everything that change's
//! author had seen: exactly what that author was looking at. Version ids are the change's
//! frontiers written as `counter@peer` (comma-separated when there are several).

use std::collections::HashMap;
use std::ops::ControlFlow;

use loro::{
    ChangeMeta, Container, ContainerID, ContainerTrait, Frontiers, ID, LoroDoc, LoroText,
    ValueOrContainer,
};
use rapporteur_core::{Document, DocumentKind, MeetingRecord};

use crate::Store;
use crate::error::{Result, StoreError};
use crate::layout::{DOCUMENTS, EDITORS, SUMMARY};
use crate::mode::Mode;
use crate::types::{ChangeKind, DocVersion, Edit, OP_REGENERATE};
use crate::values::entry;

/// The `index`-th document of `kind` in a record (the summary is index 0).
pub(crate) fn find_document<'r>(
    meeting_id: &str,
    record: &'r MeetingRecord,
    kind: DocumentKind,
    index: u32,
) -> Result<&'r Document> {
    record
        .documents
        .iter()
        .filter(|d| d.kind == kind)
        .nth(index as usize)
        .ok_or_else(|| StoreError::not_found(doc_kind_name(kind), index.to_string(), meeting_id))
}

fn doc_kind_name(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Summary => "summary",
        DocumentKind::Statement => "statement",
    }
}

fn text_container(
    meeting_id: &str,
    doc: &LoroDoc,
    kind: DocumentKind,
    index: u32,
) -> Result<LoroText> {
    let body = match kind {
        DocumentKind::Summary if index == 0 => doc.get_map(SUMMARY).get("body"),
        DocumentKind::Summary => None,
        DocumentKind::Statement => {
            entry(&doc.get_movable_list(DOCUMENTS), index as usize).and_then(|m| m.get("body"))
        }
    };
    match body {
        Some(ValueOrContainer::Container(Container::Text(t))) => Ok(t),
        _ => Err(StoreError::not_found(
            doc_kind_name(kind),
            index.to_string(),
            meeting_id,
        )),
    }
}

/// The commit message of a local change: the operation, then the change's first counter, which keeps
/// Loro from folding two consecutive changes of one peer into one when it imports them.
pub(crate) fn commit_message(op: &str, start_counter: i32) -> String {
    format!("{op}{NONCE_SEP}{start_counter}")
}

const NONCE_SEP: char = '\u{1f}';

/// The operation named by a commit message (older messages have no counter).
fn operation(message: &str) -> &str {
    message.split_once(NONCE_SEP).map_or(message, |(op, _)| op)
}

/// How long a diff may search for the smallest difference before settling for a coarser, still
/// correct one (two unrelated megabyte texts would otherwise take minutes).
const DIFF_DEADLINE: std::time::Duration = std::time::Duration::from_secs(2);

fn with_final_newline(mut text: String) -> String {
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

fn encode_version(f: &Frontiers) -> String {
    let mut ids: Vec<ID> = f.iter().collect();
    ids.sort();
    ids.iter()
        .map(|id| format!("{}@{}", id.counter, id.peer))
        .collect::<Vec<_>>()
        .join(",")
}

fn decode_version(meeting_id: &str, doc: &LoroDoc, version: &str) -> Result<Frontiers> {
    let bad = |message: &str| StoreError::BadVersion {
        meeting: meeting_id.to_owned(),
        version: version.to_owned(),
        message: message.to_owned(),
    };
    let mut ids = Vec::new();
    for part in version.split(',') {
        let (counter, peer) = part
            .split_once('@')
            .ok_or_else(|| bad("expected counter@peer"))?;
        let counter = counter.trim().parse().map_err(|_| bad("bad counter"))?;
        let peer = peer.trim().parse().map_err(|_| bad("bad peer"))?;
        ids.push(ID::new(peer, counter));
    }
    let frontiers = Frontiers::from(ids);
    if doc.frontiers_to_vv(&frontiers).is_none() {
        return Err(bad("not in this meeting's history"));
    }
    Ok(frontiers)
}

fn text_at(meeting_id: &str, doc: &LoroDoc, cid: &ContainerID, at: &Frontiers) -> Result<String> {
    let fork = doc
        .fork_at(at)
        .map_err(|e| StoreError::crdt(meeting_id, "reading an old version", e))?;
    Ok(match fork.get_container(cid.clone()) {
        Some(Container::Text(t)) => t.to_string(),
        _ => String::new(),
    })
}

impl Store {
    /// Every version of a document, oldest first. A summary never written has none.
    pub async fn doc_history(
        &self,
        id: &str,
        kind: DocumentKind,
        index: u32,
    ) -> Result<Vec<DocVersion>> {
        let doc = self.load(id).await?;
        let cid = match text_container(id, &doc, kind, index) {
            Ok(text) => text.id(),
            Err(_) if kind == DocumentKind::Summary && index == 0 => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        // Every clearance step (comment, suggestion, status change, corrigendum) is logged in the
        // document's review log, so a change that touched the log is a version too.
        let log = crate::clearance::log_container(id, &doc, kind, index)?;
        let mut changes: Vec<ChangeMeta> = Vec::new();
        let heads: Vec<ID> = doc.oplog_frontiers().iter().collect();
        doc.travel_change_ancestors(&heads, &mut |meta| {
            changes.push(meta);
            ControlFlow::Continue(())
        })
        .map_err(|e| StoreError::crdt(id, "walking history", e))?;
        changes.sort_by_key(|c| (c.lamport, c.id.peer));
        // Loro splits a large commit into several changes that share its message; they are one version,
        // at the state after the last of them. (Messages without a counter predate that rule.)
        let commit = |c: &ChangeMeta| -> Option<(u64, String)> {
            let m = c.message.as_deref()?;
            m.contains(NONCE_SEP).then(|| (c.id.peer, m.to_owned()))
        };
        let mut commits: HashMap<(u64, String), (ID, bool)> = HashMap::new();
        let mut touched = Vec::with_capacity(changes.len());
        for c in &changes {
            let changed = doc.get_changed_containers_in(c.id, c.len);
            let t = changed.contains(&cid) || changed.contains(&log);
            touched.push(t);
            if let Some(key) = commit(c) {
                let last = ID::new(c.id.peer, c.id.counter + c.len as i32 - 1);
                let e = commits.entry(key).or_insert((last, false));
                e.0 = e.0.max(last);
                e.1 |= t;
            }
        }
        let editors = doc.get_map(EDITORS);
        let own = self.own_peers().await?;
        let mut out = Vec::new();
        for (c, t) in changes.iter().zip(touched) {
            let last = match commit(c).and_then(|key| commits.remove(&key)) {
                Some((last, true)) => last,
                Some((_, false)) => continue,
                None if commit(c).is_some() || !t => continue,
                None => ID::new(c.id.peer, c.id.counter + c.len as i32 - 1),
            };
            let replica_name = match editors.get(&c.id.peer.to_string()) {
                Some(ValueOrContainer::Value(loro::LoroValue::String(s))) => s.to_string(),
                _ => format!("peer {}", c.id.peer),
            };
            let time = match chrono::DateTime::from_timestamp(c.timestamp, 0) {
                Some(t) if c.timestamp > 0 => t.to_rfc3339(),
                _ => String::new(),
            };
            let op = c.message.as_deref().map(operation);
            out.push(DocVersion {
                version_id: encode_version(&Frontiers::from_id(last)),
                time,
                replica_name,
                op: op.map(str::to_owned),
                change: ChangeKind::of_op(op),
                // Every local change is written with one of this directory's peers, so another's came by sync.
                synced: !own.contains(&c.id.peer),
            });
        }
        Ok(out)
    }

    /// The document's text at `version` (from [`Store::doc_history`]).
    pub async fn doc_at(
        &self,
        id: &str,
        kind: DocumentKind,
        index: u32,
        version: &str,
    ) -> Result<String> {
        let doc = self.load(id).await?;
        let cid = text_container(id, &doc, kind, index)?.id();
        let at = decode_version(id, &doc, version)?;
        text_at(id, &doc, &cid, &at)
    }

    /// A unified diff (3 lines of context) from version `from` to version `to`. An empty version id
    /// stands for the empty text; `"current"` for the text as it is now.
    pub async fn doc_diff(
        &self,
        id: &str,
        kind: DocumentKind,
        index: u32,
        from: &str,
        to: &str,
    ) -> Result<String> {
        let doc = self.load(id).await?;
        let text = text_container(id, &doc, kind, index)?;
        let cid = text.id();
        let read = |v: &str| -> Result<String> {
            match v {
                "" => Ok(String::new()),
                "current" => Ok(text.to_string()),
                v => text_at(id, &doc, &cid, &decode_version(id, &doc, v)?),
            }
        };
        // Both sides end with a line break, so a text's last line differs only when its words do, never
        // by "\ No newline at end of file" (an editor adds or drops the final newline freely).
        let (a, b) = (
            with_final_newline(read(from)?),
            with_final_newline(read(to)?),
        );
        let diff = similar::TextDiff::configure()
            .timeout(DIFF_DEADLINE)
            .diff_lines(&a, &b);
        Ok(diff
            .unified_diff()
            .context_radius(3)
            .header(if from.is_empty() { "(empty)" } else { from }, to)
            .to_string())
    }

    /// Replace the summary with a refresh of its generated sections: [`Store::doc_set`] of the summary,
    /// recorded in the history as a regeneration rather than an edit.
    pub async fn doc_regenerate(&self, id: &str, body: &str) -> Result<MeetingRecord> {
        let edit = Edit::SetDocument {
            kind: DocumentKind::Summary,
            index: 0,
            body: body.to_owned(),
        };
        let written = self
            .write_local(id, Mode::Existing, OP_REGENERATE, |w| w.apply(&edit))
            .await?;
        crate::layout::read_record(id, &written.doc)
    }

    /// Make the text at `version` the current text, as a new change: the versions after it stay in the
    /// history.
    pub async fn doc_restore(
        &self,
        id: &str,
        kind: DocumentKind,
        index: u32,
        version: &str,
    ) -> Result<MeetingRecord> {
        let body = self.doc_at(id, kind, index, version).await?;
        let edit = Edit::SetDocument { kind, index, body };
        let written = self
            .write_local(id, Mode::Existing, "doc_restore", |w| w.apply(&edit))
            .await?;
        crate::layout::read_record(id, &written.doc)
    }
}
