//! How a decision was taken, as the decisions section reports it: the method and the counts as they are,
//! and for a recorded vote the States on each side, each list in the UN order of the output language.

use serde::Serialize;

use crate::model::{Adoption, Language};

#[derive(Debug, Serialize)]
pub(super) struct AdoptionCtx {
    /// `without_vote`, `vote` or `recorded_vote`.
    pub method: String,
    pub yes: Option<u32>,
    pub no: Option<u32>,
    pub abstentions: Option<u32>,
    /// The States of each side joined in UN order ("Argentina, Brazil and Chile"), or `None` when unlisted.
    pub in_favour_text: Option<String>,
    pub against_text: Option<String>,
    pub abstaining_text: Option<String>,
}

pub(super) fn adoption(a: &Adoption, lang: Language) -> AdoptionCtx {
    let side = |codes| super::behalf::states(lang, codes).map(|(text, _)| text);
    AdoptionCtx {
        method: super::snake(&a.method),
        yes: a.yes,
        no: a.no,
        abstentions: a.abstentions,
        in_favour_text: side(&a.in_favour),
        against_text: side(&a.against),
        abstaining_text: side(&a.abstaining),
    }
}
