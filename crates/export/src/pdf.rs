//! PDF and page previews through Typst, embedded: no external program, no system fonts, no file access
//! beyond the letterhead logo we hand it.

use std::fmt::Write as _;
use std::sync::LazyLock;

use chrono::{Datelike, Timelike};
use rapporteur_core::Language;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::error::ExportError;
use crate::glyphs;
use crate::i18n;
use crate::letterhead::{LogoFormat, logo_alt, logo_format};
use crate::typst_markup::{self, str_lit, text, text_par};
use crate::view::{Annex, Notes, View};

const NASKH_REGULAR: &[u8] = include_bytes!("../fonts/NotoNaskhArabic-Regular.ttf");
const NASKH_BOLD: &[u8] = include_bytes!("../fonts/NotoNaskhArabic-Bold.ttf");
const SANS_SC_REGULAR: &[u8] = include_bytes!("../fonts/NotoSansSC-Regular-Subset.otf");
const SANS_SC_BOLD: &[u8] = include_bytes!("../fonts/NotoSansSC-Bold-Subset.otf");

/// Fonts compiled into the binary (see `fonts/README.md`).
static BUNDLED: [&[u8]; 4] = [NASKH_REGULAR, NASKH_BOLD, SANS_SC_REGULAR, SANS_SC_BOLD];

/// A bundled font by the file name the desktop window asks for, with its MIME type: the same Arabic and
/// Chinese faces the PDFs use, so the interface shows those scripts on a machine that has no font for them,
/// without a second copy of the files in the web assets.
pub fn bundled_font(name: &str) -> Option<(&'static [u8], &'static str)> {
    match name {
        "noto-naskh-arabic-regular.ttf" => Some((NASKH_REGULAR, "font/ttf")),
        "noto-naskh-arabic-bold.ttf" => Some((NASKH_BOLD, "font/ttf")),
        "noto-sans-sc-regular.otf" => Some((SANS_SC_REGULAR, "font/otf")),
        "noto-sans-sc-bold.otf" => Some((SANS_SC_BOLD, "font/otf")),
        _ => None,
    }
}

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .chain(BUNDLED)
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    Fonts {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// The families of every font the exporter can use, for tests and diagnostics.
pub fn font_families() -> Vec<String> {
    let mut names: Vec<String> = FONTS
        .fonts
        .iter()
        .map(|f| f.info().family.clone())
        .collect();
    names.dedup();
    names
}

/// A world holding one generated source and, at most, the logo.
struct DocWorld {
    main: Source,
    logo: Option<(FileId, Bytes)>,
}

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("our own virtual paths are valid");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }
    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }
    fn main(&self) -> FileId {
        self.main.id()
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        match &self.logo {
            Some((logo, bytes)) if *logo == id => Ok(bytes.clone()),
            _ => Err(FileError::AccessDenied),
        }
    }
    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// Whether some bundled font has a glyph for `c`.
fn covered(c: char) -> bool {
    FONTS
        .fonts
        .iter()
        .any(|f| f.info().coverage.contains(c as u32))
}

/// Lay the document out into pages. Also returns warnings for the reader (characters printed as □).
pub(crate) fn typeset(view: &View<'_>) -> Result<(PagedDocument, Vec<String>), ExportError> {
    let logo = match &view.letterhead.logo {
        Some(bytes) => {
            let format = logo_format(bytes)?;
            let id = file_id(&format!("logo.{}", format.extension()));
            Some((format, id, Bytes::new(bytes.clone())))
        }
        None => None,
    };
    let (source, tables_as_lines) = source(view, logo.as_ref().map(|(f, _, _)| *f));
    let (source, missing) = glyphs::replace_uncovered(source, covered);
    let mut warnings: Vec<String> = match missing.is_empty() {
        true => Vec::new(),
        false => vec![glyphs::warning(&missing)],
    };
    if tables_as_lines > 0 {
        warnings.push(format!(
            "{tables_as_lines} table(s) printed as lines of text: the PDF lays out at most {} table cells \
             (DOCX and HTML keep every table)",
            typst_markup::MAX_TABLE_CELLS
        ));
    }
    let world = DocWorld {
        main: Source::new(file_id("main.typ"), source),
        logo: logo.map(|(_, id, b)| (id, b)),
    };
    let result = typst::compile::<PagedDocument>(&world).output;
    // Keep the memo cache from growing without bound in a long-running app.
    typst::comemo::evict(10);
    let doc = result.map_err(|diags| ExportError::Typeset(messages(&diags)))?;
    Ok((doc, warnings))
}

