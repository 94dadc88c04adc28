//! The whole workflow with the keyboard alone, through WebDriver key actions (no clicks): a meeting created, two
//! delegations in attendance, two speakers with the floor given, an action item, the summary drafted and typed
//! into, the help dialog opened and closed, and the PDF exported. Every control Tab reaches shows a visible
//! focus ring; the help dialog takes the focus when it opens, keeps Tab inside, and gives it back when it closes.

use fantoccini::key::Key;
use serde_json::json;

use crate::harness::{App, Driver, Res, run};
use crate::screens::wait_for_file;

const TITLE: &str = "Keyboard briefing";
/// Tab presses allowed to reach a control from wherever the focus is: the sidebar, the tabs, then the view.
const MAX_TABS: usize = 80;

async fn press(app: &App, key: Key) -> Res {
    app.type_keys(&char::from(key).to_string()).await
}

/// Whether the focused element matches `css`; errors if what has the focus shows no focus ring.
async fn focus_is(app: &App, css: &str) -> Res<bool> {
    let v = app
        .js(
            "const e = document.activeElement; \
             if (!e || e === document.body) return { at: false, ring: true, what: 'body' }; \
             const s = getComputedStyle(e); \
             return { at: e.matches(arguments[0]), ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2, \
                      what: e.outerHTML.slice(0, 160) };",
            vec![json!(css)],
        )
        .await?;
    if v["ring"] != json!(true) {
        return Err(format!("the focus is not visible on {}", v["what"]).into());
    }
    Ok(v["at"] == json!(true))
}

/// Presses Tab until `css` has the focus, checking on the way that each control shows that it has it.
async fn tab_to(app: &App, css: &str) -> Res {
    for _ in 0..MAX_TABS {
        if focus_is(app, css).await? {
            return Ok(());
        }
        press(app, Key::Tab).await?;
    }
    Err(format!("Tab did not reach {css} in {MAX_TABS} presses").into())
}

/// Tabs to the text field `css`, selects what it holds and types `text` over it.
async fn type_in(app: &App, css: &str, text: &str) -> Res {
    tab_to(app, css).await?;
    app.chord(Key::Control, 'a').await?;
    app.type_keys(text).await
}

/// Types into a party picker and takes the first suggestion, naming `name`, with Enter.
async fn pick(app: &App, picker: &str, typed: &str, name: &str) -> Res {
    type_in(app, &format!("[data-testid={picker}]"), typed).await?;
    app.until(
        &format!("{name} is suggested"),
        "const o = document.querySelector(`[data-testid=${arguments[0]}-options] button`); \
         return !!o && o.textContent.includes(arguments[1]);",
        vec![json!(picker), json!(name)],
    )
    .await?;
    press(app, Key::Enter).await
}

async fn floor_is(app: &App, name: &str) -> Res {
    app.until(
        &format!("{name} has the floor"),
        "const s = document.querySelector('[data-testid=floor-speaker]'); return !!s && s.textContent.trim() === arguments[0];",
        vec![json!(name)],
    )
    .await
}

/// F1 opens the help with the focus inside it; Tab goes round inside it; Escape closes it and the focus goes
/// back to `opener`.
async fn help_dialog_keeps_and_returns_focus(app: &App, opener: &str) -> Res {
    press(app, Key::F1).await?;
    app.until(
        "the help has the focus",
        "const d = document.querySelector('[data-testid=help]'); return !!d && d.contains(document.activeElement);",
        vec![],
    )
    .await?;
    for _ in 0..3 {
        press(app, Key::Tab).await?;
        let inside = app
            .js(
                "return document.querySelector('[data-testid=help]').contains(document.activeElement);",
                vec![],
            )
            .await?;
        assert_eq!(inside, json!(true), "Tab stays inside the open dialog");
    }
    press(app, Key::Escape).await?;
    app.until(
        "the help closed and the focus is back",
        "return !document.querySelector('[data-testid=help]') && document.activeElement.matches(arguments[0]);",
        vec![json!(opener)],
    )
    .await
}

