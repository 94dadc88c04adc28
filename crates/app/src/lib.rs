//! The use cases of Rapporteur, once. Both faces, the `rapporteur` CLI and the desktop shell, call these methods
//! in one line each and orchestrate nothing themselves, so a behaviour cannot differ between the two.
//!
//! `App` owns the store (the sqlx pool and the meeting documents), the sync service, the drafting templates and
//! the exporters. Every error leaves here as [`AppError`] (`{code, message}`).

mod attachments;
mod background;
mod checks;
mod convert;
pub mod credentials;
mod documents;
mod error;
mod files;
mod groups;
mod local;
pub mod logging;
mod review;
mod review_text;
mod settings;
mod sync_key;
mod sync_location;
pub mod sync_to;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rapporteur_core::draft::{self, Templates};
pub use rapporteur_export::{CsvTable, DocSelector, Format, Letterhead, Replace, bundled_font};
use rapporteur_store::Store;
pub use rapporteur_store::{
    ActionFilter, Attachment, ChangeKind, DocVersion, Edit, FreeName, MAX_ATTACHMENT_BYTES,
    MeetingSummary, ReplicaInfo, SearchHit, TrackedAction,
};
pub use rapporteur_store::{
    CirculatedVersion, Comment, CommentReply, Review, ReviewAction, ReviewEvent, ReviewEventKind,
    ReviewStatus, Suggestion, SuggestionState, Which,
};
use rapporteur_sync::SyncService;
pub use rapporteur_sync::{PendingBlob, Progress, RoundReport};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use background::SyncStatus;
pub use credentials::{CredentialStore, SavedCredentials};
pub use error::{AppError, ErrorCode};
pub use groups::GroupEntry;
pub use local::{LocalMessage, MessageId};
pub use review_text::{Proposal, ProposedText};
// The model types the faces pass through, and the record's JSON form, so neither face needs to depend on the
// core crate itself.
/// Proptest strategies for generated records (`rapporteur_core::strategies`), for the faces' tests.
#[cfg(feature = "testing")]
pub use rapporteur_core::strategies;
pub use rapporteur_core::{DocumentKind, Language, Meeting, MeetingRecord, parse_record, to_json};
pub use settings::{LetterheadChange, Settings, Theme};

/// The example meeting record, built into the binary so that nothing is read from the source tree at run time.
/// It is the same file as `tests/fixtures/network-briefing-2019-12-12.json` (a test keeps the two equal).
pub const EXAMPLE_RECORD: &str = include_str!("../data/network-briefing-2019-12-12.json");
const EXAMPLE_NAME: &str = "built-in example";

/// The notice an export of a meeting without a written summary returns (the CLI prints it on stderr).
pub const SUMMARY_DRAFTED: &str =
    "no summary written yet; exported the draft generated from the record";

/// Environment variable naming the data directory when `--data-dir` is not given.
pub const DATA_DIR_ENV: &str = "RAPPORTEUR_DATA_DIR";

/// `--data-dir`, else `$RAPPORTEUR_DATA_DIR`, else the OS data directory (`~/.local/share/rapporteur` on Linux).
/// The desktop app resolves it the same way, so both faces see the same meetings.
pub fn resolve_data_dir(flag: Option<PathBuf>) -> PathBuf {
    flag.or_else(|| {
        std::env::var_os(DATA_DIR_ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
    .unwrap_or_else(default_data_dir)
}

fn default_data_dir() -> PathBuf {
    directories::ProjectDirs::from("org", "rapporteur", "rapporteur")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".rapporteur"))
}

/// How to export one document: what the CLI's flags and the Export view's controls say.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportOptions {
    /// The output format.
    #[ts(type = "\"pdf\" | \"docx\" | \"md\" | \"html\" | \"csv\" | \"ics\"")]
    pub format: Format,
    /// The summary or a statement.
    pub kind: DocumentKind,
    /// Which statement (from 0); ignored for the summary.
    pub index: u32,
    /// Output language; `None` is the meeting's language.
    pub lang: Option<Language>,
    /// Append the attendance list and the list of speakers.
    pub annex: bool,
    /// For CSV: `attendance` (default), `actions` or `participants`.
    #[serde(default)]
    pub table: Option<Table>,
    /// Add my private notes as a closing "My notes" section (PDF, DOCX, Markdown, HTML). Off unless asked.
    #[serde(default)]
    pub include_notes: bool,
    /// Print the UN masthead under the symbol, for a summary circulated as a UN document (PDF and DOCX;
    /// needs the meeting's symbol). Off unless asked.
    #[serde(default)]
    #[ts(as = "Option<bool>", optional)]
    pub masthead: bool,
    /// Add the document's open comments as footnotes at the words they are about, with who wrote them and
    /// their replies (PDF, DOCX, Markdown, HTML). Off: the clean text, accepted changes only.
    #[serde(default)]
    #[ts(as = "Option<bool>", optional)]
    pub with_comments: bool,
}

