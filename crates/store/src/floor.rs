//! How the rest of format @2 is kept in a meeting's Loro document: positions of grouped speakers, podium
//! remarks and announcements (each a list written whole under its key in the `meeting` map), an
//! intervention's `role`, a related meeting's `time` and `venue`, and a delegation's `persons` (new keys in
//! the maps that hold them). Like the rest of @2 (see `proceedings`), each is one value under a key the
//! previous release does not know, so its edits, which write only the keys they know, leave them in place.
//!
//! The values go through the record's own serde types both ways, so what the document holds is read back
//! with the interchange format's rules (a blank text, an answer without the intervention it answers).

use loro::LoroValue;
use rapporteur_core::{Announcement, Person, Position, Remark};
use serde::Serialize;
use serde::de::DeserializeOwned;

pub(crate) const POSITIONS: &str = "positions";
pub(crate) const REMARKS: &str = "remarks";
pub(crate) const ANNOUNCEMENTS: &str = "announcements";
pub(crate) const PERSONS: &str = "persons";

type Map = loro::LoroMapValue;

/// A list of model values as one Loro value; `None` (the key is removed) when empty.
pub(crate) fn list_value<T: Serialize>(items: &[T]) -> Option<LoroValue> {
    (!items.is_empty()).then(|| {
        let json = serde_json::to_value(items).expect("the model always serialises");
        to_loro(&json)
    })
}

fn to_loro(v: &serde_json::Value) -> LoroValue {
    use serde_json::Value as J;
    match v {
        J::Null => LoroValue::Null,
        J::Bool(b) => LoroValue::Bool(*b),
        J::Number(n) => n.as_i64().map_or_else(
            || LoroValue::Double(n.as_f64().unwrap_or(0.0)),
            LoroValue::I64,
        ),
        J::String(s) => s.as_str().into(),
        J::Array(a) => LoroValue::List(a.iter().map(to_loro).collect::<Vec<_>>().into()),
        J::Object(o) => LoroValue::Map(
            o.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), to_loro(v)))
                .collect::<Vec<_>>()
                .into(),
        ),
    }
}

fn to_json(v: &LoroValue) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        LoroValue::Bool(b) => J::Bool(*b),
        LoroValue::I64(n) => J::from(*n),
        LoroValue::Double(d) => J::from(*d),
        LoroValue::String(s) => J::String(s.to_string()),
        LoroValue::List(l) => J::Array(l.iter().map(to_json).collect()),
        LoroValue::Map(m) => J::Object(m.iter().map(|(k, v)| (k.clone(), to_json(v))).collect()),
        _ => J::Null,
    }
}

/// The list under `key` of `m`, read with the record's rules; `Err` is the field path and what is wrong.
fn read_list<T: DeserializeOwned>(m: &Map, key: &str) -> Result<Vec<T>, (String, String)> {
    match m.get(key) {
        None | Some(LoroValue::Null) => Ok(Vec::new()),
        Some(v) => serde_path_to_error::deserialize(to_json(v)).map_err(|e| {
            let path = e.path().to_string();
            (format!("{key}{}", at(&path)), e.into_inner().to_string())
        }),
    }
}

/// `[0].text` from serde_path_to_error's `[0].text` or `.`.
fn at(path: &str) -> &str {
    if path == "." { "" } else { path }
}

/// `meeting.positions`.
pub(crate) fn read_positions(m: &Map) -> Result<Vec<Position>, (String, String)> {
    read_list(m, POSITIONS)
}

/// `meeting.remarks`.
pub(crate) fn read_remarks(m: &Map) -> Result<Vec<Remark>, (String, String)> {
    read_list(m, REMARKS)
}

/// `meeting.announcements`.
pub(crate) fn read_announcements(m: &Map) -> Result<Vec<Announcement>, (String, String)> {
    read_list(m, ANNOUNCEMENTS)
}

/// A delegation's `persons`.
pub(crate) fn read_persons(e: &Map) -> Result<Vec<Person>, (String, String)> {
    read_list(e, PERSONS)
}

impl crate::writer::Writer<'_> {
    /// Writes the three lists of the `meeting` map, each whole and only when it differs.
    pub(crate) fn set_floor(
        &self,
        positions: &[Position],
        remarks: &[Remark],
        announcements: &[Announcement],
    ) -> crate::Result<()> {
        let m = self.doc.get_map(crate::layout::MEETING);
        for (key, value) in [
            (POSITIONS, list_value(positions)),
            (REMARKS, list_value(remarks)),
            (ANNOUNCEMENTS, list_value(announcements)),
        ] {
            crate::values::put(&m, key, value).map_err(|e| self.crdt(e))?;
        }
        Ok(())
    }

    /// The rules of positions, remarks and announcements, as import checks them: non-blank texts, answers
    /// that name an intervention of the meeting, agenda items on its agenda.
    pub(crate) fn check_floor(&self, record: &rapporteur_core::MeetingRecord) -> crate::Result<()> {
        let blank = rapporteur_core::text::is_blank;
        for (i, p) in record.positions.iter().enumerate() {
            if blank(&p.text) {
                return Err(self.invalid(format!("positions[{i}].text"), "must not be empty"));
            }
        }
        for (i, r) in record.remarks.iter().enumerate() {
            if blank(&r.by) {
                return Err(self.invalid(format!("remarks[{i}].by"), "must not be empty"));
            }
            r.check()
                .map_err(|m| self.invalid(format!("remarks[{i}].in_reply_to"), m))?;
        }
        for (i, a) in record.announcements.iter().enumerate() {
            if blank(&a.text) {
                return Err(self.invalid(format!("announcements[{i}].text"), "must not be empty"));
            }
        }
        rapporteur_core::check_replies(record)
            .map_err(|(i, m)| self.invalid(format!("remarks[{i}].in_reply_to"), m))
    }

    /// A delegation's persons: non-blank names, at most one head.
    pub(crate) fn check_persons(&self, persons: &[Person], field: &str) -> crate::Result<()> {
        for (i, p) in persons.iter().enumerate() {
            if rapporteur_core::text::is_blank(&p.name) {
                return Err(self.invalid(format!("{field}[{i}].name"), "must not be empty"));
            }
        }
        rapporteur_core::check_heads(persons)
            .map_err(|(i, m)| self.invalid(format!("{field}[{i}].head"), m))
    }
}
