//! The speakers line: everyone who took the floor, each once per capacity (for themselves, or on behalf of a
//! group or of other States, and in the role they had, "panellist"), States first in UN order. With an
//! agenda, and speakers under more than one of its items, one line per item, under the item's heading.

use std::collections::HashSet;

use serde::Serialize;

use super::{behalf, lang};
use crate::model::{AgendaItem, Category, Intervention, Language, MeetingRecord, Party, un_order};

#[derive(Debug, Clone, Serialize)]
pub(super) struct SpeakerCtx {
    pub name: String,
    pub category: &'static str,
    pub is_state: bool,
    /// What they spoke for, as the parenthesis after their name writes it (with its leading space), or "".
    pub behalf: String,
    /// The name as it reads in a sentence (English adds "the" before offices: "the Special Rapporteur ..."),
    /// with `behalf` after it.
    pub phrase: String,
}

/// The speakers under one agenda item (or all of them, when the summary has one line).
#[derive(Debug, Clone, Serialize)]
pub(super) struct SpeakerGroup {
    /// The agenda item, when the line has a heading.
    pub item: Option<AgendaItem>,
    pub speakers: Vec<SpeakerCtx>,
    /// The speakers as one phrase, States first in UN order.
    pub speakers_text: String,
    pub speaker_states: usize,
    pub speaker_others: usize,
}

impl SpeakerGroup {
    fn new(lang: Language, item: Option<AgendaItem>, speakers: Vec<SpeakerCtx>) -> SpeakerGroup {
        let speakers_text = lang::join_list(
            lang,
            &speakers.iter().map(|s| &s.phrase).collect::<Vec<_>>(),
        );
        let speaker_states = speakers.iter().filter(|s| s.is_state).count();
        SpeakerGroup {
            item,
            speaker_others: speakers.len() - speaker_states,
            speaker_states,
            speakers_text,
            speakers,
        }
    }
}

/// The speakers line of the whole meeting, and the lines per agenda item: one group without a heading,
/// unless the meeting has an agenda and its speakers spoke under more than one item (then one group per
/// item in agenda order, and those filed under none last, without a heading).
pub(super) fn speaker_groups(
    record: &MeetingRecord,
    lang: Language,
    own_language: bool,
) -> (SpeakerGroup, Vec<SpeakerGroup>) {
    let all: Vec<&Intervention> = record.interventions.0.iter().collect();
    let whole = SpeakerGroup::new(lang, None, speakers(&all, lang, own_language));
    let agenda = &record.meeting.agenda;
    let under = |n: Option<&str>| -> Vec<&Intervention> {
        all.iter()
            .copied()
            .filter(|i| i.agenda_item.as_deref().map(str::trim) == n)
            .collect()
    };
    let mut groups: Vec<SpeakerGroup> = agenda
        .iter()
        .filter_map(|item| {
            let ivs = under(Some(item.number.trim()));
            (!ivs.is_empty()).then(|| {
                SpeakerGroup::new(lang, Some(item.clone()), speakers(&ivs, lang, own_language))
            })
        })
        .collect();
    if groups.len() < 2 {
        return (whole, Vec::new());
    }
    let rest: Vec<&Intervention> = all
        .iter()
        .copied()
        .filter(|i| {
            !agenda
                .iter()
                .any(|a| i.agenda_item.as_deref().map(str::trim) == Some(a.number.trim()))
        })
        .collect();
    if !rest.is_empty() {
        groups.push(SpeakerGroup::new(
            lang,
            None,
            speakers(&rest, lang, own_language),
        ));
    }
    (whole, groups)
}

/// `interventions`' speakers, each once per capacity, States first in UN order of `lang`, then others in
/// speaking order.
fn speakers(
    interventions: &[&Intervention],
    lang: Language,
    own_language: bool,
) -> Vec<SpeakerCtx> {
    let mut seen = HashSet::new();
    let mut entries: Vec<(Party, String)> = Vec::new();
    for i in interventions {
        let p = &i.speaker;
        let behalf = role(lang, i.role.as_deref())
            + &behalf::parenthesis(lang, i.on_behalf_of.as_ref(), &i.also_on_behalf_of);
        let who = match &p.delegation {
            Some(code) => code.as_str().to_owned(),
            None => format!(
                "{}\u{0}{}",
                p.effective_category().as_str(),
                p.name.as_deref().unwrap_or_default()
            ),
        };
        if seen.insert((who, behalf.clone())) {
            let mut p = p.clone();
            if !own_language {
                p.display_name = None;
            }
            entries.push((p, behalf));
        }
    }
    let mut parties: Vec<Party> = entries.iter().map(|(p, _)| p.clone()).collect();
    un_order(lang, &mut parties);
    // The sort is stable, so the capacities of one party come in the order they first spoke in.
    parties
        .into_iter()
        .map(|p| {
            let at = entries
                .iter()
                .position(|(q, _)| *q == p)
                .expect("every sorted party comes from the entries");
            let (p, behalf) = entries.remove(at);
            speaker(lang, &p, behalf)
        })
        .collect()
}

/// The speaker's role at the meeting as a parenthesis after their name (with its leading space), or "":
/// " (panellist)", full width in Chinese.
fn role(lang: Language, role: Option<&str>) -> String {
    match role.map(str::trim).filter(|r| !r.is_empty()) {
        None => String::new(),
        Some(r) if lang == Language::Zh => format!("（{r}）"),
        Some(r) => format!(" ({r})"),
    }
}

fn speaker(lang: Language, p: &Party, behalf: String) -> SpeakerCtx {
    let name = p.name_in(lang).to_owned();
    let category = p.effective_category();
    // A free entry keeps the category it was typed with (often "other"), so the name decides too.
    let office = matches!(
        category,
        Category::SpecialProcedure | Category::UnSystem | Category::IntergovernmentalOrganization
    ) || (!p.is_state() && lang::names_an_office(&name));
    let phrase = if lang == Language::En && office {
        lang::english_the(&name)
    } else {
        name.clone()
    };
    SpeakerCtx {
        phrase: format!("{phrase}{behalf}"),
        name,
        category: category.as_str(),
        is_state: p.is_state(),
        behalf,
    }
}
