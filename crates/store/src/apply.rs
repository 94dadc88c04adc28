//! Writing into a meeting's Loro document: building one from a record, and applying an [`Edit`].
//!
//! Everything here only touches the in-memory document; [`crate::write`] commits it and persists the
//! resulting update. Validation runs before the first operation where it can, so a refused edit usually
//! leaves nothing to undo (and when it cannot, the write path discards the in-memory document).

use std::collections::HashSet;

use loro::{Container, LoroDoc, LoroMap, LoroMovableList, LoroText, LoroValue, ValueOrContainer};
use rapporteur_core::text::is_blank;
use rapporteur_core::{
    ActionItem, Category, DocumentKind, Meeting, MeetingRecord, Party, RelatedMeeting,
};

use crate::error::{Result, StoreError};
use crate::layout::*;
use crate::types::{Edit, enum_str};
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

    fn invalid(&self, field: impl Into<String>, message: impl Into<String>) -> StoreError {
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

    /// Fill an empty document from a record. Ids the record carries are kept when unique in their list.
    pub fn create_from_record(&self, record: &MeetingRecord) -> Result<()> {
        check_text(self.meeting_id, record)?;
        self.check_meeting(&record.meeting)?;
        let m = self.doc.get_map(MEETING);
        m.insert("schema", SCHEMA).map_err(|e| self.crdt(e))?;
        self.set_meeting(&record.meeting)?;

        for (i, g) in record.attendance.groups.iter().enumerate() {
            if record.attendance.groups[..i]
                .iter()
                .any(|o| o.category == g.category)
            {
                return Err(self.invalid(
                    format!("attendance.groups[{i}].category"),
                    format!("category {} appears twice", g.category.as_str()),
                ));
            }
            self.push_group(g.category, g.label.as_deref(), g.count)?;
        }
        let mut seen = HashSet::new();
        for (i, d) in record.attendance.delegations.iter().enumerate() {
            let field = format!("attendance.delegations[{i}]");
            self.check_party(&d.who, &field)?;
            let id = pick_id(d.id.as_deref(), &mut seen);
            self.push_delegation(&id, &d.who, d.present)?;
        }
        let mut seen = HashSet::new();
        for (i, iv) in record.interventions.0.iter().enumerate() {
            let field = format!("interventions[{i}]");
            self.check_party(&iv.speaker, &format!("{field}.speaker"))?;
            check_time(iv.time.as_deref()).map_err(|m| self.invalid(format!("{field}.time"), m))?;
            let id = pick_id(iv.id.as_deref(), &mut seen);
            let pos = self.list(INTERVENTIONS).len();
            let map = self.insert_intervention(pos, &id, &iv.speaker)?;
            self.update_intervention_fields(
                &map,
                &iv.speaker,
                iv.person.as_deref(),
                iv.time.as_deref(),
                iv.agenda_item.as_deref(),
                iv.kind,
            )?;
            set_text(&self.intervention_summary(&map)?, &iv.summary).map_err(|e| self.crdt(e))?;
        }
        let mut seen = HashSet::new();
        for (i, a) in record.action_items.iter().enumerate() {
            self.check_action(a, &format!("action_items[{i}]"))?;
            let id = pick_id(a.id.as_deref(), &mut seen);
            self.push_action(&id, a)?;
        }
        for (i, r) in record.related_meetings.iter().enumerate() {
            self.check_related(r, &format!("related_meetings[{i}]"))?;
            self.push_related(r)?;
        }
        let mut seen = HashSet::new();
        let mut summaries = 0;
        for (i, d) in record.documents.iter().enumerate() {
            match d.kind {
                DocumentKind::Summary => {
                    summaries += 1;
                    if summaries > 1 {
                        return Err(self.invalid(
                            format!("documents[{i}].kind"),
                            "a meeting has at most one summary",
                        ));
                    }
                    let s = self.doc.get_map(SUMMARY);
                    put(&s, "title", d.title.as_deref().map(Into::into))
                        .map_err(|e| self.crdt(e))?;
                    self.set_summary_body(&d.body)?;
                }
                DocumentKind::Statement => {
                    let id = pick_id(d.id.as_deref(), &mut seen);
                    let map = self.push_statement(&id, d.title.as_deref(), d.speaker.as_deref())?;
                    put(&map, "delivered_on", d.delivered_on.map(date_value))
                        .map_err(|e| self.crdt(e))?;
                    set_text(&statement_body(&map).map_err(|e| self.crdt(e))?, &d.body)
                        .map_err(|e| self.crdt(e))?;
                }
            }
        }
        Ok(())
    }

    pub fn apply(&self, edit: &Edit) -> Result<()> {
        check_text(self.meeting_id, edit)?;
        match edit {
            Edit::SetMeeting { meeting } => {
                self.check_meeting(meeting)?;
                self.set_meeting(meeting)
            }
            Edit::AddDelegation { party, present } => {
                self.check_party(party, "party")?;
                self.check_not_attending(party, None)?;
                self.push_delegation(&new_id(), party, *present)
            }
            Edit::UpdateDelegation { id, party } => {
                self.check_party(party, "party")?;
                self.check_not_attending(party, Some(id))?;
                let (_, map) = self.find(DELEGATIONS, "delegation", id)?;
                map.insert("party", party_value(party))
                    .map_err(|e| self.crdt(e))
            }
            Edit::SetPresence { id, present } => {
                let (_, map) = self.find(DELEGATIONS, "delegation", id)?;
                put(&map, "present", Some((*present).into())).map_err(|e| self.crdt(e))
            }
            Edit::RemoveDelegation { id } => self.remove(DELEGATIONS, "delegation", id),
            Edit::SetGroup {
                category,
                label,
                count,
            } => self.set_group(*category, label.as_deref(), *count),
            Edit::RemoveGroup { category } => {
                let list = self.list(GROUPS);
                let positions = self.group_positions(*category)?;
                if positions.is_empty() {
                    return Err(StoreError::not_found(
                        "attendance group",
                        category.as_str(),
                        self.meeting_id,
                    ));
                }
                for pos in positions.into_iter().rev() {
                    list.delete(pos, 1).map_err(|e| self.crdt(e))?;
                }
                Ok(())
            }
            Edit::AddIntervention { speaker, at } => {
                self.check_party(speaker, "speaker")?;
                let n = self.list(INTERVENTIONS).len();
                let pos = match at {
                    None => n,
                    Some(at) if (1..=n + 1).contains(&(*at as usize)) => *at as usize - 1,
                    Some(at) => {
                        return Err(
                            self.invalid("at", format!("position {at} is outside 1..={}", n + 1))
                        );
                    }
                };
                let map = self.insert_intervention(pos, &new_id(), speaker)?;
                put(
                    &map,
                    "kind",
                    Some(enum_str(&rapporteur_core::InterventionKind::default()).into()),
                )
                .map_err(|e| self.crdt(e))
            }
            Edit::MoveIntervention { id, to } => {
                let (from, _) = self.find(INTERVENTIONS, "intervention", id)?;
                let list = self.list(INTERVENTIONS);
                let n = list.len();
                if !(1..=n).contains(&(*to as usize)) {
                    return Err(self.invalid("to", format!("position {to} is outside 1..={n}")));
                }
                let to = *to as usize - 1;
                if from != to {
                    list.mov(from, to).map_err(|e| self.crdt(e))?;
                }
                Ok(())
            }
            Edit::UpdateIntervention {
                id,
                speaker,
                person,
                time,
                agenda_item,
                kind,
            } => {
                self.check_party(speaker, "speaker")?;
                check_time(time.as_deref()).map_err(|m| self.invalid("time", m))?;
                let (_, map) = self.find(INTERVENTIONS, "intervention", id)?;
                self.update_intervention_fields(
                    &map,
                    speaker,
                    person.as_deref(),
                    time.as_deref(),
                    agenda_item.as_deref(),
                    *kind,
                )
            }
            Edit::SetInterventionSummary { id, text } => {
                let (_, map) = self.find(INTERVENTIONS, "intervention", id)?;
                set_text(&self.intervention_summary(&map)?, text).map_err(|e| self.crdt(e))
            }
            Edit::RemoveIntervention { id } => self.remove(INTERVENTIONS, "intervention", id),
            Edit::AddAction { item } => {
                self.check_action(item, "item")?;
                self.push_action(&new_id(), item)
            }
            Edit::UpdateAction { id, item } => {
                self.check_action(item, "item")?;
                let (_, map) = self.find(ACTIONS, "action item", id)?;
                self.set_action_fields(&map, item)
            }
            Edit::RemoveAction { id } => self.remove(ACTIONS, "action item", id),
            Edit::AddRelated { item } => {
                self.check_related(item, "item")?;
                self.push_related(item)
            }
            Edit::UpdateRelated { index, item } => {
                self.check_related(item, "item")?;
                let map = self.at(RELATED, "related meeting", *index)?;
                self.set_related_fields(&map, item)
            }
            Edit::RemoveRelated { index } => {
                self.at(RELATED, "related meeting", *index)?;
                self.list(RELATED)
                    .delete(*index as usize, 1)
                    .map_err(|e| self.crdt(e))
            }
            Edit::SetSummaryTitle { title } => {
                // A titled summary exists, if empty: the title belongs to it.
                let title = title.as_deref().map(str::trim).filter(|t| !t.is_empty());
                let summary = self.doc.get_map(SUMMARY);
                summary
                    .ensure_mergeable_text("body")
                    .and_then(|_| put(&summary, "title", title.map(Into::into)))
                    .map_err(|e| self.crdt(e))
            }
            Edit::SetDocument { kind, index, body } => match kind {
                DocumentKind::Summary if *index == 0 => self.set_summary_body(body),
                DocumentKind::Summary => {
                    Err(self.invalid("index", "the summary is document index 0"))
                }
                DocumentKind::Statement => {
                    let map = self.at(DOCUMENTS, "statement", *index)?;
                    set_text(&statement_body(&map).map_err(|e| self.crdt(e))?, body)
                        .map_err(|e| self.crdt(e))
                }
            },
            Edit::AddStatement { title, speaker } => self
                .push_statement(&new_id(), title.as_deref(), speaker.as_deref())
                .map(drop),
            Edit::UpdateStatement {
                index,
                title,
                speaker,
                delivered_on,
            } => {
                let map = self.at(DOCUMENTS, "statement", *index)?;
                put(&map, "title", title.as_deref().map(Into::into))
                    .and_then(|_| put(&map, "speaker", speaker.as_deref().map(Into::into)))
                    .and_then(|_| put(&map, "delivered_on", delivered_on.map(date_value)))
                    .map_err(|e| self.crdt(e))
            }
            Edit::RemoveStatement { index } => {
                let map = self.at(DOCUMENTS, "statement", *index)?;
                if let Some(id) = get_str(&map, "id") {
                    self.remove_attachments_of(&id)?;
                }
                self.list(DOCUMENTS)
                    .delete(*index as usize, 1)
                    .map_err(|e| self.crdt(e))
            }
            Edit::RemoveAttachment { id } => self.remove_attachment(id),
        }
    }

    // --- validation -----------------------------------------------------------------------------

    fn check_meeting(&self, m: &Meeting) -> Result<()> {
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
        Ok(())
    }

    fn check_party(&self, p: &Party, field: &str) -> Result<()> {
        Party::from_parts(
            p.delegation.clone(),
            p.display_name.clone(),
            p.name.clone(),
            p.category,
        )
        .map(drop)
        .map_err(|m| self.invalid(field, m))
    }

    fn check_action(&self, a: &ActionItem, field: &str) -> Result<()> {
        // `from` and `to` may stay blank while unknown; the text is the item.
        if is_blank(&a.text) {
            return Err(self.invalid(format!("{field}.text"), "must not be empty"));
        }
        Ok(())
    }

    fn check_related(&self, r: &RelatedMeeting, field: &str) -> Result<()> {
        if is_blank(&r.title) {
            return Err(self.invalid(format!("{field}.title"), "must not be empty"));
        }
        Ok(())
    }

    // --- the pieces -----------------------------------------------------------------------------

    fn set_meeting(&self, m: &Meeting) -> Result<()> {
        let map = self.doc.get_map(MEETING);
        let s = |v: &Option<String>| v.as_deref().map(LoroValue::from);
        let chair = m.chair.as_ref().map(|c| {
            map_value(&[
                ("name", Some(c.name.as_str().into())),
                ("title", s(&c.title)),
                ("role", s(&c.role)),
            ])
        });
        let fields: [(&str, Option<LoroValue>); 10] = [
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
        ];
        for (key, value) in fields {
            put(&map, key, value).map_err(|e| self.crdt(e))?;
        }
        Ok(())
    }

    fn group_positions(&self, category: Category) -> Result<Vec<usize>> {
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

    fn set_group(&self, category: Category, label: Option<&str>, count: Option<u32>) -> Result<()> {
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

    fn push_group(
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
    fn check_not_attending(&self, party: &Party, except: Option<&String>) -> Result<()> {
        let Some(code) = &party.delegation else {
            return Ok(());
        };
        let record = read_record(self.meeting_id, self.doc)?;
        let taken = record.attendance.delegations.iter().any(|d| {
            d.who.delegation.as_ref() == Some(code) && (except.is_none() || d.id.as_ref() != except)
        });
        if taken {
            return Err(self.invalid(
                "party.delegation",
                format!("delegation {} is already in the attendance", code.as_str()),
            ));
        }
        Ok(())
    }

    fn push_delegation(&self, id: &str, party: &Party, present: bool) -> Result<()> {
        let list = self.list(DELEGATIONS);
        let map = list
            .push_container(LoroMap::new())
            .map_err(|e| self.crdt(e))?;
        map.insert("id", id)
            .and_then(|_| map.insert("party", party_value(party)))
            .and_then(|_| map.insert("present", present))
            .map_err(|e| self.crdt(e))
    }

    fn insert_intervention(&self, pos: usize, id: &str, speaker: &Party) -> Result<LoroMap> {
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

    fn intervention_summary(&self, map: &LoroMap) -> Result<LoroText> {
        match map.get("summary") {
            Some(ValueOrContainer::Container(Container::Text(t))) => Ok(t),
            _ => Err(StoreError::corrupt(
                self.meeting_id,
                "interventions[].summary",
                "not a text",
            )),
        }
    }

    fn update_intervention_fields(
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

    fn push_action(&self, id: &str, a: &ActionItem) -> Result<()> {
        let map = self
            .list(ACTIONS)
            .push_container(LoroMap::new())
            .map_err(|e| self.crdt(e))?;
        map.insert("id", id).map_err(|e| self.crdt(e))?;
        self.set_action_fields(&map, a)
    }

    fn set_action_fields(&self, map: &LoroMap, a: &ActionItem) -> Result<()> {
        put(map, "kind", Some(enum_str(&a.kind).into()))
            .and_then(|_| put(map, "from", Some(a.from.as_str().into())))
            .and_then(|_| put(map, "to", Some(a.to.as_str().into())))
            .and_then(|_| put(map, "text", Some(a.text.as_str().into())))
            .and_then(|_| put(map, "due", a.due.map(date_value)))
            .and_then(|_| put(map, "status", Some(enum_str(&a.status).into())))
            .map_err(|e| self.crdt(e))
    }

    fn push_related(&self, r: &RelatedMeeting) -> Result<()> {
        let map = self
            .list(RELATED)
            .push_container(LoroMap::new())
            .map_err(|e| self.crdt(e))?;
        map.insert("id", new_id()).map_err(|e| self.crdt(e))?;
        self.set_related_fields(&map, r)
    }

    fn set_related_fields(&self, map: &LoroMap, r: &RelatedMeeting) -> Result<()> {
        put(map, "title", Some(r.title.as_str().into()))
            .and_then(|_| put(map, "date", r.date.map(date_value)))
            .and_then(|_| put(map, "outcome", r.outcome.as_deref().map(Into::into)))
            .map_err(|e| self.crdt(e))
    }

    fn set_summary_body(&self, body: &str) -> Result<()> {
        let text = self
            .doc
            .get_map(SUMMARY)
            .ensure_mergeable_text("body")
            .map_err(|e| self.crdt(e))?;
        set_text(&text, body).map_err(|e| self.crdt(e))
    }

    fn push_statement(
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

    fn find(&self, list_key: &str, kind: &'static str, id: &str) -> Result<(usize, LoroMap)> {
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
