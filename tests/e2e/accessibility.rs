//! axe-core's WCAG 2.1 A and AA rules on every screen and dialog of the real window, in the light and dark
//! themes, in English and in Arabic (right to left). The test fails listing each violation: the screen, the
//! rule, the element's selector and what is wrong. Confirmation questions and file pickers are native dialogs
//! (outside the page), so axe cannot see them.

use serde_json::json;

use crate::axe::Violation;
use crate::harness::{App, Driver, Res, run};
use crate::screens::choose;

const TITLE: &str = "Informal consultation on the draft resolution";

/// A meeting with something on every tab: a delegation, a speaker who has the floor, an action item, a
/// summary paragraph and a private note.
async fn meeting_with_content(app: &App) -> Res {
    app.new_meeting(TITLE).await?;
    app.settle().await?;
    app.open_meeting(TITLE).await?;
    app.tab("attendance").await?;
    app.type_into("[data-testid=free-name]", "Amnesty International")
        .await?;
    app.click("[data-testid=free-add]").await?;
    app.until_count("[data-testid=delegation-row]", 1).await?;
    app.tab("speakers").await?;
    app.add_speaker("Ghan").await?;
    app.until_count("[data-testid=speaker-row]", 1).await?;
    app.click("[data-testid=give-floor]").await?;
    app.wait_for("[data-testid=floor-speaker]").await?;
    app.tab("actions").await?;
    app.add_action("Chair", "Secretariat", "Circulate the draft")
        .await?;
    app.until_count("[data-testid=action-row]", 1).await?;
    app.tab("notes").await?;
    app.type_into("[data-testid=notes-meeting]", "Ask for the figures.")
        .await?;
    app.tab("documents").await?;
    app.type_into("[data-testid=editor]", "The Chair opened the meeting.")
        .await?;
    app.settle().await
}

/// The interface languages and themes every screen is checked in (English and Arabic, right to left).
const LOOKS: [(&str, &str); 4] = [
    ("en", "light"),
    ("en", "dark"),
    ("ar", "light"),
    ("ar", "dark"),
];

/// Sets the interface language and the theme in Settings and waits until the window shows them.
async fn set_look(app: &App, lang: &str, theme: &str) -> Res {
    app.click("[data-testid=open-settings]").await?;
    choose(app, "ui-language", lang).await?;
    app.click(&format!("[data-testid=theme-{theme}]")).await?;
    until_look(app, lang, theme).await
}

/// Waits until the window shows `lang` and `theme`.
async fn until_look(app: &App, lang: &str, theme: &str) -> Res {
    app.until(
        &format!("the window is in {lang}, {theme}"),
        "const r = document.documentElement; return r.lang === arguments[0] && r.dataset.theme === arguments[1];",
        vec![json!(lang), json!(theme)],
    )
    .await
}

/// Every screen and dialog once, with axe-core run on each; returns what it found.
async fn check_every_screen(app: &App, look: &str) -> Res<Vec<Violation>> {
    let mut found = Vec::new();
    let at = |screen: &str| format!("{look} {screen}");
    app.wait_for("[data-testid=settings]").await?;
    found.extend(app.axe(&at("settings")).await?);
    app.click("[data-testid=open-tracker]").await?;
    app.wait_for("[data-testid=tracker-list] [data-testid=action-row]")
        .await?;
    found.extend(app.axe(&at("tracker")).await?);
    app.click("[data-testid=open-help]").await?;
    app.wait_for("[data-testid=help]").await?;
    found.extend(app.axe(&at("help dialog")).await?);
    app.click("[data-testid=help] .dialog-header button")
        .await?;
    app.until(
        "the help closes",
        "return !document.querySelector('[data-testid=help]');",
        vec![],
    )
    .await?;

    app.open_meeting(TITLE).await?;
    for tab in [
        "overview",
        "attendance",
        "speakers",
        "actions",
        "notes",
        "documents",
        "export",
    ] {
        app.tab(tab).await?;
        if tab == "attendance" {
            app.wait_for("[data-testid=delegation-row]").await?;
        }
        if tab == "speakers" {
            // The speaker's notes panel opens on the selected row.
            app.click("[data-testid=speaker-row] .row-name").await?;
            app.wait_for("[data-testid=intervention-detail]").await?;
        }
        if tab == "documents" {
            // The draft preview is open beside the editor by default.
            app.wait_for("[data-testid=preview-body]").await?;
        }
        if tab == "export" {
            app.until(
                "the preview has settled",
                "return !document.querySelector('[data-testid=preview-busy]') && \
                 !!document.querySelector('[data-testid=export-preview], [data-testid=preview-none], [data-testid=preview-error]');",
                vec![],
            )
            .await?;
        }
        found.extend(app.axe(&at(tab)).await?);
        if tab == "documents" {
            app.click("[data-testid=toggle-history]").await?;
            app.wait_for("[data-testid=history-version]").await?;
            found.extend(app.axe(&at("documents history")).await?);
            app.click("[data-testid=toggle-review]").await?;
            app.wait_for("[data-testid=review-panel]").await?;
            found.extend(app.axe(&at("documents comments")).await?);
        }
    }
    Ok(found)
}

