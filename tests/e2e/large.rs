//! A large meeting in the real window: 200 delegations (every State of the registry and five other
//! attendees), 150 interventions with what each said, and 50 action items. Attendance, Speakers and Action
//! items must render, and scrolling to the end of each list must show its last item.
//!
//! It also measures, and prints (run with `--nocapture`, or `scripts/bench-large-meeting.sh`): the time
//! from a tab click to its rows painted, and the frame times while each list is scrolled end to end.
//! Timing is not asserted here: the figures go to docs/PERFORMANCE.md.

use std::time::Duration;

use fantoccini::wd::TimeoutConfiguration;
use serde_json::{Value, json};

use crate::harness::{App, Driver, Res, run};

const STATES: &str = include_str!("../../crates/core/data/states.json");
const LAST_DELEGATION: &str = "Zonta International";
const LAST_SPEAKER: &str = "Closing remarks by the civil society focal point";
const LAST_ACTION: &str = "Action 50: circulate the final summary to all delegations.";

/// A valid `rapporteur/meeting-record@1` with 200 delegations, 150 interventions and 50 action items.
fn large_record() -> Res<Value> {
    let states: Vec<Value> = serde_json::from_str(STATES)?;
    let codes: Vec<&str> = states.iter().filter_map(|s| s["iso3"].as_str()).collect();
    let others = [
        (
            "Office of the High Commissioner for Human Rights",
            "un_system",
        ),
        ("International Organization for Migration", "un_system"),
        ("African Union", "intergovernmental_organization"),
        (
            "Special Rapporteur on the human rights of migrants",
            "special_procedure",
        ),
        (LAST_DELEGATION, "civil_society"),
    ];
    let mut delegations: Vec<Value> = codes
        .iter()
        .enumerate()
        .map(
            |(i, code)| json!({ "id": format!("d{i}"), "delegation": code, "present": i % 9 != 4 }),
        )
        .collect();
    delegations.extend(others.iter().enumerate().map(|(i, (name, category))| {
        json!({ "id": format!("o{i}"), "name": name, "category": category, "present": true })
    }));

    let kinds = [
        "statement",
        "statement",
        "question",
        "statement",
        "right_of_reply",
    ];
    let interventions: Vec<Value> = (0..150)
        .map(|i| {
            let speaker = if i == 149 {
                json!({ "name": LAST_SPEAKER, "category": "civil_society" })
            } else {
                json!({ "delegation": codes[(i * 37) % codes.len()] })
            };
            json!({
                "id": format!("i{i}"),
                "order": i + 1,
                "speaker": speaker,
                "time": format!("{:02}:{:02}", 10 + i / 60, i % 60),
                "kind": kinds[i % kinds.len()],
                "summary": format!(
                    "Intervention {n} welcomed the briefing and stressed regional cooperation on safe, orderly \
                     and regular migration. It asked for data on returns and reintegration, and for more \
                     regular updates to Member States before the next review ({n}).",
                    n = i + 1
                ),
            })
        })
        .collect();

    let action_kinds = [
        "request",
        "commitment",
        "invitation",
        "decision",
        "next_step",
    ];
    let statuses = ["open", "in_progress", "done", "open", "dropped"];
    let action_items: Vec<Value> = (0..50)
        .map(|i| {
            let text = if i == 49 {
                LAST_ACTION.to_string()
            } else {
                format!("Action {}: report on the follow-up to item {} of the agenda.", i + 1, i % 7 + 1)
            };
            json!({
                "id": format!("a{i}"),
                "kind": action_kinds[i % action_kinds.len()],
                "from": if i % 2 == 0 { "delegations" } else { "the Chair" },
                "to": "United Nations Network on Migration",
                "text": text,
                "due": if i % 3 == 0 { Value::Null } else { json!(format!("2026-{:02}-{:02}", i % 12 + 1, i % 28 + 1)) },
                "status": statuses[i % statuses.len()],
            })
        })
        .collect();

    Ok(json!({
        "format": "rapporteur/meeting-record@1",
        "meeting": {
            "title": "Large plenary: 200 delegations",
            "kind": "plenary",
            "date": "2026-03-02",
            "language": "en",
        },
        "attendance": { "groups": [], "delegations": delegations },
        "interventions": interventions,
        "action_items": action_items,
    }))
}

/// One list of the meeting: its tab, its rows, how many there are and which comes last.
struct List {
    tab: &'static str,
    row: &'static str,
    name: &'static str,
    total: usize,
    last: &'static str,
}

const LISTS: [List; 3] = [
    List {
        tab: "attendance",
        row: "[data-testid=delegation-row]",
        name: ".row-name",
        total: 200,
        last: LAST_DELEGATION,
    },
    List {
        tab: "speakers",
        row: "[data-testid=speaker-row]",
        name: ".row-name",
        total: 150,
        last: LAST_SPEAKER,
    },
    List {
        tab: "actions",
        row: "[data-testid=action-row]",
        name: "[data-testid=action-text]",
        total: 50,
        last: LAST_ACTION,
    },
];

/// Clicks the tab and returns the milliseconds until the frame after its first rows were in the DOM, that
/// is, until they were painted. Measured inside the page, so no WebDriver round trip is counted.
async fn open_tab_ms(app: &App, list: &List) -> Res<f64> {
    let v = app
        .client
        .execute_async(
            "const [tab, row, done] = arguments; const t0 = performance.now(); \
             document.querySelector(`[data-testid=tab-${tab}]`).click(); \
             const check = () => document.querySelector(row) \
               ? requestAnimationFrame(() => done(performance.now() - t0)) \
               : requestAnimationFrame(check); \
             requestAnimationFrame(check);",
            vec![json!(list.tab), json!(list.row)],
        )
        .await?;
    v.as_f64()
        .ok_or_else(|| format!("tab {}: no time", list.tab).into())
}

