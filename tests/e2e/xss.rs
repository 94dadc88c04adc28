//! Hostile text typed everywhere a user can type (the meeting title, private notes, a free attendance entry, an
//! intervention's notes and the summary editor) is stored and shown as text: no handler runs, no element is
//! created from it, before or after a restart, including where search results show it.

use fantoccini::key::Key;
use serde_json::json;

use crate::harness::{App, Driver, Res, run};

const IMG: &str = "<img src=x onerror=\"window.__xss=(window.__xss||0)+1\">";
const SCRIPT: &str = "<script>window.__xss=(window.__xss||0)+10</script>";
const SVG: &str = "<svg onload=\"window.__xss=(window.__xss||0)+100\"></svg>";

fn key(k: Key) -> String {
    char::from(k).to_string()
}

/// Nothing ran and no element came from the payloads.
async fn assert_inert(app: &App, when: &str) -> Res {
    // Give an image error or a load handler time to fire, were one there.
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    app.next_frame().await?;
    let state = app
        .js(
            "return { xss: window.__xss === undefined ? null : window.__xss, \
               imgs: document.querySelectorAll('img[src=\"x\"]').length, \
               svgs: document.querySelectorAll('svg[onload]').length, \
               scripts: [...document.querySelectorAll('script')].filter(s => !s.src).length };",
            vec![],
        )
        .await?;
    assert_eq!(
        state,
        json!({ "xss": null, "imgs": 0, "svgs": 0, "scripts": 0 }),
        "{when}: payload ran or became markup"
    );
    Ok(())
}

#[test]
fn typed_markup_never_runs() {
    run(async {
        let driver = Driver::start().await?;
        let app = driver.launch().await?;
        let all = format!("{IMG} {SCRIPT} {SVG}");

        app.click("[data-testid=new-meeting]").await?;
        app.wait_for("[data-testid=meeting-title-input]").await?;
        app.find("[data-testid=meeting-title-input]")
            .await?
            .send_keys(IMG)
            .await?;
        app.settle().await?;

        app.tab("attendance").await?;
        app.type_into("[data-testid=free-name]", SCRIPT).await?;
        app.find("[data-testid=free-name]")
            .await?
            .send_keys(&key(Key::Enter))
            .await?;
        app.until_count("[data-testid=delegation-row]", 1).await?;

        app.tab("speakers").await?;
        app.add_speaker("Fran").await?;
        app.until_count("[data-testid=speaker-row]", 1).await?;
        app.js(
            "document.querySelector('[data-testid=speaker-row]').click();",
            vec![],
        )
        .await?;
        app.type_into("[data-testid=intervention-notes]", &all)
            .await?;
        app.settle().await?;

        app.tab("notes").await?;
        app.type_into("[data-testid=notes-meeting]", &all).await?;
        app.settle().await?;

        app.tab("documents").await?;
        app.type_into("[data-testid=editor]", &all).await?;
        app.settle().await?;
        assert_inert(&app, "while typing").await?;
        app.screenshot("11-xss-summary").await?;

        // Search shows matching text from the stored payloads.
        app.type_into("[data-testid=search]", "onerror").await?;
        app.wait_for("[data-testid=search-results]").await?;
        assert_inert(&app, "search results").await?;
        app.quit().await?;

        // After a restart every view renders the stored text, as text.
        let app = driver.launch().await?;
        app.until_count("[data-testid=meeting-row]", 1).await?;
        let row = app
            .texts("[data-testid=meeting-row] .meeting-row-title")
            .await?;
        assert_eq!(row, [IMG], "the title is shown literally in the list");
        app.click("[data-testid=meeting-row]").await?;
        app.until("the title is shown literally", "const h = document.querySelector('[data-testid=meeting-title]'); return !!h && h.textContent === arguments[0];", vec![json!(IMG)]).await?;
        for view in ["attendance", "speakers", "notes", "documents"] {
            app.tab(view).await?;
            if view == "speakers" {
                app.js(
                    "document.querySelector('[data-testid=speaker-row]').click();",
                    vec![],
                )
                .await?;
                app.until("the notes are back literally", "const t = document.querySelector('[data-testid=intervention-notes]'); return !!t && t.value === arguments[0];", vec![json!(all)]).await?;
            }
            if view == "notes" {
                app.until("private notes are back literally", "const t = document.querySelector('[data-testid=notes-meeting]'); return !!t && t.value === arguments[0];", vec![json!(all)]).await?;
            }
            if view == "documents" {
                app.until("the summary shows the markup as text", "const e = document.querySelector('[data-testid=editor]'); return !!e && e.textContent.includes(arguments[0]) && e.textContent.includes(arguments[1]);", vec![json!(IMG), json!(SCRIPT)]).await?;
            }
            assert_inert(&app, view).await?;
        }
        app.quit().await?;
        Ok(())
    });
}
