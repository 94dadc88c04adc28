//! Checks at the facade's door that belong to no single crate: a document's size against what every export
//! accepts, and export options against what the format can hold; and export errors told with their document.

use rapporteur_core::DocumentKind;

use crate::{AppError, ErrorCode, ExportOptions, Format, files};

/// An export error, saying which meeting and document it is about.
pub(crate) fn in_document(
    id: &str,
    o: &ExportOptions,
    e: rapporteur_export::ExportError,
) -> AppError {
    let e = AppError::from(e);
    let doc = match o.kind {
        DocumentKind::Summary => "summary".to_owned(),
        DocumentKind::Statement => format!("statement {}", o.index),
    };
    match e.code {
        // The frame names the meeting for the CLI; the window's sentence is the exporter's own.
        ErrorCode::NotFound => {
            AppError::one_line(e.code, format!("{} in meeting {id}", e.message)).localized(e.local)
        }
        ErrorCode::Export | ErrorCode::TooLarge => {
            AppError::one_line(e.code, format!("meeting {id}, {doc}: {}", e.message))
                .localized(e.local)
        }
        _ => e,
    }
}

/// Refuse options asking for a part the format has no place for, rather than leave it out silently.
pub(crate) fn check_parts(o: &ExportOptions) -> Result<(), AppError> {
    let refuse = |what: &str, goes: &str| {
        Err(AppError::new(
            ErrorCode::InvalidInput,
            format!(
                "{} exports cannot hold {what}; {goes}",
                o.format.as_str().to_uppercase()
            ),
        ))
    };
    let tabular = matches!(o.format, Format::Csv | Format::Ics);
    if tabular && o.include_notes {
        return refuse(
            "private notes",
            "they go only into PDF, DOCX, Markdown and HTML exports",
        );
    }
    if tabular && o.with_comments {
        return refuse(
            "comments",
            "they go only into PDF, DOCX, Markdown and HTML exports",
        );
    }
    if tabular && o.annex {
        return refuse(
            "the annex",
            "it goes only into PDF, DOCX, Markdown and HTML exports",
        );
    }
    Ok(())
}

/// Refuse a document that every export would refuse for its size, where it comes in.
pub(crate) fn check_document_size(name: &str, body: &str) -> Result<(), AppError> {
    let limit = rapporteur_export::MAX_DOCUMENT_BYTES;
    if body.len() > limit {
        return Err(files::too_large(
            name,
            Some(body.len() as u64),
            limit as u64,
            "a document (every export refuses a longer one)",
        ));
    }
    Ok(())
}

pub(crate) fn document_name(id: &str, kind: DocumentKind, index: u32) -> String {
    match kind {
        DocumentKind::Summary => format!("meeting {id}: summary"),
        DocumentKind::Statement => format!("meeting {id}: statement {index}"),
    }
}
