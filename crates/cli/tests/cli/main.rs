//! The `rapporteur` binary through its real interface: arguments, stdin, stdout, stderr and exit status.

mod bad_input;
mod commands;
mod roundtrip;
mod support;
