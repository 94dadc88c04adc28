//! The `rapporteur` binary through its real interface: arguments, stdin, stdout, stderr and exit status.

mod attachments;
mod bad_input;
mod commands;
mod example;
mod history;
mod hostile_text;
mod jobs;
mod large_inputs;
mod limits;
mod out_files;
mod record_v2;
mod review;
mod roundtrip;
mod secret_service;
mod suggestion_mode;
// The sync tests' real servers (WebDAV here), shared rather than copied; this binary uses a part of them.
#[allow(dead_code)]
#[path = "../../../sync/tests/sync/servers.rs"]
mod servers;
mod support;
mod sync_faults;
mod sync_to;
