//! The desktop app's sync location: the folder picked in a native dialog, or a URL typed in Settings, with
//! the credentials and team passphrase saved for it.
//!
//! The settings hold the location only (`sync_url` wins over `sync_folder`); a URL is checked when it is set
//! and may not hold a password. What unlocks it is saved apart, in the OS secret store or the private file
//! (`credentials.rs`), under the location's key, and read at each round (`background.rs`). "Test connection"
//! makes one real request to the location with those credentials, so a wrong password or an unreachable
//! server is known before the first round.

use crate::credentials::{CredentialStore, SavedCredentials};
use crate::local::{LocalMessage, MessageId};
use crate::settings::{Settings, check_sync_url};
use crate::{App, AppError, ErrorCode};

fn no_location() -> AppError {
    AppError::new(
        ErrorCode::InvalidInput,
        "settings: field `sync_url`: choose a sync folder or enter a URL first",
    )
    .localized(Some(LocalMessage::new(MessageId::SyncLocationMissing, &[])))
}

impl App {
    /// The location background rounds use: the URL if set, else the folder; `None` when sync is off.
    pub async fn sync_location(&self) -> Result<Option<String>, AppError> {
        let s = self.settings().await?;
        Ok(s.sync_url.or(s.sync_folder))
    }

    /// Makes `url` the sync location (it replaces the folder), after checking it; an empty `url` turns the
    /// URL off. Returns the settings as they now stand.
    pub async fn set_sync_url(&self, url: &str) -> Result<Settings, AppError> {
        let url = url.trim();
        let mut s = self.settings().await?;
        if url.is_empty() {
            s.sync_url = None;
        } else {
            check_sync_url(url)?;
            s.sync_url = Some(url.to_owned());
            s.sync_folder = None;
        }
        self.set_settings(&s).await?;
        Ok(s)
    }

    /// Saves the credentials (and team passphrase) of the sync location in the settings; says where. A
    /// passphrase or key file saved before is kept when `saved` has none: the window sets them apart,
    /// through [`App::encrypt_sync_location`] (where the passphrase is checked against the location) and
    /// [`App::set_sync_key_file`].
    pub async fn save_sync_credentials(
        &self,
        mut saved: SavedCredentials,
    ) -> Result<CredentialStore, AppError> {
        let to = self.sync_location().await?.ok_or_else(no_location)?;
        if let Some((before, _)) = self.saved_credentials(&to).await? {
            saved.passphrase = saved.passphrase.or(before.passphrase);
            saved.key_file = saved.key_file.or(before.key_file);
        }
        self.save_credentials(&to, saved).await
    }

    /// Where the credentials of the sync location in the settings are kept; `None` when none are saved.
    pub async fn sync_credentials_store(&self) -> Result<Option<CredentialStore>, AppError> {
        let Some(to) = self.sync_location().await? else {
            return Ok(None);
        };
        Ok(self.saved_credentials(&to).await?.map(|(_, kept)| kept))
    }

    /// Makes the folder the user picked the sync location (it replaces a URL); returns the settings.
    pub async fn set_sync_folder(&self, folder: &str) -> Result<Settings, AppError> {
        let mut s = self.settings().await?;
        s.sync_folder = Some(folder.to_owned());
        s.sync_url = None;
        self.set_settings(&s).await?;
        Ok(s)
    }

    /// [`App::set_sync_folder`], but with a team passphrase (when one is given) the folder is first encrypted
    /// with it, or joined when it is encrypted already, and the passphrase saved for it: so the first round
    /// there, which starts as soon as the folder is set, writes nothing in the clear. A wrong or too short
    /// passphrase leaves the settings as they were.
    pub async fn set_sync_folder_encrypted(
        &self,
        folder: &str,
        passphrase: Option<&str>,
    ) -> Result<Settings, AppError> {
        if let Some(passphrase) = passphrase {
            self.adopt_passphrase(folder, passphrase).await?;
        }
        self.set_sync_folder(folder).await
    }

    /// Forgets what is saved for the sync location in the settings.
    pub async fn forget_sync_credentials(&self) -> Result<(), AppError> {
        let to = self.sync_location().await?.ok_or_else(no_location)?;
        self.forget_credentials(&to).await
    }

    /// One request to the sync location with its saved credentials: the location as shown when it answers,
    /// else the one-line reason (wrong password, unreachable server, missing folder).
    pub async fn test_sync_connection(&self) -> Result<String, AppError> {
        let to = self.sync_location().await?.ok_or_else(no_location)?;
        let (loc, _) = self.location_with_secrets(&to).await?;
        loc.check_available().await?;
        Ok(loc.shown())
    }

    /// Encrypts the sync location in the settings with the team passphrase `passphrase`: its team key file is
    /// created (the location must hold no replica files yet). On a location that is encrypted already, the
    /// passphrase is checked against its key file instead, which is how a colleague joins. Either way the
    /// passphrase is then saved with the location's other credentials, so the background rounds use it. A
    /// wrong or too short passphrase writes and saves nothing.
    pub async fn encrypt_sync_location(
        &self,
        passphrase: &str,
    ) -> Result<CredentialStore, AppError> {
        let to = self.sync_location().await?.ok_or_else(no_location)?;
        self.adopt_passphrase(&to, passphrase).await
    }

    /// Changes the team passphrase of the sync location in the settings (its key file is re-wrapped, as
    /// [`App::change_sync_passphrase`] does) and saves the new one, so the background rounds go on with it.
    pub async fn change_location_passphrase(
        &self,
        old: &str,
        new: &str,
    ) -> Result<CredentialStore, AppError> {
        let to = self.sync_location().await?.ok_or_else(no_location)?;
        let (loc, _) = self.location_with_secrets(&to).await?;
        rapporteur_sync::change_passphrase(&loc, old, new).await?;
        self.save_passphrase(&to, new).await
    }

    /// Checks `passphrase` against the key file of the location `to`, creating the key file when it has none,
    /// then saves it for `to`.
    async fn adopt_passphrase(
        &self,
        to: &str,
        passphrase: &str,
    ) -> Result<CredentialStore, AppError> {
        let (loc, _) = self.location_with_secrets(to).await?;
        rapporteur_sync::unlock(&loc, Some(passphrase), true).await?;
        self.save_passphrase(to, passphrase).await
    }

    /// Saves `passphrase` for the location `to`, keeping what else is saved for it.
    async fn save_passphrase(
        &self,
        to: &str,
        passphrase: &str,
    ) -> Result<CredentialStore, AppError> {
        let saved = self
            .saved_credentials(to)
            .await?
            .map(|(saved, _)| saved)
            .unwrap_or_default();
        let passphrase = Some(passphrase.to_owned());
        self.save_credentials(
            to,
            SavedCredentials {
                passphrase,
                ..saved
            },
        )
        .await
    }
}
