//! A full quota (WebDAV, S3; a full disk over SFTP) and a server that stops answering (WebDAV, S3, SFTP):
//! the real server behind the HTTP fault proxy (`proxy.rs`), or for SFTP behind the raw TCP relay
//! (`relay.rs`), since its SSH stream is opaque to an HTTP proxy. Each fault is one clear line, nothing is
//! lost or marked sent, and the next round completes.

use std::sync::Arc;
use std::time::{Duration, Instant};

use rapporteur_sync::{Location, Phase, SyncError};

use crate::common::{Node, meeting};
use crate::places::{Backend, Host, Place};
use crate::proxy::{self, Mode, Proxy};
use crate::relay::{Link, Relay};
use crate::servers;

/// What stands between the client and the server, and brings the faults.
enum Switch {
    /// WebDAV and S3: the HTTP proxy.
    Http(Proxy),
    /// SFTP: the TCP relay.
    Tcp(Relay),
}

impl Switch {
    fn port(&self) -> u16 {
        match self {
            Switch::Http(p) => p.port,
            Switch::Tcp(r) => r.port,
        }
    }

    /// Passes everything again (the fault is gone).
    fn pass(&self) {
        match self {
            Switch::Http(p) => p.set(Mode::Pass),
            Switch::Tcp(r) => r.set(Link::Pass),
        }
    }

    /// The server stops answering.
    fn hang(&self) {
        match self {
            Switch::Http(p) => p.set(Mode::Hang),
            Switch::Tcp(r) => r.set(Link::Hang),
        }
    }

    /// Every upload is refused for a full quota (HTTP only).
    fn full(&self) {
        match self {
            Switch::Http(p) => p.set(Mode::Full),
            Switch::Tcp(_) => panic!("the TCP relay cannot refuse an upload"),
        }
    }
}

/// A server for `backend`, a proxy in front of it, one place reached through the proxy and the same place
/// reached directly; `a` has sent one meeting through the proxy and `b` has received it directly.
struct Rig {
    _host: Host,
    switch: Arc<Switch>,
    via: Place,
    direct: Place,
    a: Node,
    b: Node,
    _tmp: tempfile::TempDir,
}

impl Rig {
    async fn start(backend: Backend, full_answer: String) -> Rig {
        let tmp = tempfile::tempdir().unwrap();
        let host = Host::start(backend, tmp.path());
        let switch = if backend == Backend::Sftp {
            Switch::Tcp(Relay::start(host.port()))
        } else {
            Switch::Http(Proxy::start(host.port(), full_answer))
        };
        let via = host.place_through("team", switch.port());
        let direct = host.place("team");
        let a = Node::open(&tmp.path().join("a")).await;
        let b = Node::open(&tmp.path().join("b")).await;
        a.store.create_meeting(meeting("Before")).await.unwrap();
        assert_eq!(a.round_at(&via.loc).await.sent.len(), 1);
        b.round_at(&direct.loc).await;
        Rig {
            _host: host,
            switch: Arc::new(switch),
            via,
            direct,
            a,
            b,
            _tmp: tmp,
        }
    }

    /// After the fault is gone: `a`'s next round sends the `n` meetings held back, and `b` gets them all.
    async fn the_next_round_completes(&self, loc: &Location, n: usize) {
        self.switch.pass();
        let r = self.a.round_at(loc).await;
        assert!(r.is_clean(), "{r:#?}");
        assert_eq!(r.sent.len(), n, "{r:#?}");
        self.b.round_at(&self.direct.loc).await;
        assert_eq!(self.b.state().await, self.a.state().await);
        assert_eq!(self.b.state().await.len(), 1 + n);
    }
}

fn one_line_saying(reason: &str, needle: &str) {
    assert!(
        !reason.contains('\n') && reason.contains(needle),
        "{reason}"
    );
}

async fn a_full_quota_is_one_clear_error_and_the_next_round_sends_everything(
    backend: Backend,
    full_answer: String,
) {
    let rig = Rig::start(backend, full_answer).await;
    rig.a
        .store
        .create_meeting(meeting("Over quota"))
        .await
        .unwrap();
    rig.switch.full();
    let before = rig.b.state().await;
    let r = rig.a.round_at(&rig.via.loc).await;
    assert!(r.sent.is_empty(), "{r:#?}");
    assert_eq!(r.read_error, None, "reading still works");
    let e = r.write_error.expect("the round says it could not write");
    one_line_saying(&e, "the server has no space left (quota exceeded)");
    // Nothing reached the server, and the next round sends what this one could not.
    rig.b.round_at(&rig.direct.loc).await;
    assert_eq!(rig.b.state().await, before);
    rig.the_next_round_completes(&rig.via.loc, 1).await;
}

