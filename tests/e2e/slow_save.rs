//! Typing on while saves are slow: no keystroke may land in another field, or be lost, while a save is in
//! flight. Three action items are typed into the add form and two stored items are retyped in their rows,
//! each run as one burst of WebDriver key actions (Tab between fields, Enter to add, Ctrl+A to replace) at
//! full speed, with no wait between fields; every field's stored value is then read back from the store.
//!
//! How saves are made slow: the test holds the backend's answer to every `edit` command in the page (the
//! IPC's `fetch` is wrapped) and lets the held answers
//! through at every seventh key pressed. Each save is thus still in flight several keystrokes after it was
//! sent and lands mid-word, in whatever field the typing has reached, at the same keystrokes on every run and
//! whatever the machine's load. The edit itself reaches the real backend at once; only the UI's wait for its
//! answer is stretched. Nothing in the app is changed for this: the release build has no such hook.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use serde_json::{Value, json};

use crate::harness::{App, Driver, Res, run};

const TITLE: &str = "Typing through slow saves";

/// Installs the hold: `arguments[0]` is how many keys pass between two releases of the held answers.
const HOLD_SAVES: &str = r#"
const every = arguments[0];
const s = { hold: true, held: [], sent: 0, answered: 0, keys: 0, landedWhileTyping: 0 };
s.release = () => { const go = s.held.splice(0); go.forEach((f) => f()); return go.length; };
window.__e2eSaves = s;
const real = window.fetch.bind(window);
window.fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input.url;
  const ipc = url.startsWith('ipc:') || url.includes('ipc.localhost');
  if (!ipc || decodeURIComponent(url.split('/').pop() || '') !== 'edit') return real(input, init);
  s.sent++;
  const answer = real(input, init).finally(() => s.answered++);
  if (!s.hold) return answer;
  return new Promise((resolve, reject) => s.held.push(() => answer.then(resolve, reject)));
};
document.addEventListener('keydown', () => {
  if (++s.keys % every === 0 && s.release() > 0) s.landedWhileTyping++;
}, true);
"#;

/// One step of a burst of typing.
#[derive(Clone, Copy)]
enum K<'a> {
    Text(&'a str),
    Press(Key),
    /// Ctrl+A: select the whole field, so that what is typed next replaces it.
    All,
}

fn tap(keys: KeyActions, c: char) -> KeyActions {
    keys.then(KeyAction::Down { value: c })
        .then(KeyAction::Up { value: c })
}

