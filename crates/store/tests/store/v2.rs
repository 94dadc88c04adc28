//! Format @2 in the store: every new member is kept in the meeting's document and read back, edits check
//! them, the tracker sees month deadlines, and the previous release's edits keep what it does not know.

use loro::{Container, LoroDoc, LoroValue, ValueOrContainer};
use rapporteur_core::{
    DelegationCode, GroupCode, GroupRef, MeetingRecord, YearMonth, parse_record,
};
use rapporteur_store::{ActionFilter, Edit, StoreError};

use crate::common::*;

const PLENARY: &str = include_str!("../../../../tests/fixtures/cd-plenary-2020-02-25.json");

fn plenary() -> MeetingRecord {
    parse_record("cd-plenary.json", PLENARY.as_bytes()).unwrap()
}

fn invalid(e: StoreError, want: &str) -> String {
    match e {
        StoreError::Invalid { field, message, .. } if field == want => message,
        other => panic!("expected Invalid at {want}, got {other}"),
    }
}

#[tokio::test]
async fn every_new_member_is_stored_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let r = plenary();
    let id = {
        let s = open(dir.path()).await;
        let id = s.import_record(&r).await.unwrap();
        s.close().await;
        id
    };
    let s = open(dir.path()).await;
    assert_eq!(normalise(&s.record(&id).await.unwrap()), normalise(&r));
}

#[tokio::test]
async fn a_meeting_stored_from_an_at_1_record_reads_as_before() {
    let (_d, s) = store().await;
    let id = s.import_record(&fixture()).await.unwrap();
    let back = s.record(&id).await.unwrap();
    assert_eq!(normalise(&back), normalise(&fixture()));
    assert!(back.meeting.agenda.is_empty() && back.meeting.session.is_none());
}

#[tokio::test]
async fn on_behalf_of_has_its_own_edit_which_update_intervention_leaves_alone() {
    let (_d, s) = store().await;
    let id = s.import_record(&plenary()).await.unwrap();
    let r = s.record(&id).await.unwrap();
    let usa = r.interventions.0[2].clone();
    let group = GroupRef::builtin(GroupCode::parse("western-european-other-states").unwrap());
    let also = vec![DelegationCode::parse("CAN").unwrap()];
    let r = s
        .edit(
            &id,
            Edit::SetInterventionBehalf {
                id: usa.id.clone().unwrap(),
                on_behalf_of: Some(group.clone()),
                also_on_behalf_of: also.clone(),
            },
        )
        .await
        .unwrap();
    assert_eq!(r.interventions.0[2].on_behalf_of.as_ref(), Some(&group));
    let r = s
        .edit(
            &id,
            Edit::UpdateIntervention {
                id: usa.id.clone().unwrap(),
                speaker: usa.speaker.clone(),
                person: Some("Mr. Jones".into()),
                time: None,
                agenda_item: Some("3".into()),
                kind: usa.kind,
            },
        )
        .await
        .unwrap();
    let iv = &r.interventions.0[2];
    assert_eq!(
        (iv.on_behalf_of.as_ref(), &iv.also_on_behalf_of),
        (Some(&group), &also)
    );
    assert_eq!(iv.person.as_deref(), Some("Mr. Jones"));

    let twice = Edit::SetInterventionBehalf {
        id: usa.id.clone().unwrap(),
        on_behalf_of: None,
        also_on_behalf_of: vec![also[0].clone(), also[0].clone()],
    };
    let e = s.edit(&id, twice).await.unwrap_err();
    assert!(invalid(e, "also_on_behalf_of[1]").contains("appears twice"));
}

