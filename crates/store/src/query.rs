//! Reads over the projection: the meetings list, full-text search and the cross-meeting action tracker.

use chrono::NaiveDate;
use rapporteur_core::{ActionItem, ActionStatus};
use sqlx::Row;

use crate::Store;
use crate::error::{DbContext, Result, StoreError};
use crate::types::{
    ActionFilter, HIT_END, HIT_START, HitKind, MeetingSummary, SearchHit, TrackedAction, enum_parse,
};

/// Most hits `search` returns, whatever the caller asks.
pub const MAX_SEARCH_HITS: u32 = 500;

/// Turn what a user typed into an FTS5 query that cannot be a syntax error: every run of letters and
/// digits becomes a quoted prefix term, and all terms must match. `None` when nothing searchable is left.
pub fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| format!("\"{t}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

fn corrupt(row: &str, field: &str, value: &str) -> StoreError {
    StoreError::corrupt(
        row,
        field,
        format!("unexpected value {value:?} in the projection"),
    )
}

fn parse<T: serde::de::DeserializeOwned>(meeting: &str, field: &str, value: &str) -> Result<T> {
    enum_parse(value).ok_or_else(|| corrupt(meeting, field, value))
}

impl Store {
    /// Every live meeting, newest first.
    pub async fn list_meetings(&self) -> Result<Vec<MeetingSummary>> {
        let rows = sqlx::query(
            "SELECT id, title, date, end_date, kind, status, convened_by, delegations_present, interventions,
                    action_items, open_action_items, documents
             FROM meetings ORDER BY date DESC, title, id",
        )
        .fetch_all(&self.pool)
        .await
        .ctx(|| "listing meetings".into())?;
        rows.iter()
            .map(|r| {
                let id: String = r.get("id");
                let n = |c: &str| r.get::<i64, _>(c).clamp(0, u32::MAX.into()) as u32;
                Ok(MeetingSummary {
                    title: r.get("title"),
                    date: r.get("date"),
                    end_date: r.get("end_date"),
                    kind: parse(&id, "kind", r.get("kind"))?,
                    status: parse(&id, "status", r.get("status"))?,
                    convened_by: r.get("convened_by"),
                    delegations_present: n("delegations_present"),
                    interventions: n("interventions"),
                    action_items: n("action_items"),
                    open_action_items: n("open_action_items"),
                    documents: n("documents"),
                    id,
                })
            })
            .collect()
    }

    /// Full-text search over every live meeting, best matches first. Each word of `query` matches as a
    /// prefix, ignoring case and accents; any input is accepted (FTS syntax is never interpreted).
    pub async fn search(&self, query: &str, limit: u32) -> Result<Vec<SearchHit>> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let limit = limit.clamp(1, MAX_SEARCH_HITS);
        let rows = sqlx::query(
            "WITH hits AS (
                 SELECT rowid, rank, snippet(search_fts, 0, ?, ?, '…', 16) AS snippet
                 FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT ?
             )
             SELECT r.meeting_id, m.title, m.date, r.kind, r.item_id, hits.snippet
             FROM hits
             JOIN search_rows r ON r.rowid = hits.rowid
             JOIN meetings m ON m.id = r.meeting_id
             ORDER BY hits.rank",
        )
        .bind(HIT_START)
        .bind(HIT_END)
        .bind(&fts)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .ctx(|| format!("searching for {query:?}"))?;
        rows.iter()
            .map(|r| {
                let meeting_id: String = r.get("meeting_id");
                let kind: String = r.get("kind");
                Ok(SearchHit {
                    kind: HitKind::parse(&kind)
                        .ok_or_else(|| corrupt(&meeting_id, "search kind", &kind))?,
                    meeting_title: r.get("title"),
                    date: r.get("date"),
                    item_id: r.get("item_id"),
                    snippet: r.get("snippet"),
                    meeting_id,
                })
            })
            .collect()
    }

    /// The cross-meeting action tracker: items with a due date first (soonest first), then the rest,
    /// newest meeting first.
    pub async fn actions(&self, filter: &ActionFilter) -> Result<Vec<TrackedAction>> {
        self.actions_as_of(filter, chrono::Local::now().date_naive())
            .await
    }

    /// [`Store::actions`] with "today" given, for reproducible overdue flags.
    pub async fn actions_as_of(
        &self,
        filter: &ActionFilter,
        today: NaiveDate,
    ) -> Result<Vec<TrackedAction>> {
        let rows = sqlx::query(
            "SELECT a.meeting_id, m.title, m.date, a.id, a.kind, a.from_party, a.to_party, a.text, a.due,
                    a.status
             FROM action_items a JOIN meetings m ON m.id = a.meeting_id
             WHERE (?1 = 0 OR a.status IN ('open', 'in_progress'))
             ORDER BY a.due IS NULL, a.due, m.date DESC, m.id, a.position",
        )
        .bind(filter.open_only)
        .fetch_all(&self.pool)
        .await
        .ctx(|| "listing action items".into())?;
        let owner = filter.owner.as_deref().map(str::to_lowercase);
        let mut out = Vec::new();
        for r in &rows {
            let meeting_id: String = r.get("meeting_id");
            let item = ActionItem {
                id: r.get("id"),
                kind: parse(&meeting_id, "action kind", r.get("kind"))?,
                from: r.get("from_party"),
                to: r.get("to_party"),
                text: r.get("text"),
                due: r.get("due"),
                status: parse(&meeting_id, "action status", r.get("status"))?,
            };
            if let Some(o) = &owner
                && item.from.to_lowercase() != *o
                && item.to.to_lowercase() != *o
            {
                continue;
            }
            let open = matches!(item.status, ActionStatus::Open | ActionStatus::InProgress);
            out.push(TrackedAction {
                overdue: open && item.due.is_some_and(|d| d < today),
                meeting_title: r.get("title"),
                meeting_date: r.get("date"),
                meeting_id,
                item,
            });
        }
        Ok(out)
    }
}
