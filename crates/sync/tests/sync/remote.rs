//! The protocol over remote locations, against real servers on 127.0.0.1 (`servers.rs`): what each backend
//! offers for a create-only write. The faults a server brings are in `remote_faults.rs` (down mid-round,
//! refused credentials, a half-written upload, a listing that does not show a file yet) and
//! `server_faults.rs` (a full quota, a timeout); the scenario suite over every backend is in `scenarios.rs`
//! and `crash.rs`.

use std::fs;

use rapporteur_sync::{Credentials, Location};

use crate::servers;

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
