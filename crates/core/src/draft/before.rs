//! The documents a meeting had before it, as the summary lists them: "Report of the Conference (CD/2179)",
//! or the symbol alone when the record gives no title.

use serde::Serialize;

use crate::model::{Language, MeetingRecord};

#[derive(Debug, Serialize)]
pub(super) struct DocumentCtx {
    pub symbol: String,
    pub title: Option<String>,
    /// The title with the symbol after it in parentheses (full width in Chinese), or the symbol alone.
    pub phrase: String,
}

/// The documents before the meeting, in the record's order, and the list of their phrases as `lang` joins it.
pub(super) fn documents(record: &MeetingRecord, lang: Language) -> (Vec<DocumentCtx>, String) {
    let docs: Vec<DocumentCtx> = record
        .meeting
        .documents_before
        .iter()
        .map(|d| {
            let symbol = d.symbol.trim().to_owned();
            let title = d
                .title
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned);
            let phrase = match (&title, lang) {
                (None, _) => symbol.clone(),
                (Some(t), Language::Zh) => format!("{t}（{symbol}）"),
                (Some(t), _) => format!("{t} ({symbol})"),
            };
            DocumentCtx {
                symbol,
                title,
                phrase,
            }
        })
        .collect();
    let text = super::lang::join_list(lang, &docs.iter().map(|d| &d.phrase).collect::<Vec<_>>());
    (docs, text)
}
