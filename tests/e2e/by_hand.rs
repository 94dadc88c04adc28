//! The example meeting (the seed briefing of 12 December 2019) built by hand in the real window, with no
//! import: every field the record holds is typed or chosen through the keyboard and the mouse as a rapporteur
//! would, at full speed, with no pause between fields. The stored record must then equal the example record in
//! meaning: both go through the same serialiser as `rapporteur show --json`, and only the ids the store gives
//! each row are set aside.

use fantoccini::key::Key;
use serde_json::{Value, json};

use crate::harness::{App, Driver, Res, run};
use crate::screens::choose;

const EXAMPLE: &str = include_str!("../fixtures/network-briefing-2019-12-12.json");

fn key(k: Key) -> String {
    char::from(k).to_string()
}

/// Types `text` into the element `css`, replacing what it held (Ctrl+A first), through the keyboard.
pub(crate) async fn retype(app: &App, css: &str, text: &str) -> Res {
    app.click(css).await?;
    focused(app, css).await?;
    app.chord(Key::Control, 'a').await?;
    app.type_keys(text).await
}

/// Waits until the element `css` has the keyboard focus.
async fn focused(app: &App, css: &str) -> Res {
    app.until(
        &format!("{css} has the focus"),
        "return document.activeElement === document.querySelector(arguments[0]);",
        vec![json!(css)],
    )
    .await
}

/// Types a date into a date field (day first, as the interface reads it) and leaves it with Tab; waits until
/// the field holds it.
pub(crate) async fn date(app: &App, css: &str, typed: &str, iso: &str) -> Res {
    retype(app, css, typed).await?;
    app.type_keys(&key(Key::Tab)).await?;
    app.until(
        &format!("{css} holds {iso}"),
        "const e = document.querySelector(arguments[0]); return !!e && e.dataset.iso === arguments[1];",
        vec![json!(css), json!(iso)],
    )
    .await
}

async fn overview(app: &App, ex: &Value) -> Res {
    let m = &ex["meeting"];
    app.tab("overview").await?;
    choose(app, "overview-kind", m["kind"].as_str().ok_or("kind")?).await?;
    choose(app, "overview-language", "en").await?;
    retype(
        app,
        "[data-testid=overview-convened-by]",
        m["convened_by"].as_str().ok_or("convened_by")?,
    )
    .await?;
    date(
        app,
        "[data-testid=overview-date]",
        "12/12/2019",
        "2019-12-12",
    )
    .await?;
    for (id, field) in [
        ("chair-name", "name"),
        ("chair-title", "title"),
        ("chair-role", "role"),
    ] {
        let text = m["chair"][field].as_str().ok_or(field)?;
        retype(app, &format!("[data-testid=overview-{id}]"), text).await?;
    }
    app.settle().await?;

    // Related meetings: a title and Enter adds one, then its date and outcome.
    for (i, r) in ex["related_meetings"]
        .as_array()
        .ok_or("related")?
        .iter()
        .enumerate()
    {
        retype(
            app,
            "[data-testid=related-new-title]",
            r["title"].as_str().ok_or("title")?,
        )
        .await?;
        app.type_keys(&key(Key::Enter)).await?;
        app.until_count("[data-testid=related-row]", i + 1).await?;
        let row = format!("[data-testid=related-row]:nth-of-type({}) ", i + 1);
        let iso = r["date"].as_str().ok_or("date")?;
        let typed = format!("{}/{}/{}", &iso[8..10], &iso[5..7], &iso[0..4]);
        date(
            app,
            &format!("{row}[data-testid=related-date]"),
            &typed,
            iso,
        )
        .await?;
        retype(
            app,
            &format!("{row}[data-testid=related-outcome]"),
            r["outcome"].as_str().ok_or("outcome")?,
        )
        .await?;
        app.settle().await?;
    }
    Ok(())
}

async fn attendance(app: &App, ex: &Value) -> Res {
    app.tab("attendance").await?;
    for g in ex["attendance"]["groups"].as_array().ok_or("groups")? {
        let category = g["category"].as_str().ok_or("category")?;
        choose(app, "group-category", category).await?;
        let count = g["count"].to_string();
        retype(app, "[data-testid=group-count]", &count).await?;
        app.click("[data-testid=group-add]").await?;
        // The label's save carries the group's count as stored: the count must be stored first.
        app.until(
            &format!("{count} is stored for {category}"),
            "const c = document.querySelector(`[data-testid=count-${arguments[0]}] .num`); return !!c && c.textContent.trim() === arguments[1];",
            vec![json!(category), json!(count)],
        )
        .await?;
        let labels =
            format!("[data-testid=group-labels-{category}] [data-testid=group-label-plural]");
        retype(app, &labels, g["label"].as_str().ok_or("label")?).await?;
        app.settle().await?;
    }
    Ok(())
}

