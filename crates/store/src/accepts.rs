//! One suggestion accepted on two replicas at once must enter the text once.
//!
//! Accepting a suggestion deletes its range and inserts its text. When two replicas accept the same
//! suggestion before either hears of the other, the merge keeps both deletions (the same characters: one
//! deletion) and both insertions (different characters: the text twice). A CRDT cannot tell on its own that
//! two insertions "mean" the same, so each acceptance records which characters it inserted, in the root map
//! `review_applied:<key>` under `<suggestion id>@<peer>` (different keys, so concurrent records never
//! overwrite each other): Loro cursors on the first and the last inserted character.
//!
//! Whenever a replica imports updates it looks for suggestions with more than one record. The record of the
//! smallest peer id stands; the characters the others inserted are deleted, as a local change of its own
//! (`review_repair`). Every replica that sees the duplicate chooses the same one, and deleting the same
//! characters on several replicas merges into one deletion, so the replicas converge on the text with the
//! suggestion once. A copy already deleted (its first or last character gone) is left alone, so the repair
//! runs once; if a person already edited inside the extra copy, its ends decide: both still there, the copy
//! between them goes.

use std::collections::BTreeMap;

use loro::cursor::{Cursor, Side};
use loro::{LoroDoc, LoroMap, LoroText, LoroValue};

use crate::error::Result;
use crate::values::map_value;
use crate::writer::Writer;

const PREFIX: &str = "review_applied:";

/// Record that this replica inserted `len` characters at `start` of `text` accepting suggestion `id` of
/// the document `key`.
pub(crate) fn record(
    w: &Writer<'_>,
    key: &str,
    id: &str,
    text: &LoroText,
    start: usize,
    len: usize,
) -> Result<()> {
    if len == 0 {
        return Ok(());
    }
    let cursor = |pos| {
        text.get_cursor(pos, Side::Middle)
            .map(|c| LoroValue::Binary(c.encode().into()))
    };
    let (Some(first), Some(last)) = (cursor(start), cursor(start + len - 1)) else {
        return Ok(());
    };
    let peer = w.doc.peer_id();
    w.doc
        .get_map(format!("{PREFIX}{key}").as_str())
        .insert(
            &format!("{id}@{peer}"),
            map_value(&[("first", Some(first)), ("last", Some(last))]),
        )
        .map_err(|e| w.crdt(e))?;
    Ok(())
}

/// Delete the extra copies of every suggestion accepted on several replicas; whether anything changed.
pub(crate) fn repair(w: &Writer<'_>) -> Result<bool> {
    let roots: Vec<String> = match w.doc.get_value() {
        LoroValue::Map(m) => m
            .keys()
            .filter(|k| k.starts_with(PREFIX))
            .cloned()
            .collect(),
        _ => Vec::new(),
    };
    let mut changed = false;
    for root in roots {
        for extra in extra_copies(&w.doc.get_map(root.as_str())) {
            changed |= delete_copy(w, &extra)?;
        }
    }
    Ok(changed)
}

/// The records of every acceptance but the one that stands (the smallest peer's), per suggestion.
fn extra_copies(map: &LoroMap) -> Vec<LoroValue> {
    let mut by_suggestion: BTreeMap<String, Vec<(u64, LoroValue)>> = BTreeMap::new();
    map.for_each(|k, v| {
        let (Some((id, peer)), loro::ValueOrContainer::Value(v)) = (k.rsplit_once('@'), v) else {
            return;
        };
        if let Ok(peer) = peer.parse::<u64>() {
            by_suggestion
                .entry(id.to_owned())
                .or_default()
                .push((peer, v));
        }
    });
    by_suggestion
        .into_values()
        .flat_map(|mut records| {
            records.sort_by_key(|(peer, _)| *peer);
            records.into_iter().skip(1).map(|(_, v)| v)
        })
        .collect()
}

/// Where a recorded character is now, if it is still in the text.
fn alive(doc: &LoroDoc, record: &LoroValue, end: &str) -> Option<(Cursor, usize)> {
    let LoroValue::Map(m) = record else {
        return None;
    };
    let Some(LoroValue::Binary(bytes)) = m.get(end) else {
        return None;
    };
    let cursor = Cursor::decode(bytes).ok()?;
    let found = doc.get_cursor_pos(&cursor).ok()?;
    found
        .update
        .is_none()
        .then_some((cursor, found.current.pos))
}

fn delete_copy(w: &Writer<'_>, record: &LoroValue) -> Result<bool> {
    let (Some((cursor, first)), Some((_, last))) =
        (alive(w.doc, record, "first"), alive(w.doc, record, "last"))
    else {
        return Ok(false);
    };
    let text = w.doc.get_text(cursor.container.clone());
    if last < first || last >= text.len_unicode() {
        return Ok(false);
    }
    text.delete(first, last + 1 - first)
        .map_err(|e| w.crdt(e))?;
    Ok(true)
}

/// After an import: one suggestion accepted on several replicas enters the text once. The repair is this
/// replica's (`peer`, `name`) change.
pub(crate) fn repair_after_import(
    meeting_id: &str,
    doc: &LoroDoc,
    peer: u64,
    name: &str,
) -> Result<()> {
    let w = Writer { meeting_id, doc };
    if repair(&w)? {
        crate::write::name_local_change(&w, peer, name, "review_repair")?;
        doc.commit();
    }
    Ok(())
}
