//! Full-text search and the cross-meeting action tracker.

use chrono::NaiveDate;
use rapporteur_core::{ActionItem, ActionKind, ActionStatus, DocumentKind};
use rapporteur_store::{
    ActionFilter, Edit, HIT_END, HIT_START, HitKind, MAX_QUERY_WORDS, fts_query, query_words,
};

use crate::common::*;

#[tokio::test]
async fn search_finds_every_kind_of_text_by_prefix() {
    let (_dir, s) = store().await;
    let id = s.import_record(&fixture()).await.unwrap();
    s.doc_set(
        &id,
        DocumentKind::Summary,
        0,
        "The Network briefed delegations on the Compact.",
    )
    .await
    .unwrap();
    let iv = s.record(&id).await.unwrap().interventions.0[3]
        .id
        .clone()
        .unwrap();
    s.edit(
        &id,
        Edit::SetInterventionSummary {
            id: iv.clone(),
            text: "Stressed remittances and consular support.".into(),
        },
    )
    .await
    .unwrap();

    let kinds =
        |hits: &[rapporteur_store::SearchHit]| hits.iter().map(|h| h.kind).collect::<Vec<_>>();
    let hits = s.search("Vitor", 10).await.unwrap();
    assert_eq!(kinds(&hits), [HitKind::Meeting], "chair name, by prefix");
    assert_eq!(hits[0].meeting_id, id);
    assert_eq!(hits[0].meeting_title, "Network Briefing to Member States");
    assert_eq!(hits[0].date, NaiveDate::from_ymd_opt(2019, 12, 12).unwrap());
    assert!(
        hits[0]
            .snippet
            .contains(&format!("{HIT_START}Vitorino{HIT_END}")),
        "{}",
        hits[0].snippet
    );

    let hits = s.search("remitt", 10).await.unwrap();
    assert_eq!(kinds(&hits), [HitKind::Intervention]);
    assert_eq!(hits[0].item_id.as_deref(), Some(iv.as_str()));
    // The speaker's English name is indexed with what they said (Mexico, the 4th speaker).
    assert_eq!(
        kinds(&s.search("mexico remittances", 10).await.unwrap()),
        [HitKind::Intervention]
    );
    assert_eq!(
        kinds(&s.search("donor base", 10).await.unwrap()),
        [HitKind::Action]
    );
    let docs = s.search("briefed", 10).await.unwrap();
    assert_eq!(kinds(&docs), [HitKind::Document]);
    assert_eq!(docs[0].item_id.as_deref(), Some("summary"));
    assert_eq!(
        kinds(&s.search("statement coordinator", 10).await.unwrap()),
        [HitKind::Document]
    );
    assert!(
        s.search("Steering Committee", 10)
            .await
            .unwrap()
            .iter()
            .any(|h| h.kind == HitKind::Meeting)
    );
    assert!(s.search("zzzz", 10).await.unwrap().is_empty());
    assert!(
        s.search("zzzzzz migration", 10).await.unwrap().is_empty(),
        "an unknown long word matches nothing"
    );
    assert_eq!(
        s.search("migration", 2).await.unwrap().len(),
        2,
        "limit holds"
    );
}

#[tokio::test]
async fn accents_and_case_do_not_matter() {
    let (_dir, s) = store().await;
    let id = s.import_record(&fixture()).await.unwrap();
    s.edit(
        &id,
        Edit::AddDelegation {
            party: rapporteur_core::Party::state(
                rapporteur_core::DelegationCode::parse("CIV").unwrap(),
            ),
            present: true,
        },
    )
    .await
    .unwrap();
    for q in ["antonio", "ANTÓNIO", "António Vito"] {
        assert_eq!(s.search(q, 10).await.unwrap().len(), 1, "{q}");
    }
    for q in ["cote d'ivoire", "Côte", "ivoi"] {
        let hits = s.search(q, 10).await.unwrap();
        assert_eq!(
            hits.iter().map(|h| h.kind).collect::<Vec<_>>(),
            [HitKind::Delegation],
            "{q}"
        );
    }
}

