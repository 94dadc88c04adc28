//! The annex's list of participants and recorded votes, as the UN prints them: delegations in the UN order
//! of the document's language, each with its persons (the head of delegation first); for each decision taken
//! by a recorded vote, the States on each side in the same order. Kept apart from `view` because these
//! tables come from format @2 members (an attending delegation's `persons`, a decision's `adoption`).

use rapporteur_core::{ActionKind, AdoptionMethod, DelegationCode, Language, MeetingRecord, Party};

use crate::view::{Grid, party_name};

/// The words of these tables, per language.
struct Words {
    participants: &'static str,
    delegation: &'static str,
    name: &'static str,
    function: &'static str,
    head: &'static str,
    votes: &'static str,
    decision: &'static str,
    sides: [&'static str; 3],
}

fn words(lang: Language) -> &'static Words {
    match lang {
        Language::En => &Words {
            participants: "List of participants",
            delegation: "Delegation",
            name: "Name",
            function: "Function",
            head: "Head of delegation",
            votes: "Recorded votes",
            decision: "Decision",
            sides: ["In favour", "Against", "Abstaining"],
        },
        Language::Fr => &Words {
            participants: "Liste des participants",
            delegation: "Délégation",
            name: "Nom",
            function: "Fonction",
            head: "Chef de la délégation",
            votes: "Votes enregistrés",
            decision: "Décision",
            sides: ["Pour", "Contre", "Abstentions"],
        },
        Language::Es => &Words {
            participants: "Lista de participantes",
            delegation: "Delegación",
            name: "Nombre",
            function: "Cargo",
            head: "Jefe de la delegación",
            votes: "Votaciones registradas",
            decision: "Decisión",
            sides: ["Votos a favor", "Votos en contra", "Abstenciones"],
        },
        Language::Ru => &Words {
            participants: "Список участников",
            delegation: "Делегация",
            name: "Имя",
            function: "Должность",
            head: "Глава делегации",
            votes: "Заносимые в отчет голосования",
            decision: "Решение",
            sides: ["Голосовали за", "Голосовали против", "Воздержались"],
        },
        Language::Zh => &Words {
            participants: "与会者名单",
            delegation: "代表团",
            name: "姓名",
            function: "职务",
            head: "代表团团长",
            votes: "记录表决",
            decision: "决定",
            sides: ["赞成", "反对", "弃权"],
        },
        Language::Ar => &Words {
            participants: "قائمة المشاركين",
            delegation: "الوفد",
            name: "الاسم",
            function: "الوظيفة",
            head: "رئيس الوفد",
            votes: "التصويت المسجل",
            decision: "المقرر",
            sides: ["المؤيدون", "المعارضون", "الممتنعون"],
        },
    }
}

/// The list of participants and the recorded votes, each left out when the record has nothing for it.
pub(crate) fn grids(record: &MeetingRecord, lang: Language) -> Vec<Grid> {
    [participants(record, lang), votes(record, lang)]
        .into_iter()
        .flatten()
        .collect()
}

fn participants(record: &MeetingRecord, lang: Language) -> Option<Grid> {
    let w = words(lang);
    let mut delegations: Vec<(Party, &[rapporteur_core::Person])> = record
        .attendance
        .delegations
        .iter()
        .filter(|d| d.present && !d.persons.is_empty())
        .map(|d| (d.who.clone(), d.persons.as_slice()))
        .collect();
    if delegations.is_empty() {
        return None;
    }
    let mut parties: Vec<Party> = delegations.iter().map(|(p, _)| p.clone()).collect();
    rapporteur_core::un_order(lang, &mut parties);
    let mut rows = Vec::new();
    for p in parties {
        let at = delegations
            .iter()
            .position(|(q, _)| *q == p)
            .expect("every sorted party comes from the delegations");
        let (who, persons) = delegations.remove(at);
        let mut persons = persons.to_vec();
        // The head of delegation first, the others as the record lists them.
        persons.sort_by_key(|person| !person.head);
        for (i, person) in persons.iter().enumerate() {
            let function = match (person.head, person.function.as_deref()) {
                (true, Some(f)) => format!("{f}; {}", w.head),
                (true, None) => w.head.to_owned(),
                (false, f) => f.unwrap_or_default().to_owned(),
            };
            let delegation = if i == 0 {
                party_name(&who, lang)
            } else {
                String::new()
            };
            rows.push(vec![delegation, person.name.clone(), function]);
        }
    }
    Some(Grid {
        title: w.participants,
        header: vec![w.delegation, w.name, w.function],
        numeric: vec![false, false, false],
        rows,
        total: None,
    })
}

fn votes(record: &MeetingRecord, lang: Language) -> Option<Grid> {
    let w = words(lang);
    let side = |count: Option<u32>, codes: &[DelegationCode]| {
        let mut names: Vec<String> = codes
            .iter()
            .map(|c| party_name(&Party::state(c.clone()), lang))
            .collect();
        rapporteur_core::collate::sort_names(lang, &mut names);
        let count = count.unwrap_or_default();
        if names.is_empty() {
            count.to_string()
        } else {
            format!("{count}: {}", names.join(crate::i18n::list_separator(lang)))
        }
    };
    let rows: Vec<Vec<String>> = record
        .action_items
        .iter()
        .filter(|a| a.kind == ActionKind::Decision)
        .filter_map(|a| Some((a, a.adoption.as_ref()?)))
        .filter(|(_, x)| x.method == AdoptionMethod::RecordedVote)
        .map(|(a, x)| {
            vec![
                a.text.trim().to_owned(),
                side(x.yes, &x.in_favour),
                side(x.no, &x.against),
                side(x.abstentions, &x.abstaining),
            ]
        })
        .collect();
    (!rows.is_empty()).then(|| Grid {
        title: w.votes,
        header: [&[w.decision][..], &w.sides[..]].concat(),
        numeric: vec![false; 4],
        rows,
        total: None,
    })
}
