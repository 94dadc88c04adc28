//! Closing the window the normal way loses nothing: text typed a moment before the close, with its autosave
//! still waiting out the debounce, is written by the close-requested handler before the window goes. Each
//! field is typed and the window closed at once, in three sessions on the same data directory; a fourth
//! session checks every text. (`App::quit` closes the window as its close button does, through
//! `window_close`.)

use serde_json::json;

use crate::harness::{App, Driver, Res, run};

const SPOKEN: &str = "Kenya asked for the report before the break.";
const MEETING_NOTE: &str = "Closed right after typing this.";
const PRIVATE_ON_SPEAKER: &str = "Follow up with Kenya in private.";
const SUMMARY: &str = "The summary typed just before the window closed.";

async fn open_meeting(driver: &Driver) -> Res<App> {
    let app = driver.launch().await?;
    app.until_count("[data-testid=meeting-row]", 1).await?;
    app.click("[data-testid=meeting-row]").await?;
    app.wait_for("[data-testid=tab-speakers]").await?;
    Ok(app)
}

async fn select_first_speaker(app: &App) -> Res {
    app.until_count("[data-testid=speaker-row]", 1).await?;
    app.js(
        "document.querySelector('[data-testid=speaker-row]').click();",
        vec![],
    )
    .await?;
    app.wait_for("[data-testid=intervention-notes]").await?;
    Ok(())
}

#[test]
fn closing_the_window_flushes_pending_autosaves() {
    run(async {
        let driver = Driver::start().await?;

        // Session 1: a meeting with one speaker (saved), then what Kenya said, and close at once.
        let app = driver.launch().await?;
        app.click("[data-testid=new-meeting]").await?;
        app.tab("speakers").await?;
        app.add_speaker("Ken").await?;
        select_first_speaker(&app).await?;
        app.type_into("[data-testid=intervention-notes]", SPOKEN)
            .await?;
        app.quit().await?;

        // Session 2: the meeting's private notes and a private note on Kenya, both pending at the close.
        let app = open_meeting(&driver).await?;
        app.tab("notes").await?;
        app.until(
            "the notes are loaded",
            "const t = document.querySelector('[data-testid=notes-meeting]'); return !!t && !t.disabled;",
            vec![],
        )
        .await?;
        app.type_into("[data-testid=notes-meeting]", MEETING_NOTE)
            .await?;
        app.click("[data-testid=notes-speaker]").await?;
        app.until(
            "the note on Kenya is loaded",
            "const t = document.querySelector('[data-testid=notes-intervention]'); return !!t && !t.disabled;",
            vec![],
        )
        .await?;
        app.type_into("[data-testid=notes-intervention]", PRIVATE_ON_SPEAKER)
            .await?;
        app.quit().await?;

        // Session 3: a paragraph of summary.
        let app = open_meeting(&driver).await?;
        app.tab("documents").await?;
        app.type_into("[data-testid=editor]", SUMMARY).await?;
        app.quit().await?;

        // Session 4: everything is there.
        let app = open_meeting(&driver).await?;
        app.tab("speakers").await?;
        select_first_speaker(&app).await?;
        app.until("what Kenya said survived", "return document.querySelector('[data-testid=intervention-notes]').value === arguments[0];", vec![json!(SPOKEN)]).await?;
        app.tab("notes").await?;
        app.until("the meeting's notes survived", "const t = document.querySelector('[data-testid=notes-meeting]'); return !!t && t.value === arguments[0];", vec![json!(MEETING_NOTE)]).await?;
        app.click("[data-testid=notes-speaker]").await?;
        app.until("the note on Kenya survived", "const t = document.querySelector('[data-testid=notes-intervention]'); return !!t && t.value === arguments[0];", vec![json!(PRIVATE_ON_SPEAKER)]).await?;
        app.tab("documents").await?;
        app.until("the summary survived", "const e = document.querySelector('[data-testid=editor]'); return !!e && e.textContent.includes(arguments[0]);", vec![json!(SUMMARY)]).await?;
        app.quit().await?;
        Ok(())
    });
}
