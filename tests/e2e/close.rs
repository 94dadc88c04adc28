//! Closing the window the normal way loses nothing: text typed a moment before the close, with its autosave
//! still waiting out the debounce, is written by the close-requested handler before the window goes. Each
//! field is typed and the window closed at once, in three sessions on the same data directory; a fourth
//! session checks every text.

use std::time::{Duration, Instant};

use serde_json::json;
use x11rb::CURRENT_TIME;
use x11rb::connection::Connection;
use x11rb::protocol::xproto::{AtomEnum, ClientMessageEvent, ConnectionExt, EventMask, MapState};

use crate::harness::{App, Driver, Res, run};

const SPOKEN: &str = "Kenya asked for the report before the break.";
const MEETING_NOTE: &str = "Closed right after typing this.";
const PRIVATE_ON_SPEAKER: &str = "Follow up with Kenya in private.";
const SUMMARY: &str = "The summary typed just before the window closed.";

/// Asks every visible top-level window of process `pid` to close, as a window manager does when its close
/// button is clicked: a WM_DELETE_WINDOW client message, which GTK turns into the window's close request.
/// (WebDriver's Close Window is no substitute: WebKit then destroys the web view without a close request.)
fn send_wm_delete(pid: u32) -> Res<usize> {
    let (conn, screen) = x11rb::connect(None)?;
    let root = conn.setup().roots[screen].root;
    let atom = |name: &[u8]| -> Res<u32> { Ok(conn.intern_atom(false, name)?.reply()?.atom) };
    let (protocols, delete, net_pid) = (
        atom(b"WM_PROTOCOLS")?,
        atom(b"WM_DELETE_WINDOW")?,
        atom(b"_NET_WM_PID")?,
    );
    let mut sent = 0;
    for window in conn.query_tree(root)?.reply()?.children {
        let owner = conn
            .get_property(false, window, net_pid, AtomEnum::CARDINAL, 0, 1)?
            .reply()?;
        if owner.value32().and_then(|mut v| v.next()) != Some(pid)
            || conn.get_window_attributes(window)?.reply()?.map_state != MapState::VIEWABLE
        {
            continue;
        }
        let supported = conn
            .get_property(false, window, protocols, AtomEnum::ATOM, 0, 32)?
            .reply()?;
        if !supported
            .value32()
            .is_some_and(|mut v| v.any(|a| a == delete))
        {
            continue;
        }
        let message =
            ClientMessageEvent::new(32, window, protocols, [delete, CURRENT_TIME, 0, 0, 0]);
        conn.send_event(false, window, EventMask::NO_EVENT, message)?;
        sent += 1;
    }
    conn.flush()?;
    Ok(sent)
}

/// Closes the app's window as its close button would, at once, then waits until the app process has exited.
async fn close_now(driver: &Driver, app: App) -> Res {
    let pids = driver.app_pids();
    let mut sent = 0;
    for &pid in &pids {
        sent += send_wm_delete(pid)?;
    }
    if sent == 0 {
        return Err(format!("no window of the app ({pids:?}) to close").into());
    }
    let deadline = Instant::now() + Duration::from_secs(15);
    while !driver.app_pids().is_empty() {
        if Instant::now() > deadline {
            return Err("the app did not exit after its window was closed".into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // The session ended with the app; ending it again only reports that.
    let _ = app.client.close().await;
    Ok(())
}

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
        close_now(&driver, app).await?;

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
        close_now(&driver, app).await?;

        // Session 3: a paragraph of summary.
        let app = open_meeting(&driver).await?;
        app.tab("documents").await?;
        app.type_into("[data-testid=editor]", SUMMARY).await?;
        close_now(&driver, app).await?;

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
