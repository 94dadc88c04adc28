//! The built-in groups a speaker can speak for, as the window's "on behalf of" picker asks for them: picked
//! like a State, by search-as-you-type in the interface's language.

use rapporteur_core::Language;
use rapporteur_core::groups::{self, Group, GroupKind};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::App;

/// A built-in group as the picker shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GroupEntry {
    /// The code a record uses, e.g. `g77-china`.
    pub code: String,
    /// Its name in the language asked for.
    pub name: String,
    /// One of the five regional groups of the General Assembly.
    pub regional: bool,
}

impl GroupEntry {
    fn of(g: &Group, lang: Language) -> GroupEntry {
        GroupEntry {
            code: g.code.clone(),
            name: g.name(lang).to_owned(),
            regional: g.kind == GroupKind::Regional,
        }
    }
}

impl App {
    /// Search-as-you-type over the built-in groups, in `lang` ("G77", "EU", "ЕС" find theirs first).
    pub fn group_search(&self, query: &str, lang: Language, limit: usize) -> Vec<GroupEntry> {
        groups::search(query, lang, limit)
            .into_iter()
            .map(|g| GroupEntry::of(g, lang))
            .collect()
    }

    /// Every built-in group in `lang`, regional groups first, as the registry lists them.
    pub fn group_list(&self, lang: Language) -> Vec<GroupEntry> {
        groups::all()
            .iter()
            .map(|g| GroupEntry::of(g, lang))
            .collect()
    }
}
