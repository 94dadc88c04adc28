//! Every `Edit` variant, its validation, and the projection after each.

use rapporteur_core::{Category, Chair, InterventionKind, MeetingRecord, MeetingStatus, Party};
use rapporteur_store::{Edit, StoreError};

use crate::common::*;

#[tokio::test]
async fn meeting_fields_and_attendance() {
    let (dir, s) = store().await;
    let dir = dir.path();
    let id = s.import_record(&fixture()).await.unwrap();

    let mut m = fixture().meeting;
    m.title = "Network Briefing (revised)".into();
    m.venue = Some("Palais des Nations".into());
    m.end_date = Some(d(2019, 12, 13));
    m.status = MeetingStatus::Final;
    m.chair = Some(Chair {
        state: None,
        name: "A. Chair".into(),
        title: None,
        role: Some("Moderator".into()),
    });
    let r = apply(dir, &s, &id, Edit::SetMeeting { meeting: m.clone() }).await;
    assert_eq!(r.meeting, m);
    m.chair = None;
    m.venue = None;
    let r = apply(dir, &s, &id, Edit::SetMeeting { meeting: m.clone() }).await;
    assert_eq!(r.meeting, m);

    let r = apply(
        dir,
        &s,
        &id,
        Edit::AddDelegation {
            party: state("CIV"),
            present: true,
        },
    )
    .await;
    let civ = r.attendance.delegations[0].id.clone().unwrap();
    let ngo = Party::named("Migrant Forum in Asia", Category::CivilSociety);
    let r = apply(
        dir,
        &s,
        &id,
        Edit::AddDelegation {
            party: ngo.clone(),
            present: false,
        },
    )
    .await;
    assert_eq!(r.attendance.delegations[1].who, ngo);
    assert!(!r.attendance.delegations[1].present);
    let r = apply(
        dir,
        &s,
        &id,
        Edit::SetPresence {
            id: civ.clone(),
            present: false,
        },
    )
    .await;
    assert!(!r.attendance.delegations[0].present);
    let r = apply(dir, &s, &id, Edit::RemoveDelegation { id: civ.clone() }).await;
    assert_eq!(r.attendance.delegations.len(), 1);

    let r = apply(
        dir,
        &s,
        &id,
        Edit::SetGroup {
            category: Category::MemberState,
            label: None,
            count: Some(61),
        },
    )
    .await;
    assert_eq!(r.attendance.groups[0].count, Some(61));
    assert_eq!(r.attendance.groups[0].label, None);
    let r = apply(
        dir,
        &s,
        &id,
        Edit::SetGroup {
            category: Category::ObserverState,
            label: Some("observers".into()),
            count: None,
        },
    )
    .await;
    assert_eq!(r.attendance.groups.len(), 4);
    let r = apply(
        dir,
        &s,
        &id,
        Edit::RemoveGroup {
            category: Category::UnSystem,
        },
    )
    .await;
    let cats: Vec<Category> = r.attendance.groups.iter().map(|g| g.category).collect();
    assert_eq!(
        cats,
        [
            Category::MemberState,
            Category::CivilSociety,
            Category::ObserverState
        ]
    );

    // Refusals name the item or field and change nothing.
    let before = s.record(&id).await.unwrap();
    let mut bad = m.clone();
    bad.end_date = Some(d(2019, 12, 1));
    let e = s
        .edit(&id, Edit::SetMeeting { meeting: bad })
        .await
        .unwrap_err();
    assert!(
        matches!(&e, StoreError::Invalid { field, .. } if field == "meeting.end_date"),
        "{e}"
    );
    let mut bad = m.clone();
    bad.title = " ".into();
    assert!(
        s.edit(&id, Edit::SetMeeting { meeting: bad })
            .await
            .is_err()
    );
    let e = s
        .edit(
            &id,
            Edit::SetPresence {
                id: "nope".into(),
                present: true,
            },
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&e, StoreError::NotFound { kind: "delegation", id, .. } if id == "nope"),
        "{e}"
    );
    assert!(e.to_string().contains(&id), "names the meeting: {e}");
    let e = s
        .edit(
            &id,
            Edit::RemoveGroup {
                category: Category::UnSystem,
            },
        )
        .await
        .unwrap_err();
    assert!(matches!(
        e,
        StoreError::NotFound {
            kind: "attendance group",
            ..
        }
    ));
    let bad_party = Party {
        delegation: None,
        display_name: None,
        name: Some("X".into()),
        category: None,
    };
    let e = s
        .edit(
            &id,
            Edit::AddDelegation {
                party: bad_party,
                present: true,
            },
        )
        .await
        .unwrap_err();
    assert!(e.to_string().contains("party"), "{e}");
    s.edit(
        &id,
        Edit::AddDelegation {
            party: state("FRA"),
            present: true,
        },
    )
    .await
    .unwrap();
    let e = s
        .edit(
            &id,
            Edit::AddDelegation {
                party: state("FRA"),
                present: true,
            },
        )
        .await
        .unwrap_err();
    assert!(e.to_string().contains("FRA"), "{e}");
    let after = s.record(&id).await.unwrap();
    assert_eq!(
        after.attendance.delegations.len(),
        before.attendance.delegations.len() + 1
    );
    assert_eq!(after.meeting, before.meeting);
    assert!(matches!(
        s.edit(
            "missing",
            Edit::RemoveGroup {
                category: Category::Other
            }
        )
        .await,
        Err(StoreError::NotFound {
            kind: "meeting",
            ..
        })
    ));
}