#[tokio::test]
async fn edits_check_agenda_references_deadlines_and_adoptions() {
    let (_d, s) = store().await;
    let id = s.import_record(&plenary()).await.unwrap();
    let r = s.record(&id).await.unwrap();
    let iv = r.interventions.0[0].clone();
    let e = s
        .edit(
            &id,
            Edit::UpdateIntervention {
                id: iv.id.clone().unwrap(),
                speaker: iv.speaker.clone(),
                person: None,
                time: None,
                agenda_item: Some("7".into()),
                kind: iv.kind,
            },
        )
        .await
        .unwrap_err();
    assert!(invalid(e, "agenda_item").contains("\"7\" is not on the meeting's agenda"));

    // Dropping item 3, under which speakers spoke, is refused; renaming it is not.
    let mut meeting = r.meeting.clone();
    meeting.agenda.truncate(1);
    let e = s.edit(&id, Edit::SetMeeting { meeting }).await.unwrap_err();
    assert!(invalid(e, "meeting.agenda").contains("refers to an item it drops"));
    let mut meeting = r.meeting.clone();
    meeting.agenda[1].title = "Outer space".into();
    let r = s.edit(&id, Edit::SetMeeting { meeting }).await.unwrap();
    assert_eq!(r.meeting.agenda[1].title, "Outer space");

    let mut meeting = r.meeting.clone();
    meeting.agenda[1].number = "1".into();
    let e = s.edit(&id, Edit::SetMeeting { meeting }).await.unwrap_err();
    assert!(invalid(e, "meeting.agenda[1].number").contains("appears twice"));

    let mut item = r.action_items[0].clone();
    item.adoption = r.action_items[1].adoption.clone();
    let e = s.edit(&id, Edit::AddAction { item }).await.unwrap_err();
    assert!(invalid(e, "item.adoption").contains("only to decisions"));
    let mut item = r.action_items[1].clone();
    if let Some(a) = item.adoption.as_mut() {
        a.yes = None;
    }
    let e = s.edit(&id, Edit::AddAction { item }).await.unwrap_err();
    assert!(invalid(e, "item.adoption").contains("needs `yes`, `no` and `abstentions`"));

    let mut item = r.action_items[0].clone();
    item.due = Some("2020-04-30".parse().unwrap());
    let e = s.edit(&id, Edit::AddAction { item }).await.unwrap_err();
    assert!(invalid(e, "item.due_month").contains("not both"));
}

#[tokio::test]
async fn the_tracker_shows_month_deadlines_and_when_they_are_overdue() {
    let (_d, s) = store().await;
    let id = s.import_record(&plenary()).await.unwrap();
    let filter = ActionFilter::default();
    let in_april = s
        .actions_as_of(&filter, "2020-04-30".parse().unwrap())
        .await
        .unwrap();
    let first = &in_april[0];
    assert_eq!(first.meeting_id, id);
    assert_eq!(
        first.item.due_month,
        Some(YearMonth::parse("2020-04").unwrap())
    );
    assert_eq!(first.item.agenda_item.as_deref(), Some("1"));
    assert!(!first.overdue, "due by the end of April");
    let voted = in_april
        .iter()
        .find(|t| t.item.adoption.is_some())
        .expect("the decisions keep how they were adopted");
    assert_eq!(voted.item.adoption, plenary().action_items[1].adoption);
    let in_may = s
        .actions_as_of(&filter, "2020-05-01".parse().unwrap())
        .await
        .unwrap();
    assert!(in_may[0].overdue);
}

fn map_at(doc: &LoroDoc, list: &str, i: usize) -> loro::LoroMap {
    match doc.get_movable_list(list).get(i) {
        Some(ValueOrContainer::Container(Container::Map(m))) => m,
        other => panic!("{list}[{i}] is {other:?}"),
    }
}

