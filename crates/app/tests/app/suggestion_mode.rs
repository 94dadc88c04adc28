//! Suggestion mode through the facade (`App::review_suggest_text`), as the window uses it: a proposal saved
//! again and again while its author types, against a base that may differ from the stored text.

use rapporteur_app::{
    App, DocumentKind, Proposal, ProposedText, ReviewAction, SuggestionState, Which,
};

use crate::support::{app, example};

const SUMMARY: DocumentKind = DocumentKind::Summary;

async fn propose(app: &App, id: &str, base: &str, text: &str, replaces: &[String]) -> Proposal {
    let proposed = ProposedText {
        base: Some(base.to_owned()),
        text: text.to_owned(),
        replaces: replaces.to_vec(),
        author: Some("Ana".into()),
    };
    app.review_suggest_text(id, SUMMARY, 0, &proposed)
        .await
        .unwrap()
}

async fn accept_all(app: &App, id: &str) {
    let accept = ReviewAction::Accept {
        which: Which::All,
        author: None,
    };
    app.review_apply(id, SUMMARY, 0, &[accept]).await.unwrap();
}

fn states(p: &Proposal) -> Vec<(SuggestionState, &str, &str)> {
    p.review
        .suggestions
        .iter()
        .map(|s| (s.state, s.insert.as_str(), s.author.as_str()))
        .collect()
}

#[tokio::test]
async fn each_save_of_a_proposal_replaces_the_last_and_accepting_all_gives_what_was_typed() {
    let (_dir, app) = app().await;
    let id = example(&app).await;
    let text = "The meeting opened.\n\nIt closed.\n";
    app.doc_set(&id, SUMMARY, 0, text).await.unwrap();

    let first = propose(&app, &id, text, "The meeting opened late.\n\nIt clo", &[]).await;
    assert_eq!(first.suggestions.len(), 2, "{:?}", states(&first));
    let second = propose(
        &app,
        &id,
        text,
        "The meeting opened late.\n\nIt closed at noon.\n",
        &first.suggestions,
    )
    .await;
    assert_eq!(app.doc_get(&id, SUMMARY, 0).await.unwrap(), text);
    let open: Vec<_> = states(&second)
        .into_iter()
        .filter(|s| s.0 == SuggestionState::Open)
        .collect();
    assert_eq!(
        open,
        [
            (SuggestionState::Open, "opened late.", "Ana"),
            (SuggestionState::Open, "closed at noon.", "Ana")
        ]
    );
    assert_eq!(second.suggestions.len(), 2);
    let late = first
        .review
        .suggestions
        .iter()
        .find(|s| s.insert == "opened late.")
        .unwrap();
    assert!(
        second.suggestions.contains(&late.id),
        "the suggestion still wanted is kept"
    );
    assert_eq!(
        second.review.suggestions.len(),
        3,
        "the one typed over is withdrawn, not lost"
    );

    accept_all(&app, &id).await;
    assert_eq!(
        app.doc_get(&id, SUMMARY, 0).await.unwrap(),
        "The meeting opened late.\n\nIt closed at noon.\n"
    );
}

#[tokio::test]
async fn a_proposal_lands_on_a_text_that_moved_on_since_it_began() {
    let (_dir, app) = app().await;
    let id = example(&app).await;
    let base = "First point.\n\nSecond point.\n";
    app.doc_set(
        &id,
        SUMMARY,
        0,
        "Zeroth point.\n\nFirst point.\n\nSecond point.\n",
    )
    .await
    .unwrap();
    let p = propose(
        &app,
        &id,
        base,
        "First point.\n\nSecond and last point.\n",
        &[],
    )
    .await;
    assert_eq!(p.suggestions.len(), 1);
    accept_all(&app, &id).await;
    assert_eq!(
        app.doc_get(&id, SUMMARY, 0).await.unwrap(),
        "Zeroth point.\n\nFirst point.\n\nSecond and last point.\n",
        "the colleague's paragraph and the suggestion both stand"
    );
}
