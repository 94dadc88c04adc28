//! The layout of a meeting's Loro document, and reading a [`MeetingRecord`] back out of it.
//!
//! Reading is deliberately lenient about combinations that concurrent edits can produce (an end date
//! before the start date after two replicas changed one each, two headcount groups for one category
//! after two replicas created it at once): those are merged states of valid edits, and refusing them
//! would leave a replica unable to show a meeting it has synced. Values that no version of this code
//! writes (an unknown enum string, a missing title) are reported as [`StoreError::Corrupt`].

use chrono::NaiveDate;
use loro::{LoroDoc, LoroValue};
use rapporteur_core::{
    ActionItem, Attendance, AttendanceGroup, AttendingDelegation, Category, Chair, DelegationCode,
    Document, DocumentKind, FormatId, Intervention, Interventions, Meeting, MeetingRecord,
    RelatedMeeting, YearMonth,
};

use crate::error::{Result, StoreError};
use crate::types::enum_parse;
use crate::{floor, proceedings};

pub(crate) const MEETING: &str = "meeting";
pub(crate) const EDITORS: &str = "editors";
pub(crate) const SUMMARY: &str = "summary";
pub(crate) const GROUPS: &str = "groups";
pub(crate) const DELEGATIONS: &str = "delegations";
pub(crate) const INTERVENTIONS: &str = "interventions";
pub(crate) const ACTIONS: &str = "action_items";
pub(crate) const RELATED: &str = "related";
pub(crate) const DOCUMENTS: &str = "documents";

/// Written into the `meeting` map as `schema`; a later layout bumps it.
pub(crate) const SCHEMA: i64 = 1;

/// The id the summary document carries in records (it is unique per meeting).
pub(crate) const SUMMARY_ID: &str = "summary";

type Map = loro::LoroMapValue;

/// What a meeting's document holds right now.
pub(crate) enum DocState {
    /// No `meeting` map yet: only updates whose dependencies have not arrived.
    Empty,
    Deleted,
    Live(Box<MeetingRecord>),
}

pub(crate) fn is_deleted(doc: &LoroDoc) -> bool {
    matches!(
        doc.get_map(MEETING).get("deleted"),
        Some(loro::ValueOrContainer::Value(LoroValue::Bool(true)))
    )
}

pub(crate) fn read_state(meeting_id: &str, doc: &LoroDoc) -> Result<DocState> {
    if is_deleted(doc) {
        return Ok(DocState::Deleted);
    }
    read_live_state(meeting_id, &doc.get_deep_value())
}

/// The state of a document not deleted, from its deep value `root` (which a caller may read more from).
pub(crate) fn read_live_state(meeting_id: &str, root: &LoroValue) -> Result<DocState> {
    let LoroValue::Map(root) = root else {
        return Err(StoreError::corrupt(meeting_id, "/", "root is not a map"));
    };
    let r = Reader { meeting_id, root };
    let Some(meeting) = r.root_map(MEETING) else {
        return Ok(DocState::Empty);
    };
    if meeting.get("title").is_none() {
        return Ok(DocState::Empty);
    }
    Ok(DocState::Live(Box::new(r.record(meeting)?)))
}

/// The record, or `NotFound` when the meeting is deleted or has not arrived complete.
pub(crate) fn read_record(meeting_id: &str, doc: &LoroDoc) -> Result<MeetingRecord> {
    match read_state(meeting_id, doc)? {
        DocState::Live(r) => Ok(*r),
        DocState::Empty | DocState::Deleted => Err(StoreError::meeting_not_found(meeting_id)),
    }
}

struct Reader<'a> {
    meeting_id: &'a str,
    root: &'a Map,
}

