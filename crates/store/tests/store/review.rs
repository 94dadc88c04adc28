//! Clearance in the document: comments that follow their text through edits and sync, suggestions recorded
//! rather than applied, and a lifecycle that locks the text.

use rapporteur_core::DocumentKind::{Statement, Summary};
use rapporteur_store::{
    Edit, ReviewAction, ReviewEventKind, ReviewStatus, Store, SuggestionState, Which,
};

use crate::common::*;
use crate::sync::exchange;
use SuggestionState::*;

const TEXT: &str = "The Chair opened the meeting.\n\nSeveral delegations took the floor.\n";

async fn with_summary(s: &Store) -> String {
    let id = s.import_record(&fixture()).await.unwrap();
    s.doc_set(&id, Summary, 0, TEXT).await.unwrap();
    id
}

fn at(text: &str, part: &str) -> (u32, u32) {
    let byte = text.find(part).expect("part of the text");
    let start = text[..byte].chars().count() as u32;
    (start, start + part.chars().count() as u32)
}

async fn act(s: &Store, id: &str, action: ReviewAction) -> rapporteur_store::Review {
    s.review_apply(id, Summary, 0, &[action]).await.unwrap()
}

fn comment(start: u32, end: u32, text: &str) -> ReviewAction {
    ReviewAction::Comment {
        start,
        end,
        text: text.into(),
        author: Some("Ana".into()),
    }
}

fn status(status: ReviewStatus) -> ReviewAction {
    ReviewAction::SetStatus {
        status,
        author: None,
    }
}

#[tokio::test]
async fn a_comment_follows_its_text_through_concurrent_edits_and_sync() {
    let (_a_dir, a) = store().await;
    let (_b_dir, b) = store().await;
    let id = with_summary(&a).await;
    exchange(&a, &b).await;
    let (s, e) = at(TEXT, "took the floor");
    let r = act(&a, &id, comment(s, e, "Which delegations?")).await;
    assert_eq!(r.comments[0].quote, "took the floor");
    assert_eq!(r.comments[0].author, "Ana");

    // Meanwhile B rewrites the first paragraph and adds words inside the second.
    let b_text = TEXT
        .replace(
            "The Chair opened the meeting.",
            "The meeting was opened at 10 a.m.",
        )
        .replace(
            "Several delegations",
            "Several delegations, including observers,",
        );
    b.doc_set(&id, Summary, 0, &b_text).await.unwrap();
    exchange(&a, &b).await;

    for s in [&a, &b] {
        let r = s.review(&id, Summary, 0).await.unwrap();
        assert_eq!(r.comments.len(), 1);
        assert_eq!(r.comments[0].quote, "took the floor");
        assert_eq!(s.doc_get(&id, Summary, 0).await.unwrap(), b_text);
    }

    // Replies and resolving travel too, with who did them.
    let cid = r.comments[0].id.clone();
    b.review_apply(
        &id,
        Summary,
        0,
        &[
            ReviewAction::Reply {
                comment: cid.clone(),
                text: "All of them.".into(),
                author: Some("Ben".into()),
            },
            ReviewAction::Resolve {
                comment: cid.clone(),
                resolved: true,
                author: Some("Ben".into()),
            },
        ],
    )
    .await
    .unwrap();
    exchange(&a, &b).await;
    let r = a.review(&id, Summary, 0).await.unwrap();
    assert!(r.comments[0].resolved);
    assert_eq!(r.comments[0].resolved_by.as_deref(), Some("Ben"));
    assert_eq!(r.comments[0].replies[0].text, "All of them.");
    let kinds: Vec<_> = r.events.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            ReviewEventKind::Comment,
            ReviewEventKind::Reply,
            ReviewEventKind::Resolve
        ]
    );
}

