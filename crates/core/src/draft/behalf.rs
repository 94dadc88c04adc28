//! Whom a speaker spoke for, as the speakers line of a UN summary writes it after their name: "Ecuador (on
//! behalf of the Group of 77 and China)", "Venezuela (also on behalf of Argentina and Brazil)".
//!
//! A built-in group is named by its "on behalf of" form in the output language ([`crate::groups::Group::behalf`]:
//! "du Groupe des 77 et de la Chine", "Группы 77 и Китая"); a free group as the record writes it. The other
//! States come in the UN order of the output language. French and Russian name them after "des pays suivants
//! :" / "следующих государств:", because the registry holds their short names without the article (French)
//! or the genitive (Russian) that "au nom de" / "от имени" would need.

use crate::model::{DelegationCode, GroupRef, Language, Party, un_order};

/// The parenthesis after a speaker's name, with its leading space (none in Chinese, whose parentheses are
/// full width); empty when they spoke only for themselves.
pub fn parenthesis(lang: Language, group: Option<&GroupRef>, also: &[DelegationCode]) -> String {
    let group = group.map(|g| match &g.group {
        Some(code) => crate::groups::lookup(code.as_str())
            .map_or_else(|| code.as_str().to_owned(), |g| g.behalf(lang).to_owned()),
        None => free(lang, g.name.as_deref().unwrap_or_default()),
    });
    let states = states(lang, also);
    let inner = match (group, states) {
        (None, None) => return String::new(),
        (Some(g), None) => on_behalf(lang, &g),
        (None, Some((s, n))) => also_on_behalf(lang, &s, n),
        (Some(g), Some((s, n))) => both(lang, &g, &s, n),
    };
    match lang {
        Language::Zh => format!("（{inner}）"),
        _ => format!(" ({inner})"),
    }
}

/// A free group's name after the preposition: French and Spanish need "de" before it.
fn free(lang: Language, name: &str) -> String {
    match lang {
        Language::Fr | Language::Es => format!("de {name}"),
        _ => name.to_owned(),
    }
}

/// States' names in UN order, joined, and how many; `None` for none.
pub(super) fn states(lang: Language, codes: &[DelegationCode]) -> Option<(String, usize)> {
    if codes.is_empty() {
        return None;
    }
    let mut parties: Vec<Party> = codes.iter().cloned().map(Party::state).collect();
    un_order(lang, &mut parties);
    let names: Vec<&str> = parties.iter().map(|p| p.name_in(lang)).collect();
    Some((super::lang::join_list(lang, &names), names.len()))
}

fn on_behalf(lang: Language, group: &str) -> String {
    match lang {
        Language::En => format!("on behalf of {group}"),
        Language::Fr => format!("au nom {group}"),
        Language::Es => format!("en nombre {group}"),
        Language::Ru => format!("от имени {group}"),
        Language::Zh => format!("代表{group}"),
        Language::Ar => format!("باسم {group}"),
    }
}

/// "also on behalf of …"; `n` chooses the French and Russian list word's number (one State or several).
fn also_on_behalf(lang: Language, states: &str, n: usize) -> String {
    let one = n == 1;
    match lang {
        Language::En => format!("also on behalf of {states}"),
        Language::Fr if one => format!("au nom également du pays suivant : {states}"),
        Language::Fr => format!("au nom également des pays suivants : {states}"),
        Language::Es => format!("también en nombre de {states}"),
        Language::Ru if one => format!("также от имени следующего государства: {states}"),
        Language::Ru => format!("также от имени следующих государств: {states}"),
        Language::Zh => format!("同时代表{states}"),
        Language::Ar => format!("باسم {states} أيضاً"),
    }
}

fn both(lang: Language, group: &str, states: &str, n: usize) -> String {
    let first = on_behalf(lang, group);
    let second = also_on_behalf(lang, states, n);
    match lang {
        Language::En => format!("{first} and {second}"),
        Language::Fr => format!("{first} et {second}"),
        Language::Es => format!("{first} y {second}"),
        Language::Ru => format!("{first}, а {second}"),
        Language::Zh => format!("{first}并{second}"),
        Language::Ar => format!("{first} و{second}"),
    }
}
