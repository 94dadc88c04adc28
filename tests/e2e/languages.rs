//! The interface language in the real window: Settings offers the six UN languages; Arabic turns the whole
//! window right to left (the sidebar moves to the right, the speakers queue mirrors) and survives a restart;
//! Chinese and English switch it back; a meeting's own document language never follows, but a new meeting is
//! written in the interface's language.

use serde_json::json;

use crate::harness::{App, Driver, Res, run};
use crate::screens::choose;

/// The interface languages as Settings offers them, each named in its own language.
pub(crate) const LANGUAGE_NAMES: [&str; 6] = [
    "العربية",
    "中文",
    "English",
    "Français",
    "Русский",
    "Español",
];

/// Waits until the document root carries `lang` and `dir`, which the app sets with the interface language.
async fn until_root(app: &App, lang: &str, dir: &str) -> Res {
    app.until(
        &format!("the root is lang={lang} dir={dir}"),
        "const r = document.documentElement; return r.lang === arguments[0] && r.dir === arguments[1];",
        vec![json!(lang), json!(dir)],
    )
    .await
}

/// Waits until each `[data-testid=…]` element reads the given text.
async fn until_labels(app: &App, labels: &[(&str, &str)]) -> Res {
    let pairs: Vec<_> = labels.iter().map(|(id, text)| json!([id, text])).collect();
    app.until(
        &format!("the labels read {labels:?}"),
        "return arguments[0].every(([id, text]) => { const e = document.querySelector(`[data-testid=${id}]`); \
         return !!e && e.textContent.trim() === text; });",
        vec![json!(pairs)],
    )
    .await
}

/// The left edges of the first elements matching two selectors, in CSS pixels.
async fn lefts(app: &App, a: &str, b: &str) -> Res<(f64, f64)> {
    let v = app
        .js(
            "const x = (s) => document.querySelector(s).getBoundingClientRect().left; return [x(arguments[0]), x(arguments[1])];",
            vec![json!(a), json!(b)],
        )
        .await?;
    let left = |i: usize| v[i].as_f64().ok_or("no bounding rect");
    Ok((left(0)?, left(1)?))
}

#[test]
fn arabic_mirrors_the_window_and_chinese_and_english_switch_back() {
    run(async {
        let driver = Driver::start().await?;
        let app = driver.launch().await?;
        until_root(&app, "en", "ltr").await?;
        app.new_meeting("Briefing on Syria (2019)").await?;
        app.settle().await?;
        app.open_meeting("Briefing on Syria (2019)").await?;
        app.tab("speakers").await?;
        app.add_speaker("Fran").await?;
        app.until_count("[data-testid=speaker-row]", 1).await?;
        app.add_free_speaker("Dr. Amina Diallo (WHO)", "un_system")
            .await?;
        app.until_count("[data-testid=speaker-row]", 2).await?;

        app.click("[data-testid=open-settings]").await?;
        app.until_texts("[data-testid=ui-language] option", &LANGUAGE_NAMES)
            .await?;
        choose(&app, "ui-language", "ar").await?;
        until_root(&app, "ar", "rtl").await?;
        until_labels(
            &app,
            &[
                ("open-settings", "الإعدادات"),
                ("open-tracker", "متابعة بنود العمل"),
            ],
        )
        .await?;
        let (sidebar, main) = lefts(&app, "[data-testid=sidebar]", "[data-testid=main]").await?;
        assert!(
            sidebar > main,
            "the sidebar is on the right in Arabic: sidebar at {sidebar}, main at {main}"
        );

        app.open_meeting("Briefing on Syria (2019)").await?;
        until_labels(
            &app,
            &[("tab-speakers", "المتكلمون"), ("tab-attendance", "الحضور")],
        )
        .await?;
        app.tab("speakers").await?;
        // The queue mirrors: each row's number is right of the name, and the State is named in Arabic (States'
        // names come from the registry a moment after the rows).
        let names = ["فرنسا", "Dr. Amina Diallo (WHO)"];
        app.until_texts("[data-testid=speaker-row] .row-name", &names)
            .await?;
        let (order, name) = lefts(
            &app,
            "[data-testid=speaker-row] .order",
            "[data-testid=speaker-row] .row-name",
        )
        .await?;
        assert!(
            order > name,
            "the order number is right of the name: {order} vs {name}"
        );
        app.tab("overview").await?;
        let document_language = app
            .js(
                "return document.querySelector('[data-testid=overview-language]').value;",
                vec![],
            )
            .await?;
        assert_eq!(
            document_language,
            json!("en"),
            "the meeting's language stays English"
        );
        app.tab("speakers").await?;
        app.screenshot("languages-ar").await?;

        // The choice is a setting: a restart comes back in Arabic.
        app.quit().await?;
        let app = driver.launch().await?;
        until_root(&app, "ar", "rtl").await?;
        until_labels(&app, &[("open-settings", "الإعدادات")]).await?;

        app.click("[data-testid=open-settings]").await?;
        choose(&app, "ui-language", "zh").await?;
        until_root(&app, "zh", "ltr").await?;
        until_labels(
            &app,
            &[("open-settings", "设置"), ("open-tracker", "行动项目跟踪")],
        )
        .await?;
        let (sidebar, main) = lefts(&app, "[data-testid=sidebar]", "[data-testid=main]").await?;
        assert!(
            sidebar < main,
            "the sidebar is back on the left: {sidebar} vs {main}"
        );
        app.screenshot("languages-zh").await?;
        // An error from the backend reads in the interface language too: the address is refused in Chinese,
        // the parser's own reason quoted, and the password never echoed.
        let enter = char::from(fantoccini::key::Key::Enter).to_string();
        app.type_into(
            "[data-testid=sync-url]",
            &format!("https://ann:hunter2@dav.example.org/team{enter}"),
        )
        .await?;
        app.until(
            "the refused address is reported in Chinese",
            "return [...document.querySelectorAll('[data-testid=toast-error]')].some(t => t.textContent.includes('此同步地址被拒绝') && !t.textContent.includes('hunter2'));",
            vec![],
        )
        .await?;
        app.screenshot("languages-zh-error").await?;
        for toast in app.find_all("[data-testid=toast-error] button").await? {
            toast.click().await?;
        }
        // A meeting created now is written in the interface's language; the first one keeps its English.
        app.new_meeting("Briefing in Chinese").await?;
        app.until(
            "the new meeting's document language is Chinese",
            "const s = document.querySelector('[data-testid=overview-language]'); return !!s && s.value === 'zh';",
            vec![],
        )
        .await?;
        app.settle().await?;
        app.click("[data-testid=open-settings]").await?;

        choose(&app, "ui-language", "en").await?;
        until_root(&app, "en", "ltr").await?;
        until_labels(
            &app,
            &[
                ("open-settings", "Settings"),
                ("open-tracker", "Action tracker"),
            ],
        )
        .await?;
        app.quit().await?;
        Ok(())
    })
}
