//! Offline sync for Rapporteur through an ordinary shared folder: a network drive, a Dropbox or OneDrive
//! folder, a USB stick.
//!
//! Such folders are where note-taking tools lose data: two machines write the same file and the sync tool keeps
//! one, or a half-copied file is read as if it were whole. This crate is built so that cannot happen:
//! - **No file has two writers.** Each replica (installation) writes only under
//!   `rapporteur/v1/replicas/<its id>/`, and only new, immutable, sequentially numbered files
//!   (plus its own `replica.json`). It deletes only its own files, once every replica has them (`compact.rs`).
//! - **Merging is the CRDT's job, not the folder's.** Each file carries Loro updates of one meeting's document.
//!   Loro import is idempotent and order-independent, so files may arrive late, twice, or out of order.
//! - **Every file checks itself.** A header (magic, format version, replica, seq, meeting, length, CRC-32)
//!   lets a reader refuse truncated, damaged, foreign or future files. They are reported by name and tried
//!   again next round; the reader's cursor never moves past them (see [`service`] for the gap rules).
//! - **Progress is recorded with the data.** The store records "applied up to seq N of replica R" in the same
//!   transaction as the import, and "sent" only after the file is durably renamed into place, so a crash at
//!   any point loses nothing and the next round completes the work.
//! - **Private notes never leave the machine**: the store keeps them outside the meeting documents, and the
//!   service only ever exports documents.
//!
//! **Deletions** travel like any change: the store deletes a meeting by setting a tombstone in its document,
//! and removes list items with CRDT deletes. The rule for a concurrent edit and delete is the store's: a
//! meeting deletion wins over concurrent edits (they stay in the document's history, unseen), and removing a
//! list item wins over a concurrent edit of it. One exception comes from Loro's movable list and is pinned by
//! the property test: a removal concurrent with a *move* of the same item keeps the item.
//!
//! **Attachments** travel as content-addressed blobs in `rapporteur/v1/blobs/<sha256>` (see `blobs.rs`):
//! written once by whoever has them, verified by digest when read, fetched by every replica whose meetings
//! refer to them.
//!
//! **What is never deleted**: another replica's file, a stray file, or an own file that a replica seen in the
//! folder has not applied yet or no snapshot covers. See `compact.rs` for the rule.
//!
//! **Team encryption** (optional, per location): with a team passphrase, every file a round writes is sealed
//! with the location's team key and bound to its path, and attachments get keyed names (`site.rs`); the key
//! file and the rules that keep a location wholly plain or wholly encrypted are in `team.rs`.
//!
//! **Beyond a folder**: the same files on a WebDAV server, an S3-compatible bucket or an SFTP server, through
//! Apache OpenDAL. The protocol reaches storage only through [`Location`] (`location.rs`); `docs/SYNC.md`
//! says what each backend guarantees.
//!
//! The crate talks to the store through the small [`ReplicaState`] trait; [`mem::MemReplica`] implements it in
//! memory for tests and benchmarks, and `rapporteur-store`'s `Store` implements it for real (`store_impl`).

mod blobs;
mod compact;
mod dav_create;
pub mod error;
pub mod folder;
pub mod format;
mod keys;
pub mod location;
pub mod lock;
#[cfg(any(test, feature = "testing"))]
pub mod mem;
mod own;
mod receive;
pub mod remote;
pub mod report;
mod round;
mod send;
pub mod service;
mod site;
pub mod state;
mod store_impl;
pub mod team;
pub mod url_spec;

pub use error::SyncError;
pub use location::Location;
pub use lock::SyncLock;
pub use remote::{Credentials, Remote};
pub use report::{
    PeerWaiting, PendingBlob, Phase, Progress, ReceivedFile, ReplicaSeen, RoundReport, SentFile,
    Skipped,
};
pub use service::{LOCK_PATIENCE, SyncOptions, SyncService};
pub use state::{BlobRef, Carried, Export, LocalReplica, ReplicaState};
pub use team::{KEY_FILE, Team, change_passphrase, unlock};
pub use url_spec::{is_remote, is_sftp, parse_location};
