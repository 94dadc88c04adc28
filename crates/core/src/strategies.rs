//! Proptest strategies for valid meeting records. Behind the `testing` feature so that the store, the facade
//! and the CLI round-trip the same generated records the core tests use.

use crate::registry;
use crate::*;
use chrono::NaiveDate;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

/// Any printable text, possibly empty.
pub fn text() -> impl Strategy<Value = String> {
    "\\PC{0,24}"
}

/// Text with at least one letter, as required of titles and names.
pub fn nonblank() -> impl Strategy<Value = String> {
    "[\\PC]{0,10}[A-Za-zÀ-ÿ][\\PC]{0,10}"
}

/// A calendar date between the years 1917 and 2081.
pub fn date() -> impl Strategy<Value = NaiveDate> {
    (700_000i32..760_000).prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).expect("in range"))
}

/// The code of a State of the registry.
pub fn code() -> impl Strategy<Value = DelegationCode> {
    let codes: Vec<String> = registry::all().iter().map(|s| s.iso3.clone()).collect();
    select(codes).prop_map(|c| DelegationCode::parse(&c).expect("from the registry"))
}

/// Any category.
pub fn category() -> impl Strategy<Value = Category> {
    select(Category::ALL.to_vec())
}

/// Any of the six languages.
pub fn language() -> impl Strategy<Value = Language> {
    select(Language::ALL.to_vec())
}

/// A State (sometimes with a display name) or a free entry.
pub fn party() -> impl Strategy<Value = Party> {
    prop_oneof![
        (code(), option::of(nonblank()), option::of(category())).prop_map(
            |(c, display_name, category)| {
                Party {
                    delegation: Some(c),
                    display_name,
                    name: None,
                    category,
                }
            }
        ),
        (nonblank(), category()).prop_map(|(n, c)| Party::named(n, c)),
    ]
}

fn meeting() -> impl Strategy<Value = Meeting> {
    let kinds = vec![
        MeetingKind::Briefing,
        MeetingKind::Consultation,
        MeetingKind::AnnualMeeting,
        MeetingKind::Plenary,
        MeetingKind::WorkingGroup,
        MeetingKind::SideEvent,
        MeetingKind::Other,
    ];
    let statuses = vec![
        MeetingStatus::Draft,
        MeetingStatus::Final,
        MeetingStatus::Circulated,
    ];
    let chair = (
        nonblank(),
        option::of(text()),
        option::of(text()),
        option::of(code()),
    )
        .prop_map(|(name, title, role, state)| Chair {
            name,
            title,
            role,
            state,
        });
    let base = (
        nonblank(),
        select(kinds),
        option::of(text()),
        date(),
        option::of(0i64..30),
        option::of(text()),
        language(),
        option::of("[A-Z]{1,4}/[0-9]{1,3}"),
        option::of(chair),
        select(statuses),
    );
    (base, proceedings()).prop_map(
        |(
            (title, kind, convened_by, date, days, venue, language, symbol, chair, status),
            (session, agenda, documents_before, (summary_code, status_line)),
        )| {
            Meeting {
                title,
                kind,
                convened_by,
                date,
                end_date: days.map(|d| date + chrono::Duration::days(d)),
                venue,
                language,
                symbol,
                chair,
                status,
                session,
                agenda,
                documents_before,
                summary_code,
                status_line,
            }
        },
    )
}

/// A meeting's session, agenda, documents before it, and its summary's code and status line.
type Proceedings = (
    Option<String>,
    Vec<AgendaItem>,
    Vec<DocumentBefore>,
    (Option<String>, Option<String>),
);

/// A meeting's session, agenda and documents before it (numbers and symbols unique), and its summary's code
/// and status line.
fn proceedings() -> impl Strategy<Value = Proceedings> {
    let item = ("[1-9][0-9]?( \\([a-z]\\))?", nonblank())
        .prop_map(|(number, title)| AgendaItem { number, title });
    let doc = ("[A-Z]{1,4}/[0-9]{1,4}", option::of(text()))
        .prop_map(|(symbol, title)| DocumentBefore { symbol, title });
    let lines = (option::of(text()), option::of(text()));
    (
        option::of(nonblank()),
        vec(item, 0..4),
        vec(doc, 0..3),
        lines,
    )
        .prop_map(|(session, mut agenda, mut docs, lines)| {
            let mut seen = Vec::new();
            agenda.retain(|i| {
                let fresh = !seen.contains(&i.number);
                seen.push(i.number.clone());
                fresh
            });
            let mut seen = Vec::new();
            docs.retain(|d| {
                let fresh = !seen.contains(&d.symbol);
                seen.push(d.symbol.clone());
                fresh
            });
            (session, agenda, docs, lines)
        })
}

