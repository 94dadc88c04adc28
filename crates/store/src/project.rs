//! The relational projection of one meeting, rebuilt from its document. Called only from the write path
//! (and `reproject`), inside their transaction.

use rapporteur_core::{ActionStatus, DocumentKind, Language, MeetingRecord, Party, registry};
use sqlx::SqliteConnection;

use crate::error::{DbContext, Result};
use crate::layout::DocState;
use crate::types::{HitKind, enum_str};

pub(crate) async fn project(
    tx: &mut SqliteConnection,
    meeting_id: &str,
    state: &DocState,
) -> Result<()> {
    clear(tx, meeting_id).await?;
    if let DocState::Live(record) = state {
        insert(tx, meeting_id, record).await?;
    }
    Ok(())
}

async fn clear(tx: &mut SqliteConnection, id: &str) -> Result<()> {
    // Every projection table references `meetings` with ON DELETE CASCADE (and the search index's
    // trigger fires on cascaded deletes), so this one statement clears the meeting's rows everywhere.
    sqlx::query("DELETE FROM meetings WHERE id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await
        .ctx(|| format!("clearing the projection of meeting {id}"))?;
    Ok(())
}

/// One value of a multi-row insert.
enum V {
    Text(Option<String>),
    Int(Option<i64>),
}

fn t(s: impl Into<String>) -> V {
    V::Text(Some(s.into()))
}

fn ot(s: Option<&str>) -> V {
    V::Text(s.map(str::to_owned))
}

fn n(i: usize) -> V {
    V::Int(Some(i64::try_from(i).unwrap_or(i64::MAX)))
}

/// Insert `values` (rows of `cols` values, flattened) with as few statements as possible: each
/// statement is a round trip to SQLite's worker thread, and a meeting has dozens of rows.
async fn insert_rows(
    tx: &mut SqliteConnection,
    meeting: &str,
    head: &'static str,
    cols: usize,
    values: Vec<V>,
) -> Result<()> {
    const ROWS_PER_STATEMENT: usize = 200;
    let row = format!("({})", vec!["?"; cols].join(", "));
    for chunk in values.chunks(cols * ROWS_PER_STATEMENT) {
        let sql = format!(
            "{head} VALUES {}",
            vec![row.as_str(); chunk.len() / cols].join(", ")
        );
        // The statement text holds only our column list and placeholders; all data is bound.
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for v in chunk {
            q = match v {
                V::Text(s) => q.bind(s.clone()),
                V::Int(i) => q.bind(*i),
            };
        }
        q.execute(&mut *tx)
            .await
            .ctx(|| format!("projecting meeting {meeting} ({head})"))?;
    }
    Ok(())
}

/// The names a party is searched by: its English registry name, its display name, or its free name.
pub(crate) fn party_names(p: &Party) -> String {
    let mut names = Vec::new();
    if let Some(code) = &p.delegation
        && let Some(state) = registry::lookup(code.as_str())
    {
        names.push(state.name(Language::En).to_owned());
    }
    names.extend(p.display_name.iter().cloned());
    names.extend(p.name.iter().cloned());
    names.join(" ")
}

/// Whom an intervention spoke for, for search: a built-in group's code ("g77-china" finds "G77") and its
/// names in English and the meeting's language, or a free group's name; the other States' English names.
fn behalf_names(iv: &rapporteur_core::Intervention, lang: Language) -> String {
    let mut names = Vec::new();
    if let Some(g) = &iv.on_behalf_of {
        match g
            .group
            .as_ref()
            .and_then(|c| rapporteur_core::groups::lookup(c.as_str()))
        {
            Some(group) => {
                names.push(group.code.clone());
                names.push(group.name(Language::En).to_owned());
                names.push(group.name(lang).to_owned());
            }
            None => names.extend(g.name.iter().cloned()),
        }
    }
    for code in &iv.also_on_behalf_of {
        names.push(party_names(&Party::state(code.clone())));
    }
    names.join(" ")
}

fn date(d: Option<chrono::NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

fn join(parts: &[Option<&str>]) -> String {
    parts
        .iter()
        .flatten()
        .copied()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// One row of the search index: what it finds, the item's id, and the text it is found by.
type SearchRow<'a> = (HitKind, Option<&'a str>, String);

/// Insert the meeting's rows, one function per table; each returns the search rows its items give.
async fn insert(tx: &mut SqliteConnection, id: &str, r: &MeetingRecord) -> Result<()> {
    let mut search = vec![insert_meeting(tx, id, r).await?];
    search.push(insert_attendance(tx, id, r).await?);
    search.extend(insert_interventions(tx, id, r).await?);
    search.extend(insert_action_items(tx, id, r).await?);
    search.extend(insert_documents(tx, id, r).await?);
    insert_search(tx, id, search).await
}

async fn insert_meeting<'a>(
    tx: &mut SqliteConnection,
    id: &str,
    r: &'a MeetingRecord,
) -> Result<SearchRow<'a>> {
    let m = &r.meeting;
    let open = |s: ActionStatus| matches!(s, ActionStatus::Open | ActionStatus::InProgress);
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    sqlx::query(
        "INSERT INTO meetings (id, title, kind, convened_by, date, end_date, venue, language, symbol,
            chair_name, chair_title, chair_role, status, delegations_present, interventions, action_items,
            open_action_items, documents, session)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(&m.title)
    .bind(enum_str(&m.kind))
    .bind(&m.convened_by)
    .bind(date(Some(m.date)))
    .bind(date(m.end_date))
    .bind(&m.venue)
    .bind(m.language.code())
    .bind(&m.symbol)
    .bind(m.chair.as_ref().map(|c| c.name.as_str()))
    .bind(m.chair.as_ref().and_then(|c| c.title.as_deref()))
    .bind(m.chair.as_ref().and_then(|c| c.role.as_deref()))
    .bind(enum_str(&m.status))
    .bind(count(r.attendance.delegations.iter().filter(|d| d.present).count()))
    .bind(count(r.interventions.0.len()))
    .bind(count(r.action_items.len()))
    .bind(count(r.action_items.iter().filter(|a| open(a.status)).count()))
    .bind(count(r.documents.len()))
    .bind(&m.session)
    .execute(&mut *tx)
    .await
    .ctx(|| format!("projecting meeting {id}"))?;

    let related: Vec<&str> = r
        .related_meetings
        .iter()
        .flat_map(|rm| {
            std::iter::once(rm.title.as_str())
                .chain(rm.outcome.as_deref())
                .chain(rm.venue.as_deref())
        })
        .collect();
    // What was said besides the speakers list is found with the meeting: positions, podium remarks and
    // announcements.
    let floor: Vec<&str> = r
        .positions
        .iter()
        .map(|p| p.text.as_str())
        .chain(r.remarks.iter().flat_map(|rm| {
            [
                Some(rm.by.as_str()),
                rm.person.as_deref(),
                Some(rm.summary.as_str()),
            ]
            .into_iter()
            .flatten()
        }))
        .chain(
            r.announcements
                .iter()
                .flat_map(|a| a.by.as_deref().into_iter().chain([a.text.as_str()])),
        )
        .collect();
    Ok((
        HitKind::Meeting,
        None,
        join(&[
            Some(m.title.as_str()),
            m.convened_by.as_deref(),
            m.venue.as_deref(),
            m.symbol.as_deref(),
            m.chair.as_ref().map(|c| c.name.as_str()),
            Some(related.join("\n").as_str()),
            Some(floor.join("\n").as_str()),
        ]),
    ))
}

