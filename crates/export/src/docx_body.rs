//! The DOCX body from the sanitised Markdown events: Word heading styles (`Heading1`…, with outline levels, so
//! the navigation pane and a table of contents see them), real numbered and bulleted lists (one numbering
//! instance per list, so each restarts), real tables and footnotes. `docx` adds the other parts around it.

use std::collections::HashMap;

use docx_rs::{
    AlignmentType, BreakType, Footnote, Hyperlink, HyperlinkType, IndentLevel, Numbering,
    NumberingId, Paragraph, Run, RunFonts, Table, TableCell, TableRow, VertAlignType,
};
use pulldown_cmark::{Event, Tag, TagEnd};

use crate::docx_styles::{BULLET, DECIMAL};
use crate::md_read::Footnotes;

/// A top-level block of the document, in order.
pub(crate) enum Block {
    P(Box<Paragraph>),
    T(Box<Table>),
}

struct TableBuild {
    rows: Vec<TableRow>,
    cells: Vec<TableCell>,
    cell: Vec<Paragraph>,
    head: bool,
}

pub(crate) struct Writer<'a> {
    pub(crate) rtl: bool,
    pub(crate) blocks: Vec<Block>,
    para: Option<Paragraph>,
    bold: usize,
    italic: usize,
    strike: usize,
    link: Option<String>,
    code: Option<String>,
    quote: usize,
    /// Open lists: (numbering instance, is ordered).
    lists: Vec<usize>,
    /// The numbering the next paragraph of a fresh item takes.
    pending_item: Option<(usize, usize)>,
    pub(crate) numberings: Vec<Numbering>,
    table: Option<TableBuild>,
    pub(crate) notes: Option<Footnotes<'a>>,
    /// Notes already printed, by label: their number.
    note_numbers: HashMap<String, usize>,
}

impl<'a> Writer<'a> {
    pub(crate) fn new(rtl: bool) -> Self {
        Writer {
            rtl,
            blocks: Vec::new(),
            para: None,
            bold: 0,
            italic: 0,
            strike: 0,
            link: None,
            code: None,
            quote: 0,
            lists: Vec::new(),
            pending_item: None,
            numberings: Vec::new(),
            table: None,
            notes: None,
            note_numbers: HashMap::new(),
        }
    }

    pub(crate) fn new_para(&self) -> Paragraph {
        let mut p = Paragraph::new();
        if self.rtl {
            p.property = p.property.bidi(true);
        }
        p
    }

    fn run(&self, text: &str) -> Run {
        let mut r = Run::new().add_text(text);
        if self.bold > 0 || self.table.as_ref().is_some_and(|t| t.head) {
            r = r.bold();
        }
        if self.italic > 0 {
            r = r.italic();
        }
        if self.strike > 0 {
            r = r.strike();
        }
        if self.link.is_some() {
            r = r.color("1A4F8B").underline("single");
        }
        r
    }

    /// The open paragraph, opened on demand (tight list items carry text with no paragraph event).
    fn para(&mut self) -> &mut Paragraph {
        if self.para.is_none() {
            let mut p = self.new_para();
            if let Some((id, level)) = self.pending_item.take() {
                p = p.numbering(NumberingId::new(id), IndentLevel::new(level));
            } else if !self.lists.is_empty() {
                p = p.indent(Some(720 * self.lists.len() as i32), None, None, None);
            }
            if self.quote > 0 {
                p = p.style("Quote");
            }
            self.para = Some(p);
        }
        self.para.as_mut().expect("just opened")
    }

    /// Moves the open paragraph through docx-rs's by-value builder. (Cloning it here, once per run, made a
    /// paragraph of n links or brackets cost O(n²): 4,000 links took 19 s.)
    fn push_run(&mut self, run: Run) {
        self.para();
        let p = self.para.take().expect("just opened");
        let p = match &self.link {
            Some(url) => {
                p.add_hyperlink(Hyperlink::new(url.as_str(), HyperlinkType::External).add_run(run))
            }
            None => p.add_run(run),
        };
        self.para = Some(p);
    }

    fn text(&mut self, t: &str) {
        let run = self.run(t);
        self.push_run(run);
    }

    pub(crate) fn flush(&mut self) {
        if let Some(p) = self.para.take() {
            match &mut self.table {
                Some(t) => t.cell.push(p),
                None => self.blocks.push(Block::P(Box::new(p))),
            }
        }
    }

    pub(crate) fn block(&mut self, p: Paragraph) {
        self.flush();
        self.blocks.push(Block::P(Box::new(p)));
    }

