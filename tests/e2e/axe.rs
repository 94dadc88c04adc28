//! axe-core in the real window: the page is checked against the WCAG 2.0 and 2.1 level A and AA rules by the
//! axe-core the UI installs as a development dependency (`ui/node_modules/axe-core/axe.min.js`, read from disk
//! at test time, never fetched). The source is injected once per page through WebDriver.

use std::path::Path;

use serde::Deserialize;
use serde_json::json;

use crate::harness::{App, Res};

/// The axe-core rule tags the app must pass: WCAG 2.0 and 2.1, levels A and AA.
const TAGS: [&str; 4] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/// One rule broken by one element: where (`screen`), which rule, which element, and axe's summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub screen: String,
    pub rule: String,
    pub selector: String,
    pub summary: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "[{}] {} at `{}`: {}",
            self.screen, self.rule, self.selector, self.summary
        )
    }
}

#[derive(Deserialize)]
struct RawViolation {
    id: String,
    nodes: Vec<RawNode>,
}

#[derive(Deserialize)]
struct RawNode {
    target: String,
    summary: String,
}

/// The axe-core source, read from the UI's installed packages.
fn axe_source() -> Res<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {} ({e}): run `npm ci` in ui/", path.display()).into())
}

impl App {
    /// Injects axe-core into the page unless it is already there.
    async fn inject_axe(&self) -> Res {
        let present = self
            .js("return typeof window.axe === 'object';", vec![])
            .await?;
        if present == json!(true) {
            return Ok(());
        }
        // The source runs as the body of the script WebDriver executes; it defines `axe` on the window.
        let script = format!("{}\n;return typeof window.axe === 'object';", axe_source()?);
        let loaded = self.js(&script, vec![]).await?;
        if loaded != json!(true) {
            return Err("axe-core did not load in the page".into());
        }
        Ok(())
    }

    /// Runs axe-core's WCAG 2.0/2.1 A and AA rules over the whole document and returns each violation, one per
    /// element, labelled with `screen`.
    pub async fn axe(&self, screen: &str) -> Res<Vec<Violation>> {
        self.inject_axe().await?;
        let raw = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] }) \
                   .then(r => done(r.violations.map(v => ({ id: v.id, nodes: v.nodes.map(n => ({ \
                     target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(' '), \
                     summary: (n.failureSummary || v.help).replace(/\\s+/g, ' ').trim() })) })))) \
                   .catch(e => done({ error: String(e) }));",
                vec![json!(TAGS)],
            )
            .await?;
        if let Some(error) = raw.get("error") {
            return Err(format!("axe-core failed on {screen}: {error}").into());
        }
        let raw: Vec<RawViolation> = serde_json::from_value(raw)?;
        Ok(raw
            .into_iter()
            .flat_map(|v| {
                v.nodes.into_iter().map(move |n| Violation {
                    screen: screen.to_owned(),
                    rule: v.id.clone(),
                    selector: n.target,
                    summary: n.summary,
                })
            })
            .collect())
    }
}
