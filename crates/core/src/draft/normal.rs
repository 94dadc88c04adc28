//! A canonical form of Markdown, for telling a hand edit from a rewrite. The summary editor reads Markdown and
//! writes it back its own way: `*` bullets become `-`, `_x_` becomes `*x*`, `&` becomes `&amp;`, `[` and `_`
//! get escaped, blocks get blank lines between them. None of that changes the text a reader sees, so none of
//! it may count as editing a generated section.
//!
//! The canonical form is the HTML that pulldown-cmark renders from the Markdown's events after three
//! adjustments: consecutive text is joined with its whitespace collapsed (and trimmed next to block
//! boundaries), raw HTML counts as the text it is written with (the editor turns `<x>` into `&lt;x&gt;`), and
//! paragraphs directly inside list items are dropped (a loose list and a tight one read the same).

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

/// The canonical form of `markdown`: equal for two texts that differ only in how the Markdown is written.
pub fn normal_form(markdown: &str) -> String {
    let mut out = Normaliser::default();
    for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH) {
        out.push(event);
    }
    out.flush(true);
    let mut rendered = String::new();
    html::push_html(&mut rendered, out.events.into_iter());
    rendered
}

#[derive(Default)]
struct Normaliser {
    events: Vec<Event<'static>>,
    /// Text not yet emitted; it may arrive in several events (escapes and entities split it).
    text: String,
    /// For each open tag: whether it is a list item, and whether it was dropped (a paragraph in an item).
    open: Vec<(bool, bool)>,
    /// Whether the last event emitted was a block boundary (text after it is trimmed at the start).
    after_block: bool,
    in_code_block: bool,
}

impl Normaliser {
    fn push(&mut self, event: Event<'_>) {
        let event = match event {
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => {
                self.text.push_str(&t);
                return;
            }
            Event::SoftBreak => {
                self.text.push(' ');
                return;
            }
            Event::Start(Tag::HtmlBlock) => Event::Start(Tag::Paragraph),
            Event::End(TagEnd::HtmlBlock) => Event::End(TagEnd::Paragraph),
            other => other,
        };
        // A paragraph directly inside a list item is dropped; its text runs on, separated by a space.
        let in_item = self.open.last().is_some_and(|&(item, _)| item);
        match &event {
            Event::Start(Tag::Paragraph) if in_item => {
                self.open.push((false, true));
                self.text.push(' ');
                return;
            }
            Event::End(TagEnd::Paragraph) if self.open.last().is_some_and(|&(_, d)| d) => {
                self.open.pop();
                self.text.push(' ');
                return;
            }
            _ => {}
        }
        let block = is_block(&event);
        self.flush(block);
        match &event {
            Event::Start(tag) => {
                self.open.push((matches!(tag, Tag::Item), false));
                self.in_code_block |= matches!(tag, Tag::CodeBlock(_));
            }
            Event::End(tag) => {
                self.open.pop();
                if matches!(tag, TagEnd::CodeBlock) {
                    self.in_code_block = false;
                }
            }
            _ => {}
        }
        self.events.push(event.into_static());
        self.after_block = block;
    }

    /// Emit pending text; `block_follows` trims its end (whitespace before a block boundary is not text).
    fn flush(&mut self, block_follows: bool) {
        if self.text.is_empty() {
            return;
        }
        let raw = std::mem::take(&mut self.text);
        let text = if self.in_code_block {
            raw
        } else {
            let mut collapsed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
            let starts_spaced = raw.starts_with(char::is_whitespace);
            let ends_spaced = raw.ends_with(char::is_whitespace);
            if starts_spaced && !self.after_block && !collapsed.is_empty() {
                collapsed.insert(0, ' ');
            }
            if ends_spaced && !block_follows && !collapsed.is_empty() {
                collapsed.push(' ');
            }
            collapsed
        };
        if !text.is_empty() {
            self.events.push(Event::Text(text.into()));
            self.after_block = false;
        }
    }
}

/// Events that begin or end a block: text next to them is trimmed.
fn is_block(event: &Event<'_>) -> bool {
    let inline_start = |t: &Tag<'_>| {
        matches!(
            t,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        )
    };
    let inline_end = |t: &TagEnd| {
        matches!(
            t,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        )
    };
    match event {
        Event::Start(t) => !inline_start(t),
        Event::End(t) => !inline_end(t),
        Event::Rule | Event::DisplayMath(_) => true,
        _ => false,
    }
}
