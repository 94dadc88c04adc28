//! The key file a location holds when its team encrypts: the data key, wrapped under a key derived from the
//! passphrase. It is the only file at the location that is not sealed with the data key, so it is read
//! defensively: its size is bounded before parsing, and its key-derivation settings must lie between OWASP's
//! minimum (a location cannot talk a replica into a weak wrap) and a ceiling (nor into hanging the machine).

use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use chacha20poly1305::aead::rand_core::RngCore;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::error::CryptError;
use crate::team::{DataKey, TeamKey};

/// The `format` member of every key file this version writes and reads.
pub const KEY_FILE_FORMAT: &str = "rapporteur/team-key@1";
/// A key file is a few hundred bytes; anything past this is refused before parsing.
pub const MAX_KEY_FILE_BYTES: usize = 4096;
/// The shortest passphrase accepted for a new or changed key file.
pub const MIN_PASSPHRASE_CHARS: usize = 12;

const SALT_BYTES: usize = 16;
const NONCE_BYTES: usize = 24;
const KEY_BYTES: usize = 32;
// OWASP's Argon2id settings trade memory for passes, from 46 MiB x 1 to 7 MiB x 5; all have a
// memory x passes product of at least 35,840 KiB. Anything cheaper is refused.
const MIN_MEMORY_KIB: u32 = 7 * 1024;
const MIN_MEMORY_TIMES_PASSES: u64 = 35_840;
const MAX_MEMORY_KIB: u32 = 1024 * 1024;
const MAX_PASSES: u32 = 16;
const MAX_LANES: u32 = 16;

/// Argon2id settings and salt, stored in the key file and bound to the wrapped key, so that altering them
/// fails the unwrap.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KdfParams {
    /// Always `argon2id`.
    pub algorithm: String,
    /// Argon2 version, 19 (0x13).
    pub version: u32,
    /// Memory cost in KiB.
    pub memory_kib: u32,
    /// Number of passes.
    pub iterations: u32,
    /// Degree of parallelism (lanes).
    pub parallelism: u32,
    /// Random salt, base64.
    pub salt: String,
}

impl KdfParams {
    /// What new key files use: 64 MiB and 3 passes, above OWASP's recommendation (19 MiB, 2 passes), since a
    /// replica derives the key once per session, not once per request.
    fn new_random() -> KdfParams {
        let mut salt = [0u8; SALT_BYTES];
        OsRng.fill_bytes(&mut salt);
        KdfParams {
            algorithm: "argon2id".into(),
            version: 19,
            memory_kib: 64 * 1024,
            iterations: 3,
            parallelism: 1,
            salt: B64.encode(salt),
        }
    }

    /// Refuses settings a replica should not use, naming the member.
    fn check(&self) -> Result<Vec<u8>, String> {
        if self.algorithm != "argon2id" {
            return Err(format!(
                "kdf.algorithm must be \"argon2id\", not {:?}",
                self.algorithm
            ));
        }
        if self.version != 19 {
            return Err(format!("kdf.version must be 19, not {}", self.version));
        }
        if !(MIN_MEMORY_KIB..=MAX_MEMORY_KIB).contains(&self.memory_kib) {
            return Err(format!(
                "kdf.memory_kib must be between {MIN_MEMORY_KIB} and {MAX_MEMORY_KIB}, not {}",
                self.memory_kib
            ));
        }
        if !(1..=MAX_PASSES).contains(&self.iterations) {
            return Err(format!(
                "kdf.iterations must be between 1 and {MAX_PASSES}, not {}",
                self.iterations
            ));
        }
        if u64::from(self.memory_kib) * u64::from(self.iterations) < MIN_MEMORY_TIMES_PASSES {
            return Err(format!(
                "kdf.memory_kib x kdf.iterations is below OWASP's minimum ({MIN_MEMORY_TIMES_PASSES} KiB)"
            ));
        }
        if !(1..=MAX_LANES).contains(&self.parallelism) {
            return Err(format!(
                "kdf.parallelism must be between 1 and {MAX_LANES}, not {}",
                self.parallelism
            ));
        }
        let salt = B64
            .decode(&self.salt)
            .map_err(|_| "kdf.salt is not base64".to_string())?;
        if salt.len() < SALT_BYTES {
            return Err(format!("kdf.salt must hold at least {SALT_BYTES} bytes"));
        }
        Ok(salt)
    }

    /// The key that wraps the data key.
    fn derive(
        &self,
        passphrase: &str,
        origin: &str,
    ) -> Result<Zeroizing<[u8; KEY_BYTES]>, CryptError> {
        let bad = |reason: String| CryptError::KeyFile {
            origin: origin.to_string(),
            reason,
        };
        let salt = self.check().map_err(bad)?;
        let params = Params::new(
            self.memory_kib,
            self.iterations,
            self.parallelism,
            Some(KEY_BYTES),
        )
        .map_err(|e| bad(format!("kdf settings: {e}")))?;
        let mut out = Zeroizing::new([0u8; KEY_BYTES]);
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password_into(passphrase.as_bytes(), &salt, out.as_mut())
            .map_err(|e| bad(format!("kdf: {e}")))?;
        Ok(out)
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    format: String,
    kdf: KdfParams,
    /// base64 of nonce (24 bytes) || sealed data key (32 bytes + 16-byte tag).
    wrapped_key: String,
}

/// A location's key file: parsed, checked, and not yet unlocked.
#[derive(Clone, Debug)]
pub struct KeyFile {
    origin: String,
    kdf: KdfParams,
    wrapped: Vec<u8>,
}

impl KeyFile {
    /// A new data key for a location, wrapped under `passphrase`. `origin` names the file in later errors.
    pub fn create(passphrase: &str, origin: &str) -> Result<(KeyFile, TeamKey), CryptError> {
        check_strength(passphrase)?;
        let data_key = DataKey::random();
        let file = KeyFile::wrap(&data_key, passphrase, origin)?;
        Ok((file, TeamKey::from_data_key(&data_key)))
    }

