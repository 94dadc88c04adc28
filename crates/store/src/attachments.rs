//! Attachments: files (a statement's PDF, say) attached to the summary or a statement.
//!
//! The *reference* lives in the meeting's Loro document, in the root movable list `attachments`: maps
//! `{id, doc, name, media_type, size, sha256}`, where `doc` is `"summary"` or the statement's id. A root
//! list (rather than a list inside each document) means two replicas attaching at once both keep theirs,
//! since root containers never conflict. Removing a statement removes its attachments in the same change;
//! one attached concurrently with that removal is left without a document and is not listed.
//!
//! The *bytes* are content-addressed blobs in `<data_dir>/blobs/<sha256>`, written whole
//! (`rapporteur_core::atomic::write`) before any document refers to them and checked against their digest whenever
//! read. Sync carries them through the shared folder's `blobs/` (see `rapporteur-sync`). Attachments are
//! not part of the interchange record (`rapporteur/meeting-record@2`); [`Store::attachments`] lists them.

use std::fs;
use std::path::{Path, PathBuf};

use loro::{LoroDoc, LoroMap, LoroValue};
use rapporteur_core::DocumentKind;
use rapporteur_core::atomic::{self, IfExists};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::Store;
use crate::error::{DbContext, Result, StoreError};
use crate::layout::{DOCUMENTS, SUMMARY_ID, opt_str};
use crate::mode::Mode;
use crate::values::{entry, get_str, new_id};
use crate::writer::Writer;

/// The root list of attachment references.
pub(crate) const ATTACHMENTS: &str = "attachments";
/// The largest file that can be attached.
pub const MAX_ATTACHMENT_BYTES: u64 = 50 * 1024 * 1024;
/// Local blobs, inside the data directory.
pub const BLOBS_DIR: &str = "blobs";

/// One attached file, as [`Store::attachments`] lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Attachment {
    /// The attachment's id (not the blob's: two attachments may share one blob).
    pub id: String,
    /// The document it is attached to.
    pub doc_kind: DocumentKind,
    /// `"summary"` or the statement's id.
    pub doc_id: String,
    /// The statement's position (0-based); 0 for the summary.
    pub doc_index: u32,
    /// The file name it was attached under (no directories).
    pub name: String,
    /// Its media type, from its name, e.g. `application/pdf`.
    pub media_type: String,
    /// Its size in bytes.
    #[ts(type = "number")]
    pub size: u64,
    /// Lowercase hex SHA-256 of the bytes: the blob's name.
    pub sha256: String,
    /// The bytes are on this machine (false while they have not arrived through sync).
    pub available: bool,
}

/// A blob some live meeting refers to, with a file name to show for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlobRef {
    /// Lowercase hex SHA-256 of the bytes.
    pub sha256: String,
    /// The attachment's file name.
    pub name: String,
}

/// Lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn is_digest(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Refuse a file over [`MAX_ATTACHMENT_BYTES`], naming it.
pub fn check_attachment_size(name: &str, size: u64) -> Result<()> {
    if size > MAX_ATTACHMENT_BYTES {
        return Err(StoreError::TooLarge {
            name: name.to_owned(),
            size,
            limit: MAX_ATTACHMENT_BYTES,
        });
    }
    Ok(())
}

impl Store {
    fn blobs_dir(&self) -> PathBuf {
        self.data_dir.join(BLOBS_DIR)
    }

    fn blob_path(&self, sha256: &str) -> PathBuf {
        self.blobs_dir().join(sha256)
    }

    /// Store `bytes` as a local blob (whole or not at all) and return its digest. An intact copy is kept.
    pub fn put_local_blob(&self, bytes: &[u8]) -> Result<String> {
        let digest = sha256_hex(bytes);
        if self.local_blob(&digest)?.is_some() {
            return Ok(digest);
        }
        let dir = self.blobs_dir();
        let io = |source| StoreError::Io {
            path: dir.display().to_string(),
            source,
        };
        fs::create_dir_all(&dir).map_err(io)?;
        atomic::write(&dir.join(&digest), bytes, IfExists::Replace).map_err(io)?;
        Ok(digest)
    }

