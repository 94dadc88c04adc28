//! The export preview in the real window, on a summary long enough for several pages: every page can be
//! reached with the pager, forward and back, each with its own image; and the Annex tick stays ticked when the
//! user leaves the Export tab and comes back, and goes on counting in the preview and in the exported PDF.

use std::path::Path;

use serde_json::{Value, json};

use crate::harness::{App, Driver, Res, run};

const TITLE: &str = "Consultation on the long summary";

/// A record whose summary, written by hand, fills more than two pages: thirty paragraphs of some ninety words.
fn long_record() -> Value {
    let body: String = (1..=30)
        .map(|n| {
            format!(
                "Paragraph {n}. The delegations welcomed the report of the Secretariat and stressed the value of \
                 regular consultations with Member States on the implementation of the plan of action. They asked \
                 for clearer figures on the resources committed so far, for a timetable of the regional reviews, \
                 and for the working groups to report on their progress before the next session, so that \
                 capitals could prepare their positions in good time and the follow-up could be measured.\n\n"
            )
        })
        .collect();
    json!({
        "format": "rapporteur/meeting-record@1",
        "meeting": { "title": TITLE, "kind": "consultation", "date": "2026-03-02", "language": "en" },
        "attendance": { "groups": [], "delegations": [
            { "delegation": "GHA", "present": true },
            { "delegation": "KEN", "present": true },
        ] },
        "interventions": [
            { "order": 1, "speaker": { "delegation": "GHA" }, "summary": "Asked for the figures." },
            { "order": 2, "speaker": { "delegation": "KEN" }, "summary": "Supported the timetable." },
        ],
        "action_items": [],
        "documents": [{ "kind": "summary", "body": format!("# Summary of the consultation\n\n{body}") }],
    })
}

/// What the preview shows once it is drawn and no newer drawing is under way: the page count (from the pager)
/// and the page's image.
pub(crate) struct Shown {
    pub pages: u64,
    pub src: String,
}

