//! Drafting in the real window: a meeting where two delegations took the floor; the preview beside the
//! summary editor drafts from the record; "Refresh generated sections" writes the sections into the summary;
//! a paragraph typed by hand outside them survives a second refresh without any question (the editor's
//! rewrite of the Markdown is not a hand edit); the history grows, shows the difference and restores an
//! earlier version into the editor; a statement is marked delivered, and that survives a restart.

use fantoccini::key::Key;
use serde_json::json;

use crate::harness::{App, Driver, Res, run};

const TITLE: &str = "Briefing on drafting";
const HAND: &str = "The Chair thanked the interpreters.";
const SPEAKER: &str = "Ambassador of Ghana";
const FLOOR: &str = "took the floor: France and Ghana.";

fn key(k: Key) -> String {
    char::from(k).to_string()
}

/// Adds a delegation through a search-as-you-type picker and waits for the row.
async fn pick(app: &App, input: &str, options: &str, typed: &str, name: &str) -> Res {
    app.type_into(input, typed).await?;
    app.until(
        &format!("{name} is suggested"),
        "const o = document.querySelector(arguments[0]); return !!o && o.textContent.includes(arguments[1]);",
        vec![json!(format!("{options} button")), json!(name)],
    )
    .await?;
    app.find(input).await?.send_keys(&key(Key::Enter)).await?;
    Ok(())
}

async fn editor_has(app: &App, what: &str, text: &str, present: bool) -> Res {
    app.until(
        what,
        "const e = document.querySelector('[data-testid=editor]'); return !!e && e.textContent.includes(arguments[0]) === arguments[1];",
        vec![json!(text), json!(present)],
    )
    .await
}

async fn versions(app: &App) -> Res<Vec<String>> {
    let v = app
        .js(
            "return [...document.querySelectorAll('[data-testid=history-version]')].map(e => e.dataset.version);",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(v)?)
}

async fn regenerate(app: &App) -> Res {
    app.click("[data-testid=regenerate]").await?;
    // A question about hand-edited sections would be a native dialog, and the button would stay busy.
    app.until(
        "the refresh finished without asking",
        "const b = document.querySelector('[data-testid=regenerate]'); return !!b && b.dataset.busy === 'false';",
        vec![],
    )
    .await
}

