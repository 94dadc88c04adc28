//! End-to-end tests of the real desktop app: the built binary, driven through tauri-driver and WebKitWebDriver
//! under Xvfb, clicking and typing as a person would and reading the DOM back. Each test gets its own empty
//! data directory (through `RAPPORTEUR_DATA_DIR`), and restarts the app to prove that what was typed was
//! stored. Screenshots of every screen go to `target/e2e-screenshots/`.
//!
//! Needs `tauri-driver` on PATH (or `$TAURI_DRIVER`), `WebKitWebDriver` and a display (run under
//! `xvfb-run -a -s "-screen 0 1280x800x24"`), and a UI built into `ui/dist` before the binary was compiled.

mod accessibility;
mod attachments;
mod autosave;
mod axe;
mod by_hand;
mod clearance;
mod close;
mod dialog_size;
mod drafting;
mod drafting_languages;
mod export;
mod export_preview;
mod first_minute;
mod harness;
mod hostile;
mod keyboard;
mod languages;
mod large;
mod panels;
mod pseudo;
mod record_edits;
mod record_v2;
mod record_v2_floor;
mod regenerate;
mod reorder;
mod screens;
// The sync tests' real servers (WebDAV here), shared rather than copied; this binary uses a part of them.
#[allow(dead_code)]
#[path = "../../crates/sync/tests/sync/servers.rs"]
mod servers;
mod slow_save;
mod speakers;
mod suggestion_mode;
mod sync;
mod sync_sftp;
mod sync_url;
mod team_encryption;
mod tour;
mod window_close;
mod workflow;
mod xss;
