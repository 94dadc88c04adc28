//! The private key file of an SFTP sync location, chosen in Settings.
//!
//! SFTP goes through the system's SSH client, which takes no password: without a key file it uses the SSH
//! agent or the keys in `~/.ssh`, which a delegate's laptop may not have for the team's server. The window
//! therefore lets the user pick a key file (the shell asks for it in a native dialog; the page never names a
//! path). Only the file's path is saved, with the location's other credentials: the key stays where the user
//! keeps it, and its contents never reach the settings, a log or the shared location.

use std::io::Read;
use std::path::Path;

use rapporteur_sync::is_sftp;

use crate::credentials::{CredentialStore, SavedCredentials};
use crate::{App, AppError, ErrorCode};

/// The most a private key file may hold (an OpenSSH RSA 16384-bit key is about 12 KiB).
const KEY_LIMIT: u64 = 16 * 1024;

/// Checks that `path` is a private key file (OpenSSH or PEM), reading at most [`KEY_LIMIT`] bytes of it.
fn check_private_key(path: &Path) -> Result<(), AppError> {
    let bad = |why: String| {
        AppError::new(
            ErrorCode::InvalidInput,
            format!("{}: {why}", path.display()),
        )
    };
    // Checked before opening: opening a named pipe would wait for a writer, and a device may never end.
    let meta =
        std::fs::metadata(path).map_err(|e| bad(format!("cannot read the key file: {e}")))?;
    if !meta.is_file() {
        return Err(bad("not a file".into()));
    }
    let file =
        std::fs::File::open(path).map_err(|e| bad(format!("cannot read the key file: {e}")))?;
    let mut head = Vec::new();
    file.take(KEY_LIMIT + 1)
        .read_to_end(&mut head)
        .map_err(|e| bad(format!("cannot read the key file: {e}")))?;
    if head.len() as u64 > KEY_LIMIT {
        return Err(bad(format!(
            "too large for a private key (over {} KiB)",
            KEY_LIMIT / 1024
        )));
    }
    let text = String::from_utf8_lossy(&head);
    let first = text.trim_start().lines().next().unwrap_or_default();
    if !(first.starts_with("-----BEGIN ") && first.ends_with("PRIVATE KEY-----")) {
        return Err(bad("not a private key file (OpenSSH or PEM)".into()));
    }
    Ok(())
}

impl App {
    /// Makes `key` the private key file of the SFTP location in the settings, or forgets the one saved with
    /// `None`, keeping what else is saved for the location. Says where the credentials are kept (`None` once
    /// nothing is left saved). A file that is not a private key, or a location that is not SFTP, changes
    /// nothing.
    pub async fn set_sync_key_file(
        &self,
        key: Option<&Path>,
    ) -> Result<Option<CredentialStore>, AppError> {
        let to = self
            .sync_location()
            .await?
            .filter(|to| is_sftp(to))
            .ok_or_else(|| {
                AppError::new(
                    ErrorCode::InvalidInput,
                    "settings: field `sync_url`: a key file is for an SFTP location (sftp://…)",
                )
            })?;
        if let Some(key) = key {
            let key = key.to_path_buf();
            tokio::task::spawn_blocking(move || check_private_key(&key))
                .await
                .map_err(|e| AppError::new(ErrorCode::Internal, format!("key file: {e}")))??;
        }
        let saved = self
            .saved_credentials(&to)
            .await?
            .map(|(saved, _)| saved)
            .unwrap_or_default();
        let saved = SavedCredentials {
            key_file: key.map(Path::to_path_buf),
            ..saved
        };
        if saved.is_empty() {
            self.forget_credentials(&to).await?;
            return Ok(None);
        }
        self.save_credentials(&to, saved).await.map(Some)
    }

    /// The name of the private key file saved for the sync location (not its folder), if one is.
    pub async fn sync_key_file(&self) -> Result<Option<String>, AppError> {
        let Some(to) = self.sync_location().await? else {
            return Ok(None);
        };
        let saved = self.saved_credentials(&to).await?;
        Ok(saved.and_then(|(saved, _)| saved.key_file).map(|k| {
            k.file_name()
                .unwrap_or(k.as_os_str())
                .to_string_lossy()
                .into_owned()
        }))
    }
}
