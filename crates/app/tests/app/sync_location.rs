//! The desktop app's sync location through the facade: a folder or a URL in the settings (older settings
//! stay readable), a URL checked when set, credentials saved apart from the settings, "test connection"
//! against a real WebDAV server (`wsgidav`), rounds with the saved credentials that reach a second replica, and
//! a folder encrypted, joined and given a new team passphrase from the settings.
//!
//! The session bus is absent here, as on CI, so saved credentials go to the private fallback file.

use rapporteur_app::{App, CredentialStore, ErrorCode, SavedCredentials, Settings};

use crate::servers;
use crate::support::example;

const USER: &str = "alice";
const PASSWORD: &str = "correct horse";

fn secrets(password: &str) -> SavedCredentials {
    SavedCredentials {
        user: Some(USER.into()),
        secret: Some(password.into()),
        ..SavedCredentials::default()
    }
}

#[test]
fn settings_saved_before_urls_keep_their_folder() {
    let old = serde_json::json!({
        "sync_folder": "/media/shared", "sync_interval_secs": 30, "ui_language": "en", "theme": "dark"
    });
    let s: Settings = serde_json::from_value(old).unwrap();
    assert_eq!(s.sync_folder.as_deref(), Some("/media/shared"));
    assert_eq!(s.sync_url, None);
    assert_eq!(s.sync_interval_secs, 30);
}

#[tokio::test]
async fn a_url_is_checked_when_set_and_replaces_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(&dir.path().join("a")).await.unwrap();
    let folder = dir.path().join("shared");
    app.set_sync_folder(folder.to_str().unwrap()).await.unwrap();
    let before = app.settings().await.unwrap();
    for (bad, says) in [
        ("https://alice:secret@dav.example.org/team", "password"),
        ("/not/a/url", "not a URL"),
        ("https://", "sync_url"),
        // A multi-byte character where a scheme would end is text like any other, not a crash.
        ("\u{1b}[2J\t\u{202e}x", "not a URL"),
    ] {
        let e = app.set_sync_url(bad).await.unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidInput, "{bad}");
        assert!(
            e.message.starts_with("settings: field `sync_url`"),
            "{}",
            e.message
        );
        assert!(e.message.contains(says), "{bad}: {}", e.message);
        assert!(!e.message.contains('\n'), "{}", e.message);
        assert!(!e.message.contains("secret"), "{}", e.message);
        assert_eq!(app.settings().await.unwrap(), before, "nothing changed");
    }
    // Through the settings as a whole, too.
    let sneaked = Settings {
        sync_url: Some("https://bob:pw@dav.example.org/".into()),
        ..before.clone()
    };
    assert!(app.set_settings(&sneaked).await.is_err());

    let url = "https://dav.example.org/team";
    let s = app.set_sync_url(url).await.unwrap();
    assert_eq!(
        (s.sync_url.as_deref(), s.sync_folder.as_deref()),
        (Some(url), None)
    );
    assert_eq!(app.sync_location().await.unwrap().as_deref(), Some(url));
    assert_eq!(
        app.sync_status().await.unwrap().folder.as_deref(),
        Some(url)
    );

    let s = app.set_sync_folder(folder.to_str().unwrap()).await.unwrap();
    assert_eq!(s.sync_url, None);
    assert_eq!(app.sync_location().await.unwrap(), s.sync_folder);
    assert_eq!(app.set_sync_url("").await.unwrap().sync_url, None);
}

