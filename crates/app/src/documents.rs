//! The summary's and statements' texts: read, replace (only the difference is recorded, so it merges with
//! colleagues' edits), and their history of versions, with diffs and restores. The texts live in the meeting's
//! CRDT document in the store; this is the facade's face of them.

use crate::{App, AppError, DocVersion, DocumentKind, checks};

impl App {
    /// A document's Markdown: the summary (index 0) or a statement.
    pub async fn doc_get(
        &self,
        id: &str,
        kind: DocumentKind,
        index: u32,
    ) -> Result<String, AppError> {
        Ok(self.store.doc_get(id, kind, index).await?)
    }

    /// Replace a document's Markdown; only the difference is recorded, so it merges with colleagues' edits.
    pub async fn doc_set(
        &self,
        id: &str,
        kind: DocumentKind,
        index: u32,
        body: &str,
    ) -> Result<(), AppError> {
        checks::check_document_size(&checks::document_name(id, kind, index), body)?;
        self.store.doc_set(id, kind, index, body).await?;
        Ok(())
    }

    /// A document's versions, oldest first.
    pub async fn doc_history(
        &self,
        id: &str,
        kind: DocumentKind,
        index: u32,
    ) -> Result<Vec<DocVersion>, AppError> {
        Ok(self.store.doc_history(id, kind, index).await?)
    }

    /// A document's text at `version` (from [`App::doc_history`]).
    pub async fn doc_at(
        &self,
        id: &str,
        kind: DocumentKind,
        index: u32,
        version: &str,
    ) -> Result<String, AppError> {
        Ok(self.store.doc_at(id, kind, index, version).await?)
    }

    /// The difference between two versions of a document, as a unified diff ("current" is the text now).
    pub async fn doc_diff(
        &self,
        id: &str,
        kind: DocumentKind,
        index: u32,
        from: &str,
        to: &str,
    ) -> Result<String, AppError> {
        Ok(self.store.doc_diff(id, kind, index, from, to).await?)
    }

    /// Bring back an old version as a new change; the versions in between stay in history.
    pub async fn doc_restore(
        &self,
        id: &str,
        kind: DocumentKind,
        index: u32,
        version: &str,
    ) -> Result<(), AppError> {
        self.store.doc_restore(id, kind, index, version).await?;
        Ok(())
    }
}
