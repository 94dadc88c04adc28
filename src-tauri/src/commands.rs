//! The desktop app's IPC commands. Each is one line over one method of [`rapporteur_app::App`], so the
//! behaviour is the facade's and the CLI's alike; nothing is orchestrated here. Every command returns
//! `Result<_, AppError>`, which reaches the web view as `{code, message}`.
//!
//! The one list of commands, with their argument and result types, is `command_list.rs`: `ipc.rs` derives
//! the handler and the TypeScript module from it and checks at compile time that the functions here match it.
//! No command takes a path. Those that read or write a file open a native dialog themselves (`dialogs.rs`) and
//! use only what the user picked; they return `None` when the user cancels.

use std::path::PathBuf;

use rapporteur_app::{
    ActionFilter, App, AppError, Attachment, CredentialStore, DocVersion, DocumentKind, Edit,
    ErrorCode, ExportOptions, FreeName, GroupEntry, Language, LetterheadChange, Meeting,
    MeetingRecord, MeetingSummary, PreviewPage, Proposal, ProposedText, Regeneration, Replace,
    ReplicaInfo, Review, ReviewAction, RoundReport, SavedCredentials, SearchHit, Settings,
    StateEntry, SyncStatus, TrackedAction,
};
use serde::{Deserialize, Serialize};
use tauri::{State, Window};
use ts_rs::TS;

use crate::dialogs::{self, Ask};

type Res<T> = Result<T, AppError>;

/// A file written where the user chose in a save dialog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Saved {
    /// The chosen file's name (not its path: the page has no use for where it is).
    pub file: String,
    /// Characters an export could not print, one line each (see `App::export_to_file`).
    pub warnings: Vec<String>,
}

/// What the Settings form saves for a remote sync location: no key file (that would be a path).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SyncSecrets {
    /// WebDAV or SFTP user name, or S3 access key id.
    #[ts(optional)]
    pub user: Option<String>,
    /// WebDAV password or S3 secret access key.
    #[ts(optional)]
    pub password: Option<String>,
    /// The team passphrase of an encrypted location.
    #[ts(optional)]
    pub passphrase: Option<String>,
}

impl From<SyncSecrets> for SavedCredentials {
    fn from(s: SyncSecrets) -> SavedCredentials {
        let set = |v: Option<String>| v.filter(|v| !v.is_empty());
        SavedCredentials {
            user: set(s.user),
            secret: set(s.password),
            key_file: None,
            passphrase: set(s.passphrase),
        }
    }
}

/// The letterhead's text fields, as the Settings form changes them. A logo comes only from
/// `pick_letterhead_logo`, which asks for the file itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LetterheadEdit {
    #[ts(optional)]
    pub organisation: Option<String>,
    /// `Some("")` removes the second line.
    #[ts(optional)]
    pub unit: Option<String>,
    /// Remove the logo.
    #[serde(default)]
    pub remove_logo: bool,
}

fn filter(name: &str, extensions: &[&str]) -> Option<(String, Vec<String>)> {
    Some((
        name.to_owned(),
        extensions.iter().map(|e| e.to_string()).collect(),
    ))
}

/// Asks where to save a file, suggesting `proposed` (a name from the page) and filtering on its extension.
async fn save_dialog(
    window: &Window,
    title: &str,
    proposed: &str,
    fallback: &str,
) -> Res<Option<PathBuf>> {
    let file_name = dialogs::suggested_name(proposed, fallback);
    let filter = dialogs::extension(&file_name).map(|e| (e.to_uppercase(), vec![e]));
    dialogs::pick(window, title, Ask::Save { file_name, filter }).await
}

fn saved(path: &std::path::Path, warnings: Vec<String>) -> Option<Saved> {
    Some(Saved {
        file: dialogs::file_name(path),
        warnings,
    })
}

