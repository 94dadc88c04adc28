//! How results look on a terminal, and as JSON for scripts. Presentation only: nothing here decides anything.
//!
//! Text from the data (titles, names, snippets) may hold what a terminal obeys rather than prints: escape
//! sequences, NULs, bidi overrides. On the terminal every such character is shown as its escape (`\u{1b}`) by
//! [`safe`]; JSON output is escaped by serde_json already.

use rapporteur_app::{
    Attachment, DocVersion, DocumentKind, Letterhead, MeetingRecord, MeetingSummary, ReplicaInfo,
    Review, RoundReport, SearchHit, SuggestionState, TrackedAction,
};
use serde::Serialize;
use std::borrow::Cow;

/// `text` with every control character (including line breaks, so one item stays one line) and every bidi
/// override or isolate shown as its escape instead of being sent to the terminal.
pub fn safe(text: &str) -> Cow<'_, str> {
    safe_keeping(text, false)
}

/// [`safe`], keeping line feeds, for text printed as a block of lines.
fn safe_lines(text: &str) -> Cow<'_, str> {
    safe_keeping(text, true)
}

fn safe_keeping(text: &str, lines: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && !(lines && c == '\n'))
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn json<T: Serialize + ?Sized>(value: &T) {
    println!(
        "{}",
        json_safe(&serde_json::to_string_pretty(value).expect("our types always serialise"))
    );
}

