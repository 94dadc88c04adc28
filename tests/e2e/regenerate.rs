//! Refreshing generated sections over a hand edit, in the real window: the app asks first (a native Yes/No
//! dialog, answered inside the page as in export.rs); "No" keeps the edit, "Yes" writes the section afresh.

use serde_json::json;

use crate::harness::{App, Driver, Res, run};

const FLOOR: &str = "took the floor: France and Ghana.";
const EDIT: &str = " Both spoke briefly.";

/// Answers the plugin's message dialog (which its `ask` uses) with `arguments[0]`, and keeps each question
/// asked in `window.__asked`.
const ANSWER_ASK: &str = r#"
window.__answer = arguments[0];
if (!window.__asked) {
  window.__asked = [];
  const real = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input.url;
    const command = decodeURIComponent(url.split('/').pop() || '');
    const ipc = url.startsWith('ipc:') || url.includes('ipc.localhost');
    if (!ipc || command !== 'plugin:dialog|message') return real(input, init);
    window.__asked.push(String(init && init.body));
    return Promise.resolve(new Response(JSON.stringify(window.__answer), {
      headers: { 'Content-Type': 'application/json', 'Tauri-Response': 'ok' },
    }));
  };
}
"#;

async fn refresh(app: &App, answer: &str, asked: usize) -> Res {
    app.js(ANSWER_ASK, vec![json!(answer)]).await?;
    app.click("[data-testid=regenerate]").await?;
    app.until(
        "the question is asked",
        "return (window.__asked || []).length === arguments[0];",
        vec![json!(asked)],
    )
    .await?;
    app.until(
        "the refresh finished",
        "const b = document.querySelector('[data-testid=regenerate]'); return !!b && b.dataset.busy === 'false';",
        vec![],
    )
    .await
}

async fn floor_paragraph(app: &App, with_edit: bool) -> Res {
    app.until(
        &format!("the section's paragraph {} the edit", if with_edit { "has" } else { "lacks" }),
        "const p = [...document.querySelectorAll('[data-testid=editor] p')].find(p => p.textContent.includes(arguments[0])); \
         return !!p && p.textContent.includes(arguments[1]) === arguments[2];",
        vec![json!(FLOOR), json!(EDIT.trim()), json!(with_edit)],
    )
    .await
}

#[test]
fn refresh_asks_before_overwriting_a_hand_edit() {
    run(async {
        let driver = Driver::start().await?;
        let app = driver.launch().await?;
        app.new_meeting("Briefing with edits").await?;
        app.settle().await?;
        app.until("the meeting is open", "const h = document.querySelector('[data-testid=meeting-title]'); return !!h && h.textContent === 'Briefing with edits';", vec![]).await?;
        app.tab("speakers").await?;
        app.add_speaker("Fran").await?;
        app.until_count("[data-testid=speaker-row]", 1).await?;
        app.add_speaker("Ghan").await?;
        app.until_count("[data-testid=speaker-row]", 2).await?;

        app.tab("documents").await?;
        app.click("[data-testid=regenerate]").await?;
        app.until("the sections are written", "const e = document.querySelector('[data-testid=editor]'); return !!e && e.textContent.includes(arguments[0]);", vec![json!(FLOOR)]).await?;
        app.until("the refresh finished", "const b = document.querySelector('[data-testid=regenerate]'); return !!b && b.dataset.busy === 'false';", vec![]).await?;

        // A sentence typed at the end of a generated paragraph. The paragraph wraps over several lines, so End
        // would only reach the end of a visual line: the caret is put at the paragraph's end through the editor's
        // own API (TipTap keeps its editor on the element), then the keyboard types. (Selecting first and focusing
        // after: TipTap's focus() inside a chain reads the DOM's selection mid-chain and refuses the transaction.)
        let placed = app
            .js(
                "const ed = document.querySelector('[data-testid=editor]').editor; let end = -1; \
                 ed.state.doc.descendants((node, pos) => { \
                   if (end < 0 && node.type.name === 'paragraph' && node.textContent.includes(arguments[0])) end = pos + node.nodeSize - 1; \
                   return end < 0; }); \
                 let err = null; \
                 try { ed.commands.setTextSelection(end); ed.view.focus(); } catch (e) { err = String(e); } \
                 return { end, from: ed.state.selection.from, focused: document.activeElement === ed.view.dom, err };",
                vec![json!(FLOOR)],
            )
            .await?;
        assert!(
            placed["end"].as_i64().is_some_and(|e| e > 0)
                && placed["end"] == placed["from"]
                && placed["focused"] == json!(true),
            "the caret is at the end of the generated paragraph: {placed}"
        );
        app.type_keys(EDIT).await?;
        app.settle().await?;
        floor_paragraph(&app, true).await?;

        // "No": the edit stays.
        refresh(&app, "No", 1).await?;
        let asked = app.js("return window.__asked[0];", vec![]).await?;
        assert!(
            asked.as_str().is_some_and(|q| q.contains("edited by hand")),
            "the question says why: {asked}"
        );
        floor_paragraph(&app, true).await?;

        // "Yes": the section is written afresh.
        refresh(&app, "Yes", 2).await?;
        floor_paragraph(&app, false).await?;
        app.quit().await?;
        Ok(())
    });
}
