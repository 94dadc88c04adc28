//! Drafting in Arabic and Chinese in the real window, with the interface in the same language: a meeting
//! created by hand, its title typed in the language's own script, two States given the floor; the summary
//! drafted from that record in the language's UN forms (date, order of States, sentences); page 1 of its PDF
//! previewed, which typesets it with the bundled Arabic and Chinese fonts; and the PDF exported through the
//! (answered) save dialog. The window itself shows Chinese with the same bundled font, served by the shell.

use std::path::Path;

use serde_json::json;

use crate::by_hand::date;
use crate::harness::{App, Driver, Res, run};
use crate::screens::choose;

/// Switches the interface to `lang` in Settings and waits until the window is in it.
async fn interface_in(app: &App, lang: &str) -> Res {
    app.click("[data-testid=open-settings]").await?;
    choose(app, "ui-language", lang).await?;
    app.until(
        &format!("the interface is in {lang}"),
        "return document.documentElement.lang === arguments[0];",
        vec![json!(lang)],
    )
    .await
}

/// With the interface in `lang`, creates a meeting titled `title` (its document language follows the
/// interface), on 12 December 2019, with Egypt and France on the speakers list, drafts its summary and waits
/// until the editor shows every part of `expect`; previews page 1 of its PDF and exports it (the save dialog
/// answered by the test).
async fn draft_in(app: &App, title: &str, lang: &str, expect: &[&str]) -> Res {
    interface_in(app, lang).await?;
    app.new_meeting(title).await?;
    app.until(
        &format!("the new meeting's document language is {lang}"),
        "const s = document.querySelector('[data-testid=overview-language]'); return !!s && s.value === arguments[0];",
        vec![json!(lang)],
    )
    .await?;
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
    app.screenshot(&format!("preview-{lang}")).await?;
    app.click("[data-testid=export-go]").await?;
    app.until(
        &format!("the {lang} PDF export is reported"),
        "const t = document.querySelector('[data-testid=toast-info]'); return !!t && t.textContent.includes(arguments[0]);",
        vec![json!(format!("summary-{lang}.pdf"))],
    )
    .await
}

/// The text `pdftotext` extracts from `pdf`, and the fonts `pdffonts` lists in it.
fn pdf_text_and_fonts(pdf: &Path) -> Res<(String, String)> {
    let run = |tool: &str, args: &[&std::ffi::OsStr]| -> Res<String> {
        let out = std::process::Command::new(tool).args(args).output()?;
        if !out.status.success() {
            return Err(format!(
                "{tool} {}: {}",
                pdf.display(),
                String::from_utf8_lossy(&out.stderr)
            )
            .into());
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let text = run("pdftotext", &[pdf.as_os_str(), "-".as_ref()])?;
    Ok((text, run("pdffonts", &[pdf.as_os_str()])?))
}

#[test]
fn a_meeting_drafted_in_arabic_and_in_chinese() {
    run(async {
        let out = tempfile::tempdir()?;
        let (ar_pdf, zh_pdf) = (
            out.path().join("summary-ar.pdf"),
            out.path().join("summary-zh.pdf"),
        );
        let driver = Driver::start().await?;
        driver.answer_dialogs(&[Some(&ar_pdf), Some(&zh_pdf)])?;
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

        // The exported files are the two summaries, typeset with the bundled Arabic and Chinese faces.
        let (text, fonts) = pdf_text_and_fonts(&zh_pdf)?;
        assert!(
            text.contains("2019年12月12日"),
            "the Chinese date: {text:.300}"
        );
        assert!(fonts.contains("NotoSansCJKsc"), "{fonts}");
        let (text, fonts) = pdf_text_and_fonts(&ar_pdf)?;
        assert!(text.contains("2019"), "{text:.300}");
        assert!(fonts.contains("NotoNaskhArabic"), "{fonts}");
        Ok(())
    })
}
