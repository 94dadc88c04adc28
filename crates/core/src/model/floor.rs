//! What was said at a meeting besides the speakers list: positions of unnamed or grouped speakers ("Several
//! delegations welcomed…"), remarks from the podium (opening remarks, the chair's answers, each linked to the
//! intervention it answers), announcements ("It was announced that…"), and the persons of each delegation.
//! Format @2 added them; they are kept apart from the speakers list because the UN reports them apart: a
//! position has no named speaker, a podium remark is not a turn on the list, an announcement is neither a
//! meeting nor a commitment by a named party.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::nonblank;

/// Who held a position the summary reports without naming them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Holders {
    /// "One delegation …"
    OneDelegation,
    /// "Some delegations …"
    SomeDelegations,
    /// "Several delegations …"
    SeveralDelegations,
    /// "Many delegations …"
    ManyDelegations,
    /// "Speakers …"
    Speakers,
    /// "Several speakers …"
    SeveralSpeakers,
}

/// A position of unnamed or grouped speakers: "Several delegations welcomed the progress made by the Network."
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Position {
    /// Who held it, without naming them.
    pub holders: Holders,
    /// What they said, as the rest of the sentence in the meeting's language: "welcomed the progress made by
    /// the Network". Never blank.
    #[serde(deserialize_with = "nonblank")]
    pub text: String,
    /// The agenda item it was taken under, as an intervention's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub agenda_item: Option<String>,
}

/// What a podium remark was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RemarkKind {
    /// Opening remarks.
    Opening,
    /// An answer to an intervention on the speakers list (`in_reply_to`).
    Answer,
    /// Closing remarks.
    Closing,
    /// Any other remark from the podium.
    #[default]
    Other,
}

/// A remark from the podium, apart from the speakers list: opening remarks by the Secretary-General of the
/// Conference, the chair's answer to a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(try_from = "RawRemark")]
#[ts(export)]
pub struct Remark {
    /// Opening, answer, closing or other.
    pub kind: RemarkKind,
    /// Who spoke, by office, in the meeting's language: "the Secretary-General of the Conference". Never blank.
    pub by: String,
    /// Their name, when the summary gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub person: Option<String>,
    /// Answers only: the `id` of the intervention answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub in_reply_to: Option<String>,
    /// The agenda item, as an intervention's.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub agenda_item: Option<String>,
    /// What was said, as the summary reports it.
    pub summary: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRemark {
    #[serde(default)]
    kind: RemarkKind,
    #[serde(deserialize_with = "nonblank")]
    by: String,
    #[serde(default)]
    person: Option<String>,
    #[serde(default)]
    in_reply_to: Option<String>,
    #[serde(default)]
    agenda_item: Option<String>,
    #[serde(default)]
    summary: String,
}

impl TryFrom<RawRemark> for Remark {
    type Error = String;
    fn try_from(r: RawRemark) -> Result<Self, String> {
        let remark = Remark {
            kind: r.kind,
            by: r.by,
            person: r.person,
            in_reply_to: r.in_reply_to,
            agenda_item: r.agenda_item,
            summary: r.summary,
        };
        remark.check()?;
        Ok(remark)
    }
}

impl Remark {
    /// The rule every door checks: `in_reply_to` belongs to answers, and an answer names what it answers.
    pub fn check(&self) -> Result<(), String> {
        match (self.kind, &self.in_reply_to) {
            (RemarkKind::Answer, None) => {
                Err("an answer needs `in_reply_to`: the id of the intervention it answers".into())
            }
            (RemarkKind::Answer, Some(id)) if crate::text::is_blank(id) => {
                Err("field `in_reply_to` must not be empty".into())
            }
            (RemarkKind::Answer, Some(_)) | (_, None) => Ok(()),
            (_, Some(_)) => Err("field `in_reply_to` applies only to answers".into()),
        }
    }
}

/// An announcement: neither a meeting nor a commitment by a named party. "It was announced that the
/// implementation plan would be released in September."
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Announcement {
    /// Who announced it, in the meeting's language ("the secretariat"); none: "It was announced that …".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub by: Option<String>,
    /// What was announced, as the clause after "announced that": "the implementation plan would be released
    /// in September". Never blank.
    #[serde(deserialize_with = "nonblank")]
    pub text: String,
    /// The agenda item, as an intervention's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub agenda_item: Option<String>,
}

/// A person of an attending delegation, for the list of participants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Person {
    /// Their name: "Ms. Lina Haddad". Never blank.
    #[serde(deserialize_with = "nonblank")]
    pub name: String,
    /// Their function: "Permanent Representative", "Counsellor".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub function: Option<String>,
    /// Whether they head the delegation; at most one person per delegation does.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[ts(as = "Option<bool>", optional)]
    pub head: bool,
}

/// Reads a delegation's `persons`, refusing a second head where it stands.
pub(super) fn persons<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Person>, D::Error> {
    let persons = Vec::<Person>::deserialize(d)?;
    check_heads(&persons).map_err(|(_, m)| serde::de::Error::custom(m))?;
    Ok(persons)
}

/// The rule "a delegation has at most one head", for every door: on a second head, its index and the message.
pub fn check_heads(persons: &[Person]) -> Result<(), (usize, String)> {
    let mut heads = persons.iter().enumerate().filter(|(_, p)| p.head);
    let first = heads.next();
    match (first, heads.next()) {
        (Some((a, _)), Some((b, _))) => Err((
            b,
            format!(
                "a delegation has at most one head (person {} and person {} are both marked `head`)",
                a + 1,
                b + 1
            ),
        )),
        _ => Ok(()),
    }
}

/// The rule "an answer's `in_reply_to` is the id of an intervention": on a dangling reference, the remark's
/// index and the message.
pub fn check_replies(record: &super::MeetingRecord) -> Result<(), (usize, String)> {
    for (i, r) in record.remarks.iter().enumerate() {
        let Some(id) = &r.in_reply_to else { continue };
        if !record
            .interventions
            .0
            .iter()
            .any(|iv| iv.id.as_deref() == Some(id.as_str()))
        {
            return Err((
                i,
                format!(
                    "no intervention has the id {:?} this answer replies to",
                    crate::text::clip(id)
                ),
            ));
        }
    }
    Ok(())
}
