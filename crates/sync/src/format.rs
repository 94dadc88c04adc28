//! The byte format of the files a replica writes into the shared folder, and the strict grammar of their names.
//!
//! Every file is self-describing and self-checking, because sync tools, USB sticks and network drives deliver
//! partial, duplicated and damaged files as a matter of course. A reader decodes a file completely, checks its
//! CRC-32 and that its header agrees with the name and folder it was found under, and only then hands the
//! payload to the store. Anything else is a [`FileFault`], which the round reports by name and retries later.
//!
//! Update file (`<seq>.upd`), all integers little-endian:
//! ```text
//! magic        8 bytes  "RAPTUPD\x1a"
//! version      u16      FORMAT_VERSION
//! replica id   u16 length + UTF-8
//! seq          u64
//! meeting id   u16 length + UTF-8
//! payload len  u64
//! checksum     u32      CRC-32 of every header byte before it, then of the payload
//! payload      Loro updates of one meeting
//! ```
//! Snapshot file (`snapshot-<seq>.snap`): magic `"RAPTSNP\x1a"`, version, replica id, seq, an entry count (u32),
//! the checksum (of the header before it and every entry byte), then per entry a meeting id (u16 length +
//! UTF-8), a payload length (u64) and the payload. The file must end exactly after the last entry.

use std::fmt;

/// The version this build writes and the newest it reads. A newer file is skipped, not misread.
pub const FORMAT_VERSION: u16 = 1;
/// Magic of an update file.
pub const UPDATE_MAGIC: [u8; 8] = *b"RAPTUPD\x1a";
/// Magic of a snapshot file.
pub const SNAPSHOT_MAGIC: [u8; 8] = *b"RAPTSNP\x1a";
/// Files above this size are refused before they are read into memory.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// A decoded update file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateFile {
    /// The replica that wrote it.
    pub replica_id: String,
    /// Its number in that replica's sequence, from 1.
    pub seq: u64,
    /// The meeting it changes.
    pub meeting_id: String,
    /// Loro updates for that meeting.
    pub payload: Vec<u8>,
}

/// A decoded snapshot file: the whole state of each meeting the replica held after writing update `seq`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotFile {
    /// The replica that wrote it.
    pub replica_id: String,
    /// The last update it covers.
    pub seq: u64,
    /// Each meeting's id and whole document (a Loro snapshot).
    pub entries: Vec<(String, Vec<u8>)>,
}

/// Why a file in the shared folder was not applied. Shown to the user, so each says what to expect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileFault {
    /// Shorter (or longer) than its header says: usually a copy still in progress.
    Truncated {
        /// The size its header says, in bytes.
        expected: u64,
        /// The size found.
        actual: u64,
    },
    /// Not a Rapporteur file of the expected kind.
    BadMagic,
    /// Written by a newer Rapporteur; update this one to read it.
    FutureVersion(u16),
    /// The bytes changed after they were written.
    Checksum,
    /// The header contradicts the file's name or folder (a file copied or renamed by hand).
    Mismatch(String),
    /// The file is larger than any Rapporteur writes.
    TooLarge(u64),
    /// The operating system could not read it.
    Unreadable(String),
    /// Listed by its replica but not (yet) in the folder: a sync tool has not delivered it.
    Missing,
    /// The store refused the payload (not a Loro update it understands).
    Rejected(String),
    /// On an encrypted location: the file does not open with the team key under its own name (damaged, cut
    /// short, moved or copied from another name, or written with another key).
    Sealed,
}

impl fmt::Display for FileFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileFault::Truncated { expected, actual } => write!(
                f,
                "truncated or incomplete: {actual} bytes, header says {expected} (a copy may still be in progress)"
            ),
            FileFault::BadMagic => f.write_str("not a Rapporteur sync file (wrong magic)"),
            FileFault::FutureVersion(v) => write!(
                f,
                "written in sync format {v}, newer than this app reads ({FORMAT_VERSION}): update Rapporteur"
            ),
            FileFault::Checksum => {
                f.write_str("checksum mismatch: the file was damaged after it was written")
            }
            FileFault::Mismatch(m) => {
                write!(f, "header does not match the file's name or folder: {m}")
            }
            FileFault::TooLarge(n) => write!(f, "{n} bytes is larger than any sync file"),
            FileFault::Unreadable(e) => write!(f, "cannot be read: {e}"),
            FileFault::Missing => f.write_str("announced by its replica but not in the folder yet"),
            FileFault::Rejected(e) => write!(f, "the store refused its contents: {e}"),
            FileFault::Sealed => f.write_str(
                "does not open with the team key under this name: damaged, cut short, moved or replayed from \
                 another name, or written with another team key",
            ),
        }
    }
}

