//! The workspace's settings, kept in the store as one JSON value so they travel with the data directory.
//! They are local: sync never carries them (a colleague's letterhead or theme is not yours).

use rapporteur_core::Language;
use rapporteur_export::Letterhead;
use rapporteur_store::Store;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::local::{LocalMessage, MessageId};
use crate::{AppError, ErrorCode};

const KEY: &str = "settings";

/// The workspace settings: local to this installation, never synced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(export)]
pub struct Settings {
    /// The shared folder to sync with; `None` (and no `sync_url`) turns background sync off.
    #[ts(optional)]
    pub sync_folder: Option<String>,
    /// A remote location to sync with instead (WebDAV, S3-compatible, SFTP URL); it wins over `sync_folder`.
    /// Never holds a password: credentials are saved apart (`credentials.rs`). Absent in settings saved
    /// before remote locations, which keeps their folder.
    #[ts(optional)]
    pub sync_url: Option<String>,
    /// Seconds between background sync rounds in the desktop app.
    pub sync_interval_secs: u32,
    /// The UI's language (English or French).
    pub ui_language: Language,
    /// The window's colours.
    pub theme: Theme,
    /// The letterhead exports print (a colleague's letterhead is not yours).
    pub letterhead: Letterhead,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            sync_folder: None,
            sync_url: None,
            sync_interval_secs: 60,
            ui_language: Language::En,
            theme: Theme::System,
            letterhead: Letterhead::default(),
        }
    }
}

/// The window's colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Theme {
    /// Light.
    Light,
    /// Dark.
    Dark,
    /// As the desktop's setting says.
    #[default]
    System,
}

pub(crate) async fn load(store: &Store) -> Result<Settings, AppError> {
    Ok(store
        .setting_get::<Settings>(KEY)
        .await?
        .unwrap_or_default())
}

pub(crate) async fn save(store: &Store, s: &Settings) -> Result<(), AppError> {
    let head = &s.letterhead;
    for (field, text) in [
        ("organisation", Some(&head.organisation)),
        ("unit", head.unit.as_ref()),
    ] {
        if let Some(found) = text.and_then(|t| rapporteur_core::text::find_refused(t)) {
            return Err(AppError::new(
                ErrorCode::InvalidInput,
                format!(
                    "settings: field `letterhead.{field}`: {} (column {})",
                    found.describe(),
                    found.column
                ),
            ));
        }
    }
    if s.sync_interval_secs < 5 {
        return Err(AppError::new(
            ErrorCode::InvalidInput,
            "settings: field `sync_interval_secs`: must be at least 5 seconds",
        )
        .localized(Some(LocalMessage::new(
            MessageId::SyncIntervalShort,
            &[("min", "5".to_owned())],
        ))));
    }
    if let Some(url) = &s.sync_url {
        check_sync_url(url)?;
    }
    if let Some(logo) = &s.letterhead.logo {
        rapporteur_export::check_logo(logo)?;
    }
    Ok(store.setting_set(KEY, s).await?)
}

/// Refuses a `sync_url` that is not a remote location's URL, or that holds a password.
pub(crate) fn check_sync_url(url: &str) -> Result<(), AppError> {
    let field = |why: &str, local: LocalMessage| {
        AppError::new(
            ErrorCode::InvalidInput,
            format!("settings: field `sync_url`: {why}"),
        )
        .localized(Some(local))
    };
    match rapporteur_sync::parse_location(url, &rapporteur_sync::Credentials::default()) {
        Ok(rapporteur_sync::Location::Remote(_)) => Ok(()),
        Ok(rapporteur_sync::Location::Folder(_)) => Err(field(
            &format!(
                "{url:?} is not a URL (https://, webdav://, s3://, sftp://); choose a folder with “Choose…”"
            ),
            LocalMessage::new(MessageId::SyncUrlNotUrl, &[("url", url.to_owned())]),
        )),
        Err(e) => Err(field(
            &e.to_string(),
            LocalMessage::new(MessageId::SyncUrlRefused, &[("detail", e.to_string())]),
        )),
    }
}

/// A change to the letterhead; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LetterheadChange {
    /// The issuing organisation; `Some("")` removes the letterhead line.
    #[ts(optional)]
    pub organisation: Option<String>,
    /// `Some("")` removes the second line.
    #[ts(optional)]
    pub unit: Option<String>,
    /// An image file to use as the logo; it is read and checked here.
    #[ts(optional, type = "string")]
    pub logo_file: Option<std::path::PathBuf>,
    /// Remove the logo.
    #[serde(default)]
    pub remove_logo: bool,
}

pub(crate) async fn change_letterhead(
    store: &Store,
    change: LetterheadChange,
) -> Result<Settings, AppError> {
    let mut s = load(store).await?;
    let head = &mut s.letterhead;
    if let Some(organisation) = change.organisation {
        head.organisation = organisation.trim().to_owned();
    }
    if let Some(unit) = change.unit {
        let unit = unit.trim();
        head.unit = (!unit.is_empty()).then(|| unit.to_owned());
    }
    if change.remove_logo {
        head.logo = None;
    }
    if let Some(file) = change.logo_file {
        head.logo = Some(read_logo(&file)?);
    }
    save(store, &s).await?;
    Ok(s)
}

/// The file's bytes if it is an image a letterhead can carry; the size is checked before reading.
fn read_logo(path: &std::path::Path) -> Result<Vec<u8>, AppError> {
    let name = path.display();
    let bytes = crate::files::read_limited(
        path,
        crate::files::Accept::File,
        rapporteur_export::MAX_LOGO_BYTES as u64,
        "a logo",
    )?;
    rapporteur_export::check_logo(&bytes)
        .map_err(|e| AppError::new(ErrorCode::InvalidInput, format!("{name}: {e}")))?;
    Ok(bytes)
}
