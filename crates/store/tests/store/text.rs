//! The store's doors refuse text no record may hold, and blank text that only looks non-blank, for every way in:
//! a new meeting, an edit, `doc set`, notes and the replica's name. A refusal changes nothing.

use rapporteur_core::{ActionItem, ActionKind, ActionStatus, DocumentKind};
use rapporteur_store::{Edit, StoreError};

use crate::common::*;

fn invalid_at(e: StoreError) -> (String, String) {
    match e {
        StoreError::Invalid { field, message, .. } => (field, message),
        other => panic!("expected a refusal, got {other}"),
    }
}

#[tokio::test]
async fn control_characters_are_refused_at_every_door() {
    let (_dir, s) = store().await;
    let id = s.import_record(&fixture()).await.unwrap();
    let before = s.record(&id).await.unwrap();

    let (field, message) = invalid_at(
        s.doc_set(&id, DocumentKind::Summary, 0, "ok\nno \u{7} bell")
            .await
            .unwrap_err(),
    );
    assert_eq!(field, "body");
    assert_eq!(
        message,
        "control character U+0007 is not allowed in text (line 2, column 4)"
    );

    let item = ActionItem {
        adoption: None,
        agenda_item: None,
        due_month: None,
        id: None,
        kind: ActionKind::Request,
        from: "a\u{FFFF}".into(),
        to: String::new(),
        text: "text".into(),
        due: None,
        status: ActionStatus::Open,
    };
    let (field, message) = invalid_at(s.edit(&id, Edit::AddAction { item }).await.unwrap_err());
    assert_eq!(field, "item.from");
    assert!(message.starts_with("noncharacter U+FFFF"), "{message}");

    let mut record = fixture();
    record.meeting.venue = Some("\u{1b}[31m".into());
    let (field, _) = invalid_at(s.import_record(&record).await.unwrap_err());
    assert_eq!(field, "meeting.venue");

    let (field, _) = invalid_at(s.notes_set(&id, None, "\u{0}").await.unwrap_err());
    assert_eq!(field, "notes");
    assert!(s.set_replica_name("lap\u{9b}top").await.is_err());

    assert_eq!(s.record(&id).await.unwrap(), before);
    assert_eq!(s.notes_get(&id, None).await.unwrap(), "");
}

#[tokio::test]
async fn invisible_only_text_is_blank() {
    let (_dir, s) = store().await;
    let id = s.import_record(&fixture()).await.unwrap();
    let mut meeting = fixture().meeting;
    meeting.title = "\u{200B}\u{FEFF}\u{180E}".into();
    let (field, message) = invalid_at(s.edit(&id, Edit::SetMeeting { meeting }).await.unwrap_err());
    assert_eq!(
        (field.as_str(), message.as_str()),
        ("meeting.title", "must not be empty")
    );
    assert!(s.set_replica_name("\u{2060}").await.is_err());
}
