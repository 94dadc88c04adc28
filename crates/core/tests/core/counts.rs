//! Attendance counts in words: a category of 1 in the singular whatever label the record gives, and UN
//! style's words for one to nine.

use rapporteur_core::*;

use crate::draft::{bare, example, plain, section};

fn group(category: Category, label: Option<&str>, count: u32) -> AttendanceGroup {
    AttendanceGroup {
        category,
        label: label.map(str::to_owned),
        count: Some(count),
    }
}

#[test]
fn the_example_labels_with_counts_of_one_are_singular() {
    let mut r = example();
    for g in &mut r.attendance.groups {
        g.count = Some(1);
    }
    let en = section(&r, Language::En, "opening").unwrap();
    assert!(
        en.ends_with(
            "attended by one Member State, one representative of the United Nations system and one \
             representative of civil society."
        ),
        "{en}"
    );
    // In French and Spanish the record's English labels give way to the built-in terms anyway.
    let fr = section(&r, Language::Fr, "opening").unwrap();
    assert!(
        fr.ends_with(
            "un État Membre, un représentant du système des Nations Unies et un représentant de la \
             société civile."
        ),
        "{fr}"
    );
}

#[test]
fn a_label_can_give_its_singular() {
    let mut r = bare(Language::En);
    r.attendance.groups = vec![
        group(
            Category::UnSystem,
            Some("UN Network representative | UN Network representatives"),
            1,
        ),
        group(
            Category::CivilSociety,
            Some("colleague from civil society|colleagues from civil society"),
            3,
        ),
    ];
    let en = plain(&r, Language::En);
    assert!(
        en.contains(
            "attended by one UN Network representative and three colleagues from civil society."
        ),
        "{en}"
    );
    assert!(!en.contains('|'), "{en}");

    r.attendance.groups[1].count = Some(19);
    let en = plain(&r, Language::En);
    assert!(
        en.contains(
            "attended by 1 UN Network representative and 19 colleagues from civil society."
        ),
        "a series with a number over nine keeps figures: {en}"
    );
}

#[test]
fn french_and_spanish_one_agrees_only_where_the_gender_is_known() {
    let mut r = bare(Language::Fr);
    r.attendance.groups = vec![
        group(Category::MemberState, None, 1),
        group(Category::UnSystem, None, 4),
    ];
    let fr = plain(&r, Language::Fr);
    assert!(
        fr.contains("un État Membre et quatre représentants du système des Nations Unies."),
        "{fr}"
    );
    // A label of the record's own: its gender is unknown ("un" or "une"), so figures.
    r.attendance.groups[1] = group(
        Category::CivilSociety,
        Some("personne de la société civile|personnes de la société civile"),
        1,
    );
    let fr = plain(&r, Language::Fr);
    assert!(
        fr.contains("1\u{a0}État Membre et 1\u{a0}personne de la société civile.")
            || fr.contains("1 État Membre et 1 personne de la société civile."),
        "{fr}"
    );

    let mut r = bare(Language::Es);
    r.attendance.groups = vec![
        group(Category::MemberState, None, 2),
        group(Category::CivilSociety, None, 1),
    ];
    let es = plain(&r, Language::Es);
    assert!(
        es.contains("dos Estados Miembros y un representante de la sociedad civil."),
        "{es}"
    );
    // Drafting in another language than the record's ignores its labels.
    r.meeting.language = Language::En;
    r.attendance.groups[1].label = Some("colleague|colleagues".into());
    assert!(plain(&r, Language::Es).contains("un representante de la sociedad civil"));
}
