//! The record as data: CSV of attendance, of action items or of the list of participants, and an iCalendar
//! file of action-item deadlines (a deadline given as a month falls on the month's last day).
//! Values are the record's own codes (`member_state`, `open`), so a spreadsheet can filter on them.

use std::fmt::Write as _;

use chrono::{Days, Utc};
use rapporteur_core::{ActionItem, ActionStatus, Category, MeetingRecord};

use crate::error::ExportError;
use crate::view::party_name;
use crate::{CsvTable, ExportRequest};

pub(crate) fn csv(record: &MeetingRecord, req: &ExportRequest) -> Result<Vec<u8>, ExportError> {
    let lang = req.lang.unwrap_or(record.meeting.language);
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| ExportError::Encode {
        format: "csv",
        message: e.to_string(),
    };
    match req.csv_table {
        CsvTable::Attendance => {
            // One row per headcount group, then one per named delegation; `row` tells them apart.
            w.write_record([
                "row", "category", "label", "count", "code", "name", "present",
            ])
            .map_err(fail)?;
            let att = &record.attendance;
            for cat in Category::ALL {
                let named = att
                    .delegations
                    .iter()
                    .filter(|d| d.present && d.who.effective_category() == cat)
                    .count();
                if let Some(g) = att.groups.iter().find(|g| g.category == cat) {
                    let count = g.count.map_or(named as u64, u64::from).to_string();
                    let label = cell(g.label.as_deref().unwrap_or(""));
                    w.write_record(["group", cat.as_str(), &label, &count, "", "", ""])
                        .map_err(fail)?;
                }
            }
            for d in &att.delegations {
                let code = d.who.delegation.as_ref().map_or("", |c| c.as_str());
                let name = party_name(&d.who, lang);
                let cat = d.who.effective_category().as_str();
                let present = if d.present { "yes" } else { "no" };
                w.write_record(["delegation", cat, "", "", code, &cell(&name), present])
                    .map_err(fail)?;
            }
        }
        CsvTable::Participants => {
            w.write_record(["code", "delegation", "name", "function", "head"])
                .map_err(fail)?;
            for d in &record.attendance.delegations {
                let code = d.who.delegation.as_ref().map_or("", |c| c.as_str());
                let delegation = party_name(&d.who, lang);
                for p in &d.persons {
                    let head = if p.head { "yes" } else { "no" };
                    let function = p.function.as_deref().unwrap_or_default();
                    w.write_record([
                        code,
                        &cell(&delegation),
                        &cell(&p.name),
                        &cell(function),
                        head,
                    ])
                    .map_err(fail)?;
                }
            }
        }
        CsvTable::Actions => {
            w.write_record(["kind", "from", "to", "text", "due", "status"])
                .map_err(fail)?;
            for a in &record.action_items {
                // A day as YYYY-MM-DD, a month as YYYY-MM.
                let due = a
                    .due
                    .map(|d| d.to_string())
                    .or_else(|| a.due_month.map(|m| m.to_string()))
                    .unwrap_or_default();
                w.write_record([
                    kind_str(a),
                    &cell(&a.from),
                    &cell(&a.to),
                    &cell(&a.text),
                    &due,
                    status_str(a.status),
                ])
                .map_err(fail)?;
            }
        }
    }
    w.into_inner().map_err(|e| ExportError::Encode {
        format: "csv",
        message: e.to_string(),
    })
}

/// A cell of user text, kept from being run as a formula by a spreadsheet (OWASP, "CSV Injection"): a cell
/// starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`, which spreadsheets show as text
/// and hide. The csv crate quotes the cell as needed.
fn cell(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

fn kind_str(a: &ActionItem) -> &'static str {
    use rapporteur_core::ActionKind::*;
    match a.kind {
        Request => "request",
        Commitment => "commitment",
        Invitation => "invitation",
        Decision => "decision",
        NextStep => "next_step",
    }
}

fn status_str(s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::Open => "open",
        ActionStatus::InProgress => "in_progress",
        ActionStatus::Done => "done",
        ActionStatus::Dropped => "dropped",
    }
}

/// RFC 5545 TEXT escaping: backslash, semicolon, comma, and newlines as `\n`.
pub(crate) fn ics_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => o.push_str("\\\\"),
            ';' => o.push_str("\\;"),
            ',' => o.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => o.push_str("\\n"),
            c if c.is_control() => {}
            c => o.push(c),
        }
    }
    o
}

/// Fold a content line at 75 octets (never inside a UTF-8 sequence) and end it with CRLF.
pub(crate) fn fold(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// One all-day event per action item with a deadline. A deadline given as a month ("by April 2020") is an
/// all-day event on the month's last day, the latest day it still holds. UIDs are stable across exports of the
/// same record.
pub(crate) fn ics(record: &MeetingRecord) -> String {
    let mut s = String::new();
    fold(&mut s, "BEGIN:VCALENDAR");
    fold(&mut s, "VERSION:2.0");
    fold(&mut s, "PRODID:-//Rapporteur//Action items//EN");
    fold(&mut s, "CALSCALE:GREGORIAN");
    let stamp = Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
    let meeting = &record.meeting;
    for (i, a) in record.action_items.iter().enumerate() {
        let Some(due) = a.due.or_else(|| a.due_month.map(|m| m.last_day())) else {
            continue;
        };
        let uid = match &a.id {
            Some(id) => format!("{id}@rapporteur"),
            None => format!(
                "{}-{}-action-{}@rapporteur",
                meeting.date,
                slug(&meeting.title),
                i + 1
            ),
        };
        fold(&mut s, "BEGIN:VEVENT");
        fold(&mut s, &format!("UID:{}", ics_escape(&uid)));
        fold(&mut s, &format!("DTSTAMP:{stamp}"));
        fold(
            &mut s,
            &format!("DTSTART;VALUE=DATE:{}", due.format("%Y%m%d")),
        );
        let next = due.checked_add_days(Days::new(1)).unwrap_or(due);
        fold(
            &mut s,
            &format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")),
        );
        let summary = format!("{} → {}: {}", a.from, a.to, a.text);
        fold(&mut s, &format!("SUMMARY:{}", ics_escape(&summary)));
        let mut desc = String::new();
        let _ = write!(
            desc,
            "{} ({}), {}: {}\n{} → {}\n{}",
            meeting.title,
            meeting.date,
            kind_str(a),
            status_str(a.status),
            a.from,
            a.to,
            a.text
        );
        fold(&mut s, &format!("DESCRIPTION:{}", ics_escape(&desc)));
        fold(&mut s, &format!("CATEGORIES:{}", kind_str(a)));
        if a.status == ActionStatus::Dropped {
            fold(&mut s, "STATUS:CANCELLED");
        }
        fold(&mut s, "TRANSP:TRANSPARENT");
        fold(&mut s, "END:VEVENT");
    }
    fold(&mut s, "END:VCALENDAR");
    s
}

fn slug(s: &str) -> String {
    let mut o: String = s
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    o.truncate(o.char_indices().nth(40).map_or(o.len(), |(i, _)| i));
    o
}
