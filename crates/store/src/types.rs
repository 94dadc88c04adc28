//! The values that cross the store's boundary: the `Edit` operations the UI and CLI drive everything
//! through, and the rows that lists, search and the action tracker return. All of them are exported to
//! TypeScript with ts-rs, so the UI's types cannot drift from these.

use chrono::NaiveDate;
use rapporteur_core::{
    ActionItem, Announcement, Category, DelegationCode, DocumentKind, GroupRef, InterventionKind,
    Meeting, MeetingKind, MeetingStatus, Party, Person, Position, RelatedMeeting, Remark,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A meeting's id: a UUID (v7) string, stable across replicas.
pub type MeetingId = String;

/// One change to one meeting. Every local change goes through [`crate::Store::edit`] with one of these.
///
/// Positions: intervention positions (`at`, `to`) are the 1-based speaking order shown to users;
/// `index` of related meetings and statements is 0-based; the summary is document index 0.
/// Items that are added get a fresh id, visible in the record that `edit` returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "op", rename_all = "snake_case")]
#[ts(export)]
pub enum Edit {
    /// Replace the meeting's own fields. Only fields that differ are written, so a concurrent change to
    /// another field on another replica survives.
    SetMeeting {
        /// The meeting's fields as they should be.
        meeting: Meeting,
    },
    /// Add a State or a free entry to the attendance. Refused if the State is already in it.
    AddDelegation {
        /// The State (by code) or the free entry (name and category).
        party: Party,
        /// Present, or excused.
        present: bool,
    },
    /// Mark an attending delegation present or not.
    SetPresence {
        /// The attendance row's id.
        id: String,
        /// Present, or excused.
        present: bool,
    },
    /// Replace who an attending delegation is: a State's name for this meeting (`display_name`), or a free
    /// entry's name and category. Refused if another row already names the same State.
    UpdateDelegation {
        /// The attendance row's id.
        id: String,
        /// Who it is now.
        party: Party,
    },
    /// Remove a delegation from the attendance.
    RemoveDelegation {
        /// The attendance row's id.
        id: String,
    },
    /// Upsert the headcount group of `category`.
    SetGroup {
        /// The category counted.
        category: Category,
        /// How the summary names the group for this meeting.
        #[ts(optional)]
        label: Option<String>,
        /// The headcount; `None`: the present named delegations of the category.
        #[ts(optional)]
        count: Option<u32>,
    },
    /// Remove the headcount group of `category`.
    RemoveGroup {
        /// The category whose group goes.
        category: Category,
    },
    /// Add a speaker at 1-based position `at` (appended when absent).
    AddIntervention {
        /// Who takes the floor.
        speaker: Party,
        /// Position in the speakers list, from 1.
        #[ts(optional)]
        at: Option<u32>,
    },
    /// Move an intervention to 1-based position `to`.
    MoveIntervention {
        /// The intervention's id.
        id: String,
        /// Its new position, from 1.
        to: u32,
    },
    /// Replace an intervention's fields other than its summary text.
    UpdateIntervention {
        /// The intervention's id.
        id: String,
        /// Who took the floor.
        speaker: Party,
        /// The person who spoke.
        #[ts(optional)]
        person: Option<String>,
        /// `HH:MM`.
        #[ts(optional)]
        time: Option<String>,
        /// The agenda item it was made under.
        #[ts(optional)]
        agenda_item: Option<String>,
        /// A statement, a question or a right of reply.
        kind: InterventionKind,
    },
    /// Set what an intervention said (Markdown); only the difference is recorded, so it merges.
    SetInterventionSummary {
        /// The intervention's id.
        id: String,
        /// The whole new text.
        text: String,
    },
    /// Set whom an intervention's speaker spoke for (format @2); `UpdateIntervention` leaves this alone, so a
    /// client that does not know it cannot clear it.
    SetInterventionBehalf {
        /// The intervention's id.
        id: String,
        /// The group: "on behalf of the Group of 77 and China".
        #[ts(optional)]
        on_behalf_of: Option<GroupRef>,
        /// Other States, by registry code, each once: "also on behalf of Argentina and Brazil".
        #[serde(default)]
        also_on_behalf_of: Vec<DelegationCode>,
    },
    /// Set an intervention's speaker's role at this meeting ("panellist") (format @2); `UpdateIntervention`
    /// leaves it alone, so a client that does not know it cannot clear it.
    SetInterventionRole {
        /// The intervention's id.
        id: String,
        /// The role, in the meeting's language; `None` clears it.
        #[ts(optional)]
        role: Option<String>,
    },
    /// Replace the persons of an attending delegation, for the list of participants (format @2).
    SetDelegationPersons {
        /// The attendance row's id.
        id: String,
        /// Its persons; at most one heads it.
        persons: Vec<Person>,
    },
    /// Replace the positions of grouped speakers, the podium remarks and the announcements (format @2),
    /// each list whole.
    SetFloor {
        /// "Several delegations welcomed …".
        positions: Vec<Position>,
        /// Opening remarks, answers (each naming the intervention it answers), closing remarks.
        remarks: Vec<Remark>,
        /// "It was announced that …".
        announcements: Vec<Announcement>,
    },
    /// Remove an intervention from the speakers list.
    RemoveIntervention {
        /// The intervention's id.
        id: String,
    },
    /// Add an action item.
    AddAction {
        /// The item (its `id` is ignored: a fresh one is given).
        item: ActionItem,
    },
    /// Replace an action item's fields.
    UpdateAction {
        /// The action item's id.
        id: String,
        /// Its fields as they should be (its `id` is ignored).
        item: ActionItem,
    },
    /// Remove an action item.
    RemoveAction {
        /// The action item's id.
        id: String,
    },
    /// Add a related meeting.
    AddRelated {
        /// The related meeting.
        item: RelatedMeeting,
    },
    /// Replace a related meeting's fields.
    UpdateRelated {
        /// Its position in the list, from 0.
        index: u32,
        /// Its fields as they should be.
        item: RelatedMeeting,
    },
    /// Remove a related meeting.
    RemoveRelated {
        /// Its position in the list, from 0.
        index: u32,
    },
    /// Set (or clear) the summary's own title ("Summary of the briefing to Member States"); `None` lets
    /// exports use the meeting's title.
    SetSummaryTitle {
        /// The title; blank is the same as `None`.
        title: Option<String>,
    },
    /// Set a document's Markdown body. The summary (index 0) is created on first set; statements must
    /// exist (see `AddStatement`).
    SetDocument {
        /// The summary or a statement.
        kind: DocumentKind,
        /// 0 for the summary; a statement's position among the statements, from 0.
        index: u32,
        /// The whole new Markdown text; only the difference is recorded, so it merges.
        body: String,
    },
    /// Add an empty statement after the others.
    AddStatement {
        /// Its title.
        #[ts(optional)]
        title: Option<String>,
        /// Who delivers it.
        #[ts(optional)]
        speaker: Option<String>,
    },
    /// Replace a statement's title, speaker and date (not its text).
    UpdateStatement {
        /// Its position among the statements, from 0.
        index: u32,
        /// Its title.
        #[ts(optional)]
        title: Option<String>,
        /// Who delivers it.
        #[ts(optional)]
        speaker: Option<String>,
        /// The day it was delivered.
        #[ts(optional)]
        delivered_on: Option<NaiveDate>,
    },
    /// Remove the statement at `index`, with its attachments.
    RemoveStatement {
        /// Its position among the statements, from 0.
        index: u32,
    },
    /// Remove an attachment (its blob stays, since another attachment may share it).
    RemoveAttachment {
        /// The attachment's id.
        id: String,
    },
}

impl Edit {
    /// The snake_case name of the operation; also the Loro commit message, so history says what changed.
    pub fn op(&self) -> &'static str {
        match self {
            Edit::SetMeeting { .. } => "set_meeting",
            Edit::AddDelegation { .. } => "add_delegation",
            Edit::SetPresence { .. } => "set_presence",
            Edit::UpdateDelegation { .. } => "update_delegation",
            Edit::RemoveDelegation { .. } => "remove_delegation",
            Edit::SetSummaryTitle { .. } => "set_summary_title",
            Edit::SetGroup { .. } => "set_group",
            Edit::RemoveGroup { .. } => "remove_group",
            Edit::AddIntervention { .. } => "add_intervention",
            Edit::MoveIntervention { .. } => "move_intervention",
            Edit::UpdateIntervention { .. } => "update_intervention",
            Edit::SetInterventionSummary { .. } => "set_intervention_summary",
            Edit::SetInterventionBehalf { .. } => "set_intervention_behalf",
            Edit::RemoveIntervention { .. } => "remove_intervention",
            Edit::SetInterventionRole { .. } => "set_intervention_role",
            Edit::SetDelegationPersons { .. } => "set_delegation_persons",
            Edit::SetFloor { .. } => "set_floor",
            Edit::AddAction { .. } => "add_action",
            Edit::UpdateAction { .. } => "update_action",
            Edit::RemoveAction { .. } => "remove_action",
            Edit::AddRelated { .. } => "add_related",
            Edit::UpdateRelated { .. } => "update_related",
            Edit::RemoveRelated { .. } => "remove_related",
            Edit::SetDocument { .. } => "set_document",
            Edit::AddStatement { .. } => "add_statement",
            Edit::UpdateStatement { .. } => "update_statement",
            Edit::RemoveStatement { .. } => "remove_statement",
            Edit::RemoveAttachment { .. } => "remove_attachment",
        }
    }
}

