//! The whole rapporteur workflow in the real window: create a meeting, add five delegations to attendance,
//! run a speakers list of four with notes, add three action items, write a paragraph of summary and private
//! notes; then quit, start the app again, and check that everything is still there.

use fantoccini::key::Key;
use serde_json::json;

use crate::harness::{App, Driver, Res, run};

const TITLE: &str = "Briefing on the humanitarian situation";
const STATES: [(&str, &str); 5] = [
    ("Fran", "France"),
    ("Ghan", "Ghana"),
    ("Braz", "Brazil"),
    ("Japa", "Japan"),
    ("turk", "Türkiye"),
];
const SPEAKERS: [(&str, &str); 4] = [
    ("Ghan", "Ghana"),
    ("Fran", "France"),
    ("Japa", "Japan"),
    ("Braz", "Brazil"),
];
const SUMMARY: &str = "The Chair opened the meeting and welcomed the delegations.";
const PRIVATE: &str = "Ask Ghana for the figures after the meeting.";

fn key(k: Key) -> String {
    char::from(k).to_string()
}

fn note_for(name: &str) -> String {
    format!("{name} stressed access for humanitarian workers.")
}

#[test]
fn full_meeting_survives_a_restart() {
    run(async {
        let driver = Driver::start().await?;
        let app = driver.launch().await?;

        // A new meeting, titled in Overview.
        app.new_meeting(TITLE).await?;
        app.settle().await?;
        app.until("the title shows in the header", "const h = document.querySelector('[data-testid=meeting-title]'); return !!h && h.textContent === arguments[0];", vec![json!(TITLE)]).await?;
        app.screenshot("02-overview").await?;

        // Five States by search-as-you-type.
        app.tab("attendance").await?;
        for (n, (typed, name)) in STATES.iter().enumerate() {
            app.type_into("[data-testid=add-state]", typed).await?;
            app.until(&format!("{name} is suggested"), "const o = document.querySelector('[data-testid=add-state-options] button'); return !!o && o.textContent.includes(arguments[0]);", vec![json!(name)]).await?;
            app.find("[data-testid=add-state]")
                .await?
                .send_keys(&key(Key::Enter))
                .await?;
            app.until_count("[data-testid=delegation-row]", n + 1)
                .await?;
        }
        // One key marks the selected (first) delegation absent.
        app.find("[data-testid=attendance-list]")
            .await?
            .send_keys(" ")
            .await?;
        app.until("one delegation absent", "return document.querySelectorAll('[data-testid=delegation-row][data-present=false]').length === 1;", vec![]).await?;
        app.until("4 Member States counted", "const r = document.querySelector('[data-testid=count-member_state] .num'); return !!r && r.textContent.trim() === '4';", vec![]).await?;
        app.screenshot("03-attendance").await?;

        // Four speakers, with what each said (speakers.rs proves attendance comes first in suggestions).
        app.tab("speakers").await?;
        for (n, (typed, name)) in SPEAKERS.iter().enumerate() {
            app.type_into("[data-testid=add-speaker]", typed).await?;
            app.until(&format!("{name} is suggested"), "const o = document.querySelector('[data-testid=add-speaker-options] button'); return !!o && o.textContent.includes(arguments[0]);", vec![json!(name)]).await?;
            app.find("[data-testid=add-speaker]")
                .await?
                .send_keys(&key(Key::Enter))
                .await?;
            app.until_count("[data-testid=speaker-row]", n + 1).await?;
        }
        for (n, (_, name)) in SPEAKERS.iter().enumerate() {
            app.js(
                "document.querySelectorAll('[data-testid=speaker-row]')[arguments[0]].click();",
                vec![json!(n)],
            )
            .await?;
            app.until("its notes open", "const h = document.querySelector('[data-testid=intervention-detail] h2'); return !!h && h.textContent.includes(arguments[0]);", vec![json!(name)]).await?;
            app.type_into("[data-testid=intervention-notes]", &note_for(name))
                .await?;
            app.settle().await?;
        }
        // Give the floor to the first speaker: the timer runs.
        app.js(
            "document.querySelectorAll('[data-testid=speaker-row]')[0].click();",
            vec![],
        )
        .await?;
        app.click("[data-testid=next-speaker]").await?;
        app.until("Ghana has the floor", "const s = document.querySelector('[data-testid=floor-speaker]'); return !!s && s.textContent === 'Ghana';", vec![]).await?;
        let before = app
            .js(
                "return document.querySelector('[data-testid=timer]').textContent;",
                vec![],
            )
            .await?;
        app.until(
            "the floor timer runs",
            "const t = document.querySelector('[data-testid=timer]'); return !!t && t.textContent !== arguments[0];",
            vec![before],
        )
        .await?;
        // Reorder by keyboard: the last speaker (Brazil) moves up one place.
        app.js(
            "document.querySelectorAll('[data-testid=speaker-row]')[3].click();",
            vec![],
        )
        .await?;
        let alt_up = format!("{}{}{}", key(Key::Alt), key(Key::Up), key(Key::Null));
        app.find("[data-testid=speakers-list]")
            .await?
            .send_keys(&alt_up)
            .await?;
        app.until("Brazil is third", "const r = document.querySelectorAll('[data-testid=speaker-row] .row-name'); return r.length === 4 && r[2].textContent === 'Brazil';", vec![]).await?;
        app.screenshot("04-speakers").await?;

        // Three action items.
        app.tab("actions").await?;
        for (n, to) in ["Secretariat", "OCHA", "Member States"].iter().enumerate() {
            app.find("[data-testid=new-action-from]")
                .await?
                .clear()
                .await?;
            app.type_into("[data-testid=new-action-from]", "Chair")
                .await?;
            app.type_into("[data-testid=new-action-to]", to).await?;
            app.type_into(
                "[data-testid=new-action-text]",
                &format!("Action number {}", n + 1),
            )
            .await?;
            app.find("[data-testid=new-action-text]")
                .await?
                .send_keys(&key(Key::Enter))
                .await?;
            app.until_count("[data-testid=action-row]", n + 1).await?;
        }
        app.screenshot("05-actions").await?;

        // Private notes.
        app.tab("notes").await?;
        app.type_into("[data-testid=notes-meeting]", PRIVATE)
            .await?;
        app.settle().await?;
        app.screenshot("06-notes").await?;

        // A paragraph of summary in the WYSIWYG editor.
        app.tab("documents").await?;
        app.type_into("[data-testid=editor]", SUMMARY).await?;
        app.settle().await?;
        app.screenshot("07-summary").await?;

        app.click("[data-testid=open-tracker]").await?;
        app.until_count("[data-testid=tracker-list] [data-testid=action-row]", 3)
            .await?;
        app.screenshot("08-tracker").await?;
        app.click("[data-testid=open-settings]").await?;
        app.wait_for("[data-testid=data-dir]").await?;
        app.screenshot("09-settings").await?;
        app.click("[data-testid=open-help]").await?;
        app.wait_for("[data-testid=help]").await?;
        app.screenshot("10-help").await?;
        app.quit().await?;

        // Restart: everything is still there.
        let app = driver.launch().await?;
        check_after_restart(&app).await?;
        app.quit().await?;
        Ok(())
    });
}

