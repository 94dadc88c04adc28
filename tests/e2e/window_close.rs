//! Closing the app's window as its close button does. WebDriver's Close Window is no substitute: WebKit then
//! destroys the web view without a close request, so the app's close handler (which writes pending
//! autosaves) never runs, and a test that quits that way can lose the last edit it made.

use x11rb::CURRENT_TIME;
use x11rb::connection::Connection;
use x11rb::protocol::xproto::{AtomEnum, ClientMessageEvent, ConnectionExt, EventMask, MapState};

use crate::harness::Res;

/// Asks every visible top-level window of process `pid` to close, as a window manager does when its close
/// button is clicked: a WM_DELETE_WINDOW client message, which GTK turns into the window's close request.
pub fn send_wm_delete(pid: u32) -> Res<usize> {
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
        // A window can go (a tooltip, a popup) between the listing and these requests: its replies are
        // then errors, and it is skipped rather than failing the close.
        let Ok(owner) = conn
            .get_property(false, window, net_pid, AtomEnum::CARDINAL, 0, 1)?
            .reply()
        else {
            continue;
        };
        let viewable = conn
            .get_window_attributes(window)?
            .reply()
            .is_ok_and(|a| a.map_state == MapState::VIEWABLE);
        if owner.value32().and_then(|mut v| v.next()) != Some(pid) || !viewable {
            continue;
        }
        let Ok(supported) = conn
            .get_property(false, window, protocols, AtomEnum::ATOM, 0, 32)?
            .reply()
        else {
            continue;
        };
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