/// Which table a CSV export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Table {
    /// The attendance: headcounts by category and named delegations.
    Attendance,
    /// The action items.
    Actions,
    /// The list of participants: each delegation's persons, their function and who heads it.
    Participants,
}

/// One page of the export preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PreviewPage {
    /// The page as a standalone SVG document.
    pub svg: String,
    /// Which page this is, from 1.
    pub page: u32,
    /// How many pages the PDF has.
    pub pages: u32,
}

/// The result of regenerating a summary's generated sections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Regeneration {
    /// The summary as saved (unchanged when hand-edited sections block it and `force` was empty).
    pub markdown: String,
    /// Hand-edited sections left alone; ask the user before passing them in `force`.
    pub edited_sections: Vec<String>,
    /// Hand-edited sections overwritten because the caller allowed it (the old text stays in history).
    pub overwritten_sections: Vec<String>,
}

/// Cheap to clone: clones share the store, the sync state and the templates, so the background sync loop can
/// own one while the faces call another.
#[derive(Clone)]
pub struct App {
    store: Arc<Store>,
    sync: SyncService,
    sync_tracker: Arc<background::SyncTracker>,
    templates: Arc<Templates>,
    data_dir: PathBuf,
}

impl App {
    /// Open (creating if needed) the data directory. User templates in `<data_dir>/templates/<lang>/` override
    /// the built-in ones.
    pub async fn open(data_dir: &Path) -> Result<App, AppError> {
        std::fs::create_dir_all(data_dir)
            .map_err(|e| AppError::new(ErrorCode::Io, format!("{}: {e}", data_dir.display())))?;
        let store = Store::open(data_dir).await?;
        // Always named, even before it exists, so a missing-template error can say where to put the file.
        let templates = Templates::with_override_dir(data_dir.join("templates"))?;
        Ok(App {
            store: Arc::new(store),
            sync: SyncService::new(data_dir),
            sync_tracker: Arc::default(),
            templates: Arc::new(templates),
            data_dir: data_dir.to_path_buf(),
        })
    }

    /// The data directory this app opened.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Import a record file as a new meeting; returns its id. The size limit holds while reading, so a device, a
    /// pipe or a growing file cannot hold more than the limit in memory; devices and sockets are refused.
    pub async fn import_file(&self, path: &Path) -> Result<String, AppError> {
        let bytes = files::read_limited(
            path,
            files::Accept::FileOrPipe,
            rapporteur_core::MAX_RECORD_BYTES,
            "a meeting record",
        )?;
        self.import_json(&path.display().to_string(), &bytes).await
    }

    /// Import record JSON already in memory; `name` names it in errors.
    pub async fn import_json(&self, name: &str, bytes: &[u8]) -> Result<String, AppError> {
        let record = parse_record(name, bytes)?;
        for (i, d) in record.documents.iter().enumerate() {
            checks::check_document_size(&format!("{name}: documents[{i}].body"), &d.body)?;
        }
        Ok(self.store.import_record(&record).await?)
    }

