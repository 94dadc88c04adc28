//! Team encryption through the crate's public interface: key files, passphrases, sealed files, names.

mod keyfile;
mod sealing;

/// A passphrase long enough for every check.
pub const PASS: &str = "correct horse battery staple";
