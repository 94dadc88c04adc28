//! End-to-end proofs of the sync service against the real SQLite store, in one test binary.

mod attachments;
mod common;
mod compaction;
mod cost;
mod crash;
mod e2e;
mod encrypted;
mod faults;
mod heal;
mod places;
mod prop;
mod proxy;
mod relay;
mod remote;
mod remote_faults;
mod rounds;
mod rsync;
mod scenarios;
mod server_faults;
mod servers;
mod syncthing;
