//! DOCX through docx-rs, from the same sanitised events: Word heading styles (`Heading1`…, with outline
//! levels, so the navigation pane and a table of contents see them), real numbered and bulleted lists
//! (one numbering instance per list, so each restarts), real tables, footnotes, and a "Page X of Y" footer.

use std::collections::HashMap;

use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Footer, Footnote, Hyperlink, HyperlinkType,
    IndentLevel, InstrNUMPAGES, InstrPAGE, InstrText, LineSpacing, Numbering, NumberingId,
    Paragraph, Pic, Run, RunFonts, Table, TableCell, TableLayoutType, TableRow, VertAlignType,
    WidthType,
};
use pulldown_cmark::{Event, Tag, TagEnd};
use rapporteur_core::Language;

use crate::docx_styles::{column_widths, list_levels, styles};
use crate::error::ExportError;
use crate::i18n;
use crate::letterhead::{LogoFormat, logo_format};
use crate::markdown::{self, Footnotes};
use crate::view::{Annex, Notes, View};

// docx-rs already defines abstract numbering 1 and numbering 1; ours start at 10.
const BULLET: usize = 10;
const DECIMAL: usize = 11;

pub(crate) fn docx(view: &View<'_>) -> Result<Vec<u8>, ExportError> {
    let rtl = view.lang == Language::Ar;
    let mut w = Writer::new(rtl);
    w.front_matter(view);
    let (events, notes) = Footnotes::split(markdown::events(&view.body));
    w.notes = Some(notes);
    for ev in &events {
        w.event(ev);
    }
    w.flush();
    if let Some(annex) = &view.annex {
        w.annex(annex, view.lang);
    }
    if let Some(notes) = &view.notes {
        w.notes(notes, view.lang);
    }
    w.finish(view)
}

enum Block {
    P(Box<Paragraph>),
    T(Box<Table>),
}

struct TableBuild {
    rows: Vec<TableRow>,
    cells: Vec<TableCell>,
    cell: Vec<Paragraph>,
    head: bool,
}

struct Writer<'a> {
    rtl: bool,
    blocks: Vec<Block>,
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
    numberings: Vec<Numbering>,
    table: Option<TableBuild>,
    notes: Option<Footnotes<'a>>,
    /// Notes already printed, by label: their number.
    note_numbers: HashMap<String, usize>,
}