async fn speakers(app: &App, ex: &Value) -> Res {
    app.tab("speakers").await?;
    // What a rapporteur types: the start of each name, and the short form "UK", which the registry knows.
    let typed = [
        "Ecua", "Germ", "Hait", "Mexi", "Moro", "Paki", "Phil", "Thai", "UK",
    ];
    for (i, start) in typed.iter().enumerate() {
        app.add_speaker(start).await?;
        app.until_count("[data-testid=speaker-row]", i + 1).await?;
    }
    // The Special Rapporteur is no State: the picker's explicit free entry, filed under its category.
    let free = &ex["interventions"][9]["speaker"];
    let (name, category) = (
        free["name"].as_str().ok_or("name")?,
        free["category"].as_str().ok_or("category")?,
    );
    app.add_free_speaker(name, category).await?;
    app.until_count("[data-testid=speaker-row]", 10).await?;
    // The United Kingdom is "UK" in this meeting.
    app.js(
        "document.querySelectorAll('[data-testid=speaker-row]')[8].click();",
        vec![],
    )
    .await?;
    app.until(
        "the United Kingdom's detail is open",
        "const e = document.querySelector('[data-testid=display-name]'); return !!e;",
        vec![],
    )
    .await?;
    retype(app, "[data-testid=display-name]", "UK").await?;
    app.settle().await
}

async fn actions(app: &App, ex: &Value) -> Res {
    app.tab("actions").await?;
    for (i, a) in ex["action_items"]
        .as_array()
        .ok_or("actions")?
        .iter()
        .enumerate()
    {
        choose(app, "new-action-kind", a["kind"].as_str().ok_or("kind")?).await?;
        retype(
            app,
            "[data-testid=new-action-from]",
            a["from"].as_str().ok_or("from")?,
        )
        .await?;
        retype(
            app,
            "[data-testid=new-action-to]",
            a["to"].as_str().ok_or("to")?,
        )
        .await?;
        retype(
            app,
            "[data-testid=new-action-text]",
            a["text"].as_str().ok_or("text")?,
        )
        .await?;
        if let Some(iso) = a["due"].as_str() {
            let typed = format!("{}/{}/{}", &iso[8..10], &iso[5..7], &iso[0..4]);
            date(app, "[data-testid=new-action-due]", &typed, iso).await?;
        }
        app.click("[data-testid=add-action]").await?;
        app.until_count("[data-testid=action-row]", i + 1).await?;
    }
    app.settle().await
}

async fn statement(app: &App, ex: &Value) -> Res {
    let doc = &ex["documents"][0];
    app.tab("documents").await?;
    app.click("[data-testid=add-statement]").await?;
    retype(
        app,
        "[data-testid=statement-title]",
        doc["title"].as_str().ok_or("title")?,
    )
    .await?;
    app.type_keys(&key(Key::Tab)).await?;
    app.click("[data-testid=editor]").await?;
    // Two paragraphs: Enter ends the first.
    app.type_keys(&format!(
        "Excellencies, colleagues,{}(The statement as delivered is drafted here.)",
        key(Key::Enter)
    ))
    .await?;
    app.settle().await
}

/// The record as `show --json` prints it, without the ids the store gives rows, and with each document's
/// Markdown body ending where its text ends (the editor does not keep a final newline, which means nothing in
/// Markdown).
pub(crate) fn meaning(mut v: Value) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(m) => {
                m.remove("id");
                m.retain(|_, x| !x.is_null());
                m.values_mut().for_each(strip);
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut v);
    for doc in v["documents"].as_array_mut().into_iter().flatten() {
        if let Some(body) = doc["body"].as_str() {
            doc["body"] = json!(body.trim_end());
        }
    }
    v
}

#[test]
fn the_example_meeting_built_by_hand_equals_the_example_record() {
    run(async {
        let ex: Value = serde_json::from_str(EXAMPLE)?;
        let driver = Driver::start().await?;
        let app = driver.launch().await?;
        app.new_meeting(ex["meeting"]["title"].as_str().ok_or("title")?)
            .await?;
        app.settle().await?;
        overview(&app, &ex).await?;
        attendance(&app, &ex).await?;
        speakers(&app, &ex).await?;
        actions(&app, &ex).await?;
        statement(&app, &ex).await?;
        app.screenshot("by-hand-statement").await?;
        app.quit().await?;

        let built = driver.stored_records().await?;
        let [built] = built.as_slice() else {
            return Err(format!("one meeting expected, found {}", built.len()).into());
        };
        let reference = tempfile::tempdir()?;
        let want = rapporteur_app::App::open(reference.path()).await?;
        let id = want.import_json("example.json", EXAMPLE.as_bytes()).await?;
        let want = serde_json::to_value(want.record(&id).await?)?;
        let (got, want) = (meaning(built.clone()), meaning(want));
        if got != want {
            return Err(format!(
                "the record built by hand differs from the example:\n built: {}\n example: {}",
                serde_json::to_string_pretty(&got)?,
                serde_json::to_string_pretty(&want)?
            )
            .into());
        }
        Ok(())
    });
}