impl FileFault {
    /// A short stable code for the UI.
    pub fn code(&self) -> &'static str {
        match self {
            FileFault::Truncated { .. } => "truncated",
            FileFault::BadMagic => "bad_magic",
            FileFault::FutureVersion(_) => "future_version",
            FileFault::Checksum => "checksum",
            FileFault::Mismatch(_) => "mismatch",
            FileFault::TooLarge(_) => "too_large",
            FileFault::Unreadable(_) => "unreadable",
            FileFault::Missing => "missing",
            FileFault::Rejected(_) => "rejected",
            FileFault::Sealed => "sealed",
        }
    }
}

/// What a name inside a replica's folder means. Only exact, canonical names are ours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryName {
    /// `<seq>.upd`.
    Update(u64),
    /// `snapshot-<seq>.snap`.
    Snapshot(u64),
    /// `replica.json`.
    ReplicaJson,
    /// A temporary file of an unfinished write (ours start with `.tmp-`), or any other dot-file the OS or a
    /// tool leaves (`.DS_Store`, `.dropbox`): never ours to read, not worth reporting.
    Hidden,
    /// Anything else: `12 (conflicted copy).upd`, `12 (1).upd`, `012.upd`, `notes.txt`, Syncthing's
    /// `12.sync-conflict-<date>-<time>-<device>.upd`, and a sync tool's temporary of a file it is still
    /// fetching (Syncthing's `.syncthing.12.upd.tmp`): never read, and reported, since each says that a copy
    /// is in flight or in conflict.
    Unknown,
}

/// Parses a name strictly: `^(0|[1-9][0-9]*)\.upd$`, `^snapshot-(0|[1-9][0-9]*)\.snap$`, `replica.json`.
/// Leading zeros are refused so that one seq has exactly one name.
pub fn parse_entry_name(name: &str) -> EntryName {
    if name == "replica.json" {
        return EntryName::ReplicaJson;
    }
    if name.starts_with('.') && !is_sync_tool_temporary(name) {
        return EntryName::Hidden;
    }
    if let Some(seq) = name.strip_suffix(".upd").and_then(parse_seq) {
        return EntryName::Update(seq);
    }
    if let Some(seq) = name
        .strip_prefix("snapshot-")
        .and_then(|n| n.strip_suffix(".snap"))
        .and_then(parse_seq)
    {
        return EntryName::Snapshot(seq);
    }
    EntryName::Unknown
}

/// Syncthing's temporary of a file it is fetching: `.syncthing.<name>.tmp`.
fn is_sync_tool_temporary(name: &str) -> bool {
    name.starts_with(".syncthing.") && name.ends_with(".tmp")
}

fn parse_seq(digits: &str) -> Option<u64> {
    let canonical = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    if canonical { digits.parse().ok() } else { None }
}

/// The name of update `seq`.
pub fn update_name(seq: u64) -> String {
    format!("{seq}.upd")
}

/// The name of the snapshot covering updates up to `seq`.
pub fn snapshot_name(seq: u64) -> String {
    format!("snapshot-{seq}.snap")
}

/// Replica ids become folder names, so they are restricted to characters every file system and sync tool
/// keeps unchanged.
pub fn is_valid_replica_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    let len = u16::try_from(s.len()).expect("ids are short");
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

