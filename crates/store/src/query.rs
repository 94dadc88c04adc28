//! Reads over the projection: the meetings list, full-text search and the cross-meeting action tracker.

use chrono::NaiveDate;
use rapporteur_core::{ActionItem, ActionStatus, YearMonth};
use sqlx::Row;

use crate::Store;
use crate::error::{DbContext, Result, StoreError};
use crate::types::{
    ActionFilter, FreeName, HIT_END, HIT_START, HitKind, MeetingSummary, SearchHit, TrackedAction,
    enum_parse,
};

/// Most hits `search` returns, whatever the caller asks.
pub const MAX_SEARCH_HITS: u32 = 500;

/// How many of the most recently written matching rows are ranked by relevance (see `search`).
pub const RANK_WINDOW: i64 = 200;

/// Distinct words of a query that count; later ones are ignored (a search then matches more, never less).
/// No one types more to find a meeting, and each word costs FTS5 a pass over its postings per row.
pub const MAX_QUERY_WORDS: usize = 32;

/// Turn what a user typed into an FTS5 query that cannot be a syntax error: every run of letters and
/// digits becomes a quoted prefix term, and all terms must match. `None` when nothing searchable is left.
/// Repeated words count once and at most [`MAX_QUERY_WORDS`] count (see [`query_words`]).
pub fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = query_words(input)
        .into_iter()
        .map(|t| format!("\"{t}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// The words of `input` a search looks for: runs of letters and digits, each once ignoring case (repeating
/// a word cannot narrow an all-words search), the first [`MAX_QUERY_WORDS`] of them. FTS5 evaluates a
/// repeated term again for each copy, so "a " × 800 took 17 s before this (issue 11).
pub fn query_words(input: &str) -> Vec<&str> {
    let mut seen = std::collections::HashSet::new();
    input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty() && seen.insert(t.to_lowercase()))
        .take(MAX_QUERY_WORDS)
        .collect()
}

/// Prefixes up to this many characters are served by the FTS5 prefix index.
const INDEXED_PREFIX: usize = 4;
/// A longer prefix covering more terms than this is left to FTS5 as a prefix query.
const MAX_EXPANSION: i64 = 64;

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
    /// When more than [`RANK_WINDOW`] rows match, the best are chosen among the most recently written.
    pub async fn search(&self, query: &str, limit: u32) -> Result<Vec<SearchHit>> {
        let Some(fts) = self.expand_query(query).await? else {
            return Ok(Vec::new());
        };
        let limit = limit.clamp(1, MAX_SEARCH_HITS);
        // Ranking every match of a very common word costs time in proportion to the index. So rank
        // only the most recently written RANK_WINDOW matching rows (FTS5 walks rowids newest first and
        // stops early), and build snippets only for the rows returned.
        // Snippets are built in one pass over the matches at or after the oldest row returned: asking
        // FTS5 for each row by `rowid =` would re-read a long prefix term's postings once per hit.
        let rows = sqlx::query(
            "WITH candidates AS (
                 SELECT rowid AS rid, bm25(search_fts) AS score
                 FROM search_fts WHERE search_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2
             ),
             best AS (SELECT rid, score FROM candidates ORDER BY score, rid DESC LIMIT ?3),
             snippets AS (
                 SELECT rowid AS rid, snippet(search_fts, 0, ?4, ?5, '…', 16) AS snippet
                 FROM search_fts
                 WHERE search_fts MATCH ?1 AND rowid >= (SELECT MIN(rid) FROM best)
                   AND +rowid IN (SELECT rid FROM best)
             )
             SELECT r.meeting_id, m.title, m.date, r.kind, r.item_id, snippets.snippet
             FROM best
             JOIN snippets ON snippets.rid = best.rid
             JOIN search_rows r ON r.rowid = best.rid
             JOIN meetings m ON m.id = r.meeting_id
             ORDER BY best.score, best.rid DESC",
        )
        .bind(&fts)
        .bind(RANK_WINDOW.max(i64::from(limit)))
        .bind(i64::from(limit))
        .bind(HIT_START)
        .bind(HIT_END)
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

    /// The FTS5 query for what the user typed, with each long prefix expanded into the terms it covers
    /// (see the `search_vocab` migration). `None` when it cannot match anything.
    async fn expand_query(&self, input: &str) -> Result<Option<String>> {
        let mut parts = Vec::new();
        for word in query_words(input) {
            // The index holds terms lowercased and without diacritics; only ASCII is folded the same way
            // here, so other words stay prefix queries.
            if word.chars().count() <= INDEXED_PREFIX || !word.is_ascii() {
                parts.push(format!("\"{word}\"*"));
                continue;
            }
            let lower = word.to_ascii_lowercase();
            let terms: Vec<String> =
                sqlx::query_scalar("SELECT term FROM search_vocab WHERE term >= ?1 AND term < ?1 || char(1114111) LIMIT ?2")
                    .bind(&lower)
                    .bind(MAX_EXPANSION + 1)
                    .fetch_all(&self.pool)
                    .await
                    .ctx(|| format!("expanding search term {word:?}"))?;
            match terms.len() {
                0 => return Ok(None),
                n if n as i64 > MAX_EXPANSION => parts.push(format!("\"{word}\"*")),
                _ => {
                    let any: Vec<String> = terms.iter().map(|t| format!("\"{t}\"")).collect();
                    parts.push(format!("({})", any.join(" OR ")));
                }
            }
        }
        Ok((!parts.is_empty()).then(|| parts.join(" AND ")))
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
            "SELECT a.meeting_id, m.title, m.date, m.session, a.id, a.kind, a.from_party, a.to_party, a.text, a.due,
                    a.status, a.due_month, a.agenda_item, a.adoption
             FROM action_items a JOIN meetings m ON m.id = a.meeting_id
             WHERE (?1 = 0 OR a.status IN ('open', 'in_progress'))
               AND (?2 IS NULL OR a.agenda_item = ?2)
               AND (?3 IS NULL OR lower(trim(m.session)) = lower(trim(?3)))
             ORDER BY COALESCE(a.due, a.due_month) IS NULL, COALESCE(a.due, a.due_month), m.date DESC,
                      m.id, a.position",
        )
        .bind(filter.open_only)
        .bind(filter.agenda_item.as_deref().map(str::trim))
        .bind(filter.session.as_deref())
        .fetch_all(&self.pool)
        .await
        .ctx(|| "listing action items".into())?;
        let owner = filter.owner.as_deref().map(str::to_lowercase);
        let mut out = Vec::new();
        for r in &rows {
            let meeting_id: String = r.get("meeting_id");
            let item = ActionItem {
                adoption: r
                    .get::<Option<String>, _>("adoption")
                    .map(|a| {
                        serde_json::from_str(&a)
                            .map_err(|_| corrupt(&meeting_id, "action_items.adoption", &a))
                    })
                    .transpose()?,
                id: r.get("id"),
                kind: parse(&meeting_id, "action kind", r.get("kind"))?,
                from: r.get("from_party"),
                to: r.get("to_party"),
                text: r.get("text"),
                due: r.get("due"),
                due_month: r
                    .get::<Option<String>, _>("due_month")
                    .map(|m| {
                        YearMonth::parse(&m)
                            .map_err(|_| corrupt(&meeting_id, "action_items.due_month", &m))
                    })
                    .transpose()?,
                agenda_item: r.get("agenda_item"),
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
                overdue: open
                    && (item.due.is_some_and(|d| d < today)
                        || item.due_month.is_some_and(|m| m < YearMonth::of(today))),
                meeting_title: r.get("title"),
                meeting_date: r.get("date"),
                meeting_session: r.get("session"),
                meeting_id,
                item,
            });
        }
        Ok(out)
    }

    /// Every distinct free-entry name (a party without a registry code, in any live meeting's attendance or
    /// speakers list), each with the category it was filed under most often; the most used names first.
    pub async fn free_names(&self) -> Result<Vec<FreeName>> {
        let rows = sqlx::query(
            "SELECT name, category, COUNT(*) AS uses FROM (
                 SELECT name, category FROM interventions WHERE delegation IS NULL AND name IS NOT NULL
                 UNION ALL
                 SELECT name, category FROM attendance
                 WHERE row_type = 'delegation' AND delegation IS NULL AND name IS NOT NULL
             )
             WHERE trim(name) <> ''
             GROUP BY name, category
             ORDER BY uses DESC, name, category",
        )
        .fetch_all(&self.pool)
        .await
        .ctx(|| "listing free-entry names".into())?;
        // Most used first, so the first category seen for a name is its most used one.
        let mut out: Vec<FreeName> = Vec::new();
        for r in &rows {
            let name: String = r.get("name");
            if out.iter().any(|f| f.name == name) {
                continue;
            }
            let category = parse(&name, "category", r.get("category"))?;
            out.push(FreeName { name, category });
        }
        Ok(out)
    }
}
