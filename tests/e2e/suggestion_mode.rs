//! Suggestion mode in the real window: a sentence typed normally is saved; with suggestion mode on, what is
//! typed at full speed, in two bursts, is recorded as suggestions by this replica and the stored text stays
//! as it was (turning the mode off shows it); accepting all makes the text what was typed. After the app has
//! quit, the facade reads back the same: every suggestion decided, the accepted ones by their author. The
//! document's history tells the edit, the suggestions and their acceptance apart.

use rapporteur_app::{DocumentKind, SuggestionState};

use crate::clearance::{editor_end, editor_has, summary_typed};
use crate::harness::{Driver, run};

const TITLE: &str = "Suggestions on a summary";
const SENTENCE: &str = "The Chair opened the sitting.";
const FIRST: &str = " Ten delegations";
const SECOND: &str = " took the floor.";

#[test]
fn suggestion_mode_records_typing_as_suggestions_until_accepted() {
    run(async {
        let driver = Driver::start().await?;
        let app = summary_typed(&driver, TITLE, SENTENCE).await?;

        app.click("[data-testid=suggest-mode]").await?;
        app.wait_for("[data-testid=suggesting-note]").await?;
        app.wait_for("[data-testid=review-panel]").await?;
        editor_end(&app).await?;
        app.type_keys(FIRST).await?;
        app.settle().await?;
        app.until_count("[data-testid=review-suggestion]", 1)
            .await?;
        app.type_keys(SECOND).await?;
        app.settle().await?;
        app.until(
            "the suggestion stands for the whole proposal",
            "const s = [...document.querySelectorAll('[data-testid=review-suggestion]')]; return s.length === 1 && s[0].textContent.includes(arguments[0]);",
            vec![serde_json::json!(SECOND.trim())],
        )
        .await?;
        let listed = app.texts("[data-testid=review-suggestion]").await?;
        app.screenshot("suggestion-mode").await?;

        // Off again: the editor shows the stored text, which has none of what was typed.
        app.click("[data-testid=suggest-mode]").await?;
        app.until_count("[data-testid=suggesting-note]", 0).await?;
        editor_has(&app, "the stored text is shown", SENTENCE).await?;
        let shown = app.texts("[data-testid=editor]").await?;
        assert!(
            !shown[0].contains("delegations"),
            "the stored text is unchanged: {shown:?}"
        );

        app.click("[data-testid=review-accept-all]").await?;
        app.until_count("[data-testid=review-suggestion]", 0)
            .await?;
        let typed = format!("{SENTENCE}{FIRST}{SECOND}");
        editor_has(&app, "the accepted text is what was typed", &typed).await?;
        // The history tells the typing, the suggestions and their acceptance apart.
        app.click("[data-testid=toggle-history]").await?;
        app.until(
            "the history lists an edit, suggestions and an accepted one",
            "const k = [...document.querySelectorAll('[data-testid=history-change]')].map(e => e.textContent.trim()); return ['edit', 'suggestion', 'suggestion accepted'].every(x => k.includes(x));",
            vec![],
        )
        .await?;
        assert_eq!(app.count("[data-testid=toast-error]").await?, 0);
        app.quit().await?;

        let facade = rapporteur_app::App::open(driver.data_dir()).await?;
        let me = facade.replica().await?.name;
        assert!(
            listed[0].contains(&me),
            "the suggestion is listed with its author {me:?}: {listed:?}"
        );
        let id = facade.list_meetings().await?[0].id.clone();
        let text = facade.doc_get(&id, DocumentKind::Summary, 0).await?;
        assert_eq!(text.trim_end(), typed);
        let review = facade.review(&id, DocumentKind::Summary, 0).await?;
        assert!(
            review
                .suggestions
                .iter()
                .all(|s| s.author == me && s.state != SuggestionState::Open),
            "{:?}",
            review.suggestions
        );
        assert_eq!(
            review
                .suggestions
                .iter()
                .filter(|s| s.state == SuggestionState::Accepted)
                .count(),
            1
        );
        Ok(())
    });
}
