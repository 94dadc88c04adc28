//! The building blocks for writing into a meeting's Loro document: checks, and one method per piece of the
//! document (the meeting's fields, a group, a delegation, an intervention, …). `apply` builds a document from a
//! record and applies an [`crate::Edit`] with them; `attachments` adds its own.
//!
//! Everything here only touches the in-memory document; [`crate::write`] commits it and persists the
//! resulting update.

use loro::{Container, LoroDoc, LoroMap, LoroMovableList, LoroText, LoroValue, ValueOrContainer};
use rapporteur_core::text::is_blank;
use rapporteur_core::{
    ActionItem, Category, DelegationCode, DocumentKind, GroupRef, Meeting, Party, RelatedMeeting,
};

use crate::error::{Result, StoreError};
use crate::layout::*;
use crate::proceedings;
use crate::types::enum_str;
use crate::values::*;

/// Applies changes to one meeting's document and names the meeting in every error.
pub(crate) struct Writer<'a> {
    pub meeting_id: &'a str,
    pub doc: &'a LoroDoc,
}

impl Writer<'_> {
    pub(crate) fn crdt(&self, e: impl std::fmt::Display) -> StoreError {
        StoreError::crdt(self.meeting_id, "document edit", e)
    }

    pub(crate) fn invalid(
        &self,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> StoreError {
        StoreError::invalid(self.meeting_id, field, message)
    }

    pub(crate) fn list(&self, key: &str) -> LoroMovableList {
        self.doc.get_movable_list(key)
    }

    /// Record which replica name goes with this document's peer id, so history can show names.
    pub fn set_editor(&self, peer: u64, name: &str) -> Result<()> {
        put(
            &self.doc.get_map(EDITORS),
            &peer.to_string(),
            Some(name.into()),
        )
        .map_err(|e| self.crdt(e))
    }

    pub fn mark_deleted(&self) -> Result<()> {
        let m = self.doc.get_map(MEETING);
        put(&m, "deleted", Some(true.into())).map_err(|e| self.crdt(e))
    }

    // --- validation -----------------------------------------------------------------------------

    pub(crate) fn check_meeting(&self, m: &Meeting) -> Result<()> {
        if is_blank(&m.title) {
            return Err(self.invalid("meeting.title", "must not be empty"));
        }
        if let Some(end) = m.end_date
            && end < m.date
        {
            return Err(self.invalid(
                "meeting.end_date",
                format!("{end} is before the start date {}", m.date),
            ));
        }
        if let Some(c) = &m.chair
            && is_blank(&c.name)
        {
            return Err(self.invalid("meeting.chair.name", "must not be empty"));
        }
        self.check_proceedings(m)
    }

    pub(crate) fn check_party(&self, p: &Party, field: &str) -> Result<()> {
        Party::from_parts(
            p.delegation.clone(),
            p.display_name.clone(),
            p.name.clone(),
            p.category,
        )
        .map(drop)
        .map_err(|m| self.invalid(field, m))
    }

    pub(crate) fn check_action(&self, a: &ActionItem, field: &str) -> Result<()> {
        // `from` and `to` may stay blank while unknown; the text is the item.
        if is_blank(&a.text) {
            return Err(self.invalid(format!("{field}.text"), "must not be empty"));
        }
        if a.adoption.is_some() && a.kind != rapporteur_core::ActionKind::Decision {
            return Err(self.invalid(format!("{field}.adoption"), "applies only to decisions"));
        }
        if let Some(m) = a.adoption.as_ref().and_then(|a| a.check().err()) {
            return Err(self.invalid(format!("{field}.adoption"), m));
        }
        if a.due.is_some() && a.due_month.is_some() {
            return Err(self.invalid(
                format!("{field}.due_month"),
                "give either `due` (a day) or `due_month` (a month), not both",
            ));
        }
        Ok(())
    }

    pub(crate) fn check_related(&self, r: &RelatedMeeting, field: &str) -> Result<()> {
        if is_blank(&r.title) {
            return Err(self.invalid(format!("{field}.title"), "must not be empty"));
        }
        check_time(r.time.as_deref()).map_err(|m| self.invalid(format!("{field}.time"), m))?;
        Ok(())
    }

    // --- the pieces -----------------------------------------------------------------------------

    pub(crate) fn set_meeting(&self, m: &Meeting) -> Result<()> {
        let map = self.doc.get_map(MEETING);
        let s = |v: &Option<String>| v.as_deref().map(LoroValue::from);
        let chair = m.chair.as_ref().map(|c| {
            map_value(&[
                ("name", Some(c.name.as_str().into())),
                ("title", s(&c.title)),
                ("role", s(&c.role)),
            ])
        });
        let fields: [(&str, Option<LoroValue>); 16] = [
            ("title", Some(m.title.as_str().into())),
            ("kind", Some(enum_str(&m.kind).into())),
            ("convened_by", s(&m.convened_by)),
            ("date", Some(date_value(m.date))),
            ("end_date", m.end_date.map(date_value)),
            ("venue", s(&m.venue)),
            ("language", Some(m.language.code().into())),
            ("symbol", s(&m.symbol)),
            ("chair", chair),
            ("status", Some(enum_str(&m.status).into())),
            ("session", s(&m.session)),
            ("summary_code", s(&m.summary_code)),
            ("status_line", s(&m.status_line)),
            ("agenda", proceedings::agenda_value(&m.agenda)),
            (
                "documents_before",
                proceedings::documents_value(&m.documents_before),
            ),
            (
                proceedings::CHAIR_STATE,
                m.chair
                    .as_ref()
                    .and_then(|c| c.state.as_ref())
                    .map(|c| c.as_str().into()),
            ),
        ];
        for (key, value) in fields {
            put(&map, key, value).map_err(|e| self.crdt(e))?;
        }
        Ok(())
    }

    pub(crate) fn group_positions(&self, category: Category) -> Result<Vec<usize>> {
        let list = self.list(GROUPS);
        let mut out = Vec::new();
        for i in 0..list.len() {
            let map = entry(&list, i).ok_or_else(|| self.corrupt_entry(GROUPS, i))?;
            if get_str(&map, "category").as_deref() == Some(category.as_str()) {
                out.push(i);
            }
        }
        Ok(out)
    }

    pub(crate) fn set_group(
        &self,
        category: Category,
        label: Option<&str>,
        count: Option<u32>,
    ) -> Result<()> {
        let positions = self.group_positions(category)?;
        let Some(&first) = positions.first() else {
            return self.push_group(category, label, count);
        };
        let list = self.list(GROUPS);
        // Duplicates come only from concurrent creation; fold them into the first.
        for &pos in positions[1..].iter().rev() {
            list.delete(pos, 1).map_err(|e| self.crdt(e))?;
        }
        let map = entry(&list, first).ok_or_else(|| self.corrupt_entry(GROUPS, first))?;
        put(&map, "label", label.map(Into::into))
            .and_then(|_| put(&map, "count", count.map(|c| LoroValue::I64(c.into()))))
            .map_err(|e| self.crdt(e))
    }

    pub(crate) fn push_group(
        &self,
        category: Category,
        label: Option<&str>,
        count: Option<u32>,
    ) -> Result<()> {
        let list = self.list(GROUPS);
        let map = list
            .push_container(LoroMap::new())
            .map_err(|e| self.crdt(e))?;
        map.insert("id", new_id())
            .and_then(|_| map.insert("category", category.as_str()))
            .and_then(|_| put(&map, "label", label.map(Into::into)))
            .and_then(|_| put(&map, "count", count.map(|c| LoroValue::I64(c.into()))))
            .map_err(|e| self.crdt(e))
    }

    /// Refuses a State already in the attendance (other than the row `except`).
    pub(crate) fn check_not_attending(&self, party: &Party, except: Option<&str>) -> Result<()> {
        let Some(code) = &party.delegation else {
            return Ok(());
        };
        let record = read_record(self.meeting_id, self.doc)?;
        let taken = record.attendance.delegations.iter().any(|d| {
            d.who.delegation.as_ref() == Some(code)
                && (except.is_none() || d.id.as_deref() != except)
        });
        if taken {
            return Err(self.invalid(
                "party.delegation",
                format!("delegation {} is already in the attendance", code.as_str()),
            ));
        }
        Ok(())
    }

    pub(crate) fn push_delegation(&self, id: &str, party: &Party, present: bool) -> Result<()> {
        let list = self.list(DELEGATIONS);
        let map = list
            .push_container(LoroMap::new())
            .map_err(|e| self.crdt(e))?;
        map.insert("id", id)
            .and_then(|_| map.insert("party", party_value(party)))
            .and_then(|_| map.insert("present", present))
            .map_err(|e| self.crdt(e))
    }

    pub(crate) fn insert_intervention(
        &self,
        pos: usize,
        id: &str,
        speaker: &Party,
    ) -> Result<LoroMap> {
        let list = self.list(INTERVENTIONS);
        let map = list
            .insert_container(pos, LoroMap::new())
            .map_err(|e| self.crdt(e))?;
        map.insert("id", id)
            .and_then(|_| map.insert("party", party_value(speaker)))
            .and_then(|_| map.insert_container("summary", LoroText::new()).map(drop))
            .map_err(|e| self.crdt(e))?;
        Ok(map)
    }

    pub(crate) fn intervention_summary(&self, map: &LoroMap) -> Result<LoroText> {
        match map.get("summary") {
            Some(ValueOrContainer::Container(Container::Text(t))) => Ok(t),
            _ => Err(StoreError::corrupt(
                self.meeting_id,
                "interventions[].summary",
                "not a text",
            )),
        }
    }

    pub(crate) fn update_intervention_fields(
        &self,
        map: &LoroMap,
        speaker: &Party,
        person: Option<&str>,
        time: Option<&str>,
        agenda_item: Option<&str>,
        kind: rapporteur_core::InterventionKind,
    ) -> Result<()> {
        put(map, "party", Some(party_value(speaker)))
            .and_then(|_| put(map, "person", person.map(Into::into)))
            .and_then(|_| put(map, "time", time.map(Into::into)))
            .and_then(|_| put(map, "agenda_item", agenda_item.map(Into::into)))
            .and_then(|_| put(map, "kind", Some(enum_str(&kind).into())))
            .map_err(|e| self.crdt(e))
    }

    /// Sets who an intervention spoke for.
    pub(crate) fn set_behalf(
        &self,
        map: &LoroMap,
        group: Option<&GroupRef>,
        states: &[DelegationCode],
    ) -> Result<()> {
        put(map, "on_behalf_of", proceedings::group_value(group))
            .and_then(|_| put(map, "also_on_behalf_of", proceedings::states_value(states)))
            .map_err(|e| self.crdt(e))
    }

    pub(crate) fn push_action(&self, id: &str, a: &ActionItem) -> Result<()> {
        let map = self
            .list(ACTIONS)
            .push_container(LoroMap::new())
            .map_err(|e| self.crdt(e))?;
        map.insert("id", id).map_err(|e| self.crdt(e))?;
        self.set_action_fields(&map, a)
    }

    pub(crate) fn set_action_fields(&self, map: &LoroMap, a: &ActionItem) -> Result<()> {
        put(map, "kind", Some(enum_str(&a.kind).into()))
            .and_then(|_| put(map, "from", Some(a.from.as_str().into())))
            .and_then(|_| put(map, "to", Some(a.to.as_str().into())))
            .and_then(|_| put(map, "text", Some(a.text.as_str().into())))
            .and_then(|_| put(map, "due", a.due.map(date_value)))
            .and_then(|_| put(map, "due_month", a.due_month.map(|m| m.to_string().into())))
            .and_then(|_| put(map, "agenda_item", a.agenda_item.as_deref().map(Into::into)))
            .and_then(|_| {
                put(
                    map,
                    "adoption",
                    proceedings::adoption_value(a.adoption.as_ref()),
                )
            })
            .and_then(|_| put(map, "status", Some(enum_str(&a.status).into())))
            .map_err(|e| self.crdt(e))
    }

    pub(crate) fn push_related(&self, r: &RelatedMeeting) -> Result<()> {
        let map = self
            .list(RELATED)
            .push_container(LoroMap::new())
            .map_err(|e| self.crdt(e))?;
        map.insert("id", new_id()).map_err(|e| self.crdt(e))?;
        self.set_related_fields(&map, r)
    }

    pub(crate) fn set_related_fields(&self, map: &LoroMap, r: &RelatedMeeting) -> Result<()> {
        put(map, "title", Some(r.title.as_str().into()))
            .and_then(|_| put(map, "date", r.date.map(date_value)))
            .and_then(|_| put(map, "outcome", r.outcome.as_deref().map(Into::into)))
            .and_then(|_| put(map, "time", r.time.as_deref().map(Into::into)))
            .and_then(|_| put(map, "venue", r.venue.as_deref().map(Into::into)))
            .map_err(|e| self.crdt(e))
    }

    pub(crate) fn set_summary_body(&self, body: &str) -> Result<()> {
        let text = self
            .doc
            .get_map(SUMMARY)
            .ensure_mergeable_text("body")
            .map_err(|e| self.crdt(e))?;
        set_text(&text, body).map_err(|e| self.crdt(e))
    }

    pub(crate) fn push_statement(
        &self,
        id: &str,
        title: Option<&str>,
        speaker: Option<&str>,
    ) -> Result<LoroMap> {
        let map = self
            .list(DOCUMENTS)
            .push_container(LoroMap::new())
            .map_err(|e| self.crdt(e))?;
        map.insert("id", id)
            .and_then(|_| map.insert("kind", DocumentKind::Statement.as_str()))
            .and_then(|_| put(&map, "title", title.map(Into::into)))
            .and_then(|_| put(&map, "speaker", speaker.map(Into::into)))
            .and_then(|_| map.insert_container("body", LoroText::new()).map(drop))
            .map_err(|e| self.crdt(e))?;
        Ok(map)
    }

    // --- finding entries ------------------------------------------------------------------------

    fn corrupt_entry(&self, list: &str, i: usize) -> StoreError {
        StoreError::corrupt(
            self.meeting_id,
            format!("{list}[{i}]"),
            "entry is not a map",
        )
    }

    pub(crate) fn find(
        &self,
        list_key: &str,
        kind: &'static str,
        id: &str,
    ) -> Result<(usize, LoroMap)> {
        let list = self.list(list_key);
        for i in 0..list.len() {
            let map = entry(&list, i).ok_or_else(|| self.corrupt_entry(list_key, i))?;
            if get_str(&map, "id").as_deref() == Some(id) {
                return Ok((i, map));
            }
        }
        Err(StoreError::not_found(kind, id, self.meeting_id))
    }

    pub(crate) fn at(&self, list_key: &str, kind: &'static str, index: u32) -> Result<LoroMap> {
        let list = self.list(list_key);
        entry(&list, index as usize)
            .ok_or_else(|| StoreError::not_found(kind, index.to_string(), self.meeting_id))
    }

    pub(crate) fn remove(&self, list_key: &str, kind: &'static str, id: &str) -> Result<()> {
        let (i, _) = self.find(list_key, kind, id)?;
        self.list(list_key).delete(i, 1).map_err(|e| self.crdt(e))
    }
}