    pub(crate) fn event(&mut self, ev: &Event<'_>) {
        if let Some(code) = &mut self.code {
            match ev {
                Event::Text(t) => code.push_str(t),
                Event::End(TagEnd::CodeBlock) => {
                    let code = self.code.take().unwrap_or_default();
                    for line in code.trim_end_matches('\n').lines() {
                        let run = Run::new()
                            .add_text(line)
                            .fonts(RunFonts::new().ascii("DejaVu Sans Mono"));
                        let p = self.new_para().style("Code").add_run(run);
                        self.block(p);
                    }
                }
                _ => {}
            }
            return;
        }
        match ev {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(t),
            Event::Code(t) => {
                let run = self.run(t).fonts(RunFonts::new().ascii("DejaVu Sans Mono"));
                self.push_run(run);
            }
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => {
                let run = Run::new().add_break(BreakType::TextWrapping);
                self.push_run(run);
            }
            Event::Rule => {
                let p = self
                    .new_para()
                    .align(AlignmentType::Center)
                    .add_run(Run::new().add_text("* * *"));
                self.block(p);
            }
            Event::FootnoteReference(label) => self.footnote(label),
            Event::Html(t) | Event::InlineHtml(t) => self.text(t),
            _ => {}
        }
    }

    fn start(&mut self, tag: &Tag<'_>) {
        match tag {
            Tag::Paragraph => {
                self.flush();
                self.para();
            }
            Tag::Heading { level, .. } => {
                self.flush();
                let n = (*level as usize).min(6);
                let p = self.new_para().style(&format!("Heading{n}"));
                self.para = Some(p);
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote += 1;
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.code = Some(String::new());
            }
            Tag::List(start) => {
                self.flush();
                let id = self.numberings.len() + 10;
                let numbering = match start {
                    Some(n) => Numbering::new(id, DECIMAL).add_override(
                        docx_rs::LevelOverride::new(self.lists.len()).start(*n as usize),
                    ),
                    None => Numbering::new(id, BULLET),
                };
                self.numberings.push(numbering);
                self.lists.push(id);
            }
            Tag::Item => {
                self.flush();
                if let Some(&id) = self.lists.last() {
                    self.pending_item = Some((id, self.lists.len() - 1));
                }
            }
            Tag::Table(_) => {
                self.flush();
                self.table = Some(TableBuild {
                    rows: Vec::new(),
                    cells: Vec::new(),
                    cell: Vec::new(),
                    head: false,
                });
            }
            Tag::TableHead => {
                if let Some(t) = &mut self.table {
                    t.head = true;
                }
            }
            Tag::TableCell => self.flush(),
            Tag::Emphasis => self.italic += 1,
            Tag::Strong => self.bold += 1,
            Tag::Strikethrough => self.strike += 1,
            Tag::Link { dest_url, .. } => self.link = Some(dest_url.to_string()),
            _ => {}
        }
    }

    fn end(&mut self, tag: &TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) => self.flush(),
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote = self.quote.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Item => {
                self.flush();
                self.pending_item = None;
            }
            TagEnd::TableCell => {
                self.flush();
                if let Some(t) = &mut self.table {
                    let mut cell = TableCell::new();
                    let paras = std::mem::take(&mut t.cell);
                    if paras.is_empty() {
                        cell = cell.add_paragraph(Paragraph::new());
                    }
                    for p in paras {
                        cell = cell.add_paragraph(p);
                    }
                    t.cells.push(cell);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(t) = &mut self.table {
                    let cells = std::mem::take(&mut t.cells);
                    t.rows.push(TableRow::new(cells));
                    t.head = false;
                }
            }
            TagEnd::Table => {
                self.flush();
                if let Some(t) = self.table.take() {
                    self.blocks.push(Block::T(Box::new(Table::new(t.rows))));
                }
            }
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Strikethrough => self.strike = self.strike.saturating_sub(1),
            TagEnd::Link => self.link = None,
            _ => {}
        }
    }

    /// The first reference to a note carries it; later ones print its number again, as the PDF does. (A
    /// footnote per reference made n references to a long note n copies of it.)
    fn footnote(&mut self, label: &str) {
        if let Some(number) = self.note_numbers.get(label) {
            let mut run = self.run(&number.to_string());
            run.run_property = run.run_property.vert_align(VertAlignType::SuperScript);
            self.push_run(run);
            return;
        }
        let text = self
            .notes
            .as_ref()
            .and_then(|n| n.get(label))
            .map(plain_text);
        match text {
            Some(text) => {
                // Word numbers notes in the order of their references, and only first references make one.
                let number = self.note_numbers.len() + 1;
                self.note_numbers.insert(label.to_owned(), number);
                let mut note = Footnote::new();
                let note =
                    note.add_content(self.new_para().add_run(Run::new().add_text(text.trim())));
                let run = Run::new().add_footnote_reference(note);
                self.push_run(run);
            }
            None => self.text(&format!("[^{label}]")),
        }
    }
}

fn plain_text(events: &[Event<'_>]) -> String {
    let mut s = String::new();
    for ev in events {
        match ev {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => s.push(' '),
            _ => {}
        }
    }
    s
}
