//! How a decision was taken (format @2): adopted without a vote, or by a vote, recorded or not, with its
//! counts and, for a recorded vote, the States on each side. Kept apart because its rules (counts that match
//! the lists, no State on two sides) are its own.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{DelegationCode, check_unique};

/// How a decision was taken. On the wire: `{"method": "without_vote"}`, or
/// `{"method": "recorded_vote", "yes": 27, "no": 14, "abstentions": 6, "in_favour": ["ARG", …], …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(try_from = "RawAdoption")]
#[ts(export)]
pub struct Adoption {
    /// Without a vote, by a vote, or by a recorded vote.
    pub method: AdoptionMethod,
    /// Votes in favour; required with a vote.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub yes: Option<u32>,
    /// Votes against; required with a vote.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub no: Option<u32>,
    /// Abstentions; required with a vote.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub abstentions: Option<u32>,
    /// A recorded vote: the States in favour, as many as `yes` (or none, if the record does not list them).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<DelegationCode>>", optional)]
    pub in_favour: Vec<DelegationCode>,
    /// A recorded vote: the States against, as many as `no` (or none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<DelegationCode>>", optional)]
    pub against: Vec<DelegationCode>,
    /// A recorded vote: the States abstaining, as many as `abstentions` (or none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<DelegationCode>>", optional)]
    pub abstaining: Vec<DelegationCode>,
}

/// How a decision was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AdoptionMethod {
    /// Adopted without a vote (by consensus).
    WithoutVote,
    /// Adopted by a vote whose counts only are noted.
    Vote,
    /// Adopted by a recorded vote: the counts and the States on each side.
    RecordedVote,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAdoption {
    method: AdoptionMethod,
    #[serde(default)]
    yes: Option<u32>,
    #[serde(default)]
    no: Option<u32>,
    #[serde(default)]
    abstentions: Option<u32>,
    #[serde(default)]
    in_favour: Vec<DelegationCode>,
    #[serde(default)]
    against: Vec<DelegationCode>,
    #[serde(default)]
    abstaining: Vec<DelegationCode>,
}

impl TryFrom<RawAdoption> for Adoption {
    type Error = String;
    fn try_from(r: RawAdoption) -> Result<Self, String> {
        let a = Adoption {
            method: r.method,
            yes: r.yes,
            no: r.no,
            abstentions: r.abstentions,
            in_favour: r.in_favour,
            against: r.against,
            abstaining: r.abstaining,
        };
        a.check()?;
        Ok(a)
    }
}

impl Adoption {
    /// Adopted without a vote.
    pub fn without_vote() -> Adoption {
        Adoption {
            method: AdoptionMethod::WithoutVote,
            yes: None,
            no: None,
            abstentions: None,
            in_favour: Vec::new(),
            against: Vec::new(),
            abstaining: Vec::new(),
        }
    }

    /// The rules, for every door an adoption comes through: counts with a vote and only then, States listed
    /// only for a recorded vote, as many as counted, each State on one side once.
    pub fn check(&self) -> Result<(), String> {
        let counts = [self.yes, self.no, self.abstentions];
        let sides = [
            ("in_favour", &self.in_favour, self.yes, "yes"),
            ("against", &self.against, self.no, "no"),
            (
                "abstaining",
                &self.abstaining,
                self.abstentions,
                "abstentions",
            ),
        ];
        match self.method {
            AdoptionMethod::WithoutVote if counts.iter().any(Option::is_some) => {
                return Err("a decision adopted without a vote has no counts".into());
            }
            AdoptionMethod::Vote | AdoptionMethod::RecordedVote
                if counts.iter().any(Option::is_none) =>
            {
                return Err("a vote needs `yes`, `no` and `abstentions`".into());
            }
            _ => {}
        }
        if self.method != AdoptionMethod::RecordedVote
            && sides.iter().any(|(_, list, _, _)| !list.is_empty())
        {
            return Err("only a recorded vote lists the States on each side".into());
        }
        for (field, list, count, count_field) in sides {
            if !list.is_empty() && Some(list.len() as u64) != count.map(u64::from) {
                return Err(format!(
                    "field `{field}` lists {} States but `{count_field}` counts {}",
                    list.len(),
                    count.unwrap_or_default()
                ));
            }
        }
        let all: Vec<&DelegationCode> = sides.iter().flat_map(|(_, l, _, _)| l.iter()).collect();
        check_unique(&all, |c| c.as_str(), "delegation", "State listed")
            .map_err(|(_, m)| format!("a State votes once: {m}"))
    }
}
