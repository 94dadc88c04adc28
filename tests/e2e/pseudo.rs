//! Every string the window shows comes from the message catalogue. In pseudo-locale mode (a flag in the web
//! view's local storage, read at start) each catalogue message shows between ⟦ and ⟧; the test then walks
//! every screen of a new meeting, the tracker, Settings and Help, and lists any visible text, placeholder,
//! label, tooltip or option that is not between them. Only what is not interface text is allowed: numbers and
//! punctuation, month names in dates, keys as printed on the keyboard (`<kbd>`, and shortcuts such as
//! "Ctrl+Shift+E" in tooltips), one-letter formatting icons (B, I, H), upper-case abbreviations of file formats
//! and languages (PDF, DOCX, ZH), the product's name, the typed title, the language names that Settings and
//! the language menus show each in its own language, and the document itself (the editor and the preview),
//! which is in the meeting's language, not the interface's; the editor's labels of generated sections are
//! interface text, and checked.

use serde_json::json;

use crate::harness::{App, Driver, Res, run};
use crate::languages::LANGUAGE_NAMES;

const TITLE: &str = "Pseudo";

/// What may appear bare: not interface text (with the languages' own names).
const ALLOWED: [&str; 2] = ["Rapporteur", TITLE];

/// Lists what the window shows outside the catalogue, one line each.
const FIND_BARE: &str = r#"
const allowed = new Set(arguments[0]);
const months = [];
for (let m = 0; m < 12; m++)
  for (const month of ['long', 'short']) months.push(new Intl.DateTimeFormat('en', { month }).format(new Date(2020, m, 1)));
const strip = (s) => {
  for (let before = null; before !== s; ) { before = s; s = s.replace(/⟦[^⟦⟧]*⟧/g, ' '); }
  for (const m of months) s = s.split(m).join(' ');
  s = s.replace(/(?:(?:Ctrl|Alt|Shift)\+)+\S+|\bF\d{1,2}\b/g, ' ');
  return s.trim();
};
const bare = (s) => {
  const rest = strip(s ?? '');
  if (!rest || /^[\s\p{N}\p{P}\p{S}]*$/u.test(rest) || allowed.has(rest) || /^[A-Z]{1,5}$/.test(rest)) return null;
  return rest;
};
const exempt = 'script, style, kbd, [data-testid=editor], [data-testid=preview-body]';
const visible = (e) => !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
const where = (e) => `<${e.tagName.toLowerCase()}${e.dataset.testid ? ' ' + e.dataset.testid : ''}${e.className && typeof e.className === 'string' ? ' .' + e.className.split(' ')[0] : ''}>`;
const found = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const p = n.parentElement;
  if (!visible(p) || (p.closest(exempt) && !p.closest('.rapporteur-marker'))) continue;
  const b = bare(n.textContent);
  if (b) found.push(`text ${JSON.stringify(b)} in ${where(p)}`);
}
for (const e of document.querySelectorAll('[placeholder], [aria-label], [title], [alt]')) {
  if (!visible(e)) continue;
  for (const a of ['placeholder', 'aria-label', 'title', 'alt']) {
    const b = bare(e.getAttribute(a));
    if (b) found.push(`${a} ${JSON.stringify(b)} on ${where(e)}`);
  }
}
for (const s of document.querySelectorAll('select')) {
  if (!visible(s)) continue;
  for (const o of s.options) { const b = bare(o.textContent); if (b) found.push(`option ${JSON.stringify(b)} in ${where(s)}`); }
}
return [...new Set(found)];
"#;

/// Checks the screen now shown, named `screen` in the report.
async fn check(app: &App, screen: &str, bare: &mut Vec<String>) -> Res {
    app.settle().await?;
    let allowed = [&ALLOWED[..], &LANGUAGE_NAMES[..]].concat();
    let found = app.js(FIND_BARE, vec![json!(allowed)]).await?;
    let found: Vec<String> = serde_json::from_value(found)?;
    bare.extend(found.into_iter().map(|f| format!("{screen}: {f}")));
    Ok(())
}

#[test]
fn every_visible_string_comes_from_the_catalogue() {
    run(async {
        let driver = Driver::start().await?;
        let app = driver.launch().await?;
        app.js(
            "localStorage.setItem('rapporteur.pseudo-locale', '1'); location.reload();",
            vec![],
        )
        .await?;
        app.until(
            "the window is back in pseudo-locale mode",
            "const b = document.querySelector('[data-testid=new-meeting]'); return !!b && b.textContent.includes('⟦');",
            vec![],
        )
        .await?;
        let mut bare = Vec::new();
        check(&app, "no meetings yet", &mut bare).await?;

        app.new_meeting(TITLE).await?;
        for view in [
            "overview",
            "attendance",
            "speakers",
            "actions",
            "notes",
            "documents",
            "export",
        ] {
            app.tab(view).await?;
            check(&app, view, &mut bare).await?;
        }
        app.tab("documents").await?;
        app.click("[data-testid=regenerate]").await?;
        app.wait_for(".rapporteur-marker").await?;
        check(&app, "documents, drafted", &mut bare).await?;
        app.click("[data-testid=toggle-preview]").await?;
        check(&app, "documents, preview", &mut bare).await?;
        app.click("[data-testid=add-statement]").await?;
        app.wait_for("[data-testid=doc-statement]").await?;
        check(&app, "documents, a statement", &mut bare).await?;
        app.click("[data-testid=toggle-history]").await?;
        app.wait_for("[data-testid=history]").await?;
        check(&app, "documents, history", &mut bare).await?;
        app.click("[data-testid=toggle-review]").await?;
        app.wait_for("[data-testid=review-panel]").await?;
        check(&app, "documents, comments", &mut bare).await?;

        for (button, screen) in [
            ("open-tracker", "action tracker"),
            ("open-settings", "settings"),
            ("open-help", "help"),
        ] {
            app.click(&format!("[data-testid={button}]")).await?;
            check(&app, screen, &mut bare).await?;
        }
        app.screenshot("pseudo-locale").await?;
        app.js(
            "localStorage.removeItem('rapporteur.pseudo-locale');",
            vec![],
        )
        .await?;
        app.quit().await?;
        assert!(
            bare.is_empty(),
            "text shown outside the message catalogue:\n{}",
            bare.join("\n")
        );
        Ok(())
    })
}
