//! The rest of format @2 in the store: positions, podium remarks and announcements are replaced whole by
//! `SetFloor`, a speaker's role and a delegation's persons have their own edits, and each edit refuses what
//! import refuses (an answer to no intervention, a second head, an agenda item not on the agenda).

use rapporteur_core::{
    Announcement, Holders, MeetingRecord, Person, Position, Remark, RemarkKind, parse_record,
};
use rapporteur_store::{Edit, HitKind, StoreError};

use crate::common::*;

const PLENARY: &str = include_str!("../../../../tests/fixtures/cd-plenary-2020-02-25.json");

fn plenary() -> MeetingRecord {
    parse_record("cd-plenary.json", PLENARY.as_bytes()).unwrap()
}

fn refused_at(e: StoreError, want: &str) -> String {
    match e {
        StoreError::Invalid { field, message, .. } if field == want => message,
        other => panic!("expected Invalid at {want}, got {other}"),
    }
}

fn floor(r: &MeetingRecord) -> Edit {
    Edit::SetFloor {
        positions: r.positions.clone(),
        remarks: r.remarks.clone(),
        announcements: r.announcements.clone(),
    }
}

#[tokio::test]
async fn set_floor_replaces_the_three_lists_and_checks_them() {
    let (_d, s) = store().await;
    let id = s.import_record(&plenary()).await.unwrap();
    let mut r = s.record(&id).await.unwrap();
    let question = r.interventions.0[2].id.clone().unwrap();
    r.positions = vec![Position {
        holders: Holders::ManyDelegations,
        text: "expressed concern".into(),
        agenda_item: Some("3".into()),
    }];
    r.remarks.push(Remark {
        kind: RemarkKind::Answer,
        by: "the Secretary-General of the Conference".into(),
        person: None,
        in_reply_to: Some(question.clone()),
        agenda_item: None,
        summary: String::new(),
    });
    r.announcements.clear();
    let back = s.edit(&id, floor(&r)).await.unwrap();
    assert_eq!(back.positions, r.positions);
    assert_eq!(back.remarks, r.remarks);
    assert!(back.announcements.is_empty());

    let mut bad = r.clone();
    bad.remarks[2].in_reply_to = Some("gone".into());
    let e = s.edit(&id, floor(&bad)).await.unwrap_err();
    assert!(refused_at(e, "remarks[2].in_reply_to").contains("\"gone\""));
    let mut bad = r.clone();
    bad.positions[0].agenda_item = Some("9".into());
    let e = s.edit(&id, floor(&bad)).await.unwrap_err();
    assert!(refused_at(e, "positions[0].agenda_item").contains("not on the meeting's agenda"));
    let mut bad = r.clone();
    bad.announcements.push(Announcement {
        by: None,
        text: " ".into(),
        agenda_item: None,
    });
    let e = s.edit(&id, floor(&bad)).await.unwrap_err();
    refused_at(e, "announcements[0].text");
    assert_eq!(
        s.record(&id).await.unwrap().remarks,
        r.remarks,
        "refusals change nothing"
    );
}

#[tokio::test]
async fn role_and_persons_have_their_own_edits() {
    let (_d, s) = store().await;
    let id = s.import_record(&plenary()).await.unwrap();
    let r = s.record(&id).await.unwrap();
    let ecuador = r.interventions.0[0].id.clone().unwrap();
    let back = s
        .edit(
            &id,
            Edit::SetInterventionRole {
                id: ecuador.clone(),
                role: Some("panellist".into()),
            },
        )
        .await
        .unwrap();
    assert_eq!(back.interventions.0[0].role.as_deref(), Some("panellist"));

    let tunisia = r.attendance.delegations[0].id.clone().unwrap();
    let persons = vec![
        Person {
            name: "Ms. Lina Haddad".into(),
            function: Some("Permanent Representative".into()),
            head: true,
        },
        Person {
            name: "Mr. Sami Trabelsi".into(),
            function: None,
            head: false,
        },
    ];
    let back = s
        .edit(
            &id,
            Edit::SetDelegationPersons {
                id: tunisia.clone(),
                persons: persons.clone(),
            },
        )
        .await
        .unwrap();
    assert_eq!(back.attendance.delegations[0].persons, persons);
    let mut two_heads = persons.clone();
    two_heads[1].head = true;
    let e = s
        .edit(
            &id,
            Edit::SetDelegationPersons {
                id: tunisia,
                persons: two_heads,
            },
        )
        .await
        .unwrap_err();
    assert!(refused_at(e, "persons[1].head").contains("at most one head"));
}

#[tokio::test]
async fn search_finds_what_was_said_besides_the_speakers_list() {
    let (_d, s) = store().await;
    let id = s.import_record(&plenary()).await.unwrap();
    let r = s.record(&id).await.unwrap();
    for (query, kind) in [
        ("implementation plan", HitKind::Meeting),
        ("Valovaya", HitKind::Meeting),
        ("fissile", HitKind::Meeting),
        ("Haddad", HitKind::Delegation),
        ("Karim", HitKind::Delegation),
    ] {
        let hits = s.search(query, 20).await.unwrap();
        assert!(
            hits.iter().any(|h| h.meeting_id == id && h.kind == kind),
            "{query}: {hits:?}"
        );
    }
    let hits = s.search("member of the delegation", 20).await.unwrap();
    assert!(
        hits.iter().any(|h| h.item_id == r.interventions.0[2].id),
        "the role is found with its intervention: {hits:?}"
    );
}
