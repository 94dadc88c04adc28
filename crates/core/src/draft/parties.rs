//! Who made a request, commitment or invitation, as a sentence in the output language names them. A record writes
//! `from` / `to` in its own language, usually with a handful of group words ("delegations", "Member States",
//! "the secretariat"); drafting in French or Spanish translates those, with the article and the contraction
//! the preposition needs ("aux États Membres", "del Secretariado"). Anything else (an organisation's own
//! name, a person) is used as written, without an article, in constructions that stay correct that way
//! ("par Amnesty International", "de Amnesty International"). Russian, Chinese and Arabic get the group words
//! translated too, without declension (see [`words`]).

use serde::Serialize;

use crate::model::Language;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    MasculineSingular,
    FeminineSingular,
    MasculinePlural,
    FemininePlural,
}
use Form::*;

/// A noun and its gender and number.
type Noun = (&'static str, Form);

/// English group words (lower case, without a leading "the"), with their French and Spanish nouns.
const TERMS: &[(&str, Noun, Noun)] = &[
    (
        "delegations",
        ("délégations", FemininePlural),
        ("delegaciones", FemininePlural),
    ),
    (
        "delegates",
        ("délégués", MasculinePlural),
        ("delegados", MasculinePlural),
    ),
    (
        "member states",
        ("États Membres", MasculinePlural),
        ("Estados Miembros", MasculinePlural),
    ),
    (
        "states",
        ("États", MasculinePlural),
        ("Estados", MasculinePlural),
    ),
    (
        "observer states",
        ("États observateurs", MasculinePlural),
        ("Estados observadores", MasculinePlural),
    ),
    (
        "observers",
        ("observateurs", MasculinePlural),
        ("observadores", MasculinePlural),
    ),
    (
        "secretariat",
        ("Secrétariat", MasculineSingular),
        ("Secretaría", FeminineSingular),
    ),
    (
        "chair",
        ("présidence", FeminineSingular),
        ("Presidencia", FeminineSingular),
    ),
    (
        "presidency",
        ("présidence", FeminineSingular),
        ("Presidencia", FeminineSingular),
    ),
    (
        "co-facilitators",
        ("cofacilitateurs", MasculinePlural),
        ("cofacilitadores", MasculinePlural),
    ),
    (
        "civil society",
        ("société civile", FeminineSingular),
        ("sociedad civil", FeminineSingular),
    ),
    (
        "participants",
        ("participants", MasculinePlural),
        ("participantes", MasculinePlural),
    ),
    (
        "united nations system",
        ("système des Nations Unies", MasculineSingular),
        ("sistema de las Naciones Unidas", MasculineSingular),
    ),
    (
        "un system",
        ("système des Nations Unies", MasculineSingular),
        ("sistema de las Naciones Unidas", MasculineSingular),
    ),
    (
        "united nations network on migration",
        (
            "Réseau des Nations Unies sur les migrations",
            MasculineSingular,
        ),
        (
            "Red de las Naciones Unidas sobre la Migración",
            FeminineSingular,
        ),
    ),
    (
        "network",
        ("Réseau", MasculineSingular),
        ("Red", FeminineSingular),
    ),
];

/// The same group words in Russian (nominative), Chinese and Arabic (with its article), as UNTERM gives them.
/// Russian templates use only the nominative (in apposition: "автор — делегации"), which keeps sentences
/// grammatical for names this table does not know.
const OTHER_TERMS: &[(&str, &str, &str, &str)] = &[
    ("delegations", "делегации", "各代表团", "الوفود"),
    ("delegates", "делегаты", "各位代表", "المندوبون"),
    (
        "member states",
        "государства-члены",
        "会员国",
        "الدول الأعضاء",
    ),
    ("states", "государства", "各国", "الدول"),
    (
        "observer states",
        "государства-наблюдатели",
        "观察员国",
        "الدول المراقبة",
    ),
    ("observers", "наблюдатели", "观察员", "المراقبون"),
    ("secretariat", "Секретариат", "秘书处", "الأمانة العامة"),
    ("chair", "Председатель", "主席", "الرئيس"),
    ("presidency", "Председатель", "主席", "الرئاسة"),
    (
        "co-facilitators",
        "сокоординаторы",
        "共同协调人",
        "الميسران المشاركان",
    ),
    (
        "civil society",
        "гражданское общество",
        "民间社会",
        "المجتمع المدني",
    ),
    ("participants", "участники", "与会者", "المشاركون"),
    (
        "united nations system",
        "система Организации Объединенных Наций",
        "联合国系统",
        "منظومة الأمم المتحدة",
    ),
    (
        "un system",
        "система Организации Объединенных Наций",
        "联合国系统",
        "منظومة الأمم المتحدة",
    ),
    (
        "united nations network on migration",
        "Сеть Организации Объединенных Наций по миграции",
        "联合国移民网络",
        "شبكة الأمم المتحدة المعنية بالهجرة",
    ),
    ("network", "Сеть", "网络", "الشبكة"),
];

/// A party of an action item, ready for each preposition a template needs.
#[derive(Debug, Clone, Serialize)]
pub struct PartyWords {
    /// As the record writes it.
    pub written: String,
    /// Whether it was a group word translated here (a template may phrase unknown names differently).
    pub known: bool,
    /// The noun phrase with its article: "les délégations", "la Secretaría"; else as written.
    pub name: String,
    /// Agent: "par les délégations", "por la Secretaría".
    pub by: String,
    /// Recipient: "aux États Membres", "al Secretariado" / "a los Estados Miembros".
    pub to: String,
    /// Of / from: "des délégations", "du Secrétariat", "de las delegaciones", "del sistema ...".
    pub of: String,
}

/// `written` as a sentence in `lang` names it: French and Spanish with article and contraction, Russian,
/// Chinese and Arabic as [`other`] says; English keeps `written` with the plain prepositions ("by", "to", "of").
pub fn words(lang: Language, written: &str) -> PartyWords {
    let written = written.trim();
    let key = written.to_lowercase();
    let key = key.strip_prefix("the ").unwrap_or(&key);
    let term = TERMS.iter().find(|(en, _, _)| *en == key);
    let unknown = |by: &str, to: &str, of: &str| PartyWords {
        written: written.to_owned(),
        known: false,
        name: written.to_owned(),
        by: format!("{by} {written}"),
        to: format!("{to} {written}"),
        of: format!("{of} {written}"),
    };
    match (lang, term) {
        (Language::Fr, Some((_, (noun, form), _))) => {
            let elide = noun.starts_with(|c: char| "AEIOUÉÈÊaeiouéèêh".contains(c));
            let (article, to, of) = match form {
                MasculinePlural | FemininePlural => ("les ", "aux ", "des "),
                MasculineSingular if elide => ("l'", "à l'", "de l'"),
                FeminineSingular if elide => ("l'", "à l'", "de l'"),
                MasculineSingular => ("le ", "au ", "du "),
                FeminineSingular => ("la ", "à la ", "de la "),
            };
            PartyWords {
                written: written.to_owned(),
                known: true,
                name: format!("{article}{noun}"),
                by: format!("par {article}{noun}"),
                to: format!("{to}{noun}"),
                of: format!("{of}{noun}"),
            }
        }
        (Language::Es, Some((_, _, (noun, form)))) => {
            let (article, to, of) = match form {
                MasculinePlural => ("los ", "a los ", "de los "),
                FemininePlural => ("las ", "a las ", "de las "),
                MasculineSingular => ("el ", "al ", "del "),
                FeminineSingular => ("la ", "a la ", "de la "),
            };
            PartyWords {
                written: written.to_owned(),
                known: true,
                name: format!("{article}{noun}"),
                by: format!("por {article}{noun}"),
                to: format!("{to}{noun}"),
                of: format!("{of}{noun}"),
            }
        }
        (Language::Fr, None) if written.starts_with(|c: char| "AEIOÉÈaeioéè".contains(c)) => {
            PartyWords {
                of: format!("d'{written}"),
                ..unknown("par", "à", "de")
            }
        }
        (Language::Fr, None) => unknown("par", "à", "de"),
        (Language::Es, None) => unknown("por", "a", "de"),
        (Language::Ru | Language::Zh | Language::Ar, _) => other(lang, written, key),
        (Language::En, _) => unknown("by", "to", "of"),
    }
}

/// Russian, Chinese and Arabic: the group word translated where it is known. Russian gives every form in
/// the nominative; Chinese and Arabic put their prepositions before it ("由秘书处", "إلى الأمانة العامة").
fn other(lang: Language, written: &str, key: &str) -> PartyWords {
    let term = OTHER_TERMS.iter().find(|(en, ..)| *en == key);
    let name = match (lang, term) {
        (Language::Ru, Some((_, ru, _, _))) => *ru,
        (Language::Zh, Some((_, _, zh, _))) => *zh,
        (Language::Ar, Some((_, _, _, ar))) => *ar,
        _ => written,
    };
    let (by, to, of) = match lang {
        Language::Zh => (
            format!("由{name}"),
            format!("向{name}"),
            format!("{name}的"),
        ),
        Language::Ar => (
            format!("من {name}"),
            format!("إلى {name}"),
            format!("من {name}"),
        ),
        _ => (name.to_owned(), name.to_owned(), name.to_owned()),
    };
    PartyWords {
        written: written.to_owned(),
        known: term.is_some(),
        name: name.to_owned(),
        by,
        to,
        of,
    }
}
