//! Reading back a DOCX that a colleague reviewed in Word or LibreOffice: each paragraph's text with the
//! reviewer's tracked insertions and deletions (who, when), and the comments with the text they cover.
//! Clearance turns these into suggestions and comments for the rapporteur to accept or reject; nothing here
//! changes a record.
//!
//! The file comes from outside, so it is read with limits that hold while reading: at most
//! [`MAX_REVIEW_DOCX_BYTES`] of file, and each XML part counted as it inflates, refused past
//! [`MAX_REVIEW_PART_BYTES`]. Each part is read once, as a stream of XML events (quick-xml), so the work grows
//! with the file. Tables' paragraphs count as paragraphs, in document order.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::error::ExportError;

/// The largest reviewed DOCX read.
pub const MAX_REVIEW_DOCX_BYTES: usize = 50 * 1024 * 1024;
/// The largest XML part (the body, the comments), inflated.
pub const MAX_REVIEW_PART_BYTES: u64 = 64 * 1024 * 1024;

/// What a reviewer did to a document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReviewedDocx {
    /// The body's paragraphs, in order.
    pub paragraphs: Vec<ReviewedParagraph>,
    /// The comments, in the order of `comments.xml`.
    pub comments: Vec<ReviewComment>,
}

/// One paragraph: runs of text, each unchanged, inserted or deleted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReviewedParagraph {
    /// Consecutive text with the same revision, merged.
    pub pieces: Vec<Piece>,
}

/// Text and the tracked change it belongs to, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The text.
    pub text: String,
    /// The tracked change, or `None` for text as it was.
    pub revision: Option<Revision>,
}

/// A tracked change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    /// Inserted or deleted.
    pub kind: RevisionKind,
    /// The reviewer, as the word processor recorded them.
    pub author: String,
    /// When, as recorded (ISO 8601), if it was.
    pub date: Option<String>,
}

/// What a tracked change did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevisionKind {
    /// Text the reviewer added (or moved here).
    Inserted,
    /// Text the reviewer removed (or moved away).
    Deleted,
}

/// A comment and what it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewComment {
    /// The comment's id in the file.
    pub id: String,
    /// Who wrote it.
    pub author: String,
    /// When, if recorded.
    pub date: Option<String>,
    /// Its text, paragraphs joined by line breaks.
    pub text: String,
    /// The text it covers, if the file marks a range for it.
    pub anchor: Option<Anchor>,
}

/// Where a comment's range starts and ends: a paragraph index and a character offset into that paragraph's
/// text as it was before the review ([`ReviewedParagraph::original`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    /// Start: (paragraph, character offset).
    pub start: (usize, usize),
    /// End, exclusive: (paragraph, character offset).
    pub end: (usize, usize),
}

impl ReviewedParagraph {
    /// The text before the review: unchanged and deleted pieces.
    pub fn original(&self) -> String {
        self.text_without(RevisionKind::Inserted)
    }

    /// The text if every change is accepted: unchanged and inserted pieces.
    pub fn proposed(&self) -> String {
        self.text_without(RevisionKind::Deleted)
    }

    /// Whether the reviewer changed this paragraph.
    pub fn is_changed(&self) -> bool {
        self.pieces.iter().any(|p| p.revision.is_some())
    }

    fn text_without(&self, left_out: RevisionKind) -> String {
        self.pieces
            .iter()
            .filter(|p| p.revision.as_ref().is_none_or(|r| r.kind != left_out))
            .map(|p| p.text.as_str())
            .collect()
    }
}

impl ReviewedDocx {
    /// The original text a comment covers, if it has a range.
    pub fn anchored_text(&self, comment: &ReviewComment) -> Option<String> {
        let Anchor { start, end } = comment.anchor?;
        let mut out = String::new();
        for i in start.0..=end.0.min(self.paragraphs.len().saturating_sub(1)) {
            let text: Vec<char> = self.paragraphs.get(i)?.original().chars().collect();
            let from = if i == start.0 { start.1 } else { 0 };
            let to = if i == end.0 { end.1 } else { text.len() };
            if i > start.0 {
                out.push('\n');
            }
            out.extend(text.get(from.min(to)..to.min(text.len()))?);
        }
        Some(out)
    }
}

