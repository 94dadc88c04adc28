//! The one error type of team encryption. Each message is one line a user can act on; the caller adds which
//! file of the location it was reading when that is not already named.

use thiserror::Error;

/// Why a key file could not be read or unlocked, or a sealed file could not be opened.
#[derive(Debug, Error)]
pub enum CryptError {
    /// The key file is too large, not JSON, of another format, or asks for key-derivation settings outside
    /// the accepted range (weaker than OWASP's minimum, or costly enough to hang the machine).
    #[error("team key file {origin}: {reason}")]
    KeyFile {
        /// Where the key file came from, as the user knows it.
        origin: String,
        /// What is wrong, in a few words.
        reason: String,
    },
    /// The passphrase does not unwrap the data key. An altered key file looks the same, and says so.
    #[error("the team passphrase is wrong, or the team key file {origin} was altered")]
    WrongPassphrase {
        /// Where the key file came from.
        origin: String,
    },
    /// A new passphrase is too short to resist guessing.
    #[error("the team passphrase is too short: use at least {min} characters")]
    WeakPassphrase {
        /// The minimum length in characters.
        min: usize,
    },
    /// A sealed file failed authentication: damaged, cut short, altered, moved under another header, or
    /// written with another team key.
    #[error(
        "the encrypted file cannot be opened: it is damaged, altered or misplaced, or was written with another team key"
    )]
    Unreadable,
}
