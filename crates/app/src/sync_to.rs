//! Sync with any location the user names: a folder path or a URL (WebDAV, S3-compatible, SFTP; see
//! `rapporteur_sync::url_spec` for the forms).
//!
//! Credentials for a remote location come from the environment only, read at the moment of the round and
//! kept in memory: they never reach the location, a record, an export or a log (the location is named by its
//! URL, which may not hold a password).
//! - `RAPPORTEUR_SYNC_USER`: WebDAV or SFTP user name, or S3 access key id;
//! - `RAPPORTEUR_SYNC_PASSWORD`: WebDAV password or S3 secret access key;
//! - `RAPPORTEUR_SYNC_SSH_KEY`: SFTP private key file (else ssh's own configuration and agent decide).

use rapporteur_sync::{Credentials, Location, Progress, RoundReport, parse_location};

use crate::{App, AppError, ErrorCode};

/// The environment variables [`credentials_from_env`] reads, for help texts.
pub const CREDENTIAL_VARS: [&str; 3] = [
    "RAPPORTEUR_SYNC_USER",
    "RAPPORTEUR_SYNC_PASSWORD",
    "RAPPORTEUR_SYNC_SSH_KEY",
];

/// The credentials in the environment (see the module docs).
pub fn credentials_from_env() -> Credentials {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    Credentials {
        user: var(CREDENTIAL_VARS[0]),
        secret: var(CREDENTIAL_VARS[1]),
        key_file: var(CREDENTIAL_VARS[2]).map(Into::into),
    }
}

/// The location `to` names, with the environment's credentials for a remote one.
pub fn location(to: &str) -> Result<Location, AppError> {
    Ok(parse_location(to, &credentials_from_env())?)
}

impl App {
    /// One sync round with the location `to` names (a folder path or a URL).
    pub async fn sync_round_to(
        &self,
        to: &str,
        progress: impl Fn(Progress) + Send + Sync,
    ) -> Result<RoundReport, AppError> {
        let loc = location(to)?;
        Ok(self.sync.round_at(&*self.store, &loc, progress).await?)
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
