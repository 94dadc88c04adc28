//! Key files: create, read back, unlock, change the passphrase, and refuse what a location should not hold.

use rapporteur_crypt::{CryptError, KeyFile, MAX_KEY_FILE_BYTES};

use crate::PASS;

const ORIGIN: &str = "webdav://team/rapporteur/v1/team-key.json";

#[test]
fn a_key_file_read_back_unlocks_the_same_key() {
    let (file, key) = KeyFile::create(PASS, ORIGIN).unwrap();
    let sealed = key.seal(b"header", b"minutes");
    let read = KeyFile::parse(&file.to_bytes(), ORIGIN).unwrap();
    let again = read.unlock(PASS).unwrap();
    assert_eq!(again.open(b"header", &sealed).unwrap(), b"minutes");
    assert_eq!(again.blob_name("ab12"), key.blob_name("ab12"));
}

#[test]
fn a_wrong_passphrase_is_one_clear_error() {
    let (file, _) = KeyFile::create(PASS, ORIGIN).unwrap();
    let err = file.unlock("correct horse battery stapler").unwrap_err();
    assert!(matches!(err, CryptError::WrongPassphrase { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains("passphrase is wrong") && message.contains(ORIGIN),
        "{message}"
    );
    assert!(!message.contains('\n'));
}

#[test]
fn short_passphrases_are_refused() {
    let err = KeyFile::create("short pass", ORIGIN).unwrap_err();
    assert!(
        matches!(err, CryptError::WeakPassphrase { min: 12 }),
        "{err:?}"
    );
    let (file, _) = KeyFile::create(PASS, ORIGIN).unwrap();
    assert!(matches!(
        file.rewrap(PASS, "tiny"),
        Err(CryptError::WeakPassphrase { .. })
    ));
}

#[test]
fn changing_the_passphrase_keeps_every_file_readable() {
    let (file, key) = KeyFile::create(PASS, ORIGIN).unwrap();
    let sealed = key.seal(b"r1/7", b"written before the change");
    let new_pass = "a new passphrase for the team";
    let changed = file.rewrap(PASS, new_pass).unwrap();
    assert_ne!(changed.to_bytes(), file.to_bytes());
    let changed = KeyFile::parse(&changed.to_bytes(), ORIGIN).unwrap();
    assert!(matches!(
        changed.unlock(PASS),
        Err(CryptError::WrongPassphrase { .. })
    ));
    let key = changed.unlock(new_pass).unwrap();
    assert_eq!(
        key.open(b"r1/7", &sealed).unwrap(),
        b"written before the change"
    );
}

#[test]
fn changing_with_a_wrong_old_passphrase_fails() {
    let (file, _) = KeyFile::create(PASS, ORIGIN).unwrap();
    let err = file
        .rewrap("not the team passphrase", "a new passphrase for the team")
        .unwrap_err();
    assert!(matches!(err, CryptError::WrongPassphrase { .. }), "{err:?}");
}

#[test]
fn two_teams_get_different_keys() {
    let (a, key_a) = KeyFile::create(PASS, ORIGIN).unwrap();
    let (b, _) = KeyFile::create(PASS, ORIGIN).unwrap();
    assert_ne!(a.kdf().salt, b.kdf().salt);
    let sealed = key_a.seal(b"h", b"x");
    let key_b = b.unlock(PASS).unwrap();
    assert!(matches!(
        key_b.open(b"h", &sealed),
        Err(CryptError::Unreadable)
    ));
}

/// The stored JSON with one member replaced.
fn altered(file: &KeyFile, edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut json: serde_json::Value = serde_json::from_slice(&file.to_bytes()).unwrap();
    edit(&mut json);
    serde_json::to_vec(&json).unwrap()
}

#[test]
fn altered_settings_fail_the_unwrap() {
    let (file, _) = KeyFile::create(PASS, ORIGIN).unwrap();
    let bytes = altered(&file, |j| j["kdf"]["iterations"] = 4.into());
    let read = KeyFile::parse(&bytes, ORIGIN).unwrap();
    assert!(matches!(
        read.unlock(PASS),
        Err(CryptError::WrongPassphrase { .. })
    ));
}

#[test]
fn settings_weaker_than_owasp_or_ruinously_costly_are_refused_before_deriving() {
    let (file, _) = KeyFile::create(PASS, ORIGIN).unwrap();
    let cases: [(&str, serde_json::Value, &str); 5] = [
        ("memory_kib", 1024.into(), "kdf.memory_kib"),
        ("memory_kib", 4_000_000.into(), "kdf.memory_kib"),
        ("memory_kib", 8192.into(), "OWASP"),
        ("iterations", 1000.into(), "kdf.iterations"),
        ("algorithm", "argon2i".into(), "kdf.algorithm"),
    ];
    for (member, value, named) in cases {
        let bytes = altered(&file, |j| j["kdf"][member] = value);
        let err = KeyFile::parse(&bytes, ORIGIN).unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains(ORIGIN) && message.contains(named),
            "{member}: {message}"
        );
    }
}

#[test]
fn damaged_key_files_name_the_problem() {
    let (file, _) = KeyFile::create(PASS, ORIGIN).unwrap();
    let too_big = vec![b' '; MAX_KEY_FILE_BYTES + 1];
    let cases: [(Vec<u8>, &str); 5] = [
        (too_big, "larger than"),
        (b"{\n  \"format\": ".to_vec(), "line 2"),
        (altered(&file, |j| j["extra"] = 1.into()), "unknown field"),
        (
            altered(&file, |j| j["format"] = "rapporteur/team-key@9".into()),
            "format must be",
        ),
        (
            altered(&file, |j| j["wrapped_key"] = "AAAA".into()),
            "wrong length",
        ),
    ];
    for (bytes, expected) in cases {
        let message = KeyFile::parse(&bytes, ORIGIN).unwrap_err().to_string();
        assert!(
            message.contains(expected) && message.starts_with("team key file"),
            "{message}"
        );
        assert!(!message.contains('\n'), "{message}");
    }
}
