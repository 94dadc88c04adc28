//! What every format prints, worked out once from the record: the chosen document, its title and date in the
//! output language, and the annex tables. The writers only lay this out.

use rapporteur_core::{Category, DocumentKind, Language, MeetingRecord, Party};

use crate::error::ExportError;
use crate::i18n::{self, format_date, format_date_range};
use crate::letterhead::Letterhead;
use crate::{DocSelector, ExportRequest, PrivateNotes};

/// Documents whose text (body plus annex) exceeds this are refused: about 250 pages of prose, far beyond any
/// meeting summary. Typesetting a PDF holds every page's layout in memory until the file is written: 276 MB
/// peak resident for 1 MiB of prose (913 MB at the former 4 MiB); see docs/PERFORMANCE.md. Tables cost more
/// per byte and have their own bound (`typst_markup::MAX_TABLE_CELLS`).
pub const MAX_DOCUMENT_BYTES: usize = 1024 * 1024;

pub(crate) struct View<'a> {
    pub lang: Language,
    pub letterhead: &'a Letterhead,
    pub symbol: Option<&'a str>,
    /// The UN masthead's lines under the symbol, when asked for ("Distr.: General", the date, ...).
    pub masthead: Option<Vec<String>>,
    pub title: String,
    pub date: String,
    pub byline: Option<String>,
    /// Markdown, without the leading title that the title block prints (see [`crate::lead`]).
    pub body: std::borrow::Cow<'a, str>,
    pub annex: Option<Annex>,
    /// The user's private notes, only when the request carried some that are not empty.
    pub notes: Option<Notes>,
}

/// The closing "My notes" section: the meeting's note first, then each intervention's under its speaker.
pub(crate) struct Notes {
    /// Paragraphs of plain user text.
    pub meeting: Vec<String>,
    /// In speaking order.
    pub interventions: Vec<SpeakerNote>,
}

pub(crate) struct SpeakerNote {
    /// "3. UK (right of reply)".
    pub speaker: String,
    pub paragraphs: Vec<String>,
}

pub(crate) struct Annex {
    pub attendance: Vec<AttendanceRow>,
    pub speakers: Vec<SpeakerRow>,
    /// The list of participants and the recorded votes (see `roll`), after the list of speakers.
    pub roll: Vec<Grid>,
}

pub(crate) struct AttendanceRow {
    pub category: String,
    pub count: u32,
    /// Present named delegations, in UN alphabetical order of the document's language.
    pub names: Vec<String>,
}

pub(crate) struct SpeakerRow {
    /// 1..n in speaking order.
    pub order: usize,
    pub name: String,
    pub person: Option<String>,
    pub time: Option<String>,
    pub mark: Option<&'static str>,
}

/// A party's name in `lang`: the meeting's `display_name` first, then the registry's name, then the free name.
pub(crate) fn party_name(party: &Party, lang: Language) -> String {
    party.name_in(lang).to_owned()
}

