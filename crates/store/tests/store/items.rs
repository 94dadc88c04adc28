//! Edits of action items, related meetings and documents; creating a meeting; the IPC shape of edits.

use rapporteur_core::{
    ActionItem, ActionKind, ActionStatus, Category, DocumentKind, RelatedMeeting,
};
use rapporteur_store::{Edit, StoreError};

use crate::common::*;

#[tokio::test]
async fn actions_related_and_documents() {
    let (dir, s) = store().await;
    let dir = dir.path();
    let id = s.import_record(&fixture()).await.unwrap();
    let item = ActionItem {
        adoption: None,
        agenda_item: None,
        due_month: None,
        id: None,
        kind: ActionKind::Commitment,
        from: "Network".into(),
        to: "Member States".into(),
        text: "Circulate the workplan.".into(),
        due: Some(d(2020, 1, 31)),
        status: ActionStatus::Open,
    };
    let r = apply(dir, &s, &id, Edit::AddAction { item: item.clone() }).await;
    let added = r.action_items.last().unwrap().clone();
    let aid = added.id.clone().unwrap();
    assert_eq!(ActionItem { id: None, ..added }, item);
    let done = ActionItem {
        status: ActionStatus::Done,
        due: None,
        ..item.clone()
    };
    let r = apply(
        dir,
        &s,
        &id,
        Edit::UpdateAction {
            id: aid.clone(),
            item: done.clone(),
        },
    )
    .await;
    assert_eq!(
        ActionItem {
            id: None,
            ..r.action_items[7].clone()
        },
        done
    );
    let r = apply(dir, &s, &id, Edit::RemoveAction { id: aid.clone() }).await;
    assert_eq!(r.action_items.len(), 7);
    let e = s
        .edit(
            &id,
            Edit::UpdateAction {
                id: aid.clone(),
                item: done.clone(),
            },
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            &e,
            StoreError::NotFound {
                kind: "action item",
                ..
            }
        ),
        "{e}"
    );
    let e = s
        .edit(
            &id,
            Edit::AddAction {
                item: ActionItem {
                    text: "".into(),
                    ..item.clone()
                },
            },
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&e, StoreError::Invalid { field, .. } if field == "item.text"),
        "{e}"
    );

    let rel = RelatedMeeting {
        title: "Regional review".into(),
        date: Some(d(2020, 3, 1)),
        outcome: None,
        time: Some("10:00".into()),
        venue: Some("Conference Room XVII".into()),
    };
    let r = apply(dir, &s, &id, Edit::AddRelated { item: rel.clone() }).await;
    assert_eq!(r.related_meetings[3], rel);
    let rel2 = RelatedMeeting {
        outcome: Some("Held.".into()),
        ..rel.clone()
    };
    let r = apply(
        dir,
        &s,
        &id,
        Edit::UpdateRelated {
            index: 3,
            item: rel2.clone(),
        },
    )
    .await;
    assert_eq!(r.related_meetings[3], rel2);
    let r = apply(dir, &s, &id, Edit::RemoveRelated { index: 0 }).await;
    assert_eq!(r.related_meetings.len(), 3);
    assert_eq!(r.related_meetings[2], rel2);
    assert!(matches!(
        s.edit(&id, Edit::RemoveRelated { index: 3 }).await,
        Err(StoreError::NotFound {
            kind: "related meeting",
            ..
        })
    ));

    // The summary appears on first set, as document 0.
    assert_eq!(s.doc_get(&id, DocumentKind::Summary, 0).await.unwrap(), "");
    let r = apply(
        dir,
        &s,
        &id,
        Edit::SetDocument {
            kind: DocumentKind::Summary,
            index: 0,
            body: "# Summary\n".into(),
        },
    )
    .await;
    assert_eq!(r.documents[0].kind, DocumentKind::Summary);
    assert_eq!(r.documents[0].body, "# Summary\n");
    assert!(
        s.edit(
            &id,
            Edit::SetDocument {
                kind: DocumentKind::Summary,
                index: 1,
                body: "x".into()
            }
        )
        .await
        .is_err()
    );

    let r = apply(
        dir,
        &s,
        &id,
        Edit::AddStatement {
            title: Some("Closing".into()),
            speaker: Some("Chair".into()),
        },
    )
    .await;
    assert_eq!(r.documents.len(), 3);
    assert_eq!(r.documents[2].title.as_deref(), Some("Closing"));
    let r = apply(
        dir,
        &s,
        &id,
        Edit::SetDocument {
            kind: DocumentKind::Statement,
            index: 1,
            body: "Thank you.".into(),
        },
    )
    .await;
    assert_eq!(r.documents[2].body, "Thank you.");
    assert_eq!(
        s.doc_get(&id, DocumentKind::Statement, 1).await.unwrap(),
        "Thank you."
    );
    let r = apply(
        dir,
        &s,
        &id,
        Edit::UpdateStatement {
            index: 1,
            title: None,
            speaker: Some("Coordinator".into()),
            delivered_on: Some(d(2019, 12, 12)),
        },
    )
    .await;
    let st = &r.documents[2];
    assert_eq!(
        (st.title.as_deref(), st.speaker.as_deref(), st.delivered_on),
        (None, Some("Coordinator"), Some(d(2019, 12, 12)))
    );
    let r = apply(dir, &s, &id, Edit::RemoveStatement { index: 0 }).await;
    assert_eq!(r.documents.len(), 2);
    assert_eq!(r.documents[1].body, "Thank you.");
    let e = s
        .edit(
            &id,
            Edit::SetDocument {
                kind: DocumentKind::Statement,
                index: 5,
                body: "x".into(),
            },
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&e, StoreError::NotFound { kind: "statement", id: i, .. } if i == "5"),
        "{e}"
    );
    assert!(s.doc_get(&id, DocumentKind::Statement, 5).await.is_err());
}

#[tokio::test]
async fn create_meeting_then_build_it_up() {
    let (dir, s) = store().await;
    let mut m = fixture().meeting;
    m.title = "Informal consultation".into();
    let id = s.create_meeting(m.clone()).await.unwrap();
    let r = s.record(&id).await.unwrap();
    assert_eq!(r.meeting, m);
    assert!(r.interventions.0.is_empty() && r.documents.is_empty());
    apply(
        dir.path(),
        &s,
        &id,
        Edit::AddIntervention {
            speaker: state("BRA"),
            at: Some(1),
        },
    )
    .await;
    assert_eq!(s.list_meetings().await.unwrap()[0].interventions, 1);
}

#[test]
fn edits_cross_ipc_as_tagged_json() {
    let e: Edit = serde_json::from_str(r#"{"op":"move_intervention","id":"x","to":3}"#).unwrap();
    assert_eq!(
        e,
        Edit::MoveIntervention {
            id: "x".into(),
            to: 3
        }
    );
    let json = serde_json::to_value(Edit::RemoveGroup {
        category: Category::CivilSociety,
    })
    .unwrap();
    assert_eq!(
        json,
        serde_json::json!({"op": "remove_group", "category": "civil_society"})
    );
}
