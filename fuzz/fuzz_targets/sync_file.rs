//! The decoders of what other replicas put in the shared folder: update and snapshot files, entry names, and
//! `replica.json`. Anything in that folder may be damaged, truncated or hostile.
//!
//! Promises checked: no panic; a file that decodes is exactly what the encoder writes for its content (one
//! content, one byte string); a valid file with any one byte changed, or cut short, never decodes (CRC-32
//! detects every error confined to 32 bits); a name that parses is the canonical name of its seq.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rapporteur_sync::folder::read_replica_json;
use rapporteur_sync::format::{
    EntryName, decode_snapshot, decode_update, encode_snapshot, encode_update, parse_entry_name,
    snapshot_name, update_name,
};

/// The identity the decoders check headers against (any file naming another is a `Mismatch`).
const REPLICA: &str = "replica-a";
const SEQ: u64 = 7;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    match mode % 4 {
        0 => raw_update(rest),
        1 => raw_snapshot(rest),
        2 => damaged(rest),
        _ => names_and_replica_json(rest),
    }
});

fn raw_update(bytes: &[u8]) {
    if let Ok(u) = decode_update(bytes, REPLICA, SEQ) {
        let encoded = encode_update(&u.replica_id, u.seq, &u.meeting_id, &u.payload);
        assert_eq!(encoded, bytes, "an accepted update is not canonical");
    }
}

fn raw_snapshot(bytes: &[u8]) {
    if let Ok(s) = decode_snapshot(bytes, REPLICA, SEQ) {
        let encoded = encode_snapshot(&s.replica_id, s.seq, &s.entries);
        assert_eq!(encoded, bytes, "an accepted snapshot is not canonical");
    }
}

/// Builds a valid file from the input, then damages it as a sync tool would.
fn damaged(rest: &[u8]) {
    let [a, b, flip, kind, body @ ..] = rest else {
        return;
    };
    let at = usize::from(u16::from_le_bytes([*a, *b]));
    let (meeting, payload) = body.split_at(body.len().min(usize::from(*kind >> 2)));
    let meeting = String::from_utf8_lossy(meeting);
    let file = if kind & 1 == 0 {
        let f = encode_update(REPLICA, SEQ, &meeting, payload);
        assert!(
            decode_update(&f, REPLICA, SEQ).is_ok(),
            "own update refused"
        );
        f
    } else {
        // Two entries, so that lengths inside the body get damaged too.
        let (p1, p2) = payload.split_at(payload.len() / 2);
        let entries = vec![
            (meeting.to_string(), p1.to_vec()),
            ("m2".into(), p2.to_vec()),
        ];
        let f = encode_snapshot(REPLICA, SEQ, &entries);
        let back = decode_snapshot(&f, REPLICA, SEQ).expect("own snapshot refused");
        assert_eq!(back.entries, entries);
        f
    };
    let decodes = |bytes: &[u8]| {
        if kind & 1 == 0 {
            decode_update(bytes, REPLICA, SEQ).is_ok()
        } else {
            decode_snapshot(bytes, REPLICA, SEQ).is_ok()
        }
    };
    let at = at % file.len();
    assert!(!decodes(&file[..at]), "a file cut to {at} bytes decoded");
    if *flip != 0 {
        let mut bad = file.clone();
        bad[at] ^= flip;
        assert!(
            !decodes(&bad),
            "byte {at} changed and the file still decoded"
        );
    }
}

fn names_and_replica_json(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    match parse_entry_name(text) {
        EntryName::Update(seq) => assert_eq!(update_name(seq), text),
        EntryName::Snapshot(seq) => assert_eq!(snapshot_name(seq), text),
        EntryName::ReplicaJson => assert_eq!(text, "replica.json"),
        EntryName::Hidden => assert!(text.starts_with('.')),
        EntryName::Unknown => {}
    }
    // `read_replica_json` reads from a replica's folder; a scratch folder, reused, holds the input.
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    let dir = DIR
        .get_or_init(|| tempfile::tempdir().expect("scratch folder"))
        .path();
    std::fs::write(dir.join("replica.json"), bytes).expect("scratch write");
    if let Ok(Some(json)) = read_replica_json(dir, REPLICA) {
        assert_eq!(json.id, REPLICA);
    }
}