#[test]
fn whole_workflow_with_the_keyboard_alone() {
    run(async {
        let out = tempfile::tempdir()?;
        let pdf = out.path().join("keyboard.pdf");
        let driver = Driver::start().await?;
        let app = driver.launch().await?;

        // Ctrl+N: a new meeting, its title field focused with the placeholder selected.
        app.chord(Key::Control, 'n').await?;
        app.until(
            "the title field has the focus",
            "return document.activeElement?.dataset.testid === 'meeting-title-input';",
            vec![],
        )
        .await?;
        app.type_keys(TITLE).await?;
        app.settle().await?;

        // Alt+2: attendance, two States by search-as-you-type. The title field went with the Overview, so the
        // focus goes to the Attendance tab rather than nowhere.
        app.chord(Key::Alt, '2').await?;
        app.wait_for("[data-testid=view-attendance]").await?;
        app.until(
            "the Attendance tab has the focus",
            "return document.activeElement?.id === 'tab-attendance';",
            vec![],
        )
        .await?;
        for (n, (typed, name)) in [("Ghan", "Ghana"), ("Fran", "France")].iter().enumerate() {
            pick(&app, "add-state", typed, name).await?;
            app.until_count("[data-testid=delegation-row]", n + 1)
                .await?;
        }

        // Alt+3: speakers; Enter on the list gives the floor to the selected one, Ctrl+J to the next.
        app.chord(Key::Alt, '3').await?;
        app.wait_for("[data-testid=view-speakers]").await?;
        for (n, (typed, name)) in [("Ghan", "Ghana"), ("Fran", "France")].iter().enumerate() {
            pick(&app, "add-speaker", typed, name).await?;
            app.until_count("[data-testid=speaker-row]", n + 1).await?;
        }
        tab_to(&app, "[data-testid=speakers-list]").await?;
        // The newest speaker is selected; Up twice reaches the first.
        press(&app, Key::Up).await?;
        press(&app, Key::Up).await?;
        press(&app, Key::Enter).await?;
        floor_is(&app, "Ghana").await?;
        app.chord(Key::Control, 'j').await?;
        floor_is(&app, "France").await?;
        tab_to(&app, "[data-testid=speakers-list]").await?;
        help_dialog_keeps_and_returns_focus(&app, "[data-testid=speakers-list]").await?;

        // Alt+4: an action item, submitted with Enter.
        app.chord(Key::Alt, '4').await?;
        app.wait_for("[data-testid=view-actions]").await?;
        type_in(&app, "[data-testid=new-action-from]", "Chair").await?;
        type_in(&app, "[data-testid=new-action-to]", "Secretariat").await?;
        type_in(&app, "[data-testid=new-action-text]", "Circulate the draft").await?;
        press(&app, Key::Enter).await?;
        app.until_count("[data-testid=action-row]", 1).await?;

        // Alt+6: the summary drafted from the record, then a sentence typed at its end.
        app.chord(Key::Alt, '6').await?;
        app.wait_for("[data-testid=view-documents]").await?;
        tab_to(&app, "[data-testid=regenerate]").await?;
        press(&app, Key::Enter).await?;
        app.until(
            "the summary is drafted",
            "const e = document.querySelector('[data-testid=editor]'); return !!e && e.textContent.includes('Ghana');",
            vec![],
        )
        .await?;
        tab_to(&app, "[data-testid=editor]").await?;
        app.chord(Key::Control, char::from(Key::End)).await?;
        app.type_keys(" The meeting rose at noon.").await?;
        app.until(
            "the sentence is in the summary",
            "return document.querySelector('[data-testid=editor]').textContent.includes('The meeting rose at noon.');",
            vec![],
        )
        .await?;
        app.settle().await?;

        // Alt+7: export the PDF where the save dialog says.
        app.chord(Key::Alt, '7').await?;
        app.wait_for("[data-testid=view-export]").await?;
        driver.answer_dialogs(&[Some(&pdf)])?;
        tab_to(&app, "[data-testid=export-go]").await?;
        press(&app, Key::Enter).await?;
        let bytes = match wait_for_file(&pdf).await {
            Ok(bytes) => bytes,
            Err(e) => {
                let toasts = app.texts(".toast").await?;
                return Err(format!(
                    "{e}; messages: {toasts:?}; dialogs: {:?}",
                    driver.dialogs_asked()
                )
                .into());
            }
        };
        assert!(bytes.starts_with(b"%PDF"));
        app.quit().await?;

        let text = std::process::Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()?;
        let text = String::from_utf8_lossy(&text.stdout);
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for want in [TITLE, "Ghana", "France", "The meeting rose at noon."] {
            assert!(words.contains(want), "{want:?} in the PDF: {words:.600}");
        }
        Ok(())
    });
}
