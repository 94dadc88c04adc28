//! The team key file of an encrypted location, `rapporteur/v1/team.key`, and the rules that keep a location
//! either wholly plain or wholly encrypted.
//!
//! The key file (format in `rapporteur-crypt`: a random data key wrapped under an Argon2id key derived from
//! the passphrase) lives at the location itself, so every replica of the team finds it there and a passphrase
//! change ([`change_passphrase`]) re-wraps that one key without touching any other file.
//!
//! The rules:
//! - a location holding a key file is never synced without the passphrase ([`check_mode`] refuses every
//!   plain round there), and a wrong passphrase stops before anything is written;
//! - a passphrase given for a location without a key file is refused unless the caller asks to encrypt it,
//!   and a location that already holds plain replica files or attachments is never turned into an
//!   encrypted one: the two would mix, and the plain files would stay readable by anyone;
//! - the key file is created create-only, so two replicas encrypting a new location at once end up with
//!   one key file (the second unlocks the first's, or reports a wrong passphrase).
//!
//! Key derivation costs about a quarter of a second of CPU and 64 MiB on purpose; it runs on a blocking
//! thread, once per round.

use std::io;
use std::sync::Arc;

use rapporteur_crypt::{KeyFile, MAX_KEY_FILE_BYTES, TeamKey};

use crate::error::SyncError;
use crate::folder::{ROOT, blobs_dir, io_reason, replicas_dir};
use crate::location::Location;

/// The key file, relative to the location.
pub const KEY_FILE: &str = "rapporteur/v1/team.key";

/// A team key, unlocked for one location.
pub type Team = Arc<TeamKey>;

fn team_error(loc: &Location, reason: impl Into<String>) -> SyncError {
    SyncError::Team {
        location: loc.shown(),
        reason: reason.into(),
    }
}

fn unavailable(loc: &Location, e: &io::Error) -> SyncError {
    SyncError::LocationUnavailable {
        location: loc.shown_rel(KEY_FILE),
        reason: io_reason(e),
    }
}

/// Whether the location holds a key file. A path blocked by a file where `rapporteur/` should be a folder
/// holds none (the round then reports what it cannot write, as on a plain location).
async fn key_file_len(loc: &Location) -> Result<Option<u64>, SyncError> {
    match loc.stat(KEY_FILE).await {
        Ok(m) => Ok(m.map(|m| m.len)),
        Err(e) if e.kind() == io::ErrorKind::NotADirectory => Ok(None),
        Err(e) => Err(unavailable(loc, &e)),
    }
}

/// The key file's bytes, `None` when the location has none. Its size is bounded before it is read.
async fn read_key_file(loc: &Location) -> Result<Option<KeyFile>, SyncError> {
    let origin = loc.shown_rel(KEY_FILE);
    match key_file_len(loc).await? {
        None => return Ok(None),
        Some(len) if len > MAX_KEY_FILE_BYTES as u64 => {
            return Err(rapporteur_crypt::CryptError::KeyFile {
                origin,
                reason: format!("larger than {MAX_KEY_FILE_BYTES} bytes"),
            }
            .into());
        }
        Some(_) => {}
    }
    let bytes = match loc.read(KEY_FILE).await {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(unavailable(loc, &e)),
    };
    Ok(Some(KeyFile::parse(&bytes, &origin)?))
}

/// Runs the (deliberately slow) key derivation off the async threads.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, rapporteur_crypt::CryptError> + Send + 'static,
) -> Result<T, SyncError> {
    match tokio::task::spawn_blocking(f).await {
        Ok(r) => Ok(r?),
        Err(e) => Err(SyncError::Invalid(format!("key derivation failed: {e}"))),
    }
}

/// The team key of `loc` (see the module docs for the rules): `None` for a plain location synced without a
/// passphrase. `encrypt`: create the key file if the location is new. Nothing is written unless the key file
/// is created.
pub async fn unlock(
    loc: &Location,
    passphrase: Option<&str>,
    encrypt: bool,
) -> Result<Option<Team>, SyncError> {
    loc.check_available().await?;
    let file = read_key_file(loc).await?;
    let Some(passphrase) = passphrase.map(str::to_owned) else {
        return match file {
            Some(_) => Err(needs_passphrase(loc)),
            None if encrypt => Err(team_error(
                loc,
                "cannot be encrypted without a team passphrase",
            )),
            None => Ok(None),
        };
    };
    match file {
        Some(file) => Ok(Some(Arc::new(
            blocking(move || file.unlock(&passphrase)).await?,
        ))),
        None if encrypt => create(loc, passphrase).await.map(Some),
        None => Err(team_error(
            loc,
            "is not encrypted (it holds no team key file), but a team passphrase was given: \
             ask to encrypt it, or sync without the passphrase",
        )),
    }
}

fn needs_passphrase(loc: &Location) -> SyncError {
    team_error(
        loc,
        "is encrypted with a team passphrase: give the passphrase to sync with it",
    )
}

/// Writes a new key file into a location that holds no replica files or attachments yet.
async fn create(loc: &Location, passphrase: String) -> Result<Team, SyncError> {
    if loc.has_dir(&replicas_dir()).await || loc.has_dir(&blobs_dir()).await {
        return Err(team_error(
            loc,
            "already holds unencrypted files: encryption is chosen when a location is first used \
             (choose a new, empty location to encrypt)",
        ));
    }
    let origin = loc.shown_rel(KEY_FILE);
    let (file, key) = blocking(move || KeyFile::create(&passphrase, &origin)).await?;
    let written = match loc.create_dir_all(ROOT).await {
        Ok(()) => loc.write_new(KEY_FILE, &file.to_bytes()).await,
        Err(e) => Err(e),
    };
    match written {
        Ok(()) => Ok(Arc::new(key)),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(team_error(
            loc,
            "was encrypted by another replica at the same moment: sync again with the team's passphrase",
        )),
        Err(e) => Err(unavailable(loc, &e)),
    }
}

/// Refuses a round whose key (or its absence) does not match the location: a plain round on an encrypted
/// location, or an encrypted round on one whose key file has gone.
pub(crate) async fn check_mode(loc: &Location, team: Option<&Team>) -> Result<(), SyncError> {
    match (key_file_len(loc).await?.is_some(), team) {
        (true, None) => Err(needs_passphrase(loc)),
        (false, Some(_)) => Err(team_error(
            loc,
            "no longer holds its team key file (rapporteur/v1/team.key): nothing was written",
        )),
        _ => Ok(()),
    }
}

/// Re-wraps the location's data key under `new`; files already written stay readable. A wrong `old` or a
/// too short `new` writes nothing.
pub async fn change_passphrase(loc: &Location, old: &str, new: &str) -> Result<(), SyncError> {
    loc.check_available().await?;
    let Some(file) = read_key_file(loc).await? else {
        return Err(team_error(
            loc,
            "is not encrypted (it holds no team key file)",
        ));
    };
    let (old, new) = (old.to_owned(), new.to_owned());
    let rewrapped = blocking(move || file.rewrap(&old, &new)).await?;
    loc.write(KEY_FILE, &rewrapped.to_bytes())
        .await
        .map_err(|e| unavailable(loc, &e))
}
