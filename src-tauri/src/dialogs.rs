//! Native file dialogs, opened by Rust. The web view never sends a path: a command that reads or writes a file
//! asks the user here and works only on what the user picked, so neither an injected script nor a defect in the
//! UI can make the app read `~/.ssh/id_rsa` or write over `~/.bashrc`. The page supplies only a title and a
//! suggested file name, both cleaned before they reach the dialog.
//!
//! End-to-end tests cannot reach a native GTK dialog through WebDriver. A debug build (release builds never
//! contain this code) answers dialogs from the file named by `$RAPPORTEUR_TEST_DIALOGS` when that variable is
//! set: one answer per line, taken from the top, an empty line (or an empty file) meaning "cancelled". The page
//! cannot write that file or set the variable, so even there it cannot choose a path. It is keyed to
//! `debug_assertions` rather than a Cargo feature so that the test build and the package test's debug `.deb`
//! are one build (scripts/package.sh).

use std::path::PathBuf;

use rapporteur_app::{AppError, ErrorCode};
use tauri::Window;
use tauri_plugin_dialog::DialogExt;

/// What to ask for.
pub(crate) enum Ask {
    /// An existing file, optionally limited to a filter (its name and extensions).
    Open(Option<(String, Vec<String>)>),
    Folder,
    /// Where to write a new file, suggesting `file_name`.
    Save {
        file_name: String,
        filter: Option<(String, Vec<String>)>,
    },
}

impl Ask {
    fn kind(&self) -> &'static str {
        match self {
            Ask::Open(_) => "open",
            Ask::Folder => "folder",
            Ask::Save { .. } => "save",
        }
    }
}

/// Asks the user with a native dialog over `window`; `None` when they cancel.
pub(crate) async fn pick(
    window: &Window,
    title: &str,
    ask: Ask,
) -> Result<Option<PathBuf>, AppError> {
    let title = printable(title, 200);
    tracing::info!(dialog = ask.kind(), "file dialog");
    #[cfg(debug_assertions)]
    {
        if let Some(answer) = test_answers::next(ask.kind(), &title)? {
            return Ok(answer);
        }
    }
    #[cfg(target_os = "linux")]
    let _within_screen = window.current_monitor().ok().flatten().map(|monitor| {
        let screen = monitor.size().to_logical::<i32>(monitor.scale_factor());
        gtk_size::watch(window, screen.width, screen.height)
    });
    let window = window.clone();
    let picked = tauri::async_runtime::spawn_blocking(move || {
        let mut dialog = window.dialog().file().set_title(title).set_parent(&window);
        let filter = match &ask {
            Ask::Open(filter) | Ask::Save { filter, .. } => filter.clone(),
            Ask::Folder => None,
        };
        if let Some((name, extensions)) = filter {
            let extensions: Vec<&str> = extensions.iter().map(String::as_str).collect();
            dialog = dialog.add_filter(name, &extensions);
        }
        match ask {
            Ask::Open(_) => dialog.blocking_pick_file(),
            Ask::Folder => dialog.blocking_pick_folder(),
            Ask::Save { file_name, .. } => dialog.set_file_name(file_name).blocking_save_file(),
        }
    })
    .await
    .map_err(|e| AppError::new(ErrorCode::Internal, format!("file dialog: {e}")))?;
    picked
        .map(|p| p.into_path())
        .transpose()
        .map_err(|e| AppError::new(ErrorCode::Internal, format!("file dialog: {e}")))
}

/// The GTK file chooser kept within the screen. GTK sizes a file chooser from its font (about forty lines of
/// text) unless the user resized one before: 1096×822 on a 1280×800 laptop screen, its buttons below the
/// screen's edge. The plugin opens the dialog and gives no handle on it, so while a dialog is asked for, GTK's
/// main loop looks at its top-level windows every 20 ms and brings a file chooser larger than the screen back
/// within it. (Where the desktop offers a portal, its own dialog opens instead and nothing is found here.)
#[cfg(target_os = "linux")]
mod gtk_size {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    use gtk::glib::{self, ControlFlow};
    use gtk::prelude::*;

    /// Watches while alive; dropping it ends the watch.
    pub(super) struct Watch(Arc<AtomicBool>);

