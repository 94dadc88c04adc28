//! Attachments: references in the document, bytes as local content-addressed blobs.

use rapporteur_core::DocumentKind;
use rapporteur_store::{Edit, MAX_ATTACHMENT_BYTES, StoreError, sha256_hex};

use crate::common::{fixture, store};

fn pdf_bytes(n: usize, seed: u8) -> Vec<u8> {
    (0..n)
        .map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed))
        .collect()
}

#[tokio::test]
async fn attach_list_and_remove() {
    let (dir, s) = store().await;
    let id = s.import_record(&fixture()).await.unwrap();
    let bytes = pdf_bytes(200_000, 7);
    let a = s
        .attach(
            &id,
            DocumentKind::Statement,
            0,
            "statement.pdf",
            "application/pdf",
            &bytes,
        )
        .await
        .unwrap();
    assert_eq!(a.sha256, sha256_hex(&bytes));
    assert_eq!(
        (a.size, a.doc_kind, a.doc_index),
        (200_000, DocumentKind::Statement, 0)
    );
    assert!(a.available);
    // Stored by digest, byte for byte.
    let blob = dir.path().join("blobs").join(&a.sha256);
    assert_eq!(std::fs::read(&blob).unwrap(), bytes);
    let s2 = s
        .attach(
            &id,
            DocumentKind::Summary,
            0,
            "annex.txt",
            "text/plain",
            b"annex",
        )
        .await
        .unwrap();
    assert_eq!(
        s.attachments(&id).await.unwrap(),
        vec![a.clone(), s2.clone()]
    );
    let (_, got) = s.attachment_bytes(&id, &a.id).await.unwrap();
    assert_eq!(got, bytes);
    // The interchange record is unchanged by attachments.
    let before = s.record(&id).await.unwrap();
    assert_eq!(before.documents.len(), fixture().documents.len());

    s.edit(&id, Edit::RemoveAttachment { id: a.id.clone() })
        .await
        .unwrap();
    assert_eq!(s.attachments(&id).await.unwrap(), vec![s2]);
    let e = s
        .edit(&id, Edit::RemoveAttachment { id: a.id.clone() })
        .await
        .unwrap_err();
    assert_eq!(e.code(), "not_found");
}

#[tokio::test]
async fn removing_a_statement_removes_its_attachments() {
    let (_dir, s) = store().await;
    let id = s.import_record(&fixture()).await.unwrap();
    s.edit(
        &id,
        Edit::AddStatement {
            title: None,
            speaker: None,
        },
    )
    .await
    .unwrap();
    s.attach(
        &id,
        DocumentKind::Statement,
        0,
        "a.pdf",
        "application/pdf",
        b"a",
    )
    .await
    .unwrap();
    let kept = s
        .attach(
            &id,
            DocumentKind::Statement,
            1,
            "b.pdf",
            "application/pdf",
            b"b",
        )
        .await
        .unwrap();
    s.edit(&id, Edit::RemoveStatement { index: 0 })
        .await
        .unwrap();
    let left = s.attachments(&id).await.unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(
        (left[0].id.as_str(), left[0].doc_index),
        (kept.id.as_str(), 0)
    );
    assert_eq!(s.missing_blobs().await.unwrap(), vec![]);
}

#[tokio::test]
async fn a_tampered_local_blob_is_detected_and_dropped() {
    let (dir, s) = store().await;
    let id = s.import_record(&fixture()).await.unwrap();
    let a = s
        .attach(
            &id,
            DocumentKind::Summary,
            0,
            "statement.pdf",
            "application/pdf",
            b"original",
        )
        .await
        .unwrap();
    let blob = dir.path().join("blobs").join(&a.sha256);
    std::fs::write(&blob, b"tampered").unwrap();
    let e = s.attachment_bytes(&id, &a.id).await.unwrap_err();
    assert_eq!(e.code(), "blob_damaged", "{e}");
    assert!(e.to_string().contains("statement.pdf"), "{e}");
    // Dropped, so sync sees it as missing and fetches it again.
    assert!(!blob.exists());
    let missing = s.missing_blobs().await.unwrap();
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].sha256, a.sha256);
    let e = s.attachment_bytes(&id, &a.id).await.unwrap_err();
    assert_eq!(e.code(), "blob_missing", "{e}");
}

#[tokio::test]
async fn limits_and_bad_targets_are_refused() {
    let (_dir, s) = store().await;
    let id = s.import_record(&fixture()).await.unwrap();
    let big = vec![0u8; MAX_ATTACHMENT_BYTES as usize + 1];
    let e = s
        .attach(
            &id,
            DocumentKind::Summary,
            0,
            "huge.pdf",
            "application/pdf",
            &big,
        )
        .await
        .unwrap_err();
    assert!(matches!(e, StoreError::TooLarge { .. }), "{e}");
    assert!(e.to_string().contains("huge.pdf"), "{e}");
    let e = s
        .attach(
            &id,
            DocumentKind::Statement,
            99,
            "x.pdf",
            "application/pdf",
            b"x",
        )
        .await
        .unwrap_err();
    assert_eq!(e.code(), "not_found");
    let e = s
        .attach(
            &id,
            DocumentKind::Summary,
            0,
            "../x.pdf",
            "application/pdf",
            b"x",
        )
        .await
        .unwrap_err();
    assert_eq!(e.code(), "invalid");
    assert!(s.attachments(&id).await.unwrap().is_empty());
}

#[tokio::test]
async fn blobs_to_send_follow_the_marks() {
    let (_dir, s) = store().await;
    let id = s.import_record(&fixture()).await.unwrap();
    let a = s
        .attach(
            &id,
            DocumentKind::Summary,
            0,
            "a.pdf",
            "application/pdf",
            b"a",
        )
        .await
        .unwrap();
    // The same bytes attached twice are one blob.
    s.attach(
        &id,
        DocumentKind::Statement,
        0,
        "copy.pdf",
        "application/pdf",
        b"a",
    )
    .await
    .unwrap();
    let todo = s.blobs_to_send(false).await.unwrap();
    assert_eq!(todo.len(), 1);
    assert_eq!(todo[0].sha256, a.sha256);
    s.mark_blob_in_folder(&a.sha256).await.unwrap();
    assert!(s.blobs_to_send(false).await.unwrap().is_empty());
    assert_eq!(s.blobs_to_send(true).await.unwrap().len(), 1);
    // A deleted meeting's attachments are no longer referenced.
    s.delete_meeting(&id).await.unwrap();
    assert!(s.blobs_to_send(true).await.unwrap().is_empty());
}
