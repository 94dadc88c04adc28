//! Sync from the real window: the user chooses a shared folder in Settings, and from then on the app syncs on
//! its own. A colleague's meeting appears in the sidebar, the indicator says when and with whom, work done here
//! reaches the colleague without a button being pressed, an open summary shows the colleague's concurrent
//! paragraph next to the one typed here, and a damaged file is reported by name, then picked
//! up once repaired. The colleague is a second installation driven through the facade, as the CLI would.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::key::Key;
use rapporteur_app::{App as Facade, DocumentKind, Meeting};
use serde_json::json;

use crate::harness::{Res, run};

pub(crate) fn meeting(title: &str) -> Meeting {
    serde_json::from_value(json!({
        "title": title, "kind": "briefing", "date": "2026-11-27", "language": "en", "status": "draft"
    }))
    .expect("a valid meeting")
}

/// Runs the colleague's `round` every half second until their installation holds a meeting titled `title`;
/// fails after `secs` seconds, naming what it holds.
pub(crate) async fn until_received(
    peer: &Facade,
    title: &str,
    secs: u64,
    mut round: impl AsyncFnMut() -> Res,
) -> Res {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        round().await?;
        let titles: Vec<String> = peer
            .list_meetings()
            .await?
            .into_iter()
            .map(|m| m.title)
            .collect();
        if titles.iter().any(|t| t == title) {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!("the colleague never received the meeting; has {titles:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

/// The colleague's newest update file in the shared folder.
fn newest_update(folder: &Path, replica: &str) -> Res<PathBuf> {
    let dir = folder.join("rapporteur/v1/replicas").join(replica);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "upd"))
        .collect();
    files.sort();
    files
        .pop()
        .ok_or_else(|| format!("no update file in {}", dir.display()).into())
}

/// Writes a file whole or not at all, as sync tools do.
fn put(path: &Path, bytes: &[u8]) -> Res {
    let tmp = path.with_extension("part");
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)?;
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> Res {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// True when the indicator has the tone and text; else what it shows, for the timeout message.
const INDICATOR: &str = "const e = document.querySelector('[data-testid=sync-indicator]'); if (!e) return 'none'; \
     return (e.dataset.tone === arguments[0] && e.textContent.includes(arguments[1])) || `${e.dataset.tone}: ${e.textContent}`;";

/// Waits until "Sync now" can be pressed: a location is set and no round is running.
async fn until_sync_now_enabled(app: &crate::harness::App) -> Res {
    app.until(
        "Sync now can be pressed",
        "const b = document.querySelector('[data-testid=sync-now]'); return !!b && !b.disabled;",
        vec![],
    )
    .await
}

#[test]
fn the_app_syncs_in_the_background_and_shows_what_happened() {
    run(async {
        let tmp = tempfile::tempdir()?;
        let folder = tmp.path().join("shared");
        std::fs::create_dir(&folder)?;
        let peer = Facade::open(&tmp.path().join("colleague")).await?;
        peer.set_replica_name("Geneva laptop").await?;
        peer.create_meeting(meeting("Briefing from Geneva")).await?;
        peer.sync_round(&folder).await?;
        let peer_id = peer.replica().await?.id;

        let driver = crate::harness::Driver::start().await?;
        let app = driver.launch().await?;
        app.until(
            "the indicator says sync is off",
            INDICATOR,
            vec![json!("off"), json!("Sync off")],
        )
        .await?;

        app.click("[data-testid=open-settings]").await?;
        let interval = app.wait_for("[data-testid=sync-interval]").await?;
        interval.clear().await?;
        interval.send_keys("5").await?;
        let tab = char::from(Key::Tab).to_string();
        interval.send_keys(&tab).await?;
        // The folder is chosen in the backend's native dialog, answered by the test.
        driver.answer_dialogs(&[Some(&folder)])?;
        app.click("[data-testid=choose-folder]").await?;

        // The first round starts as soon as the folder is set.
        app.until(
            "the colleague's meeting is in the sidebar",
            "return [...document.querySelectorAll('[data-testid=meeting-row]')].some(r => r.textContent.includes('Briefing from Geneva'));",
            vec![],
        )
        .await?;
        app.until(
            "the indicator shows one colleague",
            INDICATOR,
            vec![json!("ok"), json!("1 colleague")],
        )
        .await?;
        app.until(
            "the colleague is listed by name",
            "const t = document.querySelector('[data-testid=sync-replicas]'); return !!t && t.textContent.includes('Geneva laptop');",
            vec![],
        )
        .await?;
        app.screenshot("sync").await?;

        // Work done here goes out by itself.
        app.new_meeting("Written in New York").await?;
        app.settle().await?;
        until_received(&peer, "Written in New York", 30, async || {
            peer.sync_round(&folder).await?;
            Ok(())
        })
        .await?;

        // Both edit the same summary at once: the open editor comes to show the colleague's paragraph beside
        // the one typed here, without being reopened.
        let geneva = peer
            .list_meetings()
            .await?
            .into_iter()
            .find(|m| m.title == "Briefing from Geneva")
            .ok_or("the colleague's meeting is gone")?
            .id;
        app.open_meeting("Briefing from Geneva").await?;
        app.tab("documents").await?;
        app.type_into("[data-testid=editor]", "Typed in New York.")
            .await?;
        app.settle().await?;
        peer.doc_set(&geneva, DocumentKind::Summary, 0, "From Geneva.\n")
            .await?;
        peer.sync_round(&folder).await?;
        app.until(
            "the editor shows both paragraphs",
            "const e = document.querySelector('[data-testid=editor]'); return !!e && e.textContent.includes('Typed in New York.') && e.textContent.includes('From Geneva.') || (e && e.textContent);",
            vec![],
        )
        .await?;

        // A damaged file is skipped and named; once whole again, the next round applies it.
        // The colleague writes into a copy of the folder, so the app never sees the file whole before it is cut.
        let staging = tmp.path().join("staging");
        copy_dir(&folder, &staging)?;
        peer.create_meeting(meeting("Second Geneva briefing"))
            .await?;
        peer.sync_round(&staging).await?;
        let written = newest_update(&staging, &peer_id)?;
        let damaged = folder.join(written.strip_prefix(&staging)?);
        let whole = std::fs::read(&written)?;
        // Everything new arrives whole except the newest update, cut in half; replica.json, which announces
        // them, comes last, as a sync tool might copy it.
        let peer_dir = staging.join("rapporteur/v1/replicas").join(&peer_id);
        let mut names: Vec<_> = std::fs::read_dir(&peer_dir)?
            .map(|e| e.map(|e| e.file_name()))
            .collect::<Result<_, _>>()?;
        names.sort_by_key(|n| n == "replica.json");
        for name in names {
            let (from, to) = (peer_dir.join(&name), damaged.with_file_name(&name));
            if from == written {
                put(&to, &whole[..whole.len() / 2])?;
            } else if !to.exists() || name == "replica.json" {
                put(&to, &std::fs::read(&from)?)?;
            }
        }
        // A round now, rather than waiting for the next background one (those are proved above).
        app.click("[data-testid=open-settings]").await?;
        until_sync_now_enabled(&app).await?;
        app.click("[data-testid=sync-now]").await?;
        app.until(
            "the indicator reports the skipped file",
            INDICATOR,
            vec![json!("warn"), json!("1 file skipped")],
        )
        .await?;
        let name = damaged
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        app.until(
            "the skipped file is named in Settings",
            "const t = document.querySelector('[data-testid=sync-skipped]'); return !!t && t.textContent.includes(arguments[0]);",
            vec![json!(name)],
        )
        .await?;
        app.screenshot("sync-skipped").await?;
        put(&damaged, &whole)?;
        until_sync_now_enabled(&app).await?;
        app.click("[data-testid=sync-now]").await?;
        app.until(
            "the repaired file's meeting arrives",
            "return [...document.querySelectorAll('[data-testid=meeting-row]')].some(r => r.textContent.includes('Second Geneva briefing'));",
            vec![],
        )
        .await?;
        app.until(
            "the indicator is back to normal",
            INDICATOR,
            vec![json!("ok"), json!("1 colleague")],
        )
        .await?;
        app.quit().await
    });
}
