//! The built-in registry of groups that States speak for together: the five regional groups, the negotiating
//! groups (the Group of 77 and China, the African and Arab Groups, the Non-Aligned Movement, the least
//! developed, landlocked and small island developing countries, AOSIS) and the organisations that take the
//! floor for their members (the European Union, the OIC, CARICOM), compiled in from `data/groups.json`.
//!
//! A speaker "on behalf of" a group names it by code, like a State, so that the summary can name it in each
//! official language and a search can find every statement made for it. Groups outside this list are free
//! text. Search works as the State registry's does: short forms ("G-77", "EU", "ЕС", "欧盟") first.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::vocab::Language;

/// What kind of group it is; the regional groups are the five electoral groups of the General Assembly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupKind {
    /// One of the five regional groups.
    Regional,
    /// A group that negotiates as one (G-77 and China, the African Group, LDCs, …).
    Negotiating,
    /// An organisation speaking for its member States (European Union, OIC, CARICOM).
    Organization,
}

/// A built-in group.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// A stable code such as `g77-china`, which records use.
    pub code: String,
    /// The kind of group.
    pub kind: GroupKind,
    names: HashMap<Language, String>,
    /// The name as it follows "on behalf of" in each language, with the article and case that needs ("the
    /// Group of 77 and China", "du Groupe des 77 et de la Chine", "Группы 77 и Китая").
    behalf: HashMap<Language, String>,
    #[serde(default)]
    aliases: HashMap<Language, Vec<String>>,
}

impl Group {
    /// The group's name in `lang`, as UN documents in that language write it.
    pub fn name(&self, lang: Language) -> &str {
        self.names.get(&lang).map_or(&self.code, String::as_str)
    }

    /// The group as "on behalf of" names it in `lang` (see the field); its name where the data has no form.
    pub fn behalf(&self, lang: Language) -> &str {
        self.behalf
            .get(&lang)
            .map_or_else(|| self.name(lang), String::as_str)
    }
}

static GROUPS: LazyLock<Vec<Group>> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../data/groups.json"))
        .expect("data/groups.json is checked by tests")
});

/// Every built-in group, in the file's order (regional groups first).
pub fn all() -> &'static [Group] {
    &GROUPS
}

/// The group with `code`, if it is built in.
pub fn lookup(code: &str) -> Option<&'static Group> {
    all().iter().find(|g| g.code == code)
}

/// Search-as-you-type over the groups in `lang`, ignoring accents, case and punctuation: a short form equal
/// to the query in any language first ("G77" finds the Group of 77 and China), then names or short forms of
/// `lang` starting with it, then names with a word starting with it, then names containing it; within each
/// rank, UN order in `lang`. An empty query matches nothing.
pub fn search(query: &str, lang: Language, limit: usize) -> Vec<&'static Group> {
    let q = crate::collate::fold(query);
    if q.is_empty() || limit == 0 {
        return Vec::new();
    }
    let word = format!(" {q}");
    let mut hits: Vec<(u8, &Group)> = all()
        .iter()
        .filter_map(|g| {
            let name = crate::collate::fold(g.name(lang));
            let forms = |only: Option<Language>| {
                g.aliases
                    .iter()
                    .filter(move |(l, _)| only.is_none_or(|o| o == **l))
                    .flat_map(|(_, forms)| forms.iter().map(|f| crate::collate::fold(f)))
            };
            let rank = if forms(None).any(|f| f == q) || g.code == query.trim() {
                0
            } else if name.starts_with(&q) || forms(Some(lang)).any(|f| f.starts_with(&q)) {
                1
            } else if name.contains(&word) {
                2
            } else if name.contains(&q) {
                3
            } else {
                return None;
            };
            Some((rank, g))
        })
        .collect();
    hits.sort_by(|(ra, a), (rb, b)| {
        ra.cmp(rb)
            .then_with(|| crate::collate::compare(lang, a.name(lang), b.name(lang)))
    });
    hits.into_iter().take(limit).map(|(_, g)| g).collect()
}
