//! Clearance inside the meeting's Loro document: comments, suggestions, the lifecycle status and its history.
//!
//! Each document (key `summary`, or a statement's id) has its own **root** containers, named after it, so two
//! replicas that start reviewing the same text offline write into the same containers (a container created
//! inside a map entry by two replicas at once would leave one of them hidden):
//!
//! | root container | type | contents |
//! |---|---|---|
//! | `review:<key>` | map | `status` (last writer wins), `corrigendum` (number) |
//! | `review_comments:<key>` | map | comment id → map `{start, end, text, author, at, resolved, resolved_by, replies: list}` |
//! | `review_suggestions:<key>` | map | suggestion id → map `{start, end, insert, author, at, state, decided_by}` |
//! | `review_log:<key>` | list | events `{kind, by, at, detail}`, in the order they merged |
//! | `review_circulated:<key>` | list | texts kept when a corrigendum reopened them `{corrigendum, text, at, by}` |
//! | `review_applied:<key>` | map | `<suggestion id>@<peer>` → `{first, last}`: what an acceptance inserted (`accepts.rs`) |
//!
//! `start` and `end` are Loro cursors (encoded bytes) on the document's text, so a range follows its text through
//! every edit, concurrent ones included, and resolves to where the text was if it was deleted. Ids are UUID v7,
//! so sorting by id lists comments and suggestions oldest first on every replica.

use loro::cursor::{Cursor, Side};
use loro::{
    Container, ContainerTrait, LoroDoc, LoroList, LoroMap, LoroText, LoroValue, ValueOrContainer,
};
use rapporteur_core::DocumentKind;

use crate::error::{Result, StoreError};
use crate::layout::{DOCUMENTS, SUMMARY};
use crate::review::*;
use crate::values::{check_text, entry, get_str, map_value, new_id, put, statement_body};
use crate::writer::Writer;

/// The current time as history records it.
pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The document's key and field name ("summary", "statements[2]").
fn key_of(
    meeting_id: &str,
    doc: &LoroDoc,
    kind: DocumentKind,
    index: u32,
) -> Result<(String, String)> {
    match kind {
        DocumentKind::Summary if index == 0 => Ok(("summary".into(), "summary".into())),
        DocumentKind::Summary => Err(StoreError::invalid(
            meeting_id,
            "index",
            "the summary is document index 0",
        )),
        DocumentKind::Statement => entry(&doc.get_movable_list(DOCUMENTS), index as usize)
            .and_then(|m| get_str(&m, "id"))
            .map(|id| (id, format!("statements[{index}]")))
            .ok_or_else(|| StoreError::not_found("statement", index.to_string(), meeting_id)),
    }
}

/// The document's text, if it exists.
fn text_of(doc: &LoroDoc, kind: DocumentKind, index: u32) -> Option<LoroText> {
    let body = match kind {
        DocumentKind::Summary => doc.get_map(SUMMARY).get("body"),
        DocumentKind::Statement => {
            entry(&doc.get_movable_list(DOCUMENTS), index as usize).and_then(|m| m.get("body"))
        }
    };
    match body {
        Some(ValueOrContainer::Container(Container::Text(t))) => Some(t),
        _ => None,
    }
}

/// The id of the document's clearance log, which every clearance step writes to (for the history).
pub(crate) fn log_container(
    meeting_id: &str,
    doc: &LoroDoc,
    kind: DocumentKind,
    index: u32,
) -> Result<loro::ContainerID> {
    let (key, _) = key_of(meeting_id, doc, kind, index)?;
    Ok(doc.get_list(format!("review_log:{key}").as_str()).id())
}

fn status_of(doc: &LoroDoc, key: &str) -> ReviewStatus {
    get_str(&doc.get_map(format!("review:{key}").as_str()), "status")
        .and_then(|s| ReviewStatus::parse(&s))
        .unwrap_or_default()
}

/// Refuse an edit of a final or circulated text, with the way out.
pub(crate) fn check_unlocked(w: &Writer<'_>, kind: DocumentKind, index: u32) -> Result<()> {
    let (key, field) = key_of(w.meeting_id, w.doc, kind, index)?;
    let status = status_of(w.doc, &key);
    if status.is_locked() {
        return Err(w.invalid(
            field,
            format!(
                "the text is {} and refuses edits; reopen it first (rapporteur review status --reopen)",
                status.as_str()
            ),
        ));
    }
    Ok(())
}

