//! Drafting in Arabic and Chinese in the real window: a meeting created by hand, its title typed in the
//! language's own script, its document language chosen, two States given the floor; the summary drafted
//! from that record in the language's UN forms (date, order of States, sentences); and page 1 of its PDF
//! previewed, which typesets it with the bundled Arabic and Chinese fonts; the window itself shows Chinese
//! with the same bundled font, served by the shell.

use serde_json::json;

use crate::by_hand::date;
use crate::harness::{App, Driver, Res, run};
use crate::screens::choose;

/// Creates a meeting titled `title` in document language `lang`, on 12 December 2019, with Egypt and France
/// on the speakers list, drafts its summary and waits until the editor shows every part of `expect`.
async fn draft_in(app: &App, title: &str, lang: &str, expect: &[&str]) -> Res {
    app.new_meeting(title).await?;
    choose(app, "overview-language", lang).await?;
    date(
        app,
        "[data-testid=overview-date]",
        "12/12/2019",
        "2019-12-12",
    )
    .await?;
    app.until(
        "the title is saved",
        "const h = document.querySelector('[data-testid=meeting-title]'); \
         return !!h && h.textContent.trim() === arguments[0];",
        vec![json!(title)],
    )
    .await?;
    app.tab("speakers").await?;
    app.add_speaker("Egypt").await?;
    app.until_count("[data-testid=speaker-row]", 1).await?;
    app.add_speaker("France").await?;
    app.until_count("[data-testid=speaker-row]", 2).await?;

    app.tab("documents").await?;
    app.click("[data-testid=regenerate]").await?;
    app.until(
        &format!("the summary is drafted in {lang}"),
        "const e = document.querySelector('[data-testid=editor]'); \
         if (e && arguments[0].every(p => e.textContent.includes(p))) return true; \
         return e ? e.textContent : null;",
        vec![json!(expect)],
    )
    .await?;
    app.screenshot(&format!("drafted-{lang}")).await?;

    app.tab("export").await?;
    app.until(
        &format!("page 1 of the {lang} PDF is previewed"),
        "const i = document.querySelector('[data-testid=export-preview]'); \
         const busy = document.querySelector('[data-testid=preview-busy]'); \
         if (i && i.complete && i.naturalWidth > 0 && !busy) return true; \
         const e = document.querySelector('[data-testid=preview-error]'); \
         return { img: !!i, busy: busy ? busy.textContent : null, error: e ? e.textContent : null };",
        vec![],
    )
    .await?;
    app.screenshot(&format!("preview-{lang}")).await
}

#[test]
fn a_meeting_drafted_in_arabic_and_in_chinese() {
    run(async {
        let driver = Driver::start().await?;
        let app = driver.launch().await?;
        draft_in(
            &app,
            "إحاطة إلى الدول الأعضاء",
            "ar",
            &[
                "موجز إحاطة إلى الدول الأعضاء",
                "قُدمت إحاطة إلى الدول الأعضاء في 12 كانون الأول/ديسمبر 2019.",
                // Arabic UN order: فرنسا (ف) before مصر (م).
                "وأخذ الكلمة ممثلو البلدان التالية: فرنسا ومصر.",
            ],
        )
        .await?;
        draft_in(
            &app,
            "向会员国通报情况",
            "zh",
            &[
                "向会员国通报情况摘要",
                "2019年12月12日举行了",
                // UN Chinese order follows the English names: Egypt before France.
                "以下国家的代表作了发言：埃及和法国。",
            ],
        )
        .await?;
        // The window shows Chinese with the font the binary bundles, served by the shell, whatever fonts the
        // machine has (this one has none for Chinese).
        app.until(
            "the bundled Chinese face is loaded",
            "const f = [...document.fonts].find(f => f.family.replace(/[\"']/g, '') === 'Rapporteur Han'); \
             if (!f) return 'no such face'; if (f.status === 'unloaded') f.load(); \
             return f.status === 'loaded' ? true : f.status;",
            vec![],
        )
        .await?;
        app.quit().await?;

        // What the window stored drafts the same way through the facade the CLI uses.
        let records = driver.stored_records().await?;
        let languages: Vec<&str> = records
            .iter()
            .filter_map(|r| r["meeting"]["language"].as_str())
            .collect();
        assert!(
            languages.contains(&"ar") && languages.contains(&"zh"),
            "{languages:?}"
        );
        Ok(())
    })
}