/// Who a speaker speaks for: a built-in or a free group, and other States.
fn behalf() -> impl Strategy<Value = (Option<GroupRef>, Vec<DelegationCode>)> {
    let codes: Vec<String> = groups::all().iter().map(|g| g.code.clone()).collect();
    let group = prop_oneof![
        select(codes)
            .prop_map(|c| GroupRef::builtin(GroupCode::parse(&c).expect("a registry group"))),
        nonblank().prop_map(|n| GroupRef {
            group: None,
            name: Some(n)
        }),
    ];
    (option::of(group), vec(code(), 0..3)).prop_map(|(group, mut states)| {
        states.sort();
        states.dedup();
        (group, states)
    })
}

fn attendance() -> impl Strategy<Value = Attendance> {
    let group = (category(), option::of(text()), option::of(0u32..500)).prop_map(
        |(category, label, count)| AttendanceGroup {
            category,
            label,
            count,
        },
    );
    let delegation = (
        option::of("[a-z0-9-]{1,12}"),
        party(),
        any::<bool>(),
        vec(person(), 0..3),
    )
        .prop_map(|(id, who, present, persons)| AttendingDelegation {
            id,
            who,
            present,
            persons,
        });
    (vec(group, 0..4), vec(delegation, 0..6)).prop_map(|(mut groups, delegations)| {
        let mut seen = Vec::new();
        groups.retain(|g| {
            let fresh = !seen.contains(&g.category);
            seen.push(g.category);
            fresh
        });
        Attendance {
            groups,
            delegations,
        }
    })
}

fn intervention() -> impl Strategy<Value = Intervention> {
    let kinds = vec![
        InterventionKind::Statement,
        InterventionKind::Question,
        InterventionKind::RightOfReply,
    ];
    (
        option::of("[a-z0-9-]{1,12}"),
        party(),
        (option::of(text()), option::of(text())),
        option::of(time()),
        option::of(text()),
        text(),
        select(kinds),
        behalf(),
    )
        .prop_map(
            |(
                id,
                speaker,
                (person, role),
                time,
                agenda_item,
                summary,
                kind,
                (on_behalf_of, also),
            )| {
                Intervention {
                    id,
                    order: 0,
                    speaker,
                    person,
                    role,
                    time,
                    agenda_item,
                    on_behalf_of,
                    also_on_behalf_of: also,
                    summary,
                    kind,
                }
            },
        )
}

/// An action item of any kind and status, with or without a due date.
pub fn action_item() -> impl Strategy<Value = ActionItem> {
    let kinds = vec![
        ActionKind::Request,
        ActionKind::Commitment,
        ActionKind::Invitation,
        ActionKind::Decision,
        ActionKind::NextStep,
    ];
    let statuses = vec![
        ActionStatus::Open,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];
    (
        option::of("[a-z0-9-]{1,12}"),
        select(kinds),
        text(),
        text(),
        nonblank(),
        prop_oneof![
            option::of(date()).prop_map(|d| (d, None)),
            date().prop_map(|d| (None, Some(YearMonth::of(d)))),
        ],
        option::of(text()),
        option::of(adoption()),
        select(statuses),
    )
        .prop_map(
            |(id, kind, from, to, text, (due, due_month), agenda_item, adoption, status)| {
                ActionItem {
                    id,
                    kind,
                    from,
                    to,
                    text,
                    due,
                    due_month,
                    agenda_item,
                    adoption: adoption.filter(|_| kind == ActionKind::Decision),
                    status,
                }
            },
        )
}

/// How a decision was taken: without a vote, by a vote, or by a recorded vote listing the States (distinct,
/// split over the three sides) or not.
fn adoption() -> impl Strategy<Value = Adoption> {
    let states = vec(code(), 0..9).prop_map(|mut v| {
        v.sort();
        v.dedup();
        v
    });
    (0u8..4, states, 0u32..200, 0u32..200, 0u32..200).prop_map(|(how, states, y, n, a)| {
        let mut adoption = Adoption::without_vote();
        if how == 0 {
            return adoption;
        }
        adoption.method = if how == 1 {
            AdoptionMethod::Vote
        } else {
            AdoptionMethod::RecordedVote
        };
        let (yes, no, abstentions) = if how == 3 {
            let third = states.len() / 3;
            adoption.in_favour = states[..third].to_vec();
            adoption.against = states[third..2 * third].to_vec();
            adoption.abstaining = states[2 * third..].to_vec();
            (
                adoption.in_favour.len(),
                adoption.against.len(),
                adoption.abstaining.len(),
            )
        } else {
            (y as usize, n as usize, a as usize)
        };
        let count = |n: usize| Some(u32::try_from(n).unwrap_or(u32::MAX));
        adoption.yes = count(yes);
        adoption.no = count(no);
        adoption.abstentions = count(abstentions);
        adoption
    })
}

fn time() -> impl Strategy<Value = String> {
    "([01][0-9]|2[0-3]):[0-5][0-9]"
}

fn related() -> impl Strategy<Value = RelatedMeeting> {
    (
        nonblank(),
        option::of(date()),
        option::of(text()),
        option::of(time()),
        option::of(text()),
    )
        .prop_map(|(title, date, outcome, time, venue)| RelatedMeeting {
            title,
            date,
            outcome,
            time,
            venue,
        })
}

