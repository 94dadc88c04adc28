//! Shared fixtures and helpers.

use std::path::Path;

use chrono::NaiveDate;
use rapporteur_core::{DelegationCode, MeetingRecord, Party, parse_record};
use rapporteur_store::{Edit, Store};
use tempfile::TempDir;

pub const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/network-briefing-2019-12-12.json"
);

pub fn fixture() -> MeetingRecord {
    let bytes = std::fs::read(FIXTURE).expect("fixture is in the repository");
    parse_record(FIXTURE, &bytes).expect("fixture parses")
}

/// A store in a fresh temporary data directory (kept alive by the returned `TempDir`).
pub async fn store() -> (TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).await.expect("store opens");
    (dir, store)
}

pub async fn open(dir: &Path) -> Store {
    Store::open(dir).await.expect("store opens")
}

/// The record without store-assigned ids, for comparing meaning.
pub fn normalise(r: &MeetingRecord) -> MeetingRecord {
    let mut r = r.clone();
    for d in &mut r.attendance.delegations {
        d.id = None;
    }
    for (i, iv) in r.interventions.0.iter_mut().enumerate() {
        iv.id = None;
        iv.order = i as u32 + 1;
    }
    for a in &mut r.action_items {
        a.id = None;
    }
    for d in &mut r.documents {
        d.id = None;
    }
    r
}

/// The projection rows of one meeting, as text, to compare the projection with what the document says.
pub async fn projection_dump(dir: &Path, meeting_id: &str) -> Vec<String> {
    use sqlx::Row;
    let url = format!("sqlite:{}", dir.join("rapporteur.db").display());
    let mut conn = <sqlx::SqliteConnection as sqlx::Connection>::connect(&url)
        .await
        .unwrap();
    let mut out = Vec::new();
    for (table, sql) in [
        (
            "meetings",
            "SELECT title || '|' || kind || '|' || date || '|' || status || '|' || interventions || '|' || action_items || '|' || documents FROM meetings WHERE id = ?",
        ),
        (
            "attendance",
            "SELECT row_type || '|' || category || '|' || COALESCE(delegation, name, label, '') || '|' || COALESCE(count, present, '') FROM attendance WHERE meeting_id = ? ORDER BY row_type, position",
        ),
        (
            "interventions",
            "SELECT position || '|' || COALESCE(delegation, name) || '|' || kind || '|' || summary FROM interventions WHERE meeting_id = ? ORDER BY position",
        ),
        (
            "action_items",
            "SELECT position || '|' || kind || '|' || text || '|' || status || '|' || COALESCE(due, '') FROM action_items WHERE meeting_id = ? ORDER BY position",
        ),
        (
            "documents",
            "SELECT kind || '|' || idx || '|' || COALESCE(title, '') || '|' || body FROM documents WHERE meeting_id = ? ORDER BY kind, idx",
        ),
        (
            "search",
            "SELECT kind || '|' || body FROM search_rows WHERE meeting_id = ? ORDER BY rowid",
        ),
    ] {
        let rows = sqlx::query(sql)
            .bind(meeting_id)
            .fetch_all(&mut conn)
            .await
            .unwrap();
        for r in rows {
            out.push(format!("{table}: {}", r.get::<String, _>(0)));
        }
    }
    out
}