#[tokio::test]
async fn credentials_and_connection_need_a_location() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(&dir.path().join("a")).await.unwrap();
    for e in [
        app.test_sync_connection().await.unwrap_err(),
        app.save_sync_credentials(secrets(PASSWORD))
            .await
            .unwrap_err(),
        app.forget_sync_credentials().await.unwrap_err(),
    ] {
        assert_eq!(e.code, ErrorCode::InvalidInput);
        assert!(
            e.message.contains("choose a sync folder or enter a URL"),
            "{}",
            e.message
        );
    }
    assert_eq!(app.sync_credentials_store().await.unwrap(), None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webdav_with_saved_credentials_tests_and_syncs() {
    let tmp = tempfile::tempdir().unwrap();
    let server = servers::webdav(tmp.path(), Some((USER, PASSWORD)));
    let url = format!("http://127.0.0.1:{}/team", server.port);
    std::fs::create_dir_all(server.root.join("team")).unwrap();

    let a = App::open(&tmp.path().join("a")).await.unwrap();
    a.set_sync_url(&url).await.unwrap();
    // No credentials, then a wrong password: one line that says why, naming the location.
    let e = a.test_sync_connection().await.unwrap_err();
    assert!(
        e.message.contains(&url) && !e.message.contains('\n'),
        "{}",
        e.message
    );
    a.save_sync_credentials(secrets("wrong")).await.unwrap();
    let e = a.test_sync_connection().await.unwrap_err();
    assert!(e.message.contains(&url), "{}", e.message);
    assert!(e.message.contains("credentials"), "{}", e.message);
    assert!(!e.message.contains("wrong"), "{}", e.message);
    let where_kept = a.save_sync_credentials(secrets(PASSWORD)).await.unwrap();
    assert_eq!(where_kept, CredentialStore::File);
    assert_eq!(
        a.sync_credentials_store().await.unwrap(),
        Some(CredentialStore::File)
    );
    assert_eq!(a.test_sync_connection().await.unwrap(), url);
    // The password is not in the settings.
    let settings = serde_json::to_string(&a.settings().await.unwrap()).unwrap();
    assert!(!settings.contains(PASSWORD), "{settings}");

    let id = example(&a).await;
    let sent = a.sync_now().await.unwrap();
    assert!(
        !sent.sent.is_empty() && sent.write_error.is_none(),
        "{sent:?}"
    );
    let status = a.sync_status().await.unwrap();
    assert_eq!(status.folder.as_deref(), Some(url.as_str()));
    assert!(
        status.last_error.is_none() && status.last_report.is_some(),
        "{status:?}"
    );

    let b = App::open(&tmp.path().join("b")).await.unwrap();
    b.set_sync_url(&url).await.unwrap();
    b.save_sync_credentials(secrets(PASSWORD)).await.unwrap();
    b.sync_now().await.unwrap();
    let ids: Vec<String> = b
        .list_meetings()
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.id.to_string())
        .collect();
    assert!(ids.contains(&id), "{ids:?}");

    // Forgotten credentials: the next round fails with the server's refusal, recorded in the status.
    b.forget_sync_credentials().await.unwrap();
    assert_eq!(b.sync_credentials_store().await.unwrap(), None);
    let e = b.sync_now().await.unwrap_err();
    assert!(e.message.contains(&url), "{}", e.message);
    let status = b.sync_status().await.unwrap();
    assert_eq!(
        status.last_error.as_ref().map(|e| &e.message),
        Some(&e.message)
    );
}