fn person() -> impl Strategy<Value = Person> {
    (nonblank(), option::of(text())).prop_map(|(name, function)| Person {
        name,
        function,
        head: false,
    })
}

fn position() -> impl Strategy<Value = Position> {
    let holders = vec![
        Holders::OneDelegation,
        Holders::SomeDelegations,
        Holders::SeveralDelegations,
        Holders::ManyDelegations,
        Holders::Speakers,
        Holders::SeveralSpeakers,
    ];
    (select(holders), nonblank(), option::of(text())).prop_map(|(holders, text, agenda_item)| {
        Position {
            holders,
            text,
            agenda_item,
        }
    })
}

/// A podium remark; an answer's `in_reply_to` is set by [`record`] to an intervention's id.
fn remark() -> impl Strategy<Value = Remark> {
    let kinds = vec![
        RemarkKind::Opening,
        RemarkKind::Answer,
        RemarkKind::Closing,
        RemarkKind::Other,
    ];
    (
        select(kinds),
        nonblank(),
        option::of(text()),
        option::of(text()),
        text(),
    )
        .prop_map(|(kind, by, person, agenda_item, summary)| Remark {
            kind,
            by,
            person,
            in_reply_to: None,
            agenda_item,
            summary,
        })
}

fn announcement() -> impl Strategy<Value = Announcement> {
    (option::of(nonblank()), nonblank(), option::of(text())).prop_map(|(by, text, agenda_item)| {
        Announcement {
            by,
            text,
            agenda_item,
        }
    })
}

/// Positions, remarks and announcements.
fn floor() -> impl Strategy<Value = (Vec<Position>, Vec<Remark>, Vec<Announcement>)> {
    (
        vec(position(), 0..3),
        vec(remark(), 0..3),
        vec(announcement(), 0..3),
    )
}

fn document() -> impl Strategy<Value = Document> {
    (
        option::of("[a-z0-9-]{1,12}"),
        select(vec![DocumentKind::Summary, DocumentKind::Statement]),
        option::of(text()),
        "(\\PC{0,30}\n){0,3}",
        option::of(text()),
        option::of(date()),
    )
        .prop_map(|(id, kind, title, body, speaker, delivered_on)| {
            let statement = kind == DocumentKind::Statement;
            Document {
                id,
                kind,
                title,
                body,
                speaker: speaker.filter(|_| statement),
                delivered_on: delivered_on.filter(|_| statement),
            }
        })
}

/// A valid record: every rule of the format holds, and `order` is 1..n as the model keeps it.
pub fn record() -> impl Strategy<Value = MeetingRecord> {
    (
        meeting(),
        attendance(),
        vec(intervention(), 0..8),
        vec(action_item(), 0..6),
        vec(related(), 0..3),
        vec(document(), 0..3),
        floor(),
    )
        .prop_map(
            |(
                meeting,
                attendance,
                mut interventions,
                mut action_items,
                related_meetings,
                mut documents,
                (mut positions, mut remarks, mut announcements),
            )| {
                // At most one summary, first, as the format requires.
                let mut seen_summary = false;
                documents.retain(|d| {
                    let keep = d.kind != DocumentKind::Summary || !seen_summary;
                    seen_summary |= d.kind == DocumentKind::Summary;
                    keep
                });
                documents.sort_by_key(|d| d.kind != DocumentKind::Summary);
                for (n, i) in (1..).zip(interventions.iter_mut()) {
                    i.order = n;
                }
                // With an agenda, references name its items (which one: by position, for variety).
                let numbers: Vec<&String> = meeting.agenda.iter().map(|a| &a.number).collect();
                // An answer replies to an intervention with an id; without one, it is another remark.
                let first_id = interventions.iter().find_map(|i| i.id.clone());
                for r in remarks.iter_mut().filter(|r| r.kind == RemarkKind::Answer) {
                    match &first_id {
                        Some(id) => r.in_reply_to = Some(id.clone()),
                        None => r.kind = RemarkKind::Other,
                    }
                }
                let refs = interventions
                    .iter_mut()
                    .map(|i| &mut i.agenda_item)
                    .chain(action_items.iter_mut().map(|a| &mut a.agenda_item))
                    .chain(positions.iter_mut().map(|a| &mut a.agenda_item))
                    .chain(remarks.iter_mut().map(|a| &mut a.agenda_item))
                    .chain(announcements.iter_mut().map(|a| &mut a.agenda_item));
                for (n, r) in refs.enumerate() {
                    if let Some(r) = r.as_mut().filter(|_| !numbers.is_empty()) {
                        *r = numbers[n % numbers.len()].clone();
                    }
                }
                MeetingRecord {
                    format: FormatId,
                    meeting,
                    attendance,
                    interventions: Interventions(interventions),
                    action_items,
                    related_meetings,
                    positions,
                    remarks,
                    announcements,
                    documents,
                }
            },
        )
}
