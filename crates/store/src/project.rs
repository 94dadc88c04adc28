//! The relational projection of one meeting, rebuilt from its document. Called only from the write path
//! (and `reproject`), inside their transaction.

use rapporteur_core::{ActionStatus, DocumentKind, Language, MeetingRecord, Party, registry};
use sqlx::SqliteConnection;

use crate::attachments::Attachment;
use crate::error::{DbContext, Result};
use crate::layout::DocState;
use crate::types::{HitKind, enum_str};

/// The projection rows of several meetings, written together: every statement is a round trip to
/// SQLite's worker thread, so a batch import of a thousand meetings writes a few dozen statements
/// instead of ten per meeting.
#[derive(Default)]
pub(crate) struct Projection {
    /// The meetings whose rows are replaced; deleted ones only lose theirs.
    ids: Vec<String>,
    meetings: Vec<V>,
    attendance: Vec<V>,
    interventions: Vec<V>,
    action_items: Vec<V>,
    documents: Vec<V>,
    search: Vec<V>,
    attachments: Vec<V>,
}

impl Projection {
    /// Queue the rows of `id` in `state`, replacing whatever rows it had.
    pub(crate) fn add(&mut self, id: &str, state: &DocState) {
        self.ids.push(id.to_owned());
        if let DocState::Live(r) = state {
            let mut search = vec![self.meeting(id, r)];
            search.push(self.attendance(id, r));
            search.extend(self.interventions(id, r));
            search.extend(self.action_items(id, r));
            search.extend(self.documents(id, r));
            // Rows with no text find nothing and are left out.
            for (kind, item, text) in search {
                if !text.trim().is_empty() {
                    self.search
                        .extend([t(id), t(kind.as_str()), ot(item), t(text)]);
                }
            }
        }
    }

    /// Queue the rows of the `attachments` table of `id`, a live meeting (`attachments::read`).
    pub(crate) fn add_attachments(&mut self, id: &str, attachments: &[Attachment]) {
        for (position, a) in attachments.iter().enumerate() {
            self.attachments.extend([
                t(id),
                t(a.id.as_str()),
                n(position),
                t(a.doc_id.as_str()),
                t(a.name.as_str()),
                t(a.media_type.as_str()),
                V::Int(Some(i64::try_from(a.size).unwrap_or(i64::MAX))),
                t(a.sha256.as_str()),
            ]);
        }
    }

    /// How many meetings' rows are queued.
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// Queue the rows `other` holds after these.
    pub(crate) fn append(&mut self, mut other: Projection) {
        self.ids.append(&mut other.ids);
        self.meetings.append(&mut other.meetings);
        self.attendance.append(&mut other.attendance);
        self.interventions.append(&mut other.interventions);
        self.action_items.append(&mut other.action_items);
        self.documents.append(&mut other.documents);
        self.search.append(&mut other.search);
        self.attachments.append(&mut other.attachments);
    }

    /// Clear the queued meetings' old rows and insert the new ones, inside the caller's transaction.
    pub(crate) async fn write(self, tx: &mut SqliteConnection) -> Result<()> {
        let who = match self.ids.as_slice() {
            [one] => format!("meeting {one}"),
            many => format!("{} meetings", many.len()),
        };
        clear(tx, &who, &self.ids).await?;
        let tables = [
            (MEETINGS, 19, self.meetings),
            (ATTENDANCE, 11, self.attendance),
            (INTERVENTIONS, 12, self.interventions),
            (ACTION_ITEMS, 12, self.action_items),
            (DOCUMENTS, 8, self.documents),
            (SEARCH_ROWS, 4, self.search),
            (ATTACHMENTS, 8, self.attachments),
        ];
        for (head, cols, values) in tables {
            insert_rows(tx, &who, head, cols, values).await?;
        }
        Ok(())
    }
}

const MEETINGS: &str = "INSERT INTO meetings (id, title, kind, convened_by, date, end_date, venue, language, \
    symbol, chair_name, chair_title, chair_role, status, delegations_present, interventions, action_items, \
    open_action_items, documents, session)";
const ATTENDANCE: &str = "INSERT INTO attendance (meeting_id, position, row_type, id, category, delegation, \
    display_name, name, label, count, present)";
const INTERVENTIONS: &str = "INSERT INTO interventions (meeting_id, id, position, delegation, display_name, \
    name, category, person, time, agenda_item, kind, summary)";
const ACTION_ITEMS: &str = "INSERT INTO action_items (meeting_id, id, position, kind, from_party, to_party, \
    text, due, status, due_month, agenda_item, adoption)";
