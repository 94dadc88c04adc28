//! Remote sync locations through Apache OpenDAL: WebDAV, S3-compatible buckets and SFTP.
//!
//! A location is named by a URL (parsed in `url_spec.rs`); credentials come separately, from the caller
//! ([`Credentials`]), and never appear in the URL this module keeps, in bookkeeping keys, reports or logs.
//!
//! OpenDAL errors become `std::io::Error`s with one short, user-facing line ([`to_io`]): refused
//! credentials (401/403, or ssh refusing the login), a full quota (507, S3's `QuotaExceeded`; a failed SFTP
//! write, whose server says no more), a timeout, an unreachable server. Every request is bounded by a timeout, so a server that stops answering fails the
//! round's step instead of hanging it; the round then reports the error and the next one retries.

use std::fmt;
use std::io;
use std::sync::Arc;
use std::time::Duration;

use opendal::layers::TimeoutLayer;
use opendal::{ErrorKind, Operator};

use crate::dav_create::DavCreate;
use crate::location::{Entry, Meta};

/// A whole request (listing, read, write) may take this long.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);
/// A request with no progress for this long is abandoned.
const IO_TIMEOUT: Duration = Duration::from_secs(15);

/// Secrets for a remote location. Kept in memory only: nothing here is written anywhere.
#[derive(Clone, Default)]
pub struct Credentials {
    /// WebDAV or SFTP user name, or S3 access key id.
    pub user: Option<String>,
    /// WebDAV password or S3 secret access key.
    pub secret: Option<String>,
    /// SFTP: the private key file to log in with (else ssh's own configuration decides).
    pub key_file: Option<std::path::PathBuf>,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("user", &self.user.as_ref().map(|_| "…"))
            .field("secret", &self.secret.as_ref().map(|_| "…"))
            .field("key_file", &self.key_file)
            .finish()
    }
}

/// A remote location: an OpenDAL operator, and what is known of the backend's guarantees.
#[derive(Clone)]
pub struct Remote {
    /// The operator as configured, without the timeouts (they are layered on in [`Remote::with_timeouts`]);
    /// shared, so that a `Remote` stays small.
    raw: Arc<Operator>,
    /// `raw` with the timeouts: every request of the protocol goes through it.
    op: Operator,
    url: String,
    /// The backend refuses to overwrite on request (`if_not_exists`).
    conditional_create: bool,
    /// An object store: no directories to create.
    object_store: bool,
    /// WebDAV: the create-only `PUT` with `If-None-Match: *` (`dav_create.rs`).
    dav_create: Option<DavCreate>,
    /// How long one request may take ([`Remote::with_timeouts`]).
    request_timeout: Duration,
}

impl fmt::Debug for Remote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Remote").field("url", &self.url).finish()
    }
}

impl Remote {
    /// Wraps a configured operator. `url` names the location in reports and keys and holds no secret.
    pub(crate) fn new(op: Operator, url: String) -> Remote {
        let info = op.info();
        let cap = info.capability();
        let object_store = !cap.create_dir;
        Remote {
            raw: Arc::new(op.clone()),
            op,
            url,
            conditional_create: cap.write_with_if_not_exists,
            object_store,
            dav_create: None,
            request_timeout: REQUEST_TIMEOUT,
        }
        .with_timeouts(REQUEST_TIMEOUT, IO_TIMEOUT)
    }

    /// A WebDAV location: create-only writes also ask the server to refuse an existing name.
    pub(crate) fn with_dav_create(mut self, dav: DavCreate) -> Remote {
        self.dav_create = Some(dav);
        self
    }

    /// The same location with other timeouts: `request` bounds a whole request, `io` a request that makes no
    /// progress. The defaults (60 s and 15 s) suit real servers; tests of a server that stops answering use
    /// seconds.
    pub fn with_timeouts(mut self, request: Duration, io: Duration) -> Remote {
        self.request_timeout = request;
        self.op = Operator::clone(&self.raw).layer(
            TimeoutLayer::new()
                .with_timeout(request)
                .with_io_timeout(io),
        );
        self
    }

    /// The OpenDAL operator itself, so tests can damage, list and scan what the protocol wrote through the
    /// same client (an S3 emulator keeps its objects in memory, out of the tests' reach otherwise).
    #[cfg(feature = "testing")]
    pub fn operator(&self) -> &Operator {
        &self.raw
    }

    /// WebDAV's create-only `PUT` alone, without the check of the name before it, so tests can see the
    /// server itself refuse; `None` on other backends.
    #[cfg(feature = "testing")]
    pub async fn dav_put_new(&self, rel: &str, bytes: &[u8]) -> Option<io::Result<()>> {
        let dav = self.dav_create.as_ref()?;
        Some(dav.put_new(rel, bytes.to_vec(), self.request_timeout).await)
    }

    /// The location's URL, without credentials.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Whether the backend has a conditional create (see `location.rs`).
    pub fn conditional_create(&self) -> bool {
        self.conditional_create
    }

    /// Reaches the location: its root must be listable.
    pub(crate) async fn check(&self) -> io::Result<()> {
        self.op.list_with("/").limit(1).await.map_err(to_io)?;
        Ok(())
    }

