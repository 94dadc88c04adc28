//! The meeting record: the interchange format `rapporteur/meeting-record@2` and the in-memory model are the
//! same types, so what `import` accepts and what `show --json` emits cannot drift apart. Format @1 is read by
//! the same types: @2 only adds members, each optional, so an @1 file means the same under @2.
//!
//! Strictness lives in the types: unknown fields are refused (`deny_unknown_fields`), dates are real calendar
//! dates, delegation codes must be in the built-in registry, and cross-field rules (end date after start,
//! unique speaking order) are checked while deserialising, so serde_json reports the line and column.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod action;
mod decision;
mod floor;
mod interventions;
mod party;
mod proceedings;
pub use crate::vocab::{Category, Language};
pub use action::{ActionItem, ActionKind, ActionStatus};
pub use decision::{Adoption, AdoptionMethod};
pub use floor::{
    Announcement, Holders, Person, Position, Remark, RemarkKind, check_heads, check_replies,
};
pub use interventions::Interventions;
pub use party::{DelegationCode, Party, un_order};
pub use proceedings::{
    AgendaItem, DocumentBefore, GroupCode, GroupRef, YearMonth, check_agenda_refs, check_unique,
};

/// The value of the top-level `format` field this version writes.
pub const FORMAT_ID: &str = "rapporteur/meeting-record@2";

/// The earlier format this version still reads (and upgrades: every @2 member is optional).
pub const FORMAT_ID_V1: &str = "rapporteur/meeting-record@1";

/// One meeting, as exchanged between machines and shown to scripts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct MeetingRecord {
    /// `rapporteur/meeting-record@2` (`@1` is read too).
    pub format: FormatId,
    /// The meeting itself: title, kind, dates, venue, language, chair.
    pub meeting: Meeting,
    /// Who attended: headcounts by category and named delegations.
    #[serde(default)]
    pub attendance: Attendance,
    /// The speakers list, in speaking order.
    #[serde(default)]
    pub interventions: Interventions,
    /// Requests, commitments, decisions and next steps, tracked across meetings.
    #[serde(default)]
    pub action_items: Vec<ActionItem>,
    /// Earlier or later meetings this one refers to.
    #[serde(default)]
    pub related_meetings: Vec<RelatedMeeting>,
    /// Positions of unnamed or grouped speakers: "Several delegations welcomed …". (@2)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Position>>", optional)]
    pub positions: Vec<Position>,
    /// Remarks from the podium, apart from the speakers list. (@2)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Remark>>", optional)]
    pub remarks: Vec<Remark>,
    /// Announcements: neither a meeting nor a commitment. (@2)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Announcement>>", optional)]
    pub announcements: Vec<Announcement>,
    /// The summary (at most one, listed first) and the statements in order.
    #[serde(default, deserialize_with = "documents")]
    pub documents: Vec<Document>,
}

/// Reads `documents`, refusing a second summary or statement-only fields on the summary where they stand (so
/// the error carries a line and column), and puts the summary first.
fn documents<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Document>, D::Error> {
    struct V;
    impl<'de> serde::de::Visitor<'de> for V {
        type Value = Vec<Document>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list of documents")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut docs: Vec<Document> = Vec::new();
            while let Some(doc) = seq.next_element::<Document>()? {
                if doc.kind == DocumentKind::Summary {
                    if let Some(prev) = docs.iter().position(|d| d.kind == DocumentKind::Summary) {
                        return Err(serde::de::Error::custom(format!(
                            "a meeting has at most one summary (document {} is one too)",
                            prev + 1
                        )));
                    }
                    if doc.speaker.is_some() || doc.delivered_on.is_some() {
                        return Err(serde::de::Error::custom(
                            "fields `speaker` and `delivered_on` apply only to statements",
                        ));
                    }
                }
                docs.push(doc);
            }
            docs.sort_by_key(|d| d.kind != DocumentKind::Summary);
            Ok(docs)
        }
    }
    d.deserialize_seq(V)
}

