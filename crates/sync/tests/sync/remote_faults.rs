//! The faults a server brings, on every remote backend (WebDAV, S3, SFTP), each against the real server on
//! 127.0.0.1: a half-written upload (read by another replica, and the writer's own cut off), a listing that
//! does not show a file yet, a server down in the middle of a round, refused credentials. Each is reported in one line, nothing is lost or marked sent, no cursor
//! moves past a file not read, and the next round completes.
//!
//! The test damages the files through the server itself ([`Place`]: the same OpenDAL client the protocol
//! uses), so the S3 emulator, which keeps its objects in memory, is damaged as a disk would be. The server
//! goes down behind a TCP relay (`relay.rs`): every connection cut and the port refusing, which is what a
//! client sees of a server that died; killing the server itself would lose the S3 emulator's objects, and
//! would leave sshd's per-connection processes running.

use rapporteur_sync::{Credentials, Phase, RoundReport, SyncError};

use crate::common::{Node, meeting, skipped_files};
use crate::places::{Backend, Host, Place};
use crate::relay::{Link, Relay};
use crate::servers;

/// A server for `backend` behind a relay; replica `a` wrote three update files through the relay, and `b`
/// synced once before them.
struct Three {
    _host: Host,
    relay: Relay,
    via: Place,
    direct: Place,
    a: Node,
    b: Node,
    _tmp: tempfile::TempDir,
}

impl Three {
    async fn start(backend: Backend) -> Three {
        let tmp = tempfile::tempdir().unwrap();
        let host = Host::start(backend, tmp.path());
        let relay = Relay::start(host.port());
        let via = host.place_through("team", relay.port);
        let direct = host.place("team");
        let a = Node::open(&tmp.path().join("a")).await;
        let b = Node::open(&tmp.path().join("b")).await;
        b.round_at(&via.loc).await;
        for i in 0..3 {
            a.store
                .create_meeting(meeting(&format!("Meeting {i}")))
                .await
                .unwrap();
            assert_eq!(a.round_at(&via.loc).await.sent.len(), 1);
        }
        Three {
            _host: host,
            relay,
            via,
            direct,
            a,
            b,
            _tmp: tmp,
        }
    }

    /// A round of `node` through the relay, during which the server goes down as soon as `phase` begins.
    async fn round_going_down(&self, node: &Node, phase: Phase) -> RoundReport {
        let down = self.relay.clone();
        node.svc
            .round_at(&node.store, &self.via.loc, move |p| {
                if p.phase == phase {
                    down.set(Link::Down);
                }
            })
            .await
            .unwrap()
    }

    /// `a`'s second update file, relative to the location, and as a report names it.
    fn second(&self) -> (String, String) {
        let rel = format!("{}/2.upd", Place::replica_dir(&self.a.id()));
        (rel, format!("replicas/{}/2.upd", self.a.id()))
    }

    /// `b`'s round skips `a`'s second file and keeps its cursor below it.
    async fn b_skips_the_second_file(&self) {
        let r = self.b.round_at(&self.via.loc).await;
        assert_eq!(skipped_files(&r), [self.second().1], "{r:#?}");
        assert_eq!(
            self.b.store.sync_cursor(&self.a.id()).await.unwrap(),
            Some(1)
        );
    }

    /// `b`'s round reads everything, and `b` shows what `a` shows.
    async fn b_catches_up(&self) {
        let r = self.b.round_at(&self.via.loc).await;
        assert!(r.skipped.is_empty(), "{r:#?}");
        assert_eq!(
            self.b.store.sync_cursor(&self.a.id()).await.unwrap(),
            Some(3)
        );
        assert_eq!(self.b.state().await, self.a.state().await);
    }
}

fn one_line_saying(reason: &str, needle: &str) {
    assert!(
        !reason.contains('\n') && reason.contains(needle),
        "{reason}"
    );
}

/// A file cut off half-way (an upload that stopped, a copy still arriving).
async fn a_half_written_upload_is_reported_not_applied_and_read_once_whole(backend: Backend) {
    let t = Three::start(backend).await;
    let (rel, _) = t.second();
    let whole = t.direct.read(&rel).await;
    t.direct.write(&rel, &whole[..whole.len() / 2]).await;
    t.b_skips_the_second_file().await;
    t.direct.write(&rel, &whole).await;
    t.b_catches_up().await;
}

