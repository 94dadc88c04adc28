//! The record @2 in the real window: a real-style meeting (the Conference on Disarmament plenary fixture, which
//! has a session, an agenda, documents before it, the chair's State, speakers on behalf of groups, a deadline
//! given as a month and decisions with their votes) is imported, edited through the old fields and the new
//! editors at full keyboard speed, and read back from the store after the app has quit. What must hold: every
//! field no screen touched is kept (saving the meeting's own fields, an action item or a speaker's details once
//! cleared the @2 fields the window did not send), and every new editor stores what was chosen.

use serde_json::{Value, json};

use crate::by_hand::{meaning, retype};
use crate::harness::{App, Driver, Res, run};
use crate::record_edits::pick;

const CD: &str = include_str!("../fixtures/cd-plenary-2020-02-25.json");

/// Gives the `n`th element matching `css` the attribute `data-e2e=name`, so later selectors can reach inside it.
pub(crate) async fn mark(app: &App, css: &str, n: usize, name: &str) -> Res {
    app.until(
        &format!("{css} number {n} is on screen"),
        "const e = document.querySelectorAll(arguments[0])[arguments[1]]; \
         if (e) e.setAttribute('data-e2e', arguments[2]); return !!e;",
        vec![json!(css), json!(n), json!(name)],
    )
    .await
}

/// Chooses `value` in the select `css`, as `screens::choose` does for a select known by its test id.
pub(crate) async fn choose_in(app: &App, css: &str, value: &str) -> Res {
    let el = app.wait_for(css).await?;
    app.reveal(&el).await?;
    el.select_by_value(value)
        .await
        .map_err(|e| format!("choosing {value:?} in {css}: {e}"))?;
    Ok(())
}

/// Waits until the text of `css` contains `text`.
pub(crate) async fn shows(app: &App, css: &str, text: &str) -> Res {
    app.until(
        &format!("{css} shows {text:?}"),
        "const e = document.querySelector(arguments[0]); return !!e && e.textContent.includes(arguments[1]);",
        vec![json!(css), json!(text)],
    )
    .await
}

async fn overview(app: &App) -> Res {
    app.tab("overview").await?;
    retype(
        app,
        "[data-testid=overview-venue]",
        "Room XVIII, Palais des Nations",
    )
    .await?;
    retype(
        app,
        "[data-testid=overview-session]",
        "second part of the 2020 session",
    )
    .await?;
    app.click("[data-testid=overview-agenda-add]").await?;
    retype(app, "[data-testid=overview-agenda-key-2]", "4").await?;
    retype(
        app,
        "[data-testid=overview-agenda-text-2]",
        "Other business",
    )
    .await?;
    app.click("[data-testid=overview-documents-before-add]")
        .await?;
    retype(
        app,
        "[data-testid=overview-documents-before-key-2]",
        "CD/2180",
    )
    .await?;
    app.click("[data-testid=overview-chair-state] button")
        .await?;
    pick(app, "overview-chair-state-picker", "Ecuad").await?;
    shows(app, "[data-testid=overview-chair-state-name]", "Ecuador").await?;
    app.settle().await
}

async fn speaker(app: &App) -> Res {
    app.tab("speakers").await?;
    mark(app, "[data-testid=speaker-row]", 2, "usa").await?;
    app.click("[data-e2e=usa]").await?;
    // The first speaker's details are open until then, with the same fields.
    shows(app, "[data-testid=intervention-detail] h2", "United States").await?;
    retype(app, "[data-testid=intervention-person]", "Mr. Wood").await?;
    pick(app, "behalf-group-picker", "Non-Aligned").await?;
    shows(app, "[data-testid=behalf-group]", "Non-Aligned").await?;
    pick(app, "behalf-also-picker", "Canad").await?;
    shows(app, "[data-testid=behalf-also]", "Canada").await?;
    app.settle().await
}

