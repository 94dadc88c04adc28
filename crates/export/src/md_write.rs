//! Markdown out: a title block, the body as the author wrote it (HTML comments removed, other raw HTML
//! escaped so it stays text), and the annex as Markdown tables.

use std::fmt::Write as _;

use pulldown_cmark::{Event, Parser};

use crate::i18n;
use crate::md_read;
use crate::view::{Annex, Notes, View};

/// Backslash-escape what Markdown would read as syntax in our own strings (titles, names, cells).
pub(crate) fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' | '&'
        ) {
            o.push('\\');
        }
        if c == '\n' {
            o.push(' ');
        } else {
            o.push(c);
        }
    }
    o
}

pub(crate) fn markdown(view: &View<'_>) -> String {
    let mut m = String::with_capacity(view.body.len() + 2048);
    let lh = view.letterhead;
    if !lh.organisation.trim().is_empty() {
        let _ = writeln!(m, "**{}**  ", escape(&lh.organisation));
        if let Some(unit) = lh.unit.as_deref().filter(|u| !u.trim().is_empty()) {
            let _ = writeln!(m, "{}  ", escape(unit));
        }
    }
    if let Some(symbol) = view.symbol {
        let _ = writeln!(m, "{}", escape(symbol));
    }
    if !m.is_empty() {
        m.push_str("\n---\n\n");
    }
    let _ = writeln!(m, "# {}\n\n{}\n", escape(&view.title), escape(&view.date));
    if let Some(by) = &view.byline {
        let _ = writeln!(m, "*{}*\n", escape(by));
    }
    let body = clean_body(&view.body);
    m.push_str(body.trim_end());
    m.push('\n');
    if let Some(annex) = &view.annex {
        annex_md(&mut m, annex, view);
    }
    if let Some(notes) = &view.notes {
        notes_md(&mut m, notes, view);
    }
    m
}

fn notes_md(m: &mut String, notes: &Notes, view: &View<'_>) {
    let _ = writeln!(m, "\n## {}\n", escape(i18n::words(view.lang).my_notes));
    for p in &notes.meeting {
        let _ = writeln!(m, "{}\n", paragraph(p));
    }
    for note in &notes.interventions {
        let _ = writeln!(m, "### {}\n", escape(&note.speaker));
        for p in &note.paragraphs {
            let _ = writeln!(m, "{}\n", paragraph(p));
        }
    }
}

/// One line of user text as a paragraph of its own: [`escape`], plus the markers that count only at the start
/// of a line (`-`, `+` and `=` for lists, rules and headings; `1.` and `1)` for numbered lists).
fn paragraph(s: &str) -> String {
    let mut e = escape(s.trim());
    let digits = e.bytes().take_while(u8::is_ascii_digit).count();
    match e.as_bytes().get(digits) {
        Some(b'-' | b'+' | b'=') if digits == 0 => e.insert(0, '\\'),
        Some(b'.' | b')') if digits > 0 => e.insert(digits, '\\'),
        _ => {}
    }
    e
}

/// The body with HTML comments cut out and other raw HTML escaped; everything else byte for byte.
fn clean_body(md: &str) -> String {
    // Raw HTML spans, merged where they touch: an HTML block arrives one line per event.
    let mut spans: Vec<std::ops::Range<usize>> = Vec::new();
    for (ev, range) in Parser::new_ext(md, md_read::options()).into_offset_iter() {
        if !matches!(ev, Event::Html(_) | Event::InlineHtml(_)) {
            continue;
        }
        match spans.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => spans.push(range),
        }
    }
    let mut out = String::with_capacity(md.len());
    let mut last = 0;
    for span in spans {
        out.push_str(&md[last..span.start]);
        out.push_str(&without_comments(&md[span.clone()]));
        last = span.end;
    }
    out.push_str(&md[last..]);
    out
}

fn without_comments(raw: &str) -> String {
    let mut o = String::new();
    let mut rest = raw;
    while let Some(i) = rest.find("<!--") {
        o.push_str(&rest[..i].replace('<', "&lt;"));
        match rest[i + 4..].find("-->") {
            Some(j) => rest = &rest[i + 4 + j + 3..],
            None => return o,
        }
    }
    o.push_str(&rest.replace('<', "&lt;"));
    // A line that held only a marker leaves no blank line behind.
    if o.trim().is_empty() {
        String::new()
    } else {
        o
    }
}

fn annex_md(m: &mut String, annex: &Annex, view: &View<'_>) {
    let _ = writeln!(m, "\n## {}\n", escape(i18n::words(view.lang).annex));
    for grid in annex.grids(view.lang) {
        let _ = writeln!(m, "### {}\n", escape(grid.title));
        let cells = |row: &[String]| {
            row.iter()
                .map(|c| escape(c))
                .collect::<Vec<_>>()
                .join(" | ")
        };
        let header: Vec<String> = grid.header.iter().map(|h| h.to_string()).collect();
        let _ = writeln!(m, "| {} |", cells(&header));
        let rule: Vec<&str> = grid.numeric[..grid.header.len()]
            .iter()
            .map(|n| if *n { "--:" } else { "---" })
            .collect();
        let _ = writeln!(m, "|{}|", rule.join("|"));
        for row in &grid.rows {
            let _ = writeln!(m, "| {} |", cells(row));
        }
        if let Some(total) = &grid.total {
            let bold: Vec<String> = total
                .iter()
                .map(|c| {
                    if c.is_empty() {
                        String::new()
                    } else {
                        format!("**{}**", escape(c))
                    }
                })
                .collect();
            let _ = writeln!(m, "| {} |", bold.join(" | "));
        }
        m.push('\n');
    }
}
