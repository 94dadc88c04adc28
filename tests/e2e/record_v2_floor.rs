//! The rest of record @2 in the real window, after `record_v2`: a speaker's role, the persons of a delegation
//! and what was said besides the speakers list (grouped positions, podium remarks, announcements) are edited at
//! full keyboard speed on the Conference on Disarmament plenary fixture, and the stored record is compared
//! after the app has quit: what was chosen is kept, a flagged row (a blank or repeated name, a blank text) is
//! not saved, and nothing else changed. Then the tracker, filtered by session and by agenda item.

use serde_json::{Value, json};

use crate::by_hand::retype;
use crate::harness::{App, Driver, Res, run};
use crate::record_v2::{as_stored, choose_in, mark, same_meaning, shows, the_stored};

const CD: &str = include_str!("../fixtures/cd-plenary-2020-02-25.json");
const EXAMPLE: &str = include_str!("../fixtures/network-briefing-2019-12-12.json");
const TITLE: &str = "Plenary meeting of the Conference on Disarmament";

/// Enter, which presses a focused button.
const ENTER: char = '\u{E007}';

/// Presses `key` on the control `css` (Enter for a button, a space for a checkbox): the control takes the
/// focus (scrolled into view), then the key goes to it.
async fn press(app: &App, css: &str, key: char) -> Res {
    app.until(
        &format!("{css} has the focus"),
        "const e = document.querySelector(arguments[0]); if (!e) return false; \
         e.scrollIntoView({block: 'center'}); e.focus(); return document.activeElement === e;",
        vec![json!(css)],
    )
    .await?;
    app.type_keys(&key.to_string()).await
}

/// Waits until the field `css` is flagged (`aria-invalid`) as `flagged` says.
async fn flagged(app: &App, css: &str, flagged: bool) -> Res {
    app.until(
        &format!("{css} flagged: {flagged}"),
        "const e = document.querySelector(arguments[0]); return !!e && (e.getAttribute('aria-invalid') === 'true') === arguments[1];",
        vec![json!(css), json!(flagged)],
    )
    .await
}

async fn role(app: &App) -> Res {
    app.tab("speakers").await?;
    mark(app, "[data-testid=speaker-row]", 2, "usa").await?;
    app.click("[data-e2e=usa]").await?;
    // The first speaker's details are open until then, with the same fields.
    shows(app, "[data-testid=intervention-detail] h2", "United States").await?;
    retype(app, "[data-testid=intervention-role]", "panellist").await?;
    app.settle().await
}

/// Tunisia's persons (the first delegation, shown when the tab opens): a function changed, a person added who
/// now heads the delegation, and a person typed twice, which is flagged and not saved.
async fn persons(app: &App) -> Res {
    app.tab("attendance").await?;
    app.wait_for("[data-testid=persons]").await?;
    retype(app, "[data-testid=person-function-1]", "First Counsellor").await?;
    press(app, "[data-testid=person-add]", ENTER).await?;
    retype(app, "[data-testid=person-name-2]", "Ms. Amira Trabelsi").await?;
    retype(app, "[data-testid=person-function-2]", "Adviser").await?;
    press(app, "[data-testid=person-head-2]", ' ').await?;
    press(app, "[data-testid=person-add]", ENTER).await?;
    retype(app, "[data-testid=person-name-3]", "mr. karim ben salah").await?;
    flagged(app, "[data-testid=person-name-3]", true).await?;
    app.settle().await?;
    app.screenshot("record-v2-persons").await
}

async fn floor(app: &App) -> Res {
    app.tab("speakers").await?;
    app.wait_for("[data-testid=floor-editor]").await?;
    retype(
        app,
        "[data-testid=position-text-1]",
        "called for negotiations to begin",
    )
    .await?;
    press(app, "[data-testid=position-1-up]", ENTER).await?;
    // An answer by the Secretary-General to China (the sixth speaker), chosen from the speakers list.
    press(app, "[data-testid=remark-add]", ENTER).await?;
    choose_in(app, "[data-testid=remark-kind-2]", "answer").await?;
    retype(
        app,
        "[data-testid=remark-by-2]",
        "the Secretary-General of the Conference",
    )
    .await?;
    flagged(app, "[data-testid=remark-reply-2]", true).await?;
    let china = app
        .js(
            "return document.querySelector('[data-testid=remark-reply-2]').options[6].value;",
            vec![],
        )
        .await?;
    choose_in(
        app,
        "[data-testid=remark-reply-2]",
        china.as_str().ok_or("an option's value")?,
    )
    .await?;
    retype(
        app,
        "[data-testid=remark-summary-2]",
        "The document would be issued in all languages.",
    )
    .await?;
    press(app, "[data-testid=announcement-1-remove]", ENTER).await?;
    press(app, "[data-testid=announcement-add]", ENTER).await?;
    retype(app, "[data-testid=announcement-by-1]", "the President").await?;
    retype(
        app,
        "[data-testid=announcement-text-1]",
        "the next plenary would be held on 3 March 2020",
    )
    .await?;
    choose_in(app, "[data-testid=announcement-agenda-1]", "1").await?;
    press(app, "[data-testid=announcement-add]", ENTER).await?;
    flagged(app, "[data-testid=announcement-text-2]", true).await?;
    app.settle().await
}

