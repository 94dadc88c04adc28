//! French and Spanish action sections name the parties in the output language: the record's English group
//! words are translated with their article, other names are used as written in a frame that needs none.

use rapporteur_core::draft::parties::words;
use rapporteur_core::*;

use crate::draft::{bare, example, section, state, with_speakers};

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap()
}

#[test]
fn the_example_actions_read_in_french_and_spanish() {
    let r = example();
    let bodies: Vec<String> = r
        .action_items
        .iter()
        .map(|a| a.text.trim_end_matches('.').to_owned())
        .collect();
    let expected = [
        (
            Language::Fr,
            [
                "Les demandes suivantes ont été adressées au Réseau des Nations Unies sur les migrations par \
                 les délégations\u{a0}:",
                "Les engagements suivants ont été pris par le Réseau des Nations Unies sur les migrations\u{a0}:",
                "Les invitations suivantes ont été adressées aux États Membres par le Réseau des Nations Unies \
                 sur les migrations\u{a0}:",
            ],
        ),
        (
            Language::Es,
            [
                "Las solicitudes de las delegaciones a la Red de las Naciones Unidas sobre la Migración fueron \
                 las siguientes:",
                "Los compromisos de la Red de las Naciones Unidas sobre la Migración fueron los siguientes:",
                "Las invitaciones de la Red de las Naciones Unidas sobre la Migración a los Estados Miembros \
                 fueron las siguientes:",
            ],
        ),
    ];
    for (lang, heads) in expected {
        let mut all = String::new();
        for (name, head) in ["requests", "commitments", "invitations"].iter().zip(heads) {
            let text = section(&r, lang, name).unwrap();
            assert_eq!(first_line(&text), head, "{lang:?} {name}");
            all.push_str(&text);
        }
        for body in &bodies {
            assert!(
                all.contains(body.as_str()),
                "{lang:?}: {body} missing from {all}"
            );
        }
        for english in [
            "delegations",
            "Member States",
            "United Nations Network",
            "por parte",
        ] {
            let heads: String = all.lines().filter(|l| !l.starts_with("- ")).collect();
            assert!(!heads.contains(english), "{lang:?}: {english} in {heads}");
        }
    }
}

#[test]
fn items_with_different_parties_name_each() {
    let mut r = bare(Language::En);
    let item = |kind, from: &str, to: &str, text: &str| ActionItem {
        adoption: None,
        agenda_item: None,
        due_month: None,
        id: None,
        kind,
        from: from.into(),
        to: to.into(),
        text: text.into(),
        due: None,
        status: ActionStatus::Open,
    };
    r.action_items = vec![
        item(
            ActionKind::Request,
            "Amnesty International",
            "the Secretariat",
            "Publish the list.",
        ),
        item(
            ActionKind::Request,
            "Observers",
            "the Chair",
            "Circulate the text.",
        ),
        item(
            ActionKind::Commitment,
            "The secretariat",
            "States",
            "Publish the list.",
        ),
        item(
            ActionKind::Commitment,
            "Civil society",
            "States",
            "Report back.",
        ),
        item(
            ActionKind::Invitation,
            "",
            "Member States",
            "Attend the workshop.",
        ),
        item(ActionKind::Invitation, "", "", "Read the report."),
    ];
    let fr = section(&r, Language::Fr, "requests").unwrap();
    assert!(
        fr.starts_with("Les demandes suivantes ont été adressées\u{a0}:\n"),
        "{fr}"
    );
    assert!(
        fr.contains("- Adressée au Secrétariat par Amnesty International\u{a0}: Publish the list."),
        "{fr}"
    );
    assert!(
        fr.contains("- Adressée à la présidence par les observateurs\u{a0}: Circulate the text."),
        "{fr}"
    );
    let fr = section(&r, Language::Fr, "commitments").unwrap();
    assert!(
        fr.contains("- Le Secrétariat\u{a0}: Publish the list."),
        "{fr}"
    );
    assert!(
        fr.contains("- La société civile\u{a0}: Report back."),
        "{fr}"
    );

    let es = section(&r, Language::Es, "requests").unwrap();
    assert!(
        es.starts_with("Las solicitudes fueron las siguientes:\n"),
        "{es}"
    );
    assert!(
        es.contains("- De Amnesty International a la Secretaría: Publish the list."),
        "{es}"
    );
    assert!(
        es.contains("- De los observadores a la Presidencia: Circulate the text."),
        "{es}"
    );
    let es = section(&r, Language::Es, "commitments").unwrap();
    assert!(es.contains("- La Secretaría: Publish the list."), "{es}");

    // A blank party is left out rather than printed as "par :".
    let fr = section(&r, Language::Fr, "invitations").unwrap();
    assert_eq!(
        fr,
        "Les invitations suivantes ont été adressées\u{a0}:\n\n- Adressée aux États Membres\u{a0}: Attend the \
         workshop.\n- Read the report."
    );
    let es = section(&r, Language::Es, "invitations").unwrap();
    assert_eq!(
        es,
        "Las invitaciones fueron las siguientes:\n\n- A los Estados Miembros: Attend the workshop.\n- Read the \
         report."
    );

    // English keeps the record's words.
    let en = section(&r, Language::En, "requests").unwrap();
    assert!(
        en.contains("- Observers to the Chair: Circulate the text."),
        "{en}"
    );
}

#[test]
fn contractions_follow_the_article() {
    assert_eq!(words(Language::Fr, "Member States").to, "aux États Membres");
    assert_eq!(words(Language::Fr, "the secretariat").of, "du Secrétariat");
    assert_eq!(
        words(Language::Fr, "UN system").to,
        "au système des Nations Unies"
    );
    assert_eq!(
        words(Language::Fr, "Amnesty International").of,
        "d'Amnesty International"
    );
    assert_eq!(
        words(Language::Es, "UN system").of,
        "del sistema de las Naciones Unidas"
    );
    assert_eq!(
        words(Language::Es, "delegations").by,
        "por las delegaciones"
    );
    assert_eq!(
        words(Language::Es, "Member States").to,
        "a los Estados Miembros"
    );
    assert!(!words(Language::Es, "IOM").known);
}

#[test]
fn a_free_entry_that_names_an_office_reads_with_the_in_english_whatever_its_category() {
    let r = with_speakers(
        bare(Language::En),
        vec![
            state("FRA"),
            Party::named(
                "Special Rapporteur on the human rights of migrants",
                Category::Other,
            ),
            Party::named("Migrant Forum in Asia", Category::CivilSociety),
            Party::named("Amnesty International", Category::CivilSociety),
            Party::named("Ms. Ana Pérez", Category::Other),
            Party::named("The Elders", Category::Other),
        ],
    );
    assert_eq!(
        section(&r, Language::En, "speakers").unwrap(),
        "Delegates representing the following countries/offices took the floor: France, the Special \
         Rapporteur on the human rights of migrants, the Migrant Forum in Asia, Amnesty International, \
         Ms. Ana Pérez and The Elders."
    );
    // French and Spanish use a free entry's name as written, as they do for every non-State speaker.
    let fr = section(&r, Language::Fr, "speakers").unwrap();
    assert!(
        fr.contains(", Special Rapporteur on the human rights of migrants, "),
        "{fr}"
    );
}
