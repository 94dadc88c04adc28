use rapporteur_core::registry::{self, State};
use rapporteur_core::{Category, Language};

fn names(states: &[&State], lang: Language) -> Vec<String> {
    states.iter().map(|s| s.name(lang).to_owned()).collect()
}

#[test]
fn has_193_members_and_two_observers() {
    let all = registry::all();
    assert_eq!(all.iter().filter(|s| s.is_member()).count(), 193);
    let mut observers: Vec<&str> = all
        .iter()
        .filter(|s| s.is_observer())
        .map(|s| s.iso3.as_str())
        .collect();
    observers.sort_unstable();
    assert_eq!(observers, ["PSE", "VAT"]);
    assert_eq!(all.len(), 195);
    for s in all {
        assert_eq!(s.is_member(), !s.is_observer());
        let expected = if s.is_member() {
            Category::MemberState
        } else {
            Category::ObserverState
        };
        assert_eq!(s.category(), expected, "{}", s.iso3);
    }
}

#[test]
fn every_state_is_named_in_six_languages_and_found_by_code() {
    let mut codes = std::collections::HashSet::new();
    for s in registry::all() {
        assert!(codes.insert(s.iso3.clone()), "duplicate {}", s.iso3);
        assert!(
            s.iso3.len() == 3 && s.iso3.chars().all(|c| c.is_ascii_uppercase()),
            "{}",
            s.iso3
        );
        for lang in Language::ALL {
            assert!(
                !s.name(lang).trim().is_empty(),
                "{} has no {lang:?} name",
                s.iso3
            );
        }
        assert_eq!(registry::lookup(&s.iso3).map(|f| &f.iso3), Some(&s.iso3));
    }
    assert!(registry::lookup("XYZ").is_none());
    assert!(registry::lookup("gbr").is_none(), "codes are upper case");
}

#[test]
fn known_names_per_language() {
    let civ = registry::lookup("CIV").unwrap();
    assert_eq!(civ.name(Language::En), "Côte d'Ivoire");
    assert_eq!(civ.name(Language::Fr), "Côte d'Ivoire");
    let tur = registry::lookup("TUR").unwrap();
    assert_eq!(tur.name(Language::En), "Türkiye");
    let deu = registry::lookup("DEU").unwrap();
    assert_eq!(
        [
            Language::Ar,
            Language::Zh,
            Language::En,
            Language::Fr,
            Language::Ru,
            Language::Es
        ]
        .map(|l| deu.name(l)),
        [
            "ألمانيا",
            "德国",
            "Germany",
            "Allemagne",
            "Германия",
            "Alemania"
        ]
    );
    assert_eq!(
        registry::lookup("VAT").unwrap().name(Language::En),
        "Holy See"
    );
    assert_eq!(
        registry::lookup("PSE").unwrap().name(Language::En),
        "State of Palestine"
    );
}

#[test]
fn search_ignores_accents_and_case() {
    let hits = registry::search("cote", Language::En, 10);
    assert_eq!(hits.first().map(|s| s.iso3.as_str()), Some("CIV"));
    let hits = registry::search("turk", Language::En, 10);
    assert_eq!(names(&hits, Language::En), ["Türkiye", "Turkmenistan"]);
    let hits = registry::search("TÜRK", Language::En, 10);
    assert_eq!(hits.len(), 2);
    let hits = registry::search("cote d ivoire", Language::Fr, 3);
    assert_eq!(names(&hits, Language::Fr), ["Côte d'Ivoire"]);
    let hits = registry::search("equa", Language::Fr, 10);
    assert_eq!(
        names(&hits, Language::Fr),
        ["Équateur", "Guinée équatoriale"]
    );
    let hits = registry::search("герм", Language::Ru, 10);
    assert_eq!(hits.first().map(|s| s.iso3.as_str()), Some("DEU"));
    let hits = registry::search("德", Language::Zh, 10);
    assert_eq!(hits.first().map(|s| s.iso3.as_str()), Some("DEU"));
}

#[test]
fn search_in_one_language_finds_names_typed_in_another_after_its_own() {
    let hits = registry::search("Egypt", Language::Ar, 10);
    assert_eq!(hits.first().map(|s| s.iso3.as_str()), Some("EGY"));
    let hits = registry::search("france", Language::Zh, 10);
    assert_eq!(hits.first().map(|s| s.iso3.as_str()), Some("FRA"));
    let hits = registry::search("alem", Language::Ru, 10);
    assert_eq!(hits.first().map(|s| s.iso3.as_str()), Some("DEU"));
    // The language's own names and short forms rank first: in French, "sw" starts Eswatini's former name
    // (Swaziland) and is inside Botswana; Suède and Suisse follow, found through their English names. "germ"
    // finds Allemagne through "Germany".
    let hits = registry::search("germ", Language::Fr, 10);
    assert_eq!(names(&hits, Language::Fr), ["Allemagne"]);
    let hits = registry::search("sw", Language::Fr, 10);
    assert_eq!(
        names(&hits, Language::Fr),
        ["Eswatini", "Botswana", "Suède", "Suisse"]
    );
}

