//! A hostile page: a script in the web view calls every IPC command (the list the shell registers,
//! `rapporteur_desktop::COMMANDS`) with hostile arguments: paths to secret and to start-up files, `~` and `../`
//! paths, `file:` URLs, a 100,000-character string, control characters, wrong types, and extra `path`/`file`/
//! `folder` keys, each alone and beside the id of a real meeting so that the commands get as far as they can.
//! Every file dialog the backend opens is answered "cancelled". Afterwards no file outside the data directory
//! was created or changed, a secret file's bytes are nowhere in the data directory and were never returned,
//! the sync folder was not set, nothing was attached, and the page could neither navigate nor fetch away from
//! the app.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use fantoccini::wd::TimeoutConfiguration;
use serde_json::{Value, json};

use crate::harness::{App, Driver, Res, run};

/// The commands that open a file dialog, in alphabetical order.
const DIALOG_COMMANDS: [&str; 8] = [
    "export_record_json",
    "export_to",
    "pick_and_attach",
    "pick_and_import",
    "pick_letterhead_logo",
    "pick_sync_folder",
    "pick_sync_key_file",
    "save_attachment",
];

const SECRET: &str = "CANARY-7f3c-never-leaves-its-file";
const BASHRC: &str = "# the user's own start-up file\n";

/// Calls `arguments[0]` with each argument object of `arguments[1]`, in order, and returns what each call gave.
const CALL_ALL: &str = r#"
const [command, variants, done] = arguments;
(async () => {
  const out = [];
  for (const args of variants) {
    try {
      out.push({ ok: await window.__TAURI_INTERNALS__.invoke(command, args) });
    } catch (e) {
      out.push({ err: typeof e === 'string' ? e : (e && e.code) || String(e) });
    }
  }
  return out;
})().then(done, (e) => done({ failed: String(e) }));
"#;

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> Res<BTreeMap<String, Vec<u8>>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let entry = entry?;
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                stack.push(path);
            } else {
                out.insert(path.display().to_string(), std::fs::read(&path)?);
            }
        }
    }
    Ok(out)
}

/// The names directly in `dir`.
fn names(dir: &Path) -> Res<Vec<String>> {
    let mut out: Vec<String> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()?;
    out.sort();
    Ok(out)
}

/// The hostile values, each tried as every argument of every command.
fn hostile_values(outside: &Path) -> Vec<Value> {
    let secret = outside.join("id_rsa").display().to_string();
    let bashrc = outside.join(".bashrc").display().to_string();
    let dir = outside.display().to_string();
    vec![
        json!(secret),
        json!(bashrc),
        json!(dir),
        json!("/etc/passwd"),
        json!("~/.ssh/id_rsa"),
        json!("../../../../../../../../etc/passwd"),
        json!(format!("file://{secret}")),
        json!("x".repeat(100_000)),
        json!("\u{0}\u{7}\u{1b}[2J\r\n\t\u{202e}"),
        json!(-1),
        json!(1e308),
        json!(null),
        json!(true),
        json!([secret]),
        json!({ "path": secret, "file": bashrc, "folder": dir }),
        // Well-formed values of the argument types that name files: settings pointing sync elsewhere, and a
        // letterhead change carrying the facade's `logo_file`.
        json!({ "sync_folder": dir, "sync_interval_secs": 5, "ui_language": "en", "theme": "light",
                "letterhead": { "organisation": "" } }),
        json!({ "organisation": "Org", "logo_file": secret, "remove_logo": false }),
        json!({ "format": "pdf", "kind": "summary", "index": 0, "lang": null, "annex": false, "table": null,
                "include_notes": true, "path": bashrc }),
    ]
}

/// A well-formed value for an argument, so that a call with one hostile argument gets as far as it can.
fn baseline(arg: &str, meeting: &str) -> Option<Value> {
    Some(match arg {
        "id" | "meeting_id" => json!(meeting),
        "kind" => json!("statement"),
        "index" => json!(0),
        "page" => json!(1),
        "limit" => json!(5),
        "title" => json!("Title"),
        "file_name" => json!("export.pdf"),
        "attachment_id" | "version" | "from" | "to" | "query" | "name" | "body" | "text" => {
            json!("a")
        }
        "lang" | "intervention_id" => json!(null),
        "force" => json!([]),
        "options" => {
            json!({ "format": "pdf", "kind": "summary", "index": 0, "lang": null, "annex": false,
                             "table": null, "include_notes": false })
        }
        _ => return None,
    })
}

/// Tauri reads camelCase keys.
fn camel_case(arg: &str) -> String {
    arg.split('_')
        .enumerate()
        .map(|(i, w)| {
            if i == 0 {
                w.to_owned()
            } else {
                w[..1].to_uppercase() + &w[1..]
            }
        })
        .collect()
}