#[tokio::test]
async fn suggestions_wait_for_a_decision_and_accepting_applies_them() {
    let (_dir, s) = store().await;
    let id = with_summary(&s).await;
    let (ds, de) = at(TEXT, "Several ");
    let (is, _) = at(TEXT, "floor");
    let r = s
        .review_apply(
            &id,
            Summary,
            0,
            &[
                ReviewAction::Suggest {
                    start: ds,
                    end: de,
                    insert: "Ten ".into(),
                    author: Some("Ana".into()),
                },
                ReviewAction::Suggest {
                    start: is,
                    end: is,
                    insert: "open ".into(),
                    author: Some("Ben".into()),
                },
                ReviewAction::Suggest {
                    start: 0,
                    end: 4,
                    insert: String::new(),
                    author: Some("Ben".into()),
                },
            ],
        )
        .await
        .unwrap();
    assert_eq!(
        s.doc_get(&id, Summary, 0).await.unwrap(),
        TEXT,
        "nothing applied yet"
    );
    assert_eq!(r.suggestions.len(), 3);
    assert_eq!(r.suggestions[0].deleted, "Several ");
    assert_eq!(r.suggestions[1].author, "Ben");

    let first = r.suggestions[0].id.clone();
    let r = act(
        &s,
        &id,
        ReviewAction::Accept {
            which: Which::One(first.clone()),
            author: None,
        },
    )
    .await;
    let text = s.doc_get(&id, Summary, 0).await.unwrap();
    assert!(text.contains("Ten delegations took the floor"), "{text}");
    assert_eq!(r.suggestions[0].state, Accepted);
    let again = s
        .review_apply(
            &id,
            Summary,
            0,
            &[ReviewAction::Reject {
                which: Which::One(first),
                author: None,
            }],
        )
        .await
        .unwrap_err();
    assert!(
        again.to_string().contains("was already accepted"),
        "{again}"
    );

    let third = r.suggestions[2].id.clone();
    act(
        &s,
        &id,
        ReviewAction::Reject {
            which: Which::One(third),
            author: None,
        },
    )
    .await;
    let r = act(
        &s,
        &id,
        ReviewAction::Accept {
            which: Which::All,
            author: None,
        },
    )
    .await;
    assert_eq!(
        s.doc_get(&id, Summary, 0).await.unwrap(),
        "The Chair opened the meeting.\n\nTen delegations took the open floor.\n"
    );
    let states: Vec<_> = r.suggestions.iter().map(|x| x.state).collect();
    assert_eq!(states, [Accepted, Accepted, Rejected]);
    let history = s.doc_history(&id, Summary, 0).await.unwrap();
    let last = history.last().unwrap();
    assert_eq!(last.op.as_deref(), Some("review_accept"));
    assert_eq!(
        last.change,
        rapporteur_store::ChangeKind::SuggestionAccepted
    );
}

#[tokio::test]
async fn bad_ranges_and_empty_steps_are_refused_naming_the_field() {
    let (_dir, s) = store().await;
    let id = with_summary(&s).await;
    let err = s
        .review_apply(&id, Summary, 0, &[comment(5, 500, "x")])
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("summary.range: 5..500 is not a range of the text (0..67)"),
        "{err}"
    );
    let err = s
        .review_apply(&id, Summary, 0, &[comment(0, 3, "  ")])
        .await
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("summary.comment: a comment needs some text"),
        "{err}"
    );
    let err = s
        .review_apply(&id, Statement, 3, &[comment(0, 0, "x")])
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("statement 3 not found"), "{err}");
    // A failed batch leaves nothing behind.
    let err = s
        .review_apply(
            &id,
            Summary,
            0,
            &[comment(0, 3, "fine"), comment(0, 3, "\u{7}")],
        )
        .await
        .unwrap_err();
    assert!(err.to_string().contains("U+0007"), "{err}");
    assert!(s.review(&id, Summary, 0).await.unwrap().comments.is_empty());
}

