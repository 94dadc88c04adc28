//! Markdown events to Typst markup.
//!
//! User text never becomes markup: every run of it is written as a Typst *string literal* (`#"…";`), where only
//! `\` and `"` need escaping. So `*`, `_`, `#panic()`, `$x$`, `<label>`, `@ref`, `//` and backslashes reach the
//! page exactly as typed and cannot call a function, read a file or open math mode. Structure (headings, lists,
//! tables, …) is written only by this module, from the event kinds.

use std::collections::HashMap;
use std::fmt::Write as _;

use pulldown_cmark::{Alignment, Event, Tag, TagEnd};

use crate::md_read::{self, Footnotes};

/// A Typst string literal that evaluates to exactly `s`.
pub(crate) fn str_lit(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '\\' => o.push_str("\\\\"),
            '"' => o.push_str("\\\""),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            '\t' => o.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(o, "\\u{{{:x}}}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// Words longer than this get invisible break opportunities, so they wrap instead of running off the page.
const LONG_WORD: usize = 40;

/// Literal user text in markup position. The `;` ends the embedded expression, so a following `[` or `(` can
/// never turn the string into a call.
pub(crate) fn text(out: &mut String, s: &str) {
    out.push('#');
    out.push_str(&str_lit(&breakable(s)));
    out.push(';');
}

/// The direction of the first strong character of `s` (Unicode bidi rules P2/P3): `Some(true)` for
/// right-to-left, `None` when `s` has no strong character.
pub(crate) fn first_strong_rtl(s: &str) -> Option<bool> {
    use unicode_bidi::BidiClass::{AL, L, R};
    s.chars().find_map(|c| match unicode_bidi::bidi_class(c) {
        L => Some(false),
        R | AL => Some(true),
        _ => None,
    })
}

/// The opening of a wrapper that gives a paragraph made of `s` its own base direction, when `s` starts with a
/// strong character of the other direction than the document's (`rtl`). Close it with `]`.
fn dir_open(s_rtl: Option<bool>, rtl: bool) -> Option<&'static str> {
    match s_rtl {
        Some(true) if !rtl => Some("#text(dir: rtl)["),
        // `latin` is the Latin-first font list the PDF preamble defines: digits then come from the Latin face too.
        Some(false) if rtl => Some("#text(dir: ltr, font: latin)["),
        _ => None,
    }
}

/// [`text`] for a piece that is a paragraph of its own: its base direction follows its first strong character.
pub(crate) fn text_par(out: &mut String, s: &str, rtl: bool) {
    match dir_open(first_strong_rtl(s), rtl) {
        Some(open) => {
            out.push_str(open);
            text(out, s);
            out.push(']');
        }
        None => text(out, s),
    }
}

/// Break opportunities go only into runs of non-space, non-CJK characters: CJK text breaks between any two
/// characters already, and a U+200B inside it would come back out of copy and search.
fn breakable(s: &str) -> std::borrow::Cow<'_, str> {
    let long = |w: &str| {
        w.split(breaks_anyway)
            .any(|run| run.chars().count() > LONG_WORD)
    };
    if !s.split_whitespace().any(long) {
        return s.into();
    }
    let mut o = String::with_capacity(s.len() + s.len() / 8);
    let mut run = 0usize;
    for c in s.chars() {
        if c.is_whitespace() || breaks_anyway(c) {
            run = 0;
        } else {
            if run > 0 && run.is_multiple_of(LONG_WORD) {
                o.push('\u{200B}');
            }
            run += 1;
        }
        o.push(c);
    }
    o.into()
}

/// Ideographs, kana, Hangul and CJK punctuation: Unicode line breaking allows a break beside each of them.
fn breaks_anyway(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{3FFFF}')
}

/// Typst refuses nesting deeper than its parser allows ("maximum parsing depth exceeded"), which valid Markdown
/// such as `***…***` a thousand deep reaches. Emphasis, strong, strike-through and links nested deeper than
/// this print their text without the formatting.
const MAX_INLINE_NESTING: usize = 32;

