//! Document history: versions with time and replica, text at a version, diff, restore.

use rapporteur_core::DocumentKind;
use rapporteur_store::{DocVersion, Edit, StoreError};

use crate::common::*;
use crate::sync::exchange;

#[tokio::test]
async fn versions_diff_and_restore() {
    let (_dir, s) = store().await;
    s.set_replica_name("Geneva laptop").await.unwrap();
    let id = s.import_record(&fixture()).await.unwrap();
    let k = DocumentKind::Summary;
    s.doc_set(&id, k, 0, "One.\n").await.unwrap();
    // Edits to other parts of the meeting are not versions of the summary.
    s.edit(
        &id,
        Edit::SetGroup {
            category: rapporteur_core::Category::Other,
            label: None,
            count: Some(2),
        },
    )
    .await
    .unwrap();
    s.doc_set(&id, k, 0, "One.\nTwo.\n").await.unwrap();
    s.doc_set(&id, k, 0, "One!\nTwo.\nThree.\n").await.unwrap();

    let h = s.doc_history(&id, k, 0).await.unwrap();
    assert_eq!(h.len(), 3, "{h:?}");
    assert!(h.iter().all(|v| v.replica_name == "Geneva laptop"));
    assert!(
        h.iter()
            .all(|v| chrono::DateTime::parse_from_rfc3339(&v.time).is_ok()),
        "{h:?}"
    );
    assert_eq!(h[0].op.as_deref(), Some("set_document"));
    assert_eq!(
        s.doc_at(&id, k, 0, &h[0].version_id).await.unwrap(),
        "One.\n"
    );
    assert_eq!(
        s.doc_at(&id, k, 0, &h[1].version_id).await.unwrap(),
        "One.\nTwo.\n"
    );

    let diff = s
        .doc_diff(&id, k, 0, &h[0].version_id, &h[2].version_id)
        .await
        .unwrap();
    assert!(
        diff.contains("-One.\n") && diff.contains("+One!\n") && diff.contains("+Three.\n"),
        "{diff}"
    );
    assert!(diff.contains(" Two.") || diff.contains("+Two."), "{diff}");
    let from_empty = s.doc_diff(&id, k, 0, "", "current").await.unwrap();
    assert!(from_empty.contains("+Three.\n"), "{from_empty}");

    let r = s.doc_restore(&id, k, 0, &h[0].version_id).await.unwrap();
    assert_eq!(r.documents[0].body, "One.\n");
    let h2 = s.doc_history(&id, k, 0).await.unwrap();
    assert_eq!(h2.len(), 4, "restoring adds a version and loses none");
    assert_eq!(h2[3].op.as_deref(), Some("doc_restore"));
    assert_eq!(
        s.doc_at(&id, k, 0, &h2[2].version_id).await.unwrap(),
        "One!\nTwo.\nThree.\n"
    );

    // Statements have their own history, from their creation at import.
    let st = s
        .doc_history(&id, DocumentKind::Statement, 0)
        .await
        .unwrap();
    assert_eq!(st.len(), 1);
    assert_eq!(st[0].op.as_deref(), Some("import"));

    for bad in ["", "garbage", "1@2", "x@y,3"] {
        let e = s.doc_at(&id, k, 0, bad).await.unwrap_err();
        assert!(matches!(e, StoreError::BadVersion { .. }), "{bad:?}: {e}");
    }
    assert!(matches!(
        s.doc_history(&id, DocumentKind::Statement, 3).await,
        Err(StoreError::NotFound { .. })
    ));
}

#[tokio::test]
async fn history_names_the_replica_that_made_each_change() {
    let (_da, a) = store().await;
    let (_db, b) = store().await;
    a.set_replica_name("Geneva").await.unwrap();
    b.set_replica_name("New York").await.unwrap();
    let id = a.import_record(&fixture()).await.unwrap();
    a.doc_set(&id, DocumentKind::Summary, 0, "A wrote this.\n")
        .await
        .unwrap();
    exchange(&a, &b).await;
    b.doc_set(
        &id,
        DocumentKind::Summary,
        0,
        "A wrote this.\nB added this.\n",
    )
    .await
    .unwrap();
    exchange(&a, &b).await;
    let h = a.doc_history(&id, DocumentKind::Summary, 0).await.unwrap();
    let names: Vec<&str> = h.iter().map(|v| v.replica_name.as_str()).collect();
    assert_eq!(names, ["Geneva", "New York"]);
    // Each replica sees the same versions; "came by sync" is told from where the reader stands.
    let hb = b.doc_history(&id, DocumentKind::Summary, 0).await.unwrap();
    let synced = |h: &[DocVersion]| h.iter().map(|v| v.synced).collect::<Vec<_>>();
    assert_eq!(synced(&h), [false, true], "on Geneva");
    assert_eq!(synced(&hb), [true, false], "on New York");
    let mine = |h: &[DocVersion]| {
        h.iter()
            .map(|v| DocVersion {
                synced: false,
                ..v.clone()
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(mine(&hb), mine(&h));
}
