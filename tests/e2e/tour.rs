//! Every screen with the interface in Arabic, Chinese and Russian: the example meeting opened, its document
//! language set to the same language and its summary drafted, then each view, the draft's preview and
//! history, the export preview, the action tracker, Settings and Help. Each screen is checked to be in the
//! language (the root's `lang`, and the drafted date in the language's UN form) and photographed as
//! `target/e2e-screenshots/<lang>-<screen>.png`; `docs/screenshots/<lang>/` keeps a copy of them.

use serde_json::json;

use crate::harness::{App, Driver, Res, run};
use crate::screens::choose;

const TITLE: &str = "Network Briefing to Member States";

/// The interface language, and the date of the briefing in that language's UN form.
const LANGUAGES: [(&str, &str); 3] = [
    ("ar", "12 كانون الأول/ديسمبر 2019"),
    ("zh", "2019年12月12日"),
    ("ru", "12 декабря 2019 года"),
];

/// Waits until every view of the meeting, and the panels, have painted, then photographs the screen.
async fn shot(app: &App, lang: &str, screen: &str) -> Res {
    app.until(
        &format!("the window is in {lang}"),
        "return document.documentElement.lang === arguments[0];",
        vec![json!(lang)],
    )
    .await?;
    app.settle().await?;
    app.screenshot(&format!("{lang}-{screen}")).await
}

async fn tour(app: &App, lang: &str, date: &str) -> Res {
    app.click("[data-testid=open-settings]").await?;
    choose(app, "ui-language", lang).await?;
    app.open_meeting(TITLE).await?;
    app.tab("overview").await?;
    choose(app, "overview-language", lang).await?;
    shot(app, lang, "overview").await?;
    for view in ["attendance", "speakers", "actions", "notes"] {
        app.tab(view).await?;
        shot(app, lang, view).await?;
    }

    app.tab("documents").await?;
    app.click("[data-testid=regenerate]").await?;
    app.until(
        &format!("the summary is drafted in {lang}"),
        "const e = document.querySelector('[data-testid=editor]'); return !!e && e.textContent.includes(arguments[0]);",
        vec![json!(date)],
    )
    .await?;
    shot(app, lang, "summary").await?;
    // The preview stays open once opened; open it if it is not.
    app.js(
        "const b = document.querySelector('[data-testid=toggle-preview]'); if (b.getAttribute('aria-pressed') !== 'true') b.click();",
        vec![],
    )
    .await?;
    app.wait_for("[data-testid=preview-body]").await?;
    shot(app, lang, "documents-preview").await?;
    app.click("[data-testid=toggle-history]").await?;
    app.wait_for("[data-testid=history-version]").await?;
    shot(app, lang, "history").await?;
    app.click("[data-testid=toggle-review]").await?;
    app.wait_for("[data-testid=review-panel]").await?;
    shot(app, lang, "comments").await?;

    app.tab("export").await?;
    app.until(
        "page 1 is previewed",
        "const i = document.querySelector('[data-testid=export-preview]'); \
         return !!i && i.complete && i.naturalWidth > 0 && !document.querySelector('[data-testid=preview-busy]');",
        vec![],
    )
    .await?;
    shot(app, lang, "export").await?;

    app.click("[data-testid=open-tracker]").await?;
    app.wait_for("[data-testid=tracker-list]").await?;
    shot(app, lang, "tracker").await?;
    app.click("[data-testid=open-settings]").await?;
    app.wait_for("[data-testid=settings]").await?;
    shot(app, lang, "settings").await?;
    app.click("[data-testid=open-help]").await?;
    app.wait_for("[data-testid=help]").await?;
    shot(app, lang, "help").await?;
    app.click("[data-testid=help] .dialog-header button")
        .await?;
    app.until_count("[data-testid=help]", 0).await
}

#[test]
fn every_screen_in_arabic_chinese_and_russian() {
    run(async {
        let driver = Driver::start().await?;
        let app = driver.launch().await?;
        app.click("[data-testid=open-example]").await?;
        // The app opens the example itself; clicking its row as well would race that opening.
        app.until(
            "the example meeting is open",
            "const h = document.querySelector('[data-testid=meeting-title]'); return !!h && h.textContent.trim() === arguments[0];",
            vec![json!(TITLE)],
        )
        .await?;
        for (lang, date) in LANGUAGES {
            tour(&app, lang, date).await?;
        }
        app.quit().await
    })
}
