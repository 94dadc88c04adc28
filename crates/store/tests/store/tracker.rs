//! The tracker's filters by agenda item and by session: each narrows the items across meetings, they
//! combine with the others, and a meeting projected before the session was kept in the projection is found
//! by its session once the store has been opened again (the upgrade re-projects it).

use rapporteur_core::{MeetingRecord, parse_record};
use rapporteur_store::{ActionFilter, DB_FILE, Store};

use crate::common::*;

const PLENARY: &str = include_str!("../../../../tests/fixtures/cd-plenary-2020-02-25.json");
const SESSION: &str = "first part of the 2020 session";

fn plenary() -> MeetingRecord {
    parse_record("cd-plenary.json", PLENARY.as_bytes()).unwrap()
}

/// The texts of the items the filter lists, in the tracker's order.
async fn texts(s: &Store, filter: ActionFilter) -> Vec<String> {
    let rows = s.actions(&filter).await.unwrap();
    rows.into_iter().map(|r| r.item.text).collect()
}

/// The texts of the plenary's action items for which `keep` holds, in the tracker's order.
async fn plenary_texts(
    s: &Store,
    keep: impl Fn(&rapporteur_core::ActionItem) -> bool,
) -> Vec<String> {
    let rows = s.actions(&ActionFilter::default()).await.unwrap();
    let plenary_title = plenary().meeting.title;
    rows.into_iter()
        .filter(|r| r.meeting_title == plenary_title && keep(&r.item))
        .map(|r| r.item.text)
        .collect()
}

#[tokio::test]
async fn action_items_are_filtered_by_agenda_item_and_by_session() {
    let (_d, s) = store().await;
    s.import_record(&plenary()).await.unwrap();
    s.import_record(&fixture()).await.unwrap();
    let all = texts(&s, ActionFilter::default()).await;
    assert!(all.len() > 4, "both meetings' items: {all:?}");

    let under_3 = ActionFilter {
        agenda_item: Some("3".into()),
        ..ActionFilter::default()
    };
    let want = plenary_texts(&s, |a| a.agenda_item.as_deref() == Some("3")).await;
    assert_eq!(want.len(), 1);
    assert_eq!(texts(&s, under_3).await, want);

    // The session is matched ignoring case and surrounding spaces; the @1 meeting has none.
    let of_session = ActionFilter {
        session: Some(" First part of the 2020 SESSION ".into()),
        ..ActionFilter::default()
    };
    let rows = s.actions(&of_session).await.unwrap();
    assert_eq!(rows.len(), plenary().action_items.len());
    assert!(
        rows.iter()
            .all(|r| r.meeting_session.as_deref() == Some(SESSION))
    );

    let both = ActionFilter {
        session: Some(SESSION.into()),
        agenda_item: Some("1".into()),
        ..ActionFilter::default()
    };
    let want = plenary_texts(&s, |a| a.agenda_item.as_deref() == Some("1")).await;
    assert_eq!(want.len(), 2);
    assert_eq!(texts(&s, both).await, want);

    let other = ActionFilter {
        session: Some("second part of the 2020 session".into()),
        ..ActionFilter::default()
    };
    assert!(texts(&s, other).await.is_empty());
}

#[tokio::test]
async fn a_meeting_projected_before_the_upgrade_is_found_by_its_session() {
    let dir = tempfile::tempdir().unwrap();
    {
        let s = open(dir.path()).await;
        s.import_record(&plenary()).await.unwrap();
        s.close().await;
    }
    // The projection as the previous release left it: no session, and the upgrade's mark to re-project.
    {
        use sqlx::Connection;
        let url = format!("sqlite:{}", dir.path().join(DB_FILE).display());
        let mut db = sqlx::SqliteConnection::connect(&url).await.unwrap();
        sqlx::query("UPDATE meetings SET session = NULL")
            .execute(&mut db)
            .await
            .unwrap();
        sqlx::query("INSERT INTO projection_stale (meeting_id) SELECT id FROM meetings")
            .execute(&mut db)
            .await
            .unwrap();
        db.close().await.unwrap();
    }
    let s = open(dir.path()).await;
    let filter = ActionFilter {
        session: Some(SESSION.into()),
        ..ActionFilter::default()
    };
    assert_eq!(
        s.actions(&filter).await.unwrap().len(),
        plenary().action_items.len()
    );
}