const DOCUMENTS: &str =
    "INSERT INTO documents (meeting_id, id, kind, idx, title, speaker, delivered_on, body)";
const SEARCH_ROWS: &str = "INSERT INTO search_rows (meeting_id, kind, item_id, body)";
// One attachment listed twice in a document's list is one row.
const ATTACHMENTS: &str = "INSERT OR IGNORE INTO attachments (meeting_id, id, position, doc_id, name, \
    media_type, size, sha256)";

async fn clear(tx: &mut SqliteConnection, who: &str, ids: &[String]) -> Result<()> {
    // Every projection table references `meetings` with ON DELETE CASCADE (and the search index's
    // trigger fires on cascaded deletes), so deleting the meetings' rows clears their rows everywhere.
    const IDS_PER_STATEMENT: usize = 500;
    for chunk in ids.chunks(IDS_PER_STATEMENT) {
        let sql = format!(
            "DELETE FROM meetings WHERE id IN ({})",
            vec!["?"; chunk.len()].join(", ")
        );
        // The statement text holds only placeholders; the ids are bound.
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in chunk {
            q = q.bind(id.as_str());
        }
        q.execute(&mut *tx)
            .await
            .ctx(|| format!("clearing the projection of {who}"))?;
    }
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
    who: &str,
    head: &'static str,
    cols: usize,
    values: Vec<V>,
) -> Result<()> {
    const ROWS_PER_STATEMENT: usize = 200;
    let row = format!("({})", vec!["?"; cols].join(", "));
    let mut values = values.into_iter().peekable();
    while values.peek().is_some() {
        let chunk: Vec<V> = values.by_ref().take(cols * ROWS_PER_STATEMENT).collect();
        let sql = format!(
            "{head} VALUES {}",
            vec![row.as_str(); chunk.len() / cols].join(", ")
        );
        // The statement text holds only our column list and placeholders; all data is bound.
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for v in chunk {
            q = match v {
                V::Text(s) => q.bind(s),
                V::Int(i) => q.bind(i),
            };
        }
        q.execute(&mut *tx)
            .await
            .ctx(|| format!("projecting {who} ({head})"))?;
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

/// The meeting's rows, one method per table; each returns the search rows its items give.
impl Projection {
    fn meeting<'a>(&mut self, id: &str, r: &'a MeetingRecord) -> SearchRow<'a> {
        let m = &r.meeting;
        let open = |s: ActionStatus| matches!(s, ActionStatus::Open | ActionStatus::InProgress);
        self.meetings.extend([
            t(id),
            t(m.title.as_str()),
            t(enum_str(&m.kind)),
            ot(m.convened_by.as_deref()),
            V::Text(date(Some(m.date))),
            V::Text(date(m.end_date)),
            ot(m.venue.as_deref()),
            t(m.language.code()),
            ot(m.symbol.as_deref()),
            ot(m.chair.as_ref().map(|c| c.name.as_str())),
            ot(m.chair.as_ref().and_then(|c| c.title.as_deref())),
            ot(m.chair.as_ref().and_then(|c| c.role.as_deref())),
            t(enum_str(&m.status)),
            n(r.attendance
                .delegations
                .iter()
                .filter(|d| d.present)
                .count()),
            n(r.interventions.0.len()),
            n(r.action_items.len()),
            n(r.action_items.iter().filter(|a| open(a.status)).count()),
            n(r.documents.len()),
            ot(m.session.as_deref()),
        ]);

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
        (
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
        )
    }

    /// Groups and delegations share the `attendance` table; the search row holds every delegation's names.
    fn attendance<'a>(&mut self, id: &str, r: &'a MeetingRecord) -> SearchRow<'a> {
        for (i, g) in r.attendance.groups.iter().enumerate() {
            self.attendance.extend([
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
            self.attendance.extend([
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
        (HitKind::Delegation, None, delegation_names.join("\n"))
    }

    fn interventions<'a>(&mut self, id: &str, r: &'a MeetingRecord) -> Vec<SearchRow<'a>> {
        let mut search = Vec::new();
        for (i, iv) in r.interventions.0.iter().enumerate() {
            self.interventions.extend([
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
        search
    }

    fn action_items<'a>(&mut self, id: &str, r: &'a MeetingRecord) -> Vec<SearchRow<'a>> {
        let mut search = Vec::new();
        for (i, a) in r.action_items.iter().enumerate() {
            self.action_items.extend([
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
        search
    }

    /// The summary has index 0; statements are numbered from 0 in the record's order.
    fn documents<'a>(&mut self, id: &str, r: &'a MeetingRecord) -> Vec<SearchRow<'a>> {
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
            self.documents.extend([
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
        search
    }
}