/// Types every step in one WebDriver key action sequence: no pause anywhere, not even between fields.
async fn burst(app: &App, steps: &[K<'_>]) -> Res {
    let mut keys = KeyActions::new("keyboard".into());
    for step in steps {
        keys = match step {
            K::Text(text) => text.chars().fold(keys, tap),
            K::Press(key) => tap(keys, char::from(*key)),
            K::All => {
                let ctrl = char::from(Key::Control);
                tap(keys.then(KeyAction::Down { value: ctrl }), 'a')
                    .then(KeyAction::Up { value: ctrl })
            }
        };
    }
    app.client.perform_actions(keys).await?;
    Ok(())
}

/// An action item as the add form makes it: (from, to, text).
const ADDED: [(&str, &str, &str); 3] = [
    (
        "Member States",
        "OCHA",
        "Report back on humanitarian access by the end of the month",
    ),
    (
        "United Nations Network on Migration",
        "Secretariat",
        "Share the regional review figures with all delegations",
    ),
    (
        "the Chair",
        "UNHCR",
        "Circulate the revised programme of work",
    ),
];
/// The two stored items, retyped in their rows: (from, to, text).
const RETYPED: [(&str, &str, &str); 2] = [
    (
        "Ghana",
        "International Organization for Migration",
        "Report on returns and reintegration",
    ),
    ("Kenya", "UNICEF", "Send the data on children on the move"),
];

fn record() -> Value {
    let item = |from: &str, text: &str| json!({ "kind": "request", "from": from, "to": "the Chair", "text": text, "due": null, "status": "open" });
    json!({
        "format": "rapporteur/meeting-record@1",
        "meeting": { "title": TITLE, "kind": "briefing", "date": "2026-03-02", "language": "en" },
        "attendance": { "groups": [], "delegations": [] },
        "interventions": [],
        "action_items": [item("delegations", "A first item to retype"), item("observers", "A second item to retype")],
    })
}

async fn focus(app: &App, css: &str) -> Res {
    app.click(css).await?;
    app.until(
        &format!("{css} has the focus"),
        "return document.activeElement === document.querySelector(arguments[0]);",
        vec![json!(css)],
    )
    .await
}

async fn saves(app: &App) -> Res<Value> {
    app.js("const s = window.__e2eSaves; return { sent: s.sent, answered: s.answered, held: s.held.length, landed: s.landedWhileTyping };", vec![]).await
}

#[test]
fn no_keystroke_strays_or_is_lost_while_saves_are_in_flight() {
    run(async {
        let driver = Driver::start().await?;
        driver
            .import("slow.json", record().to_string().as_bytes())
            .await?;
        let app = driver.launch().await?;
        app.open_meeting(TITLE).await?;
        app.tab("actions").await?;
        app.until_count("[data-testid=action-row]", 2).await?;
        app.js(HOLD_SAVES, vec![json!(7)]).await?;

        // Three items through the add form: From, Tab, To, Tab, Text, Enter, and straight on into the next.
        focus(&app, "[data-testid=new-action-from]").await?;
        let mut steps = Vec::new();
        for (from, to, text) in ADDED {
            steps.extend([
                K::Text(from),
                K::Press(Key::Tab),
                K::Text(to),
                K::Press(Key::Tab),
                K::Text(text),
                K::Press(Key::Enter),
            ]);
        }
        burst(&app, &steps).await?;
        let after_adding = saves(&app).await?;
        assert!(
            after_adding["landed"].as_u64() > Some(0),
            "no save landed while typing: {after_adding}"
        );
        assert!(
            after_adding["held"].as_u64() > Some(0),
            "the last item's save is still in flight: {after_adding}"
        );

        // The two stored rows retyped, field by field (Tab from the text goes through the due date, the due
        // month, the status and the remove button to the next row's kind, then its From), while the last add
        // lands.
        // The first row's From is the first `action-from` in the document.
        focus(&app, "[data-testid=action-from]").await?;
        let mut steps = Vec::new();
        for (i, (from, to, text)) in RETYPED.into_iter().enumerate() {
            if i > 0 {
                steps.extend([K::Press(Key::Tab); 6]);
            }
            steps.extend([
                K::All,
                K::Text(from),
                K::Press(Key::Tab),
                K::All,
                K::Text(to),
                K::Press(Key::Tab),
                K::All,
                K::Text(text),
            ]);
        }
        burst(&app, &steps).await?;
        let after_retyping = saves(&app).await?;
        assert!(
            after_retyping["landed"].as_u64() > after_adding["landed"].as_u64(),
            "no save landed while the rows were retyped: {after_retyping}"
        );

        // What is on screen: the form ready for the next item, each row as typed.
        app.js(
            "window.__e2eSaves.hold = false; window.__e2eSaves.release();",
            vec![],
        )
        .await?;
        app.until_count("[data-testid=action-row]", 5).await?;
        let form = app
            .texts("[data-testid=action-form] input, [data-testid=action-form] textarea")
            .await?;
        // From is kept for the next item from the same speaker; To, Text and Due are empty.
        assert_eq!(
            form,
            [ADDED[2].0, "", "", ""],
            "the add form is ready for the next item"
        );
        let want: Vec<(&str, &str, &str)> = RETYPED.into_iter().chain(ADDED).collect();
        for (field, index) in [("action-from", 0), ("action-to", 1), ("action-text", 2)] {
            let shown = app.texts(&format!("[data-testid={field}]")).await?;
            let wanted: Vec<&str> = want.iter().map(|w| [w.0, w.1, w.2][index]).collect();
            assert_eq!(shown, wanted, "every {field} as typed");
        }

        // What is stored. Once every save sent so far is answered, leaving the tab writes each row's pending
        // change at once (its saver has nothing left to wait for); the app closes once those are answered too.
        let all_answered =
            "const s = window.__e2eSaves; return s.held.length === 0 && s.sent === s.answered;";
        app.until("every save so far was answered", all_answered, vec![])
            .await?;
        app.tab("overview").await?;
        app.until("every save was answered", all_answered, vec![])
            .await?;
        app.quit().await?;
        let records = driver.stored_records().await?;
        let stored: Vec<(String, String, String)> = records[0]["action_items"]
            .as_array()
            .ok_or("no action items")?
            .iter()
            .map(|a| {
                let s = |k: &str| a[k].as_str().unwrap_or_default().to_owned();
                (s("from"), s("to"), s("text"))
            })
            .collect();
        let want: Vec<(String, String, String)> = want
            .iter()
            .map(|(f, t, x)| (f.to_string(), t.to_string(), x.to_string()))
            .collect();
        assert_eq!(stored, want, "every field stored as typed");
        Ok(())
    });
}
