//! The built-in registry of groups: names in the six languages, unique codes, and search by the forms people
//! type.

use std::collections::HashSet;

use rapporteur_core::Language;
use rapporteur_core::collate::fold;
use rapporteur_core::groups::{self, GroupKind};

#[test]
fn sixteen_groups_each_named_in_six_languages_under_a_unique_code() {
    let all = groups::all();
    assert_eq!(all.len(), 16);
    let codes: HashSet<&str> = all.iter().map(|g| g.code.as_str()).collect();
    assert_eq!(codes.len(), all.len());
    for g in all {
        for lang in Language::ALL {
            assert_ne!(g.name(lang), g.code, "{} has no {lang:?} name", g.code);
            assert!(!g.name(lang).trim().is_empty());
        }
    }
    let regional = all.iter().filter(|g| g.kind == GroupKind::Regional).count();
    assert_eq!(regional, 5, "the five regional groups");
    assert_eq!(
        groups::lookup("g77-china").map(|g| g.name(Language::Fr)),
        Some("Groupe des 77 et la Chine")
    );
    assert!(groups::lookup("g78").is_none());
}

#[test]
fn search_finds_groups_by_the_short_forms_people_type() {
    let first = |q: &str, lang: Language| {
        groups::search(q, lang, 5)
            .first()
            .map(|g| g.code.as_str())
            .unwrap_or("none")
    };
    for (q, lang, code) in [
        ("G77", Language::En, "g77-china"),
        ("g-77", Language::Fr, "g77-china"),
        ("EU", Language::En, "european-union"),
        ("UE", Language::Es, "european-union"),
        ("ЕС", Language::Ru, "european-union"),
        ("欧盟", Language::Zh, "european-union"),
        ("NAM", Language::En, "non-aligned-movement"),
        ("AOSIS", Language::En, "small-island-states-alliance"),
        ("caricom", Language::Fr, "caribbean-community"),
        ("arab", Language::En, "arab-group"),
        ("المجموعة العربية", Language::Ar, "arab-group"),
        ("least", Language::En, "least-developed-countries"),
    ] {
        assert_eq!(first(q, lang), code, "{q:?} in {lang:?}");
    }
    assert!(groups::search("", Language::En, 5).is_empty());
    assert!(groups::search("zzz", Language::En, 5).is_empty());
}

#[test]
fn each_name_finds_its_own_group_first_in_every_language() {
    let mut seen = HashSet::new();
    for g in groups::all() {
        let forms: HashSet<String> = Language::ALL
            .iter()
            .flat_map(|l| {
                groups::search(g.name(*l), *l, 1)
                    .into_iter()
                    .map(|found| found.code.clone())
            })
            .collect();
        assert_eq!(
            forms.into_iter().collect::<Vec<_>>(),
            std::slice::from_ref(&g.code),
            "each name finds its group first"
        );
        assert!(seen.insert(fold(g.name(Language::En))));
    }
}

#[test]
fn every_group_has_its_on_behalf_of_form_in_six_languages() {
    for g in groups::all() {
        for lang in Language::ALL {
            assert!(!g.behalf(lang).trim().is_empty(), "{} {lang:?}", g.code);
        }
        // French and Spanish need the preposition's article ("du", "de la", "del"); English "the".
        assert!(g.behalf(Language::En).starts_with("the "), "{}", g.code);
        assert!(g.behalf(Language::Fr).starts_with('d'), "{}", g.code);
        assert!(g.behalf(Language::Es).starts_with("de"), "{}", g.code);
    }
    let g77 = groups::lookup("g77-china").unwrap();
    assert_eq!(g77.behalf(Language::Fr), "du Groupe des 77 et de la Chine");
    assert_eq!(g77.behalf(Language::Ru), "Группы 77 и Китая");
}