/// Encodes an update file.
pub fn encode_update(replica_id: &str, seq: u64, meeting_id: &str, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + replica_id.len() + meeting_id.len() + payload.len());
    out.extend_from_slice(&UPDATE_MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    put_str(&mut out, replica_id);
    out.extend_from_slice(&seq.to_le_bytes());
    put_str(&mut out, meeting_id);
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    let mut crc = crc32fast::Hasher::new();
    crc.update(&out);
    crc.update(payload);
    out.extend_from_slice(&crc.finalize().to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// Encodes a snapshot file.
pub fn encode_snapshot(replica_id: &str, seq: u64, entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut head = Vec::with_capacity(64);
    head.extend_from_slice(&SNAPSHOT_MAGIC);
    head.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    put_str(&mut head, replica_id);
    head.extend_from_slice(&seq.to_le_bytes());
    head.extend_from_slice(&(entries.len() as u32).to_le_bytes());
    let mut body = Vec::new();
    for (meeting, payload) in entries {
        put_str(&mut body, meeting);
        body.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        body.extend_from_slice(payload);
    }
    let mut crc = crc32fast::Hasher::new();
    crc.update(&head);
    crc.update(&body);
    head.extend_from_slice(&crc.finalize().to_le_bytes());
    head.extend_from_slice(&body);
    head
}

/// A cursor over bytes that reports a short read as truncation.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], FileFault> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        match end {
            Some(end) => {
                let s = &self.bytes[self.pos..end];
                self.pos = end;
                Ok(s)
            }
            None => Err(FileFault::Truncated {
                expected: (self.pos as u64).saturating_add(n as u64),
                actual: self.bytes.len() as u64,
            }),
        }
    }
    fn u16(&mut self) -> Result<u16, FileFault> {
        Ok(u16::from_le_bytes(
            self.take(2)?.try_into().expect("2 bytes"),
        ))
    }
    fn u32(&mut self) -> Result<u32, FileFault> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
    fn u64(&mut self) -> Result<u64, FileFault> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().expect("8 bytes"),
        ))
    }
    fn string(&mut self) -> Result<String, FileFault> {
        let len = self.u16()? as usize;
        let raw = self.take(len)?;
        // A damaged length or byte shows up here before the checksum is reached.
        String::from_utf8(raw.to_vec()).map_err(|_| FileFault::Checksum)
    }
    fn prologue(&mut self, magic: &[u8; 8]) -> Result<(), FileFault> {
        if self.bytes.len() < magic.len() {
            // Too short to tell: an empty or barely started copy.
            return if magic.starts_with(self.bytes) {
                Err(FileFault::Truncated {
                    expected: magic.len() as u64,
                    actual: self.bytes.len() as u64,
                })
            } else {
                Err(FileFault::BadMagic)
            };
        }
        if self.take(8)? != magic {
            return Err(FileFault::BadMagic);
        }
        let version = self.u16()?;
        if version > FORMAT_VERSION {
            return Err(FileFault::FutureVersion(version));
        }
        if version == 0 {
            return Err(FileFault::BadMagic);
        }
        Ok(())
    }
}

/// Decodes an update file and checks it against the replica folder and seq its name gave.
pub fn decode_update(bytes: &[u8], replica_id: &str, seq: u64) -> Result<UpdateFile, FileFault> {
    let mut r = Reader { bytes, pos: 0 };
    r.prologue(&UPDATE_MAGIC)?;
    let file_replica = r.string()?;
    let file_seq = r.u64()?;
    let meeting_id = r.string()?;
    let len = r.u64()?;
    let header_end = r.pos;
    let crc = r.u32()?;
    let expected = (r.pos as u64).saturating_add(len);
    if expected != bytes.len() as u64 {
        return Err(FileFault::Truncated {
            expected,
            actual: bytes.len() as u64,
        });
    }
    let payload = &bytes[r.pos..];
    let mut h = crc32fast::Hasher::new();
    h.update(&bytes[..header_end]);
    h.update(payload);
    if h.finalize() != crc {
        return Err(FileFault::Checksum);
    }
    check_identity(&file_replica, file_seq, replica_id, seq)?;
    Ok(UpdateFile {
        replica_id: file_replica,
        seq: file_seq,
        meeting_id,
        payload: payload.to_vec(),
    })
}

/// Decodes a snapshot file and checks it against the replica folder and seq its name gave.
pub fn decode_snapshot(
    bytes: &[u8],
    replica_id: &str,
    seq: u64,
) -> Result<SnapshotFile, FileFault> {
    let mut r = Reader { bytes, pos: 0 };
    r.prologue(&SNAPSHOT_MAGIC)?;
    let file_replica = r.string()?;
    let file_seq = r.u64()?;
    let count = r.u32()?;
    let header_end = r.pos;
    let crc = r.u32()?;
    let body_start = r.pos;
    let mut entries = Vec::new();
    for _ in 0..count {
        let meeting = r.string()?;
        let len = r.u64()?;
        let len = usize::try_from(len).map_err(|_| FileFault::TooLarge(len))?;
        entries.push((meeting, r.take(len)?.to_vec()));
    }
    if r.pos != bytes.len() {
        return Err(FileFault::Truncated {
            expected: r.pos as u64,
            actual: bytes.len() as u64,
        });
    }
    let mut h = crc32fast::Hasher::new();
    h.update(&bytes[..header_end]);
    h.update(&bytes[body_start..]);
    if h.finalize() != crc {
        return Err(FileFault::Checksum);
    }
    check_identity(&file_replica, file_seq, replica_id, seq)?;
    Ok(SnapshotFile {
        replica_id: file_replica,
        seq: file_seq,
        entries,
    })
}

