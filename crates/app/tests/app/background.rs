//! Background sync and the status the indicator shows: rounds run on their own once a folder is set, report
//! what they saw, and record failures without raising them.

use std::path::Path;
use std::time::Duration;

use rapporteur_app::{App, ErrorCode, Meeting, Settings, SyncStatus};

use crate::support::example;

async fn open(dir: &Path, name: &str) -> App {
    App::open(&dir.join(name)).await.unwrap()
}

async fn use_folder(app: &App, folder: &Path, interval_secs: u32) {
    let settings = Settings {
        sync_folder: Some(folder.display().to_string()),
        sync_interval_secs: interval_secs,
        ..app.settings().await.unwrap()
    };
    app.set_settings(&settings).await.unwrap();
}

/// Polls the status until `done` holds; fails with the last status after 20 s.
async fn wait_status(app: &App, what: &str, done: impl Fn(&SyncStatus) -> bool) -> SyncStatus {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let status = app.sync_status().await.unwrap();
        if done(&status) {
            return status;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for {what}; last status: {status:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn meeting(title: &str) -> Meeting {
    serde_json::from_value(serde_json::json!({
        "title": title, "kind": "briefing", "date": "2026-11-27", "language": "en", "status": "draft"
    }))
    .unwrap()
}

#[tokio::test]
async fn sync_now_needs_a_folder_and_status_starts_empty() {
    let dir = tempfile::tempdir().unwrap();
    let app = open(dir.path(), "a").await;
    let e = app.sync_now().await.unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert!(e.message.contains("sync_folder"), "{}", e.message);
    let status = app.sync_status().await.unwrap();
    assert_eq!(status.folder, None);
    assert_eq!(status.interval_secs, Settings::default().sync_interval_secs);
    assert!(!status.running && status.last_report.is_none() && status.last_error.is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn background_rounds_bring_in_other_replicas_work_and_report_it() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let a = open(dir.path(), "a").await;
    let b = open(dir.path(), "b").await;
    b.set_replica_name("Geneva laptop").await.unwrap();
    let id = example(&b).await;
    b.sync_round(&folder).await.unwrap();

    // Nothing happens until a folder is set.
    let background = tokio::spawn(a.clone().background_sync());
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(a.sync_status().await.unwrap().last_finished_at.is_none());

    use_folder(&a, &folder, 5).await;
    let status = wait_status(&a, "the first round", |s| s.changes_applied == 1).await;
    assert!(status.last_error.is_none());
    let report = status.last_report.expect("a report");
    assert!(!report.received.is_empty());
    assert_eq!(report.replicas_seen.len(), 1);
    assert_eq!(
        report.replicas_seen[0].name.as_deref(),
        Some("Geneva laptop")
    );
    assert_eq!(
        a.record(&id).await.unwrap().meeting.title,
        "Network Briefing to Member States"
    );

    // A later change by B arrives by itself within the interval.
    let second = b.create_meeting(meeting("Second briefing")).await.unwrap();
    b.sync_round(&folder).await.unwrap();
    wait_status(&a, "the second change", |s| s.changes_applied == 2).await;
    assert_eq!(
        a.record(&second).await.unwrap().meeting.title,
        "Second briefing"
    );

    // And A's own work goes out without anyone pressing a button.
    let third = a.create_meeting(meeting("Written on A")).await.unwrap();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while b.record(&third).await.is_err() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "A's meeting never reached B"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
        b.sync_round(&folder).await.unwrap();
    }
    background.abort();
}

#[tokio::test]
async fn damaged_files_are_reported_by_name_and_failures_do_not_stop_the_next_round() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let a = open(dir.path(), "a").await;
    let b = open(dir.path(), "b").await;
    example(&b).await;
    b.sync_round(&folder).await.unwrap();
    let replica = b.replica().await.unwrap().id;
    let replica_dir = folder.join("rapporteur/v1/replicas").join(&replica);
    let first = std::fs::read_dir(&replica_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "upd"))
        .expect("B wrote an update file");
    let bytes = std::fs::read(&first).unwrap();
    std::fs::write(&first, &bytes[..bytes.len() / 2]).unwrap();

    use_folder(&a, &folder, 60).await;
    a.sync_now().await.unwrap();
    let status = a.sync_status().await.unwrap();
    let skipped = &status.last_report.as_ref().unwrap().skipped;
    let name = first.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        skipped
            .iter()
            .any(|s| s.file.ends_with(&name) && s.code == "truncated"),
        "{skipped:?}"
    );

    // The folder vanishes (an unmounted drive): the round fails, the status says why, local work goes on.
    let moved = dir.path().join("unmounted");
    std::fs::rename(&folder, &moved).unwrap();
    let e = a.sync_now().await.unwrap_err();
    let status = a.sync_status().await.unwrap();
    assert_eq!(status.last_error.as_ref(), Some(&e));
    assert_eq!(e.code, ErrorCode::Sync);
    assert!(
        status.last_report.is_some(),
        "the last good report stays visible"
    );
    a.create_meeting(meeting("Offline work")).await.unwrap();

    // It comes back, repaired: the next round completes and clears the error.
    std::fs::rename(&moved, &folder).unwrap();
    std::fs::write(&first, &bytes).unwrap();
    let report = a.sync_now().await.unwrap();
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let status = a.sync_status().await.unwrap();
    assert!(status.last_error.is_none());
    assert_eq!(status.last_ok_at, status.last_finished_at);
}

/// The counter the UI refreshes on grows when attachment bytes arrive, not on rounds that change nothing.
#[tokio::test]
async fn changes_applied_counts_arriving_attachment_bytes_and_not_quiet_rounds() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let a = open(dir.path(), "a").await;
    let b = open(dir.path(), "b").await;
    let id = example(&a).await;
    let pdf = dir.path().join("speech.pdf");
    std::fs::write(&pdf, b"%PDF-1.4 not really").unwrap();
    a.attach_file(&id, rapporteur_app::DocumentKind::Summary, 0, &pdf)
        .await
        .unwrap();
    a.sync_round(&folder).await.unwrap();
    // The blob has not reached B's copy of the folder yet.
    let blobs = folder.join("rapporteur/v1/blobs");
    let away = dir.path().join("blobs-away");
    std::fs::rename(&blobs, &away).unwrap();
    use_folder(&b, &folder, 3600).await;
    let r = b.sync_now().await.unwrap();
    assert_eq!(r.pending_blobs.len(), 1, "{r:#?}");
    assert_eq!(b.sync_status().await.unwrap().changes_applied, 1);
    b.sync_now().await.unwrap();
    assert_eq!(
        b.sync_status().await.unwrap().changes_applied,
        1,
        "a round that changed nothing"
    );
    std::fs::rename(&away, &blobs).unwrap();
    let r = b.sync_now().await.unwrap();
    assert_eq!(r.received_blobs.len(), 1, "{r:#?}");
    assert_eq!(b.sync_status().await.unwrap().changes_applied, 2);
}
