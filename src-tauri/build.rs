//! Build script of the desktop shell. The Tauri config lives at the repository root (the product's layout asks
//! for it there), so the context is built from the root's `tauri.conf.json` (the package root is the repository
//! root); capabilities stay beside the shell's sources. The app manifest lists every command, which makes each
//! one need an explicit `allow-<name>` permission: a command that `capabilities/default.json` does not grant
//! cannot be called from the web view. The names come from the one command list, `src/command_list.rs`, read
//! here through a macro that keeps only the names (the types there are never resolved in this script).

/// The command names of `src/command_list.rs`, in its order.
macro_rules! ipc_commands {
    ($($name:ident $([$inject:ty])? ($($arg:ident : $ty:ty),* $(,)?) -> $ret:ty;)*) => {
        const COMMANDS: &[&str] = &[$(stringify!($name)),*];
    };
}
include!("src/command_list.rs");

fn main() {
    // Printing any rerun-if-changed replaces Cargo's default (rerun on any change in the package).
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    println!("cargo:rerun-if-changed=src-tauri/src/command_list.rs");
    let attributes = tauri_build::Attributes::new()
        .config_path("tauri.conf.json")
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri build script failed: {error:#}");
    }
}