/// Groups and delegations share the `attendance` table; the search row holds every delegation's names.
async fn insert_attendance<'a>(
    tx: &mut SqliteConnection,
    id: &str,
    r: &'a MeetingRecord,
) -> Result<SearchRow<'a>> {
    let mut rows = Vec::new();
    for (i, g) in r.attendance.groups.iter().enumerate() {
        rows.extend([
            t(id),
            n(i),
            t("group"),
            V::Text(None),
            t(g.category.as_str()),
            V::Text(None),
            V::Text(None),
            V::Text(None),
            ot(g.label.as_deref()),
            V::Int(g.count.map(i64::from)),
            V::Int(None),
        ]);
    }
    let mut delegation_names = Vec::new();
    for (i, d) in r.attendance.delegations.iter().enumerate() {
        rows.extend([
            t(id),
            n(i),
            t("delegation"),
            ot(d.id.as_deref()),
            t(d.who.effective_category().as_str()),
            ot(d.who.delegation.as_ref().map(|c| c.as_str())),
            ot(d.who.display_name.as_deref()),
            ot(d.who.name.as_deref()),
            V::Text(None),
            V::Int(None),
            V::Int(Some(d.present.into())),
        ]);
        delegation_names.push(party_names(&d.who));
        // The list of participants: a person is found with their delegation.
        delegation_names.extend(d.persons.iter().map(|p| p.name.clone()));
    }
    insert_rows(
        tx,
        id,
        "INSERT INTO attendance (meeting_id, position, row_type, id, category, delegation, display_name, \
         name, label, count, present)",
        11,
        rows,
    )
    .await?;
    Ok((HitKind::Delegation, None, delegation_names.join("\n")))
}

