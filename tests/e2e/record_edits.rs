//! The parts of the record added to the window last: an attending delegation's name for this meeting, a free
//! entry corrected (name and category), the summary's own title, and a speaker picked by mistake replaced by
//! another State. Typed through the keyboard at full speed in the real window, then read back from the store
//! after the app has quit.

use fantoccini::key::Key;
use serde_json::{Value, json};

use crate::harness::{App, Driver, Res, run};
use crate::screens::choose;

/// Types `text` into the element `css`, replacing what it held, through the keyboard.
async fn retype(app: &App, css: &str, text: &str) -> Res {
    app.click(css).await?;
    app.until(
        &format!("{css} has the focus"),
        "return document.activeElement === document.querySelector(arguments[0]);",
        vec![json!(css)],
    )
    .await?;
    app.chord(Key::Control, 'a').await?;
    app.type_keys(text).await
}

/// Picks the first suggestion of the picker `testid` for what is typed.
pub(crate) async fn pick(app: &App, testid: &str, typed: &str) -> Res {
    app.type_into(&format!("[data-testid={testid}]"), typed)
        .await?;
    app.until(
        &format!("a State is suggested for {typed:?}"),
        "return !!document.querySelector(`[data-testid=${arguments[0]}-options] button`);",
        vec![json!(testid)],
    )
    .await?;
    app.find(&format!("[data-testid={testid}]"))
        .await?
        .send_keys(&char::from(Key::Enter).to_string())
        .await?;
    Ok(())
}

/// Clicks the `n`th attendance row and waits for its detail panel.
async fn select_row(app: &App, n: usize, panel_field: &str) -> Res {
    app.js(
        "document.querySelectorAll('[data-testid=delegation-row] .row-main')[arguments[0]].click();",
        vec![json!(n)],
    )
    .await?;
    app.wait_for(&format!("[data-testid={panel_field}]"))
        .await?;
    Ok(())
}

#[test]
fn names_categories_titles_and_a_replaced_speaker_are_stored() {
    run(async {
        let driver = Driver::start().await?;
        let app = driver.launch().await?;
        app.new_meeting("Briefing on migration").await?;
        app.settle().await?;

        app.tab("attendance").await?;
        pick(&app, "add-state", "Fran").await?;
        app.until_count("[data-testid=delegation-row]", 1).await?;
        select_row(&app, 0, "delegation-display-name").await?;
        retype(
            &app,
            "[data-testid=delegation-display-name]",
            "France (host)",
        )
        .await?;
        retype(&app, "[data-testid=free-name]", "UN Netwrk").await?;
        app.type_keys(&char::from(Key::Enter).to_string()).await?;
        app.until_count("[data-testid=delegation-row]", 2).await?;
        select_row(&app, 1, "delegation-name").await?;
        retype(
            &app,
            "[data-testid=delegation-name]",
            "UN Network on Migration",
        )
        .await?;
        choose(
            &app,
            "delegation-category",
            "intergovernmental_organization",
        )
        .await?;
        app.settle().await?;

        app.tab("documents").await?;
        retype(
            &app,
            "[data-testid=summary-title]",
            "Summary of the briefing",
        )
        .await?;
        app.settle().await?;

        app.tab("speakers").await?;
        app.add_speaker("Ghan").await?;
        app.until_count("[data-testid=speaker-row]", 1).await?;
        app.js(
            "document.querySelector('[data-testid=speaker-row]').click();",
            vec![],
        )
        .await?;
        pick(&app, "change-speaker", "Tog").await?;
        app.until(
            "the speaker is Togo",
            "const r = document.querySelector('[data-testid=speaker-row]'); return !!r && r.textContent.includes('Togo');",
            vec![],
        )
        .await?;
        app.settle().await?;
        app.quit().await?;

        let stored = driver.stored_records().await?;
        let [r] = stored.as_slice() else {
            return Err(format!("one meeting expected, found {}", stored.len()).into());
        };
        let d = &r["attendance"]["delegations"];
        let want = (
            json!("FRA"),
            json!("France (host)"),
            json!("UN Network on Migration"),
            json!("intergovernmental_organization"),
        );
        let got = (
            d[0]["delegation"].clone(),
            d[0]["display_name"].clone(),
            d[1]["name"].clone(),
            d[1]["category"].clone(),
        );
        if got != want {
            return Err(format!("attendance stored as {d:#}").into());
        }
        let summary = r["documents"]
            .as_array()
            .and_then(|docs| docs.iter().find(|x| x["kind"] == "summary"))
            .map(|x| x["title"].clone())
            .unwrap_or(Value::Null);
        if summary != json!("Summary of the briefing") {
            return Err(format!("summary title stored as {summary}").into());
        }
        let speaker = &r["interventions"][0]["speaker"];
        if speaker["delegation"] != json!("TGO") {
            return Err(format!("speaker stored as {speaker}").into());
        }
        Ok(())
    });
}