/// The `format` marker: written as @2, read as @1 or @2 (so its TypeScript type admits both); any other value
/// is refused where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, TS)]
#[ts(type = "\"rapporteur/meeting-record@2\" | \"rapporteur/meeting-record@1\"")]
pub struct FormatId;

impl Serialize for FormatId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(FORMAT_ID)
    }
}

impl<'de> Deserialize<'de> for FormatId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if s == FORMAT_ID || s == FORMAT_ID_V1 {
            Ok(FormatId)
        } else {
            Err(serde::de::Error::custom(format!(
                "unsupported format {s:?}, expected {FORMAT_ID:?} (or {FORMAT_ID_V1:?})"
            )))
        }
    }
}

/// The meeting a record describes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(try_from = "RawMeeting")]
#[ts(export)]
pub struct Meeting {
    /// Its title, e.g. "Briefing to Member States on the Global Compact". Never blank.
    pub title: String,
    /// What kind of meeting it was.
    pub kind: MeetingKind,
    /// Who convened it.
    #[ts(optional)]
    pub convened_by: Option<String>,
    /// The day it was held, or its first day.
    pub date: NaiveDate,
    /// Its last day, for a meeting over several days; never before `date`.
    #[ts(optional)]
    pub end_date: Option<NaiveDate>,
    /// Where it was held.
    #[ts(optional)]
    pub venue: Option<String>,
    /// BCP 47 primary language subtag of the meeting's working language: `en`, `fr`, `es`, `ar`, `zh`, `ru`.
    pub language: Language,
    /// Its document symbol, e.g. `A/HRC/43/1`.
    #[ts(optional)]
    pub symbol: Option<String>,
    /// Who chaired it.
    #[ts(optional)]
    pub chair: Option<Chair>,
    /// How far the write-up has come.
    #[serde(default)]
    pub status: MeetingStatus,
    /// The session it belongs to, as the body numbers it: "fifty-third session". (@2)
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub session: Option<String>,
    /// The items of its agenda, in order; numbers are unique. (@2)
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<AgendaItem>>", optional)]
    pub agenda: Vec<AgendaItem>,
    /// The documents it had before it; symbols are unique. (@2)
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<DocumentBefore>>", optional)]
    pub documents_before: Vec<DocumentBefore>,
    /// The summary's own code, apart from the meeting's symbol: a press release's "DC/3800". (@2)
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub summary_code: Option<String>,
    /// The summary's status line: "For use of information media; not an official record". (@2)
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub status_line: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeeting {
    title: String,
    kind: MeetingKind,
    #[serde(default)]
    convened_by: Option<String>,
    date: NaiveDate,
    #[serde(default)]
    end_date: Option<NaiveDate>,
    #[serde(default)]
    venue: Option<String>,
    language: Language,
    #[serde(default)]
    symbol: Option<String>,
    #[serde(default)]
    chair: Option<Chair>,
    #[serde(default)]
    status: MeetingStatus,
    #[serde(default)]
    session: Option<String>,
    #[serde(default, deserialize_with = "proceedings::agenda")]
    agenda: Vec<AgendaItem>,
    #[serde(default, deserialize_with = "proceedings::documents_before")]
    documents_before: Vec<DocumentBefore>,
    #[serde(default)]
    summary_code: Option<String>,
    #[serde(default)]
    status_line: Option<String>,
}

impl TryFrom<RawMeeting> for Meeting {
    type Error = String;
    fn try_from(r: RawMeeting) -> Result<Self, String> {
        if crate::text::is_blank(&r.title) {
            return Err("field `title` must not be empty".into());
        }
        if let Some(end) = r.end_date
            && end < r.date
        {
            return Err(format!(
                "field `end_date` ({end}) is before field `date` ({})",
                r.date
            ));
        }
        Ok(Meeting {
            title: r.title,
            kind: r.kind,
            convened_by: r.convened_by,
            date: r.date,
            end_date: r.end_date,
            venue: r.venue,
            language: r.language,
            symbol: r.symbol,
            chair: r.chair,
            status: r.status,
            session: r.session,
            agenda: r.agenda,
            documents_before: r.documents_before,
            summary_code: r.summary_code,
            status_line: r.status_line,
        })
    }
}

/// What kind of meeting a record describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MeetingKind {
    /// A briefing to Member States or other stakeholders.
    Briefing,
    /// A consultation.
    Consultation,
    /// An annual meeting.
    AnnualMeeting,
    /// A plenary session.
    Plenary,
    /// A working group.
    WorkingGroup,
    /// A side event.
    SideEvent,
    /// Any other kind.
    Other,
}

