//! A new user's first minute in the real window: with no meetings yet, the sidebar says so and offers "Open
//! the example meeting"; one click opens a complete record (the briefing of 12 December 2019) whose screens
//! show its data, which drafts the summary, previews it and exports it as a PDF.

use serde_json::json;

use crate::export_preview::{export_as_shown, pdf_text, preview_shows, squashed};
use crate::harness::{App, Driver, Res, run};

const TITLE: &str = "Network Briefing to Member States";
const ATTENDED: &str = "The briefing was attended by 60 Member States, 22 UN Network representatives and 19 colleagues from civil society.";
const FLOOR: &str = "Delegates representing the following countries/offices took the floor: Ecuador, Germany, Haiti, \
                     Mexico, Morocco, Pakistan, Philippines, Thailand, UK and the Special Rapporteur on the human \
                     rights of migrants.";
const ASKED: &str = "Delegations asked the United Nations Network on Migration to:";

/// Waits until the field `testid` holds `value`.
async fn holds(app: &App, testid: &str, value: &str) -> Res {
    app.until(
        &format!("{testid} holds {value:?}"),
        "const e = document.querySelector(`[data-testid=${arguments[0]}]`); return !!e && e.value === arguments[1];",
        vec![json!(testid), json!(value)],
    )
    .await
}

/// Waits until the element `css` shows every one of `texts`.
async fn shows(app: &App, css: &str, texts: &[&str]) -> Res {
    app.until(
        &format!("{css} shows {texts:?}"),
        "const e = document.querySelector(arguments[0]); return !!e && arguments[1].every((t) => e.textContent.includes(t));",
        vec![json!(css), json!(texts)],
    )
    .await
}

async fn the_record_on_screen(app: &App) -> Res {
    holds(
        app,
        "overview-convened-by",
        "United Nations Network on Migration",
    )
    .await?;
    holds(app, "overview-chair-name", "António Vitorino").await?;
    holds(app, "overview-chair-title", "IOM Director General").await?;

    app.tab("attendance").await?;
    for (category, count) in [
        ("member_state", "60"),
        ("un_system", "22"),
        ("civil_society", "19"),
    ] {
        app.until(
            &format!("{count} for {category}"),
            "const c = document.querySelector(`[data-testid=count-${arguments[0]}] .num`); return !!c && c.textContent.trim() === arguments[1];",
            vec![json!(category), json!(count)],
        )
        .await?;
    }

    app.tab("speakers").await?;
    app.until_count("[data-testid=speaker-row]", 10).await?;
    // States' names come from the registry a moment after the rows.
    for (i, name) in [
        (0, "Ecuador"),
        (8, "UK"),
        (9, "Special Rapporteur on the human rights of migrants"),
    ] {
        app.until(
            &format!("speaker {} is {name}", i + 1),
            "const r = document.querySelectorAll('[data-testid=speaker-row] .row-name')[arguments[0]]; return !!r && r.textContent.trim() === arguments[1];",
            vec![json!(i), json!(name)],
        )
        .await?;
    }

    app.tab("actions").await?;
    app.until_count("[data-testid=action-row]", 7).await?;
    let texts = app.texts("[data-testid=action-text]").await?;
    assert!(
        texts[0].starts_with("Provide more regular briefings to Member States"),
        "the first action item: {:?}",
        texts[0]
    );
    Ok(())
}

#[test]
fn the_example_button_opens_a_record_that_drafts_previews_and_exports() {
    run(async {
        let out = tempfile::tempdir()?;
        let pdf = out.path().join("example.pdf");
        let driver = Driver::start().await?;
        let app = driver.launch().await?;

        shows(&app, "[data-testid=sidebar]", &["No meetings yet"]).await?;
        let offer = app.texts("[data-testid=open-example]").await?;
        assert_eq!(offer, ["Open the example meeting"]);
        app.screenshot("first-minute-empty").await?;
        app.click("[data-testid=open-example]").await?;
        app.until(
            "the example is open",
            "const h = document.querySelector('[data-testid=meeting-title]'); return !!h && h.textContent.trim() === arguments[0];",
            vec![json!(TITLE)],
        )
        .await?;
        app.until_count("[data-testid=meeting-row]", 1).await?;
        assert_eq!(
            app.count("[data-testid=open-example]").await?,
            0,
            "the offer goes with the empty list"
        );
        the_record_on_screen(&app).await?;

        // Drafts: the preview beside the editor, then "Refresh generated sections" into the summary.
        app.tab("documents").await?;
        shows(
            &app,
            "[data-testid=preview-body]",
            &[ATTENDED, FLOOR, ASKED],
        )
        .await?;
        app.click("[data-testid=regenerate]").await?;
        shows(&app, "[data-testid=editor]", &[ATTENDED, FLOOR, ASKED]).await?;
        app.settle().await?;

        // Previews and exports.
        app.tab("export").await?;
        driver.answer_dialogs(&[Some(&pdf)])?;
        let shown = preview_shows(&app, "page 1 of the summary", |page, _| page == 1).await?;
        assert!(
            shown.src.starts_with("data:image/svg+xml"),
            "the page is an image"
        );
        export_as_shown(&app, "example.pdf").await?;
        app.quit().await?;

        let text = pdf_text(&pdf)?;
        for sentence in [TITLE, ATTENDED, FLOOR, ASKED] {
            assert!(
                text.contains(&squashed(sentence)),
                "the PDF says {sentence:?}: {text:.600}"
            );
        }
        // The summary that was drafted is the one stored.
        let records = driver.stored_records().await?;
        assert_eq!(records.len(), 1, "one meeting: the example");
        let summary = records[0]["documents"]
            .as_array()
            .and_then(|d| d.iter().find(|d| d["kind"] == "summary"))
            .and_then(|d| d["body"].as_str())
            .ok_or("no summary stored")?;
        assert!(
            summary.contains(FLOOR),
            "the stored summary has the drafted sections: {summary:.400}"
        );
        Ok(())
    });
}