#[test]
fn no_wcag_violations_on_any_screen_in_either_theme_or_direction() {
    run(async {
        let driver = Driver::start().await?;
        let mut app = driver.launch().await?;
        // The first screen, before any meeting, in each look: the look is a setting, so each is set, and the
        // window started again to show the empty screen in it.
        let mut found = Vec::new();
        for (i, (lang, theme)) in LOOKS.into_iter().enumerate() {
            if i > 0 {
                set_look(&app, lang, theme).await?;
                app.quit().await?;
                app = driver.launch().await?;
                until_look(&app, lang, theme).await?;
            }
            app.wait_for("[data-testid=empty]").await?;
            found.extend(app.axe(&format!("{lang} {theme}: no meeting")).await?);
        }
        meeting_with_content(&app).await?;
        for (lang, theme) in LOOKS {
            set_look(&app, lang, theme).await?;
            found.extend(check_every_screen(&app, &format!("{lang} {theme}:")).await?);
        }
        app.quit().await?;
        let list: Vec<String> = found.iter().map(ToString::to_string).collect();
        assert!(
            found.is_empty(),
            "{} WCAG 2.1 A/AA violations:\n{}",
            found.len(),
            list.join("\n")
        );
        Ok(())
    });
}

/// The speaking time: the visible timer ticks every second but is not read out (`role=timer`); the live region
/// says the whole minutes once each. The page's clock is moved on by a minute, as a fake clock would be in a
/// unit test, rather than waiting one.
#[test]
fn the_speaking_time_is_announced_once_a_minute_not_as_it_ticks() {
    run(async {
        let driver = Driver::start().await?;
        let app = driver.launch().await?;
        app.new_meeting(TITLE).await?;
        app.settle().await?;
        app.open_meeting(TITLE).await?;
        app.tab("speakers").await?;
        app.add_speaker("Ghan").await?;
        app.until_count("[data-testid=speaker-row]", 1).await?;
        app.click("[data-testid=give-floor]").await?;
        app.wait_for("[data-testid=timer]").await?;
        let roles = app
            .js(
                "const timer = document.querySelector('[data-testid=timer]'); \
                 const live = document.querySelector('[data-testid=timer-announce]'); \
                 window.__ticks = 0; window.__said = []; \
                 const watch = { subtree: true, characterData: true, childList: true }; \
                 new MutationObserver(() => window.__ticks++).observe(timer, watch); \
                 new MutationObserver(() => window.__said.push(live.textContent.trim())).observe(live, watch); \
                 return [timer.getAttribute('role'), timer.getAttribute('aria-live'), live.getAttribute('aria-live')];",
                vec![],
            )
            .await?;
        assert_eq!(roles, json!(["timer", null, "polite"]));
        app.until(
            "the timer ticked three times",
            "return window.__ticks >= 3;",
            vec![],
        )
        .await?;
        let said = app.js("return window.__said;", vec![]).await?;
        assert_eq!(said, json!([]), "nothing is announced as the seconds tick");

        app.js(
            "const real = Date.now.bind(Date); Date.now = () => real() + 60000; return true;",
            vec![],
        )
        .await?;
        app.until(
            "the first minute is announced",
            "return window.__said.length > 0;",
            vec![],
        )
        .await?;
        let ticks = app.js("return window.__ticks;", vec![]).await?;
        app.until(
            "the timer ticked three more times",
            "return window.__ticks >= arguments[0] + 3;",
            vec![ticks],
        )
        .await?;
        let said = app.js("return window.__said;", vec![]).await?;
        assert_eq!(
            said,
            json!(["1 minute of speaking time"]),
            "one announcement for the minute, none for the seconds"
        );
        app.quit().await
    });
}
