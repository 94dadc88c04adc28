//! The UN masthead, for a summary circulated as a UN document: under the symbol at the top right,
//! "Distr.: General", the date, the document's language when it is a translation, and "Original: English";
//! the symbol is also in every page's header. Optional (`ExportRequest::masthead`), in PDF and DOCX only.
//!
//! As in the UN's own documents, the masthead of an Arabic, Chinese or Russian document is in English; French
//! and Spanish documents have theirs in their language ("Distr. générale", "Original : anglais").

use chrono::NaiveDate;
use rapporteur_core::{Language, MeetingRecord};

use crate::error::ExportError;
use crate::i18n::format_date;
use crate::{ExportRequest, Format};

/// The masthead's lines, in order, or `None` when the request does not ask for one. Refused when the meeting
/// has no symbol (the masthead is built around it) or the format is not PDF or DOCX.
pub(crate) fn lines(
    record: &MeetingRecord,
    req: &ExportRequest,
    lang: Language,
) -> Result<Option<Vec<String>>, ExportError> {
    if !req.masthead {
        return Ok(None);
    }
    if !matches!(req.format, Format::Pdf | Format::Docx) {
        return Err(ExportError::Masthead("is printed in PDF and DOCX only"));
    }
    let meeting = &record.meeting;
    if meeting
        .symbol
        .as_deref()
        .is_none_or(|s| s.trim().is_empty())
    {
        return Err(ExportError::Masthead(
            "needs the meeting's document symbol (meeting.symbol)",
        ));
    }
    let m = match lang {
        Language::Fr | Language::Es => lang,
        _ => Language::En,
    };
    let date: NaiveDate = meeting.end_date.unwrap_or(meeting.date);
    let mut out = vec![distribution(m).to_owned(), format_date(date, m)];
    if lang != meeting.language {
        out.push(upper_first(language_name(m, lang)));
    }
    out.push(format!(
        "{}{}",
        original(m),
        language_name(m, meeting.language)
    ));
    Ok(Some(out))
}

fn distribution(m: Language) -> &'static str {
    match m {
        Language::Fr => "Distr. générale",
        Language::Es => "Distr. general",
        _ => "Distr.: General",
    }
}

fn original(m: Language) -> &'static str {
    match m {
        Language::Fr => "Original : ",
        _ => "Original: ",
    }
}

/// `lang`'s name in `m` (English, French or Spanish), as the masthead writes it after "Original".
fn language_name(m: Language, lang: Language) -> &'static str {
    let names = match m {
        Language::Fr => [
            "arabe",
            "chinois",
            "anglais",
            "français",
            "russe",
            "espagnol",
        ],
        Language::Es => ["árabe", "chino", "inglés", "francés", "ruso", "español"],
        _ => [
            "Arabic", "Chinese", "English", "French", "Russian", "Spanish",
        ],
    };
    let order = [
        Language::Ar,
        Language::Zh,
        Language::En,
        Language::Fr,
        Language::Ru,
        Language::Es,
    ];
    let at = order.iter().position(|l| *l == lang).unwrap_or(2);
    names[at]
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
