//! No save button, and nothing typed is lost: text typed into a meeting's private notes, an intervention's
//! notes and the summary is there after the app is killed outright (SIGKILL, no chance to flush) once the
//! autosave has landed (the field says so), which happens within a second of the last keystroke.

use std::process::Command;
use std::time::Duration;

use serde_json::json;

use crate::harness::{Driver, run};

/// Kills the app process this driver started, by pid, without letting it clean up.
fn kill_app_hard(driver: &Driver) -> crate::harness::Res {
    let pids = driver.app_pids();
    if pids.is_empty() {
        return Err("no app process found to kill".into());
    }
    for pid in pids {
        Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status()?;
    }
    Ok(())
}

#[test]
fn typed_text_survives_a_kill() {
    run(async {
        let driver = Driver::start().await?;
        let app = driver.launch().await?;
        app.new_meeting("Killed meeting").await?;

        app.tab("speakers").await?;
        app.add_speaker("Ken").await?;
        app.until_count("[data-testid=speaker-row]", 1).await?;
        app.js(
            "document.querySelector('[data-testid=speaker-row]').click();",
            vec![],
        )
        .await?;
        app.type_into("[data-testid=intervention-notes]", "Kenya spoke last.")
            .await?;

        app.tab("notes").await?;
        app.type_into(
            "[data-testid=notes-meeting]",
            "Typed just before the crash.",
        )
        .await?;
        app.tab("documents").await?;
        app.type_into(
            "[data-testid=editor]",
            "Summary typed just before the crash.",
        )
        .await?;
        // Once every field shows its autosave landed, with no save button pressed, the app dies.
        app.settle().await?;
        kill_app_hard(&driver)?;
        app.until_exited().await?;
        // The session died with the app; ending it only reports that, and may take a while to say so.
        let _ = tokio::time::timeout(Duration::from_secs(5), app.client.close()).await;
        let driver = driver.restart().await?;

        let app = driver.launch().await?;
        app.until_count("[data-testid=meeting-row]", 1).await?;
        app.click("[data-testid=meeting-row]").await?;
        app.until("the title survived", "const h = document.querySelector('[data-testid=meeting-title]'); return !!h && h.textContent === 'Killed meeting';", vec![]).await?;
        app.tab("notes").await?;
        app.until("private notes survived", "const t = document.querySelector('[data-testid=notes-meeting]'); return !!t && t.value === arguments[0];", vec![json!("Typed just before the crash.")]).await?;
        app.tab("documents").await?;
        app.until("the summary survived", "const e = document.querySelector('[data-testid=editor]'); return !!e && e.textContent.includes(arguments[0]);", vec![json!("Summary typed just before the crash.")]).await?;
        app.tab("speakers").await?;
        app.js(
            "document.querySelector('[data-testid=speaker-row]').click();",
            vec![],
        )
        .await?;
        app.until("the intervention notes survived", "const t = document.querySelector('[data-testid=intervention-notes]'); return !!t && t.value === arguments[0];", vec![json!("Kenya spoke last.")]).await?;
        app.quit().await?;
        Ok(())
    });
}
