//! Changing a meeting's Loro document: building one from a record, and applying an [`Edit`], one method per
//! kind of edit, from the pieces in `writer`.
//!
//! Validation runs before the first operation where it can, so a refused edit usually leaves nothing to undo
//! (and when it cannot, the write path discards the in-memory document).

use std::collections::HashSet;

use chrono::NaiveDate;
use rapporteur_core::{
    ActionItem, Category, DelegationCode, DocumentKind, GroupRef, InterventionKind, Meeting,
    MeetingRecord, Party, RelatedMeeting,
};

use crate::error::{Result, StoreError};
use crate::layout::*;
use crate::types::{Edit, enum_str};
use crate::values::*;
use crate::writer::Writer;

impl Writer<'_> {
    /// Fill an empty document from a record. Ids the record carries are kept when unique in their list.
    pub fn create_from_record(&self, record: &MeetingRecord) -> Result<()> {
        check_text(self.meeting_id, record)?;
        self.check_meeting(&record.meeting)?;
        rapporteur_core::check_agenda_refs(record).map_err(|(path, m)| self.invalid(path, m))?;
        let m = self.doc.get_map(MEETING);
        m.insert("schema", SCHEMA).map_err(|e| self.crdt(e))?;
        self.set_meeting(&record.meeting)?;

        rapporteur_core::check_groups(&record.attendance.groups).map_err(|(i, message)| {
            self.invalid(format!("attendance.groups[{i}].category"), message)
        })?;
        for g in &record.attendance.groups {
            self.push_group(g.category, g.label.as_deref(), g.count)?;
        }
        let mut seen = HashSet::new();
        for (i, d) in record.attendance.delegations.iter().enumerate() {
            let field = format!("attendance.delegations[{i}]");
            self.check_party(&d.who, &field)?;
            self.check_persons(&d.persons, &format!("{field}.persons"))?;
            let id = pick_id(d.id.as_deref(), &mut seen);
            self.push_delegation(&id, &d.who, d.present)?;
            self.set_persons(&id, &d.persons)?;
        }
        let mut seen = HashSet::new();
        for (i, iv) in record.interventions.0.iter().enumerate() {
            let field = format!("interventions[{i}]");
            self.check_party(&iv.speaker, &format!("{field}.speaker"))?;
            check_time(iv.time.as_deref()).map_err(|m| self.invalid(format!("{field}.time"), m))?;
            self.check_states(&iv.also_on_behalf_of, &format!("{field}.also_on_behalf_of"))?;
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
            self.set_behalf(&map, iv.on_behalf_of.as_ref(), &iv.also_on_behalf_of)?;
            put(&map, "role", iv.role.as_deref().map(Into::into)).map_err(|e| self.crdt(e))?;
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
        self.check_floor(record)?;
        self.set_floor(&record.positions, &record.remarks, &record.announcements)?;
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
            Edit::SetMeeting { meeting } => self.set_meeting_checked(meeting),
            Edit::AddDelegation { party, present } => self.add_delegation(party, *present),
            Edit::UpdateDelegation { id, party } => self.update_delegation(id, party),
            Edit::SetPresence { id, present } => self.set_presence(id, *present),
            Edit::RemoveDelegation { id } => self.remove(DELEGATIONS, "delegation", id),
            Edit::SetGroup {
                category,
                label,
                count,
            } => self.set_group(*category, label.as_deref(), *count),
            Edit::RemoveGroup { category } => self.remove_group(*category),
            Edit::AddIntervention { speaker, at } => self.add_intervention(speaker, *at),
            Edit::MoveIntervention { id, to } => self.move_intervention(id, *to),
            Edit::UpdateIntervention {
                id,
                speaker,
                person,
                time,
                agenda_item,
                kind,
            } => self.update_intervention(
                id,
                speaker,
                person.as_deref(),
                time.as_deref(),
                agenda_item.as_deref(),
                *kind,
            ),
            Edit::SetInterventionSummary { id, text } => self.set_intervention_summary(id, text),
            Edit::SetInterventionBehalf {
                id,
                on_behalf_of,
                also_on_behalf_of,
            } => self.set_intervention_behalf(id, on_behalf_of.as_ref(), also_on_behalf_of),
            Edit::SetInterventionRole { id, role } => {
                self.set_intervention_role(id, role.as_deref())
            }
            Edit::SetDelegationPersons { id, persons } => {
                self.check_persons(persons, "persons")?;
                self.set_persons(id, persons)
            }
            Edit::SetFloor {
                positions,
                remarks,
                announcements,
            } => self.set_floor_checked(positions, remarks, announcements),
            Edit::RemoveIntervention { id } => self.remove(INTERVENTIONS, "intervention", id),
            Edit::AddAction { item } => self.add_action(item),
            Edit::UpdateAction { id, item } => self.update_action(id, item),
            Edit::RemoveAction { id } => self.remove(ACTIONS, "action item", id),
            Edit::AddRelated { item } => self.add_related(item),
            Edit::UpdateRelated { index, item } => self.update_related(*index, item),
            Edit::RemoveRelated { index } => self.remove_related(*index),
            Edit::SetSummaryTitle { title } => self.set_summary_title(title.as_deref()),
            Edit::SetDocument { kind, index, body } => self.set_document(*kind, *index, body),
            Edit::AddStatement { title, speaker } => self
                .push_statement(&new_id(), title.as_deref(), speaker.as_deref())
                .map(drop),
            Edit::UpdateStatement {
                index,
                title,
                speaker,
                delivered_on,
            } => self.update_statement(*index, title.as_deref(), speaker.as_deref(), *delivered_on),
            Edit::RemoveStatement { index } => self.remove_statement(*index),
            Edit::RemoveAttachment { id } => self.remove_attachment(id),
        }
    }

    fn set_meeting_checked(&self, meeting: &Meeting) -> Result<()> {
        self.check_meeting(meeting)?;
        self.set_meeting(meeting)
    }

    fn add_delegation(&self, party: &Party, present: bool) -> Result<()> {
        self.check_party(party, "party")?;
        self.check_not_attending(party, None)?;
        self.push_delegation(&new_id(), party, present)
    }

    fn update_delegation(&self, id: &str, party: &Party) -> Result<()> {
        self.check_party(party, "party")?;
        self.check_not_attending(party, Some(id))?;
        let (_, map) = self.find(DELEGATIONS, "delegation", id)?;
        map.insert("party", party_value(party))
            .map_err(|e| self.crdt(e))
    }

    fn set_presence(&self, id: &str, present: bool) -> Result<()> {
        let (_, map) = self.find(DELEGATIONS, "delegation", id)?;
        put(&map, "present", Some(present.into())).map_err(|e| self.crdt(e))
    }

    fn remove_group(&self, category: Category) -> Result<()> {
        let list = self.list(GROUPS);
        let positions = self.group_positions(category)?;
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

    fn add_intervention(&self, speaker: &Party, at: Option<u32>) -> Result<()> {
        self.check_party(speaker, "speaker")?;
        let n = self.list(INTERVENTIONS).len();
        let pos = match at {
            None => n,
            Some(at) if (1..=n + 1).contains(&(at as usize)) => at as usize - 1,
            Some(at) => {
                return Err(self.invalid("at", format!("position {at} is outside 1..={}", n + 1)));
            }
        };
        let map = self.insert_intervention(pos, &new_id(), speaker)?;
        put(
            &map,
            "kind",
            Some(enum_str(&InterventionKind::default()).into()),
        )
        .map_err(|e| self.crdt(e))
    }

    fn move_intervention(&self, id: &str, to: u32) -> Result<()> {
        let (from, _) = self.find(INTERVENTIONS, "intervention", id)?;
        let list = self.list(INTERVENTIONS);
        let n = list.len();
        if !(1..=n).contains(&(to as usize)) {
            return Err(self.invalid("to", format!("position {to} is outside 1..={n}")));
        }
        let to = to as usize - 1;
        if from != to {
            list.mov(from, to).map_err(|e| self.crdt(e))?;
        }
        Ok(())
    }

    fn update_intervention(
        &self,
        id: &str,
        speaker: &Party,
        person: Option<&str>,
        time: Option<&str>,
        agenda_item: Option<&str>,
        kind: InterventionKind,
    ) -> Result<()> {
        self.check_party(speaker, "speaker")?;
        check_time(time).map_err(|m| self.invalid("time", m))?;
        self.check_agenda_ref(agenda_item, "agenda_item")?;
        let (_, map) = self.find(INTERVENTIONS, "intervention", id)?;
        self.update_intervention_fields(&map, speaker, person, time, agenda_item, kind)
    }

    fn set_intervention_behalf(
        &self,
        id: &str,
        group: Option<&GroupRef>,
        states: &[DelegationCode],
    ) -> Result<()> {
        if let Some(g) = group {
            GroupRef::from_parts(g.group.clone(), g.name.clone())
                .map_err(|m| self.invalid("on_behalf_of", m))?;
        }
        self.check_states(states, "also_on_behalf_of")?;
        let (_, map) = self.find(INTERVENTIONS, "intervention", id)?;
        self.set_behalf(&map, group, states)
    }

    fn set_intervention_role(&self, id: &str, role: Option<&str>) -> Result<()> {
        let (_, map) = self.find(INTERVENTIONS, "intervention", id)?;
        put(&map, "role", role.map(Into::into)).map_err(|e| self.crdt(e))
    }

    fn set_persons(&self, id: &str, persons: &[rapporteur_core::Person]) -> Result<()> {
        let (_, map) = self.find(DELEGATIONS, "delegation", id)?;
        put(
            &map,
            crate::floor::PERSONS,
            crate::floor::list_value(persons),
        )
        .map_err(|e| self.crdt(e))
    }

    /// Replaces positions, remarks and announcements, checked against the meeting as it stands (its agenda
    /// and its interventions' ids).
    fn set_floor_checked(
        &self,
        positions: &[rapporteur_core::Position],
        remarks: &[rapporteur_core::Remark],
        announcements: &[rapporteur_core::Announcement],
    ) -> Result<()> {
        let mut record = read_record(self.meeting_id, self.doc)?;
        record.positions = positions.to_vec();
        record.remarks = remarks.to_vec();
        record.announcements = announcements.to_vec();
        self.check_floor(&record)?;
        rapporteur_core::check_agenda_refs(&record).map_err(|(path, m)| self.invalid(path, m))?;
        self.set_floor(positions, remarks, announcements)
    }

    fn set_intervention_summary(&self, id: &str, text: &str) -> Result<()> {
        let (_, map) = self.find(INTERVENTIONS, "intervention", id)?;
        set_text(&self.intervention_summary(&map)?, text).map_err(|e| self.crdt(e))
    }

    fn add_action(&self, item: &ActionItem) -> Result<()> {
        self.check_action(item, "item")?;
        self.check_agenda_ref(item.agenda_item.as_deref(), "item.agenda_item")?;
        self.push_action(&new_id(), item)
    }

    fn update_action(&self, id: &str, item: &ActionItem) -> Result<()> {
        self.check_action(item, "item")?;
        self.check_agenda_ref(item.agenda_item.as_deref(), "item.agenda_item")?;
        let (_, map) = self.find(ACTIONS, "action item", id)?;
        self.set_action_fields(&map, item)
    }

    fn add_related(&self, item: &RelatedMeeting) -> Result<()> {
        self.check_related(item, "item")?;
        self.push_related(item)
    }

    fn update_related(&self, index: u32, item: &RelatedMeeting) -> Result<()> {
        self.check_related(item, "item")?;
        let map = self.at(RELATED, "related meeting", index)?;
        self.set_related_fields(&map, item)
    }

    fn remove_related(&self, index: u32) -> Result<()> {
        self.at(RELATED, "related meeting", index)?;
        self.list(RELATED)
            .delete(index as usize, 1)
            .map_err(|e| self.crdt(e))
    }

    fn set_summary_title(&self, title: Option<&str>) -> Result<()> {
        // A titled summary exists, if empty: the title belongs to it.
        let title = title.map(str::trim).filter(|t| !t.is_empty());
        let summary = self.doc.get_map(SUMMARY);
        summary
            .ensure_mergeable_text("body")
            .and_then(|_| put(&summary, "title", title.map(Into::into)))
            .map_err(|e| self.crdt(e))
    }

    fn set_document(&self, kind: DocumentKind, index: u32, body: &str) -> Result<()> {
        if kind == DocumentKind::Statement || index == 0 {
            crate::clearance::check_unlocked(self, kind, index)?;
        }
        match kind {
            DocumentKind::Summary if index == 0 => self.set_summary_body(body),
            DocumentKind::Summary => Err(self.invalid("index", "the summary is document index 0")),
            DocumentKind::Statement => {
                let map = self.at(DOCUMENTS, "statement", index)?;
                set_text(&statement_body(&map).map_err(|e| self.crdt(e))?, body)
                    .map_err(|e| self.crdt(e))
            }
        }
    }

    fn update_statement(
        &self,
        index: u32,
        title: Option<&str>,
        speaker: Option<&str>,
        delivered_on: Option<NaiveDate>,
    ) -> Result<()> {
        crate::clearance::check_unlocked(self, DocumentKind::Statement, index)?;
        let map = self.at(DOCUMENTS, "statement", index)?;
        put(&map, "title", title.map(Into::into))
            .and_then(|_| put(&map, "speaker", speaker.map(Into::into)))
            .and_then(|_| put(&map, "delivered_on", delivered_on.map(date_value)))
            .map_err(|e| self.crdt(e))
    }

    fn remove_statement(&self, index: u32) -> Result<()> {
        // A final or circulated statement stays, as its text does, until it is reopened.
        crate::clearance::check_unlocked(self, DocumentKind::Statement, index)?;
        let map = self.at(DOCUMENTS, "statement", index)?;
        if let Some(id) = get_str(&map, "id") {
            self.remove_attachments_of(&id)?;
        }
        self.list(DOCUMENTS)
            .delete(index as usize, 1)
            .map_err(|e| self.crdt(e))
    }
}
