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
    for sql in [
        "DELETE FROM search_rows WHERE meeting_id = ?",
        "DELETE FROM documents WHERE meeting_id = ?",
        "DELETE FROM action_items WHERE meeting_id = ?",
        "DELETE FROM interventions WHERE meeting_id = ?",
        "DELETE FROM attendance WHERE meeting_id = ?",
        "DELETE FROM meetings WHERE id = ?",
    ] {
        sqlx::query(sql)
            .bind(id)
            .execute(&mut *tx)
            .await
            .ctx(|| format!("clearing the projection of meeting {id}"))?;
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

async fn insert(tx: &mut SqliteConnection, id: &str, r: &MeetingRecord) -> Result<()> {
    let ctx = || format!("projecting meeting {id}");
    let m = &r.meeting;
    let open = |s: ActionStatus| matches!(s, ActionStatus::Open | ActionStatus::InProgress);
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    sqlx::query(
        "INSERT INTO meetings (id, title, kind, convened_by, date, end_date, venue, language, symbol,
            chair_name, chair_title, chair_role, status, delegations_present, interventions, action_items,
            open_action_items, documents)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
    .execute(&mut *tx)
    .await
    .ctx(ctx)?;

    let related: Vec<&str> = r
        .related_meetings
        .iter()
        .flat_map(|rm| std::iter::once(rm.title.as_str()).chain(rm.outcome.as_deref()))
        .collect();
    let meeting_text = join(&[
        Some(m.title.as_str()),
        m.convened_by.as_deref(),
        m.venue.as_deref(),
        m.symbol.as_deref(),
        m.chair.as_ref().map(|c| c.name.as_str()),
        Some(related.join("\n").as_str()),
    ]);
    search_row(tx, id, HitKind::Meeting, None, &meeting_text).await?;

    for (i, g) in r.attendance.groups.iter().enumerate() {
        sqlx::query(
            "INSERT INTO attendance (meeting_id, position, row_type, category, label, count)
             VALUES (?, ?, 'group', ?, ?, ?)",
        )
        .bind(id)
        .bind(count(i))
        .bind(g.category.as_str())
        .bind(&g.label)
        .bind(g.count.map(i64::from))
        .execute(&mut *tx)
        .await
        .ctx(ctx)?;
    }
    let mut delegation_names = Vec::new();
    for (i, d) in r.attendance.delegations.iter().enumerate() {
        sqlx::query(
            "INSERT INTO attendance (meeting_id, position, row_type, id, category, delegation, display_name,
                name, present)
             VALUES (?, ?, 'delegation', ?, ?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(count(i))
        .bind(&d.id)
        .bind(d.who.effective_category().as_str())
        .bind(d.who.delegation.as_ref().map(|c| c.as_str()))
        .bind(&d.who.display_name)
        .bind(&d.who.name)
        .bind(d.present)
        .execute(&mut *tx)
        .await
        .ctx(ctx)?;
        delegation_names.push(party_names(&d.who));
    }
    if !delegation_names.is_empty() {
        search_row(
            tx,
            id,
            HitKind::Delegation,
            None,
            &delegation_names.join("\n"),
        )
        .await?;
    }

    for (i, iv) in r.interventions.0.iter().enumerate() {
        sqlx::query(
            "INSERT INTO interventions (meeting_id, id, position, delegation, display_name, name, category,
                person, time, agenda_item, kind, summary)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(&iv.id)
        .bind(count(i + 1))
        .bind(iv.speaker.delegation.as_ref().map(|c| c.as_str()))
        .bind(&iv.speaker.display_name)
        .bind(&iv.speaker.name)
        .bind(iv.speaker.effective_category().as_str())
        .bind(&iv.person)
        .bind(&iv.time)
        .bind(&iv.agenda_item)
        .bind(enum_str(&iv.kind))
        .bind(&iv.summary)
        .execute(&mut *tx)
        .await
        .ctx(ctx)?;
        let names = party_names(&iv.speaker);
        let text = join(&[
            Some(names.as_str()),
            iv.person.as_deref(),
            Some(iv.summary.as_str()),
        ]);
        search_row(tx, id, HitKind::Intervention, iv.id.as_deref(), &text).await?;
    }

    for (i, a) in r.action_items.iter().enumerate() {
        sqlx::query(
            "INSERT INTO action_items (meeting_id, id, position, kind, from_party, to_party, text, due, status)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(&a.id)
        .bind(count(i))
        .bind(enum_str(&a.kind))
        .bind(&a.from)
        .bind(&a.to)
        .bind(&a.text)
        .bind(date(a.due))
        .bind(enum_str(&a.status))
        .execute(&mut *tx)
        .await
        .ctx(ctx)?;
        let text = join(&[
            Some(a.text.as_str()),
            Some(a.from.as_str()),
            Some(a.to.as_str()),
        ]);
        search_row(tx, id, HitKind::Action, a.id.as_deref(), &text).await?;
    }

    let mut statements = 0;
    for d in &r.documents {
        let idx = match d.kind {
            DocumentKind::Summary => 0,
            DocumentKind::Statement => {
                statements += 1;
                statements - 1
            }
        };
        sqlx::query(
            "INSERT INTO documents (meeting_id, id, kind, idx, title, speaker, delivered_on, body)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(d.id.as_deref().unwrap_or_default())
        .bind(d.kind.as_str())
        .bind(idx)
        .bind(&d.title)
        .bind(&d.speaker)
        .bind(date(d.delivered_on))
        .bind(&d.body)
        .execute(&mut *tx)
        .await
        .ctx(ctx)?;
        let text = join(&[
            d.title.as_deref(),
            d.speaker.as_deref(),
            Some(d.body.as_str()),
        ]);
        search_row(tx, id, HitKind::Document, d.id.as_deref(), &text).await?;
    }
    Ok(())
}

async fn search_row(
    tx: &mut SqliteConnection,
    id: &str,
    kind: HitKind,
    item: Option<&str>,
    text: &str,
) -> Result<()> {
    if text.trim().is_empty() {
        return Ok(());
    }
    sqlx::query("INSERT INTO search_rows (meeting_id, kind, item_id, body) VALUES (?, ?, ?, ?)")
        .bind(id)
        .bind(kind.as_str())
        .bind(item)
        .bind(text)
        .execute(&mut *tx)
        .await
        .ctx(|| format!("indexing meeting {id} for search"))?;
    Ok(())
}
