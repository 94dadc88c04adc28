//! Markdown events to Typst markup.
//!
//! User text never becomes markup: every run of it is written as a Typst *string literal* (`#"…";`), where only
//! `\` and `"` need escaping. So `*`, `_`, `#panic()`, `$x$`, `<label>`, `@ref`, `//` and backslashes reach the
//! page exactly as typed and cannot call a function, read a file or open math mode. Structure (headings, lists,
//! tables, …) is written only by this module, from the event kinds.

use std::fmt::Write as _;

use pulldown_cmark::{Alignment, Event, Tag, TagEnd};

use crate::markdown::{self, Footnotes};

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

fn breakable(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.split_whitespace().any(|w| w.chars().count() > LONG_WORD) {
        return s.into();
    }
    let mut o = String::with_capacity(s.len() + s.len() / 8);
    let mut run = 0usize;
    for c in s.chars() {
        if c.is_whitespace() {
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

/// Typst markup for a Markdown body.
pub(crate) fn body(md: &str) -> String {
    let (events, notes) = Footnotes::split(markdown::events(md));
    let mut w = Writer {
        out: String::with_capacity(md.len() * 2),
        notes: &notes,
        note_labels: Vec::new(),
        in_note: false,
        code: None,
        tables: Vec::new(),
    };
    w.write(&events);
    w.out
}

struct Writer<'n, 'a> {
    out: String,
    notes: &'n Footnotes<'a>,
    /// Footnotes already printed once, so later references point back to them.
    note_labels: Vec<String>,
    /// Inside a note's text, references print literally (a note cannot hold a note).
    in_note: bool,
    /// Text of an open code block.
    code: Option<String>,
    /// Open tables: (in header, cells written in the header).
    tables: Vec<bool>,
}

impl Writer<'_, '_> {
    fn write(&mut self, events: &[Event<'_>]) {
        for ev in events {
            self.event(ev);
        }
    }

    fn event(&mut self, ev: &Event<'_>) {
        if let Some(code) = &mut self.code {
            match ev {
                Event::Text(t) => code.push_str(t),
                Event::End(TagEnd::CodeBlock) => {
                    let code = self.code.take().unwrap_or_default();
                    let code = code.strip_suffix('\n').unwrap_or(&code);
                    let _ = write!(self.out, "#raw(block: true, {})\n\n", str_lit(code));
                }
                _ => {}
            }
            return;
        }
        let o = &mut self.out;
        match ev {
            Event::Start(tag) => match tag {
                Tag::Paragraph => o.push('\n'),
                Tag::Heading { level, .. } => {
                    let _ = write!(o, "\n#heading(level: {})[", *level as usize);
                }
                Tag::BlockQuote(_) => o.push_str("\n#quote(block: true)["),
                Tag::CodeBlock(_) => self.code = Some(String::new()),
                Tag::List(Some(start)) => {
                    let _ = write!(o, "\n#enum(start: {start},\n");
                }
                Tag::List(None) => o.push_str("\n#list(\n"),
                Tag::Item => o.push('['),
                Tag::Table(aligns) => {
                    let cols = aligns.len().max(1);
                    let align: Vec<&str> = aligns.iter().map(align_name).collect();
                    let _ = write!(
                        o,
                        "\n#table(columns: {cols}, align: ({},),\n",
                        align.join(", ")
                    );
                    self.tables.push(false);
                }
                Tag::TableHead => {
                    o.push_str("table.header(");
                    if let Some(h) = self.tables.last_mut() {
                        *h = true;
                    }
                }
                Tag::TableRow => {}
                Tag::TableCell => o.push('['),
                Tag::Emphasis => o.push_str("#emph["),
                Tag::Strong => o.push_str("#strong["),
                Tag::Strikethrough => o.push_str("#strike["),
                Tag::Link { dest_url, .. } => {
                    let _ = write!(o, "#link({})[", str_lit(dest_url));
                }
                // Removed or flattened by `markdown::events`; footnote definitions by `Footnotes::split`.
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph => o.push_str("\n\n"),
                TagEnd::Heading(_) => o.push_str("]\n\n"),
                TagEnd::BlockQuote(_) => o.push_str("]\n\n"),
                TagEnd::List(_) => o.push_str(")\n\n"),
                TagEnd::Item => o.push_str("],\n"),
                TagEnd::Table => {
                    o.push_str(")\n\n");
                    self.tables.pop();
                }
                TagEnd::TableHead => {
                    o.push_str("),\n");
                    if let Some(h) = self.tables.last_mut() {
                        *h = false;
                    }
                }
                TagEnd::TableRow => o.push('\n'),
                TagEnd::TableCell => o.push_str("], "),
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link => {
                    o.push_str("];");
                }
                _ => {}
            },
            Event::Text(t) => text(o, t),
            Event::Code(t) => {
                let _ = write!(o, "#raw({});", str_lit(t));
            }
            Event::SoftBreak => o.push(' '),
            Event::HardBreak => o.push_str("#linebreak();"),
            Event::Rule => o.push_str("\n#line(length: 100%, stroke: 0.5pt)\n\n"),
            Event::FootnoteReference(label) => self.footnote(label),
            // Never produced by `markdown::events`, and never passed through as markup.
            Event::Html(t) | Event::InlineHtml(t) => text(o, t),
            _ => {}
        }
    }

    fn footnote(&mut self, label: &str) {
        let def = self.notes.get(label).filter(|_| !self.in_note);
        let Some(def) = def else {
            text(&mut self.out, &format!("[^{label}]"));
            return;
        };
        if let Some(i) = self.note_labels.iter().position(|l| l == label) {
            let _ = write!(self.out, "#footnote(<rapfn{i}>);");
            return;
        }
        let i = self.note_labels.len();
        self.note_labels.push(label.to_owned());
        self.out.push_str("#footnote[");
        self.in_note = true;
        // A note is usually one paragraph: print it inline, without paragraph breaks.
        for ev in def {
            match ev {
                Event::Start(Tag::Paragraph) => {}
                Event::End(TagEnd::Paragraph) => self.out.push(' '),
                ev => self.event(ev),
            }
        }
        self.in_note = false;
        let _ = write!(self.out, "]<rapfn{i}>");
    }
}

fn align_name(a: &Alignment) -> &'static str {
    match a {
        Alignment::None | Alignment::Left => "start",
        Alignment::Center => "center",
        Alignment::Right => "end",
    }
}
