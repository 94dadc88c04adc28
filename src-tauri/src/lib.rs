//! The desktop shell. It is deliberately thin: it resolves the data directory the way the CLI does, opens the
//! [`rapporteur_app::App`] facade (which owns the sqlx pool, the meeting documents and the sync service), hands
//! it to Tauri as managed state, starts its background sync loop, and registers the commands of [`commands`], each one line over the facade.
//! No use case lives here, so the desktop app and the CLI cannot drift apart.
//!
//! The web view is treated as untrusted: it calls only the commands of the one list in `command_list.rs`
//! (granted one by one in `capabilities/default.json`), none of which takes a file path, since the commands that
//! touch files open native dialogs themselves (`dialogs.rs`); it loads nothing remote (the CSP in
//! `tauri.conf.json`) and cannot navigate away from the app's own pages ([`navigation_allowed`]).

mod commands;
mod dialogs;
mod ipc;

pub use ipc::COMMANDS;

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

/// Whether the web view may load `url`: the app's own pages (`tauri://localhost` on Linux and macOS,
/// `http(s)://tauri.localhost` on Windows), and the Vite dev server only in a development build. A link in a
/// note, a `location.href` set by an injected script or a redirect therefore never leaves the app.
fn navigation_allowed(url: &tauri::Url, dev: bool) -> bool {
    let host = url.host_str().unwrap_or_default();
    match url.scheme() {
        "tauri" => host == "localhost",
        "http" | "https" if host == "tauri.localhost" => true,
        "http" => dev && host == "localhost" && url.port() == Some(5173),
        _ => false,
    }
}

/// Answers `font://localhost/<name>` (`http://font.localhost/<name>` on Windows) with a font the binary
/// bundles for PDFs ([`rapporteur_app::bundled_font`]), so the window shows Arabic and Chinese on a machine
/// without a system font for them (`ui/src/app.css` declares the faces). Any other name is 404.
fn font_response(path: &str) -> tauri::http::Response<std::borrow::Cow<'static, [u8]>> {
    let response = tauri::http::Response::builder();
    match rapporteur_app::bundled_font(path.trim_start_matches('/')) {
        Some((bytes, mime)) => response
            .header("Content-Type", mime)
            .header("Access-Control-Allow-Origin", "*")
            .body(std::borrow::Cow::Borrowed(bytes)),
        None => response
            .status(404)
            .body(std::borrow::Cow::Borrowed(&[][..])),
    }
    .expect("a response of valid header values")
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
    let stay_in_app = tauri::plugin::Builder::<tauri::Wry>::new("stay-in-app")
        .on_navigation(|_, url| navigation_allowed(url, tauri::is_dev()))
        .build();
    builder
        .register_uri_scheme_protocol("font", |_, request| font_response(request.uri().path()))
        .plugin(tauri_plugin_dialog::init())
        .plugin(stay_in_app)
        .setup(|_| {
            tauri::async_runtime::spawn(background.background_sync());
            Ok(())
        })
        .manage(app)
        .invoke_handler(ipc::handler())
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

    #[test]
    fn the_web_view_stays_in_the_app() {
        let url = |u: &str| tauri::Url::parse(u).expect(u);
        for ok in [
            "tauri://localhost/",
            "tauri://localhost/index.html#x",
            "http://tauri.localhost/",
        ] {
            assert!(navigation_allowed(&url(ok), false), "{ok}");
        }
        for refused in [
            "https://example.com/",
            "http://localhost:5173/",
            "tauri://evil.example/",
            "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "javascript:alert(1)",
            "http://ipc.localhost/record",
        ] {
            assert!(!navigation_allowed(&url(refused), false), "{refused}");
        }
        assert!(navigation_allowed(&url("http://localhost:5173/"), true));
        assert!(!navigation_allowed(&url("https://example.com/"), true));
    }

    /// Nothing remote can be loaded: the CSP allows the app's own origin, inline styles, `data:` images and
    /// the IPC endpoint, nothing else, and the window loads the app's own pages.
    #[test]
    fn the_csp_loads_nothing_remote() {
        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../../tauri.conf.json")).expect("json");
        let csp = conf["app"]["security"]["csp"]
            .as_object()
            .expect("a CSP object");
        for (directive, value) in csp {
            for source in value.as_str().expect("a string").split_whitespace() {
                let allowed = matches!(source, "'self'" | "'none'" | "'unsafe-inline'" | "data:")
                    || (directive == "connect-src"
                        && matches!(source, "ipc:" | "http://ipc.localhost"))
                    || (directive == "font-src"
                        && matches!(source, "font:" | "http://font.localhost"));
                assert!(allowed, "{directive} allows {source}");
            }
        }
        for directive in [
            "default-src",
            "script-src",
            "connect-src",
            "object-src",
            "frame-src",
            "base-uri",
            "form-action",
        ] {
            assert!(csp.contains_key(directive), "{directive} is set");
        }
        for window in conf["app"]["windows"].as_array().expect("windows") {
            assert!(
                window.get("url").is_none(),
                "a window loads the app's own index"
            );
        }
        assert!(
            conf["app"]["security"]
                .get("dangerousRemoteDomainIpcAccess")
                .is_none()
        );
    }
}
