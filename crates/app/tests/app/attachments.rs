//! Attachments through the facade: attach a file, sync it, save it on the other replica.

use rapporteur_app::{App, DocumentKind, ErrorCode, Replace};

use crate::support::{app, example};

#[tokio::test]
async fn a_statement_pdf_travels_and_is_saved_byte_identical() {
    let (tmp, a) = app().await;
    let b = App::open(&tmp.path().join("data-b")).await.unwrap();
    let folder = tmp.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let m = example(&a).await;
    let pdf: Vec<u8> = (0..2_000_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let src = tmp.path().join("Statement of Norway.pdf");
    std::fs::write(&src, &pdf).unwrap();
    let att = a
        .attach_file(&m, DocumentKind::Statement, 0, &src)
        .await
        .unwrap();
    assert_eq!(
        (att.name.as_str(), att.media_type.as_str(), att.size),
        ("Statement of Norway.pdf", "application/pdf", 2_000_000)
    );
    let out = tmp.path().join("saved.pdf");
    a.sync_round(&folder).await.unwrap();
    let r = b.sync_round(&folder).await.unwrap();
    assert!(r.pending_blobs.is_empty(), "{r:#?}");
    let listed = b.attachments(&m).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert!(listed[0].available);
    b.save_attachment(&m, &att.id, &out, Replace::Never)
        .await
        .unwrap();
    assert!(std::fs::read(&out).unwrap() == pdf, "bytes differ");

    a.remove_attachment(&m, &att.id).await.unwrap();
    a.sync_round(&folder).await.unwrap();
    b.sync_round(&folder).await.unwrap();
    assert!(b.attachments(&m).await.unwrap().is_empty());
}

#[tokio::test]
async fn saving_before_the_bytes_arrive_says_so() {
    let (tmp, a) = app().await;
    let b = App::open(&tmp.path().join("data-b")).await.unwrap();
    let folder = tmp.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let m = example(&a).await;
    let src = tmp.path().join("annex.pdf");
    std::fs::write(&src, b"%PDF-1.7 annex").unwrap();
    let att = a
        .attach_file(&m, DocumentKind::Summary, 0, &src)
        .await
        .unwrap();
    a.sync_round(&folder).await.unwrap();
    // The blob is lost on its way (say, still copying); the reference arrived.
    let blob = folder.join("rapporteur/v1/blobs").join(&att.sha256);
    std::fs::remove_file(&blob).unwrap();
    let r = b.sync_round(&folder).await.unwrap();
    assert_eq!(r.pending_blobs.len(), 1);
    assert_eq!(r.pending_blobs[0].name, "annex.pdf");
    let out = tmp.path().join("out.pdf");
    let e = b
        .save_attachment(&m, &att.id, &out, Replace::Never)
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
    assert!(
        e.message.contains("annex.pdf") && e.message.contains("not arrived"),
        "{e}"
    );
    assert!(!out.exists());
}

#[tokio::test]
async fn missing_and_oversized_files_are_refused_by_name() {
    let (tmp, a) = app().await;
    let m = example(&a).await;
    let missing = tmp.path().join("nowhere.pdf");
    let e = a
        .attach_file(&m, DocumentKind::Summary, 0, &missing)
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Io);
    assert!(e.message.contains("nowhere.pdf"), "{e}");
    let big = tmp.path().join("big.pdf");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(rapporteur_app::MAX_ATTACHMENT_BYTES + 1).unwrap();
    let e = a
        .attach_file(&m, DocumentKind::Summary, 0, &big)
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::TooLarge);
    assert!(e.message.contains("big.pdf"), "{e}");
    assert!(a.attachments(&m).await.unwrap().is_empty());
}
