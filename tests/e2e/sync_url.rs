//! Sync with a WebDAV URL entered in Settings: the user types the address (a password in it is refused),
//! saves a user name and password, tests the connection (a wrong password is one clear line, the right one
//! says "Connected"), and the app then syncs with the server on its own. The server is `wsgidav`, started by
//! the test on 127.0.0.1; the colleague is a second installation driven through the facade with its own
//! saved credentials, as the CLI would.

use fantoccini::key::Key;
use rapporteur_app::{App as Facade, SavedCredentials};
use serde_json::json;

use crate::harness::{Res, run};
use crate::servers;
use crate::sync::{meeting, until_received};

const USER: &str = "alice";
const PASSWORD: &str = "correct horse";

/// True when the connection result has the class and text; else what it shows.
pub(crate) const RESULT: &str = "const e = document.querySelector('[data-testid=connection-result]'); if (!e) return 'none'; \
     return (e.classList.contains('error-text') === arguments[0] && e.textContent.includes(arguments[1])) || `${e.className}: ${e.textContent}`;";

/// Replaces what `css` holds with `text`.
async fn retype(app: &crate::harness::App, css: &str, text: &str) -> Res {
    app.wait_for(css).await?.clear().await?;
    app.type_into(css, text).await
}

#[test]
fn the_app_syncs_with_a_webdav_url_entered_in_settings() {
    run(async {
        let tmp = tempfile::tempdir()?;
        let server = servers::webdav(tmp.path(), Some((USER, PASSWORD)));
        std::fs::create_dir(server.root.join("team"))?;
        let url = format!("http://127.0.0.1:{}/team", server.port);
        let peer = Facade::open(&tmp.path().join("colleague")).await?;
        peer.set_sync_url(&url).await?;
        peer.save_sync_credentials(SavedCredentials {
            user: Some(USER.into()),
            secret: Some(PASSWORD.into()),
            ..SavedCredentials::default()
        })
        .await?;
        peer.create_meeting(meeting("Briefing from Geneva")).await?;
        peer.sync_now().await?;

        let driver = crate::harness::Driver::start().await?;
        let app = driver.launch().await?;
        app.click("[data-testid=open-settings]").await?;
        let interval = app.wait_for("[data-testid=sync-interval]").await?;
        interval.clear().await?;
        interval.send_keys("5").await?;
        interval
            .send_keys(&char::from(Key::Tab).to_string())
            .await?;

        // A password in the address is refused by the backend, in one line, without echoing it.
        let with_password = format!("http://{USER}:hunter2@127.0.0.1:{}/team", server.port);
        // Enter in the field is "Use this URL".
        let enter = char::from(Key::Enter).to_string();
        retype(&app, "[data-testid=sync-url]", &(with_password + &enter)).await?;
        app.until(
            "the URL with a password is refused",
            "return [...document.querySelectorAll('[data-testid=toast-error]')].some(t => t.textContent.includes('password in the URL') && !t.textContent.includes('hunter2'));",
            vec![],
        )
        .await?;
        assert_eq!(
            app.count("[data-testid=sync-password]").await?,
            0,
            "no URL was set"
        );

        retype(&app, "[data-testid=sync-url]", &(url.clone() + &enter)).await?;
        app.wait_for("[data-testid=sync-password]").await?;

        // The wrong password: the test says why, in one line naming the location.
        app.type_into("[data-testid=sync-user]", USER).await?;
        app.type_into("[data-testid=sync-password]", "wrong")
            .await?;
        app.click("[data-testid=save-credentials]").await?;
        app.until(
            "the credentials are saved",
            "const e = document.querySelector('[data-testid=credentials-kept]'); return !!e && e.textContent.includes('saved in');",
            vec![],
        )
        .await?;
        app.click("[data-testid=test-connection]").await?;
        app.until(
            "the wrong password is reported",
            RESULT,
            vec![json!(true), json!("credentials")],
        )
        .await?;
        app.until(
            "the error names the location",
            RESULT,
            vec![json!(true), json!(url)],
        )
        .await?;
        app.screenshot("sync-url-refused").await?;

        // The right one.
        app.type_into("[data-testid=sync-password]", PASSWORD)
            .await?;
        app.click("[data-testid=save-credentials]").await?;
        // The password field is cleared once the backend has saved it.
        app.until(
            "the right password is saved",
            "const e = document.querySelector('[data-testid=sync-password]'); return !!e && e.value === '';",
            vec![],
        )
        .await?;
        app.click("[data-testid=test-connection]").await?;
        app.until(
            "the connection works",
            RESULT,
            vec![json!(false), json!(format!("Connected to {url}"))],
        )
        .await?;
        app.click("[data-testid=sync-now]").await?;
        app.until(
            "the colleague's meeting is in the sidebar",
            "return [...document.querySelectorAll('[data-testid=meeting-row]')].some(r => r.textContent.includes('Briefing from Geneva'));",
            vec![],
        )
        .await?;
        app.screenshot("sync-url").await?;

        // Work done here reaches the server, and the colleague, without a button.
        app.new_meeting("Written in New York").await?;
        app.settle().await?;
        until_received(&peer, "Written in New York", 40, async || {
            peer.sync_now().await?;
            Ok(())
        })
        .await?;
        app.quit().await
    });
}
