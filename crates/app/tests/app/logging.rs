//! The log: a sync round is recorded in the data directory's log file, with counts and ids but never the
//! text of a document.

use rapporteur_app::{App, DocumentKind};

use crate::support::example;

#[tokio::test]
async fn a_round_is_logged_without_the_text_of_any_document() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let folder = tmp.path().join("shared");
    std::fs::create_dir_all(&folder).unwrap();
    let _log =
        tracing::subscriber::set_default(rapporteur_app::logging::file_subscriber(&data).unwrap());
    let app = App::open(&data).await.unwrap();
    let id = example(&app).await;
    app.doc_set(
        &id,
        DocumentKind::Summary,
        0,
        "CONFIDENTIAL-SENTENCE in the summary.\n",
    )
    .await
    .unwrap();
    app.sync_round(&folder).await.unwrap();

    let dir = rapporteur_app::logging::log_dir(&data);
    let log: String = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(log.contains("sync round"), "{log}");
    assert!(log.contains("sent=1"), "{log}");
    assert!(!log.contains("CONFIDENTIAL-SENTENCE"), "{log}");
}
