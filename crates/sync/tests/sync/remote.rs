//! The protocol over remote locations, against real servers on 127.0.0.1 (`servers.rs`): what each backend
//! offers for a create-only write, and the faults a server brings (down mid-round, refused credentials, a
//! half-written upload, a listing that does not show a file yet). The scenario suite over every backend is
//! in `scenarios.rs` and `crash.rs`.

use std::fs;
use std::sync::Arc;

use rapporteur_sync::{Credentials, Location, Phase, SyncError};

use crate::common::{Node, meeting, skipped_files};
use crate::servers::{self, Server};

/// What each backend offers for a create-only write: OpenDAL's `if_not_exists` on S3 and SFTP; on WebDAV,
/// where OpenDAL has none, a `PUT` of our own with `If-None-Match: *` (`dav_create.rs`), after a check of the
/// name, since a server may ignore the header.
#[tokio::test]
async fn s3_and_sftp_create_only_webdav_checks_first() {
    let tmp = tempfile::tempdir().unwrap();
    let dav = servers::webdav(tmp.path(), None);
    let s3 = servers::s3(tmp.path(), "probe");
    let (ssh, key) = servers::sftp(tmp.path());
    let conditional = |l: &Location| match l {
        Location::Remote(r) => r.conditional_create(),
        Location::Folder(_) => panic!("a remote location"),
    };
    assert!(!conditional(&servers::webdav_at(
        &dav,
        "",
        &Credentials::default()
    )));
    assert!(conditional(&servers::s3_at(&s3, "probe", "")));
    assert!(conditional(&servers::sftp_at(&ssh, &key, "x")));
}

#[tokio::test]
async fn webdav_create_only_sends_if_none_match_and_wsgidav_refuses_an_existing_name() {
    let tmp = tempfile::tempdir().unwrap();
    let s = servers::webdav(tmp.path(), None);
    // The probe: wsgidav honours the header (a server that ignores it answers 2xx the second time).
    let if_none = "If-None-Match: *\r\n";
    assert!(servers::http_put(s.port, "/probe", if_none, "one").contains(" 201 "));
    let again = servers::http_put(s.port, "/probe", if_none, "two");
    assert!(again.contains(" 412 "), "{again}");
    assert_eq!(fs::read(s.root.join("probe")).unwrap(), b"one");

    // The location's own create-only PUT, without the check of the name before it: the server refuses.
    fs::create_dir(s.root.join("team")).unwrap();
    let Location::Remote(r) = servers::webdav_at(&s, "team", &Credentials::default()) else {
        panic!("a remote location");
    };
    fs::write(s.root.join("team/taken.upd"), b"first").unwrap();
    let e = r
        .dav_put_new("taken.upd", b"second")
        .await
        .unwrap()
        .unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists, "{e}");
    assert_eq!(fs::read(s.root.join("team/taken.upd")).unwrap(), b"first");
    r.dav_put_new("free.upd", b"new").await.unwrap().unwrap();
    assert_eq!(fs::read(s.root.join("team/free.upd")).unwrap(), b"new");
}

/// A WebDAV server on `tmp` whose replica `a` wrote three update files; returns the server, its location,
/// `a`, `b` (synced once, before them) and the directory of `a`'s files on the server's disk.
async fn three_files_on_webdav(
    tmp: &std::path::Path,
) -> (Server, Location, Node, Node, std::path::PathBuf) {
    let s = servers::webdav(tmp, None);
    let loc = servers::webdav_at(&s, "", &Credentials::default());
    let a = Node::open(&tmp.join("a")).await;
    let b = Node::open(&tmp.join("b")).await;
    b.round_at(&loc).await;
    for i in 0..3 {
        a.store
            .create_meeting(meeting(&format!("Meeting {i}")))
            .await
            .unwrap();
        assert_eq!(a.round_at(&loc).await.sent.len(), 1);
    }
    let dir = s.root.join("rapporteur/v1/replicas").join(a.id());
    (s, loc, a, b, dir)
}

