//! The screens' other fields, driven in the real window: every Overview field, a typed headcount and a free
//! entry in attendance, an existing action item edited field by field, all surviving a restart; then the
//! interchange JSON exported through the (answered) save dialog and imported into a fresh data directory.

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::json;

use crate::harness::{App, Driver, Res, run};

const TITLE: &str = "Consultation on the regional action plan";

/// Overview fields: (test id, value typed or chosen). Selects and dates are set through `choose`/`set_value`.
const TEXTS: [(&str, &str); 6] = [
    ("overview-convened-by", "Office of the High Commissioner"),
    ("overview-venue", "Palais des Nations, Room XX"),
    ("overview-symbol", "A/HRC/WG.7/1"),
    ("overview-chair-name", "Ms. Amina Diallo"),
    ("overview-chair-title", "Ambassador"),
    ("overview-chair-role", "Chair-Rapporteur"),
];
const SELECTS: [(&str, &str); 3] = [
    ("overview-kind", "consultation"),
    ("overview-status", "final"),
    ("overview-language", "fr"),
];
const DATES: [(&str, &str); 2] = [
    ("overview-date", "2026-03-02"),
    ("overview-end-date", "2026-03-04"),
];

/// Chooses `value` in the select `testid` by clicking its option.
/// Svelte may replace the select between finding it and choosing (a panel that renders again once its data
/// arrives); a person would choose in the new one, so a replaced select is looked up again.
pub(crate) async fn choose(app: &App, testid: &str, value: &str) -> Res {
    let css = format!("[data-testid={testid}]");
    let mut tries = 0;
    loop {
        let el = app.wait_for(&css).await?;
        let chosen = async {
            app.reveal(&el).await?;
            el.select_by_value(value).await
        };
        match chosen.await {
            Ok(()) => return Ok(()),
            Err(e) if (e.is_stale_element_reference() || e.is_no_such_element()) && tries < 5 => {
                tries += 1
            }
            Err(e) => return Err(format!("choosing {value:?} in {css}: {e}").into()),
        }
    }
}

/// Sets a field's value and sends the `input` and `change` events that typing and leaving it would. Date fields
/// are text fields that take ISO `YYYY-MM-DD` as well as the interface language's form; they show the long form
/// ("2 March 2026") and carry the stored date in `data-iso`.
pub(crate) async fn set_value(app: &App, testid: &str, value: &str) -> Res {
    app.wait_for(&format!("[data-testid={testid}]")).await?;
    app.js(
        "const e = document.querySelector(`[data-testid=${arguments[0]}]`); e.value = arguments[1]; \
         e.dispatchEvent(new Event('input', { bubbles: true })); e.dispatchEvent(new Event('change', { bubbles: true }));",
        vec![json!(testid), json!(value)],
    )
    .await?;
    Ok(())
}

async fn check_overview(app: &App) -> Res {
    app.tab("overview").await?;
    for (id, want) in TEXTS.iter().chain(&SELECTS).chain(&DATES) {
        app.until(
            &format!("{id} shows {want:?}"),
            "const e = document.querySelector(`[data-testid=${arguments[0]}]`); return !!e && (e.dataset.iso ?? e.value) === arguments[1];",
            vec![json!(id), json!(want)],
        )
        .await?;
    }
    Ok(())
}