    /// A document's Markdown from `source` (a file or stdin) named `name`, refused once it passes the size every
    /// export holds to, without reading further.
    pub fn read_document(
        &self,
        name: &str,
        source: impl std::io::Read,
    ) -> Result<String, AppError> {
        let limit = rapporteur_export::MAX_DOCUMENT_BYTES as u64;
        let io = |e: std::io::Error| {
            AppError::one_line(ErrorCode::Io, format!("{name}: {e}")).localized(local::io(name, &e))
        };
        let bytes = files::read_bounded(source, limit)
            .map_err(io)?
            .ok_or_else(|| files::too_large(name, None, limit, "a document"))?;
        String::from_utf8(bytes).map_err(|e| {
            let byte = e.utf8_error().valid_up_to();
            AppError::new(
                ErrorCode::InvalidInput,
                format!("{name}: not UTF-8 text (at byte {byte})"),
            )
            .localized(Some(LocalMessage::new(
                MessageId::FileNotUtf8,
                &[("file", name.to_owned()), ("byte", byte.to_string())],
            )))
        })
    }

    /// Import the built-in example (the 12 December 2019 Network briefing) as a new meeting; returns its id.
    /// Each call adds another copy, so a user who changed the example can start again from a clean one.
    pub async fn open_example(&self) -> Result<String, AppError> {
        self.import_json(EXAMPLE_NAME, EXAMPLE_RECORD.as_bytes())
            .await
    }

    /// Write a meeting in the interchange format, atomically; `replace` says what may stand at `path`.
    pub async fn export_record_json(
        &self,
        id: &str,
        path: &Path,
        replace: Replace,
    ) -> Result<(), AppError> {
        let json = to_json(&self.store.record(id).await?);
        Ok(rapporteur_export::write_file(
            path,
            json.as_bytes(),
            replace,
        )?)
    }

    /// Create a meeting with `meeting` as its fields; returns its id.
    pub async fn create_meeting(&self, meeting: Meeting) -> Result<String, AppError> {
        Ok(self.store.create_meeting(meeting).await?)
    }

    /// Delete a meeting (everywhere, after the next sync rounds).
    pub async fn delete_meeting(&self, id: &str) -> Result<(), AppError> {
        Ok(self.store.delete_meeting(id).await?)
    }

    /// Every meeting, newest first.
    pub async fn list_meetings(&self) -> Result<Vec<MeetingSummary>, AppError> {
        Ok(self.store.list_meetings().await?)
    }

    /// The whole record of a meeting, in the interchange format.
    pub async fn record(&self, id: &str) -> Result<MeetingRecord, AppError> {
        Ok(self.store.record(id).await?)
    }

    /// The one write path for every change to a meeting.
    pub async fn edit(&self, id: &str, edit: Edit) -> Result<MeetingRecord, AppError> {
        if let Edit::SetDocument { kind, index, body } = &edit {
            checks::check_document_size(&checks::document_name(id, *kind, *index), body)?;
        }
        Ok(self.store.edit(id, edit).await?)
    }

    /// Full-text search over every meeting: each word of `query` a prefix, all of them required.
    pub async fn search(&self, query: &str) -> Result<Vec<SearchHit>, AppError> {
        Ok(self.store.search(query, 50).await?)
    }

    /// The cross-meeting action tracker.
    pub async fn actions(&self, open_only: bool) -> Result<Vec<TrackedAction>, AppError> {
        self.actions_filtered(ActionFilter {
            open_only,
            ..ActionFilter::default()
        })
        .await
    }

    /// The cross-meeting action tracker, filtered by status, owner, agenda item and session.
    pub async fn actions_filtered(
        &self,
        filter: ActionFilter,
    ) -> Result<Vec<TrackedAction>, AppError> {
        Ok(self.store.actions(&filter).await?)
    }

    /// The summary generated from the record, in `lang` (default: the meeting's language).
    pub async fn draft(&self, id: &str, lang: Option<Language>) -> Result<String, AppError> {
        let record = self.store.record(id).await?;
        let lang = lang.unwrap_or(record.meeting.language);
        Ok(draft::draft_summary(&record, lang, &self.templates)?)
    }

    /// Refresh the generated sections of the saved summary from the record, leaving hand-written text alone.
    /// Hand-edited generated sections are kept unless named in `force`.
    pub async fn regenerate(
        &self,
        id: &str,
        lang: Option<Language>,
        force: &[String],
    ) -> Result<Regeneration, AppError> {
        let fresh = self.draft(id, lang).await?;
        let current = self.store.doc_get(id, DocumentKind::Summary, 0).await?;
        let r = draft::regenerate_with(&current, &fresh, force);
        if r.markdown != current {
            self.store.doc_regenerate(id, &r.markdown).await?;
        }
        Ok(Regeneration {
            markdown: r.markdown,
            edited_sections: r.edited_sections,
            overwritten_sections: r.overwritten_sections,
        })
    }