    /// The local blob `sha256`, verified; `None` when absent or damaged. A damaged copy is removed, so the
    /// next sync round fetches it again.
    pub fn local_blob(&self, sha256: &str) -> Result<Option<Vec<u8>>> {
        if !is_digest(sha256) {
            return Ok(None);
        }
        let path = self.blob_path(sha256);
        match fs::read(&path) {
            Ok(b) if sha256_hex(&b) == sha256 => Ok(Some(b)),
            Ok(_) => {
                let _ = fs::remove_file(&path);
                Ok(None)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(StoreError::Io {
                path: path.display().to_string(),
                source,
            }),
        }
    }

    /// Attach `bytes` under the file name `name` to the summary (`index` 0) or the statement at `index`.
    /// The blob is stored before the document refers to it.
    pub async fn attach(
        &self,
        meeting_id: &str,
        kind: DocumentKind,
        index: u32,
        name: &str,
        media_type: &str,
        bytes: &[u8],
    ) -> Result<Attachment> {
        check_attachment_size(name, bytes.len() as u64)?;
        if name.trim().is_empty() || name.contains(['/', '\\']) || name.chars().count() > 255 {
            return Err(StoreError::invalid(
                meeting_id,
                "attachment.name",
                format!("{name:?} is not a file name"),
            ));
        }
        self.load(meeting_id).await?;
        let sha256 = self.put_local_blob(bytes)?;
        let id = new_id();
        self.write_local(meeting_id, Mode::Existing, "add_attachment", |w| {
            let doc = doc_id(w, kind, index)?;
            let map = w
                .list(ATTACHMENTS)
                .push_container(LoroMap::new())
                .map_err(|e| w.crdt(e))?;
            map.insert("id", id.as_str())
                .and_then(|_| map.insert("doc", doc.as_str()))
                .and_then(|_| map.insert("name", name))
                .and_then(|_| map.insert("media_type", media_type))
                .and_then(|_| map.insert("size", bytes.len() as i64))
                .and_then(|_| map.insert("sha256", sha256.as_str()))
                .map_err(|e| w.crdt(e))
        })
        .await?;
        self.attachments(meeting_id)
            .await?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or_else(|| StoreError::not_found("attachment", id, meeting_id))
    }

    /// The meeting's attachments, in the order they were attached.
    pub async fn attachments(&self, meeting_id: &str) -> Result<Vec<Attachment>> {
        let doc = self.load(meeting_id).await?;
        let mut list = read(meeting_id, &doc)?;
        for a in &mut list {
            a.available = self.blob_path(&a.sha256).is_file();
        }
        Ok(list)
    }

    /// An attachment and its bytes, verified against its digest. Errors name the file when its bytes have
    /// not arrived (or arrived damaged, in which case the copy is dropped and fetched again next round).
    pub async fn attachment_bytes(
        &self,
        meeting_id: &str,
        attachment_id: &str,
    ) -> Result<(Attachment, Vec<u8>)> {
        let a = self
            .attachments(meeting_id)
            .await?
            .into_iter()
            .find(|a| a.id == attachment_id)
            .ok_or_else(|| StoreError::not_found("attachment", attachment_id, meeting_id))?;
        let damaged = a.available;
        match self.local_blob(&a.sha256)? {
            Some(bytes) => Ok((a, bytes)),
            None => Err(StoreError::BlobUnavailable {
                name: a.name,
                damaged,
            }),
        }
    }

    /// Blobs that live meetings refer to and that are not known to be in the sync folder (`all`: every
    /// referenced blob, for a folder that may have lost them).
    pub async fn blobs_to_send(&self, all: bool) -> Result<Vec<BlobRef>> {
        let sql = if all {
            "SELECT sha256, MIN(name) FROM attachments GROUP BY sha256"
        } else {
            "SELECT a.sha256, MIN(a.name) FROM attachments a
             LEFT JOIN blobs_in_folder f ON f.sha256 = a.sha256
             WHERE f.sha256 IS NULL GROUP BY a.sha256"
        };
        let rows: Vec<(String, String)> = sqlx::query_as(sql)
            .fetch_all(&self.pool)
            .await
            .ctx(|| "listing blobs to send".into())?;
        Ok(rows
            .into_iter()
            .map(|(sha256, name)| BlobRef { sha256, name })
            .collect())
    }

    /// Record that blob `sha256` is intact in the sync folder.
    pub async fn mark_blob_in_folder(&self, sha256: &str) -> Result<()> {
        sqlx::query("INSERT OR IGNORE INTO blobs_in_folder (sha256) VALUES (?)")
            .bind(sha256)
            .execute(&self.pool)
            .await
            .ctx(|| format!("recording blob {sha256} as sent"))?;
        Ok(())
    }

    /// Blobs that live meetings refer to and that are not on this machine.
    pub async fn missing_blobs(&self) -> Result<Vec<BlobRef>> {
        let rows: Vec<(String, String)> =
            sqlx::query_as("SELECT sha256, MIN(name) FROM attachments GROUP BY sha256")
                .fetch_all(&self.pool)
                .await
                .ctx(|| "listing referenced blobs".into())?;
        Ok(rows
            .into_iter()
            .filter(|(sha, _)| !self.blob_path(sha).is_file())
            .map(|(sha256, name)| BlobRef { sha256, name })
            .collect())
    }
}

/// The document an attachment goes to, as stored in its `doc` field.
fn doc_id(w: &Writer<'_>, kind: DocumentKind, index: u32) -> Result<String> {
    match kind {
        DocumentKind::Summary if index == 0 => Ok(SUMMARY_ID.to_owned()),
        DocumentKind::Summary => Err(StoreError::invalid(
            w.meeting_id,
            "index",
            "the summary is document index 0",
        )),
        DocumentKind::Statement => {
            let map = w.at(DOCUMENTS, "statement", index)?;
            get_str(&map, "id").ok_or_else(|| {
                StoreError::corrupt(w.meeting_id, format!("documents[{index}].id"), "missing")
            })
        }
    }
}

impl Writer<'_> {
    pub(crate) fn remove_attachment(&self, id: &str) -> Result<()> {
        self.remove(ATTACHMENTS, "attachment", id)
    }

