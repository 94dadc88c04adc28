//! Sync with any location the user names: a folder path or a URL (WebDAV, S3-compatible, SFTP; see
//! `rapporteur_sync::url_spec` for the forms), plain or encrypted with a team passphrase.
//!
//! Credentials for a remote location come from the environment, else from what the user saved for it
//! (`credentials.rs`: the OS secret store or a file only the user can read), read at the moment of the round
//! and kept in memory: they never reach the location, a record, an export or a log (the location is named by
//! its URL, which may not hold a password).
//! - `RAPPORTEUR_SYNC_USER`: WebDAV or SFTP user name, or S3 access key id;
//! - `RAPPORTEUR_SYNC_PASSWORD`: WebDAV password or S3 secret access key;
//! - `RAPPORTEUR_SYNC_SSH_KEY`: SFTP private key file (else ssh's own configuration and agent decide).
//!
//! The team passphrase of an encrypted location ([`Encryption`]) is handed in by the caller (the CLI reads it
//! from `RAPPORTEUR_SYNC_PASSPHRASE`, never from its arguments), else the saved one is used. It unlocks the location's key file for one
//! round and is then dropped; `rapporteur_sync::team` holds the rules that keep a location wholly plain or
//! wholly encrypted.

use rapporteur_sync::{Credentials, Location, Progress, RoundReport, parse_location};

use crate::credentials::SavedCredentials;
use crate::{App, AppError, ErrorCode};

/// The environment variables [`credentials_from_env`] reads, for help texts.
pub const CREDENTIAL_VARS: [&str; 3] = [
    "RAPPORTEUR_SYNC_USER",
    "RAPPORTEUR_SYNC_PASSWORD",
    "RAPPORTEUR_SYNC_SSH_KEY",
];

/// Where the CLI reads the team passphrase of an encrypted location (the current one when changing it).
pub const PASSPHRASE_VAR: &str = "RAPPORTEUR_SYNC_PASSPHRASE";
/// Where the CLI reads the new team passphrase when changing it.
pub const NEW_PASSPHRASE_VAR: &str = "RAPPORTEUR_SYNC_NEW_PASSPHRASE";

/// How a round treats the location's team encryption.
#[derive(Clone, Default)]
pub struct Encryption {
    /// The team passphrase; `None` for a plain location.
    pub passphrase: Option<String>,
    /// Create the key file if the location is new (it must hold no plain files).
    pub encrypt: bool,
}

impl std::fmt::Debug for Encryption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Encryption")
            .field("passphrase", &self.passphrase.as_ref().map(|_| "…"))
            .field("encrypt", &self.encrypt)
            .finish()
    }
}

/// A non-empty environment variable.
pub fn env_secret(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// The credentials in the environment (see the module docs).
pub fn credentials_from_env() -> Credentials {
    Credentials {
        user: env_secret(CREDENTIAL_VARS[0]),
        secret: env_secret(CREDENTIAL_VARS[1]),
        key_file: env_secret(CREDENTIAL_VARS[2]).map(Into::into),
    }
}

/// The location `to` names, with the environment's credentials for a remote one.
pub fn location(to: &str) -> Result<Location, AppError> {
    Ok(parse_location(to, &credentials_from_env())?)
}

/// What saved credentials are filed under: the location's key (a URL without credentials, or a folder path).
pub fn location_key(to: &str) -> Result<String, AppError> {
    Ok(parse_location(to, &Credentials::default())?.key())
}

/// The environment's credentials (no passphrase), as saved credentials.
pub fn env_credentials() -> SavedCredentials {
    let c = credentials_from_env();
    SavedCredentials {
        user: c.user,
        secret: c.secret,
        key_file: c.key_file,
        passphrase: None,
    }
}

impl App {
    /// The environment's credentials for `to`, completed field by field from what is saved for it.
    async fn secrets_for(&self, to: &str) -> Result<SavedCredentials, AppError> {
        Ok(match self.saved_credentials(to).await? {
            Some((saved, _)) => env_credentials().or(saved),
            None => env_credentials(),
        })
    }

    /// The location `to` names, with its credentials, and the saved passphrase if any.
    pub(crate) async fn location_with_secrets(
        &self,
        to: &str,
    ) -> Result<(Location, Option<String>), AppError> {
        let s = self.secrets_for(to).await?;
        let creds = Credentials {
            user: s.user,
            secret: s.secret,
            key_file: s.key_file,
        };
        Ok((parse_location(to, &creds)?, s.passphrase))
    }

    /// One sync round with the plain location `to` names (a folder path or a URL).
    pub async fn sync_round_to(
        &self,
        to: &str,
        progress: impl Fn(Progress) + Send + Sync,
    ) -> Result<RoundReport, AppError> {
        self.sync_round_encrypted(to, &Encryption::default(), progress)
            .await
    }

    /// One sync round with the location `to` names, unlocking (or, on first use, creating) its team key
    /// with `encryption`. A wrong passphrase, a passphrase for a plain location, or none for an encrypted
    /// one is one error, and nothing is written.
    pub async fn sync_round_encrypted(
        &self,
        to: &str,
        encryption: &Encryption,
        progress: impl Fn(Progress) + Send + Sync,
    ) -> Result<RoundReport, AppError> {
        let (loc, saved_passphrase) = self.location_with_secrets(to).await?;
        let passphrase = encryption.passphrase.clone().or(saved_passphrase);
        let team = rapporteur_sync::unlock(&loc, passphrase.as_deref(), encryption.encrypt).await?;
        Ok(self
            .sync
            .round_with_team(&*self.store, &loc, team.as_ref(), progress)
            .await?)
    }

    /// Changes the team passphrase of the encrypted location `to`: its key file is re-wrapped, nothing else
    /// is rewritten. A wrong `old` or a too short `new` writes nothing.
    pub async fn change_sync_passphrase(
        &self,
        to: &str,
        old: &str,
        new: &str,
    ) -> Result<(), AppError> {
        let (loc, _) = self.location_with_secrets(to).await?;
        rapporteur_sync::change_passphrase(&loc, old, new).await?;
        // A saved passphrase follows the change, so the next round does not fail with the old one.
        if let Some((saved, _)) = self.saved_credentials(to).await?
            && saved.passphrase.is_some()
        {
            let passphrase = Some(new.to_owned());
            self.save_credentials(
                to,
                SavedCredentials {
                    passphrase,
                    ..saved
                },
            )
            .await?;
        }
        Ok(())
    }

    /// [`App::forget_replica`] for the location `to` names.
    pub async fn forget_replica_to(&self, to: &str, replica: &str) -> Result<(), AppError> {
        let loc = location(to)?;
        if self
            .sync
            .forget_replica_at(&*self.store, &loc, replica)
            .await?
        {
            Ok(())
        } else {
            Err(AppError::new(
                ErrorCode::NotFound,
                format!("replica {replica} has not been seen in {}", loc.shown()),
            ))
        }
    }
}
