//! Team encryption from the real window: a shared folder chosen in Settings is encrypted with the team
//! passphrase typed there before it, the app's own rounds then write nothing readable into it, the passphrase is changed in the same
//! form (a wrong current one is refused beside the fields and changes nothing), and a colleague opens the folder
//! with the new passphrase and finds the meeting.

use std::path::Path;
use std::time::{Duration, Instant};

use rapporteur_app::App as Facade;
use rapporteur_app::sync_to::Encryption;
use serde_json::json;

use crate::harness::{App, Res, run};
use crate::sync::until_received;

const PHRASE: &str = "a long team passphrase";
const NEW: &str = "a newer team passphrase";
const TITLE: &str = "Confidential consultations";
const RESULT: &str = "const e = document.querySelector('[data-testid=encryption-result]'); \
     return !!e && e.classList.contains('error-text') === arguments[0] && e.textContent.includes(arguments[1]);";

/// Every byte of every file under `dir`. A file gone between the listing and the reading was a round's
/// temporary file, renamed since to a name read in its place.
fn all_bytes(dir: &Path) -> Res<Vec<u8>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            out.extend(all_bytes(&path)?);
        } else {
            match std::fs::read(&path) {
                Ok(bytes) => out.extend(bytes),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e.into()),
            }
        }
    }
    Ok(out)
}

/// Waits until this app's replica folder holds a file of the meeting (an update or a snapshot file).
async fn until_sent(folder: &Path) -> Res {
    let replicas = folder.join("rapporteur/v1/replicas");
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let mut names = Vec::new();
        for replica in std::fs::read_dir(&replicas)? {
            for file in std::fs::read_dir(replica?.path())? {
                names.push(file?.file_name().to_string_lossy().into_owned());
            }
        }
        if (names.iter()).any(|n| n.ends_with(".upd") || n.ends_with(".snap")) {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!("no round sent the meeting; the folder holds {names:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn until_result(app: &App, error: bool, text: &str) -> Res {
    app.until(
        &format!("the encryption form says {text:?}"),
        RESULT,
        vec![json!(error), json!(text)],
    )
    .await
}

#[test]
fn a_folder_is_encrypted_and_its_passphrase_changed_in_settings() {
    run(async {
        let tmp = tempfile::tempdir()?;
        let folder = tmp.path().join("shared");
        std::fs::create_dir(&folder)?;
        let key_file = folder.join("rapporteur/v1/team.key");

        let driver = crate::harness::Driver::start().await?;
        let app = driver.launch().await?;
        app.new_meeting(TITLE).await?;
        app.settle().await?;
        // The passphrase first, then the folder: the folder is encrypted before the round that choosing it
        // starts.
        app.click("[data-testid=open-settings]").await?;
        app.type_into("[data-testid=sync-passphrase]", PHRASE)
            .await?;
        driver.answer_dialogs(&[Some(&folder)])?;
        app.click("[data-testid=choose-folder]").await?;
        until_result(&app, false, "encrypted with this passphrase").await?;
        if !key_file.is_file() {
            return Err(format!("no team key file at {}", key_file.display()).into());
        }
        // Choosing the folder makes the next background round due, and the button starts one too: either
        // may be the one that sends the meeting, and the other then has nothing to send. So the test waits
        // for a round to have finished without an error, and for the meeting's file in the folder.
        app.click("[data-testid=sync-now]").await?;
        app.until(
            "a round has finished without an error",
            "const e = document.querySelector('[data-testid=sync-last]'); return !!e && !document.querySelector('[data-testid=sync-error]') && /\\d+ sent/.test(e.textContent);",
            vec![],
        )
        .await?;
        until_sent(&folder).await?;
        let written = all_bytes(&folder)?;
        if written.windows(TITLE.len()).any(|w| w == TITLE.as_bytes()) {
            return Err("the meeting's title is readable in the shared folder".into());
        }

        // A wrong current passphrase: refused beside the fields, the key file untouched.
        let before = std::fs::read(&key_file)?;
        app.type_into("[data-testid=sync-passphrase]", "not the team passphrase")
            .await?;
        app.type_into("[data-testid=new-passphrase]", NEW).await?;
        app.click("[data-testid=change-passphrase]").await?;
        until_result(&app, true, "passphrase").await?;
        if std::fs::read(&key_file)? != before {
            return Err("a refused change rewrote the key file".into());
        }
        app.screenshot("team-encryption-refused").await?;
        crate::by_hand::retype(&app, "[data-testid=sync-passphrase]", PHRASE).await?;
        app.click("[data-testid=change-passphrase]").await?;
        until_result(&app, false, "changed and saved").await?;
        if std::fs::read(&key_file)? == before {
            return Err("the key file was not rewrapped".into());
        }

        // A colleague with the new passphrase.
        let peer = Facade::open(&tmp.path().join("colleague")).await?;
        let shared = folder.to_str().ok_or("folder path")?.to_owned();
        let with_new = Encryption {
            passphrase: Some(NEW.into()),
            encrypt: false,
        };
        until_received(&peer, TITLE, 30, async || {
            peer.sync_round_encrypted(&shared, &with_new, |_| {})
                .await?;
            Ok(())
        })
        .await?;
        app.quit().await
    });
}
