//! Entry point of the desktop app: everything lives in the library so tests and the binary share it. Started
//! under the name `rapporteur` (as the Linux packages start it for the command), it is the command instead.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    if rapporteur_cli::invoked_as_cli(std::env::args_os().next().as_deref()) {
        return rapporteur_cli::main();
    }
    rapporteur_desktop::run();
    ExitCode::SUCCESS
}
