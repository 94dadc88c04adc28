//! Sync over SFTP set up in Settings: the user types an `sftp://` address, and the form asks for a private
//! key file instead of a password (the system's SSH client takes no password). Without the key the server
//! refuses the login, in one line; the key is chosen in the native file dialog (the page never names a path),
//! after which "Test connection" says "Connected" and a round brings a colleague's meeting. The server is a
//! real `sshd` on 127.0.0.1 that accepts only the test's own key.

use rapporteur_app::App as Facade;
use serde_json::json;

use crate::harness::{Driver, run};
use crate::servers;
use crate::sync::meeting;
use crate::sync_url::RESULT;

#[test]
fn the_app_syncs_over_sftp_with_a_key_file_chosen_in_settings() {
    run(async {
        let tmp = tempfile::tempdir()?;
        let (server, key) = servers::sftp(tmp.path());
        std::fs::create_dir(server.root.join("team"))?;
        let url = format!(
            "sftp://{}@127.0.0.1:{}{}/team?known_hosts=accept",
            servers::user(),
            server.port,
            server.root.display()
        );
        let peer = Facade::open(&tmp.path().join("colleague")).await?;
        peer.set_sync_url(&url).await?;
        peer.set_sync_key_file(Some(&key)).await?;
        peer.create_meeting(meeting("Briefing from Vienna")).await?;
        peer.sync_now().await?;

        let driver = Driver::start().await?;
        let app = driver.launch().await?;
        app.click("[data-testid=open-settings]").await?;
        app.type_into("[data-testid=sync-url]", &url).await?;
        app.click("[data-testid=use-url]").await?;
        app.wait_for("[data-testid=sync-key]").await?;
        assert_eq!(
            app.count("[data-testid=sync-password]").await?,
            0,
            "no password field for SFTP"
        );

        // No key yet: the server refuses the login, and the test says so in one line.
        app.click("[data-testid=test-connection]").await?;
        app.until(
            "the login without a key is refused",
            RESULT,
            vec![json!(true), json!("the server refused the login (ssh)")],
        )
        .await?;
        let said = app
            .js(
                "return document.querySelector('[data-testid=connection-result]').textContent;",
                vec![],
            )
            .await?;
        assert!(
            !said.as_str().unwrap_or_default().trim().contains('\n'),
            "{said}"
        );

        // The key, chosen in the file dialog.
        driver.answer_dialogs(&[Some(&key)])?;
        app.click("[data-testid=choose-key]").await?;
        let name = key.file_name().ok_or("key name")?.to_string_lossy();
        app.until(
            "the key file is shown by its name",
            "const e = document.querySelector('[data-testid=sync-key-name]'); return !!e && e.textContent.trim() === arguments[0];",
            vec![json!(name)],
        )
        .await?;
        let asked = driver.dialogs_asked();
        assert!(
            asked
                .iter()
                .any(|l| l.starts_with("open\tPrivate key of the SFTP server")),
            "{asked:?}"
        );
        app.click("[data-testid=test-connection]").await?;
        app.until(
            "the connection works",
            RESULT,
            vec![json!(false), json!("Connected to sftp://")],
        )
        .await?;
        app.screenshot("sync-sftp").await?;
        app.click("[data-testid=sync-now]").await?;
        app.until(
            "the colleague's meeting is in the sidebar",
            "return [...document.querySelectorAll('[data-testid=meeting-row]')].some(r => r.textContent.includes('Briefing from Vienna'));",
            vec![],
        )
        .await?;
        app.quit().await
    });
}
