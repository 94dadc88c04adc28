//! The sync commands: one round with a folder or a URL (plain or encrypted), forgetting a replica, saving or
//! forgetting credentials, and changing a team passphrase. Secrets come from the environment only (command
//! lines are visible to other users); the exit status says whether the round could write.

use std::path::Path;

use rapporteur_app::credentials::{CredentialStore, SavedCredentials, credentials_file};
use rapporteur_app::sync_to::{
    Encryption, NEW_PASSPHRASE_VAR, PASSPHRASE_VAR, env_credentials, env_secret,
};
use rapporteur_app::{App, AppError, ErrorCode};

use crate::output;

pub(crate) async fn forget(app: &App, folder: &Path, replica: &str) -> Result<(), AppError> {
    app.forget_replica(folder, replica).await?;
    println!("forgot {replica} in {}", folder.display());
    Ok(())
}

/// What could be read was applied; the edits that could not be written stay unsent, and the exit status
/// says so.
pub(crate) async fn sync(app: &App, folder: &Path, json: bool) -> Result<(), AppError> {
    let report = app.sync_round(folder).await?;
    output::sync(&report, json);
    match &report.write_error {
        Some(e) => Err(AppError::new(
            ErrorCode::Io,
            format!("sync could not write to {}: {e}", folder.display()),
        )),
        None => Ok(()),
    }
}

/// Clap requires one of them; this is the error should it ever let neither through.
pub(crate) fn no_sync_target() -> AppError {
    AppError::new(
        ErrorCode::InvalidInput,
        "sync needs --folder DIR or --to URL|DIR",
    )
}

pub(crate) async fn forget_to(app: &App, to: &str, replica: &str) -> Result<(), AppError> {
    app.forget_replica_to(to, replica).await?;
    println!("forgot {replica} in {to}");
    Ok(())
}

/// [`sync`] with a location named by `--to`, encrypted when RAPPORTEUR_SYNC_PASSPHRASE is set.
pub(crate) async fn sync_to(
    app: &App,
    to: &str,
    encrypt: bool,
    json: bool,
) -> Result<(), AppError> {
    let encryption = Encryption {
        passphrase: env_secret(PASSPHRASE_VAR),
        encrypt,
    };
    if encrypt && encryption.passphrase.is_none() {
        return Err(AppError::new(
            ErrorCode::InvalidInput,
            format!("--encrypt needs the team passphrase in {PASSPHRASE_VAR}"),
        ));
    }
    let report = app.sync_round_encrypted(to, &encryption, |_| {}).await?;
    output::sync(&report, json);
    match &report.write_error {
        Some(e) => Err(AppError::new(
            ErrorCode::Io,
            format!("sync could not write to {to}: {e}"),
        )),
        None => Ok(()),
    }
}

/// Saves the environment's credentials and passphrase for `to`; says where on stderr (stdout may be JSON).
pub(crate) async fn save_sync_credentials(app: &App, to: &str) -> Result<(), AppError> {
    let saved = SavedCredentials {
        passphrase: env_secret(PASSPHRASE_VAR),
        ..env_credentials()
    };
    let place = match app.save_credentials(to, saved).await? {
        CredentialStore::Keyring => "the OS secret store".to_owned(),
        CredentialStore::File => format!(
            "{} (readable only by you; no OS secret store is available)",
            credentials_file(app.data_dir()).display()
        ),
    };
    eprintln!("rapporteur: saved the credentials for {to} in {place}");
    Ok(())
}

/// Both passphrases come from the environment, never from the command line (which other users can see).
pub(crate) async fn sync_passphrase(app: &App, to: &str) -> Result<(), AppError> {
    let var = |name: &str| {
        env_secret(name).ok_or_else(|| {
            AppError::new(
                ErrorCode::InvalidInput,
                format!("sync-passphrase needs {PASSPHRASE_VAR} (current) and {NEW_PASSPHRASE_VAR} (new)"),
            )
        })
    };
    let (old, new) = (var(PASSPHRASE_VAR)?, var(NEW_PASSPHRASE_VAR)?);
    app.change_sync_passphrase(to, &old, &new).await?;
    println!("changed the team passphrase of {to}");
    Ok(())
}