    /// Exports to `out` (written whole or not at all, and only as a regular file; `replace` says whether a file
    /// already there may be replaced) and returns one-line warnings for the user, e.g. characters no bundled font
    /// has, printed as □.
    pub async fn export_to_file(
        &self,
        id: &str,
        options: &ExportOptions,
        out: &Path,
        replace: Replace,
    ) -> Result<Vec<String>, AppError> {
        let (record, request, drafted) = self.export_request(id, options).await?;
        let exported = tokio::task::spawn_blocking(move || {
            rapporteur_export::export_with_warnings(&record, &request)
        })
        .await
        .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?
        .map_err(|e| checks::in_document(id, options, e))?;
        rapporteur_export::write_file(out, &exported.bytes, replace)?;
        let mut notices = exported.warnings;
        if drafted {
            notices.insert(0, SUMMARY_DRAFTED.to_owned());
        }
        Ok(notices)
    }

    /// Export one document or table as `options` say; returns the file's bytes, writes nothing.
    pub async fn export_bytes(
        &self,
        id: &str,
        options: &ExportOptions,
    ) -> Result<Vec<u8>, AppError> {
        let (record, request, _) = self.export_request(id, options).await?;
        tokio::task::spawn_blocking(move || rapporteur_export::export(&record, &request))
            .await
            .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?
            .map_err(|e| checks::in_document(id, options, e))
    }

    /// One page of the PDF as SVG, for the Export view's live preview: `page` counts from 1, and a page past
    /// the end (the document got shorter) gives the last one. The answer says which page it is and how many
    /// there are.
    pub async fn preview(
        &self,
        id: &str,
        options: &ExportOptions,
        page: u32,
    ) -> Result<PreviewPage, AppError> {
        let (record, request, _) = self.export_request(id, options).await?;
        let (svg, pages) = tokio::task::spawn_blocking(move || {
            rapporteur_export::preview_page(&record, &request, page as usize)
        })
        .await
        .map_err(|e| AppError::new(ErrorCode::Internal, e.to_string()))?
        .map_err(|e| checks::in_document(id, options, e))?;
        let pages = u32::try_from(pages).unwrap_or(u32::MAX);
        Ok(PreviewPage {
            svg,
            page: page.clamp(1, pages.max(1)),
            pages,
        })
    }

    async fn export_request(
        &self,
        id: &str,
        o: &ExportOptions,
    ) -> Result<(MeetingRecord, rapporteur_export::ExportRequest, bool), AppError> {
        checks::check_parts(o)?;
        let mut record = self.store.record(id).await?;
        let drafted = summary_is_drafted(&record, o);
        if drafted {
            let lang = o.lang.unwrap_or(record.meeting.language);
            record.documents.insert(
                0,
                rapporteur_core::Document {
                    id: None,
                    kind: DocumentKind::Summary,
                    title: None,
                    body: draft::draft_summary(&record, lang, &self.templates)?,
                    speaker: None,
                    delivered_on: None,
                },
            );
        }
        if o.with_comments && !drafted {
            self.add_comments(id, &mut record, o.kind, o.index).await?;
        }
        if o.kind == DocumentKind::Summary {
            let lang = o.lang.unwrap_or(record.meeting.language);
            self.mark_corrigendum(id, &mut record, lang).await?;
        }
        let letterhead = self.settings().await?.letterhead;
        let notes = match o.include_notes {
            true => Some(self.store.notes_all(id).await?),
            false => None,
        };
        Ok((
            record,
            convert::export_request(o, letterhead, notes),
            drafted,
        ))
    }

    /// One sync round with `folder`: send what is new here, apply what is new there.
    pub async fn sync_round(&self, folder: &Path) -> Result<RoundReport, AppError> {
        self.sync_round_with_progress(folder, |_| {}).await
    }

    /// [`App::sync_round`], calling `progress` as files are written and read.
    pub async fn sync_round_with_progress(
        &self,
        folder: &Path,
        progress: impl Fn(Progress) + Send + Sync,
    ) -> Result<RoundReport, AppError> {
        Ok(self.sync.round(&*self.store, folder, progress).await?)
    }

