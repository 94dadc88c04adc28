//! The side panels in the real window: the cross-meeting tracker's open-only and owner filters and its overdue
//! flag; Settings' interface language (French names in attendance search too), theme and read-only data
//! location, kept across a restart.

use fantoccini::key::Key;
use serde_json::json;

use crate::harness::{App, Driver, Res, run};
use crate::screens::{choose, set_value};

fn key(k: Key) -> String {
    char::from(k).to_string()
}

/// (to, text, due, status): one overdue open item, one open item due later, one done.
const ACTIONS: [(&str, &str, &str, &str); 3] = [
    ("Secretariat", "Circulate the draft", "2020-01-15", "open"),
    ("OCHA", "Report back on access", "2099-01-15", "open"),
    ("UNHCR", "Share the figures", "2020-02-01", "done"),
];

async fn tracker_rows(app: &App) -> Res<Vec<String>> {
    app.texts("[data-testid=tracker-list] [data-testid=action-text]")
        .await
}

async fn until_tracker_shows(app: &App, texts: &[&str]) -> Res {
    let mut sorted = texts.to_vec();
    sorted.sort_unstable();
    app.until(
        &format!("the tracker lists {texts:?}"),
        "const t = [...document.querySelectorAll('[data-testid=tracker-list] [data-testid=action-text]')].map(e => e.value).sort(); \
         return JSON.stringify(t) === JSON.stringify(arguments[0]);",
        vec![json!(sorted)],
    )
    .await
}

#[test]
fn tracker_filters_by_open_and_owner_and_flags_overdue() {
    run(async {
        let driver = Driver::start().await?;
        let app = driver.launch().await?;
        app.new_meeting("Follow-up on the regional plan").await?;
        app.settle().await?;
        app.until("the meeting is open", "const h = document.querySelector('[data-testid=meeting-title]'); return !!h && h.textContent === 'Follow-up on the regional plan';", vec![]).await?;
        app.tab("actions").await?;
        for (n, (to, text, due, _)) in ACTIONS.iter().enumerate() {
            app.find("[data-testid=new-action-from]")
                .await?
                .clear()
                .await?;
            app.type_into("[data-testid=new-action-from]", "Chair")
                .await?;
            app.type_into("[data-testid=new-action-to]", to).await?;
            app.type_into("[data-testid=new-action-text]", text).await?;
            set_value(&app, "new-action-due", due).await?;
            app.click("[data-testid=add-action]").await?;
            app.until_count("[data-testid=action-row]", n + 1).await?;
        }
        let statuses = app
            .find_all("[data-testid=actions-list] [data-testid=action-status]")
            .await?;
        for (field, (_, _, _, status)) in statuses.iter().zip(ACTIONS) {
            if status != "open" {
                app.reveal(field).await?;
                field.select_by_value(status).await?;
            }
        }
        // Leaving the tab writes the status; back again, the row shows it from the stored record.
        app.tab("overview").await?;
        app.tab("actions").await?;
        app.until("the third item is done", "const s = document.querySelectorAll('[data-testid=action-status]'); return s.length === 3 && s[2].value === 'done';", vec![]).await?;

        // Open only (the default): the done item is left out, and only the past-due open item is overdue.
        app.click("[data-testid=open-tracker]").await?;
        until_tracker_shows(&app, &["Circulate the draft", "Report back on access"]).await?;
        app.until(
            "one overdue badge, on the past-due item",
            "const b = [...document.querySelectorAll('[data-testid=tracker-list] [data-testid=overdue]')]; \
             return b.length === 1 && b[0].closest('[data-testid=action-row]').querySelector('[data-testid=action-text]').value === 'Circulate the draft';",
            vec![],
        )
        .await?;
        let counts = app.texts("[data-testid=tracker-counts]").await?.join("");
        assert!(
            counts.starts_with("2 ·") && counts.ends_with("Overdue: 1"),
            "{counts}"
        );
        app.screenshot("tracker-filters").await?;

        // All items.
        app.click("[data-testid=open-only]").await?;
        until_tracker_shows(
            &app,
            &[
                "Circulate the draft",
                "Report back on access",
                "Share the figures",
            ],
        )
        .await?;
        // A done item past its date is not overdue.
        assert_eq!(
            app.count("[data-testid=tracker-list] [data-testid=overdue]")
                .await?,
            1
        );

        // By owner: the addressee, or the author.
        choose(&app, "owner", "OCHA").await?;
        until_tracker_shows(&app, &["Report back on access"]).await?;
        choose(&app, "owner", "Chair").await?;
        until_tracker_shows(
            &app,
            &[
                "Circulate the draft",
                "Report back on access",
                "Share the figures",
            ],
        )
        .await?;
        choose(&app, "owner", "UNHCR").await?;
        until_tracker_shows(&app, &["Share the figures"]).await?;
        // Open only again, with that owner: nothing.
        app.click("[data-testid=open-only]").await?;
        until_tracker_shows(&app, &[]).await?;
        assert!(tracker_rows(&app).await?.is_empty());
        app.quit().await?;
        Ok(())
    });
}

