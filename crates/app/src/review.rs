//! Clearance use cases, once for both faces: read a document's review, apply steps (comment, suggest,
//! accept, reject, move the status on, reopen, open a corrigendum), find the range a quoted phrase covers,
//! and the Word round trip (a DOCX for review out, a reviewed DOCX back in as suggestions and comments).

use std::path::Path;

use rapporteur_export::{Replace, ReviewChange, ReviewNote};
use rapporteur_store::{Review, ReviewAction, SuggestionState};

use crate::{App, AppError, DocumentKind, ErrorCode, Language, MeetingRecord, checks, files};

impl App {
    /// A document's clearance: status, comments, suggestions and what happened, oldest first.
    pub async fn review(
        &self,
        id: &str,
        kind: DocumentKind,
        index: u32,
    ) -> Result<Review, AppError> {
        Ok(self.store.review(id, kind, index).await?)
    }

    /// Apply clearance steps to a document, all or none, and return its clearance as it now stands.
    pub async fn review_apply(
        &self,
        id: &str,
        kind: DocumentKind,
        index: u32,
        actions: &[ReviewAction],
    ) -> Result<Review, AppError> {
        let review = self.store.review_apply(id, kind, index, actions).await?;
        tracing::info!(
            meeting = id,
            steps = actions.len(),
            "clearance steps applied"
        );
        Ok(review)
    }

    /// The range (Unicode scalar offsets) that `quote` covers in the document. It must occur exactly once,
    /// so a comment or suggestion lands where the person meant.
    pub async fn review_find(
        &self,
        id: &str,
        kind: DocumentKind,
        index: u32,
        quote: &str,
    ) -> Result<(u32, u32), AppError> {
        let name = checks::document_name(id, kind, index);
        if quote.is_empty() {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                format!("{name}: the quoted text is empty"),
            ));
        }
        let text = self.store.doc_get(id, kind, index).await?;
        let mut found = text.match_indices(quote).map(|(byte, _)| byte);
        let (Some(byte), None) = (found.next(), found.next()) else {
            let times = text.matches(quote).count();
            let why = if times == 0 {
                "does not occur".to_owned()
            } else {
                format!("occurs {times} times; quote more of it")
            };
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                format!("{name}: {:?} {why}", clip(quote)),
            ));
        };
        let start = text[..byte].chars().count();
        let end = start + quote.chars().count();
        Ok((offset(start), offset(end)))
    }
}

impl App {
    /// Write the document as a DOCX for review in Word: its Markdown one paragraph per line, each open
    /// suggestion as a tracked deletion and insertion by its author, each open comment as a Word comment.
    pub async fn review_export_docx(
        &self,
        id: &str,
        kind: DocumentKind,
        index: u32,
        out: &Path,
        replace: Replace,
    ) -> Result<(), AppError> {
        let text = self.store.doc_get(id, kind, index).await?;
        let review = self.store.review(id, kind, index).await?;
        let changes: Vec<ReviewChange> = review
            .suggestions
            .iter()
            .filter(|s| s.state == SuggestionState::Open)
            .map(|s| ReviewChange {
                start: s.start as usize,
                end: s.end as usize,
                insert: s.insert.clone(),
                author: s.author.clone(),
                date: Some(s.at.clone()),
            })
            .collect();
        let notes: Vec<ReviewNote> = review
            .comments
            .iter()
            .filter(|c| !c.resolved)
            .map(|c| ReviewNote {
                start: c.start as usize,
                end: c.end as usize,
                text: c.text.clone(),
                author: c.author.clone(),
                date: Some(c.at.clone()),
            })
            .collect();
        let bytes = rapporteur_export::review_docx(&text, &changes, &notes)?;
        rapporteur_export::write_file(out, &bytes, replace)?;
        Ok(())
    }

    /// Read back a DOCX a colleague reviewed (see [`App::review_export_docx`]): each tracked change becomes a
    /// suggestion by its author, each comment a comment on the same text, and differences made without
    /// change tracking become suggestions too. Nothing is applied to the text.
    pub async fn review_import_docx(
        &self,
        id: &str,
        kind: DocumentKind,
        index: u32,
        file: &Path,
    ) -> Result<Review, AppError> {
        let name = file.display().to_string();
        let bytes = files::read_limited(
            file,
            files::Accept::FileOrPipe,
            rapporteur_export::MAX_REVIEW_DOCX_BYTES as u64,
            "a reviewed DOCX",
        )?;
        let reviewed = rapporteur_export::read_reviewed_docx(&bytes, &name)?;
        let text = self.store.doc_get(id, kind, index).await?;
        let (changes, notes) = rapporteur_export::reviewed_changes(&reviewed, &text);
        let mut actions: Vec<ReviewAction> = changes
            .into_iter()
            .map(|c| ReviewAction::Suggest {
                start: offset(c.start),
                end: offset(c.end),
                insert: c.insert,
                author: Some(c.author),
            })
            .collect();
        actions.extend(notes.into_iter().map(|n| ReviewAction::Comment {
            start: offset(n.start),
            end: offset(n.end),
            text: n.text,
            author: Some(n.author),
        }));
        tracing::info!(meeting = id, steps = actions.len(), "reviewed DOCX read");
        self.review_apply(id, kind, index, &actions).await
    }
}

