//! What templates see of positions of grouped speakers, podium remarks, announcements and a related meeting's
//! time: the facts, with the names a sentence in the output language needs (the questioner an answer replies
//! to, named as the speakers line names them; who announced, with the article French and Spanish need) and
//! the time of day as each language's UN style writes it ("10 a.m.", "10 heures", "10.00 horas").

use serde::Serialize;

use super::{lang, parties};
use crate::model::{Intervention, Language, MeetingRecord};

#[derive(Debug, Serialize)]
pub(super) struct PositionCtx {
    /// `several_delegations`, ...: the template words it.
    pub holders: String,
    /// The text without its final full stop.
    pub body: String,
}

#[derive(Debug, Serialize)]
pub(super) struct RemarkCtx {
    /// `opening`, `answer`, `closing` or `other`.
    pub kind: String,
    /// Who spoke, as a sentence names them ("le Secrétariat").
    pub by: parties::PartyWords,
    pub person: Option<String>,
    /// Answers: who asked, and what kind of turn it was, when the intervention is still on the list.
    pub reply_to: Option<ReplyCtx>,
    pub summary: String,
}

#[derive(Debug, Serialize)]
pub(super) struct ReplyCtx {
    /// The speaker, named in the output language ("Austria", "the Special Rapporteur on ...").
    pub speaker: String,
    /// `statement`, `question` or `right_of_reply`.
    pub kind: String,
}

#[derive(Debug, Serialize)]
pub(super) struct AnnouncementCtx {
    pub by: Option<parties::PartyWords>,
    /// The clause after "announced that", without its final full stop.
    pub body: String,
}

/// `text` without surrounding space and its final full stop.
fn body(text: &str) -> String {
    let t = text.trim();
    t.strip_suffix('.').unwrap_or(t).to_owned()
}

pub(super) fn positions(record: &MeetingRecord) -> Vec<PositionCtx> {
    record
        .positions
        .iter()
        .map(|p| PositionCtx {
            holders: super::snake(&p.holders),
            body: body(&p.text),
        })
        .collect()
}

pub(super) fn remarks(record: &MeetingRecord, lang: Language) -> Vec<RemarkCtx> {
    record
        .remarks
        .iter()
        .map(|r| RemarkCtx {
            kind: super::snake(&r.kind),
            by: parties::words(lang, &r.by),
            person: r.person.clone().filter(|p| !p.trim().is_empty()),
            reply_to: r
                .in_reply_to
                .as_deref()
                .and_then(|id| {
                    record
                        .interventions
                        .0
                        .iter()
                        .find(|i| i.id.as_deref() == Some(id))
                })
                .map(|i| reply(i, lang, record.meeting.language == lang)),
            summary: r.summary.trim().to_owned(),
        })
        .collect()
}

fn reply(i: &Intervention, lang: Language, own_language: bool) -> ReplyCtx {
    let mut p = i.speaker.clone();
    if !own_language {
        p.display_name = None;
    }
    let name = p.name_in(lang).to_owned();
    let speaker = if lang == Language::En && !p.is_state() && lang::names_an_office(&name) {
        lang::english_the(&name)
    } else {
        name
    };
    ReplyCtx {
        speaker,
        kind: super::snake(&i.kind),
    }
}

pub(super) fn announcements(record: &MeetingRecord, lang: Language) -> Vec<AnnouncementCtx> {
    record
        .announcements
        .iter()
        .map(|a| AnnouncementCtx {
            by: a
                .by
                .as_deref()
                .filter(|b| !b.trim().is_empty())
                .map(|b| parties::words(lang, b)),
            body: body(&a.text),
        })
        .collect()
}

/// A time of day `HH:MM` as `lang`'s UN style writes it after its preposition ("at", "à", "a las"): "10 a.m.",
/// "3.30 p.m.", "noon"; "10 heures", "15 h 30"; "10.00 horas"; "10 ч. 00 м."; "上午10时"; "00/10". A value that is
/// not `HH:MM` is returned as it is.
pub fn format_time(lang: Language, hhmm: &str) -> String {
    let Ok(t) = chrono::NaiveTime::parse_from_str(hhmm, "%H:%M") else {
        return hhmm.to_owned();
    };
    use chrono::Timelike;
    let (h, m) = (t.hour(), t.minute());
    match lang {
        Language::En => match (h, m) {
            (12, 0) => "noon".to_owned(),
            (0, 0) => "midnight".to_owned(),
            _ => {
                let (h12, half) = match h {
                    0 => (12, "a.m."),
                    1..=11 => (h, "a.m."),
                    12 => (12, "p.m."),
                    _ => (h - 12, "p.m."),
                };
                if m == 0 {
                    format!("{h12} {half}")
                } else {
                    format!("{h12}.{m:02} {half}")
                }
            }
        },
        Language::Fr if m == 0 => format!("{h} heures"),
        Language::Fr => format!("{h} h {m:02}"),
        Language::Es => format!("{h}.{m:02} horas"),
        Language::Ru => format!("{h} ч. {m:02} м."),
        Language::Zh => {
            let part = match h {
                0..=11 => "上午",
                12 => "中午",
                _ => "下午",
            };
            let h12 = if h > 12 { h - 12 } else { h };
            if m == 0 {
                format!("{part}{h12}时")
            } else {
                format!("{part}{h12}时{m}分")
            }
        }
        Language::Ar => format!("{m:02}/{h:02}"),
    }
}
