//! How the members format @2 added are kept in a meeting's Loro document, both ways. Each is one value under
//! its own key (the agenda and the documents before the meeting in the `meeting` map, the chair's State
//! beside `chair`, "on behalf of" in the intervention's map, a month deadline and a decision's adoption in the
//! action item's map), so
//! a replica of the previous release, which writes only the keys it knows, leaves them in place.

use loro::LoroValue;
use rapporteur_core::{
    Adoption, AdoptionMethod, AgendaItem, DelegationCode, DocumentBefore, GroupCode, GroupRef,
};

use crate::layout::opt_str;
use crate::values::map_value;

type Map = loro::LoroMapValue;

/// The key of the chair's State in the `meeting` map: apart from `chair`, which the previous release
/// rewrites whole.
pub(crate) const CHAIR_STATE: &str = "chair_state";

pub(crate) fn agenda_value(items: &[AgendaItem]) -> Option<LoroValue> {
    (!items.is_empty()).then(|| {
        let list: Vec<LoroValue> = items
            .iter()
            .map(|i| {
                map_value(&[
                    ("number", Some(i.number.as_str().into())),
                    ("title", Some(i.title.as_str().into())),
                ])
            })
            .collect();
        LoroValue::List(list.into())
    })
}

pub(crate) fn documents_value(items: &[DocumentBefore]) -> Option<LoroValue> {
    (!items.is_empty()).then(|| {
        let list: Vec<LoroValue> = items
            .iter()
            .map(|d| {
                map_value(&[
                    ("symbol", Some(d.symbol.as_str().into())),
                    ("title", d.title.as_deref().map(Into::into)),
                ])
            })
            .collect();
        LoroValue::List(list.into())
    })
}

pub(crate) fn group_value(g: Option<&GroupRef>) -> Option<LoroValue> {
    g.map(|g| {
        map_value(&[
            ("group", g.group.as_ref().map(|c| c.as_str().into())),
            ("name", g.name.as_deref().map(Into::into)),
        ])
    })
}

pub(crate) fn states_value(codes: &[DelegationCode]) -> Option<LoroValue> {
    (!codes.is_empty()).then(|| {
        let list: Vec<LoroValue> = codes.iter().map(|c| c.as_str().into()).collect();
        LoroValue::List(list.into())
    })
}

/// The maps of the list under `key`; `Err` names the entry that is not a map.
fn maps<'a>(m: &'a Map, key: &str) -> Result<Vec<&'a Map>, (String, String)> {
    let Some(LoroValue::List(list)) = m.get(key) else {
        return Ok(Vec::new());
    };
    list.iter()
        .enumerate()
        .map(|(i, v)| match v {
            LoroValue::Map(e) => Ok(e),
            _ => Err((format!("{key}[{i}]"), "entry is not a map".into())),
        })
        .collect()
}

fn required(e: &Map, path: String, key: &str) -> Result<String, (String, String)> {
    opt_str(e, key).ok_or_else(|| (format!("{path}.{key}"), "missing".into()))
}

/// `meeting.agenda`; `Err` is the field path and what is wrong there.
pub(crate) fn read_agenda(m: &Map) -> Result<Vec<AgendaItem>, (String, String)> {
    maps(m, "agenda")?
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            Ok(AgendaItem {
                number: required(e, format!("agenda[{i}]"), "number")?,
                title: required(e, format!("agenda[{i}]"), "title")?,
            })
        })
        .collect()
}

/// `meeting.documents_before`, as [`read_agenda`].
pub(crate) fn read_documents(m: &Map) -> Result<Vec<DocumentBefore>, (String, String)> {
    maps(m, "documents_before")?
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            Ok(DocumentBefore {
                symbol: required(e, format!("documents_before[{i}]"), "symbol")?,
                title: opt_str(e, "title"),
            })
        })
        .collect()
}

/// An intervention's `on_behalf_of`, as [`read_agenda`].
pub(crate) fn read_group(e: &Map) -> Result<Option<GroupRef>, (String, String)> {
    let Some(LoroValue::Map(g)) = e.get("on_behalf_of") else {
        return Ok(None);
    };
    let field = |k: &str| format!("on_behalf_of.{k}");
    let code = opt_str(g, "group")
        .map(|c| GroupCode::parse(&c).map_err(|e| (field("group"), e.to_string())))
        .transpose()?;
    GroupRef::from_parts(code, opt_str(g, "name"))
        .map(Some)
        .map_err(|m| (field("name"), m))
}

/// The registry code under `key` (the chair's State), as [`read_agenda`].
pub(crate) fn read_state(m: &Map, key: &str) -> Result<Option<DelegationCode>, (String, String)> {
    opt_str(m, key)
        .map(|c| DelegationCode::parse(&c).map_err(|e| (key.to_owned(), e.to_string())))
        .transpose()
}

/// An intervention's `also_on_behalf_of`, as [`read_agenda`].
pub(crate) fn read_states(e: &Map) -> Result<Vec<DelegationCode>, (String, String)> {
    read_list(e, "also_on_behalf_of")
}