impl App {
    /// A summary being issued as corrigendum n: the symbol gains `/Corr.n` and the text a "Corrigendum"
    /// heading after its title, in the language it is exported in. Nothing changes before a corrigendum.
    pub(crate) async fn mark_corrigendum(
        &self,
        id: &str,
        record: &mut MeetingRecord,
        lang: Language,
    ) -> Result<(), AppError> {
        let n = self
            .store
            .review(id, DocumentKind::Summary, 0)
            .await?
            .corrigendum;
        if n == 0 {
            return Ok(());
        }
        if let Some(symbol) = record.meeting.symbol.as_mut() {
            symbol.push_str(&format!("/Corr.{n}"));
        }
        let heading = match lang {
            Language::Ar => "تصويب",
            Language::Zh => "更正",
            Language::En => "Corrigendum",
            Language::Fr => "Rectificatif",
            Language::Ru => "Исправление",
            Language::Es => "Corrección",
        };
        if let Some(summary) = record
            .documents
            .iter_mut()
            .find(|d| d.kind == DocumentKind::Summary)
        {
            summary.body = match summary.body.split_once('\n') {
                Some((title, rest)) if title.starts_with("# ") => {
                    format!("{title}\n\n## {heading}\n{rest}")
                }
                _ => format!("## {heading}\n\n{}", summary.body),
            };
        }
        Ok(())
    }
}

impl App {
    /// "With comments": the document's open comments as footnotes at the end of the words each is about
    /// (`[^comment-n]`), each saying who wrote it, when, and its replies. Footnotes print in every format
    /// with pages (Word footnotes in DOCX, numbered notes in PDF), which margin comments would not. A
    /// comment whose words are no longer where it says is left out rather than placed wrong.
    pub(crate) async fn add_comments(
        &self,
        id: &str,
        record: &mut MeetingRecord,
        kind: DocumentKind,
        index: u32,
    ) -> Result<(), AppError> {
        let review = self.store.review(id, kind, index).await?;
        let Some(document) = record
            .documents
            .iter_mut()
            .filter(|d| d.kind == kind)
            .nth(index as usize)
        else {
            return Ok(());
        };
        let mut chars: Vec<char> = document.body.chars().collect();
        let mut notes: Vec<(usize, String)> = review
            .comments
            .iter()
            .filter(|c| !c.resolved)
            .filter(|c| {
                let (start, end) = (c.start as usize, c.end as usize);
                end <= chars.len() && chars[start..end].iter().collect::<String>() == c.quote
            })
            .map(|c| (c.end as usize, footnote(c)))
            .collect();
        // Numbered in reading order; inserted from the end so earlier offsets stay right.
        notes.sort_by_key(|(at, _)| *at);
        let mut definitions = String::new();
        for (n, (_, text)) in notes.iter().enumerate() {
            definitions.push_str(&format!("\n\n[^comment-{}]: {text}", n + 1));
        }
        for (n, (at, _)) in notes.iter().enumerate().rev() {
            let mark: Vec<char> = format!("[^comment-{}]", n + 1).chars().collect();
            chars.splice(*at..*at, mark);
        }
        if !notes.is_empty() {
            let body: String = chars.into_iter().collect();
            document.body = format!("{}{definitions}\n", body.trim_end());
        }
        Ok(())
    }
}

/// A comment as one footnote paragraph: "Author (date): text — Replier: reply".
fn footnote(c: &rapporteur_store::Comment) -> String {
    let date = c.at.get(..10).unwrap_or(&c.at);
    let mut out = format!("{} ({date}): {}", inline(&c.author), inline(&c.text));
    for r in &c.replies {
        out.push_str(&format!(" — {}: {}", inline(&r.author), inline(&r.text)));
    }
    out
}

/// Text as literal Markdown on one line: markup characters escaped, line breaks made spaces.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\n' | '\r' => out.push(' '),
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '#' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(ch);
            }
            _ => out.push(ch),
        }
    }
    out
}

fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// At most 80 characters of a quote for an error message.
fn clip(s: &str) -> String {
    match s.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}
