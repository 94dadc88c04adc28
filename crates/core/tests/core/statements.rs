//! Statement references say whether the statement was delivered, and two-day meetings read "12 and 13".

use rapporteur_core::draft::lang::{date_range, when};
use rapporteur_core::*;

use crate::draft::{bare, date, section};

fn statement(speaker: Option<&str>, delivered_on: Option<&str>) -> Document {
    Document {
        id: Some("s1".into()),
        kind: DocumentKind::Statement,
        title: Some("Statement by the Chair".into()),
        body: String::new(),
        speaker: speaker.map(str::to_owned),
        delivered_on: delivered_on.map(date),
    }
}

#[test]
fn a_statement_is_delivered_only_with_a_delivery_date() {
    let cases = [
        (
            Some("Ms. Amina Mohammed"),
            None,
            [
                "The statement by the Chair, Ms. Amina Mohammed, yet to be delivered, is available [here](#statement-s1).",
                "La déclaration «\u{a0}Statement by the Chair\u{a0}», que doit prononcer Ms. Amina Mohammed, est disponible [ici](#statement-s1).",
                "La declaración «Statement by the Chair», que pronunciará Ms. Amina Mohammed, está disponible [aquí](#statement-s1).",
            ],
        ),
        (
            Some("Ms. Amina Mohammed"),
            Some("2019-12-12"),
            [
                "The statement by the Chair, Ms. Amina Mohammed, delivered on 12 December 2019, is available [here](#statement-s1).",
                "La déclaration «\u{a0}Statement by the Chair\u{a0}» prononcée par Ms. Amina Mohammed le 12 décembre 2019 est disponible [ici](#statement-s1).",
                "La declaración «Statement by the Chair» pronunciada por Ms. Amina Mohammed el 12 de diciembre de 2019 está disponible [aquí](#statement-s1).",
            ],
        ),
        (
            None,
            Some("2019-12-01"),
            [
                "The statement by the Chair delivered on 1 December 2019 is available [here](#statement-s1).",
                "La déclaration «\u{a0}Statement by the Chair\u{a0}» prononcée le 1er décembre 2019 est disponible [ici](#statement-s1).",
                "La declaración «Statement by the Chair» pronunciada el 1 de diciembre de 2019 está disponible [aquí](#statement-s1).",
            ],
        ),
        (
            None,
            None,
            [
                "The statement by the Chair is available [here](#statement-s1).",
                "La déclaration «\u{a0}Statement by the Chair\u{a0}» est disponible [ici](#statement-s1).",
                "La declaración «Statement by the Chair» está disponible [aquí](#statement-s1).",
            ],
        ),
    ];
    for (speaker, delivered, expected) in cases {
        for (lang, want) in [Language::En, Language::Fr, Language::Es]
            .into_iter()
            .zip(expected)
        {
            let mut r = bare(lang);
            r.documents = vec![statement(speaker, delivered)];
            assert_eq!(section(&r, lang, "statements").unwrap(), want);
        }
    }
    // A title with Markdown in it is escaped once, not twice.
    let mut r = bare(Language::En);
    let mut s = statement(None, None);
    s.title = Some("Statement *draft*".into());
    r.documents = vec![s];
    assert_eq!(
        section(&r, Language::En, "statements").unwrap(),
        "The statement \\*draft\\* is available [here](#statement-s1)."
    );
}

/// The statement line of `title`/`speaker` delivered on 12 December 2019, drafted in `lang` from a meeting held in
/// `meeting_lang`.
fn delivered(meeting_lang: Language, lang: Language, title: &str, speaker: &str) -> String {
    let mut r = bare(meeting_lang);
    let mut s = statement(Some(speaker), Some("2019-12-12"));
    s.title = Some(title.into());
    r.documents = vec![s];
    section(&r, lang, "statements").unwrap()
}

