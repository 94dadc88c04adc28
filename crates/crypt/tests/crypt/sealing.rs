//! Sealed files: they open only whole, unaltered, under their own header and the team's key.

use rapporteur_crypt::{CryptError, KeyFile, SEALED_OVERHEAD, TeamKey};

use crate::PASS;

fn key() -> TeamKey {
    KeyFile::create(PASS, "test").unwrap().1
}

const HEADER: &[u8] = b"replica=r1;seq=7;kind=updates;v=1";
const TEXT: &[u8] = b"The Permanent Representative of Tunisia opened the meeting.";

#[test]
fn sealed_files_round_trip_and_hide_their_text() {
    let key = key();
    for plain in [&b""[..], TEXT, &vec![7u8; 100_000]] {
        let sealed = key.seal(HEADER, plain);
        assert_eq!(sealed.len(), plain.len() + SEALED_OVERHEAD);
        assert_eq!(key.open(HEADER, &sealed).unwrap(), plain);
    }
    let sealed = key.seal(HEADER, TEXT);
    assert!(!sealed.windows(7).any(|w| w == b"Tunisia"));
}

#[test]
fn every_seal_uses_a_fresh_nonce() {
    let key = key();
    assert_ne!(key.seal(HEADER, TEXT), key.seal(HEADER, TEXT));
}

#[test]
fn a_file_moved_under_another_header_does_not_open() {
    let key = key();
    let sealed = key.seal(HEADER, TEXT);
    let replayed = b"replica=r1;seq=8;kind=updates;v=1";
    assert!(matches!(
        key.open(replayed, &sealed),
        Err(CryptError::Unreadable)
    ));
}

#[test]
fn a_file_cut_short_or_altered_anywhere_does_not_open() {
    let key = key();
    let sealed = key.seal(HEADER, TEXT);
    for len in [0, 1, SEALED_OVERHEAD - 1, SEALED_OVERHEAD, sealed.len() - 1] {
        assert!(
            matches!(
                key.open(HEADER, &sealed[..len]),
                Err(CryptError::Unreadable)
            ),
            "cut to {len}"
        );
    }
    for at in [0, 1, 24, 25, sealed.len() / 2, sealed.len() - 1] {
        let mut flipped = sealed.clone();
        flipped[at] ^= 0x01;
        assert!(
            matches!(key.open(HEADER, &flipped), Err(CryptError::Unreadable)),
            "byte {at}"
        );
    }
}

#[test]
fn attachment_names_are_keyed() {
    let (a, b) = (key(), key());
    let digest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    let name = a.blob_name(digest);
    assert_eq!(
        name,
        a.blob_name(digest),
        "the same for every replica of a team"
    );
    assert_ne!(name, b.blob_name(digest), "different for another team");
    assert_ne!(name, digest);
    assert_eq!(name.len(), 64);
    assert!(name.bytes().all(|c| c.is_ascii_hexdigit()));
}

#[test]
fn the_debug_form_shows_no_key() {
    assert_eq!(format!("{:?}", key()), "TeamKey(..)");
}
