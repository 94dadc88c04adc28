//! Export of a meeting record: the polished PDF that leaves the building, plus DOCX, Markdown, HTML, CSV and ICS.
//!
//! Why it is built this way:
//! - **One reading of the Markdown.** Every format is written from the same pulldown-cmark events
//!   (`md_read::events`), sanitised once: raw HTML shows as text, HTML comments (drafting markers) vanish,
//!   only `http`/`https`/`mailto` links survive. So the formats cannot disagree about what the text says.
//! - **Embedded Typst, bundled fonts.** The PDF is typeset in-process (`typst`, `typst-pdf`) with fonts compiled
//!   into the binary (Libertinus Serif from typst-assets; Noto Naskh Arabic; Noto Sans CJK SC cut down to the
//!   CJK basic block and Extension A), so a document looks the same on every machine, in every official language,
//!   with no external program. A character no bundled font has is printed as □ with a warning, never a failure.
//! - **Bidi per paragraph.** The document's language sets the page (Arabic: right to left); each paragraph, heading,
//!   item and cell takes its base direction from its first strong character (Unicode bidi P2/P3).
//! - **User text is never markup.** It reaches Typst only as string literals (see `typst_markup`), so nothing a
//!   delegate types can run a Typst function, read a file or break the layout.
//! - **PDF/A-2b** for archiving, with extractable text.
//! - **No half-written files.** [`export`] returns bytes; [`write_atomically`] puts them in place with a
//!   temporary file, fsync and rename.

mod docx;
mod docx_a11y;
mod docx_body;
mod docx_styles;
mod error;
mod glyphs;
mod html;
mod i18n;
mod lead;
mod letterhead;
mod masthead;
mod md_read;
mod md_write;
mod pdf;
mod printable;
mod review;
mod review_docx;
mod roll;
mod tabular;
mod typst_markup;
mod view;
mod write;

use std::collections::BTreeMap;
use std::str::FromStr;

use rapporteur_core::{Language, MeetingRecord};
use serde::{Deserialize, Serialize};

pub use error::ExportError;
pub use i18n::{format_date, format_date_range};
pub use letterhead::{Letterhead, MAX_LOGO_BYTES};
pub use pdf::{bundled_font, check_logo, font_families};
pub use review::{
    Anchor, MAX_REVIEW_DOCX_BYTES, MAX_REVIEW_PART_BYTES, Piece, ReviewComment, ReviewedDocx,
    ReviewedParagraph, Revision, RevisionKind, read_reviewed_docx,
};
pub use review_docx::{ReviewChange, ReviewNote, UNTRACKED_AUTHOR, review_docx, reviewed_changes};
pub use view::MAX_DOCUMENT_BYTES;
pub use write::{Replace, write_atomically, write_file};

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// PDF/A-2b, typeset by the embedded Typst.
    #[default]
    Pdf,
    /// Word (Office Open XML).
    Docx,
    /// Markdown.
    Md,
    /// A standalone HTML page.
    Html,
    /// One table of the record (see [`CsvTable`]) as CSV.
    Csv,
    /// The action items' due dates as an iCalendar file.
    Ics,
}

impl Format {
    /// Every format, in the order the UI offers them.
    pub const ALL: [Format; 6] = [
        Format::Pdf,
        Format::Docx,
        Format::Md,
        Format::Html,
        Format::Csv,
        Format::Ics,
    ];

    /// Its name: `pdf`, `docx`, `md`, `html`, `csv` or `ics`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Md => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Ics => "ics",
        }
    }

    /// The usual file extension, which is also the CLI name.
    pub fn extension(self) -> &'static str {
        self.as_str()
    }

    /// Its media type, as a save dialog or a mail would give it.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Pdf => "application/pdf",
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Md => "text/markdown; charset=utf-8",
            Format::Html => "text/html; charset=utf-8",
            Format::Csv => "text/csv; charset=utf-8",
            Format::Ics => "text/calendar; charset=utf-8",
        }
    }
}

