//! The desktop app's IPC surface. Each command is one line over one method of [`rapporteur_app::App`], so the
//! behaviour is the facade's and the CLI's alike; nothing is orchestrated here. Every command returns
//! `Result<_, AppError>`, which reaches the web view as `{code, message}`.
//!
//! The names listed in [`COMMANDS`] must match the `generate_handler!` list in `lib.rs`; `build.rs` turns each
//! into an `allow-<name>` permission, and `capabilities/default.json` grants exactly those.

use std::path::PathBuf;

use rapporteur_app::{
    ActionFilter, App, AppError, Attachment, DocVersion, DocumentKind, Edit, ExportOptions,
    FreeName, Language, LetterheadChange, Meeting, MeetingRecord, MeetingSummary, PreviewPage,
    Regeneration, Replace, ReplicaInfo, RoundReport, SearchHit, Settings, StateEntry, SyncStatus,
    TrackedAction,
};
use tauri::State;

type Res<T> = Result<T, AppError>;

#[tauri::command]
pub fn data_dir(app: State<'_, App>) -> Res<String> {
    Ok(app.data_dir().display().to_string())
}

#[tauri::command]
pub async fn list_meetings(app: State<'_, App>) -> Res<Vec<MeetingSummary>> {
    app.list_meetings().await
}

#[tauri::command]
pub async fn create_meeting(app: State<'_, App>, meeting: Meeting) -> Res<String> {
    app.create_meeting(meeting).await
}

#[tauri::command]
pub async fn delete_meeting(app: State<'_, App>, id: String) -> Res<()> {
    app.delete_meeting(&id).await
}

#[tauri::command]
pub async fn record(app: State<'_, App>, id: String) -> Res<MeetingRecord> {
    app.record(&id).await
}

#[tauri::command]
pub async fn edit(app: State<'_, App>, id: String, edit: Edit) -> Res<MeetingRecord> {
    app.edit(&id, edit).await
}

#[tauri::command]
pub async fn search(app: State<'_, App>, query: String) -> Res<Vec<SearchHit>> {
    app.search(&query).await
}

#[tauri::command]
pub async fn actions(app: State<'_, App>, filter: ActionFilter) -> Res<Vec<TrackedAction>> {
    app.actions_filtered(filter).await
}

#[tauri::command]
pub async fn import_file(app: State<'_, App>, path: PathBuf) -> Res<String> {
    app.import_file(&path).await
}

#[tauri::command]
pub async fn open_example(app: State<'_, App>) -> Res<String> {
    app.open_example().await
}

#[tauri::command]
pub async fn export_record_json(app: State<'_, App>, id: String, path: PathBuf) -> Res<()> {
    // The save dialog asked before replacing a file.
    app.export_record_json(&id, &path, Replace::RegularFile)
        .await
}

#[tauri::command]
pub async fn attach_file(
    app: State<'_, App>,
    id: String,
    kind: DocumentKind,
    index: u32,
    path: PathBuf,
) -> Res<Attachment> {
    app.attach_file(&id, kind, index, &path).await
}

#[tauri::command]
pub async fn attachments(app: State<'_, App>, id: String) -> Res<Vec<Attachment>> {
    app.attachments(&id).await
}

#[tauri::command]
pub async fn save_attachment(
    app: State<'_, App>,
    id: String,
    attachment_id: String,
    path: PathBuf,
) -> Res<Attachment> {
    app.save_attachment(&id, &attachment_id, &path, Replace::RegularFile)
        .await
}

#[tauri::command]
pub async fn remove_attachment(app: State<'_, App>, id: String, attachment_id: String) -> Res<()> {
    app.remove_attachment(&id, &attachment_id).await
}

#[tauri::command]
pub async fn doc_get(
    app: State<'_, App>,
    id: String,
    kind: DocumentKind,
    index: u32,
) -> Res<String> {
    app.doc_get(&id, kind, index).await
}

#[tauri::command]
pub async fn doc_set(
    app: State<'_, App>,
    id: String,
    kind: DocumentKind,
    index: u32,
    body: String,
) -> Res<()> {
    app.doc_set(&id, kind, index, &body).await
}

