//! A real file-sync tool in the loop: two Syncthing instances (Debian's `syncthing`, installed by
//! `scripts/setup.sh`) on 127.0.0.1, each with its own `--home`, sharing one folder; each replica syncs
//! through its own instance's copy of it, with random edits and random pauses. Everything converges and
//! nothing is lost; Syncthing's temporary files and its `.sync-conflict-` copies are left alone and reported.
//!
//! The instances talk only to each other: listen and GUI addresses on 127.0.0.1, global and local discovery,
//! relays, NAT traversal, usage reporting, crash reporting and upgrades off.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use rapporteur_core::{Category, Party};
use rapporteur_store::Edit;
use rapporteur_sync::{Location, SyncOptions};

use crate::common::{Node, meeting, replica_dir};
use crate::servers::free_port;

/// One Syncthing instance, killed when dropped.
struct Syncthing(Child);

impl Drop for Syncthing {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn syncthing() -> Command {
    let mut c = Command::new("syncthing");
    c.env("STNOUPGRADE", "1").stdin(Stdio::null());
    c
}

/// Generates `home`'s keys and returns the device id.
fn generate(home: &Path) -> String {
    let ok = syncthing()
        .args(["generate", "--no-default-folder", "--skip-port-probing"])
        .arg(format!("--home={}", home.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap_or_else(|e| panic!("cannot run syncthing ({e}): run scripts/setup.sh"));
    assert!(ok.success(), "syncthing generate failed");
    let out = syncthing()
        .args(["serve", "--device-id"])
        .arg(format!("--home={}", home.display()))
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

/// `home/config.xml` for an instance listening on `listen`, sharing `dir` with every device in `devices`
/// (id and listening port).
fn config(home: &Path, dir: &Path, listen: u16, devices: &[(String, u16)]) {
    let members: String = devices
        .iter()
        .map(|(id, _)| format!("<device id=\"{id}\"></device>"))
        .collect();
    let peers: String = devices
        .iter()
        .map(|(id, port)| {
            format!("<device id=\"{id}\"><address>tcp://127.0.0.1:{port}</address></device>")
        })
        .collect();
    let gui = free_port();
    let xml = format!(
        "<configuration version=\"36\">\n\
         <folder id=\"meetings\" path=\"{dir}\" type=\"sendreceive\" rescanIntervalS=\"2\" \
         fsWatcherEnabled=\"true\" fsWatcherDelayS=\"1\" ignorePerms=\"true\">{members}</folder>\n\
         {peers}\n\
         <gui enabled=\"true\" tls=\"false\"><address>127.0.0.1:{gui}</address></gui>\n\
         <options><listenAddress>tcp://127.0.0.1:{listen}</listenAddress>\
         <globalAnnounceEnabled>false</globalAnnounceEnabled><localAnnounceEnabled>false</localAnnounceEnabled>\
         <relaysEnabled>false</relaysEnabled><natEnabled>false</natEnabled><urAccepted>-1</urAccepted>\
         <crashReportingEnabled>false</crashReportingEnabled><autoUpgradeIntervalH>0</autoUpgradeIntervalH>\
         <startBrowser>false</startBrowser><reconnectionIntervalS>1</reconnectionIntervalS></options>\n\
         </configuration>\n",
        dir = dir.display(),
    );
    std::fs::write(home.join("config.xml"), xml).unwrap();
}

/// Two instances sharing a folder; returns them and their two copies of it.
fn two_instances(tmp: &Path) -> (Vec<Syncthing>, Vec<PathBuf>) {
    let homes: Vec<PathBuf> = (0..2).map(|i| tmp.join(format!("st-home-{i}"))).collect();
    let dirs: Vec<PathBuf> = (0..2).map(|i| tmp.join(format!("st-copy-{i}"))).collect();
    let devices: Vec<(String, u16)> = homes.iter().map(|h| (generate(h), free_port())).collect();
    let mut running = Vec::new();
    for i in 0..2 {
        // The marker Syncthing wants in a folder it shares (so an unmounted drive is never taken as empty).
        std::fs::create_dir_all(dirs[i].join(".stfolder")).unwrap();
        config(&homes[i], &dirs[i], devices[i].1, &devices);
        let child = syncthing()
            .args(["serve", "--no-browser", "--no-restart", "--no-upgrade"])
            .arg(format!("--home={}", homes[i].display()))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        running.push(Syncthing(child));
    }
    (running, dirs)
}

/// A small deterministic generator, so a failure can be replayed.
fn next(state: &mut u64) -> u64 {
    *state = state
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *state >> 33
}

fn names(n: &rapporteur_core::MeetingRecord) -> BTreeSet<String> {
    n.interventions
        .0
        .iter()
        .filter_map(|i| i.speaker.name.clone())
        .collect()
}

/// Rounds on both replicas, with pauses, until `done` holds for them (Syncthing needs its seconds).
async fn rounds_until(
    nodes: &[Node],
    locs: &[Location],
    what: &str,
    done: impl AsyncFnMut() -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut done = done;
    loop {
        for (n, l) in nodes.iter().zip(locs) {
            let r = n.round_at(l).await;
            assert_eq!(r.write_error, None);
        }
        if done().await {
            return;
        }
        assert!(Instant::now() < deadline, "not within 30 s: {what}");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_through_two_syncthing_copies_converge_and_its_files_are_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let (_instances, dirs) = two_instances(tmp.path());
    let locs: Vec<Location> = dirs.iter().map(|d| Location::folder(d)).collect();
    // Every round lists every replica's folder, so what Syncthing leaves there is reported each time.
    let options = SyncOptions {
        full_scan_every: 1,
        ..SyncOptions::default()
    };
    let nodes = [
        Node::with_options(&tmp.path().join("a"), options.clone()).await,
        Node::with_options(&tmp.path().join("b"), options).await,
    ];
    let m = nodes[0]
        .store
        .create_meeting(meeting("Through Syncthing"))
        .await
        .unwrap();
    rounds_until(&nodes, &locs, "the meeting reaches b", async || {
        nodes[1].store.record(&m).await.is_ok()
    })
    .await;

    // Random edits on either side, each followed by a round, with random pauses.
    let mut rng = 0x5eed_u64;
    let mut edits = BTreeSet::new();
    let mut meetings = 1;
    for k in 0..16 {
        let i = (next(&mut rng) % 2) as usize;
        let n = &nodes[i];
        let name = format!("edit-{i}-{k}");
        let speaker = Party::named(&name, Category::CivilSociety);
        n.store
            .edit(&m, Edit::AddIntervention { speaker, at: None })
            .await
            .unwrap();
        edits.insert(name);
        if next(&mut rng).is_multiple_of(4) {
            n.store
                .create_meeting(meeting(&format!("By {i} at {k}")))
                .await
                .unwrap();
            meetings += 1;
        }
        let r = n.round_at(&locs[i]).await;
        assert_eq!(r.write_error, None);
        tokio::time::sleep(Duration::from_millis(next(&mut rng) % 400)).await;
    }
    rounds_until(&nodes, &locs, "both replicas hold every edit", async || {
        let mut all = true;
        for n in &nodes {
            all &= n.store.list_meetings().await.unwrap().len() == meetings
                && edits.is_subset(&names(&n.store.record(&m).await.unwrap()));
        }
        all && nodes[0].state().await == nodes[1].state().await
    })
    .await;

    // Syncthing's temporary of a file it is still fetching (in b's copy), and a conflicted copy it made of
    // a's file (carried from a's copy to b's by Syncthing itself): b's round names both and reads neither.
    let a_dir = |copy: &Path| replica_dir(copy, &nodes[0].id());
    let temporary = ".syncthing.99.upd.tmp";
    let conflict = "1.sync-conflict-20261206-101010-ABCDEFG.upd";
    std::fs::write(a_dir(&dirs[1]).join(temporary), b"half a file").unwrap();
    std::fs::copy(
        a_dir(&dirs[0]).join("1.upd"),
        a_dir(&dirs[0]).join(conflict),
    )
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while !a_dir(&dirs[1]).join(conflict).exists() {
        assert!(
            Instant::now() < deadline,
            "Syncthing did not carry the conflicted copy"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let before = nodes[1].state().await;
    let r = nodes[1].round_at(&locs[1]).await;
    let id = nodes[0].id();
    for name in [temporary, conflict] {
        let shown = format!("replicas/{id}/{name}");
        assert!(r.ignored.contains(&shown), "{shown} not reported: {r:#?}");
    }
    assert!(r.skipped.is_empty(), "{r:#?}");
    assert_eq!(nodes[1].state().await, before);
}
