//! A real file-sync tool between two folders: rsync copies while both replicas write, in both directions, one
//! of them `--inplace` so that readers also meet half-copied files. Requires the `rsync` package.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rapporteur_core::{Category, DocumentKind, Party};
use rapporteur_store::Edit;

use crate::common::{Node, meeting};

/// `busy`: replicas are writing meanwhile, so files may vanish or change under rsync (exit codes 23 and 24).
fn rsync(from: &Path, to: &Path, inplace: bool, busy: bool) {
    let mut cmd = Command::new("rsync");
    cmd.arg("-a");
    if inplace {
        cmd.arg("--inplace");
    }
    let status = cmd
        .arg(format!("{}/", from.display()))
        .arg(format!("{}/", to.display()))
        .status()
        .expect("rsync is installed (apt-get install rsync)");
    let tolerated = busy && matches!(status.code(), Some(23 | 24));
    assert!(status.success() || tolerated, "rsync failed: {status}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn converges_through_rsync_while_both_write() {
    let tmp = tempfile::tempdir().unwrap();
    let (fa, fb) = (tmp.path().join("folder-a"), tmp.path().join("folder-b"));
    fs::create_dir(&fa).unwrap();
    fs::create_dir(&fb).unwrap();
    let a = Node::open(&tmp.path().join("a")).await;
    let b = Node::open(&tmp.path().join("b")).await;
    let m = a
        .store
        .create_meeting(meeting("Synced by rsync"))
        .await
        .unwrap();
    a.store
        .doc_set(&m, DocumentKind::Summary, 0, "Opening.\n\nClosing.")
        .await
        .unwrap();
    a.round(&fa).await;
    rsync(&fa, &fb, false, false);
    b.round(&fb).await;

    let stop = Arc::new(AtomicBool::new(false));
    let copier = {
        let (stop, fa, fb) = (stop.clone(), fa.clone(), fb.clone());
        std::thread::spawn(move || {
            let mut passes = 0;
            while !stop.load(Ordering::Relaxed) {
                rsync(&fa, &fb, true, true);
                rsync(&fb, &fa, false, true);
                passes += 1;
            }
            passes
        })
    };
    for i in 0..25 {
        for (n, f, who) in [(&a, &fa, "A"), (&b, &fb, "B")] {
            let speaker = Party::named(format!("{who}-{i}"), Category::CivilSociety);
            n.store
                .edit(&m, Edit::AddIntervention { speaker, at: None })
                .await
                .unwrap();
            n.round(f).await;
        }
    }
    stop.store(true, Ordering::Relaxed);
    assert!(copier.join().unwrap() > 0);
    rsync(&fa, &fb, false, false);
    rsync(&fb, &fa, false, false);
    for _ in 0..2 {
        a.round(&fa).await;
        b.round(&fb).await;
        rsync(&fa, &fb, false, false);
        rsync(&fb, &fa, false, false);
    }
    a.round(&fa).await;
    b.round(&fb).await;
    assert_eq!(a.state().await, b.state().await);
    let record = a.store.record(&m).await.unwrap();
    assert_eq!(record.interventions.0.len(), 50);
}