/// Waits until the preview shows a page that `wanted` accepts (given the page and the page count), drawn and
/// not being redrawn, and returns it.
pub(crate) async fn preview_shows(
    app: &App,
    what: &str,
    wanted: impl Fn(u64, u64) -> bool,
) -> Res<Shown> {
    let read = "const i = document.querySelector('[data-testid=export-preview]'); \
                const p = document.querySelector('[data-testid=preview-page]'); \
                if (!i || !p || !i.complete || i.naturalWidth === 0 || document.querySelector('[data-testid=preview-busy]')) return null; \
                const m = /Page (\\d+) of (\\d+)/.exec(p.textContent); \
                return m && { page: Number(m[1]), pages: Number(m[2]), src: i.src, alt: i.alt };";
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let v = app.js(read, vec![]).await?;
        if let (Some(page), Some(pages), Some(src)) =
            (v["page"].as_u64(), v["pages"].as_u64(), v["src"].as_str())
            && wanted(page, pages)
        {
            let alt = v["alt"].as_str().unwrap_or_default();
            if !alt.contains(&format!("{page}")) || !alt.contains(&format!("{pages}")) {
                return Err(format!(
                    "the image's text {alt:?} does not name page {page} of {pages}"
                )
                .into());
            }
            return Ok(Shown {
                pages,
                src: src.to_owned(),
            });
        }
        if std::time::Instant::now() > deadline {
            let error = app.texts("[data-testid=preview-error]").await?;
            return Err(format!(
                "timed out waiting until the preview shows {what} (last: {v}, errors: {error:?})"
            )
            .into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// The text of a PDF as pdftotext reads it, with neither white space nor hyphens: where lines break, and so
/// where a word is hyphenated, depends on the installed fonts. Compare it with `squashed` text.
pub(crate) fn pdf_text(pdf: &Path) -> Res<String> {
    let bytes = std::fs::read(pdf).map_err(|e| format!("{}: {e}", pdf.display()))?;
    if !bytes.starts_with(b"%PDF") {
        return Err(format!("{} is no PDF", pdf.display()).into());
    }
    let out = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()?;
    if !out.status.success() {
        return Err(format!("pdftotext failed on {}", pdf.display()).into());
    }
    Ok(squashed(&String::from_utf8_lossy(&out.stdout)))
}

/// `text` without white space and hyphens, as `pdf_text` gives a PDF's text.
pub(crate) fn squashed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{2010}' | '\u{ad}'))
        .collect()
}

/// Clicks "Export" (with the save dialog answered through `Driver::answer_dialogs`) and waits until the file is
/// reported.
pub(crate) async fn export_as_shown(app: &App, file_name: &str) -> Res {
    app.click("[data-testid=export-go]").await?;
    app.until(
        "the export is reported",
        "const t = document.querySelector('[data-testid=toast-info]'); return !!t && t.textContent.includes(arguments[0]);",
        vec![json!(file_name)],
    )
    .await
}

async fn disabled(app: &App, css: &str) -> Res<bool> {
    Ok(app.find(css).await?.attr("disabled").await?.is_some())
}

async fn open_long_meeting(driver: &Driver) -> Res<App> {
    let app = driver.launch().await?;
    app.open_meeting(TITLE).await?;
    app.tab("export").await?;
    Ok(app)
}

#[test]
fn the_pager_reaches_every_page_and_back() {
    run(async {
        let driver = Driver::start().await?;
        driver
            .import("long.json", long_record().to_string().as_bytes())
            .await?;
        let app = open_long_meeting(&driver).await?;

        let first = preview_shows(&app, "page 1", |page, _| page == 1).await?;
        assert!(
            first.pages >= 3,
            "the long summary fills {} pages, not 3 or more",
            first.pages
        );
        assert!(
            disabled(&app, "[data-testid=preview-prev]").await?,
            "no page before page 1"
        );

        // Forward to the last page: each page its own image.
        let mut seen = vec![first.src];
        for n in 2..=first.pages {
            app.click("[data-testid=preview-next]").await?;
            let shown = preview_shows(&app, &format!("page {n}"), |page, _| page == n).await?;
            assert_eq!(
                shown.pages, first.pages,
                "the page count stays the same while paging"
            );
            assert!(
                !seen.contains(&shown.src),
                "page {n} shows an image of its own"
            );
            seen.push(shown.src);
        }
        assert!(
            disabled(&app, "[data-testid=preview-next]").await?,
            "no page after the last"
        );
        app.screenshot("export-preview-last-page").await?;

        // And back to page 1: each page as it was.
        for n in (1..first.pages).rev() {
            app.click("[data-testid=preview-prev]").await?;
            let shown =
                preview_shows(&app, &format!("page {n} again"), |page, _| page == n).await?;
            let index = usize::try_from(n - 1)?;
            assert!(
                shown.src == seen[index],
                "page {n} shows the same image as on the way forward"
            );
        }
        assert!(
            disabled(&app, "[data-testid=preview-prev]").await?,
            "back on page 1"
        );
        app.quit().await?;
        Ok(())
    });
}

#[test]
fn the_annex_tick_survives_leaving_the_export_tab() {
    run(async {
        let out = tempfile::tempdir()?;
        let pdf = out.path().join("with-annex.pdf");
        let driver = Driver::start().await?;
        driver
            .import("long.json", long_record().to_string().as_bytes())
            .await?;
        let app = open_long_meeting(&driver).await?;
        driver.answer_dialogs(&[Some(&pdf)])?;

        let annex = "[data-testid=export-annex]";
        let without = preview_shows(&app, "the summary alone", |page, _| page == 1).await?;
        assert!(
            !app.find(annex).await?.is_selected().await?,
            "the annex starts unticked"
        );

        // Ticked, the annex adds its own pages to the preview.
        app.click(annex).await?;
        let with = preview_shows(&app, "the summary with its annex", |_, pages| {
            pages > without.pages
        })
        .await?;

        // Away to another tab and back: still ticked, and still previewed with the annex.
        app.tab("speakers").await?;
        app.tab("export").await?;
        app.until(
            "the annex is still ticked",
            "const c = document.querySelector(arguments[0]); return !!c && c.checked;",
            vec![json!(annex)],
        )
        .await?;
        let back = preview_shows(&app, "the annex's pages again", |_, pages| {
            pages == with.pages
        })
        .await?;
        assert_eq!(back.pages, with.pages);

        // The exported PDF has the annex too: its heading, and the list of speakers in it.
        export_as_shown(&app, "with-annex.pdf").await?;
        app.quit().await?;
        let text = pdf_text(&pdf)?;
        assert!(
            text.contains("Annex"),
            "the annex is in the PDF: {text:.300}"
        );
        assert!(
            text.contains("Ghana") && text.contains("Kenya"),
            "the annex lists the speakers: {text:.300}"
        );
        Ok(())
    });
}