/// Waits until `path` exists and is not empty (the export is written by the backend, outside the page, and
/// atomically: a file that is there is whole).
pub(crate) async fn wait_for_file(path: &Path) -> Res<Vec<u8>> {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Ok(bytes) = std::fs::read(path)
            && !bytes.is_empty()
        {
            return Ok(bytes);
        }
        if Instant::now() > deadline {
            return Err(format!("{} was not written", path.display()).into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[test]
fn overview_attendance_and_actions_survive_a_restart_and_export() {
    run(async {
        let out = tempfile::tempdir()?;
        let exported = out.path().join("consultation.json");
        let driver = Driver::start().await?;
        let app = driver.launch().await?;
        app.new_meeting(TITLE).await?;
        app.settle().await?;
        app.until("the meeting is open", "const h = document.querySelector('[data-testid=meeting-title]'); return !!h && h.textContent === arguments[0];", vec![json!(TITLE)]).await?;

        // Every Overview field.
        for (id, text) in TEXTS {
            app.type_into(&format!("[data-testid={id}]"), text).await?;
        }
        for (id, value) in SELECTS {
            choose(&app, id, value).await?;
        }
        for (id, value) in DATES {
            set_value(&app, id, value).await?;
        }
        app.settle().await?;
        check_overview(&app).await?;

        // Attendance: a free entry with a chosen category, and a typed headcount for another category.
        app.tab("attendance").await?;
        app.type_into("[data-testid=free-name]", "Amnesty International")
            .await?;
        choose(&app, "free-category", "civil_society").await?;
        app.click("[data-testid=free-add]").await?;
        app.until_count("[data-testid=delegation-row]", 1).await?;
        choose(&app, "group-category", "un_system").await?;
        app.type_into("[data-testid=group-count]", "12").await?;
        app.click("[data-testid=group-add]").await?;
        check_attendance(&app).await?;

        // An action item added, then edited field by field in its row.
        app.tab("actions").await?;
        app.add_action("Chair", "Secretariat", "Circulate the draft")
            .await?;
        app.until_count("[data-testid=action-row]", 1).await?;
        choose(&app, "action-kind", "commitment").await?;
        for (id, text) in [
            ("action-from", "Ghana"),
            ("action-to", "UNHCR"),
            ("action-text", "Share the figures by region"),
        ] {
            app.find(&format!("[data-testid={id}]"))
                .await?
                .clear()
                .await?;
            app.type_into(&format!("[data-testid={id}]"), text).await?;
        }
        set_value(&app, "action-due", "2026-04-30").await?;
        choose(&app, "action-status", "in_progress").await?;
        // Leaving the tab writes the row; coming back shows it from the stored record.
        app.tab("overview").await?;
        app.tab("actions").await?;
        check_action(&app).await?;
        app.quit().await?;

        let app = driver.launch().await?;
        app.open_meeting(TITLE).await?;
        check_overview(&app).await?;
        check_attendance(&app).await?;
        app.tab("actions").await?;
        check_action(&app).await?;

        // Export the interchange JSON where the save dialog says.
        driver.answer_dialogs(&[Some(&exported)])?;
        app.click("[data-testid=export]").await?;
        let bytes = wait_for_file(&exported).await?;
        app.until(
            "the export is reported",
            "return !!document.querySelector('[data-testid=toast-info]');",
            vec![],
        )
        .await?;
        app.quit().await?;
        drop(driver);

        // It imports into an empty data directory with every field.
        let json: serde_json::Value = serde_json::from_slice(&bytes)?;
        assert_eq!(json["meeting"]["venue"], "Palais des Nations, Room XX");
        let driver = Driver::start().await?;
        driver.import("consultation.json", &bytes).await?;
        let app = driver.launch().await?;
        app.open_meeting(TITLE).await?;
        check_overview(&app).await?;
        check_attendance(&app).await?;
        app.tab("actions").await?;
        check_action(&app).await?;
        app.quit().await?;
        Ok(())
    });
}

async fn check_attendance(app: &App) -> Res {
    app.tab("attendance").await?;
    app.until(
        "the free entry is listed as civil society",
        "const r = document.querySelector('[data-testid=delegation-row]'); \
         return !!r && r.querySelector('.row-name').textContent === 'Amnesty International' && r.textContent.includes('Civil society');",
        vec![],
    )
    .await?;
    app.until(
        "the typed headcount shows, and the named list's",
        "const n = (c) => document.querySelector(`[data-testid=count-${c}] .num`)?.textContent.trim(); \
         return n('un_system') === '12' && n('civil_society') === '1';",
        vec![],
    )
    .await?;
    Ok(())
}

async fn check_action(app: &App) -> Res {
    app.until_count("[data-testid=action-row]", 1).await?;
    let want = [
        ("action-kind", "commitment"),
        ("action-from", "Ghana"),
        ("action-to", "UNHCR"),
        ("action-text", "Share the figures by region"),
        ("action-due", "2026-04-30"),
        ("action-status", "in_progress"),
    ];
    for (id, value) in want {
        app.until(
            &format!("{id} is {value:?}"),
            "const e = document.querySelector(`[data-testid=${arguments[0]}]`); return !!e && (e.dataset.iso ?? e.value) === arguments[1];",
            vec![json!(id), json!(value)],
        )
        .await?;
    }
    Ok(())
}

async fn editor_is(app: &App, want: &str) -> Res {
    app.until(
        &format!("the editor reads {want:?}"),
        "const e = document.querySelector('[data-testid=editor]'); return !!e && e.textContent.trim() === arguments[0];",
        vec![json!(want)],
    )
    .await
}

/// Undo takes back the last typing: all of it, unless a pause on a loaded machine split it in two.
async fn undone(app: &App, typed: &str) -> Res {
    app.until(
        "the typing is undone",
        "const e = document.querySelector('[data-testid=editor]'); const t = e ? e.textContent.trim() : null; \
         return t !== null && t.length < arguments[0].length && arguments[0].startsWith(t);",
        vec![json!(typed)],
    )
    .await
}

/// The summary editor's undo and redo, by keyboard and by its toolbar; the text redone is the one saved.
#[test]
fn summary_undo_and_redo() {
    use fantoccini::key::Key;
    const TEXT: &str = "The meeting was opened by the Chair.";
    run(async {
        let driver = Driver::start().await?;
        let app = driver.launch().await?;
        app.new_meeting("Undo and redo").await?;
        app.settle().await?;
        app.until("the meeting is open", "const h = document.querySelector('[data-testid=meeting-title]'); return !!h && h.textContent === 'Undo and redo';", vec![]).await?;
        app.tab("documents").await?;
        app.type_into("[data-testid=editor]", TEXT).await?;
        app.settle().await?;
        editor_is(&app, TEXT).await?;
        let (ctrl, shift, null) = (
            char::from(Key::Control),
            char::from(Key::Shift),
            char::from(Key::Null),
        );
        let editor = app.find("[data-testid=editor]").await?;
        editor.send_keys(&format!("{ctrl}z{null}")).await?;
        undone(&app, TEXT).await?;
        editor.send_keys(&format!("{ctrl}{shift}z{null}")).await?;
        editor_is(&app, TEXT).await?;

        app.click("[data-testid=undo]").await?;
        undone(&app, TEXT).await?;
        app.click("[data-testid=redo]").await?;
        editor_is(&app, TEXT).await?;
        app.settle().await?;

        // Another tab and back: the editor reloads the stored summary.
        app.tab("notes").await?;
        app.tab("documents").await?;
        editor_is(&app, TEXT).await?;
        app.quit().await?;
        Ok(())
    });
}
