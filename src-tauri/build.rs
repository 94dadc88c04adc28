//! Build script of the desktop shell. The Tauri config lives at the repository root (the product's layout asks
//! for it there), so the context is built from the root's `tauri.conf.json` (the package root is the repository root); capabilities stay beside the shell's
//! sources. The app manifest lists every command, which makes each one need an explicit `allow-<name>`
//! permission: a command that `capabilities/default.json` does not grant cannot be called from the web view.
//! A unit test in `lib.rs` checks that this list, the handler and the capability agree.

const COMMANDS: &[&str] = &[
    "data_dir",
    "list_meetings",
    "create_meeting",
    "delete_meeting",
    "record",
    "edit",
    "search",
    "actions",
    "import_file",
    "open_example",
    "export_record_json",
    "attach_file",
    "attachments",
    "save_attachment",
    "remove_attachment",
    "doc_get",
    "doc_set",
    "doc_history",
    "doc_at",
    "doc_diff",
    "doc_restore",
    "draft",
    "regenerate",
    "export_to_file",
    "preview",
    "sync_round",
    "sync_now",
    "sync_status",
    "replica",
    "set_replica_name",
    "notes_get",
    "notes_set",
    "settings_get",
    "settings_set",
    "change_letterhead",
    "registry_search",
    "registry_list",
    "free_names",
];

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new()
        .config_path("tauri.conf.json")
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri build script failed: {error:#}");
    }
}
