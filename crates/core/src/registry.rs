//! The built-in delegation registry, compiled in from `data/states.json` (see `data/README.md` for its source).
//! A record names States by ISO 3166-1 alpha-3 code; their names in each official language come from here.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::vocab::{Category, Language};

/// A State of the registry: a Member State or a non-member observer State.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    /// Its ISO 3166-1 alpha-3 code, e.g. `GBR`.
    pub iso3: String,
    status: Status,
    names: Names,
    /// Its formal English name, where the registry has one.
    pub formal_en: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Status {
    Member,
    Observer,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Names {
    ar: String,
    zh: String,
    en: String,
    fr: String,
    ru: String,
    es: String,
}

impl State {
    /// A Member State (false: an observer State).
    pub fn is_member(&self) -> bool {
        self.status == Status::Member
    }

    /// `member_state` or `observer_state`.
    pub fn category(&self) -> Category {
        match self.status {
            Status::Member => Category::MemberState,
            Status::Observer => Category::ObserverState,
        }
    }

    /// The UNTERM short name in `lang`.
    pub fn name(&self, lang: Language) -> &str {
        let n = &self.names;
        match lang {
            Language::Ar => &n.ar,
            Language::Zh => &n.zh,
            Language::En => &n.en,
            Language::Fr => &n.fr,
            Language::Ru => &n.ru,
            Language::Es => &n.es,
        }
    }
}

struct Registry {
    states: Vec<State>,
    by_code: HashMap<String, usize>,
}

static REGISTRY: LazyLock<Registry> = LazyLock::new(|| {
    let states: Vec<State> = serde_json::from_str(include_str!("../data/states.json"))
        .expect("data/states.json is generated and checked by tests");
    let by_code = states
        .iter()
        .enumerate()
        .map(|(i, s)| (s.iso3.clone(), i))
        .collect();
    Registry { states, by_code }
});

/// Every State in the registry, ordered by code.
pub fn all() -> &'static [State] {
    &REGISTRY.states
}

/// The State with code `iso3` (exact, upper case), if the registry has it.
pub fn lookup(iso3: &str) -> Option<&'static State> {
    REGISTRY.by_code.get(iso3).map(|&i| &REGISTRY.states[i])
}

impl State {
    /// A non-member observer State (Holy See, State of Palestine).
    pub fn is_observer(&self) -> bool {
        self.status == Status::Observer
    }
}

/// Per language: registry indices in UN order, with each name folded for search. Built once per language.
static UN_ORDER: LazyLock<Vec<Vec<(usize, String)>>> = LazyLock::new(|| {
    Language::ALL
        .iter()
        .map(|&lang| {
            let states = all();
            let mut idx: Vec<usize> = (0..states.len()).collect();
            let by = crate::collate::order_language(lang);
            idx.sort_by(|&a, &b| {
                crate::collate::compare(by, states[a].name(by), states[b].name(by))
            });
            idx.into_iter()
                .map(|i| (i, crate::collate::fold(states[i].name(lang))))
                .collect()
        })
        .collect()
});

/// Per registry index: the State's name in each of the six languages, folded for search.
static ALL_NAMES: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    all()
        .iter()
        .map(|s| {
            Language::ALL
                .iter()
                .map(|&l| crate::collate::fold(s.name(l)))
                .collect()
        })
        .collect()
});

fn un_order_of(lang: Language) -> &'static [(usize, String)] {
    let i = Language::ALL
        .iter()
        .position(|l| *l == lang)
        .unwrap_or_default();
    &UN_ORDER[i]
}

/// Every State, in the UN order of `lang`.
pub fn in_un_order(lang: Language) -> Vec<&'static State> {
    un_order_of(lang).iter().map(|(i, _)| &all()[*i]).collect()
}

/// Short forms and former names in use ("UK", "Holland", "Россия", "朝鲜"), from `data/aliases.json` (sources
/// in `data/README.md`): per registry index, each form folded, with its language.
static ALIASES: LazyLock<Vec<Vec<(Language, String)>>> = LazyLock::new(|| {
    let by_lang: HashMap<Language, HashMap<String, Vec<String>>> =
        serde_json::from_str(include_str!("../data/aliases.json"))
            .expect("data/aliases.json is checked by tests");
    let mut aliases = vec![Vec::new(); all().len()];
    for (lang, states) in by_lang {
        for (code, forms) in states {
            let i = REGISTRY.by_code[&code];
            aliases[i].extend(forms.iter().map(|f| (lang, crate::collate::fold(f))));
        }
    }
    aliases
});

/// Search-as-you-type over the registry in `lang`, ignoring accents, case and punctuation ("cote" finds
/// Côte d'Ivoire, "turk" finds Türkiye). A State with a short form or former name equal to the query, in any
/// language (people type the forms they know: "UK" in the French interface), comes first, so "UK" finds the
/// United Kingdom before Ukraine; then names, or short forms of `lang`, starting with the query, and an exact
/// ISO code; then names with a word starting with it; then names containing it anywhere. Within each rank, UN
/// order. Last come States whose name in another of the six languages starts with the query, or has a word
/// that does: a rapporteur working in Arabic or Chinese may type "Egypt". Results are the States themselves,
/// which callers name by their official short names. An empty query matches nothing.
pub fn search(query: &str, lang: Language, limit: usize) -> Vec<&'static State> {
    let q = crate::collate::fold(query);
    if q.is_empty() || limit == 0 {
        return Vec::new();
    }
    let code = query.trim().to_ascii_uppercase();
    let word = format!(" {q}");
    let mut hits: Vec<(u8, &State)> = un_order_of(lang)
        .iter()
        .filter_map(|(i, name)| {
            let s = &all()[*i];
            let aliases = &ALIASES[*i];
            let rank = if aliases.iter().any(|(_, a)| *a == q) {
                0
            } else if name.starts_with(&q)
                || s.iso3 == code
                || aliases.iter().any(|(l, a)| *l == lang && a.starts_with(&q))
            {
                1
            } else if name.contains(&word) {
                2
            } else if name.contains(&q) {
                3
            } else if ALL_NAMES[*i]
                .iter()
                .any(|n| n.starts_with(&q) || n.contains(&word))
            {
                4
            } else {
                return None;
            };
            Some((rank, s))
        })
        .collect();
    hits.sort_by_key(|(rank, _)| *rank); // stable: UN order within a rank
    hits.into_iter().take(limit).map(|(_, s)| s).collect()
}