fn check_identity(
    file_replica: &str,
    file_seq: u64,
    replica_id: &str,
    seq: u64,
) -> Result<(), FileFault> {
    if file_replica != replica_id {
        return Err(FileFault::Mismatch(format!(
            "written by replica {file_replica}, found in the folder of {replica_id}"
        )));
    }
    if file_seq != seq {
        return Err(FileFault::Mismatch(format!(
            "header says seq {file_seq}, name says {seq}"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_strict() {
        assert_eq!(parse_entry_name("12.upd"), EntryName::Update(12));
        assert_eq!(parse_entry_name("0.upd"), EntryName::Update(0));
        assert_eq!(parse_entry_name("snapshot-7.snap"), EntryName::Snapshot(7));
        assert_eq!(parse_entry_name("replica.json"), EntryName::ReplicaJson);
        for junk in [
            "12 (conflicted copy).upd",
            "12 (1).upd",
            "012.upd",
            "+12.upd",
            "12.upd.part",
            "12.UPD",
            "99999999999999999999999.upd",
            "snapshot-.snap",
            "snapshot-1 (1).snap",
            "replica (1).json",
            "12.sync-conflict-20261206-101010-ABCDEFG.upd",
            ".syncthing.12.upd.tmp",
        ] {
            assert_eq!(parse_entry_name(junk), EntryName::Unknown, "{junk}");
        }
        assert_eq!(parse_entry_name(".tmp-12.upd-1-2"), EntryName::Hidden);
    }

    #[test]
    fn update_round_trips_and_every_damage_is_caught() {
        let bytes = encode_update("r1", 3, "m-1", b"payload bytes");
        let f = decode_update(&bytes, "r1", 3).unwrap();
        assert_eq!(
            (f.meeting_id.as_str(), f.payload.as_slice()),
            ("m-1", &b"payload bytes"[..])
        );
        for cut in 0..bytes.len() {
            let err = decode_update(&bytes[..cut], "r1", 3).unwrap_err();
            assert!(
                matches!(err, FileFault::Truncated { .. }),
                "cut {cut}: {err}"
            );
        }
        for i in 0..bytes.len() {
            for bit in 0..8 {
                let mut b = bytes.clone();
                b[i] ^= 1 << bit;
                assert!(
                    decode_update(&b, "r1", 3).is_err(),
                    "flip byte {i} bit {bit} went unnoticed"
                );
            }
        }
        assert_eq!(
            decode_update(&bytes, "r2", 3).unwrap_err().code(),
            "mismatch"
        );
        assert_eq!(
            decode_update(&bytes, "r1", 4).unwrap_err().code(),
            "mismatch"
        );
    }

    #[test]
    fn snapshot_round_trips_and_damage_is_caught() {
        let entries = vec![("a".to_string(), vec![1, 2, 3]), ("b".to_string(), vec![])];
        let bytes = encode_snapshot("r1", 9, &entries);
        assert_eq!(decode_snapshot(&bytes, "r1", 9).unwrap().entries, entries);
        for cut in 0..bytes.len() {
            assert!(decode_snapshot(&bytes[..cut], "r1", 9).is_err());
        }
        for i in 0..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0x40;
            assert!(decode_snapshot(&b, "r1", 9).is_err(), "flip at {i}");
        }
    }

    #[test]
    fn future_version_and_magic() {
        let mut bytes = encode_update("r1", 1, "m", b"x");
        bytes[8] = 2;
        assert_eq!(
            decode_update(&bytes, "r1", 1).unwrap_err(),
            FileFault::FutureVersion(2)
        );
        let snap = encode_snapshot("r1", 1, &[]);
        assert_eq!(
            decode_update(&snap, "r1", 1).unwrap_err(),
            FileFault::BadMagic
        );
        assert_eq!(
            decode_update(b"%PDF-1.7 hello", "r1", 1).unwrap_err(),
            FileFault::BadMagic
        );
    }
}