/// Typst refuses a link whose URL is longer than 8,000 bytes; such a link prints as its text.
const MAX_URL_BYTES: usize = 8000;

/// A heading longer than this (in bytes of text) prints as a bold paragraph: PDF/A allows no string over
/// 32,767 bytes, and a heading's text becomes its bookmark and its structure title.
pub(crate) const MAX_HEADING_BYTES: usize = 4000;

/// Code is never broken by Typst, and an unbroken run becomes one PDF string, which PDF/A caps at 32,767 bytes:
/// a code span longer than this many characters prints as several adjacent runs, and a code block's line as
/// several lines.
const MAX_CODE_RUN: usize = 2000;

/// `text` in pieces of at most [`MAX_CODE_RUN`] characters.
fn code_runs(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest
            .char_indices()
            .nth(MAX_CODE_RUN)
            .map_or(rest.len(), |(i, _)| i);
        let (run, tail) = rest.split_at(end);
        rest = tail;
        Some(run)
    })
}

/// [`code_runs`], keeping an empty line as one empty piece.
fn code_runs_or_empty(line: &str) -> Vec<&str> {
    match line {
        "" => vec![""],
        line => code_runs(line).collect(),
    }
}

/// Table cells the PDF lays out as tables, in all of a document's tables together. Typst measures each cell
/// before laying it out, and holds ~15 KB per cell until the PDF is written: a 3,000 × 60 table took 224 s and
/// 3.9 GB. Past this budget a table prints as lines of text instead, one per row, its cells separated by " · ",
/// and the export warns. 2,000 cells is a table of 100 rows and 20 columns.
pub(crate) const MAX_TABLE_CELLS: usize = 2_000;

/// Typst markup for a Markdown body, in a document whose direction is right-to-left when `rtl`, and how many
/// tables it prints as lines because they exceeded [`MAX_TABLE_CELLS`]. `level_above` is the level of the
/// heading printed before the body (the title's, 1; 0 for none): no heading of the body goes more than one level
/// below the one before it, as a tagged PDF requires.
pub(crate) fn body(md: &str, rtl: bool, level_above: usize) -> (String, usize) {
    let (events, notes) = Footnotes::split(md_read::events(md));
    let mut w = Writer {
        out: String::with_capacity(md.len() * 2),
        notes: &notes,
        note_labels: HashMap::new(),
        in_note: false,
        code: None,
        tables: Vec::new(),
        cells_left: MAX_TABLE_CELLS,
        as_lines: 0,
        first_cell: false,
        text_end: usize::MAX,
        rtl,
        wraps: Vec::new(),
        inline: Vec::new(),
        long_headings: Vec::new(),
        last_level: level_above,
    };
    w.write(&events);
    (w.out, w.as_lines)
}

struct Writer<'n, 'a> {
    out: String,
    notes: &'n Footnotes<'a>,
    /// Footnotes already printed once, by label, with their number, so later references point back to them.
    note_labels: HashMap<String, usize>,
    /// Inside a note's text, references print literally (a note cannot hold a note).
    in_note: bool,
    /// Text of an open code block.
    code: Option<String>,
    /// Open tables: whether each prints as lines of text (see [`MAX_TABLE_CELLS`]).
    tables: Vec<bool>,
    /// Cells that may still be laid out as tables.
    cells_left: usize,
    /// Tables printed as lines.
    as_lines: usize,
    /// In a table printed as lines: no cell of the current row written yet.
    first_cell: bool,
    /// Where the last text literal written by [`Writer::text`] ends in `out`.
    text_end: usize,
    /// The document is right-to-left.
    rtl: bool,
    /// For each open paragraph, heading, tight list item and table cell: whether it got a direction wrapper.
    wraps: Vec<bool>,
    /// For each open emphasis, strong, strike-through and link: whether it was written (see
    /// [`MAX_INLINE_NESTING`] and [`MAX_URL_BYTES`]).
    inline: Vec<bool>,
    /// For each open heading: whether it is too long to be one ([`MAX_HEADING_BYTES`]).
    long_headings: Vec<bool>,
    /// The level of the last heading printed (before the body's first: `level_above`).
    last_level: usize,
}

