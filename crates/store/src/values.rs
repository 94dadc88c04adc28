//! Small conversions between model values and Loro values, shared by the write side.

use std::collections::HashSet;

use chrono::NaiveDate;
use loro::{
    Container, LoroMap, LoroMovableList, LoroResult, LoroText, LoroValue, UpdateOptions,
    ValueOrContainer,
};
use rapporteur_core::Party;

use crate::error::{Result, StoreError};

/// Above this many bytes a text is diffed line by line: Myers' diff per character gets slow.
const CHAR_DIFF_LIMIT: usize = 50_000;

/// The text container of a statement.
pub(crate) fn statement_body(map: &LoroMap) -> LoroResult<LoroText> {
    match map.get("body") {
        Some(ValueOrContainer::Container(Container::Text(t))) => Ok(t),
        _ => map.insert_container("body", LoroText::new()),
    }
}

pub(crate) fn entry(list: &LoroMovableList, i: usize) -> Option<LoroMap> {
    match list.get(i) {
        Some(ValueOrContainer::Container(Container::Map(m))) => Some(m),
        _ => None,
    }
}

pub(crate) fn get_str(map: &LoroMap, key: &str) -> Option<String> {
    match map.get(key) {
        Some(ValueOrContainer::Value(LoroValue::String(s))) => Some(s.to_string()),
        _ => None,
    }
}

/// Write a value only when it differs, so unchanged fields create no operations (and do not overwrite a
/// concurrent change to them on another replica). `None` deletes the key.
pub(crate) fn put(map: &LoroMap, key: &str, value: Option<LoroValue>) -> LoroResult<()> {
    let current = match map.get(key) {
        Some(ValueOrContainer::Value(v)) => Some(v),
        Some(ValueOrContainer::Container(_)) => Some(LoroValue::Null),
        None => None,
    };
    match value {
        Some(v) if current.as_ref() != Some(&v) => map.insert(key, v),
        None if current.is_some() => map.delete(key),
        _ => Ok(()),
    }
}

/// Diff `new` into the text, so concurrent edits to other parts of it survive the merge.
pub(crate) fn set_text(text: &LoroText, new: &str) -> Result<(), loro::UpdateTimeoutError> {
    if text.to_string() == new {
        return Ok(());
    }
    if new.len() > CHAR_DIFF_LIMIT || text.len_utf8() > CHAR_DIFF_LIMIT {
        text.update_by_line(new, UpdateOptions::default())
    } else {
        text.update(new, UpdateOptions::default())
    }
}

pub(crate) fn map_value(fields: &[(&str, Option<LoroValue>)]) -> LoroValue {
    let pairs: Vec<(String, LoroValue)> = fields
        .iter()
        .filter_map(|(k, v)| v.clone().map(|v| ((*k).to_owned(), v)))
        .collect();
    LoroValue::Map(pairs.into())
}

pub(crate) fn party_value(p: &Party) -> LoroValue {
    let s = |v: &Option<String>| v.as_deref().map(LoroValue::from);
    map_value(&[
        (
            "delegation",
            p.delegation.as_ref().map(|c| c.as_str().into()),
        ),
        ("display_name", s(&p.display_name)),
        ("name", s(&p.name)),
        ("category", p.category.map(|c| c.as_str().into())),
    ])
}

pub(crate) fn date_value(d: NaiveDate) -> LoroValue {
    d.format("%Y-%m-%d").to_string().into()
}

pub(crate) fn check_time(time: Option<&str>) -> Result<(), String> {
    time.map_or(Ok(()), |t| {
        rapporteur_core::check_time_of_day(t).map_err(|e| e.to_string())
    })
}

/// A new id for a list item or meeting: time-ordered, so ids sort by creation.
pub(crate) fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

pub(crate) fn pick_id(given: Option<&str>, seen: &mut HashSet<String>) -> String {
    let id = match given {
        Some(g) if !g.trim().is_empty() && !seen.contains(g) => g.to_owned(),
        _ => new_id(),
    };
    seen.insert(id.clone());
    id
}

/// Refuse text holding a character no record may hold (see `rapporteur_core::text`), naming the field and the
/// line and column in it.
pub(crate) fn check_text<T: serde::Serialize>(meeting: &str, value: &T) -> Result<()> {
    let value =
        serde_json::to_value(value).map_err(|e| StoreError::crdt(meeting, "text check", e))?;
    match rapporteur_core::text::find_refused_in(&value) {
        Some((field, found)) => Err(StoreError::invalid(meeting, field, at_place(&found))),
        None => Ok(()),
    }
}

/// "control character U+0007 is not allowed in text (line 2, column 5)".
pub(crate) fn at_place(found: &rapporteur_core::text::Refused) -> String {
    format!(
        "{} (line {}, column {})",
        found.describe(),
        found.line,
        found.column
    )
}
