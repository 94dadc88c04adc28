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
    /// Arabic.
    Ar,
    /// Chinese.
    Zh,
    /// English.
    En,
    /// French.
    Fr,
    /// Russian.
    Ru,
    /// Spanish.
    Es,
}

impl Language {
    /// All six, in the order the UN lists them (Arabic, Chinese, English, French, Russian, Spanish).
    pub const ALL: [Language; 6] = [
        Language::Ar,
        Language::Zh,
        Language::En,
        Language::Fr,
        Language::Ru,
        Language::Es,
    ];

    /// Its BCP 47 primary language subtag: `ar`, `zh`, `en`, `fr`, `ru` or `es`.
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

    /// The language whose [`Language::code`] is `code`, exactly.
    pub fn parse(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// Who attends, as categories. States are named by code; everyone else is a free entry with a category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Category {
    /// A Member State of the United Nations.
    MemberState,
    /// A non-member observer State.
    ObserverState,
    /// An entity of the UN system.
    UnSystem,
    /// An intergovernmental organization.
    IntergovernmentalOrganization,
    /// Civil society: NGOs, academia, the private sector, trade unions.
    CivilSociety,
    /// A special procedure of the Human Rights Council (a mandate holder).
    SpecialProcedure,
    /// Anyone else.
    Other,
}

impl Category {
    /// Every category, in the order attendance lists them.
    pub const ALL: [Category; 7] = [
        Category::MemberState,
        Category::ObserverState,
        Category::UnSystem,
        Category::IntergovernmentalOrganization,
        Category::CivilSociety,
        Category::SpecialProcedure,
        Category::Other,
    ];

    /// Its name in the interchange format, e.g. `member_state`.
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