#[tokio::test]
async fn a_full_quota_on_webdav_507() {
    a_full_quota_is_one_clear_error_and_the_next_round_sends_everything(
        Backend::WebDav,
        proxy::WEBDAV_FULL.into(),
    )
    .await;
}

#[tokio::test]
async fn a_full_quota_on_s3_quota_exceeded() {
    a_full_quota_is_one_clear_error_and_the_next_round_sends_everything(
        Backend::S3,
        proxy::s3_full(),
    )
    .await;
}

/// A full disk over SFTP: the server's sessions may write no byte (`servers::sftp_file_limit`), and answer
/// each write with `SSH_FX_FAILURE`, as for `ENOSPC`; the create leaves an empty file under the name.
#[tokio::test]
async fn a_full_disk_over_sftp() {
    let rig = Rig::start(Backend::Sftp, String::new()).await;
    let Switch::Tcp(relay) = &*rig.switch else {
        panic!("SFTP behind the relay");
    };
    // New sessions (the relay cuts the open one) get the limit, or lose it.
    let full = |blocks| {
        servers::sftp_file_limit(rig._host.server(), blocks);
        relay.set(Link::Down);
        relay.set(Link::Pass);
    };
    rig.a
        .store
        .create_meeting(meeting("Over quota"))
        .await
        .unwrap();
    full(Some(0));
    let before = rig.b.state().await;
    let r = rig.a.round_at(&rig.via.loc).await;
    assert!(r.sent.is_empty(), "{r:#?}");
    let e = r.write_error.expect("the round says it could not write");
    one_line_saying(
        &e,
        "the server could not store the file (a full disk or quota?)",
    );
    rig.b.round_at(&rig.direct.loc).await;
    assert_eq!(rig.b.state().await, before);
    // Space again: the next round sends the meeting under the next name, and heals the empty file with a
    // snapshot that `b`, having met it, jumps to.
    full(None);
    let r = rig.a.round_at(&rig.via.loc).await;
    let ours = |name: &str| format!("replicas/{}/{name}", rig.a.id());
    let sent: Vec<&str> = r.sent.iter().map(|f| f.file.as_str()).collect();
    assert_eq!(sent, [ours("3.upd")], "{r:#?}");
    assert_eq!(r.healed, [ours("2.upd")], "{r:#?}");
    let r = rig.b.round_at(&rig.direct.loc).await;
    assert!(r.is_clean(), "{r:#?}");
    assert_eq!(rig.b.state().await, rig.a.state().await);
    assert_eq!(rig.b.state().await.len(), 2);
}

/// The request timeouts the test gives the location: seconds, where a real one waits a minute.
const QUICK: Duration = Duration::from_secs(2);
const QUICK_IO: Duration = Duration::from_secs(1);

async fn a_server_that_stops_answering_times_out_and_the_next_round_completes(backend: Backend) {
    let rig = Rig::start(backend, String::new()).await;
    let Location::Remote(r) = &rig.via.loc else {
        panic!("a remote location");
    };
    let loc = Location::Remote(r.clone().with_timeouts(QUICK, QUICK_IO));
    rig.a
        .store
        .create_meeting(meeting("While it hangs"))
        .await
        .unwrap();

    // Hanging from the start: the round does not begin, and says why in one line.
    rig.switch.hang();
    let started = Instant::now();
    let e = rig.a.try_round_at(&loc).await.unwrap_err();
    assert!(matches!(e, SyncError::LocationUnavailable { .. }), "{e}");
    one_line_saying(&e.to_string(), "the server did not answer in time");
    assert!(started.elapsed() < Duration::from_secs(10));

    // Hanging once the round has started sending.
    rig.switch.pass();
    let hang = Arc::clone(&rig.switch);
    let started = Instant::now();
    let r = rig
        .a
        .svc
        .round_at(&rig.a.store, &loc, move |p| {
            if p.phase == Phase::Sending {
                hang.hang();
            }
        })
        .await
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(30));
    assert!(r.sent.is_empty(), "{r:#?}");
    let e = r
        .write_error
        .as_deref()
        .expect("the round says it could not write");
    one_line_saying(e, "the server did not answer in time");
    for reason in r.skipped.iter().map(|k| &k.reason).chain(&r.read_error) {
        one_line_saying(reason, "the server did not answer in time");
    }
    rig.the_next_round_completes(&loc, 1).await;
}

#[tokio::test]
async fn a_webdav_server_that_stops_answering() {
    a_server_that_stops_answering_times_out_and_the_next_round_completes(Backend::WebDav).await;
}

#[tokio::test]
async fn an_s3_server_that_stops_answering() {
    a_server_that_stops_answering_times_out_and_the_next_round_completes(Backend::S3).await;
}

#[tokio::test]
async fn an_sftp_server_that_stops_answering() {
    a_server_that_stops_answering_times_out_and_the_next_round_completes(Backend::Sftp).await;
}