#[test]
fn a_speaker_the_title_already_names_is_not_repeated() {
    // The title has the speaker's name: the name is not added again, in any template language.
    let title = "Statement by António Vitorino";
    for (lang, want) in [
        (
            Language::En,
            "The statement by António Vitorino delivered on 12 December 2019 is available [here](#statement-s1).",
        ),
        (
            Language::Fr,
            "La déclaration «\u{a0}Statement by António Vitorino\u{a0}» prononcée le 12 décembre 2019 est disponible [ici](#statement-s1).",
        ),
        (
            Language::Es,
            "La declaración «Statement by António Vitorino» pronunciada el 12 de diciembre de 2019 está disponible [aquí](#statement-s1).",
        ),
    ] {
        assert_eq!(
            delivered(Language::En, lang, title, "Antonio VITORINO"),
            want
        );
    }
    // The title names the speaker by office, in the meeting's language: the person reads in apposition.
    assert_eq!(
        delivered(
            Language::En,
            Language::En,
            "Statement by the Network Coordinator",
            "António Vitorino"
        ),
        "The statement by the Network Coordinator, António Vitorino, delivered on 12 December 2019, is available [here](#statement-s1)."
    );
    assert_eq!(
        delivered(
            Language::Fr,
            Language::En,
            "Déclaration du Coordonnateur du Réseau",
            "António Vitorino"
        ),
        "The déclaration du Coordonnateur du Réseau, António Vitorino, delivered on 12 December 2019, is available [here](#statement-s1)."
    );
    assert_eq!(
        delivered(
            Language::Es,
            Language::En,
            "Declaración de la Presidencia",
            "Ana Pérez"
        ),
        "The declaración de la Presidencia, Ana Pérez, delivered on 12 December 2019, is available [here](#statement-s1)."
    );
    // A title that names nobody keeps "delivered by"; so does a name merely sharing a word with the title.
    assert_eq!(
        delivered(
            Language::En,
            Language::En,
            "Opening statement",
            "António Vitorino"
        ),
        "The opening statement delivered by António Vitorino on 12 December 2019 is available [here](#statement-s1)."
    );
    assert_eq!(
        delivered(
            Language::Fr,
            Language::En,
            "Message sur la migration",
            "Ana"
        ),
        "The message sur la migration delivered by Ana on 12 December 2019 is available [here](#statement-s1)."
    );
}

#[test]
fn two_day_meetings_name_both_days() {
    let (a, b) = (date("2019-12-12"), date("2019-12-13"));
    assert_eq!(when(Language::En, a, Some(b)), "on 12 and 13 December 2019");
    assert_eq!(when(Language::Fr, a, Some(b)), "les 12 et 13 décembre 2019");
    assert_eq!(
        when(Language::Fr, date("2019-12-01"), Some(date("2019-12-02"))),
        "les 1er et 2 décembre 2019"
    );
    assert_eq!(
        when(Language::Es, a, Some(b)),
        "los días 12 y 13 de diciembre de 2019"
    );
    // Across a month or a year: a range in full.
    assert_eq!(
        when(Language::En, date("2019-11-30"), Some(date("2019-12-01"))),
        "from 30 November to 1 December 2019"
    );
    assert_eq!(
        when(Language::En, date("2019-12-31"), Some(date("2020-01-01"))),
        "from 31 December 2019 to 1 January 2020"
    );

    assert_eq!(
        date_range(Language::En, a, Some(b)),
        "12 and 13 December 2019"
    );
    assert_eq!(
        date_range(Language::Fr, a, Some(b)),
        "12 et 13 décembre 2019"
    );
    assert_eq!(
        date_range(Language::Es, a, Some(b)),
        "12 y 13 de diciembre de 2019"
    );
    let c = date("2019-12-10");
    assert_eq!(
        date_range(Language::En, c, Some(a)),
        "10\u{2013}12 December 2019"
    );
    assert_eq!(
        date_range(Language::Es, c, Some(a)),
        "10 a 12 de diciembre de 2019"
    );
    assert_eq!(
        date_range(Language::En, date("2019-11-30"), Some(a)),
        "30 November 2019 \u{2013} 12 December 2019"
    );

    for (lang, heading, opening) in [
        (
            Language::En,
            "\n\n12 and 13 December 2019",
            "on 12 and 13 December 2019.",
        ),
        (
            Language::Fr,
            "\n\n12 et 13 décembre 2019",
            "les 12 et 13 décembre 2019.",
        ),
        (
            Language::Es,
            "\n\n12 y 13 de diciembre de 2019",
            "los días 12 y 13 de diciembre de 2019.",
        ),
    ] {
        let mut r = bare(lang);
        r.meeting.end_date = Some(b);
        let h = section(&r, lang, "heading").unwrap();
        assert!(h.ends_with(heading), "{h}");
        let o = section(&r, lang, "opening").unwrap();
        assert!(o.contains(opening), "{o}");
    }
}
