//! Reordering the speakers list in the real window, by drag and drop and by keyboard (Alt+↓), and the new
//! order surviving a restart, which proves it went through the backend.
//!
//! WebKitWebDriver's pointer actions do not start HTML5 drag and drop, so the test dispatches the events a
//! drag produces (dragstart, dragenter, dragover, drop, dragend, sharing one DataTransfer) on the real rows.

use fantoccini::key::Key;
use serde_json::json;

use crate::harness::{App, Res, run};

const FIXTURE: &str = include_str!("../fixtures/network-briefing-2019-12-12.json");

async fn speakers(app: &App) -> Res<Vec<String>> {
    app.texts("[data-testid=speaker-row] .row-name").await
}

/// Drags row `from` onto row `to` (indices among the rendered rows).
async fn drag(app: &App, from: usize, to: usize) -> Res {
    app.js(
        "const rows = document.querySelectorAll('[data-testid=speaker-row]'); \
         const [src, dst] = [rows[arguments[0]], rows[arguments[1]]]; \
         const data = new DataTransfer(); \
         const fire = (el, type) => el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data })); \
         fire(src, 'dragstart'); fire(dst, 'dragenter'); fire(dst, 'dragover'); fire(dst, 'drop'); fire(src, 'dragend');",
        vec![json!(from), json!(to)],
    )
    .await?;
    Ok(())
}

async fn until_order(app: &App, what: &str, order: &[&str]) -> Res {
    app.until(
        what,
        "const r = [...document.querySelectorAll('[data-testid=speaker-row] .row-name')].map(e => e.textContent); \
         return JSON.stringify(r.slice(0, arguments[0].length)) === JSON.stringify(arguments[0]);",
        vec![json!(order)],
    )
    .await
}

#[test]
fn speakers_reorder_by_drag_and_by_keyboard() {
    run(async {
        let driver = crate::harness::Driver::start().await?;
        driver.import("briefing.json", FIXTURE.as_bytes()).await?;
        let app = driver.launch().await?;
        app.until_count("[data-testid=meeting-row]", 1).await?;
        app.click("[data-testid=meeting-row]").await?;
        app.tab("speakers").await?;
        until_order(
            &app,
            "the imported order",
            &["Ecuador", "Germany", "Haiti", "Mexico", "Morocco"],
        )
        .await?;

        // Ecuador, first, dropped on Mexico, fourth: Ecuador now speaks fourth.
        drag(&app, 0, 3).await?;
        until_order(
            &app,
            "Ecuador moved down by drag",
            &["Germany", "Haiti", "Mexico", "Ecuador", "Morocco"],
        )
        .await?;
        // And back up: Morocco, fifth, dropped on Germany, first.
        drag(&app, 4, 0).await?;
        until_order(
            &app,
            "Morocco moved up by drag",
            &["Morocco", "Germany", "Haiti", "Mexico", "Ecuador"],
        )
        .await?;

        // Keyboard: Haiti, selected, moves down one place with Alt+↓.
        app.js(
            "document.querySelectorAll('[data-testid=speaker-row]')[2].click();",
            vec![],
        )
        .await?;
        let alt_down = [Key::Alt, Key::Down, Key::Null].map(char::from);
        app.find("[data-testid=speakers-list]")
            .await?
            .send_keys(&String::from_iter(alt_down))
            .await?;
        let expected = ["Morocco", "Germany", "Mexico", "Haiti", "Ecuador"];
        until_order(&app, "Haiti moved down by keyboard", &expected).await?;
        let numbers = app.texts("[data-testid=speaker-row] .order").await?;
        assert_eq!(numbers[..5], ["1", "2", "3", "4", "5"], "renumbered");
        app.quit().await?;

        // The order was stored.
        let app = driver.launch().await?;
        app.until_count("[data-testid=meeting-row]", 1).await?;
        app.click("[data-testid=meeting-row]").await?;
        app.tab("speakers").await?;
        until_order(&app, "the new order after a restart", &expected).await?;
        let all = speakers(&app).await?;
        assert_eq!(all.len(), 10, "no speaker lost or duplicated: {all:?}");
        app.quit().await?;
        Ok(())
    });
}