/// One row of the meetings list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeetingSummary {
    /// The meeting's id.
    pub id: MeetingId,
    /// Its title.
    pub title: String,
    /// Its (first) day.
    pub date: NaiveDate,
    /// Its last day, if over several.
    #[ts(optional)]
    pub end_date: Option<NaiveDate>,
    /// What kind of meeting.
    pub kind: MeetingKind,
    /// How far its write-up has come.
    pub status: MeetingStatus,
    /// Who convened it.
    #[ts(optional)]
    pub convened_by: Option<String>,
    /// Named delegations marked present.
    pub delegations_present: u32,
    /// Turns on the speakers list.
    pub interventions: u32,
    /// Action items, all of them.
    pub action_items: u32,
    /// Action items open or in progress.
    pub open_action_items: u32,
    /// Summary and statements.
    pub documents: u32,
}

/// Where in a meeting a search hit was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum HitKind {
    /// Title, convener, venue or symbol.
    Meeting,
    /// A delegation in the attendance.
    Delegation,
    /// An intervention: its speaker, person or text.
    Intervention,
    /// An action item.
    Action,
    /// The summary or a statement.
    Document,
}

impl HitKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            HitKind::Meeting => "meeting",
            HitKind::Delegation => "delegation",
            HitKind::Intervention => "intervention",
            HitKind::Action => "action",
            HitKind::Document => "document",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<HitKind> {
        [
            HitKind::Meeting,
            HitKind::Delegation,
            HitKind::Intervention,
            HitKind::Action,
            HitKind::Document,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// Marks the start of a matched term in [`SearchHit::snippet`] (U+27E6, which ordinary text never holds).
pub const HIT_START: &str = "\u{27E6}";
/// Marks the end of a matched term in [`SearchHit::snippet`] (U+27E7).
pub const HIT_END: &str = "\u{27E7}";

/// One match of a full-text search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SearchHit {
    /// The meeting it is in.
    pub meeting_id: MeetingId,
    /// That meeting's title.
    pub meeting_title: String,
    /// That meeting's (first) day.
    pub date: NaiveDate,
    /// Where in the meeting it was found.
    pub kind: HitKind,
    /// The id of the intervention, action item or document hit, when there is one.
    #[ts(optional)]
    pub item_id: Option<String>,
    /// An excerpt with each matched term between [`HIT_START`] and [`HIT_END`].
    pub snippet: String,
}

/// Which actions the cross-meeting tracker lists.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ActionFilter {
    /// Only `open` and `in_progress` items.
    #[serde(default)]
    pub open_only: bool,
    /// Only items whose `from` or `to` equals this, ignoring case.
    #[serde(default)]
    #[ts(optional)]
    pub owner: Option<String>,
    /// Only items taken under this agenda item (its number: "3"), in whichever meeting.
    #[serde(default)]
    #[ts(optional)]
    pub agenda_item: Option<String>,
    /// Only items of meetings of this session ("first part of the 2020 session"), ignoring case.
    #[serde(default)]
    #[ts(optional)]
    pub session: Option<String>,
}