    impl Drop for Watch {
        fn drop(&mut self) {
            self.0.store(true, Ordering::Relaxed);
        }
    }

    /// Keeps any file chooser of this process within `screen_w`×`screen_h` (logical pixels) until the watch
    /// is dropped.
    pub(super) fn watch(window: &tauri::Window, screen_w: i32, screen_h: i32) -> Watch {
        let done = Arc::new(AtomicBool::new(false));
        let (max_w, max_h) = (screen_w * 9 / 10, screen_h * 85 / 100);
        let stop = done.clone();
        let started = window.run_on_main_thread(move || {
            glib::timeout_add_local(Duration::from_millis(20), move || {
                if stop.load(Ordering::Relaxed) {
                    return ControlFlow::Break;
                }
                for top in gtk::Window::list_toplevels() {
                    if let Ok(chooser) = top.downcast::<gtk::FileChooserDialog>() {
                        let (w, h) = chooser.size();
                        if w > max_w || h > max_h {
                            chooser.resize(w.min(max_w), h.min(max_h));
                        }
                    }
                }
                ControlFlow::Continue
            });
        });
        if let Err(e) = started {
            tracing::warn!(error = %e, "cannot keep the file dialog within the screen");
        }
        Watch(done)
    }
}

/// `text` without control characters, at most `max` characters: a title or file name from the page.
fn printable(text: &str, max: usize) -> String {
    text.chars().filter(|c| !c.is_control()).take(max).collect()
}

/// A name the save dialog may suggest: the last component of what the page proposed, printable, without
/// leading dots (no hidden files), and `fallback` when nothing is left. The user still confirms the place.
pub(crate) fn suggested_name(proposed: &str, fallback: &str) -> String {
    let last = proposed.rsplit(['/', '\\']).next().unwrap_or_default();
    let name = printable(last, 120);
    let name = name.trim().trim_start_matches('.');
    if name.is_empty() {
        fallback.to_owned()
    } else {
        name.to_owned()
    }
}

/// The extension of a file name, lower-cased, without the dot; `None` when it has none.
pub(crate) fn extension(name: &str) -> Option<String> {
    let (stem, extension) = name.rsplit_once('.')?;
    (!stem.is_empty() && !extension.is_empty()).then(|| extension.to_lowercase())
}

/// The file name of a path the user picked, for the message that says where a file went.
pub(crate) fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

#[cfg(debug_assertions)]
mod test_answers {
    use std::io::Write as _;
    use std::path::PathBuf;
    use std::sync::Mutex;

    use rapporteur_app::AppError;

    /// The answers file; `<file>.asked` gets one line per dialog (`kind<TAB>title<TAB>answer`).
    pub(super) const ENV: &str = "RAPPORTEUR_TEST_DIALOGS";
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

    /// `None` when no answers file is set (the real dialog opens); else the next answer.
    pub(super) fn next(kind: &str, title: &str) -> Result<Option<Option<PathBuf>>, AppError> {
        let Some(file) = std::env::var_os(ENV).map(PathBuf::from) else {
            return Ok(None);
        };
        let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let (first, rest) = text.split_once('\n').unwrap_or((text.as_str(), ""));
        std::fs::write(&file, rest)?;
        let mut asked = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(file.with_extension("asked"))?;
        writeln!(asked, "{kind}\t{title}\t{first}")?;
        Ok(Some((!first.is_empty()).then(|| PathBuf::from(first))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggested_names_stay_names() {
        assert_eq!(
            suggested_name("briefing-2019-12-12.pdf", "x"),
            "briefing-2019-12-12.pdf"
        );
        assert_eq!(suggested_name("../../.bashrc", "export"), "bashrc");
        assert_eq!(suggested_name("/home/u/.ssh/id_rsa", "export"), "id_rsa");
        assert_eq!(suggested_name("a\u{0}b\nc.json", "x"), "abc.json");
        assert_eq!(suggested_name("..", "export.json"), "export.json");
        assert_eq!(suggested_name(&"n".repeat(10_000), "x").len(), 120);
        assert_eq!(extension("Briefing.PDF").as_deref(), Some("pdf"));
        assert_eq!(extension("README"), None);
        assert_eq!(printable("Export\u{7}\u{1b}[2J", 200), "Export[2J");
    }
}