/// How far the write-up of a meeting has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MeetingStatus {
    /// Being written.
    #[default]
    Draft,
    /// Finished, not yet sent out.
    Final,
    /// Sent out.
    Circulated,
}

/// Who chaired a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Chair {
    /// Their name. Never blank.
    #[serde(deserialize_with = "nonblank")]
    pub name: String,
    /// Their title, e.g. "Director-General".
    #[serde(default)]
    #[ts(optional)]
    pub title: Option<String>,
    /// Their role in the meeting, e.g. "Coordinator of the Network".
    #[serde(default)]
    #[ts(optional)]
    pub role: Option<String>,
    /// The State whose representative chairs ("Permanent Representative of Tunisia"). (@2)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub state: Option<DelegationCode>,
}

/// Who attended a meeting.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Attendance {
    /// Headcounts by category, at most one group per category. A group without `count` takes the number of
    /// present named delegations.
    #[serde(default, deserialize_with = "groups")]
    pub groups: Vec<AttendanceGroup>,
    /// Named delegations and participants, present or excused.
    #[serde(default)]
    pub delegations: Vec<AttendingDelegation>,
}

/// A headcount of one category of participants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct AttendanceGroup {
    /// The category counted.
    pub category: Category,
    /// How the summary names this group for this meeting ("colleagues from civil society").
    #[serde(default)]
    #[ts(optional)]
    pub label: Option<String>,
    /// The number the rapporteur counted; none: the present named delegations of the category.
    #[serde(default)]
    #[ts(optional)]
    pub count: Option<u32>,
}

/// One named delegation or participant in the attendance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(try_from = "RawAttendingDelegation")]
#[ts(export)]
pub struct AttendingDelegation {
    /// Stable id, given by the store; kept from a record when unique.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub id: Option<String>,
    /// The delegation or participant.
    #[serde(flatten)]
    pub who: Party,
    /// Whether they were present (false: excused or absent).
    pub present: bool,
    /// The persons of the delegation, for the list of participants; at most one heads it. (@2)
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Person>>", optional)]
    pub persons: Vec<Person>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAttendingDelegation {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    delegation: Option<DelegationCode>,
    #[serde(default)]
    display_name: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    category: Option<Category>,
    #[serde(default = "yes")]
    present: bool,
    #[serde(default, deserialize_with = "floor::persons")]
    persons: Vec<Person>,
}

fn yes() -> bool {
    true
}

impl TryFrom<RawAttendingDelegation> for AttendingDelegation {
    type Error = String;
    fn try_from(r: RawAttendingDelegation) -> Result<Self, String> {
        let who = Party::from_parts(r.delegation, r.display_name, r.name, r.category)?;
        Ok(AttendingDelegation {
            id: r.id,
            who,
            present: r.present,
            persons: r.persons,
        })
    }
}

/// One turn on the speakers list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Intervention {
    /// Stable id, given by the store; kept from a record when unique.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub id: Option<String>,
    /// Position in the speakers list, from 1. Stored as list position; exported as 1..n.
    pub order: u32,
    /// The delegation or participant who took the floor.
    pub speaker: Party,
    /// The person who spoke, when the rapporteur noted it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub person: Option<String>,
    /// Their role at this meeting, in the meeting's language: "panellist", "member of the delegation of the
    /// United States". (@2)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub role: Option<String>,
    /// Local time the floor was given, `HH:MM`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "time_of_day"
    )]
    #[ts(optional)]
    pub time: Option<String>,
    /// The agenda item it was made under: the `number` of an item of `meeting.agenda` when the meeting has an
    /// agenda, free text otherwise (as in format @1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub agenda_item: Option<String>,
    /// The group the speaker spoke for: "on behalf of the Group of 77 and China". (@2)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub on_behalf_of: Option<GroupRef>,
    /// The States the speaker also spoke for, by registry code: "also on behalf of Argentina and Brazil". (@2)
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "proceedings::states"
    )]
    #[ts(as = "Option<Vec<DelegationCode>>", optional)]
    pub also_on_behalf_of: Vec<DelegationCode>,
    /// What was said, in Markdown, as the summary will report it.
    #[serde(default)]
    pub summary: String,
    /// A statement, a question or a right of reply.
    #[serde(default)]
    pub kind: InterventionKind,
}

