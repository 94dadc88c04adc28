//! Saved credentials for sync locations: a WebDAV password, an S3 key, an SFTP key file, a team passphrase.
//!
//! Credentials never reach the location, a record, an export or a log. When the user asks to save them, they
//! go to the OS secret store (the `keyring` crate: Secret Service on Linux, the Keychain, the Credential
//! Manager) under the location's key (its URL without credentials, or its folder path). Where there is no
//! secret store (a server, CI, a desktop without a Secret Service daemon), the attempt fails over with one
//! warning line and they go to `<data_dir>/private/sync-credentials.json` instead: a folder only the user may
//! enter (0700), the file only the user may read (0600), written whole through a temporary file and a rename.
//! [`CredentialStore`] says which was used, so the CLI and settings can tell the user.
//!
//! The environment variables (`sync_to.rs`) keep working and win over saved values, field by field.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use rapporteur_core::atomic::{self, IfExists};
use serde::{Deserialize, Serialize};

use crate::{App, AppError, ErrorCode};

/// The secret store's service name for Rapporteur's sync credentials.
const SERVICE: &str = "org.rapporteur.sync";
/// A credentials file is a few hundred bytes per location; a larger one is refused unread.
const MAX_FILE_BYTES: u64 = 1 << 20;

/// Where saved credentials are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CredentialStore {
    /// The OS secret store.
    Keyring,
    /// The fallback file, readable only by the user.
    File,
}

/// What may be saved for one location. Its `Debug` shows which fields are set, never their values.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedCredentials {
    /// WebDAV or SFTP user name, or S3 access key id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// WebDAV password or S3 secret access key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    /// SFTP private key file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_file: Option<PathBuf>,
    /// The team passphrase of an encrypted location.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passphrase: Option<String>,
}

impl std::fmt::Debug for SavedCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let set = |o: bool| if o { "…" } else { "-" };
        f.debug_struct("SavedCredentials")
            .field("user", &set(self.user.is_some()))
            .field("secret", &set(self.secret.is_some()))
            .field("key_file", &set(self.key_file.is_some()))
            .field("passphrase", &set(self.passphrase.is_some()))
            .finish()
    }
}

impl SavedCredentials {
    /// Each field of `self`, else of `saved`.
    pub fn or(self, saved: SavedCredentials) -> SavedCredentials {
        SavedCredentials {
            user: self.user.or(saved.user),
            secret: self.secret.or(saved.secret),
            key_file: self.key_file.or(saved.key_file),
            passphrase: self.passphrase.or(saved.passphrase),
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        *self == SavedCredentials::default()
    }
}

/// The fallback file of the installation at `data_dir`.
pub fn credentials_file(data_dir: &Path) -> PathBuf {
    data_dir.join("private").join("sync-credentials.json")
}

fn file_error(path: &Path, reason: impl std::fmt::Display) -> AppError {
    AppError::new(ErrorCode::Io, format!("{}: {reason}", path.display()))
}

fn read_file(path: &Path) -> Result<BTreeMap<String, SavedCredentials>, AppError> {
    match std::fs::metadata(path) {
        Ok(m) if m.len() > MAX_FILE_BYTES => {
            return Err(file_error(
                path,
                format!("larger than {MAX_FILE_BYTES} bytes"),
            ));
        }
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
        Err(e) => return Err(file_error(path, e)),
    }
    let bytes = std::fs::read(path).map_err(|e| file_error(path, e))?;
    serde_json::from_slice(&bytes).map_err(|e| file_error(path, e))
}

/// Creates the private folder (0700) and writes the file whole (0600).
fn write_file(path: &Path, all: &BTreeMap<String, SavedCredentials>) -> Result<(), AppError> {
    let dir = path.parent().expect("the file is in a folder");
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| file_error(dir, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
            .map_err(|e| file_error(dir, e))?;
    }
    let bytes = serde_json::to_vec_pretty(all).expect("strings serialise");
    atomic::write(path, &bytes, IfExists::Replace).map_err(|e| file_error(path, e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
            .map_err(|e| file_error(path, e))?;
    }
    Ok(())
}

/// Why the secret store is not used, logged once per process: never a credential, only the store's error.
fn keyring_unavailable(e: &keyring::Error) {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        tracing::warn!(error = %e, "the OS secret store is not available; using the credentials file");
    });
}

fn keyring_entry(key: &str) -> keyring::Result<keyring::Entry> {
    keyring::Entry::new(SERVICE, key)
}

/// The secret store's value for `key`: `Ok(None)` when it has none, `Err` when it cannot be used.
fn keyring_get(key: &str) -> keyring::Result<Option<SavedCredentials>> {
    match keyring_entry(key)?.get_password() {
        Ok(json) => Ok(serde_json::from_str(&json).ok()),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(e),
    }
}

fn keyring_set(key: &str, saved: &SavedCredentials) -> keyring::Result<()> {
    let json = serde_json::to_string(saved).expect("strings serialise");
    keyring_entry(key)?.set_password(&json)
}

fn keyring_forget(key: &str) -> keyring::Result<()> {
    match keyring_entry(key)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Runs the secret store's blocking calls off the async threads.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| AppError::new(ErrorCode::Internal, format!("credential store: {e}")))?
}

impl App {
    /// Saves `saved` for the location `to`, replacing what was saved; says where. Nothing is saved when it
    /// holds nothing.
    pub async fn save_credentials(
        &self,
        to: &str,
        saved: SavedCredentials,
    ) -> Result<CredentialStore, AppError> {
        if saved.is_empty() {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                format!("no credentials to save for {to}"),
            ));
        }
        let key = crate::sync_to::location_key(to)?;
        let path = credentials_file(self.data_dir());
        blocking(move || match keyring_set(&key, &saved) {
            Ok(()) => {
                // Not in both places: a value left in the file would outlive a change in the store.
                remove_from_file(&path, &key)?;
                Ok(CredentialStore::Keyring)
            }
            Err(e) => {
                keyring_unavailable(&e);
                let mut all = read_file(&path)?;
                all.insert(key, saved);
                write_file(&path, &all)?;
                Ok(CredentialStore::File)
            }
        })
        .await
    }

    /// What is saved for the location `to`, and where; `None` when nothing is.
    pub async fn saved_credentials(
        &self,
        to: &str,
    ) -> Result<Option<(SavedCredentials, CredentialStore)>, AppError> {
        let key = crate::sync_to::location_key(to)?;
        let path = credentials_file(self.data_dir());
        blocking(move || {
            match keyring_get(&key) {
                Ok(Some(saved)) => return Ok(Some((saved, CredentialStore::Keyring))),
                Ok(None) => {}
                Err(e) => keyring_unavailable(&e),
            }
            Ok(read_file(&path)?
                .remove(&key)
                .map(|saved| (saved, CredentialStore::File)))
        })
        .await
    }

    /// Forgets what is saved for the location `to`, in the secret store and in the file.
    pub async fn forget_credentials(&self, to: &str) -> Result<(), AppError> {
        let key = crate::sync_to::location_key(to)?;
        let path = credentials_file(self.data_dir());
        blocking(move || {
            if let Err(e) = keyring_forget(&key) {
                keyring_unavailable(&e);
            }
            remove_from_file(&path, &key)
        })
        .await
    }
}

fn remove_from_file(path: &Path, key: &str) -> Result<(), AppError> {
    let mut all = read_file(path)?;
    if all.remove(key).is_some() {
        write_file(path, &all)?;
    }
    Ok(())
}