#[test]
fn preview_history_and_delivered_statements() {
    run(async {
        let driver = Driver::start().await?;
        let app = driver.launch().await?;

        app.new_meeting(TITLE).await?;
        app.settle().await?;

        app.tab("attendance").await?;
        for (n, (typed, name)) in [("Fran", "France"), ("Ghan", "Ghana")].iter().enumerate() {
            pick(
                &app,
                "[data-testid=add-state]",
                "[data-testid=add-state-options]",
                typed,
                name,
            )
            .await?;
            app.until_count("[data-testid=delegation-row]", n + 1)
                .await?;
        }
        app.tab("speakers").await?;
        for (n, (typed, name)) in [("Ghan", "Ghana"), ("Fran", "France")].iter().enumerate() {
            pick(
                &app,
                "[data-testid=add-speaker]",
                "[data-testid=add-speaker-options]",
                typed,
                name,
            )
            .await?;
            app.until_count("[data-testid=speaker-row]", n + 1).await?;
        }

        // The preview drafts from the record: both delegations, States in UN order.
        app.tab("documents").await?;
        app.until(
            "the preview names both delegations",
            "const p = document.querySelector('[data-testid=preview-body]'); return !!p && p.textContent.includes(arguments[0]) && p.textContent.includes(arguments[1]);",
            vec![json!(FLOOR), json!(TITLE)],
        )
        .await?;
        app.screenshot("documents-preview").await?;

        // Refresh: the generated sections land in the summary.
        regenerate(&app).await?;
        editor_has(&app, "the summary has the sections", FLOOR, true).await?;

        app.click("[data-testid=toggle-history]").await?;
        app.wait_for("[data-testid=history-version]").await?;
        let before = versions(&app).await?;
        let generated = before[0].clone();

        // A paragraph by hand, above the first generated section: Ctrl+Home goes into the heading, Left
        // selects the section's marker, Left again leaves a cursor before it.
        app.click("[data-testid=editor] h1").await?;
        let to_top = format!("{}{}{}", key(Key::Control), key(Key::Home), key(Key::Null));
        let editor = app.find("[data-testid=editor]").await?;
        editor.send_keys(&to_top).await?;
        editor.send_keys(&key(Key::Left)).await?;
        editor.send_keys(&key(Key::Left)).await?;
        editor.send_keys(HAND).await?;
        app.settle().await?;
        app.until(
            "the paragraph is its own, before the sections",
            "const p = document.querySelector('[data-testid=editor] > p'); return !!p && p.textContent === arguments[0] && !p.previousElementSibling;",
            vec![json!(HAND)],
        )
        .await?;
        app.until(
            "the history grew",
            "return document.querySelectorAll('[data-testid=history-version]').length > arguments[0];",
            vec![json!(before.len())],
        )
        .await?;

        // Refreshing again asks nothing and keeps the paragraph: the editor's Markdown is not a hand edit.
        regenerate(&app).await?;
        editor_has(&app, "the hand-written paragraph stays", HAND, true).await?;
        editor_has(&app, "the sections stay", FLOOR, true).await?;
        assert_eq!(app.count("[data-testid=toast-error]").await?, 0);

        // The difference between the generated version and now is the paragraph.
        app.until(
            "the history lists the newest version",
            "const r = document.querySelectorAll('[data-testid=history-version]'); return r.length > 1 && r[0].dataset.version !== arguments[0];",
            vec![json!(generated)],
        )
        .await?;
        let row = |v: &str| format!("[data-testid=history-version][data-version=\"{v}\"]");
        app.click(&format!("{} [data-testid=history-pick]", row(&generated)))
            .await?;
        app.js(
            "document.querySelector('[data-testid=history-pick]').click();",
            vec![],
        )
        .await?;
        app.click("[data-testid=history-compare]").await?;
        app.until(
            "the diff shows the paragraph added",
            "const a = [...document.querySelectorAll('[data-testid=history-diff] [data-kind=add]')]; return a.some(l => l.textContent.includes(arguments[0]));",
            vec![json!(HAND)],
        )
        .await?;
        let removed = app
            .texts("[data-testid=history-diff] [data-kind=del]")
            .await?;
        assert!(
            removed.is_empty(),
            "nothing generated was rewritten: {removed:?}"
        );
        app.screenshot("history").await?;

        // Restore the version the refresh wrote: the editor shows it, as a new version.
        // The list may still be catching up with the refresh above: what it held is told apart by id, not
        // counted.
        let known = versions(&app).await?;
        app.click(&format!("{} [data-testid=history-view]", row(&generated)))
            .await?;
        app.wait_for("[data-testid=history-text]").await?;
        app.click("[data-testid=history-restore]").await?;
        editor_has(&app, "the paragraph is gone after restoring", HAND, false).await?;
        editor_has(&app, "the restored version has the sections", FLOOR, true).await?;
        app.until(
            "the restore is the newest version",
            "const r = document.querySelector('[data-testid=history-version]'); if (!r) return false; \
             const c = r.querySelector('[data-testid=history-change]'); \
             return !arguments[0].includes(r.dataset.version) && !!c && c.textContent.trim() === 'restore';",
            vec![json!(known)],
        )
        .await?;

        // A statement, delivered by its speaker on the meeting's date (a new meeting is dated today).
        app.click("[data-testid=add-statement]").await?;
        app.type_into("[data-testid=statement-speaker]", SPEAKER)
            .await?;
        app.click("[data-testid=mark-delivered]").await?;
        let today = app
            .js("const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;", vec![])
            .await?;
        check_delivered(&app, &today).await?;
        app.screenshot("statement-delivered").await?;
        app.quit().await?;

        let app = driver.launch().await?;
        app.until_count("[data-testid=meeting-row]", 1).await?;
        app.click("[data-testid=meeting-row]").await?;
        app.tab("documents").await?;
        editor_has(&app, "the restored summary is back", FLOOR, true).await?;
        editor_has(&app, "without the paragraph", HAND, false).await?;
        app.click("[data-testid=doc-statement]").await?;
        check_delivered(&app, &today).await?;
        app.quit().await?;
        Ok(())
    });
}

async fn check_delivered(app: &App, today: &serde_json::Value) -> Res {
    app.until(
        "the statement shows as delivered by its speaker",
        "const s = document.querySelector('[data-testid=doc-statement-status]'); return !!s && s.textContent.startsWith('Delivered on ') && s.textContent.endsWith(' by ' + arguments[0]);",
        vec![json!(SPEAKER)],
    )
    .await?;
    app.until(
        "the delivery date is today",
        "const d = document.querySelector('[data-testid=statement-delivered-on]'); return !!d && d.dataset.iso === arguments[0];",
        vec![today.clone()],
    )
    .await
}
