//! The Export view in the real window: the example meeting imported and its summary drafted, page 1 of its PDF
//! previewed, and the PDF written where the save dialog says.
//!
//! WebDriver cannot reach the native GTK file dialogs, which the backend opens itself (the page never sends a
//! path); the test build of the app answers them from a file the test writes (`Driver::answer_dialogs`).

use std::path::Path;

use serde_json::json;

use crate::harness::{Driver, run};

const TITLE: &str = "Network Briefing to Member States";

#[test]
fn preview_then_export_a_pdf() {
    run(async {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/network-briefing-2019-12-12.json");
        let out = tempfile::tempdir()?;
        let pdf = out.path().join("network-briefing.pdf");

        let driver = Driver::start().await?;
        driver.answer_dialogs(&[Some(&fixture), Some(&pdf)])?;
        let app = driver.launch().await?;

        app.click("[data-testid=import]").await?;
        app.until("the example meeting is open", "const h = document.querySelector('[data-testid=meeting-title]'); return !!h && h.textContent === arguments[0];", vec![json!(TITLE)]).await?;

        // The example record has no summary yet: draft it from the record.
        app.tab("documents").await?;
        app.click("[data-testid=regenerate]").await?;
        app.until("the summary is drafted", "const e = document.querySelector('[data-testid=editor]'); return !!e && e.textContent.includes('Vitorino');", vec![]).await?;

        app.tab("export").await?;
        app.until(
            "page 1 is previewed",
            "const i = document.querySelector('[data-testid=export-preview]'); \
             const busy = document.querySelector('[data-testid=preview-busy]'); \
             if (i && i.complete && i.naturalWidth > 0 && !busy) return true; \
             const e = document.querySelector('[data-testid=preview-error]'); \
             return { img: !!i, complete: !!i && i.complete, width: i ? i.naturalWidth : 0, \
                      busy: busy ? busy.textContent : null, error: e ? e.textContent : null };",
            vec![],
        )
        .await?;
        let shown = app
            .js(
                "const i = document.querySelector('[data-testid=export-preview]'); \
                 return { data: i.src.startsWith('data:image/svg+xml'), inline: document.querySelectorAll('[data-testid=view-export] svg').length };",
                vec![],
            )
            .await?;
        assert_eq!(
            shown,
            json!({ "data": true, "inline": 0 }),
            "the page is an image, not markup"
        );
        // The import's message would cover the page in the screenshot.
        app.js(
            "document.querySelectorAll('.toast button').forEach((b) => b.click());",
            vec![],
        )
        .await?;
        app.until_count("[data-testid=toast-info]", 0).await?;
        app.screenshot("export").await?;

        app.click("[data-testid=export-go]").await?;
        app.until(
            "the export is reported",
            "const t = document.querySelector('[data-testid=toast-info]'); return !!t && t.textContent.includes('network-briefing.pdf');",
            vec![],
        )
        .await?;
        app.quit().await?;
        let asked: Vec<String> = driver
            .dialogs_asked()
            .iter()
            .map(|a| a.split('\t').next().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(
            asked,
            ["open", "save"],
            "one open dialog for the import, one save dialog for the PDF"
        );

        let bytes = std::fs::read(&pdf).map_err(|e| format!("{}: {e}", pdf.display()))?;
        assert!(bytes.starts_with(b"%PDF"), "{} is a PDF", pdf.display());
        let text = std::process::Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()?;
        assert!(text.status.success(), "pdftotext failed");
        let text = String::from_utf8_lossy(&text.stdout);
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            words.contains(TITLE),
            "the title is in the PDF: {words:.400}"
        );
        Ok(())
    });
}