async fn insert_interventions<'a>(
    tx: &mut SqliteConnection,
    id: &str,
    r: &'a MeetingRecord,
) -> Result<Vec<SearchRow<'a>>> {
    let mut rows = Vec::new();
    let mut search = Vec::new();
    for (i, iv) in r.interventions.0.iter().enumerate() {
        rows.extend([
            t(id),
            ot(iv.id.as_deref()),
            n(i + 1),
            ot(iv.speaker.delegation.as_ref().map(|c| c.as_str())),
            ot(iv.speaker.display_name.as_deref()),
            ot(iv.speaker.name.as_deref()),
            t(iv.speaker.effective_category().as_str()),
            ot(iv.person.as_deref()),
            ot(iv.time.as_deref()),
            ot(iv.agenda_item.as_deref()),
            t(enum_str(&iv.kind)),
            t(iv.summary.as_str()),
        ]);
        let names = party_names(&iv.speaker);
        let behalf = behalf_names(iv, r.meeting.language);
        let text = join(&[
            Some(names.as_str()),
            Some(behalf.as_str()),
            iv.person.as_deref(),
            iv.role.as_deref(),
            Some(iv.summary.as_str()),
        ]);
        search.push((HitKind::Intervention, iv.id.as_deref(), text));
    }
    insert_rows(
        tx,
        id,
        "INSERT INTO interventions (meeting_id, id, position, delegation, display_name, name, category, \
         person, time, agenda_item, kind, summary)",
        12,
        rows,
    )
    .await?;
    Ok(search)
}

async fn insert_action_items<'a>(
    tx: &mut SqliteConnection,
    id: &str,
    r: &'a MeetingRecord,
) -> Result<Vec<SearchRow<'a>>> {
    let mut rows = Vec::new();
    let mut search = Vec::new();
    for (i, a) in r.action_items.iter().enumerate() {
        rows.extend([
            t(id),
            ot(a.id.as_deref()),
            n(i),
            t(enum_str(&a.kind)),
            t(a.from.as_str()),
            t(a.to.as_str()),
            t(a.text.as_str()),
            V::Text(date(a.due)),
            t(enum_str(&a.status)),
            V::Text(a.due_month.map(|m| m.to_string())),
            ot(a.agenda_item.as_deref()),
            V::Text(
                a.adoption
                    .as_ref()
                    .and_then(|a| serde_json::to_string(a).ok()),
            ),
        ]);
        let text = join(&[
            Some(a.text.as_str()),
            Some(a.from.as_str()),
            Some(a.to.as_str()),
        ]);
        search.push((HitKind::Action, a.id.as_deref(), text));
    }
    insert_rows(
        tx,
        id,
        "INSERT INTO action_items (meeting_id, id, position, kind, from_party, to_party, text, due, status,
         due_month, agenda_item, adoption)",
        12,
        rows,
    )
    .await?;
    Ok(search)
}

/// The summary has index 0; statements are numbered from 0 in the record's order.
async fn insert_documents<'a>(
    tx: &mut SqliteConnection,
    id: &str,
    r: &'a MeetingRecord,
) -> Result<Vec<SearchRow<'a>>> {
    let mut rows = Vec::new();
    let mut search = Vec::new();
    let mut statements = 0;
    for d in &r.documents {
        let idx = match d.kind {
            DocumentKind::Summary => 0,
            DocumentKind::Statement => {
                statements += 1;
                statements - 1
            }
        };
        rows.extend([
            t(id),
            t(d.id.as_deref().unwrap_or_default()),
            t(d.kind.as_str()),
            n(idx),
            ot(d.title.as_deref()),
            ot(d.speaker.as_deref()),
            V::Text(date(d.delivered_on)),
            t(d.body.as_str()),
        ]);
        let text = join(&[
            d.title.as_deref(),
            d.speaker.as_deref(),
            Some(d.body.as_str()),
        ]);
        search.push((HitKind::Document, d.id.as_deref(), text));
    }
    insert_rows(
        tx,
        id,
        "INSERT INTO documents (meeting_id, id, kind, idx, title, speaker, delivered_on, body)",
        8,
        rows,
    )
    .await?;
    Ok(search)
}

/// Rows with no text find nothing and are left out.
async fn insert_search(
    tx: &mut SqliteConnection,
    id: &str,
    search: Vec<SearchRow<'_>>,
) -> Result<()> {
    let mut rows = Vec::new();
    for (kind, item, text) in search {
        if !text.trim().is_empty() {
            rows.extend([t(id), t(kind.as_str()), ot(item), t(text)]);
        }
    }
    insert_rows(
        tx,
        id,
        "INSERT INTO search_rows (meeting_id, kind, item_id, body)",
        4,
        rows,
    )
    .await
}