#[test]
fn search_ranks_prefix_then_word_then_substring_each_in_un_order() {
    let hits = registry::search("guinea", Language::En, 10);
    assert_eq!(
        names(&hits, Language::En),
        [
            "Guinea",
            "Guinea-Bissau",
            "Equatorial Guinea",
            "Papua New Guinea"
        ]
    );
    // No name or word starts with "land"; those containing it come in UN order.
    let hits = registry::search("land", Language::En, 50);
    let got = names(&hits, Language::En);
    assert!(
        got.contains(&"Finland".to_owned()) && got.contains(&"Thailand".to_owned()),
        "{got:?}"
    );
    let mut sorted = got.clone();
    rapporteur_core::collate::sort_names(Language::En, &mut sorted);
    assert_eq!(got, sorted, "substring hits are in UN order");

    let hits = registry::search("republic", Language::En, 100);
    let got = names(&hits, Language::En);
    let first_word_hit = got.iter().position(|n| !n.starts_with("Republic")).unwrap();
    assert!(
        got[..first_word_hit]
            .iter()
            .all(|n| n.starts_with("Republic of")),
        "{got:?}"
    );
    assert!(got.contains(&"Central African Republic".to_owned()));
}

#[test]
fn search_limits_and_matches_codes() {
    assert_eq!(registry::search("a", Language::En, 5).len(), 5);
    assert!(registry::search("", Language::En, 5).is_empty());
    assert!(registry::search("  ", Language::En, 5).is_empty());
    assert!(registry::search("zzzz", Language::En, 5).is_empty());
    assert!(registry::search("a", Language::En, 0).is_empty());
    let hits = registry::search("gbr", Language::En, 5);
    assert_eq!(hits.first().map(|s| s.iso3.as_str()), Some("GBR"));
}

const ALIASES: &str = include_str!("../../data/aliases.json");

type AliasFile =
    std::collections::BTreeMap<Language, std::collections::BTreeMap<String, Vec<String>>>;

fn first(query: &str, lang: Language) -> Option<String> {
    registry::search(query, lang, 10)
        .first()
        .map(|s| s.iso3.clone())
}

#[test]
fn short_forms_and_former_names_find_their_state_first() {
    for (query, lang, code) in [
        ("UK", Language::En, "GBR"),
        ("uk", Language::Fr, "GBR"),
        ("Britain", Language::En, "GBR"),
        ("US", Language::En, "USA"),
        ("USA", Language::En, "USA"),
        ("u.s.", Language::En, "USA"),
        ("EE. UU.", Language::Es, "USA"),
        ("eeuu", Language::Es, "USA"),
        ("США", Language::Ru, "USA"),
        ("美国", Language::Zh, "USA"),
        ("أمريكا", Language::Ar, "USA"),
        ("DPRK", Language::En, "PRK"),
        ("North Korea", Language::En, "PRK"),
        ("朝鲜", Language::Zh, "PRK"),
        ("КНДР", Language::Ru, "PRK"),
        ("ROK", Language::En, "KOR"),
        ("韩国", Language::Zh, "KOR"),
        ("UAE", Language::En, "ARE"),
        ("Россия", Language::Ru, "RUS"),
        ("Russia", Language::Ru, "RUS"),
        ("Ru", Language::En, "RUS"),
        ("Holland", Language::En, "NLD"),
        ("Ivory Coast", Language::En, "CIV"),
        ("Swaziland", Language::En, "SWZ"),
        ("Macedonia", Language::En, "MKD"),
        ("Vatican", Language::En, "VAT"),
        ("Burma", Language::En, "MMR"),
        ("Zaïre", Language::Fr, "COD"),
        ("turquia", Language::Es, "TUR"),
    ] {
        assert_eq!(
            first(query, lang).as_deref(),
            Some(code),
            "{query} in {lang:?}"
        );
    }
    // The State is shown by its official short name, and the States whose names start with the query follow.
    let hits = registry::search("UK", Language::En, 10);
    assert_eq!(
        names(&hits, Language::En),
        [
            "United Kingdom of Great Britain and Northern Ireland",
            "Ukraine"
        ]
    );
    // A short form of the search language also counts as a name that starts with the query.
    let hits = registry::search("holl", Language::En, 10);
    assert_eq!(names(&hits, Language::En), ["Netherlands (Kingdom of the)"]);
}

#[test]
fn the_aliases_file_names_real_states_in_the_six_languages_and_each_form_once() {
    let file: AliasFile = serde_json::from_str(ALIASES).unwrap();
    assert_eq!(
        file.len(),
        Language::ALL.len(),
        "one entry per official language"
    );
    let mut owner: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for (lang, states) in &file {
        for (code, forms) in states {
            assert!(registry::lookup(code).is_some(), "{code} in {lang:?}");
            for form in forms {
                let folded = rapporteur_core::collate::fold(form);
                assert!(!folded.is_empty(), "{code}: {form:?}");
                if let Some(other) = owner.insert(folded.clone(), code.clone()) {
                    assert_eq!(&other, code, "{form:?} names two States");
                }
                // A form may not be another State's official name in any language.
                for s in registry::all().iter().filter(|s| &s.iso3 != code) {
                    for l in Language::ALL {
                        assert_ne!(
                            rapporteur_core::collate::fold(s.name(l)),
                            folded,
                            "{form:?}"
                        );
                    }
                }
                assert_eq!(
                    first(form, *lang).as_deref(),
                    Some(code.as_str()),
                    "{form:?}"
                );
            }
        }
    }
}