/// Every byte under `dir`, for a search for text that must not be there.
fn all_bytes(dir: &std::path::Path) -> Vec<u8> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(all_bytes(&path));
        } else {
            out.extend(std::fs::read(&path).unwrap());
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_folder_is_encrypted_joined_and_given_a_new_passphrase_from_the_settings() {
    const PHRASE: &str = "a long team passphrase";
    const NEW: &str = "a newer team passphrase";
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let shared = folder.to_str().unwrap();
    let key_file = folder.join("rapporteur/v1/team.key");

    let a = App::open(&tmp.path().join("a")).await.unwrap();
    assert_eq!(
        a.encrypt_sync_location(PHRASE).await.unwrap_err().code,
        ErrorCode::InvalidInput,
        "no location yet"
    );
    // Chosen with a passphrase that is too short: nothing written, nothing saved, no folder set.
    let e = a
        .set_sync_folder_encrypted(shared, Some("pass 1234"))
        .await
        .unwrap_err();
    assert!(e.message.contains("too short"), "{}", e.message);
    assert!(!e.message.contains("pass 1234"), "{}", e.message);
    assert!(!key_file.exists());
    assert_eq!(a.settings().await.unwrap().sync_folder, None);
    // With a good one, the folder is encrypted before it becomes the location, so no round can precede it.
    a.set_sync_folder_encrypted(shared, Some(PHRASE))
        .await
        .unwrap();
    assert!(key_file.is_file());
    assert_eq!(
        a.sync_credentials_store().await.unwrap(),
        Some(CredentialStore::File)
    );
    let id = example(&a).await;
    let title = a.record(&id).await.unwrap().meeting.title;
    let sent = a.sync_now().await.unwrap();
    assert!(!sent.sent.is_empty(), "{sent:?}");
    let written = all_bytes(&folder);
    assert!(
        !written.windows(title.len()).any(|w| w == title.as_bytes()),
        "the meeting's title is readable in the shared folder"
    );

    // A colleague: refused without the passphrase and with a wrong one (nothing saved), joins with it.
    let b = App::open(&tmp.path().join("b")).await.unwrap();
    b.set_sync_folder(shared).await.unwrap();
    let e = b.sync_now().await.unwrap_err();
    assert!(e.message.contains("team passphrase"), "{}", e.message);
    b.encrypt_sync_location("not the team passphrase")
        .await
        .unwrap_err();
    assert_eq!(b.sync_credentials_store().await.unwrap(), None);
    b.encrypt_sync_location(PHRASE).await.unwrap();
    // Credentials saved after it keep the passphrase.
    b.save_sync_credentials(secrets(PASSWORD)).await.unwrap();
    b.sync_now().await.unwrap();
    assert_eq!(b.record(&id).await.unwrap().meeting.title, title);

    // A new passphrase: a wrong old one changes nothing; the right one re-wraps the key, is saved, and the
    // colleague's saved old one no longer opens the location.
    let before = std::fs::read(&key_file).unwrap();
    a.change_location_passphrase("not the team passphrase", NEW)
        .await
        .unwrap_err();
    assert_eq!(std::fs::read(&key_file).unwrap(), before);
    a.change_location_passphrase(PHRASE, NEW).await.unwrap();
    assert_ne!(std::fs::read(&key_file).unwrap(), before);
    a.sync_now().await.unwrap();
    let e = b.sync_now().await.unwrap_err();
    assert!(e.message.contains("passphrase"), "{}", e.message);
    b.encrypt_sync_location(NEW).await.unwrap();
    b.sync_now().await.unwrap();
}

/// SFTP with a private key file chosen in Settings (the shell asks for it in a dialog; the facade checks and
/// saves its path): "test connection" then logs in to a real `sshd` with it. Only a private key file is
/// taken, only for an SFTP location, and removing it keeps the other credentials.
#[tokio::test]
async fn an_sftp_location_logs_in_with_the_key_file_chosen_in_settings() {
    let tmp = tempfile::tempdir().unwrap();
    let (server, key) = servers::sftp(tmp.path());
    let app = App::open(&tmp.path().join("a")).await.unwrap();

    // A key file is for SFTP only.
    app.set_sync_folder(tmp.path().join("shared").to_str().unwrap())
        .await
        .unwrap();
    let e = app.set_sync_key_file(Some(&key)).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert!(e.message.contains("SFTP"), "{}", e.message);

    std::fs::create_dir_all(server.root.join("team")).unwrap();
    let url = format!(
        "sftp://{}@127.0.0.1:{}{}/team?known_hosts=accept",
        servers::user(),
        server.port,
        server.root.display()
    );
    app.set_sync_url(&url).await.unwrap();
    assert_eq!(app.sync_key_file().await.unwrap(), None);
    // Without the key the server refuses the login: one line.
    let e = app.test_sync_connection().await.unwrap_err();
    assert!(!e.message.contains('\n'), "{}", e.message);

    // Anything but a private key is refused, naming the file, and nothing is saved.
    let public = key.with_extension("pub");
    // A named pipe would hold a read until someone writes to it: it is refused without being opened.
    let pipe = tmp.path().join("pipe");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .unwrap()
            .success()
    );
    for not_a_key in [
        public.clone(),
        tmp.path().to_path_buf(),
        tmp.path().join("absent"),
        pipe,
        "/dev/zero".into(),
    ] {
        let e = app.set_sync_key_file(Some(&not_a_key)).await.unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidInput, "{}", e.message);
        assert!(
            e.message.starts_with(&not_a_key.display().to_string()),
            "{}",
            e.message
        );
        assert!(!e.message.contains('\n'), "{}", e.message);
    }
    assert_eq!(app.sync_credentials_store().await.unwrap(), None);

    let kept = app.set_sync_key_file(Some(&key)).await.unwrap();
    assert_eq!(kept, Some(CredentialStore::File));
    let name = key.file_name().unwrap().to_string_lossy().into_owned();
    assert_eq!(app.sync_key_file().await.unwrap(), Some(name.clone()));
    let shown = app.test_sync_connection().await.unwrap();
    assert!(shown.starts_with("sftp://"), "{shown}");
    // Only the key's path is saved, with the credentials, and not in the settings; never its contents.
    let saved = std::fs::read_to_string(rapporteur_app::credentials::credentials_file(
        &tmp.path().join("a"),
    ))
    .unwrap();
    let body = std::fs::read_to_string(&key).unwrap();
    assert!(saved.contains(&*key.to_string_lossy()), "{saved}");
    assert!(
        !saved.contains(body.lines().nth(1).unwrap()),
        "the key's contents were saved"
    );
    let settings = serde_json::to_string(&app.settings().await.unwrap()).unwrap();
    assert!(!settings.contains(&*key.to_string_lossy()), "{settings}");

    // Saving a user name later keeps the key; removing the key keeps the user name.
    let user = SavedCredentials {
        user: Some(servers::user()),
        ..SavedCredentials::default()
    };
    app.save_sync_credentials(user).await.unwrap();
    assert_eq!(app.sync_key_file().await.unwrap(), Some(name));
    assert_eq!(
        app.set_sync_key_file(None).await.unwrap(),
        Some(CredentialStore::File)
    );
    assert_eq!(app.sync_key_file().await.unwrap(), None);
    assert_eq!(
        app.sync_credentials_store().await.unwrap(),
        Some(CredentialStore::File)
    );
}
