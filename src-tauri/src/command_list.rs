// The one list of the desktop app's IPC commands: for each, the name the web view invokes, the arguments it
// sends (name: Rust type) and what it gets back (the `T` of `Result<T, AppError>`). `[Window]` marks a command
// that opens a native dialog over the calling window. Nothing else in the repository lists the commands: this
// file is `include!`d by `src/ipc.rs` (which derives the handler, the signature check against `commands.rs`
// and the TypeScript module `ui/src/bindings/commands.ts`) and by `build.rs` (the app manifest, hence one
// `allow-<name>` permission per command). No argument may be a path: files are chosen in native dialogs that
// Rust opens itself (`src/dialogs.rs`); a unit test in `ipc.rs` fails on any path-like argument.
ipc_commands! {
    data_dir() -> String;
    list_meetings() -> Vec<MeetingSummary>;
    create_meeting(meeting: Meeting) -> String;
    delete_meeting(id: String) -> ();
    record(id: String) -> MeetingRecord;
    edit(id: String, edit: Edit) -> MeetingRecord;
    search(query: String) -> Vec<SearchHit>;
    actions(filter: ActionFilter) -> Vec<TrackedAction>;
    pick_and_import[Window](title: String) -> Option<String>;
    open_example() -> String;
    export_record_json[Window](id: String, title: String, file_name: String) -> Option<Saved>;
    pick_and_attach[Window](id: String, kind: DocumentKind, index: u32, title: String) -> Option<Attachment>;
    attachments(id: String) -> Vec<Attachment>;
    save_attachment[Window](id: String, attachment_id: String, title: String) -> Option<Saved>;
    remove_attachment(id: String, attachment_id: String) -> ();
    doc_get(id: String, kind: DocumentKind, index: u32) -> String;
    doc_set(id: String, kind: DocumentKind, index: u32, body: String) -> ();
    doc_history(id: String, kind: DocumentKind, index: u32) -> Vec<DocVersion>;
    doc_at(id: String, kind: DocumentKind, index: u32, version: String) -> String;
    doc_diff(id: String, kind: DocumentKind, index: u32, from: String, to: String) -> String;
    doc_restore(id: String, kind: DocumentKind, index: u32, version: String) -> ();
    review(id: String, kind: DocumentKind, index: u32) -> Review;
    review_apply(id: String, kind: DocumentKind, index: u32, actions: Vec<ReviewAction>) -> Review;
    review_suggest_text(id: String, kind: DocumentKind, index: u32, proposed: ProposedText) -> Proposal;
    draft(id: String, lang: Option<Language>) -> String;
    regenerate(id: String, lang: Option<Language>, force: Vec<String>) -> Regeneration;
    export_to[Window](id: String, options: ExportOptions, title: String, file_name: String) -> Option<Saved>;
    preview(id: String, options: ExportOptions, page: u32) -> PreviewPage;
    sync_now() -> RoundReport;
    sync_status() -> SyncStatus;
    replica() -> ReplicaInfo;
    set_replica_name(name: String) -> ();
    notes_get(meeting_id: String, intervention_id: Option<String>) -> String;
    notes_set(meeting_id: String, intervention_id: Option<String>, text: String) -> ();
    settings_get() -> Settings;
    settings_set(settings: Settings) -> ();
    pick_sync_folder[Window](title: String, passphrase: Option<String>) -> Option<Settings>;
    set_sync_url(url: String) -> Settings;
    save_sync_credentials(credentials: SyncSecrets) -> CredentialStore;
    sync_credentials_store() -> Option<CredentialStore>;
    forget_sync_credentials() -> ();
    pick_sync_key_file[Window](title: String) -> Option<CredentialStore>;
    forget_sync_key_file() -> Option<CredentialStore>;
    sync_key_file() -> Option<String>;
    test_sync_connection() -> String;
    encrypt_sync_location(passphrase: String) -> CredentialStore;
    change_sync_passphrase(old: String, new: String) -> CredentialStore;
    change_letterhead(change: LetterheadEdit) -> Settings;
    pick_letterhead_logo[Window](title: String) -> Option<Settings>;
    registry_search(query: String, lang: Language, limit: usize) -> Vec<StateEntry>;
    registry_list(lang: Language) -> Vec<StateEntry>;
    free_names() -> Vec<FreeName>;
    group_search(query: String, lang: Language, limit: usize) -> Vec<GroupEntry>;
    group_list(lang: Language) -> Vec<GroupEntry>;
}
