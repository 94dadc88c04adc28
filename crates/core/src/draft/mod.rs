//! Drafting the meeting summary from a record. The record holds the facts (who attended, who spoke, what was
//! requested, promised and offered); the summary states them in the UN's conventional prose. Phrasing lives
//! in per-language templates ([`Templates`]); this module gathers the facts into a template context, applying
//! the conventions templates cannot: UN list order of the output language, dates, list joining, counts.
//!
//! The draft is Markdown whose generated parts are marked sections ([`markers`]), so a summary that the
//! rapporteur has since edited can be brought up to date with [`regenerate`] without losing their text.
//!
//! Free text in the record (labels, display names, titles, action texts) is written in the meeting's
//! language. A `display_name` ("UK") and a group `label` ("colleagues from civil society") are therefore used
//! when drafting in the meeting's language; drafting in another language names States and categories with
//! the built-in terms of that language. Titles and action texts are used as written (they cannot be
//! translated here).

mod before;
mod behalf;
pub mod escape;
mod floor;
pub mod lang;
pub mod markers;
pub mod normal;
pub mod parties;
pub mod plural;
mod speakers;
pub mod templates;
mod votes;

use chrono::NaiveDate;
use icu_plurals::PluralCategory;
use minijinja::{AutoEscape, Environment};
use serde::Serialize;

use crate::error::CoreError;
use crate::model::{
    ActionItem, ActionKind, Category, DocumentKind, Language, MeetingRecord, Party,
};

pub use floor::format_time;
pub use markers::{
    Regenerated, SectionState, mark, regenerate, regenerate_with, sections, strip_markers,
};
pub use normal::normal_form;
pub use templates::{BUILTIN_LANGUAGES, SECTIONS, Templates};

/// The summary of `record` in `lang`, as Markdown with marked generated sections. Fails with
/// [`CoreError::Template`] if a template does not compile or render.
pub fn draft_summary(
    record: &MeetingRecord,
    lang: Language,
    templates: &Templates,
) -> Result<String, CoreError> {
    let parts = draft_sections(record, lang, templates)?;
    let mut out = parts
        .iter()
        .map(|(name, body)| mark(name, body))
        .collect::<Vec<_>>()
        .join("\n\n");
    out.push('\n');
    Ok(out)
}

/// The summary's sections without markers, as `(section, text)` in document order. Sections with nothing to
/// say (no related meetings, no speakers, no requests, ...) are left out.
pub fn draft_sections(
    record: &MeetingRecord,
    lang: Language,
    templates: &Templates,
) -> Result<Vec<(String, String)>, CoreError> {
    let sources = SECTIONS.iter().map(|s| {
        templates
            .source(lang, s)
            .expect("every section has a built-in template in every language")
    });
    let ctx = Context::new(record, lang);
    let env = environment(lang);
    let mut out = Vec::new();
    for (section, (source, origin)) in SECTIONS.iter().zip(sources) {
        if !ctx.has(section) {
            continue;
        }
        let render = || -> Result<String, minijinja::Error> {
            let tmpl = env.template_from_named_str(&origin, source)?;
            tmpl.render(&ctx)
        };
        let text = render().map_err(|e| CoreError::Template(format!("{origin}: {e:#}")))?;
        let text = text.trim();
        if !text.is_empty() {
            out.push(((*section).to_owned(), text.to_owned()));
        }
    }
    Ok(out)
}

fn environment(lang: Language) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_auto_escape_callback(|_| AutoEscape::None);
    env.set_formatter(escape::formatter);
    env.add_filter("join_list", move |items: Vec<String>| {
        lang::join_list(lang, &items)
    });
    env.add_filter("date", move |iso: String| {
        NaiveDate::parse_from_str(&iso, "%Y-%m-%d")
            .map(|d| lang::format_date(lang, d))
            .unwrap_or(iso)
    });
    env.add_filter("the", move |name: String| match lang {
        Language::En => lang::english_the(&name),
        _ => name,
    });
    env.add_filter("lower_first", |s: String| lang::lower_first(&s));
    env.add_filter("plural", move |count: u32, forms: String| {
        let forms: Vec<&str> = forms.split('|').map(str::trim).collect();
        plural::pick(lang, &forms, count).to_owned()
    });
    env.add_filter("upper_first", |s: String| lang::upper_first(&s));
    env
}

