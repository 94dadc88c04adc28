//! The members format @2 added for the way intergovernmental meetings proceed: the agenda, the documents
//! before the meeting, speaking on behalf of a group or of other States, and deadlines given as a month.
//! Kept apart from the @1 members so that the rules of each (unique agenda numbers, registry group codes,
//! `YYYY-MM` months) read in one place.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{DelegationCode, nonblank};

/// An item on the meeting's agenda. Interventions and action items refer to it by `number`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct AgendaItem {
    /// The item's number as the agenda writes it: "3", "4 (b)". Unique in the agenda; never blank.
    #[serde(deserialize_with = "nonblank")]
    pub number: String,
    /// Its title: "Prevention of an arms race in outer space". Never blank.
    #[serde(deserialize_with = "nonblank")]
    pub title: String,
}

/// A document the meeting had before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct DocumentBefore {
    /// Its UN document symbol, e.g. `CD/1863`. Unique in the list; never blank.
    #[serde(deserialize_with = "nonblank")]
    pub symbol: String,
    /// Its title, e.g. "Report of the Conference on Disarmament to the General Assembly".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub title: Option<String>,
}

/// The group a speaker speaks for: a group of the built-in registry (by code, see [`crate::groups`]) or any
/// other group by name ("nine member countries of the Lima Group").
/// On the wire: `{"group": "g77-china"}` or `{"name": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(try_from = "RawGroupRef")]
#[ts(export)]
pub struct GroupRef {
    /// A built-in group, by code.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub group: Option<GroupCode>,
    /// A group outside the registry, as the meeting's language names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub name: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroupRef {
    #[serde(default)]
    group: Option<GroupCode>,
    #[serde(default)]
    name: Option<String>,
}

impl TryFrom<RawGroupRef> for GroupRef {
    type Error = String;
    fn try_from(r: RawGroupRef) -> Result<Self, String> {
        GroupRef::from_parts(r.group, r.name)
    }
}

impl GroupRef {
    /// The built-in group `code`.
    pub fn builtin(code: GroupCode) -> GroupRef {
        GroupRef {
            group: Some(code),
            name: None,
        }
    }

    /// Enforces "exactly one of `group` or a non-blank `name`".
    pub fn from_parts(group: Option<GroupCode>, name: Option<String>) -> Result<GroupRef, String> {
        match (&group, &name) {
            (Some(_), Some(_)) => Err("give either `group` or `name`, not both".into()),
            (None, None) => Err("missing field `group` (or `name`)".into()),
            (None, Some(n)) if crate::text::is_blank(n) => {
                Err("field `name` must not be empty".into())
            }
            _ => Ok(GroupRef { group, name }),
        }
    }

    /// How `lang` names the group: the registry's name, or the free name as written.
    pub fn name_in(&self, lang: super::Language) -> &str {
        match self
            .group
            .as_ref()
            .and_then(|c| crate::groups::lookup(c.as_str()))
        {
            Some(g) => g.name(lang),
            None => self.name.as_deref().unwrap_or_default(),
        }
    }
}

/// A code of the built-in registry of groups ([`crate::groups`]), e.g. `g77-china`, `eu`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[ts(export, type = "string")]
pub struct GroupCode(String);

impl GroupCode {
    /// A code of the built-in registry of groups; anything else is a [`crate::CoreError::Rule`] naming it.
    pub fn parse(code: &str) -> Result<GroupCode, crate::CoreError> {
        if crate::groups::lookup(code).is_some() {
            Ok(GroupCode(code.to_owned()))
        } else {
            Err(crate::CoreError::Rule(format!(
                "unknown group code {:?}: expected a code of the built-in groups (or give `name` instead)",
                crate::text::clip(code)
            )))
        }
    }

    /// The code, e.g. `g77-china`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for GroupCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        GroupCode::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// A calendar month, `YYYY-MM` on the wire: a deadline "in April 2020".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, TS)]
#[ts(export, type = "string")]
pub struct YearMonth {
    year: i32,
    month: u32,
}

impl YearMonth {
    /// `YYYY-MM` with a month from 01 to 12; anything else is a [`crate::CoreError::Rule`].
    pub fn parse(s: &str) -> Result<YearMonth, crate::CoreError> {
        chrono::NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d")
            .ok()
            .filter(|_| s.len() == 7)
            .map(YearMonth::of)
            .ok_or_else(|| {
                crate::CoreError::Rule(format!(
                    "{:?} is not a month as YYYY-MM",
                    crate::text::clip(s)
                ))
            })
    }