#[tokio::test]
async fn any_input_is_a_valid_query() {
    let (_dir, s) = store().await;
    s.import_record(&fixture()).await.unwrap();
    for q in [
        r#""foo AND ("#,
        "AND",
        "OR NOT",
        "*",
        "\"",
        "NEAR(a b",
        "col:thing",
        "-x",
        "^",
        "",
        "  ",
        "(((",
        "a\"b'c",
        "migr* OR",
    ] {
        s.search(q, 10)
            .await
            .unwrap_or_else(|e| panic!("{q:?}: {e}"));
    }
    // Operators are words, not syntax.
    assert_eq!(
        fts_query("foo AND (bar"),
        Some("\"foo\"* \"AND\"* \"bar\"*".into())
    );
    assert_eq!(fts_query("«»—"), None);
    // Each word counts once, whatever its case, and only the first MAX_QUERY_WORDS count.
    assert_eq!(query_words("a A a b a Ä ä"), ["a", "b", "Ä"]);
    let many: Vec<String> = (0..100).map(|i| format!("w{i}")).collect();
    let many_words = many.join(" ");
    let words = query_words(&many_words);
    assert_eq!(words.len(), MAX_QUERY_WORDS);
    assert_eq!(
        words.last().copied(),
        Some(many[MAX_QUERY_WORDS - 1].as_str())
    );
    assert_eq!(s.search("Vitorino", 10).await.unwrap().len(), 1);
    assert_eq!(
        s.search("Vitorino OR zzqq", 10).await.unwrap().len(),
        0,
        "OR is a word to find, not an operator"
    );
}

#[tokio::test]
async fn action_tracker_filters_and_flags_overdue() {
    let (_dir, s) = store().await;
    let a = s.import_record(&fixture()).await.unwrap();
    let b = s.import_record(&fixture()).await.unwrap();
    let today = NaiveDate::from_ymd_opt(2020, 6, 1).unwrap();
    let all = s
        .actions_as_of(&ActionFilter::default(), today)
        .await
        .unwrap();
    assert_eq!(all.len(), 14);
    // The one dated item of each meeting comes first, and is overdue by 2020-06-01.
    assert!(all[0].item.due.is_some() && all[1].item.due.is_some() && all[2].item.due.is_none());
    assert_eq!(all.iter().filter(|t| t.overdue).count(), 2);
    assert_eq!(all[0].meeting_title, "Network Briefing to Member States");
    let dated = all[0].item.clone();
    let owner = if all[0].meeting_id == a { &a } else { &b };
    let done = ActionItem {
        status: ActionStatus::Done,
        ..dated.clone()
    };
    s.edit(
        owner,
        Edit::UpdateAction {
            id: dated.id.clone().unwrap(),
            item: ActionItem { id: None, ..done },
        },
    )
    .await
    .unwrap();
    let future = ActionItem {
        adoption: None,
        agenda_item: None,
        due_month: None,
        id: None,
        kind: ActionKind::NextStep,
        from: "Chair".into(),
        to: "Secretariat".into(),
        text: "Prepare the next briefing.".into(),
        due: Some(NaiveDate::from_ymd_opt(2030, 1, 1).unwrap()),
        status: ActionStatus::InProgress,
    };
    s.edit(&a, Edit::AddAction { item: future }).await.unwrap();

    let open = s
        .actions_as_of(
            &ActionFilter {
                open_only: true,
                ..ActionFilter::default()
            },
            today,
        )
        .await
        .unwrap();
    assert_eq!(
        open.len(),
        14,
        "13 open of the fixtures' 14, plus the new in-progress one"
    );
    assert!(
        open.iter()
            .all(|t| matches!(t.item.status, ActionStatus::Open | ActionStatus::InProgress))
    );
    assert_eq!(open.iter().filter(|t| t.overdue).count(), 1);
    let mine = s
        .actions_as_of(
            &ActionFilter {
                open_only: false,
                owner: Some("secretariat".into()),
                ..ActionFilter::default()
            },
            today,
        )
        .await
        .unwrap();
    assert_eq!(mine.len(), 1);
    assert!(!mine[0].overdue);
    let by_to = s
        .actions_as_of(
            &ActionFilter {
                open_only: true,
                owner: Some("member states".into()),
                ..ActionFilter::default()
            },
            today,
        )
        .await
        .unwrap();
    assert_eq!(by_to.len(), 7);
    // The real clock: 2020 due dates are past.
    assert!(
        s.actions(&ActionFilter::default())
            .await
            .unwrap()
            .iter()
            .any(|t| t.overdue)
    );
}