impl<'a> Writer<'a> {
    fn new(rtl: bool) -> Self {
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

    fn new_para(&self) -> Paragraph {
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

    fn flush(&mut self) {
        if let Some(p) = self.para.take() {
            match &mut self.table {
                Some(t) => t.cell.push(p),
                None => self.blocks.push(Block::P(Box::new(p))),
            }
        }
    }

    fn block(&mut self, p: Paragraph) {
        self.flush();
        self.blocks.push(Block::P(Box::new(p)));
    }

    fn event(&mut self, ev: &Event<'_>) {
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

    fn front_matter(&mut self, view: &View<'_>) {
        let lh = view.letterhead;
        if let Some(pic) = lh.logo.as_deref().and_then(logo_pic) {
            let p = self.new_para().add_run(Run::new().add_image(pic));
            self.block(p);
        }
        if !lh.organisation.trim().is_empty() {
            let mut p = self
                .new_para()
                .add_run(Run::new().add_text(&lh.organisation).bold().size(26));
            if let Some(unit) = lh.unit.as_deref().filter(|u| !u.trim().is_empty()) {
                p = p
                    .add_run(Run::new().add_break(BreakType::TextWrapping))
                    .add_run(Run::new().add_text(unit).size(19));
            }
            self.block(p);
        }
        if let Some(symbol) = view.symbol {
            let p = self
                .new_para()
                .align(AlignmentType::Right)
                .add_run(Run::new().add_text(symbol).bold());
            self.block(p);
        }
        let title = self
            .new_para()
            .style("Title")
            .add_run(Run::new().add_text(&view.title));
        self.block(title);
        let mut date = self
            .new_para()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text(&view.date));
        if let Some(by) = &view.byline {
            date = date
                .add_run(Run::new().add_break(BreakType::TextWrapping))
                .add_run(Run::new().add_text(by).italic());
        }
        self.block(date);
    }

    fn annex(&mut self, annex: &Annex, lang: Language) {
        let h = self
            .new_para()
            .style("Heading1")
            .page_break_before(true)
            .add_run(Run::new().add_text(i18n::words(lang).annex));
        self.block(h);
        let rtl = self.rtl;
        let cell = |s: &str, bold: bool| {
            let run = if bold {
                Run::new().add_text(s).bold()
            } else {
                Run::new().add_text(s)
            };
            let mut p = Paragraph::new().add_run(run);
            if rtl {
                p.property = p.property.bidi(true);
            }
            TableCell::new().add_paragraph(p)
        };
        for grid in annex.grids(lang) {
            let h = self
                .new_para()
                .style("Heading2")
                .add_run(Run::new().add_text(grid.title));
            self.block(h);
            let widths = column_widths(&grid.numeric[..grid.header.len()]);
            let row = |cells: &[String], bold: bool| {
                let cells = cells.iter().zip(&widths);
                TableRow::new(
                    cells
                        .map(|(c, w)| cell(c, bold).width(*w, WidthType::Dxa))
                        .collect(),
                )
            };
            let header: Vec<String> = grid.header.iter().map(|h| h.to_string()).collect();
            let mut rows = vec![row(&header, true)];
            for r in &grid.rows {
                rows.push(row(r, false));
            }
            if let Some(total) = &grid.total {
                rows.push(row(total, true));
            }
            let table = Table::new(rows)
                .set_grid(widths.clone())
                .layout(TableLayoutType::Fixed)
                .width(widths.iter().sum(), WidthType::Dxa);
            self.blocks.push(Block::T(Box::new(table)));
        }
    }

    fn notes(&mut self, notes: &Notes, lang: Language) {
        let h = self
            .new_para()
            .style("Heading1")
            .page_break_before(true)
            .add_run(Run::new().add_text(i18n::words(lang).my_notes));
        self.block(h);
        let meeting = notes.meeting.iter().map(|p| (false, p));
        let speakers = notes.interventions.iter().flat_map(|n| {
            std::iter::once((true, &n.speaker)).chain(n.paragraphs.iter().map(|p| (false, p)))
        });
        for (heading, text) in meeting.chain(speakers) {
            let p = self.new_para().add_run(Run::new().add_text(text));
            self.block(if heading { p.style("Heading2") } else { p });
        }
    }

    fn finish(self, view: &View<'_>) -> Result<Vec<u8>, ExportError> {
        let [p0, p1, p2] = i18n::words(view.lang).page_of;
        // The page fields are built by hand: docx-rs's PageNum/NumPages runs carry no size.
        let field = |instr: InstrText| {
            Run::new()
                .size(17)
                .add_field_char(FieldCharType::Begin, false)
                .add_instr_text(instr)
                .add_field_char(FieldCharType::Separate, false)
                .add_text("1")
                .add_field_char(FieldCharType::End, false)
        };
        let mut line = Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text(p0).size(17))
            .add_run(field(InstrText::PAGE(InstrPAGE::new())))
            .add_run(Run::new().add_text(p1).size(17))
            .add_run(field(InstrText::NUMPAGES(InstrNUMPAGES::new())))
            .add_run(Run::new().add_text(p2).size(17));
        if self.rtl {
            line.property = line.property.bidi(true);
        }
        let footer = Footer::new().add_paragraph(line);
        let mut doc = Docx::new()
            .default_fonts(
                RunFonts::new()
                    .ascii("Libertinus Serif")
                    .hi_ansi("Libertinus Serif")
                    .east_asia("Noto Sans CJK SC")
                    .cs("Noto Naskh Arabic"),
            )
            .default_size(22)
            .default_line_spacing(LineSpacing::new().after(140))
            .footer(footer)
            .add_abstract_numbering(list_levels(BULLET, false))
            .add_abstract_numbering(list_levels(DECIMAL, true));
        for s in styles() {
            doc = doc.add_style(s);
        }
        for n in self.numberings {
            doc = doc.add_numbering(n);
        }
        for b in self.blocks {
            doc = match b {
                Block::P(p) => doc.add_paragraph(*p),
                Block::T(t) => doc.add_table(*t),
            };
        }
        let mut out = std::io::Cursor::new(Vec::new());
        doc.build()
            .pack(&mut out)
            .map_err(|e| ExportError::Encode {
                format: "docx",
                message: e.to_string(),
            })?;
        Ok(out.into_inner())
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

/// A PNG logo as an inline picture 1.5 cm high; other formats are left out of DOCX (docx-rs embeds PNG only).
fn logo_pic(bytes: &[u8]) -> Option<Pic> {
    if logo_format(bytes).ok()? != LogoFormat::Png {
        return None;
    }
    let img = typst::visualize::RasterImage::plain(
        typst::foundations::Bytes::new(bytes.to_vec()),
        typst::visualize::ExchangeFormat::Png,
    )
    .ok()?;
    let (w, h) = (img.width().max(1), img.height().max(1));
    let h_emu = 540_000u32; // 1.5 cm
    let w_emu = (u64::from(h_emu) * u64::from(w) / u64::from(h)).min(u64::from(u32::MAX)) as u32;
    Some(Pic::new_with_dimensions(bytes.to_vec(), w, h).size(w_emu, h_emu))
}