/// What the projection tables (all but search) should hold for a record, in `projection_dump`'s format.
pub fn expected_dump(r: &MeetingRecord) -> Vec<String> {
    use rapporteur_core::ActionStatus;
    let e = |v: &dyn erased::Str| v.s();
    let m = &r.meeting;
    let mut out = vec![format!(
        "meetings: {}|{}|{}|{}|{}|{}|{}",
        m.title,
        e(&m.kind),
        m.date,
        e(&m.status),
        r.interventions.0.len(),
        r.action_items.len(),
        r.documents.len()
    )];
    // Groups sort before delegations? No: 'delegation' < 'group' alphabetically.
    for d in &r.attendance.delegations {
        let who = d
            .who
            .delegation
            .as_ref()
            .map(|c| c.as_str().to_owned())
            .or(d.who.name.clone())
            .unwrap();
        out.push(format!(
            "attendance: delegation|{}|{}|{}",
            d.who.effective_category().as_str(),
            who,
            d.present as i32
        ));
    }
    for g in &r.attendance.groups {
        out.push(format!(
            "attendance: group|{}|{}|{}",
            g.category.as_str(),
            g.label.clone().unwrap_or_default(),
            g.count.map(|c| c.to_string()).unwrap_or_default()
        ));
    }
    for iv in &r.interventions.0 {
        let who = iv
            .speaker
            .delegation
            .as_ref()
            .map(|c| c.as_str().to_owned())
            .or(iv.speaker.name.clone())
            .unwrap();
        out.push(format!(
            "interventions: {}|{}|{}|{}",
            iv.order,
            who,
            e(&iv.kind),
            iv.summary
        ));
    }
    for (i, a) in r.action_items.iter().enumerate() {
        let _: ActionStatus = a.status;
        out.push(format!(
            "action_items: {i}|{}|{}|{}|{}",
            e(&a.kind),
            a.text,
            e(&a.status),
            a.due.map(|d| d.to_string()).unwrap_or_default()
        ));
    }
    let mut docs: Vec<String> = Vec::new();
    let mut statements = 0;
    for d in &r.documents {
        let idx = if d.kind == rapporteur_core::DocumentKind::Summary {
            0
        } else {
            statements += 1;
            statements - 1
        };
        docs.push(format!(
            "documents: {}|{idx}|{}|{}",
            d.kind.as_str(),
            d.title.clone().unwrap_or_default(),
            d.body
        ));
    }
    docs.sort();
    out.extend(docs);
    out
}

/// Check that the projection of `id` says what the store's record says.
pub async fn assert_projection_matches(dir: &Path, store: &Store, id: &str) {
    let record = store.record(id).await.unwrap();
    let dump: Vec<String> = projection_dump(dir, id)
        .await
        .into_iter()
        .filter(|l| !l.starts_with("search:"))
        .collect();
    assert_eq!(dump, expected_dump(&record));
}

mod erased {
    /// A model enum as its snake_case wire name.
    pub trait Str {
        fn s(&self) -> String;
    }
    impl<T: serde::Serialize> Str for T {
        fn s(&self) -> String {
            serde_json::to_value(self)
                .unwrap()
                .as_str()
                .unwrap()
                .to_owned()
        }
    }
}

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn state(code: &str) -> Party {
    Party::state(DelegationCode::parse(code).unwrap())
}

pub async fn apply(dir: &Path, s: &Store, id: &str, edit: Edit) -> MeetingRecord {
    let r = s
        .edit(id, edit.clone())
        .await
        .unwrap_or_else(|e| panic!("{} failed: {e}", edit.op()));
    assert_eq!(r, s.record(id).await.unwrap());
    assert_projection_matches(dir, s, id).await;
    r
}

/// Rows of `meeting_updates` for one meeting.
pub async fn stored_updates(dir: &Path, meeting_id: &str) -> i64 {
    let url = format!("sqlite:{}", dir.join("rapporteur.db").display());
    let mut conn = <sqlx::SqliteConnection as sqlx::Connection>::connect(&url)
        .await
        .unwrap();
    sqlx::query_scalar("SELECT COUNT(*) FROM meeting_updates WHERE meeting_id = ?")
        .bind(meeting_id)
        .fetch_one(&mut conn)
        .await
        .unwrap()
}

/// A meeting new in `from`, as two payloads: everything up to its first state, and a later change. A
/// receiver given only the later change keeps it waiting for the first.
pub async fn first_and_later(from: &Store) -> (String, Vec<u8>, Vec<u8>) {
    let id = from.import_record(&fixture()).await.unwrap();
    let first = from.export_updates_since(&id, &[]).await.unwrap().unwrap();
    let first_version = from.current_version(&id).await.unwrap();
    from.doc_set(&id, rapporteur_core::DocumentKind::Summary, 0, "Later.")
        .await
        .unwrap();
    let later = from
        .export_updates_since(&id, &first_version)
        .await
        .unwrap()
        .unwrap();
    (id, first.payload, later.payload)
}
