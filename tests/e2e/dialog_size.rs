//! The native save dialog fits the screen. GTK sizes a file chooser from its font (about forty lines of text)
//! unless a size was saved before, which on a 1280×800 laptop screen made the dialog taller than the screen,
//! with its buttons out of reach. Here the real dialog is opened from the Export tab, found among the app's X11
//! windows, measured, and cancelled as a window manager's close button would.

use std::time::{Duration, Instant};

use x11rb::CURRENT_TIME;
use x11rb::connection::Connection;
use x11rb::protocol::xproto::{
    AtomEnum, ClientMessageEvent, ConnectionExt, EventMask, MapState, Window,
};
use x11rb::rust_connection::RustConnection;

use crate::harness::{Driver, Res, run};

/// The viewable top-level windows of the processes `pids`, with their size.
fn windows_of(conn: &RustConnection, root: Window, pids: &[u32]) -> Res<Vec<(Window, u16, u16)>> {
    let net_pid = conn.intern_atom(false, b"_NET_WM_PID")?.reply()?.atom;
    let mut found = Vec::new();
    for window in conn.query_tree(root)?.reply()?.children {
        let owner = conn
            .get_property(false, window, net_pid, AtomEnum::CARDINAL, 0, 1)?
            .reply()?;
        let Some(pid) = owner.value32().and_then(|mut v| v.next()) else {
            continue;
        };
        if !pids.contains(&pid)
            || conn.get_window_attributes(window)?.reply()?.map_state != MapState::VIEWABLE
        {
            continue;
        }
        let g = conn.get_geometry(window)?.reply()?;
        found.push((window, g.width, g.height));
    }
    Ok(found)
}

#[test]
fn the_save_dialog_fits_a_laptop_screen() {
    run(async {
        let driver = Driver::start_with_real_dialogs().await?;
        let app = driver.launch().await?;
        app.click("[data-testid=open-example]").await?;
        app.tab("export").await?;
        let (conn, screen) = x11rb::connect(None)?;
        let root = conn.setup().roots[screen].root;
        let (screen_w, screen_h) = (
            conn.setup().roots[screen].width_in_pixels,
            conn.setup().roots[screen].height_in_pixels,
        );
        let pids = driver.app_pids();
        let before = windows_of(&conn, root, &pids)?;
        app.click("[data-testid=export-go]").await?;

        // The dialog is the app's new top-level window. It may be mapped at GTK's own size and brought within
        // the screen a moment later: wait for it to fit, up to a deadline.
        let deadline = Instant::now() + Duration::from_secs(20);
        let dialog = loop {
            let now = windows_of(&conn, root, &pids)?;
            if let Some(w) = now.into_iter().find(|w| !before.iter().any(|b| b.0 == w.0)) {
                break w;
            }
            if Instant::now() > deadline {
                return Err("no save dialog appeared".into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        };
        let (window, mut width, mut height) = dialog;
        let deadline = Instant::now() + Duration::from_secs(5);
        while (width > screen_w || height > screen_h) && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(20)).await;
            let g = conn.get_geometry(window)?.reply()?;
            (width, height) = (g.width, g.height);
        }
        let protocols = conn.intern_atom(false, b"WM_PROTOCOLS")?.reply()?.atom;
        let delete = conn.intern_atom(false, b"WM_DELETE_WINDOW")?.reply()?.atom;
        let message =
            ClientMessageEvent::new(32, window, protocols, [delete, CURRENT_TIME, 0, 0, 0]);
        conn.send_event(false, window, EventMask::NO_EVENT, message)?;
        conn.flush()?;
        if height > screen_h || width > screen_w {
            return Err(format!(
                "the save dialog is {width}×{height}, larger than the {screen_w}×{screen_h} screen"
            )
            .into());
        }
        app.until(
            "the export is cancelled and the form usable again",
            "const b = document.querySelector('[data-testid=export-go]'); return !!b && !b.disabled;",
            vec![],
        )
        .await?;
        app.quit().await
    });
}
