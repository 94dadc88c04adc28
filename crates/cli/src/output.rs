//! How results look on a terminal, and as JSON for scripts. Presentation only: nothing here decides anything.

use rapporteur_app::{
    Attachment, DocVersion, Letterhead, MeetingSummary, ReplicaInfo, RoundReport, SearchHit,
    TrackedAction,
};
use rapporteur_core::{DocumentKind, MeetingRecord};
use serde::Serialize;

fn json<T: Serialize + ?Sized>(value: &T) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).expect("our types always serialise")
    );
}

pub fn meetings(list: &[MeetingSummary], as_json: bool) {
    if as_json {
        return json(list);
    }
    for m in list {
        println!("{}  {}  {}", m.id, m.date, m.title);
    }
}

pub fn record(r: &MeetingRecord, as_json: bool) {
    if as_json {
        return println!("{}", rapporteur_core::to_json(r));
    }
    let m = &r.meeting;
    let lang = m.language;
    println!("{}", m.title);
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
            println!("{label}: {v}");
        }
    }
    if let Some(c) = &m.chair {
        let extra = [&c.title, &c.role]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>();
        if extra.is_empty() {
            println!("Chair: {}", c.name);
        } else {
            println!("Chair: {} ({})", c.name, extra.join(", "));
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
            println!("  {:>4}  {label}", c.count);
        }
    }
    if !r.interventions.0.is_empty() {
        println!("\nSpeakers");
        for (i, iv) in r.interventions.0.iter().enumerate() {
            println!("  {:>3}. {}", i + 1, iv.speaker.name_in(lang));
            if !iv.summary.trim().is_empty() {
                println!("       {}", iv.summary.trim());
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
                a.from,
                a.to,
                due,
                a.text
            );
        }
    }
    if !r.documents.is_empty() {
        println!("\nDocuments");
        for d in &r.documents {
            let title = d.title.as_deref().unwrap_or("(untitled)");
            println!("  {}: {}", d.kind.as_str(), title);
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
            h.meeting_title,
            serde_plain(&h.kind),
            h.snippet
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
            t.meeting_title,
            t.meeting_date,
            due,
            a.from,
            a.to,
            a.text
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
            v.replica_name,
            v.change.as_str()
        );
    }
}

pub fn sync(report: &RoundReport, as_json: bool) {
    if as_json {
        return json(report);
    }
    println!(
        "sent {} file(s), received {} file(s), skipped {}",
        report.sent.len(),
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
        println!("  skipped {}: {}", s.file, s.reason);
    }
    for f in &report.healed {
        println!("  healed {f}: missing or damaged in the folder, covered by a new snapshot");
    }
    for w in &report.waiting_for_me {
        println!("  replica {} waits for {}", w.replica_id, w.file);
    }
    for name in &report.ignored {
        println!("  ignored {name}");
    }
    if !report.sent_blobs.is_empty() || !report.received_blobs.is_empty() {
        println!(
            "  attachments: sent {}, received {}",
            report.sent_blobs.len(),
            report.received_blobs.len()
        );
    }
    for p in &report.pending_blobs {
        println!("  pending {}: {}", p.file, p.reason);
    }
    for e in [&report.write_error, &report.read_error]
        .into_iter()
        .flatten()
    {
        println!("  warning: {e}");
    }
}

pub fn replica(r: &ReplicaInfo) {
    println!("{}  {}", r.id, r.name);
}

pub fn letterhead(l: &Letterhead) {
    println!("organisation: {}", l.organisation);
    println!("unit: {}", l.unit.as_deref().unwrap_or(""));
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
        println!("{}  {doc}  {}  {} bytes{state}", a.id, a.name, a.size);
    }
}