/// The listing does not show a file yet (eventual consistency, a copy still arriving): the test takes the
/// file away and puts it back, which is what a reader going by the listing sees of the lag.
async fn a_file_the_listing_does_not_show_yet_holds_the_cursor_below_it(backend: Backend) {
    let t = Three::start(backend).await;
    let (rel, _) = t.second();
    let whole = t.direct.read(&rel).await;
    t.direct.remove(&rel).await;
    t.b_skips_the_second_file().await;
    t.direct.write(&rel, &whole).await;
    t.b_catches_up().await;
}

async fn a_server_down_mid_round_is_one_clear_error_and_the_next_round_completes(backend: Backend) {
    let t = Three::start(backend).await;
    // The server goes away as soon as the round starts reading.
    let r = t.round_going_down(&t.b, Phase::Receiving).await;
    let reported: Vec<&String> = r
        .skipped
        .iter()
        .map(|k| &k.reason)
        .chain(&r.read_error)
        .chain(&r.write_error)
        .collect();
    assert!(!reported.is_empty(), "{r:#?}");
    for reason in reported {
        one_line_saying(reason, "cannot reach the server");
    }
    assert!(
        t.b.store.sync_cursor(&t.a.id()).await.unwrap() < Some(3),
        "nothing was read, yet the cursor moved to the end"
    );
    // While it is down, a round cannot start: one line naming the location.
    let e = t.b.try_round_at(&t.via.loc).await.unwrap_err();
    assert!(matches!(e, SyncError::LocationUnavailable { .. }), "{e}");
    one_line_saying(&e.to_string(), "cannot reach the server");
    t.relay.set(Link::Pass);
    t.b_catches_up().await;
}

/// The writer's own upload cut off half-way: the server went down while `a` was sending, and left a short
/// file under the name `a` was writing (SFTP and WebDAV servers write in place; on S3, where a cut `PUT`
/// leaves nothing, it stands for any damage to the file). The round says so in one line and marks nothing
/// sent; the next round sends the meeting under the next free name and heals the short file with a
/// snapshot, and `b` ends with everything.
async fn an_upload_cut_off_half_way_is_not_marked_sent_and_the_next_round_heals_it(
    backend: Backend,
) {
    let t = Three::start(backend).await;
    t.b.round_at(&t.via.loc).await;
    t.a.store.create_meeting(meeting("Cut off")).await.unwrap();
    let r = t.round_going_down(&t.a, Phase::Sending).await;
    assert!(r.sent.is_empty(), "{r:#?}");
    one_line_saying(
        r.write_error.as_deref().unwrap_or_default(),
        "cannot reach the server",
    );
    // What the cut left: the first half of the file `a` was writing.
    let dir = Place::replica_dir(&t.a.id());
    let whole = t.direct.read(&format!("{dir}/3.upd")).await;
    t.direct
        .write(&format!("{dir}/4.upd"), &whole[..whole.len() / 2])
        .await;
    t.relay.set(Link::Pass);
    let r = t.a.round_at(&t.via.loc).await;
    let ours = |name: &str| format!("replicas/{}/{name}", t.a.id());
    let sent: Vec<&str> = r.sent.iter().map(|f| f.file.as_str()).collect();
    assert_eq!(sent, [ours("5.upd")], "{r:#?}");
    assert_eq!(r.healed, [ours("4.upd")], "{r:#?}");
    assert_eq!(r.snapshot_written, Some(ours("snapshot-5.snap")), "{r:#?}");
    // `b` meets the short file, holds its cursor below it, and jumps to the healing snapshot next round.
    let r = t.b.round_at(&t.via.loc).await;
    assert_eq!(skipped_files(&r), [ours("4.upd")], "{r:#?}");
    assert_eq!(t.b.store.sync_cursor(&t.a.id()).await.unwrap(), Some(3));
    let r = t.b.round_at(&t.via.loc).await;
    assert!(r.skipped.is_empty(), "{r:#?}");
    assert_eq!(t.b.state().await, t.a.state().await);
    assert_eq!(t.b.state().await.len(), 4);
}

/// Refused credentials: the round does not start, says so in one line without the secret, and marks nothing
/// sent; the round with the right credentials sends the meeting. `wrong` and `right` are places on servers
/// the caller keeps running; `reason` is what the error says.
async fn refused_credentials_are_one_clear_error_and_nothing_is_marked_sent(
    tmp: &std::path::Path,
    wrong: &Place,
    right: &Place,
    reason: &str,
) {
    let a = Node::open(&tmp.join("a")).await;
    a.store.create_meeting(meeting("One")).await.unwrap();
    let e = a.try_round_at(&wrong.loc).await.unwrap_err();
    assert!(matches!(e, SyncError::LocationUnavailable { .. }), "{e}");
    let text = e.to_string();
    one_line_saying(&text, reason);
    if let Some(secret) = &wrong.creds.secret {
        assert!(!text.contains(secret.as_str()), "the secret leaked: {text}");
    }
    let r = a.round_at(&right.loc).await;
    assert_eq!(r.sent.len(), 1, "{r:#?}");
}

