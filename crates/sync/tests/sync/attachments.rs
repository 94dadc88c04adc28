//! Attachments between real stores: blobs through the folder's `blobs/`, verified, retried when not whole.

use std::fs;
use std::path::Path;

use rapporteur_core::DocumentKind;
use rapporteur_store::{Edit, sha256_hex};

use crate::common::{Node, meeting};

/// Deterministic noise (xorshift), so the "PDF" does not compress and no two seeds agree.
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

fn folder_blob(folder: &Path, sha: &str) -> std::path::PathBuf {
    folder.join("rapporteur/v1/blobs").join(sha)
}

/// Two replicas in a temporary directory (the shared folder is `shared` in it, already created) and a meeting
/// with one statement on the first.
async fn pair() -> (tempfile::TempDir, Node, Node, String) {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir(tmp.path().join("shared")).unwrap();
    let a = Node::open(&tmp.path().join("a")).await;
    let b = Node::open(&tmp.path().join("b")).await;
    let m = with_statement(&a).await;
    (tmp, a, b, m)
}

async fn attach_pdf(
    n: &Node,
    m: &str,
    kind: DocumentKind,
    name: &str,
    bytes: &[u8],
) -> rapporteur_store::Attachment {
    n.store
        .attach(m, kind, 0, name, "application/pdf", bytes)
        .await
        .unwrap()
}

async fn with_statement(n: &Node) -> String {
    let m = n.store.create_meeting(meeting("Briefing")).await.unwrap();
    n.store
        .edit(
            &m,
            Edit::AddStatement {
                title: Some("Opening".into()),
                speaker: None,
            },
        )
        .await
        .unwrap();
    m
}

#[tokio::test]
async fn an_attachment_reaches_the_other_replica_byte_for_byte() {
    let (tmp, a, b, m) = pair().await;
    let folder = tmp.path().join("shared");
    let pdf = noise(3 << 20, 42);
    let att = attach_pdf(&a, &m, DocumentKind::Statement, "statement.pdf", &pdf).await;
    let r = a.round(&folder).await;
    assert_eq!(r.sent_blobs, vec![format!("blobs/{}", att.sha256)]);
    assert_eq!(fs::read(folder_blob(&folder, &att.sha256)).unwrap(), pdf);
    // A quiet round does not write the blob again.
    assert!(a.round(&folder).await.sent_blobs.is_empty());

    let r = b.round(&folder).await;
    assert!(r.pending_blobs.is_empty(), "{r:#?}");
    assert_eq!(r.received_blobs.len(), 1);
    let listed = b.store.attachments(&m).await.unwrap();
    assert_eq!(listed, vec![att.clone()]);
    let (_, got) = b.store.attachment_bytes(&m, &att.id).await.unwrap();
    assert!(got == pdf, "bytes differ");
}