/// What templates see. Dates come formatted for the output language; `*_iso` fields keep the raw value.
#[derive(Debug, Serialize)]
struct Context {
    lang: &'static str,
    meeting: MeetingCtx,
    chair: Option<ChairCtx>,
    /// How the opening names the Member States ("Member States", or the record's own label).
    audience: String,
    attendance: Vec<CountCtx>,
    /// "60 Member States, 22 UN Network representatives and 19 colleagues from civil society".
    attendance_text: String,
    related: Vec<RelatedCtx>,
    statements: Vec<StatementCtx>,
    speakers: Vec<speakers::SpeakerCtx>,
    /// The speakers list as one phrase, States first in UN order.
    speakers_text: String,
    speaker_states: usize,
    speaker_others: usize,
    /// The speakers lines: one per agenda item, each with its `item`, when they spoke under more than one
    /// item of the meeting's agenda; else one, without `item`, the same as the fields above.
    speaker_groups: Vec<speakers::SpeakerGroup>,
    /// The documents the meeting had before it, and the same as one phrase ("CD/2179 and CD/2180").
    documents_before: Vec<before::DocumentCtx>,
    documents_before_text: String,
    /// Positions of unnamed or grouped speakers, podium remarks and announcements.
    positions: Vec<floor::PositionCtx>,
    remarks: Vec<floor::RemarkCtx>,
    announcements: Vec<floor::AnnouncementCtx>,
    requests: ActionsCtx,
    commitments: ActionsCtx,
    invitations: ActionsCtx,
    decisions: ActionsCtx,
    next_steps: ActionsCtx,
}

#[derive(Debug, Serialize)]
struct MeetingCtx {
    title: String,
    kind: String,
    convened_by: Option<String>,
    venue: Option<String>,
    symbol: Option<String>,
    /// The session it belongs to, as the record writes it ("fifty-third session").
    session: Option<String>,
    /// The summary's own code and status line, as the record writes them.
    summary_code: Option<String>,
    status_line: Option<String>,
    date: String,
    date_iso: String,
    end_date: Option<String>,
    /// "on 12 December 2019" / "from 10 to 12 December 2019", with the preposition of the language.
    when: String,
    /// The dates as a heading writes them: "12 and 13 December 2019", "10–12 December 2019".
    dates: String,
}

#[derive(Debug, Serialize)]
struct ChairCtx {
    name: String,
    title: Option<String>,
    role: Option<String>,
    /// The State whose representative chairs, named in the output language.
    state: Option<String>,
}

#[derive(Debug, Serialize)]
struct CountCtx {
    category: &'static str,
    count: u32,
    label: String,
    /// "60 Member States".
    text: String,
}

#[derive(Debug, Serialize)]
struct RelatedCtx {
    title: String,
    date: Option<String>,
    outcome: Option<String>,
    /// Its time of day as the language writes it after its preposition ("10 a.m."), and `HH:MM`.
    time: Option<String>,
    time_iso: Option<String>,
    venue: Option<String>,
}

#[derive(Debug, Serialize)]
struct StatementCtx {
    title: Option<String>,
    /// Who delivers it; `None` when the title already has their name ("Statement by António Vitorino").
    speaker: Option<String>,
    /// The title says whose statement it is by office ("Statement by the Chair"), so a template names the
    /// speaker in apposition rather than repeating "by".
    title_names_speaker: bool,
    delivered_on: Option<String>,
    link: String,
}

#[derive(Debug, Default, Serialize)]
struct ActionsCtx {
    items: Vec<ItemCtx>,
    /// The common `from` / `to` of all items as written, if they share one.
    from: Option<String>,
    to: Option<String>,
    /// The same, worded for a French or Spanish sentence ([`parties::words`]).
    from_party: Option<parties::PartyWords>,
    to_party: Option<parties::PartyWords>,
}

#[derive(Debug, Serialize)]
struct ItemCtx {
    from: String,
    to: String,
    /// `None` when the record leaves it blank.
    from_party: Option<parties::PartyWords>,
    to_party: Option<parties::PartyWords>,
    text: String,
    /// `text` without its final full stop, so a template can add a deadline before it.
    body: String,
    /// The final full stop removed from `body`, or "".
    stop: &'static str,
    /// The deadline: a day ("12 December 2019") or a month ("April 2020").
    due: Option<String>,
    /// `YYYY-MM-DD`, or `YYYY-MM` for a month.
    due_iso: Option<String>,
    /// The deadline is a month, for the languages whose preposition differs ("d'ici à avril 2020").
    due_is_month: bool,
    /// Decisions: how it was taken, or `None`.
    adoption: Option<votes::AdoptionCtx>,
    status: String,
}

fn snake<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