/// What kind of turn an intervention was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum InterventionKind {
    /// A statement.
    #[default]
    Statement,
    /// A question.
    Question,
    /// A right of reply.
    RightOfReply,
}

/// An earlier or later meeting a record refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct RelatedMeeting {
    /// Its title. Never blank.
    #[serde(deserialize_with = "nonblank")]
    pub title: String,
    /// When it was held.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// What came of it.
    #[serde(default)]
    pub outcome: Option<String>,
    /// The local time it starts, `HH:MM`: "at 10 a.m.". (@2)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "time_of_day"
    )]
    #[ts(optional)]
    pub time: Option<String>,
    /// Where it is held: "Conference Room XVII". (@2)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub venue: Option<String>,
}

/// A summary or a statement: Markdown text with a title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Document {
    /// Stable id, given by the store; kept from a record when unique.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub id: Option<String>,
    /// The summary or a statement.
    pub kind: DocumentKind,
    /// Its title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub title: Option<String>,
    /// Markdown.
    #[serde(default)]
    pub body: String,
    /// Statements only: who delivers it, and when it was delivered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub speaker: Option<String>,
    /// Statements only: the day it was delivered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub delivered_on: Option<NaiveDate>,
}

/// Which kind of document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DocumentKind {
    /// The meeting's summary (at most one).
    Summary,
    /// A statement delivered at the meeting.
    Statement,
}

impl DocumentKind {
    /// Its name in the interchange format: `summary` or `statement`.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Summary => "summary",
            DocumentKind::Statement => "statement",
        }
    }
}

fn nonblank<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if crate::text::is_blank(&s) {
        return Err(serde::de::Error::custom("must not be empty"));
    }
    Ok(s)
}

/// `HH:MM` on a 24-hour clock, as a rapporteur notes when the floor was given.
pub fn check_time_of_day(t: &str) -> Result<(), crate::CoreError> {
    let ok = t.len() == 5 && chrono::NaiveTime::parse_from_str(t, "%H:%M").is_ok();
    if ok {
        Ok(())
    } else {
        Err(crate::CoreError::Rule(format!(
            "{:?} is not a time of day as HH:MM",
            crate::text::clip(t)
        )))
    }
}

fn time_of_day<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let t = Option::<String>::deserialize(d)?;
    if let Some(t) = &t {
        check_time_of_day(t).map_err(serde::de::Error::custom)?;
    }
    Ok(t)
}

/// The rule "at most one headcount group per category", for every door a record comes through: on a repeat,
/// the index (from 0) of the group that repeats an earlier one's category, and the one-line message.
pub fn check_groups(groups: &[AttendanceGroup]) -> Result<(), (usize, String)> {
    for (i, g) in groups.iter().enumerate() {
        if groups[..i].iter().any(|o| o.category == g.category) {
            return Err((
                i,
                format!(
                    "category `{}` appears in two groups (group {} repeats it)",
                    g.category.as_str(),
                    i + 1
                ),
            ));
        }
    }
    Ok(())
}

fn groups<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<AttendanceGroup>, D::Error> {
    let groups = Vec::<AttendanceGroup>::deserialize(d)?;
    check_groups(&groups).map_err(|(_, message)| serde::de::Error::custom(message))?;
    Ok(groups)
}
