//! Entry point of the desktop app: everything lives in the library so tests and the binary share it.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    rapporteur_desktop::run();
}