/// An action item in the cross-meeting tracker, with the meeting it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TrackedAction {
    /// The meeting it comes from.
    pub meeting_id: MeetingId,
    /// That meeting's title.
    pub meeting_title: String,
    /// That meeting's (first) day.
    pub meeting_date: NaiveDate,
    /// The session that meeting belongs to, when it names one.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting_session: Option<String>,
    /// The action item.
    pub item: ActionItem,
    /// Due before today and still open or in progress.
    pub overdue: bool,
}

/// A name typed as a free entry (a UN entity, a mandate holder, an NGO: a party that is not a State of the
/// registry) in some meeting's attendance or speakers list, offered again as a suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FreeName {
    /// The name as typed.
    pub name: String,
    /// The category it was filed under most often.
    pub category: Category,
}

/// One version of a document (summary or statement) in its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DocVersion {
    /// Opaque; pass back to `doc_at`, `doc_diff` and `doc_restore`.
    pub version_id: String,
    /// When the change was made, by the clock of the replica that made it (UTC, RFC 3339).
    pub time: String,
    /// The name of the replica that made the change, or its peer id when its name is unknown.
    pub replica_name: String,
    /// The edit operation that made the change (`set_document`, `import`, ...), when recorded.
    #[ts(optional)]
    pub op: Option<String>,
    /// What the change was, for a person reading the history.
    pub change: ChangeKind,
    /// Made on another replica and received through sync (a colleague's change, merged with ours).
    pub synced: bool,
}

