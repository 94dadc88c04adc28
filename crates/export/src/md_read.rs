//! One reading of the Markdown body, shared by every writer, with the safety rules applied once:
//! - raw HTML is shown as literal text, except HTML comments, which are dropped (they carry drafting markers);
//! - links keep their target only for `http`, `https` and `mailto`; others keep just their text;
//! - images become their alt text (a document never fetches anything);
//! - containers nested deeper than [`MAX_NESTING`] are flattened, so hostile input cannot exhaust a stack.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

pub(crate) const MAX_NESTING: usize = 12;

pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

pub(crate) fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|p| lower.starts_with(p) && lower.len() > p.len())
}

/// The sanitised event stream of `md`.
pub(crate) fn events(md: &str) -> Vec<Event<'_>> {
    let mut out = Vec::new();
    let mut comments = CommentStripper::default();
    // For each open link/list/quote: was its start kept? Ends follow the same choice.
    let mut kept_links: Vec<bool> = Vec::new();
    let mut kept_containers: Vec<bool> = Vec::new();
    let mut kept_items: Vec<bool> = Vec::new();
    let mut depth = 0usize;
    let mut html_block: Option<String> = None;

    for ev in Parser::new_ext(md, options()) {
        match ev {
            Event::Start(Tag::HtmlBlock) => html_block = Some(String::new()),
            Event::End(TagEnd::HtmlBlock) => {
                let raw = html_block.take().unwrap_or_default();
                let shown = comments.strip(&raw);
                let lines: Vec<&str> = shown.lines().filter(|l| !l.trim().is_empty()).collect();
                if !lines.is_empty() {
                    out.push(Event::Start(Tag::Paragraph));
                    for (i, line) in lines.into_iter().enumerate() {
                        if i > 0 {
                            out.push(Event::HardBreak);
                        }
                        out.push(Event::Text(CowStr::from(line.to_owned())));
                    }
                    out.push(Event::End(TagEnd::Paragraph));
                }
            }
            Event::Html(s) => match &mut html_block {
                Some(buf) => buf.push_str(&s),
                None => push_text(&mut out, comments.strip(&s)),
            },
            Event::InlineHtml(s) => push_text(&mut out, comments.strip(&s)),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let keep = is_safe_url(&dest_url);
                kept_links.push(keep);
                if keep {
                    out.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
            }
            Event::End(TagEnd::Link) => {
                if kept_links.pop().unwrap_or(false) {
                    out.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => {}
            Event::Start(tag @ (Tag::BlockQuote(_) | Tag::List(_))) => {
                let keep = depth < MAX_NESTING;
                kept_containers.push(keep);
                if keep {
                    depth += 1;
                    out.push(Event::Start(tag));
                }
            }
            Event::End(end @ (TagEnd::BlockQuote(_) | TagEnd::List(_))) => {
                if kept_containers.pop().unwrap_or(false) {
                    depth -= 1;
                    out.push(Event::End(end));
                }
            }
            Event::Start(Tag::Item) => {
                // An item of a flattened list is kept as a plain paragraph.
                let keep = kept_containers.last().copied().unwrap_or(true);
                kept_items.push(keep);
                out.push(Event::Start(if keep { Tag::Item } else { Tag::Paragraph }));
            }
            Event::End(TagEnd::Item) => {
                let keep = kept_items.pop().unwrap_or(true);
                out.push(Event::End(if keep {
                    TagEnd::Item
                } else {
                    TagEnd::Paragraph
                }));
            }
            Event::InlineMath(s) | Event::DisplayMath(s) => out.push(Event::Text(s)),
            Event::TaskListMarker(_) => {}
            other => out.push(other),
        }
    }
    out
}

fn push_text<'a>(out: &mut Vec<Event<'a>>, text: String) {
    if !text.is_empty() {
        out.push(Event::Text(CowStr::from(text)));
    }
}

/// Removes `<!-- … -->`, remembering an open comment across events (a comment may span several).
#[derive(Default)]
struct CommentStripper {
    open: bool,
}

impl CommentStripper {
    fn strip(&mut self, mut s: &str) -> String {
        let mut kept = String::new();
        loop {
            if self.open {
                match s.find("-->") {
                    Some(i) => {
                        self.open = false;
                        s = &s[i + 3..];
                    }
                    None => return kept,
                }
            } else {
                match s.find("<!--") {
                    Some(i) => {
                        kept.push_str(&s[..i]);
                        self.open = true;
                        s = &s[i + 4..];
                    }
                    None => {
                        kept.push_str(s);
                        return kept;
                    }
                }
            }
        }
    }
}

/// Footnote definitions, gathered before writing so each reference can carry its note. Looked up by label
/// through a map: a body of n references to n notes must not cost n² (issue 11).
pub(crate) struct Footnotes<'a> {
    defs: HashMap<CowStr<'a>, Vec<Event<'a>>>,
}

impl<'a> Footnotes<'a> {
    /// Split `events` into the body (definitions removed) and the definitions by label.
    pub fn split(events: Vec<Event<'a>>) -> (Vec<Event<'a>>, Footnotes<'a>) {
        let mut body = Vec::with_capacity(events.len());
        let mut defs = HashMap::new();
        let mut current: Option<(CowStr<'a>, Vec<Event<'a>>)> = None;
        let mut nested = 0usize;
        for ev in events {
            match (&mut current, ev) {
                (None, Event::Start(Tag::FootnoteDefinition(label))) => {
                    current = Some((label, Vec::new()));
                }
                (Some(_), Event::Start(Tag::FootnoteDefinition(_))) => nested += 1,
                (Some(_), Event::End(TagEnd::FootnoteDefinition)) if nested > 0 => nested -= 1,
                (Some(_), Event::End(TagEnd::FootnoteDefinition)) => {
                    // The first definition of a label wins, as in CommonMark's link reference definitions.
                    if let Some((label, evs)) = current.take() {
                        defs.entry(label).or_insert(evs);
                    }
                }
                (Some((_, evs)), ev) => evs.push(ev),
                (None, ev) => body.push(ev),
            }
        }
        (body, Footnotes { defs })
    }

    pub fn get(&self, label: &str) -> Option<&[Event<'a>]> {
        self.defs.get(label).map(Vec::as_slice)
    }
}
