//! The closed vocabularies every part of the crate names: the UN's six languages and the categories of
//! participants. A leaf module, so that the registry, collation and the record can all use them without
//! depending on one another.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The six official languages of the United Nations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Language {
    Ar,
    Zh,
    En,
    Fr,
    Ru,
    Es,
}

impl Language {
    pub const ALL: [Language; 6] = [
        Language::Ar,
        Language::Zh,
        Language::En,
        Language::Fr,
        Language::Ru,
        Language::Es,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Language::Ar => "ar",
            Language::Zh => "zh",
            Language::En => "en",
            Language::Fr => "fr",
            Language::Ru => "ru",
            Language::Es => "es",
        }
    }

    pub fn parse(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// Who attends, as categories. States are named by code; everyone else is a free entry with a category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Category {
    MemberState,
    ObserverState,
    UnSystem,
    IntergovernmentalOrganization,
    CivilSociety,
    SpecialProcedure,
    Other,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::MemberState,
        Category::ObserverState,
        Category::UnSystem,
        Category::IntergovernmentalOrganization,
        Category::CivilSociety,
        Category::SpecialProcedure,
        Category::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::MemberState => "member_state",
            Category::ObserverState => "observer_state",
            Category::UnSystem => "un_system",
            Category::IntergovernmentalOrganization => "intergovernmental_organization",
            Category::CivilSociety => "civil_society",
            Category::SpecialProcedure => "special_procedure",
            Category::Other => "other",
        }
    }

    /// States (members and observers) come before everyone else in UN lists.
    pub fn is_state(self) -> bool {
        matches!(self, Category::MemberState | Category::ObserverState)
    }
}
