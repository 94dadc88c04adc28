//! The desktop shell. It is deliberately thin: it resolves the data directory the way the CLI does, opens the
//! [`rapporteur_app::App`] facade (which owns the sqlx pool, the meeting documents and the sync service), hands
//! it to Tauri as managed state, starts its background sync loop, and registers the commands of [`commands`], each one line over the facade.
//! No use case lives here, so the desktop app and the CLI cannot drift apart.

mod commands;

use std::ffi::OsString;
use std::path::PathBuf;

use rapporteur_app::App;

/// `--data-dir DIR` (or `--data-dir=DIR`) from the command line; the facade falls back to
/// `$RAPPORTEUR_DATA_DIR`, then the OS data directory, exactly as the CLI does.
fn data_dir_flag(args: impl IntoIterator<Item = OsString>) -> Option<PathBuf> {
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(value) = arg.to_str().and_then(|a| a.strip_prefix("--data-dir=")) {
            return Some(PathBuf::from(value));
        }
    }
    None
}

/// With `RAPPORTEUR_BENCH_PAINT=1`, print the wall-clock time (ms since the epoch) at which the web view
/// finished loading the UI, for `scripts/bench-startup.sh`, which measures a bare Tauri window the same way.
fn report_page_load<R: tauri::Runtime>(
    _: &tauri::Webview<R>,
    payload: &tauri::webview::PageLoadPayload<'_>,
) {
    if payload.event() == tauri::webview::PageLoadEvent::Finished {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        println!("page-loaded-at-ms {}", now.as_millis());
    }
}

/// Start the desktop app: open the facade on the data directory, start background sync, show the window.
pub fn run() {
    let data_dir = rapporteur_app::resolve_data_dir(data_dir_flag(std::env::args_os().skip(1)));
    if let Err(error) = rapporteur_app::logging::log_to_file(&data_dir) {
        eprintln!("rapporteur: {}", error.message);
    }
    let app = match tauri::async_runtime::block_on(App::open(&data_dir)) {
        Ok(app) => app,
        Err(error) => {
            eprintln!(
                "rapporteur: cannot open {}: {}",
                data_dir.display(),
                error.message
            );
            std::process::exit(1);
        }
    };
    let mut builder = tauri::Builder::default();
    if std::env::var_os("RAPPORTEUR_BENCH_PAINT").is_some_and(|v| v == "1") {
        builder = builder.on_page_load(report_page_load);
    }
    let background = app.clone();
    builder
        .plugin(tauri_plugin_dialog::init())
        .setup(|_| {
            tauri::async_runtime::spawn(background.background_sync());
            Ok(())
        })
        .manage(app)
        .invoke_handler(tauri::generate_handler![
            commands::data_dir,
            commands::list_meetings,
            commands::create_meeting,
            commands::delete_meeting,
            commands::record,
            commands::edit,
            commands::search,
            commands::actions,
            commands::import_file,
            commands::open_example,
            commands::export_record_json,
            commands::attach_file,
            commands::attachments,
            commands::save_attachment,
            commands::remove_attachment,
            commands::doc_get,
            commands::doc_set,
            commands::doc_history,
            commands::doc_at,
            commands::doc_diff,
            commands::doc_restore,
            commands::draft,
            commands::regenerate,
            commands::export_to_file,
            commands::preview,
            commands::sync_round,
            commands::sync_now,
            commands::sync_status,
            commands::replica,
            commands::set_replica_name,
            commands::notes_get,
            commands::notes_set,
            commands::settings_get,
            commands::settings_set,
            commands::change_letterhead,
            commands::registry_search,
            commands::registry_list,
            commands::free_names,
        ])
        .run(tauri::generate_context!("tauri.conf.json"))
        .expect("the Tauri runtime failed to start");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn data_dir_flag_forms() {
        assert_eq!(
            data_dir_flag(args(&["--data-dir", "/x"])),
            Some(PathBuf::from("/x"))
        );
        assert_eq!(
            data_dir_flag(args(&["--data-dir=/y"])),
            Some(PathBuf::from("/y"))
        );
        assert_eq!(data_dir_flag(args(&["--other"])), None);
        assert_eq!(data_dir_flag(args(&["--data-dir"])), None);
    }

    /// Every command is registered, granted by the capability, and listed in build.rs's app manifest, and the
    /// capability grants nothing beyond them but the named plugin permissions: a command added in one place
    /// only, or a stray grant, fails here rather than at run time.
    #[test]
    fn commands_handler_capability_and_manifest_agree() {
        let root = env!("CARGO_MANIFEST_DIR");
        let read = |p: &str| std::fs::read_to_string(format!("{root}/{p}")).expect(p);
        let source = read("src-tauri/src/commands.rs");
        let defined: std::collections::BTreeSet<String> = source
            .split("#[tauri::command]")
            .skip(1)
            .filter_map(|chunk| {
                let after = chunk.split_once("fn ")?.1;
                Some(after.split('(').next()?.trim().to_owned())
            })
            .collect();
        let lib = read("src-tauri/src/lib.rs");
        let registered: std::collections::BTreeSet<String> = lib
            .split("commands::")
            .skip(1)
            .filter_map(|s| s.split(',').next().map(|n| n.trim().to_owned()))
            .filter(|n| !n.contains(' ') && !n.is_empty())
            .collect();
        assert_eq!(
            defined, registered,
            "generate_handler! list differs from commands.rs"
        );

        // Besides the commands: the file dialogs (ui/src/lib/dialogs.ts; the plugin's `ask` is its `message`
        // command with Yes/No buttons) and what the close-time flush needs (a close-requested listener, then
        // destroying the window).
        const PLUGINS: [&str; 6] = [
            "dialog:allow-open",
            "dialog:allow-save",
            "dialog:allow-message",
            "core:event:allow-listen",
            "core:event:allow-unlisten",
            "core:window:allow-destroy",
        ];
        let needed: std::collections::BTreeSet<String> = defined
            .iter()
            .map(|n| format!("allow-{}", n.replace('_', "-")))
            .chain(PLUGINS.iter().map(|p| p.to_string()))
            .collect();
        let capability: serde_json::Value =
            serde_json::from_str(&read("src-tauri/capabilities/default.json")).expect("json");
        let granted: Vec<String> = capability["permissions"]
            .as_array()
            .expect("permissions")
            .iter()
            .map(|p| {
                p.as_str()
                    .expect("every permission is a plain identifier")
                    .to_owned()
            })
            .collect();
        let granted_set: std::collections::BTreeSet<String> = granted.iter().cloned().collect();
        assert_eq!(
            granted.len(),
            granted_set.len(),
            "a permission is granted twice"
        );
        assert_eq!(
            granted_set, needed,
            "capability grants differ from what the app needs"
        );
        let dialogs = read("ui/src/lib/dialogs.ts");
        for used in ["open", "save", "ask"] {
            assert!(
                dialogs.contains(&format!("{used}(")),
                "dialogs.ts no longer calls {used}(): drop its permission"
            );
        }

        let build = read("src-tauri/build.rs");
        for name in &defined {
            assert!(
                build.contains(&format!("\"{name}\"")),
                "{name} missing from build.rs"
            );
        }
    }
}