/// What made a version of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ChangeKind {
    /// Typed or set by hand.
    Edit,
    /// The generated sections refreshed from the record.
    Regenerate,
    /// An older version brought back.
    Restore,
    /// Arrived with an imported record.
    Import,
    /// The document was created (a new meeting or statement).
    Created,
    /// A reviewer's suggestion accepted into the text (clearance).
    SuggestionAccepted,
    /// A suggestion made or rejected; the text itself unchanged (clearance).
    Suggestion,
    /// A comment made, replied to, resolved or reopened (clearance).
    Comment,
    /// The clearance status moved on, or a final text was reopened.
    StatusChange,
    /// A circulated text reopened as a corrigendum.
    Corrigendum,
}

impl ChangeKind {
    /// The kind of change an operation name (a commit message's first part) records. Operations that do
    /// not name a document change of their own, and changes from before operations were recorded, are edits.
    pub fn of_op(op: Option<&str>) -> ChangeKind {
        match op {
            Some(OP_REGENERATE) => ChangeKind::Regenerate,
            Some("doc_restore") => ChangeKind::Restore,
            Some("import") => ChangeKind::Import,
            Some("create_meeting" | "add_statement") => ChangeKind::Created,
            Some("review_accept" | "review_repair") => ChangeKind::SuggestionAccepted,
            Some("review_suggest" | "review_reject") => ChangeKind::Suggestion,
            Some("review_comment" | "review_reply" | "review_resolve") => ChangeKind::Comment,
            Some("review_status" | "review_reopen") => ChangeKind::StatusChange,
            Some("review_corrigendum") => ChangeKind::Corrigendum,
            _ => ChangeKind::Edit,
        }
    }

    /// Its name: `edit`, `regenerate`, `restore`, `import`, `created`, `suggestion_accepted`, `suggestion`,
    /// `comment`, `status_change` or `corrigendum`.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Edit => "edit",
            ChangeKind::Regenerate => "regenerate",
            ChangeKind::Restore => "restore",
            ChangeKind::Import => "import",
            ChangeKind::Created => "created",
            ChangeKind::SuggestionAccepted => "suggestion_accepted",
            ChangeKind::Suggestion => "suggestion",
            ChangeKind::Comment => "comment",
            ChangeKind::StatusChange => "status_change",
            ChangeKind::Corrigendum => "corrigendum",
        }
    }
}

/// The operation recorded for a refresh of a summary's generated sections.
pub(crate) const OP_REGENERATE: &str = "regenerate";

/// This installation, as a replica of the shared data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReplicaInfo {
    /// Random id; names this replica's folder in the shared sync folder.
    pub id: String,
    /// Human name ("Geneva laptop").
    pub name: String,
    /// The Loro peer id this replica writes with, in decimal (a u64 does not fit a JS number).
    pub peer: String,
}

/// How far this replica has applied another replica's files: its id and the last applied file's `seq`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SyncCursor {
    /// The other replica's id.
    pub replica_id: String,
    /// The last of its files applied, with every one before it.
    #[ts(type = "number")]
    pub seq: u64,
}

/// What `import_updates` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportOutcome {
    /// The meeting the payload was for.
    pub meeting_id: MeetingId,
    /// The meeting did not exist here before this import.
    pub created: bool,
    /// The payload brought something this replica did not have.
    pub changed: bool,
    /// Some changes wait for others they depend on (from files not seen yet); they are kept and applied
    /// when those arrive.
    pub pending: bool,
    /// The meeting is (now) deleted.
    pub deleted: bool,
    /// For a meeting new here whose one payload was a whole snapshot, the version that snapshot brought,
    /// read while decoding it (`None` for any other payload): sync counts it as shared without decoding
    /// the snapshot's history a second time. Not part of what the UI sees.
    #[serde(skip)]
    #[ts(skip)]
    pub carried: Option<loro::VersionVector>,
}

/// The model's kinds as stored in the projection, in one place.
pub(crate) fn enum_str<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        other => unreachable!("unit enum serialises to a string, got {other:?}"),
    }
}

pub(crate) fn enum_parse<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_owned())).ok()
}