/// The fixture as the store holds it, with the edits above made by hand; `china` is the id the store gave
/// the sixth intervention.
async fn expected(china: &Value) -> Res<Value> {
    let mut want = as_stored().await?;
    want["interventions"][2]["role"] = json!("panellist");
    let tun = &mut want["attendance"]["delegations"][0]["persons"];
    tun[1]["function"] = json!("First Counsellor");
    tun[0].as_object_mut().ok_or("a person")?.remove("head");
    tun.as_array_mut()
        .ok_or("persons")?
        .push(json!({"name": "Ms. Amira Trabelsi", "function": "Adviser", "head": true}));
    let positions = want["positions"].as_array_mut().ok_or("positions")?;
    positions[1]["text"] = json!("called for negotiations to begin");
    positions.swap(0, 1);
    want["remarks"]
        .as_array_mut()
        .ok_or("remarks")?
        .push(json!({
            "kind": "answer",
            "by": "the Secretary-General of the Conference",
            "in_reply_to": china,
            "summary": "The document would be issued in all languages."
        }));
    want["announcements"][1] = json!({
        "by": "the President",
        "text": "the next plenary would be held on 3 March 2020",
        "agenda_item": "1"
    });
    Ok(want)
}

#[test]
fn the_role_persons_and_floor_are_edited_in_the_window() {
    run(async {
        let driver = Driver::start().await?;
        driver.import("cd.json", CD.as_bytes()).await?;
        let app = driver.launch().await?;
        app.open_meeting(TITLE).await?;
        role(&app).await.map_err(|e| format!("role: {e}"))?;
        persons(&app).await.map_err(|e| format!("persons: {e}"))?;
        floor(&app).await.map_err(|e| format!("floor: {e}"))?;
        app.screenshot("record-v2-floor").await?;
        app.quit().await?;

        let got = the_stored(&driver).await?;
        let want = expected(&got["interventions"][5]["id"]).await?;
        same_meaning(got, want)
    });
}

/// Waits until the tracker lists `n` items, and returns the texts of those on screen.
async fn listed(app: &App, n: usize) -> Res<Vec<String>> {
    app.until(
        &format!("the tracker lists {n} items"),
        "const e = document.querySelector('[data-testid=tracker-counts]'); return !!e && e.textContent.startsWith(arguments[0] + ' ');",
        vec![json!(n)],
    )
    .await?;
    app.texts("[data-testid=tracker-list] [data-testid=action-text]")
        .await
}

#[test]
fn the_tracker_filters_by_session_and_agenda_item_in_the_window() {
    run(async {
        let driver = Driver::start().await?;
        driver.import("cd.json", CD.as_bytes()).await?;
        driver.import("example.json", EXAMPLE.as_bytes()).await?;
        let app = driver.launch().await?;
        app.click("[data-testid=open-tracker]").await?;
        app.wait_for("[data-testid=tracker-list] [data-testid=action-row]")
            .await?;
        app.click("[data-testid=open-only]").await?;
        listed(&app, 11).await?;
        choose_in(
            &app,
            "[data-testid=tracker-session]",
            "first part of the 2020 session",
        )
        .await?;
        listed(&app, 4).await?;
        choose_in(&app, "[data-testid=tracker-agenda-item]", "1").await?;
        let under_1 = listed(&app, 2).await?;
        let cd: Value = serde_json::from_str(CD)?;
        let want: Vec<&str> = cd["action_items"]
            .as_array()
            .ok_or("action_items")?
            .iter()
            .filter(|a| a["agenda_item"] == "1")
            .filter_map(|a| a["text"].as_str())
            .collect();
        let mut got = under_1.clone();
        got.sort();
        let mut want = want.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        want.sort();
        if got != want {
            return Err(format!("under item 1: {got:?}, expected {want:?}").into());
        }
        choose_in(&app, "[data-testid=tracker-session]", "").await?;
        listed(&app, 2).await?;
        app.screenshot("tracker-filters").await?;
        app.quit().await
    });
}