#[tauri::command]
pub async fn data_dir(app: State<'_, App>) -> Res<String> {
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

/// Asks for a meeting record (JSON) and imports it; returns the new meeting's id.
#[tauri::command]
pub async fn pick_and_import(
    app: State<'_, App>,
    window: Window,
    title: String,
) -> Res<Option<String>> {
    let ask = Ask::Open(filter("JSON", &["json"]));
    let Some(path) = dialogs::pick(&window, &title, ask).await? else {
        return Ok(None);
    };
    app.import_file(&path).await.map(Some)
}

#[tauri::command]
pub async fn open_example(app: State<'_, App>) -> Res<String> {
    app.open_example().await
}

/// Asks where to save the meeting's interchange JSON and writes it there.
#[tauri::command]
pub async fn export_record_json(
    app: State<'_, App>,
    window: Window,
    id: String,
    title: String,
    file_name: String,
) -> Res<Option<Saved>> {
    let Some(path) = save_dialog(&window, &title, &file_name, "meeting.json").await? else {
        return Ok(None);
    };
    // The save dialog asked before replacing a file.
    app.export_record_json(&id, &path, Replace::RegularFile)
        .await?;
    Ok(saved(&path, Vec::new()))
}

/// Asks for a file and attaches it to a document of the meeting.
#[tauri::command]
pub async fn pick_and_attach(
    app: State<'_, App>,
    window: Window,
    id: String,
    kind: DocumentKind,
    index: u32,
    title: String,
) -> Res<Option<Attachment>> {
    let Some(path) = dialogs::pick(&window, &title, Ask::Open(None)).await? else {
        return Ok(None);
    };
    app.attach_file(&id, kind, index, &path).await.map(Some)
}

#[tauri::command]
pub async fn attachments(app: State<'_, App>, id: String) -> Res<Vec<Attachment>> {
    app.attachments(&id).await
}

/// Asks where to save a copy of an attachment (suggesting its own name) and writes it there; fails with
/// `not_found` while its bytes have not arrived through sync.
#[tauri::command]
pub async fn save_attachment(
    app: State<'_, App>,
    window: Window,
    id: String,
    attachment_id: String,
    title: String,
) -> Res<Option<Saved>> {
    let listed = app.attachments(&id).await?;
    let Some(attachment) = listed.iter().find(|a| a.id == attachment_id) else {
        let message = format!("attachment {attachment_id}: not found");
        return Err(AppError::new(ErrorCode::NotFound, message));
    };
    let Some(path) = save_dialog(&window, &title, &attachment.name, "attachment").await? else {
        return Ok(None);
    };
    app.save_attachment(&id, &attachment_id, &path, Replace::RegularFile)
        .await?;
    Ok(saved(&path, Vec::new()))
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
pub async fn review(
    app: State<'_, App>,
    id: String,
    kind: DocumentKind,
    index: u32,
) -> Res<Review> {
    app.review(&id, kind, index).await
}

#[tauri::command]
pub async fn review_apply(
    app: State<'_, App>,
    id: String,
    kind: DocumentKind,
    index: u32,
    actions: Vec<ReviewAction>,
) -> Res<Review> {
    app.review_apply(&id, kind, index, &actions).await
}

#[tauri::command]
pub async fn review_suggest_text(
    app: State<'_, App>,
    id: String,
    kind: DocumentKind,
    index: u32,
    proposed: ProposedText,
) -> Res<Proposal> {
    app.review_suggest_text(&id, kind, index, &proposed).await
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

/// Asks where to save the export (suggesting `file_name`) and writes it there.
#[tauri::command]
pub async fn export_to(
    app: State<'_, App>,
    window: Window,
    id: String,
    options: ExportOptions,
    title: String,
    file_name: String,
) -> Res<Option<Saved>> {
    let Some(path) = save_dialog(&window, &title, &file_name, "export").await? else {
        return Ok(None);
    };
    let warnings = app
        .export_to_file(&id, &options, &path, Replace::RegularFile)
        .await?;
    Ok(saved(&path, warnings))
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

/// Saves the settings. The sync folder may stay as it is or be cleared (sync off), never be set from the
/// page: only `pick_sync_folder` sets it, from a native dialog.
#[tauri::command]
pub async fn settings_set(app: State<'_, App>, settings: Settings) -> Res<()> {
    sync_folder_unchanged_or_cleared(&app.settings().await?, &settings)?;
    app.set_settings(&settings).await
}

fn sync_folder_unchanged_or_cleared(current: &Settings, next: &Settings) -> Res<()> {
    if next.sync_folder.is_some() && next.sync_folder != current.sync_folder {
        return Err(AppError::new(
            ErrorCode::InvalidInput,
            "the sync folder is set with “Choose folder…” in Settings",
        ));
    }
    if next.sync_url.is_some() && next.sync_url != current.sync_url {
        return Err(AppError::new(
            ErrorCode::InvalidInput,
            "the sync URL is set with “Use this URL” in Settings",
        ));
    }
    Ok(())
}

/// Asks for the shared folder to sync with and saves it in the settings, which it returns. With a team
/// passphrase, the folder is encrypted (or joined) with it before its first round.
#[tauri::command]
pub async fn pick_sync_folder(
    app: State<'_, App>,
    window: Window,
    title: String,
    passphrase: Option<String>,
) -> Res<Option<Settings>> {
    let Some(folder) = dialogs::pick(&window, &title, Ask::Folder).await? else {
        return Ok(None);
    };
    let Some(folder) = folder.to_str() else {
        let message = format!(
            "{}: the folder's name is not valid Unicode",
            folder.display()
        );
        return Err(AppError::new(ErrorCode::InvalidInput, message));
    };
    app.set_sync_folder_encrypted(folder, passphrase.as_deref())
        .await
        .map(Some)
}

/// Makes the typed URL the sync location (checked by the backend); `""` turns it off.
#[tauri::command]
pub async fn set_sync_url(app: State<'_, App>, url: String) -> Res<Settings> {
    app.set_sync_url(&url).await
}

/// Saves the sync location's credentials and team passphrase; says where they are kept.
#[tauri::command]
pub async fn save_sync_credentials(
    app: State<'_, App>,
    credentials: SyncSecrets,
) -> Res<CredentialStore> {
    app.save_sync_credentials(credentials.into()).await
}

/// Asks the user for the private key file of the SFTP sync location and saves its path with the location's
/// credentials; `None` when the dialog was cancelled.
#[tauri::command]
pub async fn pick_sync_key_file(
    app: State<'_, App>,
    window: Window,
    title: String,
) -> Res<Option<CredentialStore>> {
    let Some(key) = dialogs::pick(&window, &title, Ask::Open(None)).await? else {
        return Ok(None);
    };
    app.set_sync_key_file(Some(&key)).await
}

/// Forgets the key file saved for the sync location, keeping its other credentials.
#[tauri::command]
pub async fn forget_sync_key_file(app: State<'_, App>) -> Res<Option<CredentialStore>> {
    app.set_sync_key_file(None).await
}

/// The name of the key file saved for the sync location, if any.
#[tauri::command]
pub async fn sync_key_file(app: State<'_, App>) -> Res<Option<String>> {
    app.sync_key_file().await
}

#[tauri::command]
pub async fn sync_credentials_store(app: State<'_, App>) -> Res<Option<CredentialStore>> {
    app.sync_credentials_store().await
}

#[tauri::command]
pub async fn forget_sync_credentials(app: State<'_, App>) -> Res<()> {
    app.forget_sync_credentials().await
}

/// One request to the sync location; the location as shown when it answers.
#[tauri::command]
pub async fn test_sync_connection(app: State<'_, App>) -> Res<String> {
    app.test_sync_connection().await
}

/// Encrypts the sync location with a team passphrase, or joins an encrypted one; the passphrase is saved.
#[tauri::command]
pub async fn encrypt_sync_location(
    app: State<'_, App>,
    passphrase: String,
) -> Res<CredentialStore> {
    app.encrypt_sync_location(&passphrase).await
}

/// Changes the sync location's team passphrase; the new one is saved.
#[tauri::command]
pub async fn change_sync_passphrase(
    app: State<'_, App>,
    old: String,
    new: String,
) -> Res<CredentialStore> {
    app.change_location_passphrase(&old, &new).await
}

#[tauri::command]
pub async fn change_letterhead(app: State<'_, App>, change: LetterheadEdit) -> Res<Settings> {
    let LetterheadEdit {
        organisation,
        unit,
        remove_logo,
    } = change;
    let change = LetterheadChange {
        organisation,
        unit,
        logo_file: None,
        remove_logo,
    };
    app.change_letterhead(change).await
}

/// Asks for an image and makes it the letterhead's logo (the facade reads and checks it).
#[tauri::command]
pub async fn pick_letterhead_logo(
    app: State<'_, App>,
    window: Window,
    title: String,
) -> Res<Option<Settings>> {
    let images = ["png", "jpg", "jpeg", "gif", "webp", "svg"];
    let ask = Ask::Open(filter("PNG, JPEG, GIF, WebP, SVG", &images));
    let Some(path) = dialogs::pick(&window, &title, ask).await? else {
        return Ok(None);
    };
    let change = LetterheadChange {
        logo_file: Some(path),
        ..LetterheadChange::default()
    };
    app.change_letterhead(change).await.map(Some)
}

#[tauri::command]
pub async fn registry_search(
    app: State<'_, App>,
    query: String,
    lang: Language,
    limit: usize,
) -> Res<Vec<StateEntry>> {
    Ok(app.registry_search(&query, lang, limit))
}

#[tauri::command]
pub async fn registry_list(app: State<'_, App>, lang: Language) -> Res<Vec<StateEntry>> {
    Ok(app.registry_list(lang))
}

#[tauri::command]
pub async fn free_names(app: State<'_, App>) -> Res<Vec<FreeName>> {
    app.free_names().await
}

#[tauri::command]
pub async fn group_search(
    app: State<'_, App>,
    query: String,
    lang: Language,
    limit: usize,
) -> Res<Vec<GroupEntry>> {
    Ok(app.group_search(&query, lang, limit))
}

#[tauri::command]
pub async fn group_list(app: State<'_, App>, lang: Language) -> Res<Vec<GroupEntry>> {
    Ok(app.group_list(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_cannot_point_sync_at_a_folder() {
        let current = Settings {
            sync_folder: Some("/media/shared".into()),
            ..Settings::default()
        };
        let off = Settings {
            sync_folder: None,
            ..current.clone()
        };
        let elsewhere = Settings {
            sync_folder: Some("/home/u/.ssh".into()),
            ..current.clone()
        };
        assert!(sync_folder_unchanged_or_cleared(&current, &current.clone()).is_ok());
        assert!(sync_folder_unchanged_or_cleared(&current, &off).is_ok());
        let refused = sync_folder_unchanged_or_cleared(&current, &elsewhere).unwrap_err();
        assert_eq!(refused.code, ErrorCode::InvalidInput);
        assert!(
            sync_folder_unchanged_or_cleared(&off, &current).is_err(),
            "nor set where there was none"
        );
        // The URL likewise: only `set_sync_url` sets it.
        let url = Settings {
            sync_url: Some("https://dav.example.org/team".into()),
            ..off.clone()
        };
        let refused = sync_folder_unchanged_or_cleared(&off, &url).unwrap_err();
        assert!(refused.message.contains("URL"), "{}", refused.message);
        assert!(sync_folder_unchanged_or_cleared(&url, &url.clone()).is_ok());
        assert!(sync_folder_unchanged_or_cleared(&url, &off).is_ok());
    }
}
