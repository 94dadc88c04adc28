//! Attachments in the real window: a file attached to a statement through the open dialog is listed with its
//! size, "Save as…" writes the same bytes where the save dialog says, and the attachment is still there after a
//! restart. The backend's native dialogs take their answers from the test (`Driver::answer_dialogs`).

use std::path::Path;
use std::time::{Duration, Instant};

use crate::harness::{Driver, Res, run};

const LISTED: &str = "const a = document.querySelector('[data-testid=attachment]'); \
     return !!a && a.textContent.includes('statement-as-delivered.pdf');";

async fn open_first_statement(app: &crate::harness::App) -> Res {
    app.click("[data-testid=meeting-row]").await?;
    app.tab("documents").await?;
    app.click("[data-testid=doc-statement]").await?;
    app.wait_for("[data-testid=attachments]").await?;
    Ok(())
}

#[test]
fn a_statement_carries_a_file_that_can_be_saved_again() {
    run(async {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/network-briefing-2019-12-12.json");
        let tmp = tempfile::tempdir()?;
        let original = tmp.path().join("statement-as-delivered.pdf");
        let mut bytes = b"%PDF-1.7\n".to_vec();
        bytes.extend((0..300_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
        std::fs::write(&original, &bytes)?;
        let copy = tmp.path().join("copy.pdf");

        let driver = Driver::start().await?;
        driver
            .import("example.json", &std::fs::read(&fixture)?)
            .await?;
        driver.answer_dialogs(&[Some(&original), Some(&copy)])?;
        let app = driver.launch().await?;
        open_first_statement(&app).await?;
        app.click("[data-testid=attach-file]").await?;
        app.until("the file is listed", LISTED, vec![]).await?;
        let size = app
            .js(
                "return document.querySelector('[data-testid=attachment]').textContent;",
                vec![],
            )
            .await?;
        assert!(
            size.as_str().is_some_and(|s| s.contains("293 KB")),
            "{size}"
        );

        app.js(
            "document.querySelector('[data-testid=attachment] button:not(.danger)').click();",
            vec![],
        )
        .await?;
        let deadline = Instant::now() + Duration::from_secs(15);
        while std::fs::read(&copy).map(|b| b != bytes).unwrap_or(true) {
            if Instant::now() > deadline {
                return Err(format!("{} never held the attached bytes", copy.display()).into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        app.quit().await?;

        let app = driver.launch().await?;
        open_first_statement(&app).await?;
        app.until("the file is still listed after a restart", LISTED, vec![])
            .await?;
        app.quit().await
    });
}