/// Reads a reviewed DOCX. `origin` names the file in errors.
pub fn read_reviewed_docx(bytes: &[u8], origin: &str) -> Result<ReviewedDocx, ExportError> {
    let bad = |reason: String| ExportError::Review {
        origin: origin.to_string(),
        reason,
    };
    if bytes.len() > MAX_REVIEW_DOCX_BYTES {
        return Err(bad(format!("larger than {MAX_REVIEW_DOCX_BYTES} bytes")));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| bad(format!("not a DOCX (zip: {e})")))?;
    let body = part(&mut zip, "word/document.xml")
        .map_err(&bad)?
        .ok_or_else(|| bad("it has no word/document.xml".into()))?;
    let mut doc = read_body(&body).map_err(|e| bad(format!("word/document.xml: {e}")))?;
    if let Some(comments) = part(&mut zip, "word/comments.xml").map_err(&bad)? {
        let (texts, anchors) = (
            read_comments(&comments).map_err(|e| bad(format!("word/comments.xml: {e}")))?,
            doc.1,
        );
        doc.0.comments = texts
            .into_iter()
            .map(|mut c| {
                c.anchor = anchors.iter().find(|(id, _)| *id == c.id).map(|(_, a)| *a);
                c
            })
            .collect();
    }
    Ok(doc.0)
}

/// One XML part, inflated with the limit enforced as it inflates; `None` if the file has no such part.
fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<Vec<u8>>, String> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("{name}: {e}")),
    };
    let mut out = Vec::new();
    file.take(MAX_REVIEW_PART_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("{name}: {e}"))?;
    if out.len() as u64 > MAX_REVIEW_PART_BYTES {
        return Err(format!(
            "{name} inflates to more than {MAX_REVIEW_PART_BYTES} bytes"
        ));
    }
    Ok(Some(out))
}

/// The value of attribute `w:<name>` (or `<name>`), unescaped.
fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name).then(|| {
            let raw = String::from_utf8_lossy(&a.value);
            quick_xml::escape::unescape(&raw).map_or_else(|_| raw.to_string(), |v| v.into_owned())
        })
    })
}

fn revision(e: &BytesStart, kind: RevisionKind) -> Revision {
    Revision {
        kind,
        author: attr(e, b"author").unwrap_or_default(),
        date: attr(e, b"date"),
    }
}

/// Where the body reader is.
#[derive(Default)]
struct Body {
    doc: ReviewedDocx,
    paragraph: ReviewedParagraph,
    /// Characters of original text in the current paragraph so far.
    offset: usize,
    revision: Option<Revision>,
    in_text: bool,
    starts: Vec<(String, (usize, usize))>,
    anchors: Vec<(String, Anchor)>,
}

impl Body {
    fn push(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if self
            .revision
            .as_ref()
            .is_none_or(|r| r.kind == RevisionKind::Deleted)
        {
            self.offset += text.chars().count();
        }
        match self.paragraph.pieces.last_mut() {
            Some(last) if last.revision == self.revision => last.text.push_str(text),
            _ => self.paragraph.pieces.push(Piece {
                text: text.to_string(),
                revision: self.revision.clone(),
            }),
        }
    }

    fn here(&self) -> (usize, usize) {
        (self.doc.paragraphs.len(), self.offset)
    }

    fn start(&mut self, e: &BytesStart) {
        match e.local_name().as_ref() {
            b"p" => {
                self.paragraph = ReviewedParagraph::default();
                self.offset = 0;
            }
            b"ins" | b"moveTo" => self.revision = Some(revision(e, RevisionKind::Inserted)),
            b"del" | b"moveFrom" => self.revision = Some(revision(e, RevisionKind::Deleted)),
            b"t" | b"delText" => self.in_text = true,
            _ => self.empty(e),
        }
    }

