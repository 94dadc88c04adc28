//! The `rapporteur` binary through its real interface: arguments, stdin, stdout, stderr and exit status.

mod attachments;
mod bad_input;
mod commands;
mod example;
mod history;
mod jobs;
mod large_inputs;
mod roundtrip;
mod support;
