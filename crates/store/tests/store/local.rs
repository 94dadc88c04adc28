//! Private notes, settings and the replica identity: local only, never in a Loro document.

use rapporteur_core::DocumentKind;
use std::collections::BTreeMap;

use rapporteur_store::{MeetingNotes, StoreError};

use crate::common::*;

#[tokio::test]
async fn private_notes_never_enter_the_synced_document() {
    let (dir, s) = store().await;
    let id = s.import_record(&fixture()).await.unwrap();
    let iv = s.record(&id).await.unwrap().interventions.0[0]
        .id
        .clone()
        .unwrap();
    let secret = "PRIVATE-NOTE-Ecuador-seemed-uneasy";
    let secret_iv = "PRIVATE-NOTE-follow-up-with-delegate";
    s.notes_set(&id, None, secret).await.unwrap();
    s.notes_set(&id, Some(&iv), secret_iv).await.unwrap();
    s.doc_set(&id, DocumentKind::Summary, 0, "Public text.")
        .await
        .unwrap();
    assert_eq!(s.notes_get(&id, None).await.unwrap(), secret);
    assert_eq!(s.notes_get(&id, Some(&iv)).await.unwrap(), secret_iv);

    let all = s.export_updates_since(&id, &[]).await.unwrap().unwrap();
    let snapshot = s.export_snapshot(&id).await.unwrap();
    for bytes in [&all.payload, &snapshot.payload] {
        let doc = loro::LoroDoc::new();
        doc.import(bytes).unwrap();
        let everything = serde_json::to_string(&doc.get_deep_value()).unwrap();
        assert!(
            everything.contains("Public text."),
            "the check can see document text"
        );
        assert!(!everything.contains("PRIVATE-NOTE"), "{everything}");
        assert!(!bytes.windows(12).any(|w| w == b"PRIVATE-NOTE"));
    }
    // Nor the search index.
    assert!(s.search("PRIVATE", 10).await.unwrap().is_empty());

    s.notes_set(&id, None, "").await.unwrap();
    assert_eq!(s.notes_get(&id, None).await.unwrap(), "");
    let e = s.notes_set(&id, Some("nope"), "x").await.unwrap_err();
    assert!(matches!(
        e,
        StoreError::NotFound {
            kind: "intervention",
            ..
        }
    ));
    assert!(s.notes_set("missing", None, "x").await.is_err());
    drop(dir);
}

#[tokio::test]
async fn notes_all_returns_every_note_of_one_meeting() {
    let (dir, s) = store().await;
    let id = s.import_record(&fixture()).await.unwrap();
    let other = s.import_record(&fixture()).await.unwrap();
    assert_eq!(s.notes_all(&id).await.unwrap(), MeetingNotes::default());
    let ivs: Vec<String> = s.record(&id).await.unwrap().interventions.0[..3]
        .iter()
        .map(|iv| iv.id.clone().unwrap())
        .collect();
    s.notes_set(&id, None, "on the meeting").await.unwrap();
    s.notes_set(&id, Some(&ivs[0]), "on the first")
        .await
        .unwrap();
    s.notes_set(&id, Some(&ivs[2]), "on the third")
        .await
        .unwrap();
    s.notes_set(&id, Some(&ivs[1]), "cleared").await.unwrap();
    s.notes_set(&id, Some(&ivs[1]), "").await.unwrap();
    s.notes_set(&other, None, "another meeting's")
        .await
        .unwrap();

    let all = s.notes_all(&id).await.unwrap();
    assert_eq!(all.meeting, "on the meeting");
    assert_eq!(
        all.interventions,
        BTreeMap::from([
            (ivs[0].clone(), "on the first".to_owned()),
            (ivs[2].clone(), "on the third".to_owned()),
        ])
    );
    assert_eq!(
        s.notes_all(&other).await.unwrap().meeting,
        "another meeting's"
    );
    assert!(s.notes_all(&other).await.unwrap().interventions.is_empty());
    drop(dir);
}

#[tokio::test]
async fn settings_and_replica_persist() {
    let dir = tempfile::tempdir().unwrap();
    let replica = {
        let s = open(dir.path()).await;
        assert_eq!(s.setting_get::<String>("sync.folder").await.unwrap(), None);
        s.setting_set("sync.folder", "/mnt/share").await.unwrap();
        s.setting_set("sync.interval_s", &60u32).await.unwrap();
        assert!(!s.replica().name.is_empty());
        let r = s.set_replica_name("  Geneva laptop ").await.unwrap();
        assert_eq!(r.name, "Geneva laptop");
        assert!(s.set_replica_name(" ").await.is_err());
        s.close().await;
        r
    };
    let s = open(dir.path()).await;
    // The same installation, writing under a fresh Loro peer id in this session.
    assert_eq!(
        (s.replica().id, s.replica().name),
        (replica.id.clone(), replica.name)
    );
    assert_ne!(s.replica().peer, replica.peer);
    assert_eq!(
        s.setting_get::<String>("sync.folder")
            .await
            .unwrap()
            .as_deref(),
        Some("/mnt/share")
    );
    assert_eq!(
        s.setting_get::<u32>("sync.interval_s").await.unwrap(),
        Some(60)
    );
    let e = s.setting_get::<u32>("sync.folder").await.unwrap_err();
    assert!(e.to_string().contains("sync.folder"), "{e}");
    let (_other_dir, other) = store().await;
    assert_ne!(other.replica().id, replica.id);
}