impl FromStr for Format {
    type Err = ExportError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        let lower = if lower == "markdown" {
            "md".into()
        } else {
            lower
        };
        Format::ALL
            .into_iter()
            .find(|f| f.as_str() == lower)
            .ok_or_else(|| ExportError::UnknownFormat(s.to_owned()))
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which document of the record to export (the document formats only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocSelector {
    /// The meeting's summary.
    #[default]
    Summary,
    /// The n-th statement, from 0, in the record's order.
    Statement(usize),
}

/// Which table a CSV export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CsvTable {
    /// The attendance: headcounts by category and named delegations.
    #[default]
    Attendance,
    /// The action items.
    Actions,
    /// The list of participants: the persons of each delegation, with their function and who heads it.
    Participants,
}

/// Everything an export needs besides the record. `Default` is: PDF of the summary, meeting language, no annex.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ExportRequest {
    /// The output format.
    pub format: Format,
    /// Which document (the document formats only).
    pub doc: DocSelector,
    /// Output language; `None` is the meeting's language.
    pub lang: Option<Language>,
    /// Append the annex: attendance by category, the list of speakers, the list of participants and the
    /// recorded votes.
    pub annex: bool,
    /// The letterhead printed at the top of page 1 (the document formats only).
    pub letterhead: Letterhead,
    /// For [`Format::Csv`] only.
    pub csv_table: CsvTable,
    /// Print the UN masthead (PDF and DOCX only; needs the meeting's symbol): see `masthead`.
    pub masthead: bool,
    /// My private notes, printed as a closing "My notes" section; `None` (the default) leaves them out.
    pub private_notes: Option<PrivateNotes>,
}

/// The user's private notes on a meeting, for an export that asked to include them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PrivateNotes {
    /// On the meeting as a whole.
    pub meeting: String,
    /// On interventions, by intervention id. Printed in speaking order under the speaker's name; notes on
    /// interventions no longer in the record are left out.
    pub interventions: BTreeMap<String, String>,
}

/// A finished export: the file's bytes, and one-line warnings for the user (e.g. characters no bundled font has,
/// printed as □ in the PDF).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Exported {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// One-line warnings for the user.
    pub warnings: Vec<String>,
}

/// Export `record` as `req` asks. Returns the file's bytes; nothing is written. Warnings are dropped: see
/// [`export_with_warnings`].
pub fn export(record: &MeetingRecord, req: &ExportRequest) -> Result<Vec<u8>, ExportError> {
    export_with_warnings(record, req).map(|e| e.bytes)
}

/// Export `record` as `req` asks, with the warnings the user should see. Nothing is written.
pub fn export_with_warnings(
    record: &MeetingRecord,
    req: &ExportRequest,
) -> Result<Exported, ExportError> {
    let record = &*printable::record(record)?;
    let req = &printable::request(req);
    let bytes = match req.format {
        Format::Csv => tabular::csv(record, req)?,
        Format::Ics => tabular::ics(record).into_bytes(),
        Format::Pdf => {
            let (bytes, warnings) = pdf::pdf(&view::build(record, req)?)?;
            return Ok(Exported { bytes, warnings });
        }
        Format::Docx => docx::docx(&view::build(record, req)?)?,
        Format::Md => md_write::markdown(&view::build(record, req)?).into_bytes(),
        Format::Html => html::html(&view::build(record, req)?).into_bytes(),
    };
    Ok(Exported {
        bytes,
        warnings: Vec::new(),
    })
}

/// The Typst markup that the PDF typesets for a Markdown body (`rtl`: the document is right to left), before
/// the preamble. Public only for the fuzz targets (`fuzz/`), which check that any body gives markup that
/// parses; not an interface to build on.
#[doc(hidden)]
pub fn typst_markup_of(markdown: &str, rtl: bool) -> String {
    typst_markup::body(markdown, rtl, 1).0
}

/// Page 1 of the PDF as a standalone SVG document, for the Export view's live preview. `req.format` is ignored.
pub fn preview_first_page(
    record: &MeetingRecord,
    req: &ExportRequest,
) -> Result<String, ExportError> {
    Ok(preview_page(record, req, 1)?.0)
}

/// Page `page` of the PDF (from 1; a page past the end gives the last one) as a standalone SVG document, and
/// how many pages the PDF has, so the preview can be paged through. `req.format` is ignored.
pub fn preview_page(
    record: &MeetingRecord,
    req: &ExportRequest,
    page: usize,
) -> Result<(String, usize), ExportError> {
    let record = &*printable::record(record)?;
    let req = &printable::request(req);
    pdf::preview_svg(&view::build(record, req)?, page)
}