/// For one command and each hostile value: every argument set to it, then each argument in turn set to it
/// with the others well-formed; each call also carries extra `path`, `file` and `folder` keys.
fn variants(args: &[&str], values: &[Value], meeting: &str, outside: &Path) -> Vec<Value> {
    let mut out = Vec::new();
    for value in values {
        for hostile in std::iter::once(None).chain((0..args.len()).map(Some)) {
            let mut obj = serde_json::Map::new();
            obj.insert("path".into(), json!(outside.join("id_rsa")));
            obj.insert("file".into(), json!(outside.join(".bashrc")));
            obj.insert("folder".into(), json!(outside));
            for (i, arg) in args.iter().enumerate() {
                let v = match hostile {
                    Some(h) if h != i => baseline(arg, meeting).unwrap_or_else(|| value.clone()),
                    _ => value.clone(),
                };
                obj.insert(camel_case(arg), v);
            }
            out.push(Value::Object(obj));
        }
    }
    out
}

async fn call_all(app: &App, command: &str, variants: Vec<Value>) -> Res<Vec<Value>> {
    let v = app
        .client
        .execute_async(CALL_ALL, vec![json!(command), json!(variants)])
        .await?;
    match v {
        Value::Array(results) => Ok(results),
        other => Err(format!("{command}: {other}").into()),
    }
}

#[test]
fn hostile_calls_reach_no_file_outside_the_data_directory() {
    run(async {
        let outside = tempfile::tempdir()?;
        std::fs::write(outside.path().join("id_rsa"), SECRET)?;
        std::fs::write(outside.path().join(".bashrc"), BASHRC)?;
        let before = snapshot(outside.path())?;
        let cwd = std::env::current_dir()?;
        let cwd_before = names(&cwd)?;

        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/network-briefing-2019-12-12.json");
        let driver = Driver::start().await?;
        let meeting = driver
            .import("example.json", &std::fs::read(&fixture)?)
            .await?;
        // No answers: every file dialog is cancelled.
        driver.answer_dialogs(&[])?;
        let app = driver.launch().await?;
        app.client
            .update_timeouts(TimeoutConfiguration::new(
                Some(Duration::from_secs(300)),
                None,
                None,
            ))
            .await?;

        let values = hostile_values(outside.path());
        let mut commands: Vec<_> = rapporteur_desktop::COMMANDS.to_vec();
        // Deleting the meeting last lets every other command reach it.
        commands.sort_by_key(|(name, _)| *name == "delete_meeting");
        let mut reached_dialog = std::collections::BTreeSet::new();
        for (command, args) in &commands {
            let calls = variants(args, &values, &meeting, outside.path());
            for r in call_all(&app, command, calls).await? {
                let text = r.to_string();
                assert!(
                    !text.contains(SECRET),
                    "{command} returned the secret: {text:.300}"
                );
                if DIALOG_COMMANDS.contains(command) && r.get("ok").is_some() {
                    // A cancelled dialog gives null; any other answer would be work done without a pick.
                    assert_eq!(r["ok"], Value::Null, "{command} acted without a pick");
                    reached_dialog.insert(*command);
                }
            }
        }
        // Saving an attachment stops earlier: the example has none to save.
        let expected: Vec<&str> = DIALOG_COMMANDS
            .iter()
            .copied()
            .filter(|c| *c != "save_attachment")
            .collect();
        assert_eq!(
            reached_dialog.into_iter().collect::<Vec<_>>(),
            expected,
            "each dialog command got as far as its dialog"
        );
        let asked = driver.dialogs_asked();
        assert!(!asked.is_empty(), "no dialog was opened");
        for line in &asked {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(
                fields.len(),
                3,
                "one line per dialog, the title cleaned: {line:.200}"
            );
            assert_eq!(fields[2], "", "every dialog was cancelled: {line:.200}");
        }

        // The page cannot leave the app: a navigation is refused, a remote fetch is blocked by the CSP.
        let fetched = app
            .client
            .execute_async(
                "const done = arguments[0]; window.__still_here = true; \
                 location.href = 'https://example.invalid/'; \
                 fetch('https://example.invalid/').then(() => done('fetched'), () => done('blocked'));",
                vec![],
            )
            .await?;
        assert_eq!(fetched, json!("blocked"));
        let stayed = app
            .client
            .execute_async(
                "const done = arguments[0]; window.__TAURI_INTERNALS__.invoke('sync_status').then(() => \
                   done(window.__still_here === true && location.protocol === 'tauri:' \
                        && !!document.querySelector('[data-testid=sidebar]')), (e) => done(String(e)));",
                vec![],
            )
            .await?;
        assert_eq!(stayed, json!(true), "the page navigated away");
        app.quit().await?;

        assert_eq!(
            snapshot(outside.path())?,
            before,
            "a file outside the data directory changed"
        );
        assert_eq!(
            names(&cwd)?,
            cwd_before,
            "a file appeared in the app's working directory"
        );
        let data = snapshot(driver.data_dir())?;
        for (file, bytes) in &data {
            assert!(
                !bytes.windows(SECRET.len()).any(|w| w == SECRET.as_bytes()),
                "{file} holds the secret file's bytes"
            );
        }
        assert!(
            !data.keys().any(|f| f.contains("/blobs/")),
            "nothing was attached: {:?}",
            data.keys().collect::<Vec<_>>()
        );
        let app = rapporteur_app::App::open(driver.data_dir()).await?;
        let settings = app.settings().await?;
        assert_eq!(settings.sync_folder, None, "the page set the sync folder");
        assert_eq!(settings.letterhead.logo, None, "the page set a logo");
        Ok(())
    });
}