async fn check_settings(app: &App) -> Res {
    app.until("the interface is in French", "const b = document.querySelector('[data-testid=open-settings]'); const n = document.querySelector('[data-testid=new-meeting]'); return !!b && b.textContent.trim() === 'Paramètres' && n.textContent.includes('Nouvelle réunion');", vec![]).await?;
    app.until(
        "the theme is dark",
        "return document.documentElement.dataset.theme === 'dark';",
        vec![],
    )
    .await?;
    Ok(())
}

#[test]
fn settings_language_theme_and_read_only_data_location() {
    run(async {
        let driver = Driver::start().await?;
        let app = driver.launch().await?;
        app.new_meeting("Réunion d'information").await?;
        app.settle().await?;
        app.click("[data-testid=open-settings]").await?;

        // The data location is shown, and cannot be edited here.
        let dir = app.texts("[data-testid=data-dir]").await?.join("");
        assert!(!dir.is_empty(), "the data location is shown");
        let read_only = app
            .js(
                "return document.querySelector('[data-testid=data-dir]').readOnly;",
                vec![],
            )
            .await?;
        assert_eq!(read_only, json!(true));
        // WebKitWebDriver may refuse keys for a read-only field; either way its value must not change.
        let _ = app.type_into("[data-testid=data-dir]", "/elsewhere").await;
        assert_eq!(app.texts("[data-testid=data-dir]").await?.join(""), dir);

        // The theme follows the radio buttons.
        for theme in ["dark", "light", "system", "dark"] {
            app.click(&format!("[data-testid=theme-{theme}]")).await?;
            app.until(
                &format!("the theme is {theme}"),
                "return document.documentElement.dataset.theme === arguments[0];",
                vec![json!(theme)],
            )
            .await?;
        }

        // French: the interface, and the names of States in attendance search.
        choose(&app, "ui-language", "fr").await?;
        check_settings(&app).await?;
        app.open_meeting("Réunion d'information").await?;
        app.until("the tabs are in French", "const t = document.querySelector('[data-testid=tab-attendance]'); return !!t && t.textContent === 'Participation';", vec![]).await?;
        app.tab("attendance").await?;
        app.type_into("[data-testid=add-state]", "Allem").await?;
        app.until("Allemagne is suggested", "const o = document.querySelector('[data-testid=add-state-options] button'); return !!o && o.textContent.includes('Allemagne');", vec![]).await?;
        app.find("[data-testid=add-state]")
            .await?
            .send_keys(&key(Key::Enter))
            .await?;
        app.until("Allemagne attends", "const r = document.querySelector('[data-testid=delegation-row] .row-name'); return !!r && r.textContent === 'Allemagne';", vec![]).await?;
        app.quit().await?;

        // Kept across a restart.
        let app = driver.launch().await?;
        check_settings(&app).await?;
        app.open_meeting("Réunion d'information").await?;
        app.tab("attendance").await?;
        app.until("Allemagne is still listed", "const r = document.querySelector('[data-testid=delegation-row] .row-name'); return !!r && r.textContent === 'Allemagne';", vec![]).await?;
        app.quit().await?;
        Ok(())
    });
}