    pub(crate) async fn list(&self, rel: &str) -> io::Result<Vec<Entry>> {
        let dir = format!("{}/", rel.trim_end_matches('/'));
        let entries = self.op.list(&dir).await.map_err(to_io)?;
        Ok(entries
            .into_iter()
            .filter(|e| e.path() != dir && !e.name().is_empty())
            .map(|e| Entry {
                name: e.name().trim_end_matches('/').to_owned(),
                utf8: true,
                is_dir: e.metadata().is_dir(),
            })
            .collect())
    }

    pub(crate) async fn stat(&self, rel: &str) -> io::Result<Option<Meta>> {
        match self.op.stat(rel).await {
            Ok(m) => Ok(Some(Meta {
                len: m.content_length(),
                is_file: m.is_file(),
            })),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
            Err(e) => Err(to_io(e)),
        }
    }

    pub(crate) async fn read(&self, rel: &str) -> io::Result<Vec<u8>> {
        Ok(self.op.read(rel).await.map_err(to_io)?.to_vec())
    }

    pub(crate) async fn create_dir_all(&self, rel: &str) -> io::Result<()> {
        if self.object_store {
            return Ok(());
        }
        let dir = format!("{}/", rel.trim_end_matches('/'));
        self.op.create_dir(&dir).await.map_err(to_io)
    }

    /// Writes a whole file; `create_only`: refuse to replace one (see `location.rs` for the backends that
    /// cannot refuse it themselves).
    pub(crate) async fn write(&self, rel: &str, bytes: &[u8], create_only: bool) -> io::Result<()> {
        let bytes = bytes.to_vec();
        if !create_only {
            return self.op.write(rel, bytes).await.map(|_| ()).map_err(to_io);
        }
        if self.conditional_create {
            return self
                .op
                .write_with(rel, bytes)
                .if_not_exists(true)
                .await
                .map(|_| ())
                .map_err(to_io);
        }
        // The name is checked first whatever the server promises: it may ignore `If-None-Match`.
        if self.stat(rel).await?.is_some() {
            return Err(io::ErrorKind::AlreadyExists.into());
        }
        if let Some(dav) = &self.dav_create {
            return dav.put_new(rel, bytes, self.request_timeout).await;
        }
        self.op.write(rel, bytes).await.map(|_| ()).map_err(to_io)
    }

    pub(crate) async fn remove(&self, rel: &str) -> io::Result<()> {
        self.op.delete(rel).await.map_err(to_io)
    }
}

/// Every message in an error's chain, on one line.
pub(crate) fn chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text.replace('\n', " ")
}

/// An OpenDAL error as an `io::Error` carrying one user-facing line.
pub(crate) fn to_io(e: opendal::Error) -> io::Error {
    let text = chain(&e);
    let has = |needles: &[&str]| needles.iter().any(|n| text.contains(n));
    let (kind, reason): (io::ErrorKind, String) = match e.kind() {
        ErrorKind::NotFound => (io::ErrorKind::NotFound, "it does not exist".into()),
        ErrorKind::AlreadyExists | ErrorKind::ConditionNotMatch => (
            io::ErrorKind::AlreadyExists,
            "a file of that name is already there".into(),
        ),
        // Before 401/403: S3-compatible stores (Ceph's RGW) answer a full quota with 403 `QuotaExceeded`.
        _ if has(&["status: 507", "Insufficient Storage", "QuotaExceeded"]) => (
            io::ErrorKind::StorageFull,
            "the server has no space left (quota exceeded)".into(),
        ),
        // OpenSSH's sftp-server answers a write that fails on a full disk (or over quota, or read-only) with
        // the bare `SSH_FX_FAILURE`: the likeliest cause is named as a question.
        _ if has(&["service: sftp"]) && has(&[" at write"]) && has(&["error kind Failure"]) => (
            io::ErrorKind::Other,
            "the server could not store the file (a full disk or quota?)".into(),
        ),
        // ssh's own refusal of the login (wrong user, key or password), before SFTP's file-level "permission
        // denied", which has no parenthesis.
        _ if has(&["service: sftp"]) && has(&["Permission denied ("]) => (
            io::ErrorKind::PermissionDenied,
            "the server refused the login (ssh): check the user name and key".into(),
        ),
        _ if e.kind() == ErrorKind::PermissionDenied || has(&["status: 401", "status: 403"]) => (
            io::ErrorKind::PermissionDenied,
            "the server refused access (401/403): check the credentials".into(),
        ),
        _ if has(&["timeout", "timed out", "Timeout"]) => (
            io::ErrorKind::TimedOut,
            "the server did not answer in time".into(),
        ),
        _ if has(&[
            "Connection refused",
            "connection refused",
            "error sending request",
        ]) =>
        {
            (
                io::ErrorKind::ConnectionRefused,
                "cannot reach the server (is it running?)".into(),
            )
        }
        _ => {
            let mut short: String = text.chars().take(240).collect();
            if short.len() < text.len() {
                short.push('…');
            }
            (io::ErrorKind::Other, short)
        }
    };
    io::Error::new(kind, reason)
}
