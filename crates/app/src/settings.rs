//! The workspace's settings, kept in the store as one JSON value so they travel with the data directory.
//! They are local: sync never carries them (a colleague's letterhead or theme is not yours).

use rapporteur_core::Language;
use rapporteur_export::Letterhead;
use rapporteur_store::Store;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{AppError, ErrorCode};

const KEY: &str = "settings";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(export)]
pub struct Settings {
    /// The shared folder to sync with; `None` turns background sync off.
    #[ts(optional)]
    pub sync_folder: Option<String>,
    /// Seconds between background sync rounds in the desktop app.
    pub sync_interval_secs: u32,
    /// The UI's language (English or French).
    pub ui_language: Language,
    pub theme: Theme,
    pub letterhead: Letterhead,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            sync_folder: None,
            sync_interval_secs: 60,
            ui_language: Language::En,
            theme: Theme::System,
            letterhead: Letterhead::default(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Theme {
    Light,
    Dark,
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
    if !matches!(s.ui_language, Language::En | Language::Fr) {
        return Err(AppError::new(
            ErrorCode::InvalidInput,
            "settings: field `ui_language`: the interface is available in English (en) and French (fr)",
        ));
    }
    if s.sync_interval_secs < 5 {
        return Err(AppError::new(
            ErrorCode::InvalidInput,
            "settings: field `sync_interval_secs`: must be at least 5 seconds",
        ));
    }
    if let Some(logo) = &s.letterhead.logo {
        rapporteur_export::check_logo(logo)?;
    }
    Ok(store.setting_set(KEY, s).await?)
}