/// Scrolls the tab's list from top to bottom and back at `step` pixels a frame and returns the intervals
/// between animation frames, in milliseconds.
async fn scroll_frames(app: &App, list: &List, step: u32) -> Res<Vec<f64>> {
    let v = app
        .client
        .execute_async(
            "const [tab, step, done] = arguments; \
             const vp = document.querySelector(`[data-testid=view-${tab}] .vlist`); \
             const max = vp.scrollHeight - vp.clientHeight; vp.scrollTop = 0; \
             const deltas = []; let last = null; let down = true; \
             const frame = (t) => { \
               if (last !== null) deltas.push(t - last); last = t; \
               if (down) { vp.scrollTop = Math.min(max, vp.scrollTop + step); if (vp.scrollTop >= max) down = false; } \
               else { vp.scrollTop = Math.max(0, vp.scrollTop - step); if (vp.scrollTop <= 0) return done(deltas); } \
               requestAnimationFrame(frame); }; \
             requestAnimationFrame(frame);",
            vec![json!(list.tab), json!(step)],
        )
        .await?;
    Ok(serde_json::from_value(v)?)
}

/// Scrolls the list to its end and waits until its last row in the DOM reads the list's last item. The
/// rows for the new scroll position render a frame or more later, so the scroll is kept at the end while
/// waiting.
async fn until_last_row_at_end(app: &App, list: &List) -> Res {
    app.until(
        &format!("{}: the last row at the end reads {:?}", list.tab, list.last),
        "const vp = document.querySelector(`[data-testid=view-${arguments[0]}] .vlist`); vp.scrollTop = vp.scrollHeight; \
         const rows = [...document.querySelectorAll(arguments[1])]; const e = rows[rows.length - 1]; if (!e) return 'no rows'; \
         const text = e.value !== undefined && e.tagName !== 'BUTTON' && e.tagName !== 'LI' ? e.value : e.textContent.trim(); \
         return text === arguments[2] || text;",
        vec![
            json!(list.tab),
            json!(format!("{} {}", list.row, list.name)),
            json!(list.last),
        ],
    )
    .await
}

struct Stats {
    median: f64,
    p95: f64,
    max: f64,
    over_50: usize,
    count: usize,
}

fn stats(mut v: Vec<f64>) -> Stats {
    v.sort_by(f64::total_cmp);
    let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    Stats {
        median: at(0.5),
        p95: at(0.95),
        max: *v.last().unwrap_or(&0.0),
        over_50: v.iter().filter(|&&d| d > 50.0).count(),
        count: v.len(),
    }
}

#[test]
fn large_meeting_renders_and_scrolls() {
    run(async {
        let driver = Driver::start().await?;
        let record = serde_json::to_vec(&large_record()?)?;
        driver.import("large-meeting.json", &record).await?;
        let app = driver.launch().await?;
        app.client
            .update_timeouts(TimeoutConfiguration::new(
                Some(Duration::from_secs(120)),
                None,
                None,
            ))
            .await?;
        app.until_count("[data-testid=meeting-row]", 1).await?;
        app.click("[data-testid=meeting-row]").await?;
        app.wait_for("[data-testid=tab-speakers]").await?;

        // Rendering: a window of rows, and the last item once scrolled to the end.
        for list in &LISTS {
            app.tab(list.tab).await?;
            app.until(
                &format!("{} rows", list.tab),
                "return document.querySelectorAll(arguments[0]).length > 0;",
                vec![json!(list.row)],
            )
            .await?;
            let shown = app.count(list.row).await?;
            assert!(
                shown < list.total,
                "{}: {shown} of {} rows in the DOM: not virtualised",
                list.tab,
                list.total
            );
            until_last_row_at_end(&app, list).await?;
        }

        // Measuring: three rounds of tab switches, then one scroll down and up per list.
        let mut open: Vec<Vec<f64>> = vec![Vec::new(); LISTS.len()];
        for _ in 0..3 {
            for (n, list) in LISTS.iter().enumerate() {
                app.tab("overview").await?;
                app.next_frame().await?;
                open[n].push(open_tab_ms(&app, list).await?);
            }
        }
        println!("large meeting: 200 delegations, 150 interventions, 50 action items");
        println!(
            "{:<11} {:>24} {:>7} {:>7} {:>7} {:>7} {:>9} {:>7}",
            "list", "tab click → rows painted", "frames", "median", "p95", "max", "> 50 ms", "rows"
        );
        for (n, list) in LISTS.iter().enumerate() {
            app.tab(list.tab).await?;
            app.next_frame().await?;
            let frames = stats(scroll_frames(&app, list, 40).await?);
            let rows = app.count(list.row).await?;
            let mut times = open[n].clone();
            times.sort_by(f64::total_cmp);
            let t = times
                .iter()
                .map(|t| format!("{t:.0}"))
                .collect::<Vec<_>>()
                .join("/");
            println!(
                "{:<11} {:>21} ms {:>7} {:>7.1} {:>7.1} {:>7.1} {:>9} {:>7}",
                list.tab,
                t,
                frames.count,
                frames.median,
                frames.p95,
                frames.max,
                frames.over_50,
                rows
            );
        }
        println!(
            "(tab times: the three runs, sorted; frame intervals in ms while scrolling 40 px a frame, top to bottom and back; rows: in the DOM)"
        );

        app.tab("speakers").await?;
        app.js(
            "document.querySelector('[data-testid=view-speakers] .vlist').scrollTop = 0;",
            vec![],
        )
        .await?;
        app.screenshot("large-meeting").await?;
        app.quit().await?;
        Ok(())
    });
}