/// The previous release reads only the keys it knows and writes only those: here its edits are made on the
/// document by hand, key by key as its writer makes them (the chair rewritten whole, an intervention's and an
/// action item's known fields set), and every @2 member must still be there after they merge.
#[tokio::test]
async fn previous_release_edits_keep_the_new_keys() {
    let (_d, s) = store().await;
    let id = s.import_record(&plenary()).await.unwrap();
    let snapshot = s.export_snapshot(&id).await.unwrap();
    let old = LoroDoc::new();
    old.import(&snapshot.payload).unwrap();
    let from = old.oplog_vv();

    let chair: Vec<(String, LoroValue)> = vec![
        ("name".into(), "Ambassador L. Haddad".into()),
        ("role".into(), "President of the Conference".into()),
    ];
    let meeting = old.get_map("meeting");
    meeting
        .insert(
            "chair",
            LoroValue::Map(
                chair
                    .into_iter()
                    .collect::<std::collections::HashMap<_, _>>()
                    .into(),
            ),
        )
        .unwrap();
    meeting
        .insert("title", "Plenary meeting (renamed)")
        .unwrap();
    let iv = map_at(&old, "interventions", 0);
    iv.insert("person", "Mr. Alvarez").unwrap();
    iv.insert("kind", "question").unwrap();
    let action = map_at(&old, "action_items", 0);
    action
        .insert("text", "Circulate the revised draft.")
        .unwrap();
    action.insert("status", "in_progress").unwrap();
    // The previous release's edits of the maps that gained keys with the rest of @2.
    let usa = map_at(&old, "interventions", 2);
    usa.insert("person", "Ms. A. Miller").unwrap();
    let related = map_at(&old, "related", 0);
    related.insert("title", "Next plenary").unwrap();
    related.insert("outcome", "Held as planned.").unwrap();
    let delegation = map_at(&old, "delegations", 1);
    delegation.insert("present", false).unwrap();
    old.commit();
    let update = old.export(loro::ExportMode::updates(&from)).unwrap();
    s.import_updates(&id, &update, None).await.unwrap();

    let after = s.record(&id).await.unwrap();
    let before = plenary();
    assert_eq!(after.meeting.title, "Plenary meeting (renamed)");
    let chair = after.meeting.chair.as_ref().unwrap();
    assert_eq!(chair.name, "Ambassador L. Haddad");
    assert_eq!(chair.state.as_ref().map(|c| c.as_str()), Some("TUN"));
    assert_eq!(after.meeting.agenda, before.meeting.agenda);
    assert_eq!(
        after.meeting.documents_before,
        before.meeting.documents_before
    );
    assert_eq!(after.meeting.session, before.meeting.session);
    assert_eq!(
        after.interventions.0[0].person.as_deref(),
        Some("Mr. Alvarez")
    );
    assert_eq!(
        after.interventions.0[0].on_behalf_of,
        before.interventions.0[0].on_behalf_of
    );
    assert_eq!(
        after.interventions.0[3].also_on_behalf_of,
        before.interventions.0[3].also_on_behalf_of
    );
    assert_eq!(after.action_items[0].text, "Circulate the revised draft.");
    assert_eq!(
        after.action_items[0].due_month,
        before.action_items[0].due_month
    );
    assert_eq!(
        after.action_items[0].agenda_item,
        before.action_items[0].agenda_item
    );
    assert_eq!(after.positions, before.positions);
    assert_eq!(after.remarks, before.remarks);
    assert_eq!(after.announcements, before.announcements);
    assert_eq!(
        after.interventions.0[2].person.as_deref(),
        Some("Ms. A. Miller")
    );
    assert_eq!(
        after.interventions.0[2].role,
        before.interventions.0[2].role
    );
    let (rel, rel_before) = (&after.related_meetings[0], &before.related_meetings[0]);
    assert_eq!(rel.title, "Next plenary");
    assert_eq!(
        (&rel.time, &rel.venue),
        (&rel_before.time, &rel_before.venue)
    );
    let usa = &after.attendance.delegations[1];
    assert!(!usa.present);
    assert_eq!(usa.persons, before.attendance.delegations[1].persons);
}

#[tokio::test]
async fn search_finds_interventions_by_the_group_spoken_for() {
    let (_d, s) = store().await;
    let id = s.import_record(&plenary()).await.unwrap();
    let r = s.record(&id).await.unwrap();
    let ecuador = r.interventions.0[0].id.clone();
    for query in ["G77", "Group of 77", "Lima Group"] {
        let hits = s.search(query, 20).await.unwrap();
        let items: Vec<Option<String>> = hits.into_iter().map(|h| h.item_id).collect();
        let expected = if query == "Lima Group" {
            r.interventions.0[4].id.clone()
        } else {
            ecuador.clone()
        };
        assert!(items.contains(&expected), "{query}: {items:?}");
    }
    let hits = s.search("Argentina", 20).await.unwrap();
    assert!(
        hits.iter().any(|h| h.item_id == r.interventions.0[3].id),
        "{hits:?}"
    );
}