    /// Reads a key file's bytes (at most [`MAX_KEY_FILE_BYTES`]; the caller stops reading past that).
    pub fn parse(bytes: &[u8], origin: &str) -> Result<KeyFile, CryptError> {
        let bad = |reason: String| CryptError::KeyFile {
            origin: origin.to_string(),
            reason,
        };
        if bytes.len() > MAX_KEY_FILE_BYTES {
            return Err(bad(format!("larger than {MAX_KEY_FILE_BYTES} bytes")));
        }
        let stored: Stored = serde_json::from_slice(bytes).map_err(|e| bad(e.to_string()))?;
        if stored.format != KEY_FILE_FORMAT {
            return Err(bad(format!(
                "format must be {KEY_FILE_FORMAT:?}, not {:?}",
                stored.format
            )));
        }
        stored.kdf.check().map_err(bad)?;
        let wrapped = B64
            .decode(&stored.wrapped_key)
            .map_err(|_| bad("wrapped_key is not base64".into()))?;
        if wrapped.len() != NONCE_BYTES + KEY_BYTES + 16 {
            return Err(bad("wrapped_key has the wrong length".into()));
        }
        Ok(KeyFile {
            origin: origin.to_string(),
            kdf: stored.kdf,
            wrapped,
        })
    }

    /// The bytes to store at the location.
    pub fn to_bytes(&self) -> Vec<u8> {
        let stored = Stored {
            format: KEY_FILE_FORMAT.into(),
            kdf: self.kdf.clone(),
            wrapped_key: B64.encode(&self.wrapped),
        };
        let mut bytes =
            serde_json::to_vec_pretty(&stored).expect("plain strings and numbers serialise");
        bytes.push(b'\n');
        bytes
    }

    /// The key-derivation settings, for display ("Argon2id, 64 MiB, 3 passes").
    pub fn kdf(&self) -> &KdfParams {
        &self.kdf
    }

    /// The team key, if `passphrase` is the team's.
    pub fn unlock(&self, passphrase: &str) -> Result<TeamKey, CryptError> {
        Ok(TeamKey::from_data_key(&self.unwrap_data_key(passphrase)?))
    }

    /// The same data key wrapped under `new` with fresh salt and today's settings; files sealed before stay
    /// readable. Fails, and produces nothing, if `old` is wrong or `new` too short.
    pub fn rewrap(&self, old: &str, new: &str) -> Result<KeyFile, CryptError> {
        check_strength(new)?;
        let data_key = self.unwrap_data_key(old)?;
        KeyFile::wrap(&data_key, new, &self.origin)
    }

    fn wrap(data_key: &DataKey, passphrase: &str, origin: &str) -> Result<KeyFile, CryptError> {
        let kdf = KdfParams::new_random();
        let kek = kdf.derive(passphrase, origin)?;
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = XChaCha20Poly1305::new(Key::from_slice(kek.as_ref()))
            .encrypt(
                &nonce,
                Payload {
                    msg: data_key.bytes(),
                    aad: &wrap_aad(&kdf),
                },
            )
            .expect("XChaCha20-Poly1305 encrypts any 32-byte message");
        let mut wrapped = nonce.to_vec();
        wrapped.extend_from_slice(&sealed);
        Ok(KeyFile {
            origin: origin.to_string(),
            kdf,
            wrapped,
        })
    }

    fn unwrap_data_key(&self, passphrase: &str) -> Result<DataKey, CryptError> {
        let kek = self.kdf.derive(passphrase, &self.origin)?;
        let (nonce, sealed) = self.wrapped.split_at(NONCE_BYTES);
        let plain = XChaCha20Poly1305::new(Key::from_slice(kek.as_ref()))
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: sealed,
                    aad: &wrap_aad(&self.kdf),
                },
            )
            .map_err(|_| CryptError::WrongPassphrase {
                origin: self.origin.clone(),
            })?;
        DataKey::from_slice(&plain).ok_or_else(|| CryptError::WrongPassphrase {
            origin: self.origin.clone(),
        })
    }
}

/// The format and settings, bound to the wrapped key so that neither can be changed unnoticed.
fn wrap_aad(kdf: &KdfParams) -> Vec<u8> {
    let mut aad = KEY_FILE_FORMAT.as_bytes().to_vec();
    aad.push(b'\n');
    aad.extend(serde_json::to_vec(kdf).expect("plain strings and numbers serialise"));
    aad
}

fn check_strength(passphrase: &str) -> Result<(), CryptError> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(CryptError::WeakPassphrase {
            min: MIN_PASSPHRASE_CHARS,
        });
    }
    Ok(())
}
