//! Team encryption for Rapporteur's shared sync locations.
//!
//! A sync location is run by someone else: a file-sync service, a WebDAV server, a bucket. Meetings can be
//! confidential, so a team may choose a passphrase, and then nothing written to the location is readable
//! without it. This crate holds only the cryptography, apart from any transport, so that every backend of the
//! sync crate seals and opens files the same way and the scheme can be reviewed on its own:
//! - **One random data key per location**, kept at the location in a small key file, wrapped (AEAD) under a
//!   key derived from the passphrase with Argon2id. Changing the passphrase re-wraps that one key
//!   ([`KeyFile::rewrap`]); nothing else is re-encrypted.
//! - **Every file is sealed** with XChaCha20-Poly1305 under a random 192-bit nonce, so nonces never need a
//!   counter shared between replicas. The caller binds the file's own header (replica, sequence number, kind,
//!   format version) as associated data: a file copied under another name, replayed as another sequence
//!   number, or cut short fails to open.
//! - **Attachment names are keyed hashes** of their content digest ([`TeamKey::blob_name`]), so the location
//!   cannot tell whether it holds a file whose digest someone already knows.
//!
//! What it does not hide: how many files there are, their sizes, which replica wrote them and when. The
//! passphrase itself is never stored, and keys are wiped from memory when dropped.

mod error;
mod keyfile;
mod team;

pub use error::CryptError;
pub use keyfile::{KEY_FILE_FORMAT, KdfParams, KeyFile, MAX_KEY_FILE_BYTES, MIN_PASSPHRASE_CHARS};
pub use team::{SEALED_OVERHEAD, TeamKey};
