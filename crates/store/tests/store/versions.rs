//! Every save stays its own, stable version (across processes and sync), and reads do not replay
//! history.

use rapporteur_core::DocumentKind;
use rapporteur_store::DocVersion;

use crate::common::*;
use crate::sync::exchange;

const K: DocumentKind = DocumentKind::Summary;

/// Saves from separate opens of one data directory (separate processes) within the same second each
/// stay a version whose id and text never change, including a generated text overwriting a hand edit.
#[tokio::test]
async fn saves_from_separate_processes_stay_separate_versions() {
    let dir = tempfile::tempdir().unwrap();
    let id = {
        let s = open(dir.path()).await;
        s.import_record(&fixture()).await.unwrap()
    };
    let bodies = [
        "First draft.\n",
        "First draft, edited by hand.\n",
        "Generated summary, forced over the hand edit.\n",
        "Generated summary, forced over the hand edit.\nOne more line.\n",
    ];
    let mut seen: Vec<(String, &str)> = Vec::new();
    for body in bodies {
        let s = open(dir.path()).await;
        s.doc_set(&id, K, 0, body).await.unwrap();
        let h = s.doc_history(&id, K, 0).await.unwrap();
        seen.push((h.last().unwrap().version_id.clone(), body));
        s.close().await;
    }
    let s = open(dir.path()).await;
    let h = s.doc_history(&id, K, 0).await.unwrap();
    let ids: Vec<&str> = h.iter().map(|v| v.version_id.as_str()).collect();
    for (version, body) in &seen {
        assert!(ids.contains(&version.as_str()), "{version} lost: {h:?}");
        assert_eq!(s.doc_at(&id, K, 0, version).await.unwrap(), *body);
    }
    assert!(h.iter().all(|v| v.op.as_deref() != Some("")), "{h:?}");
    assert_eq!(h.last().unwrap().op.as_deref(), Some("set_document"));
}

/// Quick saves reach another replica as separate versions too (Loro folds imported changes of one
/// peer that share a second and a message).
#[tokio::test]
async fn quick_saves_stay_separate_through_sync() {
    let (_da, a) = store().await;
    let (_db, b) = store().await;
    let id = a.import_record(&fixture()).await.unwrap();
    exchange(&a, &b).await;
    for body in ["One.\n", "One.\nTwo.\n", "One.\nTwo.\nThree.\n"] {
        a.doc_set(&id, K, 0, body).await.unwrap();
    }
    exchange(&a, &b).await;
    let ha = a.doc_history(&id, K, 0).await.unwrap();
    let hb = b.doc_history(&id, K, 0).await.unwrap();
    // The same three versions, made on A: B sees each as having come by sync.
    assert!(ha.iter().all(|v| !v.synced) && hb.iter().all(|v| v.synced));
    let as_a = |h: Vec<DocVersion>| {
        h.into_iter()
            .map(|v| DocVersion { synced: false, ..v })
            .collect::<Vec<_>>()
    };
    assert_eq!(as_a(hb), ha);
    b.clear_cache().await;
    assert_eq!(as_a(b.doc_history(&id, K, 0).await.unwrap()), ha);
    let last3: Vec<String> = {
        let mut out = Vec::new();
        for v in &ha[ha.len() - 3..] {
            out.push(b.doc_at(&id, K, 0, &v.version_id).await.unwrap());
        }
        out
    };
    assert_eq!(last3, ["One.\n", "One.\nTwo.\n", "One.\nTwo.\nThree.\n"]);
}

#[tokio::test]
async fn saving_the_same_text_again_adds_no_version() {
    let (_d, s) = store().await;
    let id = s.import_record(&fixture()).await.unwrap();
    s.doc_set(&id, K, 0, "Same.\n").await.unwrap();
    let before = s.doc_history(&id, K, 0).await.unwrap();
    s.doc_set(&id, K, 0, "Same.\n").await.unwrap();
    s.clear_cache().await;
    s.doc_set(&id, K, 0, "Same.\n").await.unwrap();
    assert_eq!(s.doc_history(&id, K, 0).await.unwrap(), before);
}

#[tokio::test]
async fn a_summary_never_written_has_an_empty_history() {
    let (_d, s) = store().await;
    let mut record = fixture();
    record.documents.retain(|d| d.kind != DocumentKind::Summary);
    let id = s.import_record(&record).await.unwrap();
    assert_eq!(s.doc_get(&id, K, 0).await.unwrap(), "");
    assert!(s.doc_history(&id, K, 0).await.unwrap().is_empty());
    s.doc_set(&id, K, 0, "Now written.\n").await.unwrap();
    assert_eq!(s.doc_history(&id, K, 0).await.unwrap().len(), 1);
}

fn filler(bytes: usize, seed: u32) -> String {
    let mut out = String::with_capacity(bytes + 64);
    let mut n = seed;
    while out.len() < bytes {
        n = n.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        out.push_str(&format!("Paragraph {n} of the delegation's statement.\n"));
    }
    out
}

/// Reading a meeting whose summary was replaced by large texts decodes one snapshot: no stored
/// update is replayed (a replay rebuilds the text's CRDT tracker from its whole history).
#[tokio::test]
async fn reads_after_heavy_replacements_do_not_replay_history() {
    let dir = tempfile::tempdir().unwrap();
    let (id, last) = {
        let s = open(dir.path()).await;
        let id = s.import_record(&fixture()).await.unwrap();
        for (size, seed) in [(400_000, 1), (100_000, 2), (30_000, 3)] {
            s.doc_set(&id, K, 0, &filler(size, seed)).await.unwrap();
        }
        (id, filler(30_000, 3))
    };
    let s = open(dir.path()).await;
    let record = s.record(&id).await.unwrap();
    assert_eq!(record.documents[0].body, last);
    assert_eq!(s.doc_history(&id, K, 0).await.unwrap().len(), 3);
    assert_eq!(s.replayed_updates(), 0);
    // A write through another open leaves nothing to replay either.
    let other = open(dir.path()).await;
    other.doc_set(&id, K, 0, "Short now.\n").await.unwrap();
    s.clear_cache().await;
    assert_eq!(s.doc_get(&id, K, 0).await.unwrap(), "Short now.\n");
    assert_eq!(s.replayed_updates(), 0);
}