#[tokio::test]
async fn the_same_file_attached_on_two_replicas_is_one_blob() {
    let (tmp, a, b, m) = pair().await;
    let folder = tmp.path().join("shared");
    a.round(&folder).await;
    b.round(&folder).await;
    let pdf = noise(500_000, 7);
    attach_pdf(&a, &m, DocumentKind::Statement, "a.pdf", &pdf).await;
    attach_pdf(&b, &m, DocumentKind::Summary, "b.pdf", &pdf).await;
    let ra = a.round(&folder).await;
    let rb = b.round(&folder).await;
    a.round(&folder).await;
    assert_eq!(ra.sent_blobs.len(), 1);
    assert!(rb.sent_blobs.is_empty(), "already there: {rb:#?}");
    let blobs: Vec<_> = fs::read_dir(folder.join("rapporteur/v1/blobs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(blobs, vec![sha256_hex(&pdf)]);
    // Both attachments merged on both replicas.
    for n in [&a, &b] {
        let names: Vec<_> = n
            .store
            .attachments(&m)
            .await
            .unwrap()
            .into_iter()
            .map(|x| x.name)
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }
}

#[tokio::test]
async fn a_truncated_blob_is_pending_by_name_until_repaired() {
    let (tmp, a, b, m) = pair().await;
    let folder = tmp.path().join("shared");
    let pdf = noise(1 << 20, 9);
    let att = attach_pdf(&a, &m, DocumentKind::Statement, "speech.pdf", &pdf).await;
    a.round(&folder).await;
    let path = folder_blob(&folder, &att.sha256);
    fs::write(&path, &pdf[..pdf.len() / 2]).unwrap();

    let r = b.round(&folder).await;
    assert_eq!(r.pending_blobs.len(), 1, "{r:#?}");
    let p = &r.pending_blobs[0];
    assert_eq!(
        (p.name.as_str(), p.code.as_str()),
        ("speech.pdf", "blob_damaged")
    );
    assert_eq!(p.file, format!("blobs/{}", att.sha256));
    // Nothing partial locally; the meeting itself arrived.
    assert!(!b.dir.join("blobs").join(&att.sha256).exists());
    let e = b.store.attachment_bytes(&m, &att.id).await.unwrap_err();
    assert_eq!(e.code(), "blob_missing");
    assert!(!b.store.attachments(&m).await.unwrap()[0].available);

    fs::remove_file(&path).unwrap();
    let r = b.round(&folder).await;
    assert_eq!(r.pending_blobs[0].code, "blob_missing");

    fs::write(&path, &pdf).unwrap();
    let r = b.round(&folder).await;
    assert!(r.pending_blobs.is_empty(), "{r:#?}");
    let (_, got) = b.store.attachment_bytes(&m, &att.id).await.unwrap();
    assert!(got == pdf);
}

#[tokio::test]
async fn removing_an_attachment_removes_it_on_the_other_replica() {
    let (tmp, a, b, m) = pair().await;
    let folder = tmp.path().join("shared");
    let att = attach_pdf(&a, &m, DocumentKind::Statement, "x.pdf", b"%PDF-1.7 x").await;
    a.round(&folder).await;
    b.round(&folder).await;
    assert_eq!(b.store.attachments(&m).await.unwrap().len(), 1);
    a.store
        .edit(&m, Edit::RemoveAttachment { id: att.id })
        .await
        .unwrap();
    a.round(&folder).await;
    b.round(&folder).await;
    assert!(b.store.attachments(&m).await.unwrap().is_empty());
    assert!(b.store.missing_blobs().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_file_attached_to_a_statement_removed_meanwhile_goes_with_it() {
    let (tmp, a, b, m) = pair().await;
    let folder = tmp.path().join("shared");
    a.round(&folder).await;
    b.round(&folder).await;
    // Offline: A removes the statement while B attaches a file to it.
    a.store
        .edit(&m, Edit::RemoveStatement { index: 0 })
        .await
        .unwrap();
    attach_pdf(&b, &m, DocumentKind::Statement, "orphan.pdf", b"o").await;
    a.round(&folder).await;
    b.round(&folder).await;
    let r = a.round(&folder).await;
    for n in [&a, &b] {
        assert!(n.store.attachments(&m).await.unwrap().is_empty());
        assert!(n.store.missing_blobs().await.unwrap().is_empty());
    }
    assert!(r.pending_blobs.is_empty(), "{r:#?}");
}

#[tokio::test]
async fn a_damaged_blob_in_the_folder_is_rewritten_by_its_owner() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    fs::create_dir(&folder).unwrap();
    let options = rapporteur_sync::SyncOptions {
        full_scan_every: 3,
        ..Default::default()
    };
    let a = Node::with_options(&tmp.path().join("a"), options).await;
    let b = Node::open(&tmp.path().join("b")).await;
    let m = with_statement(&a).await;
    let pdf = noise(1 << 16, 5);
    let att = attach_pdf(&a, &m, DocumentKind::Statement, "flipped.pdf", &pdf).await;
    a.round(&folder).await;
    let path = folder_blob(&folder, &att.sha256);
    let mut bad = fs::read(&path).unwrap();
    bad[100] ^= 0x01;
    fs::write(&path, &bad).unwrap();

    let r = b.round(&folder).await;
    assert_eq!(r.pending_blobs[0].code, "blob_damaged", "{r:#?}");
    // A's next full scan verifies the blobs it holds and rewrites the damaged one.
    let mut rewritten = false;
    for _ in 0..3 {
        rewritten |= !a.round(&folder).await.sent_blobs.is_empty();
    }
    assert!(rewritten);
    let r = b.round(&folder).await;
    assert!(r.pending_blobs.is_empty(), "{r:#?}");
    let (_, got) = b.store.attachment_bytes(&m, &att.id).await.unwrap();
    assert!(got == pdf, "bytes differ");
}
