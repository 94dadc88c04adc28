//! Action items: what a meeting asked for, promised, offered or decided, tracked across meetings until done.
//! Kept apart from the rest of the record because of their own rules (a deadline is a day or a month, how a
//! decision was adopted belongs to decisions only).

use super::*;

/// Something a meeting asked for, promised or decided, tracked until it is done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(try_from = "RawActionItem")]
#[ts(export)]
pub struct ActionItem {
    /// Stable id, given by the store; kept from a record when unique.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub id: Option<String>,
    /// A request, a commitment, an invitation, a decision or a next step.
    pub kind: ActionKind,
    /// Who asked, promised or decided; may be left blank while it is not yet known.
    pub from: String,
    /// To whom; may be left blank.
    pub to: String,
    /// What is to be done. Never blank.
    #[serde(deserialize_with = "nonblank")]
    pub text: String,
    /// When it is due.
    pub due: Option<NaiveDate>,
    /// The month it is due in, when the meeting gave no day ("by April 2020"); never with `due`. (@2)
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub due_month: Option<YearMonth>,
    /// The agenda item it arose under, as for interventions. (@2)
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub agenda_item: Option<String>,
    /// Decisions only: how it was taken, without a vote or by a vote. (@2)
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub adoption: Option<Adoption>,
    /// Where it stands.
    pub status: ActionStatus,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawActionItem {
    #[serde(default)]
    id: Option<String>,
    kind: ActionKind,
    from: String,
    to: String,
    #[serde(deserialize_with = "nonblank")]
    text: String,
    #[serde(default)]
    due: Option<NaiveDate>,
    #[serde(default)]
    due_month: Option<YearMonth>,
    #[serde(default)]
    agenda_item: Option<String>,
    #[serde(default)]
    adoption: Option<Adoption>,
    #[serde(default)]
    status: ActionStatus,
}

impl TryFrom<RawActionItem> for ActionItem {
    type Error = String;
    fn try_from(r: RawActionItem) -> Result<Self, String> {
        if r.due.is_some() && r.due_month.is_some() {
            return Err("give either `due` (a day) or `due_month` (a month), not both".into());
        }
        if r.adoption.is_some() && r.kind != ActionKind::Decision {
            return Err("field `adoption` applies only to decisions".into());
        }
        Ok(ActionItem {
            id: r.id,
            kind: r.kind,
            from: r.from,
            to: r.to,
            text: r.text,
            due: r.due,
            due_month: r.due_month,
            agenda_item: r.agenda_item,
            adoption: r.adoption,
            status: r.status,
        })
    }
}

/// What kind of action item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ActionKind {
    /// Someone asked for something.
    Request,
    /// Someone promised something.
    Commitment,
    /// Someone was invited to do something.
    Invitation,
    /// The meeting decided something.
    Decision,
    /// A step that comes next.
    NextStep,
}

/// Where an action item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ActionStatus {
    /// Not started.
    #[default]
    Open,
    /// Under way.
    InProgress,
    /// Done.
    Done,
    /// No longer to be done.
    Dropped,
}