    /// Stops waiting for `replica` before this replica deletes its own old files in `folder` (compaction).
    pub async fn forget_replica(&self, folder: &Path, replica: &str) -> Result<(), AppError> {
        if self
            .sync
            .forget_replica(&*self.store, folder, replica)
            .await?
        {
            Ok(())
        } else {
            Err(AppError::new(
                ErrorCode::NotFound,
                format!(
                    "replica {replica} has not been seen in {}",
                    folder.display()
                ),
            ))
        }
    }

    /// This installation as a replica: id, name and Loro peer id.
    pub async fn replica(&self) -> Result<ReplicaInfo, AppError> {
        Ok(self.store.replica())
    }

    /// Set the human name colleagues see for this replica ("Geneva laptop").
    pub async fn set_replica_name(&self, name: &str) -> Result<(), AppError> {
        self.store.set_replica_name(name).await?;
        Ok(())
    }

    /// Private notes: per meeting, or per intervention. Never in the synced document.
    pub async fn notes_get(
        &self,
        meeting_id: &str,
        intervention_id: Option<&str>,
    ) -> Result<String, AppError> {
        Ok(self.store.notes_get(meeting_id, intervention_id).await?)
    }

    /// Replace a private note; an empty text removes it.
    pub async fn notes_set(
        &self,
        meeting_id: &str,
        intervention_id: Option<&str>,
        text: &str,
    ) -> Result<(), AppError> {
        Ok(self
            .store
            .notes_set(meeting_id, intervention_id, text)
            .await?)
    }

    /// The workspace settings: sync folder and interval, interface language, theme, letterhead.
    pub async fn settings(&self) -> Result<Settings, AppError> {
        settings::load(&self.store).await
    }

    /// Save the workspace settings.
    pub async fn set_settings(&self, s: &Settings) -> Result<(), AppError> {
        settings::save(&self.store, s).await
    }

    /// Change the letterhead that exports print (a logo is read from its file and checked); returns the
    /// settings as they now stand.
    pub async fn change_letterhead(&self, change: LetterheadChange) -> Result<Settings, AppError> {
        settings::change_letterhead(&self.store, change).await
    }

    /// The names typed as free entries (UN entities, mandate holders…) in any meeting, each with its category,
    /// most used first: the speaker and attendance pickers offer them again.
    pub async fn free_names(&self) -> Result<Vec<FreeName>, AppError> {
        Ok(self.store.free_names().await?)
    }

    /// Search-as-you-type over the built-in States, in `lang`.
    pub fn registry_search(&self, query: &str, lang: Language, limit: usize) -> Vec<StateEntry> {
        rapporteur_core::registry::search(query, lang, limit)
            .into_iter()
            .map(|s| StateEntry::of(s, lang))
            .collect()
    }

    /// Every built-in State in `lang`, in that language's UN order: the UI loads it once per language instead
    /// of looking names up one by one.
    pub fn registry_list(&self, lang: Language) -> Vec<StateEntry> {
        rapporteur_core::registry::in_un_order(lang)
            .into_iter()
            .map(|s| StateEntry::of(s, lang))
            .collect()
    }
}

/// Whether exporting `o` from `record` exports the summary drafted from the record, because none has been
/// written (or what was written has been cleared): what a user asking for "the summary" expects.
fn summary_is_drafted(record: &MeetingRecord, o: &ExportOptions) -> bool {
    o.kind == DocumentKind::Summary
        && matches!(
            o.format,
            Format::Pdf | Format::Docx | Format::Md | Format::Html
        )
        && !record
            .documents
            .iter()
            .any(|d| d.kind == DocumentKind::Summary && !d.body.trim().is_empty())
}

/// A State as the attendance picker shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StateEntry {
    /// ISO 3166-1 alpha-3 code, e.g. `GBR`.
    pub code: String,
    /// Its short name in the language asked for.
    pub name: String,
    /// A Member State (false: an observer State).
    pub member: bool,
}

impl StateEntry {
    fn of(s: &rapporteur_core::registry::State, lang: Language) -> StateEntry {
        StateEntry {
            code: s.iso3.clone(),
            name: s.name(lang).to_owned(),
            member: s.is_member(),
        }
    }
}