/// The bytes of text in the element whose start event came just before `rest`, and whether any of it is more
/// than spaces.
fn events_text(rest: &[Event<'_>]) -> (usize, bool) {
    let mut depth = 0usize;
    let (mut len, mut visible) = (0, false);
    for ev in rest {
        match ev {
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => break,
            Event::End(_) => depth -= 1,
            Event::Text(t) | Event::Code(t) => {
                len += t.len();
                visible |= !t.trim().is_empty();
            }
            _ => {}
        }
    }
    (len, visible)
}

/// The direction of the first strong character in the text of the element whose start event came just before
/// `rest`, up to its end.
fn events_rtl(rest: &[Event<'_>]) -> Option<bool> {
    let mut depth = 0usize;
    for ev in rest {
        match ev {
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => return None,
            Event::End(_) => depth -= 1,
            Event::Text(t) | Event::Code(t) => {
                if let Some(d) = first_strong_rtl(t) {
                    return Some(d);
                }
            }
            _ => {}
        }
    }
    None
}

/// The cells of the table whose start came just before `rest` (tables do not nest).
fn table_cells(rest: &[Event<'_>]) -> usize {
    rest.iter()
        .take_while(|e| !matches!(e, Event::End(TagEnd::Table)))
        .filter(|e| matches!(e, Event::Start(Tag::TableCell)))
        .count()
}

impl Writer<'_, '_> {
    /// [`text`], continuing the string literal just written when nothing came between: pulldown-cmark splits
    /// text at every bracket, ampersand or line, and each literal is an element Typst holds until the end.
    fn text(&mut self, s: &str) {
        if self.out.len() == self.text_end {
            // Reopen the literal: drop its closing `";`.
            self.out.truncate(self.out.len() - 2);
            let lit = str_lit(&breakable(s));
            self.out.push_str(&lit[1..]);
            self.out.push(';');
        } else {
            text(&mut self.out, s);
        }
        self.text_end = self.out.len();
    }

    /// Inside a table printed as lines of text.
    fn in_lines(&self) -> bool {
        self.tables.last() == Some(&true)
    }

    fn write(&mut self, events: &[Event<'_>]) {
        for (i, ev) in events.iter().enumerate() {
            self.event(ev, &events[i + 1..]);
        }
    }

    /// Open a direction wrapper for the element starting just before `rest`, if it needs one.
    fn open_dir(&mut self, rest: &[Event<'_>]) {
        let open = dir_open(events_rtl(rest), self.rtl);
        if let Some(open) = open {
            self.out.push_str(open);
        }
        self.wraps.push(open.is_some());
    }

    fn close_dir(&mut self) {
        if self.wraps.pop() == Some(true) {
            self.out.push(']');
        }
    }

    /// `rest` is what follows `ev`, to look ahead for a paragraph's direction.
    fn event(&mut self, ev: &Event<'_>, rest: &[Event<'_>]) {
        if self.code.is_some() {
            self.in_code_block(ev);
            return;
        }
        match ev {
            Event::Start(tag) => self.start(tag, rest),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(t),
            Event::Code(t) => {
                for run in code_runs(t) {
                    let _ = write!(self.out, "#raw({});", str_lit(run));
                }
            }
            Event::SoftBreak => self.out.push(' '),
            Event::HardBreak => self.out.push_str("#linebreak();"),
            Event::Rule => self
                .out
                .push_str("\n#line(length: 100%, stroke: 0.5pt)\n\n"),
            Event::FootnoteReference(label) => self.footnote(label),
            // Never produced by `md_read::events`, and never passed through as markup.
            Event::Html(t) | Event::InlineHtml(t) => self.text(t),
            _ => {}
        }
    }

    /// Inside a code block: its text is gathered and printed whole at its end, as one raw block.
    fn in_code_block(&mut self, ev: &Event<'_>) {
        match ev {
            Event::Text(t) => self.code.get_or_insert_default().push_str(t),
            Event::End(TagEnd::CodeBlock) => {
                let code = self.code.take().unwrap_or_default();
                let code = code.strip_suffix('\n').unwrap_or(&code);
                let lines: Vec<&str> = code.split('\n').flat_map(code_runs_or_empty).collect();
                let code = lines.join("\n");
                let _ = write!(self.out, "#raw(block: true, {})\n\n", str_lit(&code));
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: &Tag<'_>, rest: &[Event<'_>]) {
        let o = &mut self.out;
        match tag {
            Tag::Paragraph => {
                o.push('\n');
                self.open_dir(rest);
            }
            Tag::Heading { level, .. } => {
                // Too long, or without text (a tagged PDF's heading needs a title): a bold paragraph instead.
                let (len, visible) = events_text(rest);
                let long = len > MAX_HEADING_BYTES || !visible;
                if long {
                    o.push_str("\n#block(above: 1.3em, below: 0.7em, strong[");
                } else {
                    // A tagged PDF (PDF/UA-1) skips no heading level: "####" after "#" is printed one level down.
                    let level = (*level as usize).min(self.last_level + 1);
                    self.last_level = level;
                    let _ = write!(o, "\n#heading(level: {level})[");
                }
                self.long_headings.push(long);
                self.open_dir(rest);
            }
            Tag::BlockQuote(_) => o.push_str("\n#quote(block: true)["),
            Tag::CodeBlock(_) => self.code = Some(String::new()),
            Tag::List(Some(start)) => {
                let _ = write!(o, "\n#enum(start: {start},\n");
            }
            Tag::List(None) => o.push_str("\n#list(\n"),
            Tag::Item => {
                o.push('[');
                // A loose item's paragraphs get their own direction.
                if matches!(rest.first(), Some(Event::Start(Tag::Paragraph))) {
                    self.wraps.push(false);
                } else {
                    self.open_dir(rest);
                }
            }
            Tag::Table(_) | Tag::TableHead | Tag::TableRow | Tag::TableCell => {
                self.start_table_part(tag, rest)
            }
            Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } => {
                self.start_inline(tag)
            }
            // Removed or flattened by `md_read::events`; footnote definitions by `Footnotes::split`.
            _ => {}
        }
    }

    /// A table, its head, a row or a cell, laid out as a table or, past [`MAX_TABLE_CELLS`], as lines of text.
    fn start_table_part(&mut self, tag: &Tag<'_>, rest: &[Event<'_>]) {
        let lines = self.in_lines();
        let o = &mut self.out;
        match tag {
            Tag::Table(_) if table_cells(rest) > self.cells_left => {
                self.as_lines += 1;
                self.tables.push(true);
            }
            Tag::TableHead | Tag::TableRow if lines => {
                o.push('\n');
                self.open_dir(rest);
                if *tag == Tag::TableHead {
                    self.out.push_str("#strong[");
                }
                self.first_cell = true;
            }
            Tag::TableCell if lines => {
                let first = std::mem::take(&mut self.first_cell);
                if !first {
                    self.text(" · ");
                }
            }
            Tag::Table(aligns) => {
                self.cells_left -= table_cells(rest);
                let cols = aligns.len().max(1);
                let rtl = self.rtl;
                let align: Vec<&str> = aligns.iter().map(|a| align_name(a, rtl)).collect();
                let _ = write!(
                    o,
                    "\n#table(columns: {cols}, align: ({},),\n",
                    align.join(", ")
                );
                self.tables.push(false);
            }
            Tag::TableHead => o.push_str("table.header("),
            Tag::TableCell => {
                o.push('[');
                self.open_dir(rest);
            }
            _ => {}
        }
    }

    /// Emphasis, strong, strike-through or a link: written unless nested too deep or, for a link, too long.
    fn start_inline(&mut self, tag: &Tag<'_>) {
        let deep = self.inline.iter().filter(|&&on| on).count() >= MAX_INLINE_NESTING;
        let open = match tag {
            _ if deep => None,
            Tag::Emphasis => Some("#emph[".to_owned()),
            Tag::Strong => Some("#strong[".to_owned()),
            Tag::Strikethrough => Some("#strike[".to_owned()),
            Tag::Link { dest_url, .. } if dest_url.len() <= MAX_URL_BYTES => {
                Some(format!("#link({})[", str_lit(dest_url)))
            }
            _ => None,
        };
        if let Some(open) = &open {
            self.out.push_str(open);
        }
        self.inline.push(open.is_some());
    }

    fn end(&mut self, tag: &TagEnd) {
        let lines = self.in_lines();
        let o = &mut self.out;
        match tag {
            TagEnd::Paragraph => {
                self.close_dir();
                self.out.push_str("\n\n");
            }
            TagEnd::Heading(_) => {
                self.close_dir();
                let close = match self.long_headings.pop() {
                    Some(true) => "])\n\n",
                    _ => "]\n\n",
                };
                self.out.push_str(close);
            }
            TagEnd::BlockQuote(_) => o.push_str("]\n\n"),
            TagEnd::List(_) => o.push_str(")\n\n"),
            TagEnd::Item => {
                self.close_dir();
                self.out.push_str("],\n");
            }
            TagEnd::Table => {
                let as_table = self.tables.pop() == Some(false);
                if as_table {
                    self.out.push_str(")\n\n");
                }
            }
            TagEnd::TableHead | TagEnd::TableRow if lines => {
                if *tag == TagEnd::TableHead {
                    self.out.push(']');
                }
                self.close_dir();
                self.out.push_str("\n\n");
            }
            TagEnd::TableCell if lines => {}
            TagEnd::TableHead => o.push_str("),\n"),
            TagEnd::TableRow => o.push('\n'),
            TagEnd::TableCell => {
                self.close_dir();
                self.out.push_str("], ");
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link
                if self.inline.pop() == Some(true) =>
            {
                o.push_str("];");
            }
            _ => {}
        }
    }

    fn footnote(&mut self, label: &str) {
        let def = self.notes.get(label).filter(|_| !self.in_note);
        let Some(def) = def else {
            text(&mut self.out, &format!("[^{label}]"));
            return;
        };
        if let Some(i) = self.note_labels.get(label) {
            let _ = write!(self.out, "#footnote(<rapfn{i}>);");
            return;
        }
        let i = self.note_labels.len();
        self.note_labels.insert(label.to_owned(), i);
        self.out.push_str("#footnote[");
        self.in_note = true;
        // A note is usually one paragraph: print it inline, without paragraph breaks.
        for (j, ev) in def.iter().enumerate() {
            match ev {
                Event::Start(Tag::Paragraph) => {}
                Event::End(TagEnd::Paragraph) => self.out.push(' '),
                ev => self.event(ev, &def[j + 1..]),
            }
        }
        self.in_note = false;
        let _ = write!(self.out, "]<rapfn{i}>");
    }
}

/// Markdown's left/right mean start/end; the sides come from the document's direction, not each cell's.
fn align_name(a: &Alignment, rtl: bool) -> &'static str {
    match (a, rtl) {
        (Alignment::Center, _) => "center",
        (Alignment::None | Alignment::Left, false) | (Alignment::Right, true) => "left",
        (Alignment::None | Alignment::Left, true) | (Alignment::Right, false) => "right",
    }
}
