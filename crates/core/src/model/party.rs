//! Who a party is: a State from the registry (by ISO code, with an optional display name for one meeting) or
//! any other named participant with a category. Kept apart from the record's other types because the rules
//! for naming (registry lookups, display names per language) are their own.

use super::*;

/// A delegation (a State from the registry) or any other named party with a category.
/// On the wire: `{"delegation": "GBR", "display_name": "UK"}` or `{"name": "...", "category": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(try_from = "RawParty")]
#[ts(export)]
pub struct Party {
    /// A State of the registry, by code.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub delegation: Option<DelegationCode>,
    /// Overrides the built-in name of `delegation` for this one meeting.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub display_name: Option<String>,
    /// A free entry's name (a UN entity, an NGO, a mandate holder).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub name: Option<String>,
    /// A free entry's category; a State's comes from the registry.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub category: Option<Category>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawParty {
    #[serde(default)]
    delegation: Option<DelegationCode>,
    #[serde(default)]
    display_name: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    category: Option<Category>,
}

impl TryFrom<RawParty> for Party {
    type Error = String;
    fn try_from(r: RawParty) -> Result<Self, String> {
        Party::from_parts(r.delegation, r.display_name, r.name, r.category)
    }
}

impl Party {
    /// The State `code`, under its registry name.
    pub fn state(code: DelegationCode) -> Party {
        Party {
            delegation: Some(code),
            display_name: None,
            name: None,
            category: None,
        }
    }

    /// A free entry: `name`, filed under `category`.
    pub fn named(name: impl Into<String>, category: Category) -> Party {
        Party {
            delegation: None,
            display_name: None,
            name: Some(name.into()),
            category: Some(category),
        }
    }

    /// Enforces "exactly one of `delegation` or `name`", and a category for free entries.
    pub fn from_parts(
        delegation: Option<DelegationCode>,
        display_name: Option<String>,
        name: Option<String>,
        category: Option<Category>,
    ) -> Result<Party, String> {
        match (&delegation, &name) {
            (Some(_), Some(_)) => Err("give either `delegation` or `name`, not both".into()),
            (None, None) => Err("missing field `delegation` (or `name` with `category`)".into()),
            (None, Some(n)) if crate::text::is_blank(n) => {
                Err("field `name` must not be empty".into())
            }
            (None, Some(_)) if category.is_none() => {
                Err("missing field `category` (required with `name`)".into())
            }
            (None, Some(_)) if display_name.is_some() => {
                Err("field `display_name` applies only with `delegation`".into())
            }
            _ => Ok(Party {
                delegation,
                display_name,
                name,
                category,
            }),
        }
    }

    /// The category a list or a count files this party under.
    pub fn effective_category(&self) -> Category {
        match (&self.delegation, self.category) {
            (_, Some(c)) => c,
            (Some(code), None) => crate::registry::lookup(code.as_str())
                .map(|s| s.category())
                .unwrap_or(Category::Other),
            (None, None) => Category::Other,
        }
    }
}

/// An ISO 3166-1 alpha-3 code known to the built-in registry (the 193 Member States and 2 observer States).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[ts(export, type = "string")]
pub struct DelegationCode(String);

impl DelegationCode {
    /// A code of the built-in registry; anything else is a [`crate::CoreError::Rule`] naming the code.
    pub fn parse(code: &str) -> Result<DelegationCode, crate::CoreError> {
        if crate::registry::lookup(code).is_some() {
            Ok(DelegationCode(code.to_owned()))
        } else {
            Err(crate::CoreError::Rule(format!(
                "unknown delegation code {:?}: expected an ISO 3166-1 alpha-3 code of a Member or observer State",
                crate::text::clip(code)
            )))
        }
    }

    /// The code, e.g. `GBR`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for DelegationCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        DelegationCode::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl Party {
    /// How this party is named in `lang`: its `display_name` if set, else the registry's short name for its
    /// delegation, else its free `name`.
    pub fn name_in(&self, lang: Language) -> &str {
        if let Some(d) = &self.display_name {
            return d;
        }
        if let Some(state) = self
            .delegation
            .as_ref()
            .and_then(|c| crate::registry::lookup(c.as_str()))
        {
            return state.name(lang);
        }
        self.name.as_deref().unwrap_or_default()
    }

    /// The name that files this party in the UN order of `lang`, collated as `by` ([`crate::collate::order_language`]):
    /// its name in `lang`, or, where `lang` orders by another language's names (Chinese), its registry name
    /// in that language even when a display name is shown.
    fn order_name(&self, lang: Language, by: Language) -> &str {
        match self
            .delegation
            .as_ref()
            .and_then(|c| crate::registry::lookup(c.as_str()))
        {
            Some(state) if by != lang => state.name(by),
            _ => self.name_in(lang),
        }
    }

    /// Whether a list files this party with the States (a registry delegation, or a free entry categorised
    /// as a member or observer State).
    pub fn is_state(&self) -> bool {
        self.effective_category().is_state()
    }
}

/// Sort parties the UN way for a document in `lang`: States (members and observers together) first, in the
/// collation order of their names in `lang` (a `display_name` counts as the name); then everyone else in the
/// order given. The sort is stable, so the others keep the order the caller chose (for a speakers list: the
/// order in which they took the floor), which is how UN summaries list offices and special procedures.
pub fn un_order(lang: Language, parties: &mut [Party]) {
    parties.sort_by(|a, b| match (a.is_state(), b.is_state()) {
        (true, true) => {
            let by = crate::collate::order_language(lang);
            crate::collate::compare(by, a.order_name(lang, by), b.order_name(lang, by))
        }
        (true, false) => std::cmp::Ordering::Less,
        (false, true) => std::cmp::Ordering::Greater,
        (false, false) => std::cmp::Ordering::Equal,
    });
}