#[tokio::test]
async fn a_final_text_refuses_edits_until_reopened_and_a_corrigendum_keeps_the_original() {
    let (_dir, s) = store().await;
    let id = with_summary(&s).await;
    let err = s
        .review_apply(&id, Summary, 0, &[status(ReviewStatus::Final)])
        .await
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("cannot move from draft to final; the next status is for_clearance"),
        "{err}"
    );
    for st in [
        ReviewStatus::ForClearance,
        ReviewStatus::Cleared,
        ReviewStatus::Final,
    ] {
        act(&s, &id, status(st)).await;
    }
    let err = s.doc_set(&id, Summary, 0, "Changed.").await.unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "meeting {id}: summary: the text is final and refuses edits; reopen it first (rapporteur review status --reopen)"
        )
    );
    // Regenerating is an edit too, and so is accepting a suggestion; suggesting and commenting are not.
    assert!(s.doc_regenerate(&id, "Drafted.").await.is_err());
    let suggest = ReviewAction::Suggest {
        start: 0,
        end: 3,
        insert: "A".into(),
        author: None,
    };
    act(&s, &id, suggest).await;
    let accept = ReviewAction::Accept {
        which: Which::All,
        author: None,
    };
    let err = s
        .review_apply(&id, Summary, 0, &[accept])
        .await
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("the text is final and refuses edits"),
        "{err}"
    );
    assert_eq!(s.doc_get(&id, Summary, 0).await.unwrap(), TEXT);
    act(&s, &id, ReviewAction::Reopen { author: None }).await;
    s.doc_set(&id, Summary, 0, "Changed.\n").await.unwrap();
    for st in [
        ReviewStatus::ForClearance,
        ReviewStatus::Cleared,
        ReviewStatus::Final,
        ReviewStatus::Circulated,
    ] {
        act(&s, &id, status(st)).await;
    }
    let err = s
        .review_apply(&id, Summary, 0, &[ReviewAction::Reopen { author: None }])
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("corrected by a corrigendum"),
        "{err}"
    );
    let r = act(&s, &id, ReviewAction::Corrigendum { author: None }).await;
    assert_eq!((r.status, r.corrigendum), (ReviewStatus::Draft, 1));
    assert_eq!(r.circulated[0].text, "Changed.\n");
    s.doc_set(&id, Summary, 0, "Corrected.\n").await.unwrap();
    let r = s.review(&id, Summary, 0).await.unwrap();
    assert_eq!(r.circulated[0].text, "Changed.\n", "the original is kept");
    let kinds: Vec<_> = r.events.iter().map(|e| e.kind).collect();
    use ReviewEventKind::*;
    assert_eq!(
        kinds,
        [
            StatusChange,
            StatusChange,
            StatusChange,
            Suggestion,
            Reopen,
            StatusChange,
            StatusChange,
            StatusChange,
            StatusChange,
            Corrigendum
        ]
    );
    assert!(
        r.events
            .iter()
            .all(|e| !e.by.is_empty() && !e.at.is_empty())
    );
}

#[tokio::test]
async fn statements_have_their_own_clearance() {
    let (_dir, s) = store().await;
    let id = with_summary(&s).await;
    s.edit(
        &id,
        Edit::AddStatement {
            title: Some("Opening".into()),
            speaker: None,
        },
    )
    .await
    .unwrap();
    let n = s
        .record(&id)
        .await
        .unwrap()
        .documents
        .iter()
        .filter(|d| d.kind == Statement)
        .count() as u32;
    s.doc_set(&id, Statement, n - 1, "Words.").await.unwrap();
    s.review_apply(&id, Statement, n - 1, &[comment(0, 5, "Good.")])
        .await
        .unwrap();
    act(&s, &id, status(ReviewStatus::ForClearance)).await;
    let r = s.review(&id, Statement, n - 1).await.unwrap();
    assert_eq!(r.comments[0].quote, "Words");
    assert_eq!(r.status, ReviewStatus::Draft);
    assert!(s.review(&id, Summary, 0).await.unwrap().comments.is_empty());
}