    fn empty(&mut self, e: &BytesStart) {
        match e.local_name().as_ref() {
            b"tab" => self.push("\t"),
            b"br" | b"cr" => self.push("\n"),
            b"commentRangeStart" => {
                let here = self.here();
                self.starts.push((attr(e, b"id").unwrap_or_default(), here));
            }
            b"commentRangeEnd" => {
                let id = attr(e, b"id").unwrap_or_default();
                if let Some(i) = self.starts.iter().position(|(s, _)| *s == id) {
                    let (_, start) = self.starts.swap_remove(i);
                    let end = self.here();
                    self.anchors.push((id, Anchor { start, end }));
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        match name {
            b"p" => self
                .doc
                .paragraphs
                .push(std::mem::take(&mut self.paragraph)),
            b"ins" | b"moveTo" | b"del" | b"moveFrom" => self.revision = None,
            b"t" | b"delText" => self.in_text = false,
            _ => {}
        }
    }
}

type Anchors = Vec<(String, Anchor)>;

/// The character an entity or character reference (`&amp;`, `&#10;`) stands for.
fn reference(r: &quick_xml::events::BytesRef) -> Result<String, String> {
    let name = r.decode().map_err(|e| e.to_string())?;
    let written = format!("&{name};");
    quick_xml::escape::unescape(&written)
        .map(|c| c.into_owned())
        .map_err(|e| format!("{e}"))
}

fn read_body(xml: &[u8]) -> Result<(ReviewedDocx, Anchors), String> {
    let mut reader = Reader::from_reader(xml);
    let mut body = Body::default();
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("{e} at byte {}", reader.error_position()))?;
        match event {
            Event::Start(e) => body.start(&e),
            Event::Empty(e) => body.empty(&e),
            Event::End(e) => body.end(e.local_name().as_ref()),
            Event::Text(t) if body.in_text => {
                body.push(
                    &t.decode()
                        .map_err(|e| format!("{e} at byte {}", reader.buffer_position()))?,
                );
            }
            Event::GeneralRef(r) if body.in_text => body.push(&reference(&r)?),
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok((body.doc, body.anchors))
}

fn read_comments(xml: &[u8]) -> Result<Vec<ReviewComment>, String> {
    let mut reader = Reader::from_reader(xml);
    let mut comments: Vec<ReviewComment> = Vec::new();
    let (mut in_text, mut paragraphs_in_comment) = (false, 0usize);
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("{e} at byte {}", reader.error_position()))?;
        match event {
            Event::Start(e) if e.local_name().as_ref() == b"comment" => {
                paragraphs_in_comment = 0;
                comments.push(ReviewComment {
                    id: attr(&e, b"id").unwrap_or_default(),
                    author: attr(&e, b"author").unwrap_or_default(),
                    date: attr(&e, b"date"),
                    text: String::new(),
                    anchor: None,
                });
            }
            Event::Start(e) if e.local_name().as_ref() == b"p" => {
                if let Some(c) = comments.last_mut().filter(|_| paragraphs_in_comment > 0) {
                    c.text.push('\n');
                }
                paragraphs_in_comment += 1;
            }
            Event::Start(e) if e.local_name().as_ref() == b"t" => in_text = true,
            Event::End(e) if e.local_name().as_ref() == b"t" => in_text = false,
            Event::Text(t) if in_text => {
                let text = t.decode().map_err(|e| e.to_string())?;
                if let Some(c) = comments.last_mut() {
                    c.text.push_str(&text);
                }
            }
            Event::GeneralRef(r) if in_text => {
                let text = reference(&r)?;
                if let Some(c) = comments.last_mut() {
                    c.text.push_str(&text);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(comments)
}