#[tauri::command]
pub async fn doc_history(
    app: State<'_, App>,
    id: String,
    kind: DocumentKind,
    index: u32,
) -> Res<Vec<DocVersion>> {
    app.doc_history(&id, kind, index).await
}

#[tauri::command]
pub async fn doc_at(
    app: State<'_, App>,
    id: String,
    kind: DocumentKind,
    index: u32,
    version: String,
) -> Res<String> {
    app.doc_at(&id, kind, index, &version).await
}

#[tauri::command]
pub async fn doc_diff(
    app: State<'_, App>,
    id: String,
    kind: DocumentKind,
    index: u32,
    from: String,
    to: String,
) -> Res<String> {
    app.doc_diff(&id, kind, index, &from, &to).await
}

#[tauri::command]
pub async fn doc_restore(
    app: State<'_, App>,
    id: String,
    kind: DocumentKind,
    index: u32,
    version: String,
) -> Res<()> {
    app.doc_restore(&id, kind, index, &version).await
}

#[tauri::command]
pub async fn draft(app: State<'_, App>, id: String, lang: Option<Language>) -> Res<String> {
    app.draft(&id, lang).await
}

#[tauri::command]
pub async fn regenerate(
    app: State<'_, App>,
    id: String,
    lang: Option<Language>,
    force: Vec<String>,
) -> Res<Regeneration> {
    app.regenerate(&id, lang, &force).await
}

#[tauri::command]
pub async fn export_to_file(
    app: State<'_, App>,
    id: String,
    options: ExportOptions,
    path: PathBuf,
) -> Res<Vec<String>> {
    app.export_to_file(&id, &options, &path, Replace::RegularFile)
        .await
}

#[tauri::command]
pub async fn preview(
    app: State<'_, App>,
    id: String,
    options: ExportOptions,
    page: u32,
) -> Res<PreviewPage> {
    app.preview(&id, &options, page).await
}

#[tauri::command]
pub async fn sync_round(app: State<'_, App>, folder: PathBuf) -> Res<RoundReport> {
    app.sync_round(&folder).await
}

#[tauri::command]
pub async fn sync_now(app: State<'_, App>) -> Res<RoundReport> {
    app.sync_now().await
}

#[tauri::command]
pub async fn sync_status(app: State<'_, App>) -> Res<SyncStatus> {
    app.sync_status().await
}

#[tauri::command]
pub async fn replica(app: State<'_, App>) -> Res<ReplicaInfo> {
    app.replica().await
}

#[tauri::command]
pub async fn set_replica_name(app: State<'_, App>, name: String) -> Res<()> {
    app.set_replica_name(&name).await
}

#[tauri::command]
pub async fn notes_get(
    app: State<'_, App>,
    meeting_id: String,
    intervention_id: Option<String>,
) -> Res<String> {
    app.notes_get(&meeting_id, intervention_id.as_deref()).await
}

#[tauri::command]
pub async fn notes_set(
    app: State<'_, App>,
    meeting_id: String,
    intervention_id: Option<String>,
    text: String,
) -> Res<()> {
    app.notes_set(&meeting_id, intervention_id.as_deref(), &text)
        .await
}

#[tauri::command]
pub async fn settings_get(app: State<'_, App>) -> Res<Settings> {
    app.settings().await
}

#[tauri::command]
pub async fn settings_set(app: State<'_, App>, settings: Settings) -> Res<()> {
    app.set_settings(&settings).await
}

#[tauri::command]
pub async fn change_letterhead(app: State<'_, App>, change: LetterheadChange) -> Res<Settings> {
    app.change_letterhead(change).await
}

#[tauri::command]
pub fn registry_search(
    app: State<'_, App>,
    query: String,
    lang: Language,
    limit: usize,
) -> Res<Vec<StateEntry>> {
    Ok(app.registry_search(&query, lang, limit))
}

#[tauri::command]
pub fn registry_list(app: State<'_, App>, lang: Language) -> Res<Vec<StateEntry>> {
    Ok(app.registry_list(lang))
}

#[tauri::command]
pub async fn free_names(app: State<'_, App>) -> Res<Vec<FreeName>> {
    app.free_names().await
}