/// serde_json escapes C0 controls but writes C1 controls and bidi overrides as they are; outside ASCII, JSON
/// text is only ever inside strings, where `\uXXXX` means the same character.
fn json_safe(json: &str) -> Cow<'_, str> {
    let escape = |c: char| matches!(c, '\u{80}'..='\u{9F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if !json.chars().any(escape) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if escape(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

pub fn meetings(list: &[MeetingSummary], as_json: bool) {
    if as_json {
        return json(list);
    }
    for m in list {
        println!("{}  {}  {}", m.id, m.date, safe(&m.title));
    }
}

pub fn record(r: &MeetingRecord, as_json: bool) {
    if as_json {
        return println!("{}", json_safe(&rapporteur_app::to_json(r)));
    }
    let m = &r.meeting;
    let lang = m.language;
    println!("{}", safe(&m.title));
    match m.end_date {
        Some(end) => println!("{} to {}", m.date, end),
        None => println!("{}", m.date),
    }
    for (label, value) in [
        ("Convened by", &m.convened_by),
        ("Venue", &m.venue),
        ("Symbol", &m.symbol),
    ] {
        if let Some(v) = value {
            println!("{label}: {}", safe(v));
        }
    }
    if let Some(c) = &m.chair {
        let extra = [&c.title, &c.role]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>();
        if extra.is_empty() {
            println!("Chair: {}", safe(&c.name));
        } else {
            println!("Chair: {} ({})", safe(&c.name), safe(&extra.join(", ")));
        }
    }
    let counts = r.attendance.counts();
    if !counts.is_empty() {
        println!("\nAttendance");
        for c in counts {
            let label = c
                .label
                .clone()
                .unwrap_or_else(|| c.category.as_str().replace('_', " "));
            println!("  {:>4}  {}", c.count, safe(&label));
        }
    }
    if !r.interventions.0.is_empty() {
        println!("\nSpeakers");
        for (i, iv) in r.interventions.0.iter().enumerate() {
            println!("  {:>3}. {}", i + 1, safe(iv.speaker.name_in(lang)));
            if !iv.summary.trim().is_empty() {
                println!("       {}", safe_lines(iv.summary.trim()));
            }
        }
    }
    if !r.action_items.is_empty() {
        println!("\nAction items");
        for a in &r.action_items {
            let due = a.due.map(|d| format!(", due {d}")).unwrap_or_default();
            println!(
                "  [{}] {} from {} to {}{}: {}",
                serde_plain(&a.status),
                serde_plain(&a.kind),
                safe(&a.from),
                safe(&a.to),
                due,
                safe(&a.text)
            );
        }
    }
    if !r.documents.is_empty() {
        println!("\nDocuments");
        for d in &r.documents {
            let title = d.title.as_deref().unwrap_or("(untitled)");
            println!("  {}: {}", d.kind.as_str(), safe(title));
        }
    }
}

fn serde_plain<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

pub fn hits(hits: &[SearchHit], as_json: bool) {
    if as_json {
        return json(hits);
    }
    for h in hits {
        println!(
            "{}  {}  {} [{}]: {}",
            h.meeting_id,
            h.date,
            safe(&h.meeting_title),
            serde_plain(&h.kind),
            safe(&h.snippet)
        );
    }
}

pub fn actions(items: &[TrackedAction], as_json: bool) {
    if as_json {
        return json(items);
    }
    for t in items {
        let a = &t.item;
        let due = a.due.map(|d| format!(" due {d}")).unwrap_or_default();
        let overdue = if t.overdue { " OVERDUE" } else { "" };
        println!(
            "[{}{}] {} ({}){}: {} → {}: {}",
            serde_plain(&a.status),
            overdue,
            safe(&t.meeting_title),
            t.meeting_date,
            due,
            safe(&a.from),
            safe(&a.to),
            safe(&a.text)
        );
    }
}

pub fn history(versions: &[DocVersion], as_json: bool) {
    if as_json {
        return json(versions);
    }
    if versions.is_empty() {
        println!("no versions yet");
    }
    for v in versions {
        let via = if v.synced { ", via sync" } else { "" };
        println!(
            "{}  {}  {}  {}{via}",
            v.version_id,
            v.time,
            safe(&v.replica_name),
            v.change.as_str()
        );
    }
}

pub fn sync(report: &RoundReport, as_json: bool) {
    if as_json {
        return json(report);
    }
    // One snapshot can carry many meetings (a first upload): files are counted once.
    let files: std::collections::BTreeSet<&str> =
        report.sent.iter().map(|s| s.file.as_str()).collect();
    println!(
        "sent {} file(s), received {} file(s), skipped {}",
        files.len(),
        report.received.len(),
        report.skipped.len()
    );
    if let Some(former) = &report.identity_renewed {
        let why = report
            .identity_reason
            .as_deref()
            .unwrap_or("this data directory is a copy of another installation's");
        println!(
            "  new replica id {} (was {former}): {why}; everything here is sent again under the new id",
            report.replica_id
        );
    }
    for s in &report.skipped {
        println!("  skipped {}: {}", safe(&s.file), safe(&s.reason));
    }
    for f in &report.healed {
        println!("  healed {f}: missing or damaged in the folder, covered by a new snapshot");
    }
    for w in &report.waiting_for_me {
        println!("  replica {} waits for {}", w.replica_id, w.file);
    }
    for name in &report.ignored {
        println!("  ignored {}", safe(name));
    }
    if !report.sent_blobs.is_empty() || !report.received_blobs.is_empty() {
        println!(
            "  attachments: sent {}, received {}",
            report.sent_blobs.len(),
            report.received_blobs.len()
        );
    }
    for p in &report.pending_blobs {
        println!("  pending {}: {}", safe(&p.file), safe(&p.reason));
    }
    for e in [&report.write_error, &report.read_error]
        .into_iter()
        .flatten()
    {
        println!("  warning: {}", safe(e));
    }
}

pub fn replica(r: &ReplicaInfo) {
    println!("{}  {}", r.id, safe(&r.name));
}

pub fn letterhead(l: &Letterhead) {
    println!("organisation: {}", safe(&l.organisation));
    println!("unit: {}", safe(l.unit.as_deref().unwrap_or("")));
    match &l.logo {
        Some(bytes) => println!("logo: {} bytes", bytes.len()),
        None => println!("logo: none"),
    }
}

pub fn attachments(list: &[Attachment], as_json: bool) {
    if as_json {
        return json(list);
    }
    for a in list {
        let doc = match a.doc_kind {
            DocumentKind::Summary => "summary".to_owned(),
            DocumentKind::Statement => format!("statement {}", a.doc_index),
        };
        let state = if a.available {
            ""
        } else {
            "  (not arrived yet)"
        };
        println!(
            "{}  {doc}  {}  {} bytes{state}",
            a.id,
            safe(&a.name),
            a.size
        );
    }
}

/// A document's clearance: its status, then one line per comment (its replies indented), suggestion and event.
pub fn review(r: &Review, as_json: bool) {
    if as_json {
        return json(r);
    }
    review_status(r, false);
    for c in &r.comments {
        let resolved = if c.resolved { "  resolved" } else { "" };
        println!(
            "comment {}  {}  {}  {}..{} {:?}{resolved}  {}",
            c.id,
            safe(&c.author),
            c.at,
            c.start,
            c.end,
            c.quote,
            safe(&c.text)
        );
        for reply in &c.replies {
            println!(
                "  reply  {}  {}  {}",
                safe(&reply.author),
                reply.at,
                safe(&reply.text)
            );
        }
    }
    for s in &r.suggestions {
        println!(
            "suggestion {}  {}  {}  {}  {}..{} delete {:?} insert {:?}",
            s.id,
            review_state(s.state),
            safe(&s.author),
            s.at,
            s.start,
            s.end,
            s.deleted,
            s.insert
        );
    }
    for e in &r.events {
        let kind = serde_json::to_value(e.kind).unwrap_or_default();
        println!(
            "event  {}  {}  {}  {}",
            e.at,
            safe(&e.by),
            kind.as_str().unwrap_or_default(),
            safe(&e.detail)
        );
    }
}

fn review_state(s: SuggestionState) -> &'static str {
    match s {
        SuggestionState::Open => "open",
        SuggestionState::Accepted => "accepted",
        SuggestionState::Rejected => "rejected",
    }
}

/// The status line: `status: final`, with the corrigendum number when there is one.
pub fn review_status(r: &Review, as_json: bool) {
    if as_json {
        return json(&serde_json::json!({"status": r.status, "corrigendum": r.corrigendum}));
    }
    match r.corrigendum {
        0 => println!("status: {}", r.status.as_str()),
        n => println!("status: {} (corrigendum {n})", r.status.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_terminal_obeys_is_shown_escaped() {
        assert_eq!(safe("a\u{1b}[2Jb\0c\u{9b}d"), "a\\u{1b}[2Jb\\u{0}c\\u{9b}d");
        assert_eq!(safe("one\ntwo"), "one\\u{a}two");
        assert_eq!(safe_lines("one\ntwo\u{202e}"), "one\ntwo\\u{202e}");
        assert!(matches!(safe("plain, é, 中文"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_output_escapes_c1_controls_and_bidi_overrides_and_stays_json() {
        let json = serde_json::to_string(&["a\u{9b}2J\u{202e}b"]).unwrap();
        let safe = json_safe(&json);
        assert_eq!(safe, "[\"a\\u009b2J\\u202eb\"]");
        let back: Vec<String> = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, ["a\u{9b}2J\u{202e}b"]);
    }
}
