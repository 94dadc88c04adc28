//! The values that cross the store's boundary: the `Edit` operations the UI and CLI drive everything
//! through, and the rows that lists, search and the action tracker return. All of them are exported to
//! TypeScript with ts-rs, so the UI's types cannot drift from these.

use chrono::NaiveDate;
use rapporteur_core::{
    ActionItem, Category, DocumentKind, InterventionKind, Meeting, MeetingKind, MeetingStatus,
    Party, RelatedMeeting,
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
        meeting: Meeting,
    },
    AddDelegation {
        party: Party,
        present: bool,
    },
    SetPresence {
        id: String,
        present: bool,
    },
    /// Replace who an attending delegation is: a State's name for this meeting (`display_name`), or a free
    /// entry's name and category. Refused if another row already names the same State.
    UpdateDelegation {
        id: String,
        party: Party,
    },
    RemoveDelegation {
        id: String,
    },
    /// Upsert the headcount group of `category`.
    SetGroup {
        category: Category,
        #[ts(optional)]
        label: Option<String>,
        #[ts(optional)]
        count: Option<u32>,
    },
    RemoveGroup {
        category: Category,
    },
    /// Add a speaker at 1-based position `at` (appended when absent).
    AddIntervention {
        speaker: Party,
        #[ts(optional)]
        at: Option<u32>,
    },
    /// Move an intervention to 1-based position `to`.
    MoveIntervention {
        id: String,
        to: u32,
    },
    UpdateIntervention {
        id: String,
        speaker: Party,
        #[ts(optional)]
        person: Option<String>,
        /// `HH:MM`.
        #[ts(optional)]
        time: Option<String>,
        #[ts(optional)]
        agenda_item: Option<String>,
        kind: InterventionKind,
    },
    SetInterventionSummary {
        id: String,
        text: String,
    },
    RemoveIntervention {
        id: String,
    },
    AddAction {
        item: ActionItem,
    },
    UpdateAction {
        id: String,
        item: ActionItem,
    },
    RemoveAction {
        id: String,
    },
    AddRelated {
        item: RelatedMeeting,
    },
    UpdateRelated {
        index: u32,
        item: RelatedMeeting,
    },
    RemoveRelated {
        index: u32,
    },
    /// Set (or clear) the summary's own title ("Summary of the briefing to Member States"); `None` lets
    /// exports use the meeting's title.
    SetSummaryTitle {
        title: Option<String>,
    },
    /// Set a document's Markdown body. The summary (index 0) is created on first set; statements must
    /// exist (see `AddStatement`).
    SetDocument {
        kind: DocumentKind,
        index: u32,
        body: String,
    },
    AddStatement {
        #[ts(optional)]
        title: Option<String>,
        #[ts(optional)]
        speaker: Option<String>,
    },
    UpdateStatement {
        index: u32,
        #[ts(optional)]
        title: Option<String>,
        #[ts(optional)]
        speaker: Option<String>,
        #[ts(optional)]
        delivered_on: Option<NaiveDate>,
    },
    /// Remove the statement at `index`, with its attachments.
    RemoveStatement {
        index: u32,
    },
    /// Remove an attachment (its blob stays, since another attachment may share it).
    RemoveAttachment {
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
            Edit::RemoveIntervention { .. } => "remove_intervention",
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
    pub id: MeetingId,
    pub title: String,
    pub date: NaiveDate,
    #[ts(optional)]
    pub end_date: Option<NaiveDate>,
    pub kind: MeetingKind,
    pub status: MeetingStatus,
    #[ts(optional)]
    pub convened_by: Option<String>,
    /// Named delegations marked present.
    pub delegations_present: u32,
    pub interventions: u32,
    pub action_items: u32,
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
    Delegation,
    Intervention,
    Action,
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SearchHit {
    pub meeting_id: MeetingId,
    pub meeting_title: String,
    pub date: NaiveDate,
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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TrackedAction {
    pub meeting_id: MeetingId,
    pub meeting_title: String,
    pub meeting_date: NaiveDate,
    pub item: ActionItem,
    /// Due before today and still open or in progress.
    pub overdue: bool,
}

/// A name typed as a free entry (a UN entity, a mandate holder, an NGO: a party that is not a State of the
/// registry) in some meeting's attendance or speakers list, offered again as a suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FreeName {
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
            _ => ChangeKind::Edit,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Edit => "edit",
            ChangeKind::Regenerate => "regenerate",
            ChangeKind::Restore => "restore",
            ChangeKind::Import => "import",
            ChangeKind::Created => "created",
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
    pub replica_id: String,
    #[ts(type = "number")]
    pub seq: u64,
}

/// What `import_updates` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportOutcome {
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