    /// The month `date` falls in.
    pub fn of(date: chrono::NaiveDate) -> YearMonth {
        use chrono::Datelike;
        YearMonth {
            year: date.year(),
            month: date.month(),
        }
    }

    /// Its first day.
    pub fn first_day(self) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(self.year, self.month, 1)
            .expect("a parsed month has a first day")
    }

    /// Its last day: where a calendar puts a deadline "by April 2020".
    pub fn last_day(self) -> chrono::NaiveDate {
        let first = self.first_day();
        first
            .checked_add_months(chrono::Months::new(1))
            .and_then(|next| next.pred_opt())
            .unwrap_or(first)
    }
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        YearMonth::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Reads `agenda`, refusing a number that repeats an earlier item's where it stands.
pub(super) fn agenda<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<AgendaItem>, D::Error> {
    let items = Vec::<AgendaItem>::deserialize(d)?;
    check_unique(&items, |i| i.number.trim(), "number", "agenda item")
        .map_err(|(_, m)| serde::de::Error::custom(m))?;
    Ok(items)
}

/// Reads `documents_before`, refusing a symbol that repeats an earlier document's.
pub(super) fn documents_before<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<DocumentBefore>, D::Error> {
    let items = Vec::<DocumentBefore>::deserialize(d)?;
    check_unique(&items, |i| i.symbol.trim(), "symbol", "document")
        .map_err(|(_, m)| serde::de::Error::custom(m))?;
    Ok(items)
}

/// Reads `also_on_behalf_of`, refusing a State named twice.
pub(super) fn states<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<DelegationCode>, D::Error> {
    let codes = Vec::<DelegationCode>::deserialize(d)?;
    check_unique(&codes, DelegationCode::as_str, "delegation", "State")
        .map_err(|(_, m)| serde::de::Error::custom(m))?;
    Ok(codes)
}

/// The rule "no two entries share a key", for every door a list comes through: on a repeat, the index (from
/// 0) of the entry that repeats an earlier one, and the one-line message.
pub fn check_unique<T>(
    items: &[T],
    key: impl Fn(&T) -> &str,
    field: &str,
    what: &str,
) -> Result<(), (usize, String)> {
    for (i, item) in items.iter().enumerate() {
        if let Some(prev) = items[..i].iter().position(|o| key(o) == key(item)) {
            return Err((
                i,
                format!(
                    "{field} {:?} appears twice ({what} {} repeats {what} {})",
                    crate::text::clip(key(item)),
                    i + 1,
                    prev + 1
                ),
            ));
        }
    }
    Ok(())
}

/// The rule "an intervention or action item names an agenda item of the meeting", when the meeting has an
/// agenda (without one, `agenda_item` is free text, as in format @1): on a dangling reference, its field path
/// and the one-line message.
pub fn check_agenda_refs(record: &super::MeetingRecord) -> Result<(), (String, String)> {
    let agenda = &record.meeting.agenda;
    if agenda.is_empty() {
        return Ok(());
    }
    let interventions = record.interventions.0.iter().enumerate().map(|(i, iv)| {
        (
            format!("interventions[{i}].agenda_item"),
            iv.agenda_item.as_deref(),
        )
    });
    let actions = record.action_items.iter().enumerate().map(|(i, a)| {
        (
            format!("action_items[{i}].agenda_item"),
            a.agenda_item.as_deref(),
        )
    });
    let positions = record.positions.iter().enumerate().map(|(i, a)| {
        (
            format!("positions[{i}].agenda_item"),
            a.agenda_item.as_deref(),
        )
    });
    let remarks = record.remarks.iter().enumerate().map(|(i, a)| {
        (
            format!("remarks[{i}].agenda_item"),
            a.agenda_item.as_deref(),
        )
    });
    let announcements = record.announcements.iter().enumerate().map(|(i, a)| {
        (
            format!("announcements[{i}].agenda_item"),
            a.agenda_item.as_deref(),
        )
    });
    let all = interventions
        .chain(actions)
        .chain(positions)
        .chain(remarks)
        .chain(announcements);
    for (path, item) in all {
        if let Some(n) = item
            && !agenda.iter().any(|a| a.number.trim() == n.trim())
        {
            return Err((
                path,
                format!(
                    "agenda item {:?} is not on the meeting's agenda",
                    crate::text::clip(n)
                ),
            ));
        }
    }
    Ok(())
}