#[tokio::test]
async fn a_final_statement_keeps_its_title_and_its_place_until_reopened() {
    let (_dir, s) = store().await;
    let id = with_summary(&s).await;
    s.edit(
        &id,
        Edit::AddStatement {
            title: Some("Opening".into()),
            speaker: None,
        },
    )
    .await
    .unwrap();
    let statements = s.record(&id).await.unwrap().documents;
    let index = statements.iter().filter(|d| d.kind == Statement).count() as u32 - 1;
    s.doc_set(&id, Statement, index, "Words.").await.unwrap();
    for step in [
        ReviewStatus::ForClearance,
        ReviewStatus::Cleared,
        ReviewStatus::Final,
    ] {
        s.review_apply(&id, Statement, index, &[status(step)])
            .await
            .unwrap();
    }
    let retitle = Edit::UpdateStatement {
        index,
        title: Some("Another title".into()),
        speaker: None,
        delivered_on: None,
    };
    for edit in [retitle.clone(), Edit::RemoveStatement { index }] {
        let e = s.edit(&id, edit).await.unwrap_err().to_string();
        assert!(e.contains("is final and refuses edits"), "{e}");
    }
    s.review_apply(
        &id,
        Statement,
        index,
        &[ReviewAction::Reopen { author: None }],
    )
    .await
    .unwrap();
    s.edit(&id, retitle).await.unwrap();
    s.edit(&id, Edit::RemoveStatement { index }).await.unwrap();
}

#[tokio::test]
async fn the_history_tells_each_kind_of_change_apart() {
    use rapporteur_store::ChangeKind;
    let (_dir, s) = store().await;
    let id = with_summary(&s).await;
    let (start, end) = at(TEXT, "Several");
    act(&s, &id, comment(start, end, "How many?")).await;
    let suggest = ReviewAction::Suggest {
        start,
        end,
        insert: "Ten".into(),
        author: None,
    };
    act(&s, &id, suggest).await;
    let accept = ReviewAction::Accept {
        which: Which::All,
        author: None,
    };
    act(&s, &id, accept).await;
    for st in [
        ReviewStatus::ForClearance,
        ReviewStatus::Cleared,
        ReviewStatus::Final,
        ReviewStatus::Circulated,
    ] {
        act(&s, &id, status(st)).await;
    }
    act(&s, &id, ReviewAction::Corrigendum { author: None }).await;
    s.doc_set(&id, Summary, 0, "Corrected.\n").await.unwrap();

    let history = s.doc_history(&id, Summary, 0).await.unwrap();
    let kinds: Vec<ChangeKind> = history.iter().map(|v| v.change).collect();
    use ChangeKind::*;
    let from_edit = &kinds[kinds.len() - 10..];
    assert_eq!(
        from_edit,
        [
            Edit,
            Comment,
            Suggestion,
            SuggestionAccepted,
            StatusChange,
            StatusChange,
            StatusChange,
            StatusChange,
            Corrigendum,
            Edit
        ],
        "{kinds:?}"
    );
    let commented = &history[history.len() - 9];
    assert_eq!(
        s.doc_at(&id, Summary, 0, &commented.version_id)
            .await
            .unwrap(),
        TEXT,
        "a comment's version shows the text it was made on"
    );
}

#[tokio::test]
async fn a_suggestion_accepted_on_two_replicas_at_once_enters_the_text_once() {
    let (_da, a) = store().await;
    let (_db, b) = store().await;
    let (_dc, c) = store().await;
    let id = with_summary(&a).await;
    let (start, end) = at(TEXT, "Several");
    let suggest = ReviewAction::Suggest {
        start,
        end,
        insert: "Ten".into(),
        author: Some("Ana".into()),
    };
    act(&a, &id, suggest).await;
    exchange(&a, &b).await;
    let accept = ReviewAction::Accept {
        which: Which::All,
        author: None,
    };
    act(&a, &id, accept.clone()).await;
    act(&b, &id, accept).await;
    let once = "The Chair opened the meeting.\n\nTen delegations took the floor.\n";
    // A third replica hears of both acceptances at once; the two that accepted, of each other's.
    exchange(&a, &c).await;
    exchange(&b, &c).await;
    exchange(&a, &b).await;
    exchange(&a, &c).await;
    for s in [&a, &b, &c] {
        assert_eq!(s.doc_get(&id, Summary, 0).await.unwrap(), once);
    }
    // Editing after the repair keeps it: nothing is deleted twice.
    a.doc_set(&id, Summary, 0, &once.replace("Ten", "Eleven"))
        .await
        .unwrap();
    exchange(&a, &b).await;
    exchange(&b, &c).await;
    let eleven = once.replace("Ten", "Eleven");
    for s in [&a, &b, &c] {
        assert_eq!(s.doc_get(&id, Summary, 0).await.unwrap(), eleven);
    }
}