/// Check that `bytes` decode as an image we can place, so a bad logo is refused in settings or before any
/// output is produced, with one clear line.
/// The logo is laid out by Typst here, as the PDF will be: an SVG that refers to anything outside itself
/// (`<image href="file:///…">`) would otherwise pass and then break every export.
pub fn check_logo(bytes: &[u8]) -> Result<(), ExportError> {
    let format = logo_format(bytes)?;
    let id = file_id(&format!("logo.{}", format.extension()));
    let world = DocWorld {
        main: Source::new(
            file_id("main.typ"),
            format!("#image(\"logo.{}\", height: 1.5cm)", format.extension()),
        ),
        logo: Some((id, Bytes::new(bytes.to_vec()))),
    };
    let result = typst::compile::<PagedDocument>(&world).output;
    typst::comemo::evict(10);
    result.map(|_| ()).map_err(|diags| {
        ExportError::BadImage(format!(
            "it cannot be drawn from its own bytes alone (an SVG may not refer to other files or links): {}",
            messages(&diags)
        ))
    })
}

fn messages(diags: &[SourceDiagnostic]) -> String {
    diags
        .iter()
        .map(|d| d.message.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

pub(crate) fn pdf(view: &View<'_>) -> Result<(Vec<u8>, Vec<String>), ExportError> {
    let (doc, warnings) = typeset(view)?;
    // Accessible: tagged (headings, lists, tables with their header rows, the logo's alternative text, the
    // document language) and checked by Typst against PDF/UA-1 and PDF/A-2a, the accessible archival level.
    let standards = PdfStandards::new(&[PdfStandard::A_2a, PdfStandard::Ua_1])
        .map_err(|e| ExportError::Typeset(e.message().to_string()))?;
    let now = chrono::Utc::now();
    let stamp = Datetime::from_ymd_hms(
        now.year(),
        now.month() as u8,
        now.day() as u8,
        now.hour() as u8,
        now.minute() as u8,
        now.second() as u8,
    )
    .map(Timestamp::new_utc);
    let options = PdfOptions {
        ident: Smart::Custom(view.title.clone()),
        creator: Smart::Custom(Some("Rapporteur".into())),
        timestamp: stamp,
        standards,
        tagged: true,
        ..PdfOptions::default()
    };
    let bytes =
        typst_pdf::pdf(&doc, &options).map_err(|diags| ExportError::Typeset(messages(&diags)))?;
    Ok((bytes, warnings))
}

/// Page `page` (from 1; past the end, the last page) as a standalone SVG string, with the page count.
pub(crate) fn preview_svg(view: &View<'_>, page: usize) -> Result<(String, usize), ExportError> {
    let (doc, _) = typeset(view)?;
    let pages = doc.pages();
    let index = page.clamp(1, pages.len().max(1)) - 1;
    let page = pages
        .get(index)
        .ok_or_else(|| ExportError::Typeset("the document has no pages".into()))?;
    Ok((
        typst_svg::svg(page, &typst_svg::SvgOptions::default()),
        pages.len(),
    ))
}

fn fonts_for(lang: Language) -> &'static str {
    match lang {
        Language::Ar => r#"("Noto Naskh Arabic", "Libertinus Serif", "Noto Sans CJK SC")"#,
        Language::Zh => r#"("Noto Sans CJK SC", "Libertinus Serif", "Noto Naskh Arabic")"#,
        _ => r#"("Libertinus Serif", "Noto Naskh Arabic", "Noto Sans CJK SC")"#,
    }
}

/// The whole Typst source: page setup, letterhead, title block, body, annex; and how many tables of the body
/// it prints as lines (see `typst_markup::body`).
fn source(view: &View<'_>, logo: Option<LogoFormat>) -> (String, usize) {
    let lang = view.lang;
    let words = i18n::words(lang);
    let mut s = String::with_capacity(view.body.len() * 2 + 4096);
    let [p0, p1, p2] = words.page_of;
    // The page follows the document's direction; each paragraph takes its own from its first strong character.
    // The symbol is Latin, so it gets an explicit side: the end of the page's lines (right; left in Arabic).
    let rtl = lang == Language::Ar;
    let end = if rtl { "left" } else { "right" };
    let _ = write!(
        s,
        r##"#let latin = ("Libertinus Serif", "Noto Naskh Arabic", "Noto Sans CJK SC")
#set document(title: {title})
#set text(font: {fonts}, size: 11pt, lang: "{code}"{region}, hyphenate: false, cjk-latin-spacing: none)
#set par(justify: true, leading: 0.65em, spacing: 1.1em)
#set page(paper: "a4", margin: (x: 2.3cm, top: 2.2cm, bottom: 2.4cm),
  header: context if counter(page).get().first() > 1 {{ align({end}, text(size: 8.5pt, font: latin, dir: ltr, {symbol})) }},
  footer: context align(center, text(size: 8.5pt)[#{p0};#counter(page).display();#{p1};#str(counter(page).final().first());#{p2};]))
#show heading: set block(above: 1.3em, below: 0.7em)
#show heading.where(level: 1): set text(size: 13pt)
#show heading.where(level: 2): set text(size: 12pt)
#show heading.where(level: 3): set text(size: 11pt)
#show <doc-title>: set text(size: 15pt)
#show <doc-title>: set block(above: 0pt, below: 0pt)
#set table(stroke: 0.5pt + luma(140), inset: 5pt)
#show table.cell.where(y: 0): set text(weight: "bold")
#set list(indent: 0.6em)
#set enum(indent: 0.6em)
#show link: set text(fill: rgb("#1a4f8b"))
"##,
        // Metadata only (the title block prints it whole): PDF/A allows no string over 32,767 bytes.
        title = str_lit(&rapporteur_core::text::clip(&view.title)),
        fonts = fonts_for(lang),
        code = lang.code(),
        region = if lang == Language::Zh {
            r#", region: "cn""#
        } else {
            ""
        },
        symbol = str_lit(view.symbol.unwrap_or("")),
        end = end,
        p0 = str_lit(p0),
        p1 = str_lit(p1),
        p2 = str_lit(p2),
    );

    // Letterhead: logo, organisation, symbol at the top end (the right, mirrored in Arabic).
    let lh = view.letterhead;
    if !lh.organisation.trim().is_empty() || logo.is_some() || view.symbol.is_some() {
        s.push_str("#grid(columns: (auto, 1fr, auto), column-gutter: 12pt, align: (horizon, horizon, top),\n");
        match logo {
            Some(f) => {
                let _ = writeln!(
                    s,
                    "  image(\"logo.{}\", height: 1.5cm, alt: {}),",
                    f.extension(),
                    str_lit(&logo_alt(&lh.organisation, lang))
                );
            }
            None => s.push_str("  [],\n"),
        }
        // Organisation and unit are paragraphs of their own, each with its own direction, both on the start side.
        let _ = write!(
            s,
            "  align({}, stack(spacing: 0.5em, text(size: 12.5pt, weight: \"bold\")[",
            if rtl { "right" } else { "left" }
        );
        text_par(&mut s, &lh.organisation, rtl);
        s.push(']');
        if let Some(unit) = lh.unit.as_deref().filter(|u| !u.trim().is_empty()) {
            s.push_str(", text(size: 9.5pt)[");
            text_par(&mut s, unit, rtl);
            s.push(']');
        }
        // Symbols are Latin ("A/HRC/43/1"): one Latin face, also inside Arabic and Chinese documents.
        let _ = write!(
            s,
            ")),\n  align({end}, stack(text(size: 11pt, weight: \"bold\", font: latin, dir: ltr)["
        );
        text(&mut s, view.symbol.unwrap_or(""));
        s.push(']');
        masthead_source(&mut s, view.masthead.as_deref(), end);
        s.push_str(")),\n)\n#v(-0.3em)\n#line(length: 100%, stroke: 0.8pt)\n#v(1.4em)\n\n");
    }

    // Title block.
    // Title, date and byline are separate paragraphs, so each is ordered by its own first strong character.
    // The title's block ends at its baseline: the space under it clears the descenders of "g", "y", "p".
    // The title is the document's first heading (level 1), as a tagged PDF needs; a title too long for a heading
    // (its text becomes a PDF string, see `MAX_HEADING_BYTES`) is a bold paragraph, and the body's headings start
    // at level 1.
    let title_heading = view.title.len() <= typst_markup::MAX_HEADING_BYTES;
    s.push_str(if title_heading {
        "#align(center)[#heading(level: 1, outlined: false)["
    } else {
        "#align(center)[#block(text(size: 15pt, weight: \"bold\")["
    });
    text_par(&mut s, &view.title, rtl);
    s.push_str(if title_heading {
        "]<doc-title> #v(0.5em) #block["
    } else {
        "]) #v(0.5em) #block["
    });
    text_par(&mut s, &view.date, rtl);
    s.push(']');
    if let Some(by) = &view.byline {
        s.push_str(" #block(emph[");
        text_par(&mut s, by, rtl);
        s.push_str("])");
    }
    s.push_str("]\n#v(1.2em)\n\n");

    let (body, tables_as_lines) = typst_markup::body(&view.body, rtl, usize::from(title_heading));
    s.push_str(&body);

    if let Some(annex) = &view.annex {
        annex_source(&mut s, annex, lang);
    }
    if let Some(notes) = &view.notes {
        notes_source(&mut s, notes, lang);
    }
    (s, tables_as_lines)
}

fn notes_source(s: &mut String, notes: &Notes, lang: Language) {
    s.push_str("\n#pagebreak(weak: true)\n#heading(level: 1)[");
    text(s, i18n::words(lang).my_notes);
    s.push_str("]\n\n");
    for p in &notes.meeting {
        text_par(s, p, lang == Language::Ar);
        s.push_str("\n\n");
    }
    for note in &notes.interventions {
        s.push_str("#heading(level: 2)[");
        text_par(s, &note.speaker, lang == Language::Ar);
        s.push_str("]\n\n");
        for p in &note.paragraphs {
            text_par(s, p, lang == Language::Ar);
            s.push_str("\n\n");
        }
    }
}

/// The UN masthead's lines under the symbol, on the same side, one small paragraph each (the date in the
/// masthead's language), with a gap before "Original".
fn masthead_source(s: &mut String, lines: Option<&[String]>, end: &str) {
    let Some(lines) = lines else { return };
    for (i, line) in lines.iter().enumerate() {
        let gap = if i + 1 == lines.len() {
            "0.9em"
        } else {
            "0.25em"
        };
        let _ = write!(s, ", v({gap}), align({end}, text(size: 9pt, dir: ltr)[");
        text(s, line);
        s.push_str("])");
    }
}

fn annex_source(s: &mut String, annex: &Annex, lang: Language) {
    s.push_str("\n#pagebreak(weak: true)\n#align(center, heading(level: 1)[");
    text(s, i18n::words(lang).annex);
    s.push_str("])\n\n");
    for grid in annex.grids(lang) {
        s.push_str("#heading(level: 2)[");
        text(s, grid.title);
        // The last column takes the rest of the line, unless it is a number (then the table stays narrow).
        let n = grid.header.len();
        let cols: Vec<&str> = (0..n)
            .map(|i| {
                if i + 1 == n && !grid.numeric[i] {
                    "1fr"
                } else {
                    "auto"
                }
            })
            .collect();
        let align: Vec<&str> = grid.numeric[..grid.header.len()]
            .iter()
            // Sides from the document's direction, so a Latin name in an Arabic column stays on its right.
            .map(|n| match (*n, lang == Language::Ar) {
                (false, false) | (true, true) => "left",
                (true, false) | (false, true) => "right",
            })
            .collect();
        let _ = write!(
            s,
            "]\n#table(columns: ({},), align: ({},),\n  table.header(",
            cols.join(", "),
            align.join(", ")
        );
        for h in &grid.header {
            s.push('[');
            text(s, h);
            s.push_str("], ");
        }
        s.push_str("),\n");
        for row in &grid.rows {
            s.push_str("  ");
            for cell in row {
                s.push('[');
                text_par(s, cell, lang == Language::Ar);
                s.push_str("], ");
            }
            s.push('\n');
        }
        if let Some(total) = &grid.total {
            s.push_str("  ");
            for cell in total {
                s.push_str("[#strong[");
                text(s, cell);
                s.push_str("]], ");
            }
            s.push('\n');
        }
        s.push_str(")\n\n");
    }
}
