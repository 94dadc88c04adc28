//! Attachments for both faces: attach a file to the summary or a statement, list, save a copy, remove.
//! The store keeps the bytes as content-addressed blobs and sync carries them (see `rapporteur-store`).

use std::path::Path;

use rapporteur_core::DocumentKind;
use rapporteur_store::{Edit, check_attachment_size, media_type_for};

use crate::{App, AppError, Attachment};

impl App {
    /// Attach the file at `path` to the summary (`index` 0) or the statement at `index`. Files over
    /// [`rapporteur_store::MAX_ATTACHMENT_BYTES`] are refused before reading.
    pub async fn attach_file(
        &self,
        meeting_id: &str,
        kind: DocumentKind,
        index: u32,
        path: &Path,
    ) -> Result<Attachment, AppError> {
        let shown = path.display().to_string();
        let bytes = crate::files::read_limited(
            path,
            crate::files::Accept::File,
            rapporteur_store::MAX_ATTACHMENT_BYTES,
            "attachments",
        )?;
        check_attachment_size(&shown, bytes.len() as u64)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| shown.clone());
        Ok(self
            .store
            .attach(
                meeting_id,
                kind,
                index,
                &name,
                media_type_for(&name),
                &bytes,
            )
            .await?)
    }

    /// The meeting's attachments; `available` says whether the bytes are on this machine yet.
    pub async fn attachments(&self, meeting_id: &str) -> Result<Vec<Attachment>, AppError> {
        Ok(self.store.attachments(meeting_id).await?)
    }

    /// Write a copy of an attachment to `out` (whole or not at all, only as a regular file; `replace` says
    /// whether a file already there may be replaced). Errors when its bytes have not arrived through sync yet.
    pub async fn save_attachment(
        &self,
        meeting_id: &str,
        attachment_id: &str,
        out: &Path,
        replace: rapporteur_export::Replace,
    ) -> Result<Attachment, AppError> {
        let (a, bytes) = self
            .store
            .attachment_bytes(meeting_id, attachment_id)
            .await?;
        rapporteur_export::write_file(out, &bytes, replace)?;
        Ok(a)
    }

    /// Remove an attachment from its document (synced like any removal).
    pub async fn remove_attachment(
        &self,
        meeting_id: &str,
        attachment_id: &str,
    ) -> Result<(), AppError> {
        self.store
            .edit(
                meeting_id,
                Edit::RemoveAttachment {
                    id: attachment_id.to_owned(),
                },
            )
            .await?;
        Ok(())
    }
}
