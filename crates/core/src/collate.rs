//! UN list order: delegations are listed alphabetically in the language of the document, ignoring accents,
//! case and punctuation, so "Côte d'Ivoire" files under C, "Türkiye" under T and "Bolivia (Plurinational
//! State of)" under B. We use ICU's collation (CLDR rules for each of the six languages, compiled into the
//! binary) rather than byte order, which would put "Équateur" after "Zambie".
//!
//! The collators use tertiary strength with punctuation and spaces *shifted* (ignored): letters decide first,
//! accents and case only break ties, and an exact string comparison makes the order total.
//!
//! Arabic needs more than CLDR gives: UN Arabic lists ignore the article "ال" at the start of a name and treat
//! the hamza forms أ إ آ as ا, so "الاتحاد الروسي" files under ت and "آيسلندا" among the ي names after "أوكرانيا".
//! [`collation_form`] rewrites a name that way before the collator sees it.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::sync::LazyLock;

use icu_collator::options::{AlternateHandling, CollatorOptions, Strength};
use icu_collator::{CollatorBorrowed, CollatorPreferences};
use icu_locale_core::Locale;
use icu_normalizer::DecomposingNormalizerBorrowed;

use crate::vocab::Language;

static COLLATORS: LazyLock<Vec<CollatorBorrowed<'static>>> = LazyLock::new(|| {
    Language::ALL
        .iter()
        .map(|lang| {
            let locale: Locale = lang
                .code()
                .parse()
                .expect("the six language codes are valid");
            let mut options = CollatorOptions::default();
            options.strength = Some(Strength::Tertiary);
            options.alternate_handling = Some(AlternateHandling::Shifted);
            CollatorBorrowed::try_new(CollatorPreferences::from(&locale), options)
                .expect("compiled collation data covers the six UN languages")
        })
        .collect()
});

fn collator(lang: Language) -> &'static CollatorBorrowed<'static> {
    let i = Language::ALL
        .iter()
        .position(|l| *l == lang)
        .expect("Language::ALL lists every language");
    &COLLATORS[i]
}

/// The form of a name the collator orders for `lang`: the name itself, except in Arabic, where a leading
/// article "ال" is dropped and the hamza forms أ إ آ (precomposed or as alef with a combining hamza or madda)
/// become ا.
pub fn collation_form(lang: Language, name: &str) -> Cow<'_, str> {
    if lang != Language::Ar {
        return Cow::Borrowed(name);
    }
    let name = name.trim_start();
    let name = name
        .strip_prefix("ال")
        .filter(|rest| rest.chars().next().is_some_and(char::is_alphabetic))
        .unwrap_or(name);
    let mut out = String::with_capacity(name.len());
    let mut after_alef = false;
    for c in name.chars() {
        if after_alef && matches!(c, '\u{0653}' | '\u{0654}' | '\u{0655}') {
            continue;
        }
        let c = match c {
            'أ' | 'إ' | 'آ' => 'ا',
            c => c,
        };
        after_alef = c == 'ا';
        out.push(c);
    }
    Cow::Owned(out)
}

/// The language whose names and collation give the UN order of States in `lang`. UN Chinese documents list
/// States in the order of their English short names (阿富汗、阿尔巴尼亚、阿尔及利亚、安道尔 …, not by pinyin
/// or stroke count; see docs/LANGUAGES.md); every other language orders its own names.
pub fn order_language(lang: Language) -> Language {
    match lang {
        Language::Zh => Language::En,
        other => other,
    }
}

/// Compare two names in the UN order of `lang`. Total: names equal to the collator fall back to code points.
pub fn compare(lang: Language, a: &str, b: &str) -> Ordering {
    collator(lang)
        .compare(&collation_form(lang, a), &collation_form(lang, b))
        .then_with(|| collator(lang).compare(a, b))
        .then_with(|| a.cmp(b))
}

/// A byte key whose plain byte order is the collation order of `lang` (ties between names that differ only in
/// ignored characters compare equal). Useful to store an order, e.g. in an SQL column.
pub fn sort_key(lang: Language, name: &str) -> Vec<u8> {
    let mut key = Vec::new();
    let Ok(()) = collator(lang).write_sort_key_to(&collation_form(lang, name), &mut key);
    key
}

/// Sort names in place in the UN order of `lang`.
pub fn sort_names<S: AsRef<str>>(lang: Language, names: &mut [S]) {
    names.sort_by(|a, b| compare(lang, a.as_ref(), b.as_ref()));
}

/// Fold a string for search-as-you-type: decompose, drop combining marks (accents, Arabic vowel signs),
/// lower-case, and turn punctuation into single spaces, so "cote d ivoire" meets "Côte d'Ivoire".
pub fn fold(s: &str) -> String {
    let nfd: Cow<str> = DecomposingNormalizerBorrowed::new_nfd().normalize(s);
    let mut out = String::with_capacity(nfd.len());
    let mut pending_space = false;
    for c in nfd.chars().filter(|c| !is_combining_mark(*c)) {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}
