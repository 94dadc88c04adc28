//! Clearance in the real window: a sentence typed into the summary, a comment on words selected with the
//! keyboard (marked in the editor), a suggestion replacing them, accepted from the comments panel; the text
//! moved step by step to final, where the editor is read-only and typing changes nothing; reopened, editable
//! again. After the app has quit, the facade reads back the same review: the comment, the accepted
//! suggestion, every step.

use fantoccini::key::Key;
use rapporteur_app::{DocumentKind, ReviewEventKind, ReviewStatus, SuggestionState};
use serde_json::json;

use crate::harness::{App, Driver, Res, run};

const TITLE: &str = "Clearance of a summary";
const SENTENCE: &str = "The Chair opened the sitting.";
const COMMENT: &str = "Which sitting?";

fn key(k: Key) -> String {
    char::from(k).to_string()
}

pub(crate) async fn editor_has(app: &App, what: &str, text: &str) -> Res {
    app.until(
        what,
        "const e = document.querySelector('[data-testid=editor]'); return !!e && e.textContent.includes(arguments[0]);",
        vec![json!(text)],
    )
    .await
}

async fn status_is(app: &App, status: &str) -> Res {
    app.until(
        &format!("the status is {status}"),
        "const e = document.querySelector('[data-testid=review-status]'); return !!e && e.dataset.status === arguments[0];",
        vec![json!(status)],
    )
    .await
}

async fn editable_is(app: &App, editable: bool) -> Res {
    app.until(
        &format!("the editor is editable: {editable}"),
        "const e = document.querySelector('[data-testid=editor]'); return !!e && e.isContentEditable === arguments[0];",
        vec![json!(editable)],
    )
    .await
}

/// Selects the word before the final full stop of the summary with Shift+Left, as a person would.
async fn select_last_word(app: &App, word: &str) -> Res {
    let editor = app.find("[data-testid=editor]").await?;
    let to_end = format!("{}{}{}", key(Key::Control), key(Key::End), key(Key::Null));
    editor.send_keys(&to_end).await?;
    editor.send_keys(&key(Key::Left)).await?;
    let back = key(Key::Left).repeat(word.chars().count());
    editor
        .send_keys(&format!("{}{back}{}", key(Key::Shift), key(Key::Null)))
        .await?;
    app.until(
        "the word is selected",
        "return String(window.getSelection()) === arguments[0];",
        vec![json!(word)],
    )
    .await
}

/// Puts the cursor at the end of the editor's text.
pub(crate) async fn editor_end(app: &App) -> Res {
    app.click("[data-testid=editor]").await?;
    let editor = app.find("[data-testid=editor]").await?;
    let to_end = format!("{}{}{}", key(Key::Control), key(Key::End), key(Key::Null));
    editor.send_keys(&to_end).await?;
    Ok(())
}

/// The window on a new meeting's summary, with `sentence` typed into it and saved.
pub(crate) async fn summary_typed(driver: &Driver, title: &str, sentence: &str) -> Res<App> {
    let app = driver.launch().await?;
    app.new_meeting(title).await?;
    app.settle().await?;
    app.tab("documents").await?;
    editor_end(&app).await?;
    app.type_keys(sentence).await?;
    app.settle().await?;
    Ok(app)
}

#[test]
fn comment_suggest_accept_final_and_reopen() {
    run(async {
        let driver = Driver::start().await?;
        let app = summary_typed(&driver, TITLE, SENTENCE).await?;
        status_is(&app, "draft").await?;

        // A comment on the selected word.
        select_last_word(&app, "sitting").await?;
        app.click("[data-testid=toggle-review]").await?;
        app.type_into("[data-testid=review-comment-text]", COMMENT)
            .await?;
        app.click("[data-testid=review-comment-add]").await?;
        app.until_count("[data-testid=review-comment]", 1).await?;
        let comment = app.texts("[data-testid=review-comment]").await?;
        assert!(
            comment[0].contains(COMMENT) && comment[0].contains("sitting"),
            "the comment quotes its words: {comment:?}"
        );
        app.until_count("[data-testid=review-highlight-comment]", 1)
            .await?;
        let marked = app.texts("[data-testid=review-highlight-comment]").await?;
        assert_eq!(
            marked,
            ["sitting"],
            "the commented words are marked in the editor"
        );

        // A suggestion for the same words, accepted: the text changes.
        select_last_word(&app, "sitting").await?;
        app.type_into("[data-testid=review-suggest-text]", "meeting")
            .await?;
        app.click("[data-testid=review-suggest-add]").await?;
        app.until_count("[data-testid=review-suggestion]", 1)
            .await?;
        app.click("[data-testid=review-accept]").await?;
        app.until_count("[data-testid=review-suggestion]", 0)
            .await?;
        editor_has(
            &app,
            "the accepted suggestion is in the text",
            "opened the meeting.",
        )
        .await?;
        app.screenshot("clearance-panel").await?;

        // Step by step to final: the editor is read-only and says why.
        for status in ["for_clearance", "cleared", "final"] {
            app.click("[data-testid=review-next]").await?;
            status_is(&app, status).await?;
        }
        app.wait_for("[data-testid=review-locked]").await?;
        editable_is(&app, false).await?;
        app.click("[data-testid=editor]").await?;
        app.type_keys(" Typed while final.").await?;
        app.settle().await?;
        let text = app.texts("[data-testid=editor]").await?;
        assert!(
            !text[0].contains("Typed while final"),
            "a final text takes no typing: {text:?}"
        );
        assert_eq!(app.count("[data-testid=toast-error]").await?, 0);
        app.screenshot("clearance-final").await?;

        // Reopened: a draft again, editable.
        app.click("[data-testid=review-reopen]").await?;
        status_is(&app, "draft").await?;
        editable_is(&app, true).await?;
        assert_eq!(app.count("[data-testid=review-locked]").await?, 0);
        app.quit().await?;

        let facade = rapporteur_app::App::open(driver.data_dir()).await?;
        let id = facade.list_meetings().await?[0].id.clone();
        let review = facade.review(&id, DocumentKind::Summary, 0).await?;
        assert_eq!(review.status, ReviewStatus::Draft);
        assert_eq!(review.comments.len(), 1);
        assert_eq!(review.comments[0].text, COMMENT);
        assert_eq!(review.suggestions.len(), 1);
        assert_eq!(review.suggestions[0].state, SuggestionState::Accepted);
        assert_eq!(review.suggestions[0].insert, "meeting");
        let kinds: Vec<ReviewEventKind> = review.events.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [
                ReviewEventKind::Comment,
                ReviewEventKind::Suggestion,
                ReviewEventKind::SuggestionAccepted,
                ReviewEventKind::StatusChange,
                ReviewEventKind::StatusChange,
                ReviewEventKind::StatusChange,
                ReviewEventKind::Reopen,
            ]
        );
        let text = facade.doc_get(&id, DocumentKind::Summary, 0).await?;
        assert!(text.contains("The Chair opened the meeting."), "{text}");
        Ok(())
    });
}