pub(crate) fn build<'a>(
    record: &'a MeetingRecord,
    req: &'a ExportRequest,
) -> Result<View<'a>, ExportError> {
    let lang = req.lang.unwrap_or(record.meeting.language);
    let words = i18n::words(lang);
    let (kind, index) = match req.doc {
        DocSelector::Summary => (DocumentKind::Summary, 0),
        DocSelector::Statement(i) => (DocumentKind::Statement, i),
    };
    let doc = record
        .documents
        .iter()
        .filter(|d| d.kind == kind)
        .nth(index)
        .ok_or_else(|| {
            ExportError::NoSuchDocument(match req.doc {
                DocSelector::Summary => "summary".into(),
                DocSelector::Statement(i) => format!("statement {i}"),
            })
        })?;
    let meeting = &record.meeting;
    let date = match doc.delivered_on {
        Some(d) => format_date(d, lang),
        None => format_date_range(meeting.date, meeting.end_date, lang),
    };
    let (lifted, body) = crate::lead::lift_title(&doc.body, &date);
    let title = match (lifted, &doc.title, kind) {
        (Some(t), _, _) => t,
        (None, Some(t), _) if !t.trim().is_empty() => t.clone(),
        (None, _, DocumentKind::Summary) => {
            format!(
                "{}{}{}",
                words.summary_of[0], meeting.title, words.summary_of[1]
            )
        }
        (None, _, DocumentKind::Statement) => {
            format!("{}: {}", words.statement, meeting.title)
        }
    };
    let byline = doc
        .speaker
        .as_ref()
        .filter(|s| !s.trim().is_empty())
        .map(|s| format!("{} {s}", words.delivered_by));
    let annex = req.annex.then(|| annex(record, lang));
    let notes = req
        .private_notes
        .as_ref()
        .and_then(|n| notes(record, n, lang));

    let size = doc.body.len()
        + title.len()
        + annex.as_ref().map_or(0, |a| {
            let att: usize = a
                .attendance
                .iter()
                .flat_map(|r| &r.names)
                .map(String::len)
                .sum();
            let spk: usize = a.speakers.iter().map(|s| s.name.len() + 32).sum();
            att + spk
        })
        + notes.as_ref().map_or(0, |n| {
            let iv: usize = n
                .interventions
                .iter()
                .flat_map(|s| &s.paragraphs)
                .map(String::len)
                .sum();
            n.meeting.iter().map(String::len).sum::<usize>() + iv
        });
    if size > MAX_DOCUMENT_BYTES {
        return Err(ExportError::TooLarge {
            size,
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    Ok(View {
        lang,
        letterhead: &req.letterhead,
        symbol: meeting.symbol.as_deref().filter(|s| !s.trim().is_empty()),
        masthead: crate::masthead::lines(record, req, lang)?,
        title,
        date,
        byline,
        body,
        annex,
        notes,
    })
}

fn notes(record: &MeetingRecord, notes: &PrivateNotes, lang: Language) -> Option<Notes> {
    let interventions: Vec<SpeakerNote> = record
        .interventions
        .0
        .iter()
        .enumerate()
        .filter_map(|(i, iv)| {
            let paragraphs = paragraphs(notes.interventions.get(iv.id.as_deref()?)?);
            if paragraphs.is_empty() {
                return None;
            }
            let name = party_name(&iv.speaker, lang);
            let speaker = match i18n::kind_mark(iv.kind, lang) {
                Some(mark) => format!("{}. {name} ({mark})", i + 1),
                None => format!("{}. {name}", i + 1),
            };
            Some(SpeakerNote {
                speaker,
                paragraphs,
            })
        })
        .collect();
    let meeting = paragraphs(&notes.meeting);
    (!meeting.is_empty() || !interventions.is_empty()).then_some(Notes {
        meeting,
        interventions,
    })
}

/// A note typed in a plain text box: each non-blank line is a paragraph. A lone `\r` ends a line too, as it
/// does for Markdown readers.
fn paragraphs(text: &str) -> Vec<String> {
    text.split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn annex(record: &MeetingRecord, lang: Language) -> Annex {
    let att = &record.attendance;
    let mut attendance = Vec::new();
    for cat in Category::ALL {
        let group = att.groups.iter().find(|g| g.category == cat);
        let mut names: Vec<String> = att
            .delegations
            .iter()
            .filter(|d| d.present && d.who.effective_category() == cat)
            .map(|d| party_name(&d.who, lang))
            .collect();
        // Attendance lists are alphabetical in the document's language, the UN way.
        rapporteur_core::collate::sort_names(lang, &mut names);
        if group.is_none() && names.is_empty() {
            continue;
        }
        let count = group
            .and_then(|g| g.count)
            .unwrap_or(u32::try_from(names.len()).unwrap_or(u32::MAX));
        attendance.push(AttendanceRow {
            category: i18n::category_name(cat, lang).to_owned(),
            count,
            names,
        });
    }
    let speakers = record
        .interventions
        .0
        .iter()
        .enumerate()
        .map(|(i, iv)| SpeakerRow {
            order: i + 1,
            name: party_name(&iv.speaker, lang),
            person: iv.person.clone().filter(|p| !p.trim().is_empty()),
            time: iv.time.clone().filter(|t| !t.trim().is_empty()),
            mark: i18n::kind_mark(iv.kind, lang),
        })
        .collect();
    Annex {
        attendance,
        speakers,
        roll: crate::roll::grids(record, lang),
    }
}

/// One annex table, as every writer prints it: columns that would be empty throughout are left out.
#[derive(Clone)]
pub(crate) struct Grid {
    pub title: &'static str,
    pub header: Vec<&'static str>,
    /// Right-aligned (numeric) columns.
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
    /// A bold closing row (the attendance total).
    pub total: Option<Vec<String>>,
}

impl Annex {
    pub fn total(&self) -> u32 {
        self.attendance.iter().map(|r| r.count).sum()
    }

    /// The annex's tables, in order: attendance by category, the list of speakers, the list of participants,
    /// the recorded votes.
    pub fn grids(&self, lang: Language) -> Vec<Grid> {
        let w = i18n::words(lang);
        let mut grids = Vec::new();
        if !self.attendance.is_empty() {
            let names = self.attendance.iter().any(|r| !r.names.is_empty());
            let mut header = vec![w.category, w.number];
            if names {
                header.push(w.delegations);
            }
            let rows = self
                .attendance
                .iter()
                .map(|r| {
                    let mut row = vec![r.category.clone(), r.count.to_string()];
                    if names {
                        row.push(r.names.join(i18n::list_separator(lang)));
                    }
                    row
                })
                .collect();
            let mut total = vec![w.total.to_owned(), self.total().to_string()];
            if names {
                total.push(String::new());
            }
            grids.push(Grid {
                title: w.attendance,
                numeric: vec![false, true, false],
                header,
                rows,
                total: Some(total),
            });
        }
        if !self.speakers.is_empty() {
            let person = self.speakers.iter().any(|s| s.person.is_some());
            let time = self.speakers.iter().any(|s| s.time.is_some());
            let mut header = vec![w.order, w.speaker];
            let mut numeric = vec![true, false];
            for (on, h) in [(person, w.person), (time, w.time)] {
                if on {
                    header.push(h);
                    numeric.push(false);
                }
            }
            let rows = self
                .speakers
                .iter()
                .map(|s| {
                    let mut row = vec![s.order.to_string(), Annex::speaker_label(s)];
                    if person {
                        row.push(s.person.clone().unwrap_or_default());
                    }
                    if time {
                        row.push(s.time.clone().unwrap_or_default());
                    }
                    row
                })
                .collect();
            grids.push(Grid {
                title: w.speakers,
                header,
                numeric,
                rows,
                total: None,
            });
        }
        grids.extend(self.roll.iter().cloned());
        grids
    }

    /// The speaker cell: "UK (right of reply)".
    fn speaker_label(row: &SpeakerRow) -> String {
        match row.mark {
            Some(m) => format!("{} ({m})", row.name),
            None => row.name.clone(),
        }
    }
}