/// The registry codes listed under `key`, as [`read_agenda`].
fn read_list(e: &Map, key: &str) -> Result<Vec<DelegationCode>, (String, String)> {
    let Some(LoroValue::List(list)) = e.get(key) else {
        return Ok(Vec::new());
    };
    list.iter()
        .enumerate()
        .map(|(i, v)| {
            let path = || format!("{key}[{i}]");
            match v {
                LoroValue::String(c) => {
                    DelegationCode::parse(c).map_err(|e| (path(), e.to_string()))
                }
                _ => Err((path(), "not a string".into())),
            }
        })
        .collect()
}

impl crate::writer::Writer<'_> {
    /// The rules of the meeting's @2 fields: agenda numbers and titles, document symbols; and, with an agenda,
    /// that every reference already in the document names one of its items.
    pub(crate) fn check_proceedings(&self, m: &rapporteur_core::Meeting) -> crate::Result<()> {
        for (i, a) in m.agenda.iter().enumerate() {
            for (key, v) in [("number", &a.number), ("title", &a.title)] {
                if rapporteur_core::text::is_blank(v) {
                    return Err(
                        self.invalid(format!("meeting.agenda[{i}].{key}"), "must not be empty")
                    );
                }
            }
        }
        rapporteur_core::check_unique(&m.agenda, |a| a.number.trim(), "number", "agenda item")
            .map_err(|(i, msg)| self.invalid(format!("meeting.agenda[{i}].number"), msg))?;
        for (i, d) in m.documents_before.iter().enumerate() {
            if rapporteur_core::text::is_blank(&d.symbol) {
                return Err(self.invalid(
                    format!("meeting.documents_before[{i}].symbol"),
                    "must not be empty",
                ));
            }
        }
        rapporteur_core::check_unique(
            &m.documents_before,
            |d| d.symbol.trim(),
            "symbol",
            "document",
        )
        .map_err(|(i, msg)| self.invalid(format!("meeting.documents_before[{i}].symbol"), msg))?;
        if m.agenda.is_empty() {
            return Ok(());
        }
        let Ok(mut record) = crate::layout::read_record(self.meeting_id, self.doc) else {
            // A document being filled from a record: its references are checked with the record's.
            return Ok(());
        };
        record.meeting.agenda = m.agenda.clone();
        rapporteur_core::check_agenda_refs(&record).map_err(|(path, msg)| {
            self.invalid(
                "meeting.agenda",
                format!("{path} refers to an item it drops: {msg}"),
            )
        })
    }

    /// With an agenda, `item` must name one of its items; `field` names the reference in the error.
    pub(crate) fn check_agenda_ref(&self, item: Option<&str>, field: &str) -> crate::Result<()> {
        let Some(item) = item else {
            return Ok(());
        };
        let Ok(record) = crate::layout::read_record(self.meeting_id, self.doc) else {
            return Ok(());
        };
        let agenda = &record.meeting.agenda;
        if agenda.is_empty() || agenda.iter().any(|a| a.number.trim() == item.trim()) {
            return Ok(());
        }
        Err(self.invalid(
            field,
            format!(
                "agenda item {:?} is not on the meeting's agenda",
                rapporteur_core::text::clip(item)
            ),
        ))
    }

    /// "Also on behalf of" names each State once.
    pub(crate) fn check_states(&self, states: &[DelegationCode], field: &str) -> crate::Result<()> {
        rapporteur_core::check_unique(states, DelegationCode::as_str, "delegation", "State")
            .map_err(|(i, msg)| self.invalid(format!("{field}[{i}]"), msg))
    }
}

/// A decision's adoption, one value under `adoption`, so it changes as a unit.
pub(crate) fn adoption_value(a: Option<&Adoption>) -> Option<LoroValue> {
    let count = |n: Option<u32>| n.map(|n| LoroValue::I64(n.into()));
    a.map(|a| {
        map_value(&[
            ("method", Some(crate::types::enum_str(&a.method).into())),
            ("yes", count(a.yes)),
            ("no", count(a.no)),
            ("abstentions", count(a.abstentions)),
            ("in_favour", states_value(&a.in_favour)),
            ("against", states_value(&a.against)),
            ("abstaining", states_value(&a.abstaining)),
        ])
    })
}

/// An action item's `adoption`, as [`read_agenda`].
pub(crate) fn read_adoption(e: &Map) -> Result<Option<Adoption>, (String, String)> {
    let Some(LoroValue::Map(a)) = e.get("adoption") else {
        return Ok(None);
    };
    let path = |k: &str| format!("adoption.{k}");
    let method = opt_str(a, "method")
        .and_then(|m| crate::types::enum_parse::<AdoptionMethod>(&m))
        .ok_or_else(|| (path("method"), "missing or unknown".to_owned()))?;
    let count = |k: &str| match a.get(k) {
        Some(LoroValue::I64(n)) => u32::try_from(*n)
            .map(Some)
            .map_err(|_| (path(k), "out of range".to_owned())),
        _ => Ok(None),
    };
    let side = |k: &str| read_list(a, k).map_err(|(p, m)| (format!("adoption.{p}"), m));
    let adoption = Adoption {
        method,
        yes: count("yes")?,
        no: count("no")?,
        abstentions: count("abstentions")?,
        in_favour: side("in_favour")?,
        against: side("against")?,
        abstaining: side("abstaining")?,
    };
    // Two replicas editing one vote replace it whole, so a stored adoption is one some replica checked.
    adoption.check().map_err(|m| ("adoption".to_owned(), m))?;
    Ok(Some(adoption))
}
