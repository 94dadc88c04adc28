//! The built-in delegation registry, compiled in from `data/states.json` (see `data/README.md` for its source).
//! A record names States by ISO 3166-1 alpha-3 code; their names in each official language come from here.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::model::{Category, Language};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    pub iso3: String,
    status: Status,
    names: Names,
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
    pub fn is_member(&self) -> bool {
        self.status == Status::Member
    }

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

pub fn lookup(iso3: &str) -> Option<&'static State> {
    REGISTRY.by_code.get(iso3).map(|&i| &REGISTRY.states[i])
}
