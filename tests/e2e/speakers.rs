//! The speakers list beyond the main workflow: delegations in attendance come first in the suggestions (where
//! the registry alone would list them last), and Ctrl+J gives the floor to the next speaker from another tab.

use crate::harness::{App, Driver, run};
use fantoccini::key::Key;

fn key(k: Key) -> String {
    char::from(k).to_string()
}

/// Presses Ctrl+J with the focus on the Overview tab's button, as a rapporteur would from that tab.
async fn ctrl_j_from_overview(app: &App) -> crate::harness::Res {
    app.tab("overview").await?;
    let ctrl_j = format!("{}j{}", key(Key::Control), key(Key::Null));
    app.find("[data-testid=tab-overview]")
        .await?
        .send_keys(&ctrl_j)
        .await?;
    app.wait_for("[data-testid=view-speakers]").await?;
    Ok(())
}

#[test]
fn attendance_first_and_next_speaker_from_another_tab() {
    run(async {
        let driver = Driver::start().await?;
        let app = driver.launch().await?;
        app.new_meeting("Speakers and shortcuts").await?;
        app.settle().await?;
        app.until("the meeting is open", "const h = document.querySelector('[data-testid=meeting-title]'); return !!h && h.textContent === 'Speakers and shortcuts';", vec![]).await?;

        // Guyana attends. Alphabetically it comes after Guatemala, Guinea and Guinea-Bissau.
        app.tab("attendance").await?;
        app.type_into("[data-testid=add-state]", "Guya").await?;
        app.until("Guyana is suggested", "const o = document.querySelector('[data-testid=add-state-options] button'); return !!o && o.textContent.includes('Guyana');", vec![]).await?;
        app.find("[data-testid=add-state]")
            .await?
            .send_keys(&key(Key::Enter))
            .await?;
        app.until_count("[data-testid=delegation-row]", 1).await?;

        // "Gu" in the speakers list: Guyana first, then the registry's other matches.
        app.tab("speakers").await?;
        app.type_into("[data-testid=add-speaker]", "Gu").await?;
        app.until(
            "Guatemala and Guinea are suggested too",
            "const o = [...document.querySelectorAll('[data-testid=add-speaker-options] button')].map(b => b.textContent); \
             return o.some(t => t.includes('Guatemala')) && o.some(t => t.includes('Guinea'));",
            vec![],
        )
        .await?;
        let options = app
            .texts("[data-testid=add-speaker-options] button")
            .await?;
        let at = |name: &str| options.iter().position(|o| o.contains(name));
        assert_eq!(
            at("Guyana"),
            Some(0),
            "the attending delegation comes first: {options:?}"
        );
        assert!(at("Guatemala") > at("Guyana") && at("Guinea") > at("Guyana"));
        app.find("[data-testid=add-speaker]")
            .await?
            .send_keys(&key(Key::Enter))
            .await?;
        app.until_count("[data-testid=speaker-row]", 1).await?;
        app.add_speaker("Fran").await?;
        app.until_count("[data-testid=speaker-row]", 2).await?;
        assert_eq!(
            app.texts("[data-testid=speaker-row] .row-name").await?,
            ["Guyana", "France"]
        );

        // Ctrl+J from Overview: the speakers list opens and the first speaker has the floor; again, the next.
        ctrl_j_from_overview(&app).await?;
        app.until("Guyana has the floor", "const s = document.querySelector('[data-testid=floor-speaker]'); return !!s && s.textContent === 'Guyana';", vec![]).await?;
        ctrl_j_from_overview(&app).await?;
        app.until("France has the floor", "const s = document.querySelector('[data-testid=floor-speaker]'); return !!s && s.textContent === 'France';", vec![]).await?;
        app.quit().await?;
        Ok(())
    });
}
