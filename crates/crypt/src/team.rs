//! The unlocked team key: seals and opens the files a replica writes to the location, and names attachments.
//! Two keys are derived from the one data key (HKDF-SHA256 with distinct labels), so the key that names
//! attachments can never be used to open them.

use chacha20poly1305::aead::rand_core::RngCore;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::error::CryptError;

/// The first byte of every sealed file: the sealing scheme's version, itself bound as associated data.
const SEALED_VERSION: u8 = 1;
const NONCE_BYTES: usize = 24;
const TAG_BYTES: usize = 16;
/// How many bytes sealing adds to a file: the version byte, the nonce and the authentication tag.
pub const SEALED_OVERHEAD: usize = 1 + NONCE_BYTES + TAG_BYTES;

/// The random key a location's files are sealed under; it never leaves memory unwrapped.
pub(crate) struct DataKey(Zeroizing<[u8; 32]>);

impl DataKey {
    pub(crate) fn random() -> DataKey {
        let mut key = Zeroizing::new([0u8; 32]);
        OsRng.fill_bytes(key.as_mut());
        DataKey(key)
    }

    pub(crate) fn from_slice(bytes: &[u8]) -> Option<DataKey> {
        let key: [u8; 32] = bytes.try_into().ok()?;
        Some(DataKey(Zeroizing::new(key)))
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        self.0.as_ref()
    }
}

/// A location's unlocked key.
pub struct TeamKey {
    files: Zeroizing<[u8; 32]>,
    names: Zeroizing<[u8; 32]>,
}

impl std::fmt::Debug for TeamKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TeamKey(..)")
    }
}

impl TeamKey {
    pub(crate) fn from_data_key(data_key: &DataKey) -> TeamKey {
        let hkdf = Hkdf::<Sha256>::new(None, data_key.bytes());
        let mut files = Zeroizing::new([0u8; 32]);
        let mut names = Zeroizing::new([0u8; 32]);
        hkdf.expand(b"rapporteur team key: files", files.as_mut())
            .expect("32 bytes is a valid HKDF-SHA256 length");
        hkdf.expand(b"rapporteur team key: attachment names", names.as_mut())
            .expect("32 bytes is a valid HKDF-SHA256 length");
        TeamKey { files, names }
    }

    /// Seals `plain`, binding `header` (the file's replica, sequence number, kind and format version, in the
    /// caller's encoding): the result opens only with the same header.
    pub fn seal(&self, header: &[u8], plain: &[u8]) -> Vec<u8> {
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = self
            .cipher()
            .encrypt(
                &nonce,
                Payload {
                    msg: plain,
                    aad: &aad(header),
                },
            )
            .expect("XChaCha20-Poly1305 seals any message a file can hold");
        let mut out = Vec::with_capacity(SEALED_OVERHEAD + plain.len());
        out.push(SEALED_VERSION);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        out
    }

    /// Opens what [`TeamKey::seal`] wrote under the same `header`.
    pub fn open(&self, header: &[u8], sealed: &[u8]) -> Result<Vec<u8>, CryptError> {
        if sealed.len() < SEALED_OVERHEAD || sealed[0] != SEALED_VERSION {
            return Err(CryptError::Unreadable);
        }
        let (nonce, body) = sealed[1..].split_at(NONCE_BYTES);
        self.cipher()
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: body,
                    aad: &aad(header),
                },
            )
            .map_err(|_| CryptError::Unreadable)
    }

    /// The name an attachment is stored under at the location, from its content digest (hex SHA-256): the
    /// same for every replica of the team, and unrelated to the digest for anyone without the key.
    pub fn blob_name(&self, content_digest: &str) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(self.names.as_ref())
            .expect("HMAC takes a key of any length");
        mac.update(content_digest.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(Key::from_slice(self.files.as_ref()))
    }
}

fn aad(header: &[u8]) -> Vec<u8> {
    let mut aad = Vec::with_capacity(1 + header.len());
    aad.push(SEALED_VERSION);
    aad.extend_from_slice(header);
    aad
}