#[tokio::test]
async fn a_half_written_upload_is_reported_not_applied_and_read_once_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let (_s, loc, a, b, dir) = three_files_on_webdav(tmp.path()).await;
    let whole = fs::read(dir.join("2.upd")).unwrap();
    fs::write(dir.join("2.upd"), &whole[..whole.len() / 2]).unwrap();
    let r = b.round_at(&loc).await;
    assert_eq!(skipped_files(&r), [format!("replicas/{}/2.upd", a.id())]);
    assert_eq!(b.store.sync_cursor(&a.id()).await.unwrap(), Some(1));
    fs::write(dir.join("2.upd"), &whole).unwrap();
    let r = b.round_at(&loc).await;
    assert!(r.skipped.is_empty(), "{r:#?}");
    assert_eq!(b.store.sync_cursor(&a.id()).await.unwrap(), Some(3));
    assert_eq!(b.state().await, a.state().await);
}

#[tokio::test]
async fn a_file_the_listing_does_not_show_yet_holds_the_cursor_below_it() {
    let tmp = tempfile::tempdir().unwrap();
    let (_s, loc, a, b, dir) = three_files_on_webdav(tmp.path()).await;
    // The server does not list 2.upd yet (eventual consistency, a copy still arriving).
    let away = tmp.path().join("2.upd.away");
    fs::rename(dir.join("2.upd"), &away).unwrap();
    let r = b.round_at(&loc).await;
    assert_eq!(skipped_files(&r), [format!("replicas/{}/2.upd", a.id())]);
    assert_eq!(b.store.sync_cursor(&a.id()).await.unwrap(), Some(1));
    fs::rename(&away, dir.join("2.upd")).unwrap();
    let r = b.round_at(&loc).await;
    assert!(r.skipped.is_empty(), "{r:#?}");
    assert_eq!(b.store.sync_cursor(&a.id()).await.unwrap(), Some(3));
}

#[tokio::test]
async fn a_server_down_mid_round_is_one_clear_error_and_the_next_round_completes() {
    let tmp = tempfile::tempdir().unwrap();
    let (s, loc, a, b, _dir) = three_files_on_webdav(tmp.path()).await;
    let s = Arc::new(s);
    let down = Arc::clone(&s);
    // The server goes away as soon as the round starts reading.
    let r = b
        .svc
        .round_at(&b.store, &loc, move |p| {
            if p.phase == Phase::Receiving {
                down.stop();
            }
        })
        .await
        .unwrap();
    let reported: Vec<&String> = r
        .skipped
        .iter()
        .map(|k| &k.reason)
        .chain(r.write_error.iter())
        .collect();
    assert!(!reported.is_empty(), "{r:#?}");
    for reason in &reported {
        assert!(!reason.contains('\n'), "{reason}");
        assert!(reason.contains("cannot reach the server"), "{reason}");
    }
    // While it is down, a round cannot start: one line naming the location.
    let e = b.try_round_at(&loc).await.unwrap_err();
    assert!(matches!(e, SyncError::LocationUnavailable { .. }), "{e}");
    assert!(!e.to_string().contains('\n'));
    s.restart();
    let r = b.round_at(&loc).await;
    assert!(r.skipped.is_empty(), "{r:#?}");
    assert_eq!(b.state().await, a.state().await);
}

#[tokio::test]
async fn refused_credentials_are_one_clear_error_and_nothing_is_marked_sent() {
    let tmp = tempfile::tempdir().unwrap();
    let s = servers::webdav(tmp.path(), Some(("alice", "right")));
    let wrong = Credentials {
        user: Some("alice".into()),
        secret: Some("wrong".into()),
        key_file: None,
    };
    let right = Credentials {
        secret: Some("right".into()),
        ..wrong.clone()
    };
    let a = Node::open(&tmp.path().join("a")).await;
    a.store.create_meeting(meeting("One")).await.unwrap();
    let e = a
        .try_round_at(&servers::webdav_at(&s, "", &wrong))
        .await
        .unwrap_err();
    let text = e.to_string();
    assert!(text.contains("401/403"), "{text}");
    assert!(!text.contains("wrong"), "the password leaked: {text}");
    let r = a.round_at(&servers::webdav_at(&s, "", &right)).await;
    assert_eq!(r.sent.len(), 1);
}