#[tokio::test]
async fn interventions() {
    let (dir, s) = store().await;
    let dir = dir.path();
    let id = s.import_record(&fixture()).await.unwrap();
    let ids = |r: &MeetingRecord| {
        r.interventions
            .0
            .iter()
            .map(|i| i.id.clone().unwrap())
            .collect::<Vec<_>>()
    };
    let orig = ids(&s.record(&id).await.unwrap());

    let r = apply(
        dir,
        &s,
        &id,
        Edit::AddIntervention {
            speaker: state("FRA"),
            at: Some(1),
        },
    )
    .await;
    assert_eq!(r.interventions.0[0].speaker, state("FRA"));
    let fra = r.interventions.0[0].id.clone().unwrap();
    assert_eq!(ids(&r)[1..], orig[..]);
    let r = apply(
        dir,
        &s,
        &id,
        Edit::AddIntervention {
            speaker: state("ESP"),
            at: None,
        },
    )
    .await;
    assert_eq!(r.interventions.0.len(), 12);
    assert_eq!(r.interventions.0[11].order, 12);

    let r = apply(
        dir,
        &s,
        &id,
        Edit::MoveIntervention {
            id: fra.clone(),
            to: 5,
        },
    )
    .await;
    assert_eq!(ids(&r)[4], fra);
    assert_eq!(r.interventions.0[4].order, 5);

    let r = apply(
        dir,
        &s,
        &id,
        Edit::UpdateIntervention {
            id: fra.clone(),
            speaker: Party {
                display_name: Some("France".into()),
                ..state("FRA")
            },
            person: Some("Ms. X".into()),
            time: Some("10:15".into()),
            agenda_item: Some("Item 3".into()),
            kind: InterventionKind::Question,
        },
    )
    .await;
    let iv = &r.interventions.0[4];
    assert_eq!(
        (iv.person.as_deref(), iv.time.as_deref(), iv.kind),
        (Some("Ms. X"), Some("10:15"), InterventionKind::Question)
    );
    assert_eq!(iv.speaker.display_name.as_deref(), Some("France"));

    let r = apply(
        dir,
        &s,
        &id,
        Edit::SetInterventionSummary {
            id: fra.clone(),
            text: "Asked about the Fund.".into(),
        },
    )
    .await;
    assert_eq!(r.interventions.0[4].summary, "Asked about the Fund.");
    let r = apply(dir, &s, &id, Edit::RemoveIntervention { id: fra.clone() }).await;
    assert_eq!(r.interventions.0.len(), 11);
    assert_eq!(ids(&r)[..10], orig[..]);

    let e = s
        .edit(
            &id,
            Edit::MoveIntervention {
                id: orig[0].clone(),
                to: 12,
            },
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&e, StoreError::Invalid { field, .. } if field == "to"),
        "{e}"
    );
    let e = s
        .edit(
            &id,
            Edit::AddIntervention {
                speaker: state("FRA"),
                at: Some(13),
            },
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&e, StoreError::Invalid { field, .. } if field == "at"),
        "{e}"
    );
    let e = s
        .edit(
            &id,
            Edit::UpdateIntervention {
                id: orig[0].clone(),
                speaker: state("ECU"),
                person: None,
                time: Some("25:99".into()),
                agenda_item: None,
                kind: InterventionKind::Statement,
            },
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&e, StoreError::Invalid { field, .. } if field == "time"),
        "{e}"
    );
    let e = s
        .edit(&id, Edit::RemoveIntervention { id: fra.clone() })
        .await
        .unwrap_err();
    assert!(
        matches!(
            &e,
            StoreError::NotFound {
                kind: "intervention",
                ..
            }
        ),
        "{e}"
    );
}

#[tokio::test]
async fn a_delegation_is_renamed_for_the_meeting_and_the_summary_titled() {
    let (dir, s) = store().await;
    let dir = dir.path();
    let id = s.import_record(&fixture()).await.unwrap();
    let add = |party: Party| Edit::AddDelegation {
        party,
        present: true,
    };
    let r = apply(dir, &s, &id, add(state("GBR"))).await;
    let gbr = r.attendance.delegations[0].id.clone().unwrap();
    let r = apply(
        dir,
        &s,
        &id,
        add(Party::named("UN Netwrk", Category::UnSystem)),
    )
    .await;
    let free = r.attendance.delegations[1].id.clone().unwrap();

    let mut uk = state("GBR");
    uk.display_name = Some("UK".into());
    let r = apply(
        dir,
        &s,
        &id,
        Edit::UpdateDelegation {
            id: gbr.clone(),
            party: uk.clone(),
        },
    )
    .await;
    assert_eq!(r.attendance.delegations[0].who, uk);
    assert!(r.attendance.delegations[0].present, "presence is kept");
    let fixed = Party::named(
        "UN Network on Migration",
        Category::IntergovernmentalOrganization,
    );
    let r = apply(
        dir,
        &s,
        &id,
        Edit::UpdateDelegation {
            id: free.clone(),
            party: fixed.clone(),
        },
    )
    .await;
    assert_eq!(r.attendance.delegations[1].who, fixed);
    // A row cannot become a State another row already names.
    let err = s
        .edit(
            &id,
            Edit::UpdateDelegation {
                id: free,
                party: state("GBR"),
            },
        )
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid { .. }), "{err}");

    let r = apply(
        dir,
        &s,
        &id,
        Edit::SetSummaryTitle {
            title: Some("Summary of the briefing".into()),
        },
    )
    .await;
    let summary = |r: &MeetingRecord| {
        r.documents
            .iter()
            .find(|d| d.kind == rapporteur_core::DocumentKind::Summary)
            .and_then(|d| d.title.clone())
    };
    assert_eq!(summary(&r).as_deref(), Some("Summary of the briefing"));
    let r = apply(
        dir,
        &s,
        &id,
        Edit::SetSummaryTitle {
            title: Some("  ".into()),
        },
    )
    .await;
    assert_eq!(summary(&r), None);
}