    /// Remove every attachment of the statement `doc` (called when the statement is removed).
    pub(crate) fn remove_attachments_of(&self, doc: &str) -> Result<()> {
        let list = self.list(ATTACHMENTS);
        for i in (0..list.len()).rev() {
            if entry(&list, i).is_some_and(|m| get_str(&m, "doc").as_deref() == Some(doc)) {
                list.delete(i, 1).map_err(|e| self.crdt(e))?;
            }
        }
        Ok(())
    }
}

/// The attachments whose document exists, read from the document.
pub(crate) fn read(meeting_id: &str, doc: &LoroDoc) -> Result<Vec<Attachment>> {
    read_value(meeting_id, &doc.get_deep_value())
}

/// The attachments whose document exists, read from the document's deep value `root`.
pub(crate) fn read_value(meeting_id: &str, root: &LoroValue) -> Result<Vec<Attachment>> {
    let LoroValue::Map(root) = root else {
        return Ok(Vec::new());
    };
    let statements: Vec<String> = match root.get(DOCUMENTS) {
        Some(LoroValue::List(l)) => l
            .iter()
            .filter_map(|v| match v {
                LoroValue::Map(m) => opt_str(m, "id"),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let Some(LoroValue::List(list)) = root.get(ATTACHMENTS) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for (i, v) in list.iter().enumerate() {
        let LoroValue::Map(m) = v else {
            return Err(StoreError::corrupt(
                meeting_id,
                format!("{ATTACHMENTS}[{i}]"),
                "entry is not a map",
            ));
        };
        let field = |key: &str| {
            opt_str(m, key).ok_or_else(|| {
                StoreError::corrupt(meeting_id, format!("{ATTACHMENTS}[{i}].{key}"), "missing")
            })
        };
        let doc = field("doc")?;
        let (doc_kind, doc_index) = if doc == SUMMARY_ID {
            (DocumentKind::Summary, 0)
        } else {
            match statements.iter().position(|s| *s == doc) {
                Some(p) => (DocumentKind::Statement, p as u32),
                // Attached while another replica removed the statement: gone with it.
                None => continue,
            }
        };
        let size = match m.get("size") {
            Some(LoroValue::I64(n)) => u64::try_from(*n).unwrap_or(0),
            _ => 0,
        };
        out.push(Attachment {
            id: field("id")?,
            doc_kind,
            doc_id: doc,
            doc_index,
            name: field("name")?,
            media_type: field("media_type")?,
            size,
            sha256: field("sha256")?,
            available: false,
        });
    }
    Ok(out)
}

/// A media type for a file name, from its extension; `application/octet-stream` when unknown.
pub fn media_type_for(name: &str) -> &'static str {
    let ext = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "doc" => "application/msword",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt" => "application/vnd.oasis.opendocument.text",
        "txt" => "text/plain",
        "md" => "text/markdown",
        "html" | "htm" => "text/html",
        "csv" => "text/csv",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "mp3" => "audio/mpeg",
        "mp4" => "video/mp4",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}