/// [`over_backends`](crate::places::over_backends) over the servers (every backend but the folder).
macro_rules! over_every_server {
    ($scenario:ident) => {
        crate::places::over_backends!($scenario: webdav => WebDav, s3 => S3, sftp => Sftp);
    };
}

over_every_server!(a_half_written_upload_is_reported_not_applied_and_read_once_whole);
over_every_server!(a_file_the_listing_does_not_show_yet_holds_the_cursor_below_it);
over_every_server!(a_server_down_mid_round_is_one_clear_error_and_the_next_round_completes);
over_every_server!(an_upload_cut_off_half_way_is_not_marked_sent_and_the_next_round_heals_it);

mod refused_credentials {
    use super::*;

    const HTTP_REFUSED: &str = "the server refused access (401/403): check the credentials";
    const SSH_REFUSED: &str = "the server refused the login (ssh): check the user name and key";

    /// The user "alice" with `secret` (a password, or an S3 secret key).
    fn alice(secret: &str) -> Credentials {
        Credentials {
            user: Some("alice".into()),
            secret: Some(secret.into()),
            key_file: None,
        }
    }

    /// WebDAV: Basic authentication with the wrong password (401).
    #[tokio::test]
    async fn webdav_wrong_password() {
        let tmp = tempfile::tempdir().unwrap();
        let s = servers::webdav(tmp.path(), Some(("alice", "right")));
        let spec = format!("http://127.0.0.1:{}/", s.port);
        let wrong = Place::new(spec.clone(), alice("wrong"));
        let right = Place::new(spec, alice("right"));
        refused_credentials_are_one_clear_error_and_nothing_is_marked_sent(
            tmp.path(),
            &wrong,
            &right,
            HTTP_REFUSED,
        )
        .await;
    }

    /// S3: a server that checks signatures against its own users refuses our key (403
    /// `InvalidAccessKeyId`); the emulator checks all or nothing, so the right round goes to one that
    /// accepts it.
    #[tokio::test]
    async fn s3_unknown_access_key() {
        let tmp = tempfile::tempdir().unwrap();
        let host = Host::start(Backend::S3, tmp.path());
        let refusing = servers::s3_refusing(tmp.path(), "meetings");
        let wrong = host.place_through("team", refusing.port);
        let right = host.place("team");
        refused_credentials_are_one_clear_error_and_nothing_is_marked_sent(
            tmp.path(),
            &wrong,
            &right,
            HTTP_REFUSED,
        )
        .await;
    }

    /// S3: a key the server knows, signed with the wrong secret (403 `SignatureDoesNotMatch`); the same key
    /// with its secret then sends the meeting to the same server.
    #[tokio::test]
    async fn s3_known_key_wrong_secret() {
        let tmp = tempfile::tempdir().unwrap();
        let s = servers::seaweedfs(tmp.path(), "meetings", ("alice", "right-secret"));
        let spec = format!(
            "s3://meetings/team?endpoint=http://127.0.0.1:{}&region=us-east-1",
            s.port
        );
        let wrong = Place::new(spec.clone(), alice("wrong-secret"));
        let right = Place::new(spec, alice("right-secret"));
        refused_credentials_are_one_clear_error_and_nothing_is_marked_sent(
            tmp.path(),
            &wrong,
            &right,
            HTTP_REFUSED,
        )
        .await;
    }

    /// SFTP: a key the server does not know.
    #[tokio::test]
    async fn sftp_unknown_key() {
        let tmp = tempfile::tempdir().unwrap();
        let host = Host::start(Backend::Sftp, tmp.path());
        let right = host.place("team");
        let other = tmp.path().join("other_key");
        let made = std::process::Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-f"])
            .arg(&other)
            .status()
            .unwrap();
        assert!(made.success());
        let wrong = Place::new(
            right.spec.clone(),
            Credentials {
                key_file: Some(other),
                ..right.creds.clone()
            },
        );
        refused_credentials_are_one_clear_error_and_nothing_is_marked_sent(
            tmp.path(),
            &wrong,
            &right,
            SSH_REFUSED,
        )
        .await;
    }
}