impl Reader<'_> {
    fn root_map(&self, key: &str) -> Option<&Map> {
        match self.root.get(key) {
            Some(LoroValue::Map(m)) => Some(m),
            _ => None,
        }
    }

    fn root_list(&self, key: &str) -> &[LoroValue] {
        match self.root.get(key) {
            Some(LoroValue::List(l)) => l,
            _ => &[],
        }
    }

    fn corrupt(&self, field: String, message: &str) -> StoreError {
        StoreError::corrupt(self.meeting_id, field, message)
    }

    /// A refusal of [`crate::proceedings`]'s readers, under the path of the map they read.
    fn under<T>(&self, path: &str, r: std::result::Result<T, (String, String)>) -> Result<T> {
        r.map_err(|(field, message)| self.corrupt(format!("{path}.{field}"), &message))
    }

    fn entries<'b>(
        &self,
        key: &'static str,
        list: &'b [LoroValue],
    ) -> Result<Vec<(String, &'b Map)>> {
        list.iter()
            .enumerate()
            .map(|(i, v)| match v {
                LoroValue::Map(m) => Ok((format!("{key}[{i}]"), m)),
                _ => Err(self.corrupt(format!("{key}[{i}]"), "entry is not a map")),
            })
            .collect()
    }

    fn req_str(&self, m: &Map, path: &str, key: &str) -> Result<String> {
        opt_str(m, key).ok_or_else(|| self.corrupt(format!("{path}.{key}"), "missing"))
    }

    fn opt_date(&self, m: &Map, path: &str, key: &str) -> Result<Option<NaiveDate>> {
        opt_str(m, key)
            .map(|s| {
                NaiveDate::parse_from_str(&s, "%Y-%m-%d")
                    .map_err(|e| self.corrupt(format!("{path}.{key}"), &e.to_string()))
            })
            .transpose()
    }

    fn req_enum<T: serde::de::DeserializeOwned>(
        &self,
        m: &Map,
        path: &str,
        key: &str,
    ) -> Result<T> {
        let s = self.req_str(m, path, key)?;
        enum_parse(&s)
            .ok_or_else(|| self.corrupt(format!("{path}.{key}"), &format!("unknown value {s:?}")))
    }

    fn opt_enum<T: serde::de::DeserializeOwned>(
        &self,
        m: &Map,
        path: &str,
        key: &str,
    ) -> Result<Option<T>> {
        match opt_str(m, key) {
            None => Ok(None),
            Some(_) => self.req_enum(m, path, key).map(Some),
        }
    }

    fn record(&self, m: &Map) -> Result<MeetingRecord> {
        let meeting = self.meeting(m)?;
        let attendance = Attendance {
            groups: self.groups()?,
            delegations: self.delegations()?,
        };
        let interventions = self.interventions()?;
        let action_items = self
            .entries(ACTIONS, self.root_list(ACTIONS))?
            .into_iter()
            .map(|(p, e)| self.action(&p, e))
            .collect::<Result<_>>()?;
        let related_meetings = self
            .entries(RELATED, self.root_list(RELATED))?
            .into_iter()
            .map(|(p, e)| {
                Ok(RelatedMeeting {
                    title: self.req_str(e, &p, "title")?,
                    date: self.opt_date(e, &p, "date")?,
                    outcome: opt_str(e, "outcome"),
                    time: opt_str(e, "time"),
                    venue: opt_str(e, "venue"),
                })
            })
            .collect::<Result<_>>()?;
        let mut documents = Vec::new();
        if let Some(s) = self.root_map(SUMMARY)
            && s.contains_key("body")
        {
            documents.push(Document {
                id: Some(SUMMARY_ID.to_owned()),
                kind: DocumentKind::Summary,
                title: opt_str(s, "title"),
                body: opt_str(s, "body").unwrap_or_default(),
                speaker: None,
                delivered_on: None,
            });
        }
        for (p, e) in self.entries(DOCUMENTS, self.root_list(DOCUMENTS))? {
            documents.push(Document {
                id: Some(self.req_str(e, &p, "id")?),
                kind: DocumentKind::Statement,
                title: opt_str(e, "title"),
                body: opt_str(e, "body").unwrap_or_default(),
                speaker: opt_str(e, "speaker"),
                delivered_on: self.opt_date(e, &p, "delivered_on")?,
            });
        }
        Ok(MeetingRecord {
            format: FormatId,
            meeting,
            attendance,
            interventions,
            action_items,
            related_meetings,
            positions: self.under(MEETING, floor::read_positions(m))?,
            remarks: self.under(MEETING, floor::read_remarks(m))?,
            announcements: self.under(MEETING, floor::read_announcements(m))?,
            documents,
        })
    }

    fn meeting(&self, m: &Map) -> Result<Meeting> {
        let p = MEETING;
        let date = self
            .opt_date(m, p, "date")?
            .ok_or_else(|| self.corrupt("meeting.date".into(), "missing"))?;
        let chair = match m.get("chair") {
            Some(LoroValue::Map(c)) => Some(Chair {
                name: self.req_str(c, "meeting.chair", "name")?,
                title: opt_str(c, "title"),
                role: opt_str(c, "role"),
                state: self.under(p, proceedings::read_state(m, proceedings::CHAIR_STATE))?,
            }),
            _ => None,
        };
        Ok(Meeting {
            title: self.req_str(m, p, "title")?,
            kind: self.req_enum(m, p, "kind")?,
            convened_by: opt_str(m, "convened_by"),
            date,
            end_date: self.opt_date(m, p, "end_date")?,
            venue: opt_str(m, "venue"),
            language: self.req_enum(m, p, "language")?,
            symbol: opt_str(m, "symbol"),
            chair,
            status: self.req_enum(m, p, "status")?,
            session: opt_str(m, "session"),
            summary_code: opt_str(m, "summary_code"),
            status_line: opt_str(m, "status_line"),
            agenda: self.under(p, proceedings::read_agenda(m))?,
            documents_before: self.under(p, proceedings::read_documents(m))?,
        })
    }

    fn groups(&self) -> Result<Vec<AttendanceGroup>> {
        let mut out: Vec<AttendanceGroup> = Vec::new();
        for (p, e) in self.entries(GROUPS, self.root_list(GROUPS))? {
            let category: Category = self.req_enum(e, &p, "category")?;
            // Two replicas that create one category's group at once leave two entries; the first wins.
            if out.iter().any(|g| g.category == category) {
                continue;
            }
            let count = match e.get("count") {
                Some(LoroValue::I64(n)) => Some(
                    u32::try_from(*n)
                        .map_err(|_| self.corrupt(format!("{p}.count"), "out of range"))?,
                ),
                _ => None,
            };
            out.push(AttendanceGroup {
                category,
                label: opt_str(e, "label"),
                count,
            });
        }
        Ok(out)
    }

    fn delegations(&self) -> Result<Vec<AttendingDelegation>> {
        self.entries(DELEGATIONS, self.root_list(DELEGATIONS))?
            .into_iter()
            .map(|(p, e)| {
                Ok(AttendingDelegation {
                    id: Some(self.req_str(e, &p, "id")?),
                    who: self.party(e, &p)?,
                    present: matches!(e.get("present"), Some(LoroValue::Bool(true))),
                    persons: self.under(&p, floor::read_persons(e))?,
                })
            })
            .collect()
    }

    fn interventions(&self) -> Result<Interventions> {
        let items = self
            .entries(INTERVENTIONS, self.root_list(INTERVENTIONS))?
            .into_iter()
            .enumerate()
            .map(|(i, (p, e))| {
                Ok(Intervention {
                    id: Some(self.req_str(e, &p, "id")?),
                    order: u32::try_from(i + 1).unwrap_or(u32::MAX),
                    speaker: self.party(e, &p)?,
                    person: opt_str(e, "person"),
                    role: opt_str(e, "role"),
                    time: opt_str(e, "time"),
                    agenda_item: opt_str(e, "agenda_item"),
                    on_behalf_of: self.under(&p, proceedings::read_group(e))?,
                    also_on_behalf_of: self.under(&p, proceedings::read_states(e))?,
                    summary: opt_str(e, "summary").unwrap_or_default(),
                    kind: self.opt_enum(e, &p, "kind")?.unwrap_or_default(),
                })
            })
            .collect::<Result<_>>()?;
        Ok(Interventions(items))
    }

    fn action(&self, p: &str, e: &Map) -> Result<ActionItem> {
        Ok(ActionItem {
            adoption: self.under(p, proceedings::read_adoption(e))?,
            id: Some(self.req_str(e, p, "id")?),
            kind: self.req_enum(e, p, "kind")?,
            from: self.req_str(e, p, "from")?,
            to: self.req_str(e, p, "to")?,
            text: self.req_str(e, p, "text")?,
            due: self.opt_date(e, p, "due")?,
            due_month: opt_str(e, "due_month")
                .map(|m| {
                    YearMonth::parse(&m)
                        .map_err(|e| self.corrupt(format!("{p}.due_month"), &e.to_string()))
                })
                .transpose()?,
            agenda_item: opt_str(e, "agenda_item"),
            status: self.req_enum(e, p, "status")?,
        })
    }

    /// A party is stored whole, as one value under `party`, so concurrent changes replace it as a unit
    /// and can never merge into "both a delegation and a name".
    fn party(&self, e: &Map, p: &str) -> Result<rapporteur_core::Party> {
        let path = format!("{p}.party");
        let Some(LoroValue::Map(m)) = e.get("party") else {
            return Err(self.corrupt(path, "missing"));
        };
        let delegation = opt_str(m, "delegation")
            .map(|c| {
                DelegationCode::parse(&c)
                    .map_err(|e| self.corrupt(format!("{path}.delegation"), &e.to_string()))
            })
            .transpose()?;
        let category = self.opt_enum(m, &path, "category")?;
        rapporteur_core::Party::from_parts(
            delegation,
            opt_str(m, "display_name"),
            opt_str(m, "name"),
            category,
        )
        .map_err(|e| self.corrupt(path, &e))
    }
}

pub(crate) fn opt_str(m: &Map, key: &str) -> Option<String> {
    match m.get(key) {
        Some(LoroValue::String(s)) => Some(s.to_string()),
        _ => None,
    }
}
