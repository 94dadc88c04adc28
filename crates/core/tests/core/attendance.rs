use rapporteur_core::{
    Attendance, AttendanceGroup, AttendingDelegation, Category, CategoryCount, DelegationCode,
    Party, parse_record,
};

use crate::EXAMPLE;

fn delegation(who: Party, present: bool) -> AttendingDelegation {
    AttendingDelegation {
        id: None,
        who,
        present,
        persons: Vec::new(),
    }
}

fn state(code: &str, present: bool) -> AttendingDelegation {
    delegation(Party::state(DelegationCode::parse(code).unwrap()), present)
}

fn group(category: Category, label: Option<&str>, count: Option<u32>) -> AttendanceGroup {
    AttendanceGroup {
        category,
        label: label.map(str::to_owned),
        count,
    }
}

fn summary(counts: &[CategoryCount]) -> Vec<(Category, Option<&str>, u32, bool)> {
    counts
        .iter()
        .map(|c| (c.category, c.label.as_deref(), c.count, c.explicit))
        .collect()
}

#[test]
fn example_counts_are_the_explicit_headcounts() {
    let r = parse_record("example.json", EXAMPLE.as_bytes()).unwrap();
    assert_eq!(
        summary(&r.attendance.counts()),
        [
            (Category::MemberState, Some("Member States"), 60, true),
            (
                Category::UnSystem,
                Some("UN Network representatives"),
                22,
                true
            ),
            (
                Category::CivilSociety,
                Some("colleagues from civil society"),
                19,
                true
            ),
        ]
    );
}

#[test]
fn counts_present_named_delegations_when_no_count_is_given() {
    let a = Attendance {
        groups: vec![group(Category::MemberState, Some("delegations"), None)],
        delegations: vec![
            state("FRA", true),
            state("DEU", true),
            state("ECU", false),
            state("VAT", true),
            delegation(Party::named("IOM", Category::UnSystem), true),
            delegation(Party::named("UNHCR", Category::UnSystem), true),
            delegation(Party::named("OHCHR", Category::UnSystem), false),
        ],
    };
    assert_eq!(
        summary(&a.counts()),
        [
            (Category::MemberState, Some("delegations"), 2, false),
            (Category::ObserverState, None, 1, false),
            (Category::UnSystem, None, 2, false),
        ]
    );
}

#[test]
fn explicit_count_wins_over_named_delegations_and_groups_add_up() {
    let a = Attendance {
        groups: vec![
            group(Category::CivilSociety, None, Some(5)),
            group(Category::MemberState, None, Some(40)),
            group(Category::CivilSociety, Some("NGOs"), Some(3)),
        ],
        delegations: vec![state("FRA", true), state("DEU", true)],
    };
    assert_eq!(
        summary(&a.counts()),
        [
            (Category::CivilSociety, Some("NGOs"), 8, true),
            (Category::MemberState, None, 40, true)
        ]
    );
}

#[test]
fn empty_attendance_has_no_counts_and_a_bare_group_counts_zero() {
    assert!(Attendance::default().counts().is_empty());
    let a = Attendance {
        groups: vec![group(Category::Other, Some("press"), None)],
        delegations: vec![],
    };
    assert_eq!(
        summary(&a.counts()),
        [(Category::Other, Some("press"), 0, false)]
    );
}

#[test]
fn a_free_entry_categorised_as_a_state_counts_as_one() {
    let a = Attendance {
        groups: vec![],
        delegations: vec![
            delegation(Party::named("Kosovo", Category::Other), true),
            state("PSE", true),
        ],
    };
    assert_eq!(
        summary(&a.counts()),
        [
            (Category::ObserverState, None, 1, false),
            (Category::Other, None, 1, false)
        ]
    );
}