fn get_bool(map: &LoroMap, key: &str) -> bool {
    matches!(
        map.get(key),
        Some(ValueOrContainer::Value(LoroValue::Bool(true)))
    )
}

fn get_i64(map: &LoroMap, key: &str) -> i64 {
    match map.get(key) {
        Some(ValueOrContainer::Value(LoroValue::I64(n))) => n,
        _ => 0,
    }
}

fn value_str(v: &LoroValue, key: &str) -> String {
    match v {
        LoroValue::Map(m) => match m.get(key) {
            Some(LoroValue::String(s)) => s.to_string(),
            Some(LoroValue::I64(n)) => n.to_string(),
            _ => String::new(),
        },
        _ => String::new(),
    }
}

/// The maps of a `review_comments` or `review_suggestions` container, oldest first.
fn entries(map: &LoroMap) -> Vec<(String, LoroMap)> {
    let mut out = Vec::new();
    map.for_each(|k, v| {
        if let ValueOrContainer::Container(Container::Map(m)) = v {
            out.push((k.to_owned(), m));
        }
    });
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Where a stored cursor points now; 0 when the text never existed.
fn cursor_pos(meeting_id: &str, doc: &LoroDoc, map: &LoroMap, key: &str) -> Result<usize> {
    let Some(ValueOrContainer::Value(LoroValue::Binary(bytes))) = map.get(key) else {
        return Err(StoreError::corrupt(
            meeting_id,
            key,
            "a range end is missing",
        ));
    };
    let cursor =
        Cursor::decode(&bytes).map_err(|e| StoreError::corrupt(meeting_id, key, e.to_string()))?;
    doc.get_cursor_pos(&cursor)
        .map(|r| r.current.pos)
        .map_err(|e| StoreError::crdt(meeting_id, "resolving a range", e))
}

/// A stored range as offsets into the text now, `end` never before `start` nor past the end.
fn range(meeting_id: &str, doc: &LoroDoc, map: &LoroMap, len: usize) -> Result<(usize, usize)> {
    let start = cursor_pos(meeting_id, doc, map, "start")?.min(len);
    let end = cursor_pos(meeting_id, doc, map, "end")?.min(len).max(start);
    Ok((start, end))
}

fn slice(text: Option<&LoroText>, start: usize, end: usize) -> String {
    match text {
        Some(t) if end > start => t.slice(start, end).unwrap_or_default(),
        _ => String::new(),
    }
}

fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A document's clearance as it stands in `doc`.
pub(crate) fn read(
    meeting_id: &str,
    doc: &LoroDoc,
    kind: DocumentKind,
    index: u32,
) -> Result<Review> {
    let (key, _) = key_of(meeting_id, doc, kind, index)?;
    let text = text_of(doc, kind, index);
    let len = text.as_ref().map_or(0, LoroText::len_unicode);
    let mut comments = Vec::new();
    for (id, m) in entries(&doc.get_map(format!("review_comments:{key}").as_str())) {
        let (start, end) = range(meeting_id, doc, &m, len)?;
        let replies = match m.get("replies") {
            Some(ValueOrContainer::Container(Container::List(l))) => l
                .get_value()
                .into_list()
                .map(|l| l.iter().cloned().collect::<Vec<_>>())
                .unwrap_or_default()
                .iter()
                .map(|v| CommentReply {
                    author: value_str(v, "author"),
                    at: value_str(v, "at"),
                    text: value_str(v, "text"),
                })
                .collect(),
            _ => Vec::new(),
        };
        comments.push(Comment {
            id,
            start: offset(start),
            end: offset(end),
            quote: slice(text.as_ref(), start, end),
            text: get_str(&m, "text").unwrap_or_default(),
            author: get_str(&m, "author").unwrap_or_default(),
            at: get_str(&m, "at").unwrap_or_default(),
            resolved: get_bool(&m, "resolved"),
            resolved_by: get_str(&m, "resolved_by"),
            replies,
        });
    }
    let mut suggestions = Vec::new();
    for (id, m) in entries(&doc.get_map(format!("review_suggestions:{key}").as_str())) {
        let (start, end) = range(meeting_id, doc, &m, len)?;
        let state = match get_str(&m, "state").as_deref() {
            Some("accepted") => SuggestionState::Accepted,
            Some("rejected") => SuggestionState::Rejected,
            _ => SuggestionState::Open,
        };
        suggestions.push(Suggestion {
            id,
            start: offset(start),
            end: offset(end),
            deleted: slice(text.as_ref(), start, end),
            insert: get_str(&m, "insert").unwrap_or_default(),
            author: get_str(&m, "author").unwrap_or_default(),
            at: get_str(&m, "at").unwrap_or_default(),
            state,
            decided_by: get_str(&m, "decided_by"),
        });
    }
    let list = |name: &str| -> Vec<LoroValue> {
        doc.get_list(format!("{name}:{key}").as_str())
            .get_value()
            .into_list()
            .map(|l| l.iter().cloned().collect())
            .unwrap_or_default()
    };
    let events = list("review_log")
        .iter()
        .filter_map(|v| {
            let kind =
                serde_json::from_value(serde_json::Value::String(value_str(v, "kind"))).ok()?;
            Some(ReviewEvent {
                kind,
                by: value_str(v, "by"),
                at: value_str(v, "at"),
                detail: value_str(v, "detail"),
            })
        })
        .collect();
    let circulated = list("review_circulated")
        .iter()
        .map(|v| CirculatedVersion {
            corrigendum: value_str(v, "corrigendum").parse().unwrap_or(0),
            text: value_str(v, "text"),
            at: value_str(v, "at"),
            by: value_str(v, "by"),
        })
        .collect();
    let head = doc.get_map(format!("review:{key}").as_str());
    Ok(Review {
        status: status_of(doc, &key),
        corrigendum: u32::try_from(get_i64(&head, "corrigendum")).unwrap_or(0),
        comments,
        suggestions,
        events,
        circulated,
    })
}

/// One document's clearance containers, for writing.
pub(crate) struct Clearance<'w, 'a> {
    w: &'w Writer<'a>,
    kind: DocumentKind,
    index: u32,
    key: String,
    field: String,
}

impl<'w, 'a> Clearance<'w, 'a> {
    pub(crate) fn open(w: &'w Writer<'a>, kind: DocumentKind, index: u32) -> Result<Self> {
        let (key, field) = key_of(w.meeting_id, w.doc, kind, index)?;
        Ok(Clearance {
            w,
            kind,
            index,
            key,
            field,
        })
    }

    fn root_map(&self, name: &str) -> LoroMap {
        self.w.doc.get_map(format!("{name}:{}", self.key).as_str())
    }

    fn root_list(&self, name: &str) -> LoroList {
        self.w.doc.get_list(format!("{name}:{}", self.key).as_str())
    }

    /// The document's text, created for the summary if it was never written.
    fn text(&self) -> Result<LoroText> {
        match self.kind {
            DocumentKind::Summary => self
                .w
                .doc
                .get_map(SUMMARY)
                .ensure_mergeable_text("body")
                .map_err(|e| self.w.crdt(e)),
            DocumentKind::Statement => {
                let map = self.w.at(DOCUMENTS, "statement", self.index)?;
                statement_body(&map).map_err(|e| self.w.crdt(e))
            }
        }
    }

    fn bad(&self, what: &str, message: impl Into<String>) -> StoreError {
        self.w.invalid(format!("{}.{what}", self.field), message)
    }

    pub(crate) fn apply(&self, action: &ReviewAction, author: &str, at: &str) -> Result<()> {
        check_text(self.w.meeting_id, action)?;
        match action {
            ReviewAction::Comment {
                start, end, text, ..
            } => self.comment(*start, *end, text, author, at),
            ReviewAction::Reply { comment, text, .. } => self.reply(comment, text, author, at),
            ReviewAction::Resolve {
                comment, resolved, ..
            } => self.resolve(comment, *resolved, author, at),
            ReviewAction::Suggest {
                start, end, insert, ..
            } => self.suggest(*start, *end, insert, author, at),
            ReviewAction::Accept { which, .. } => self.decide(which, true, author, at),
            ReviewAction::Reject { which, .. } => self.decide(which, false, author, at),
            ReviewAction::SetStatus { status, .. } => self.set_status(*status, author, at),
            ReviewAction::Reopen { .. } => self.reopen(author, at),
            ReviewAction::Corrigendum { .. } => self.corrigendum(author, at),
        }
    }

    fn log(&self, kind: ReviewEventKind, by: &str, at: &str, detail: &str) -> Result<()> {
        let kind = match serde_json::to_value(kind) {
            Ok(serde_json::Value::String(s)) => s,
            _ => return Err(self.w.invalid("review", "unnamed event kind")),
        };
        self.root_list("review_log")
            .push(map_value(&[
                ("kind", Some(kind.into())),
                ("by", Some(by.into())),
                ("at", Some(at.into())),
                ("detail", Some(detail.into())),
            ]))
            .map_err(|e| self.w.crdt(e))
    }

    /// A new entry of `container` with cursors for `start..end`, checked against the text.
    fn anchored(&self, container: &str, start: u32, end: u32) -> Result<(String, LoroMap)> {
        let text = self.text()?;
        let len = text.len_unicode();
        let (s, e) = (start as usize, end as usize);
        if s > e || e > len {
            return Err(self.bad(
                "range",
                format!("{start}..{end} is not a range of the text (0..{len})"),
            ));
        }
        let cursor = |pos| {
            text.get_cursor(pos, Side::Middle)
                .map(|c| LoroValue::Binary(c.encode().into()))
                .ok_or_else(|| self.bad("range", format!("no position {pos} in the text")))
        };
        let (cs, ce) = (cursor(s)?, cursor(e)?);
        let id = new_id();
        let map = self
            .root_map(container)
            .insert_container(&id, LoroMap::new())
            .map_err(|e| self.w.crdt(e))?;
        map.insert("start", cs)
            .and_then(|_| map.insert("end", ce))
            .map_err(|e| self.w.crdt(e))?;
        Ok((id, map))
    }

    fn comment(&self, start: u32, end: u32, text: &str, author: &str, at: &str) -> Result<()> {
        if text.trim().is_empty() {
            return Err(self.bad("comment", "a comment needs some text"));
        }
        let (id, map) = self.anchored("review_comments", start, end)?;
        map.insert("text", text)
            .and_then(|_| map.insert("author", author))
            .and_then(|_| map.insert("at", at))
            .and_then(|_| map.insert("resolved", false))
            .and_then(|_| map.insert_container("replies", LoroList::new()).map(drop))
            .map_err(|e| self.w.crdt(e))?;
        self.log(ReviewEventKind::Comment, author, at, &id)
    }

    fn find(&self, container: &str, kind: &'static str, id: &str) -> Result<LoroMap> {
        match self.root_map(container).get(id) {
            Some(ValueOrContainer::Container(Container::Map(m))) => Ok(m),
            _ => Err(StoreError::not_found(kind, id, self.w.meeting_id)),
        }
    }

    fn reply(&self, comment: &str, text: &str, author: &str, at: &str) -> Result<()> {
        if text.trim().is_empty() {
            return Err(self.bad("reply", "a reply needs some text"));
        }
        let map = self.find("review_comments", "comment", comment)?;
        let Some(ValueOrContainer::Container(Container::List(replies))) = map.get("replies") else {
            return Err(StoreError::corrupt(
                self.w.meeting_id,
                "replies",
                "not a list",
            ));
        };
        replies
            .push(map_value(&[
                ("author", Some(author.into())),
                ("at", Some(at.into())),
                ("text", Some(text.into())),
            ]))
            .map_err(|e| self.w.crdt(e))?;
        self.log(ReviewEventKind::Reply, author, at, comment)
    }

    fn resolve(&self, comment: &str, resolved: bool, author: &str, at: &str) -> Result<()> {
        let map = self.find("review_comments", "comment", comment)?;
        put(&map, "resolved", Some(resolved.into()))
            .and_then(|_| put(&map, "resolved_by", Some(author.into())))
            .map_err(|e| self.w.crdt(e))?;
        self.log(ReviewEventKind::Resolve, author, at, comment)
    }

    fn suggest(&self, start: u32, end: u32, insert: &str, author: &str, at: &str) -> Result<()> {
        if start == end && insert.is_empty() {
            return Err(self.bad("suggestion", "a suggestion must insert or delete something"));
        }
        let (id, map) = self.anchored("review_suggestions", start, end)?;
        map.insert("insert", insert)
            .and_then(|_| map.insert("author", author))
            .and_then(|_| map.insert("at", at))
            .and_then(|_| map.insert("state", "open"))
            .map_err(|e| self.w.crdt(e))?;
        self.log(ReviewEventKind::Suggestion, author, at, &id)
    }

    fn decide(&self, which: &Which, accept: bool, author: &str, at: &str) -> Result<()> {
        if accept {
            check_unlocked(self.w, self.kind, self.index)?;
        }
        let open = |m: &LoroMap| get_str(m, "state").as_deref() == Some("open");
        let chosen: Vec<(String, LoroMap)> = match which {
            Which::One(id) => {
                let m = self.find("review_suggestions", "suggestion", id)?;
                if !open(&m) {
                    return Err(self.bad(
                        "suggestion",
                        format!(
                            "suggestion {id} was already {}",
                            get_str(&m, "state").unwrap_or_default()
                        ),
                    ));
                }
                vec![(id.clone(), m)]
            }
            Which::All => entries(&self.root_map("review_suggestions"))
                .into_iter()
                .filter(|(_, m)| open(m))
                .collect(),
        };
        for (id, m) in chosen {
            if accept {
                self.apply_suggestion(&id, &m)?;
            }
            let state = if accept { "accepted" } else { "rejected" };
            put(&m, "state", Some(state.into()))
                .and_then(|_| put(&m, "decided_by", Some(author.into())))
                .map_err(|e| self.w.crdt(e))?;
            let kind = if accept {
                ReviewEventKind::SuggestionAccepted
            } else {
                ReviewEventKind::SuggestionRejected
            };
            self.log(kind, author, at, &id)?;
        }
        Ok(())
    }

    /// Replace the suggestion's range, where it is now, with its insertion (recorded: see `accepts.rs`).
    fn apply_suggestion(&self, id: &str, m: &LoroMap) -> Result<()> {
        let text = self.text()?;
        let (start, end) = range(self.w.meeting_id, self.w.doc, m, text.len_unicode())?;
        let insert = get_str(m, "insert").unwrap_or_default();
        if end > start {
            text.delete(start, end - start)
                .map_err(|e| self.w.crdt(e))?;
        }
        if !insert.is_empty() {
            text.insert(start, &insert).map_err(|e| self.w.crdt(e))?;
        }
        let len = insert.chars().count();
        crate::accepts::record(self.w, &self.key, id, &text, start, len)
    }

    fn set_status(&self, status: ReviewStatus, author: &str, at: &str) -> Result<()> {
        let current = status_of(self.w.doc, &self.key);
        if current.next() != Some(status) {
            let allowed = current
                .next()
                .map_or("none: open a corrigendum".to_owned(), |n| {
                    n.as_str().to_owned()
                });
            return Err(self.bad(
                "status",
                format!(
                    "cannot move from {} to {}; the next status is {allowed}",
                    current.as_str(),
                    status.as_str()
                ),
            ));
        }
        self.write_status(status)?;
        self.log(ReviewEventKind::StatusChange, author, at, status.as_str())
    }

    fn write_status(&self, status: ReviewStatus) -> Result<()> {
        put(
            &self.root_map("review"),
            "status",
            Some(status.as_str().into()),
        )
        .map_err(|e| self.w.crdt(e))
    }

    fn reopen(&self, author: &str, at: &str) -> Result<()> {
        let current = status_of(self.w.doc, &self.key);
        match current {
            ReviewStatus::Final => {}
            ReviewStatus::Circulated => {
                return Err(self.bad(
                    "status",
                    "a circulated text is corrected by a corrigendum (rapporteur review status --corrigendum)",
                ));
            }
            _ => {
                return Err(self.bad(
                    "status",
                    format!("the text is {}, not final", current.as_str()),
                ));
            }
        }
        self.write_status(ReviewStatus::Draft)?;
        self.log(
            ReviewEventKind::Reopen,
            author,
            at,
            ReviewStatus::Draft.as_str(),
        )
    }

    fn corrigendum(&self, author: &str, at: &str) -> Result<()> {
        let current = status_of(self.w.doc, &self.key);
        if current != ReviewStatus::Circulated {
            return Err(self.bad(
                "status",
                format!(
                    "only a circulated text has a corrigendum; this one is {}",
                    current.as_str()
                ),
            ));
        }
        let head = self.root_map("review");
        let number = get_i64(&head, "corrigendum");
        self.root_list("review_circulated")
            .push(map_value(&[
                ("corrigendum", Some(number.into())),
                ("text", Some(self.text()?.to_string().into())),
                ("at", Some(at.into())),
                ("by", Some(author.into())),
            ]))
            .map_err(|e| self.w.crdt(e))?;
        put(&head, "corrigendum", Some((number + 1).into())).map_err(|e| self.w.crdt(e))?;
        self.write_status(ReviewStatus::Draft)?;
        self.log(
            ReviewEventKind::Corrigendum,
            author,
            at,
            &(number + 1).to_string(),
        )
    }
}