async fn check_after_restart(app: &App) -> Res {
    app.until_count("[data-testid=meeting-row]", 1).await?;
    app.click("[data-testid=meeting-row]").await?;
    app.until("the title is back", "const h = document.querySelector('[data-testid=meeting-title]'); return !!h && h.textContent === arguments[0];", vec![json!(TITLE)]).await?;

    app.tab("attendance").await?;
    app.until_count("[data-testid=delegation-row]", 5).await?;
    // States' names come from the registry a moment after the rows.
    let names: Vec<&str> = STATES.iter().map(|(_, name)| *name).collect();
    app.until(
        "the five States are back in attendance",
        "const r = [...document.querySelectorAll('[data-testid=delegation-row] .row-name')].map(e => e.textContent.trim()); \
         return r.length === arguments[0].length && arguments[0].every(n => r.includes(n));",
        vec![json!(names)],
    )
    .await?;
    assert_eq!(
        app.count("[data-testid=delegation-row][data-present=false]")
            .await?,
        1
    );

    app.tab("speakers").await?;
    app.until_count("[data-testid=speaker-row]", 4).await?;
    let order = ["Ghana", "France", "Brazil", "Japan"];
    app.until_texts("[data-testid=speaker-row] .row-name", &order)
        .await?;
    for (n, name) in order.iter().enumerate() {
        app.js(
            "document.querySelectorAll('[data-testid=speaker-row]')[arguments[0]].click();",
            vec![json!(n)],
        )
        .await?;
        app.until(
            &format!("{name}'s notes are back"),
            "const t = document.querySelector('[data-testid=intervention-notes]'); const h = document.querySelector('[data-testid=intervention-detail] h2'); return !!t && !!h && h.textContent.includes(arguments[1]) && t.value === arguments[0];",
            vec![json!(note_for(name)), json!(name)],
        )
        .await?;
    }
    let first_time = app.texts("[data-testid=speaker-row] .small").await?;
    assert!(
        first_time[0]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit()),
        "giving the floor noted the time: {first_time:?}"
    );

    app.tab("actions").await?;
    app.until_count("[data-testid=action-row]", 3).await?;
    let texts = app.texts("[data-testid=action-text]").await?;
    assert_eq!(
        texts,
        ["Action number 1", "Action number 2", "Action number 3"]
    );
    assert_eq!(
        app.texts("[data-testid=action-to]").await?,
        ["Secretariat", "OCHA", "Member States"]
    );

    app.tab("notes").await?;
    app.until("private notes are back", "const t = document.querySelector('[data-testid=notes-meeting]'); return !!t && t.value === arguments[0];", vec![json!(PRIVATE)]).await?;

    app.tab("documents").await?;
    app.until("the summary is back", "const e = document.querySelector('[data-testid=editor]'); return !!e && e.textContent.includes(arguments[0]);", vec![json!(SUMMARY)]).await?;
    Ok(())
}