async fn actions(app: &App) -> Res {
    app.tab("actions").await?;
    for n in 0..4 {
        mark(app, "[data-testid=action-row]", n, &format!("a{n}")).await?;
    }
    retype(
        app,
        "[data-e2e=a0] [data-testid=action-text]",
        "Circulate a revised draft of the programme of work.",
    )
    .await?;
    retype(
        app,
        "[data-e2e=a3] [data-testid=action-due-month]",
        "2020-03",
    )
    .await?;
    choose_in(app, "[data-e2e=a2] [data-testid=action-adoption]", "vote").await?;
    for (side, n) in [("yes", "30"), ("no", "2"), ("abstentions", "1")] {
        retype(
            app,
            &format!("[data-e2e=a2] [data-testid=action-votes-{side}]"),
            n,
        )
        .await?;
    }
    app.settle().await
}

/// The fixture as a store holds it once imported (with the ids it gives).
pub(crate) async fn as_stored() -> Res<Value> {
    let dir = tempfile::tempdir()?;
    let reference = rapporteur_app::App::open(dir.path()).await?;
    let id = reference.import_json("cd.json", CD.as_bytes()).await?;
    Ok(serde_json::to_value(reference.record(&id).await?)?)
}

/// The one meeting the app stored.
pub(crate) async fn the_stored(driver: &Driver) -> Res<Value> {
    let stored = driver.stored_records().await?;
    let [got] = stored.as_slice() else {
        return Err(format!("one meeting expected, found {}", stored.len()).into());
    };
    Ok(got.clone())
}

/// Fails showing both when the stored record does not mean what is expected.
pub(crate) fn same_meaning(got: Value, want: Value) -> Res {
    let (got, want) = (meaning(got), meaning(want));
    if got != want {
        return Err(format!(
            "the stored record differs from the fixture with the edits made:\n stored: {}\n expected: {}",
            serde_json::to_string_pretty(&got)?,
            serde_json::to_string_pretty(&want)?
        )
        .into());
    }
    Ok(())
}

/// The fixture as the store holds it, with the edits above made by hand.
async fn expected() -> Res<Value> {
    let mut want = as_stored().await?;
    let m = &mut want["meeting"];
    m["venue"] = json!("Room XVIII, Palais des Nations");
    m["session"] = json!("second part of the 2020 session");
    m["chair"]["state"] = json!("ECU");
    m["agenda"]
        .as_array_mut()
        .ok_or("agenda")?
        .push(json!({"number": "4", "title": "Other business"}));
    m["documents_before"]
        .as_array_mut()
        .ok_or("documents_before")?
        .push(json!({"symbol": "CD/2180"}));
    let usa = &mut want["interventions"][2];
    usa["person"] = json!("Mr. Wood");
    usa["on_behalf_of"] = json!({"group": "non-aligned-movement"});
    usa["also_on_behalf_of"] = json!(["CAN"]);
    let items = &mut want["action_items"];
    items[0]["text"] = json!("Circulate a revised draft of the programme of work.");
    items[2]["adoption"] = json!({"method": "vote", "yes": 30, "no": 2, "abstentions": 1});
    items[3]["due_month"] = json!("2020-03");
    Ok(want)
}

#[test]
fn the_record_v2_is_kept_and_edited_in_the_window() {
    run(async {
        let driver = Driver::start().await?;
        driver.import("cd.json", CD.as_bytes()).await?;
        let app = driver.launch().await?;
        app.open_meeting("Plenary meeting of the Conference on Disarmament")
            .await?;
        overview(&app).await.map_err(|e| format!("overview: {e}"))?;
        speaker(&app).await.map_err(|e| format!("speaker: {e}"))?;
        actions(&app).await.map_err(|e| format!("actions: {e}"))?;
        app.screenshot("record-v2-actions").await?;
        app.quit().await?;

        same_meaning(the_stored(&driver).await?, expected().await?)
    });
}
