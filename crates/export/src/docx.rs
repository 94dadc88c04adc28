//! DOCX through docx-rs, from the same sanitised events: the title block and letterhead, the body
//! (`docx_body`), the annex and "My notes", and a "Page X of Y" footer, each part a function here.

use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Footer, Header, InstrNUMPAGES, InstrPAGE,
    InstrText, LineSpacing, Paragraph, Pic, Run, RunFonts, Table, TableCell, TableLayoutType,
    TableRow, WidthType,
};
use rapporteur_core::Language;

use crate::docx_a11y::accessible_document;
use crate::docx_body::{Block, Writer};
use crate::docx_styles::{BULLET, DECIMAL, column_widths, list_levels, styles};
use crate::error::ExportError;
use crate::i18n;
use crate::letterhead::{LogoFormat, logo_alt, logo_format};
use crate::md_read::{self, Footnotes};
use crate::view::{Annex, Notes, View};

pub(crate) fn docx(view: &View<'_>) -> Result<Vec<u8>, ExportError> {
    let rtl = view.lang == Language::Ar;
    let mut w = Writer::new(rtl);
    w.front_matter(view);
    let (events, notes) = Footnotes::split(md_read::events(&view.body));
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

/// With the masthead, the symbol in every page's header, on the right as on the first page; else no header.
fn symbol_header(view: &View<'_>) -> Option<Header> {
    let symbol = view.symbol.filter(|_| view.masthead.is_some())?;
    Some(
        Header::new().add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Right)
                .add_run(Run::new().add_text(symbol).size(17)),
        ),
    )
}

impl Writer<'_> {
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
        // The UN masthead: one small right-aligned line each, under the symbol.
        for line in view.masthead.iter().flatten() {
            let p = self
                .new_para()
                .align(AlignmentType::Right)
                .add_run(Run::new().add_text(line).size(18));
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
        if let Some(header) = symbol_header(view) {
            doc = doc.header(header);
        }
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
        let mut xml = doc.build();
        xml.document = accessible_document(
            &xml.document,
            &logo_alt(&view.letterhead.organisation, view.lang),
        );
        xml.pack(&mut out).map_err(|e| ExportError::Encode {
            format: "docx",
            message: e.to_string(),
        })?;
        Ok(out.into_inner())
    }
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