impl Context {
    fn new(record: &MeetingRecord, lang: Language) -> Context {
        let m = &record.meeting;
        let own_language = m.language == lang;
        let fmt = |d: NaiveDate| lang::format_date(lang, d);

        let counts: Vec<(Category, u32, Label)> = record
            .attendance
            .counts()
            .into_iter()
            .filter(|c| c.count > 0)
            .map(|c| {
                let label =
                    count_label(lang, own_language, c.category, c.label.as_deref(), c.count);
                (c.category, c.count, label)
            })
            .collect();
        // UN style spells out one to nine in running text, but a series mixing small and large numbers keeps
        // figures throughout; French and Spanish "one" agrees in gender, known only for built-in terms.
        let words = counts.iter().all(|(category, n, label)| {
            lang::number_word(lang, *n).is_some()
                && (*n != 1 || !label.custom || lang == Language::En)
                && !(*n == 1 && lang == Language::Es && *category == Category::Other)
        });
        let attendance: Vec<CountCtx> = counts
            .into_iter()
            .map(|(category, count, label)| {
                let text = match lang::number_word(lang, count).filter(|_| words) {
                    Some(w) => format!("{w} {}", label.text),
                    None => plural::counted(lang, category, count, &label.text, !label.custom),
                };
                CountCtx {
                    category: category.as_str(),
                    count,
                    text,
                    label: label.text,
                }
            })
            .collect();
        let attendance_text = lang::join_list(
            lang,
            &attendance.iter().map(|c| &c.text).collect::<Vec<_>>(),
        );
        let member_label = record
            .attendance
            .groups
            .iter()
            .find(|g| g.category == Category::MemberState)
            .and_then(|g| g.label.as_deref())
            .filter(|_| own_language)
            .and_then(|l| l.rsplit('|').map(str::trim).find(|f| !f.is_empty()))
            .map(str::to_owned);
        let audience = member_label.unwrap_or_else(|| lang::member_states(lang).to_owned());

        let (whole, groups) = speakers::speaker_groups(record, lang, own_language);
        let (documents_before, documents_before_text) = before::documents(record, lang);

        let actions = |kind: ActionKind| actions(&record.action_items, kind, lang);
        Context {
            lang: lang.code(),
            meeting: MeetingCtx {
                title: m.title.clone(),
                kind: snake(&m.kind),
                convened_by: m.convened_by.clone(),
                venue: m.venue.clone(),
                symbol: m.symbol.clone(),
                session: m.session.clone(),
                summary_code: m.summary_code.clone(),
                status_line: m.status_line.clone(),
                date: fmt(m.date),
                date_iso: m.date.to_string(),
                end_date: m.end_date.map(fmt),
                when: lang::when(lang, m.date, m.end_date),
                dates: lang::date_range(lang, m.date, m.end_date),
            },
            chair: m.chair.as_ref().map(|c| ChairCtx {
                name: c.name.clone(),
                title: c.title.clone(),
                role: c.role.clone(),
                state: c
                    .state
                    .as_ref()
                    .map(|s| Party::state(s.clone()).name_in(lang).to_owned()),
            }),
            audience,
            attendance,
            attendance_text,
            related: record
                .related_meetings
                .iter()
                .map(|r| RelatedCtx {
                    title: r.title.clone(),
                    date: r.date.map(fmt),
                    outcome: r.outcome.clone(),
                    time: r.time.as_deref().map(|t| format_time(lang, t)),
                    time_iso: r.time.clone(),
                    venue: r.venue.clone().filter(|v| !v.trim().is_empty()),
                })
                .collect(),
            statements: record
                .documents
                .iter()
                .filter(|d| d.kind == DocumentKind::Statement)
                .map(|d| StatementCtx {
                    title: d.title.clone(),
                    speaker: d
                        .speaker
                        .clone()
                        .filter(|s| !d.title.as_deref().is_some_and(|t| lang::mentions(t, s))),
                    title_names_speaker: d.title.as_deref().is_some_and(|t| {
                        lang::names_its_author(m.language, t)
                            && !d.speaker.as_deref().is_some_and(|s| lang::mentions(t, s))
                    }),
                    delivered_on: d.delivered_on.map(fmt),
                    // Printed unescaped by the templates (`| safe`), so only characters safe in a URL fragment.
                    link: d.id.as_ref().map_or_else(
                        || "#".to_owned(),
                        |id| {
                            let id: String = id
                                .chars()
                                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                                .collect();
                            format!("#statement-{id}")
                        },
                    ),
                })
                .collect(),
            speaker_others: whole.speaker_others,
            speaker_states: whole.speaker_states,
            speakers_text: whole.speakers_text.clone(),
            speakers: whole.speakers.clone(),
            speaker_groups: if groups.is_empty() {
                vec![whole]
            } else {
                groups
            },
            documents_before,
            documents_before_text,
            positions: floor::positions(record),
            remarks: floor::remarks(record, lang),
            announcements: floor::announcements(record, lang),
            requests: actions(ActionKind::Request),
            commitments: actions(ActionKind::Commitment),
            invitations: actions(ActionKind::Invitation),
            decisions: actions(ActionKind::Decision),
            next_steps: actions(ActionKind::NextStep),
        }
    }

    /// Whether a section has anything to say; sections without facts are omitted.
    fn has(&self, section: &str) -> bool {
        match section {
            "related" => !self.related.is_empty(),
            "statements" => !self.statements.is_empty(),
            "speakers" => !self.speakers.is_empty(),
            "before" => !self.documents_before.is_empty(),
            "remarks" => !self.remarks.is_empty(),
            "positions" => !self.positions.is_empty(),
            "announcements" => !self.announcements.is_empty(),
            "requests" => !self.requests.items.is_empty(),
            "commitments" => !self.commitments.items.is_empty(),
            "invitations" => !self.invitations.items.is_empty(),
            "decisions" => !self.decisions.items.is_empty(),
            "next_steps" => !self.next_steps.items.is_empty(),
            _ => true,
        }
    }
}

/// A count's noun, and whether it is the record's own wording (whose gender this crate does not know).
struct Label {
    text: String,
    custom: bool,
}

/// A category's name for a count. In the meeting's own language the record's label is used: its forms,
/// separated by `|`, follow the language's plural categories ("singular|plural"; Russian
/// "one|few|many"; see [`plural::pick`]). A plain label is the plural, and for a count of 1 (or 2, in Arabic)
/// it gives way to the built-in term (a custom plural cannot be made singular reliably, and "1 colleagues" is
/// wrong). Otherwise the built-in term of `lang`.
fn count_label(
    lang: Language,
    own_language: bool,
    category: Category,
    label: Option<&str>,
    count: u32,
) -> Label {
    let builtin = lang::category_label(lang, category, count);
    if let Some(label) = label.filter(|_| own_language) {
        let forms: Vec<&str> = label
            .split('|')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .collect();
        let singular = matches!(
            plural::category_of(lang, count),
            PluralCategory::One | PluralCategory::Two
        );
        if forms.len() > 1 || !singular || builtin.is_none() {
            return Label {
                text: plural::pick(lang, &forms, count).to_owned(),
                custom: true,
            };
        }
    }
    Label {
        text: builtin.map_or_else(|| category.as_str().to_owned(), str::to_owned),
        custom: false,
    }
}

fn actions(items: &[ActionItem], kind: ActionKind, lang: Language) -> ActionsCtx {
    let items: Vec<&ActionItem> = items.iter().filter(|a| a.kind == kind).collect();
    let common = |f: fn(&ActionItem) -> &str| {
        let first = f(items.first()?);
        items
            .iter()
            .all(|a| f(a) == first)
            .then(|| first.to_owned())
    };
    let from = common(|a| &a.from);
    let to = common(|a| &a.to);
    ActionsCtx {
        from_party: from.as_deref().and_then(|f| party(lang, f)),
        to_party: to.as_deref().and_then(|t| party(lang, t)),
        from,
        to,
        items: items
            .iter()
            .map(|a| {
                let text = a.text.trim();
                let (body, stop) = match text.strip_suffix('.') {
                    Some(b) => (b, "."),
                    None => (text, ""),
                };
                ItemCtx {
                    from_party: party(lang, &a.from),
                    to_party: party(lang, &a.to),
                    from: a.from.clone(),
                    to: a.to.clone(),
                    text: text.to_owned(),
                    body: body.to_owned(),
                    stop,
                    due: a
                        .due
                        .map(|d| lang::format_date(lang, d))
                        .or_else(|| a.due_month.map(|m| lang::format_month(lang, m))),
                    due_iso: a
                        .due
                        .map(|d| d.to_string())
                        .or_else(|| a.due_month.map(|m| m.to_string())),
                    due_is_month: a.due.is_none() && a.due_month.is_some(),
                    adoption: a.adoption.as_ref().map(|x| votes::adoption(x, lang)),
                    status: snake(&a.status),
                }
            })
            .collect(),
    }
}

/// A `from` / `to` worded for `lang`, or `None` if blank.
fn party(lang: Language, written: &str) -> Option<parties::PartyWords> {
    (!written.trim().is_empty()).then(|| parties::words(lang, written))
}
