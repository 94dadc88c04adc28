//! Naming a sync location: a folder path, or a URL for a remote one.
//!
//! - `http://…`, `https://…` (or `webdav://…`, `webdavs://…`): a WebDAV collection (Nextcloud, SharePoint,
//!   any WebDAV server); the path is the folder the files go under.
//! - `s3://<bucket>/<prefix>?endpoint=<url>&region=<region>&virtual_host=true`: an S3-compatible bucket.
//!   Requests are path-style (`<endpoint>/<bucket>/…`) unless `virtual_host=true`; `region` defaults to
//!   `us-east-1`, `endpoint` to AWS.
//! - `sftp://<user>@<host>:<port>/<path>?known_hosts=strict|add|accept`: an SFTP location, through the
//!   system's `ssh` (so `~/.ssh/config`, agents and known hosts apply; `strict` is the default).
//! - anything else, or `file://…`: a folder.
//!
//! A password in the URL is refused: a URL is shown in reports and logs and names the location in the
//! store's bookkeeping, so credentials travel separately ([`Credentials`]).

use std::fmt;
use std::path::PathBuf;

use opendal::Operator;
use opendal::services::{S3, Sftp, Webdav};
use url::Url;

use crate::dav_create::DavCreate;
use crate::error::SyncError;
use crate::location::Location;
use crate::remote::{Credentials, Remote, to_io};

/// Whether `spec` names a remote location (a URL of a scheme above other than `file`).
pub fn is_remote(spec: &str) -> bool {
    [
        "http://",
        "https://",
        "webdav://",
        "webdavs://",
        "s3://",
        "sftp://",
    ]
    .iter()
    .any(|p| has_prefix(spec, p))
}

/// Whether `spec` names an SFTP location (the one kind that logs in with a key file).
pub fn is_sftp(spec: &str) -> bool {
    has_prefix(spec, "sftp://")
}

/// Whether `spec` starts with `prefix`, in any case.
fn has_prefix(spec: &str, prefix: &str) -> bool {
    // `get`, not slicing: the spec is typed text, and may have a multi-byte character at the cut.
    spec.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

fn invalid(spec: &str, why: impl fmt::Display) -> SyncError {
    SyncError::Invalid(format!("sync location {spec:?}: {why}"))
}

/// Parses `spec` (see the module docs) into a location, with `creds` for a remote one.
pub fn parse_location(spec: &str, creds: &Credentials) -> Result<Location, SyncError> {
    if !is_remote(spec) {
        let path = match spec.strip_prefix("file://") {
            Some(p) => PathBuf::from(p),
            None => PathBuf::from(spec),
        };
        return Ok(Location::Folder(path));
    }
    let url = Url::parse(spec).map_err(|e| invalid(spec, e))?;
    // The HTTP transport (reqwest, rustls) WebDAV and S3 use; installing it again does nothing.
    opendal::install_default();
    if url.password().is_some() {
        // Named without the password: this error is shown and may be logged.
        let mut shown = url.clone();
        let _ = shown.set_password(None);
        return Err(invalid(
            shown.as_str(),
            "a password in the URL would be shown and recorded; pass it separately",
        ));
    }
    let query = |k: &str| {
        url.query_pairs()
            .find(|(name, _)| name == k)
            .map(|(_, v)| v.into_owned())
    };
    let is_dav = matches!(url.scheme(), "http" | "https" | "webdav" | "webdavs");
    let built = match url.scheme() {
        _ if is_dav => webdav(&url, creds),
        "s3" => s3(&url, creds, &query),
        "sftp" => sftp(&url, creds, &query),
        other => return Err(invalid(spec, format!("unknown scheme {other:?}"))),
    };
    let op = built.map_err(|e| invalid(spec, to_io(e)))?;
    // The URL as shown: no query secrets (there are none by construction) and no user name for S3.
    let mut shown = url.clone();
    let _ = shown.set_password(None);
    let shown = shown.to_string().trim_end_matches('/').to_owned();
    let remote = Remote::new(op, shown);
    if !is_dav {
        return Ok(Location::Remote(remote));
    }
    let collection = dav_collection(&url).map_err(|e| invalid(spec, e))?;
    let dav =
        DavCreate::new(collection, user_of(&url, creds), creds).map_err(|e| invalid(spec, e))?;
    Ok(Location::Remote(remote.with_dav_create(dav)))
}

/// The WebDAV collection a URL names, as an `http(s)` URL ending in `/`, without user or query.
fn dav_collection(url: &Url) -> Result<Url, url::ParseError> {
    let scheme = match url.scheme() {
        "https" | "webdavs" => "https",
        _ => "http",
    };
    let host = url.host_str().unwrap_or_default();
    let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
    let text = format!("{scheme}://{host}{port}{}", root_of(url));
    Url::parse(&text)
}

fn root_of(url: &Url) -> String {
    let p = url.path().trim_end_matches('/');
    if p.is_empty() {
        "/".into()
    } else {
        format!("{p}/")
    }
}

/// A URL's query parameter by name.
type Query<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The user name: from the credentials, else the URL's `user@`.
fn user_of(url: &Url, creds: &Credentials) -> Option<String> {
    creds
        .user
        .clone()
        .or_else(|| Some(url.username().to_owned()).filter(|u| !u.is_empty()))
}

fn webdav(url: &Url, creds: &Credentials) -> opendal::Result<Operator> {
    let scheme = match url.scheme() {
        "https" | "webdavs" => "https",
        _ => "http",
    };
    let host = url.host_str().unwrap_or_default();
    let endpoint = match url.port() {
        Some(p) => format!("{scheme}://{host}:{p}"),
        None => format!("{scheme}://{host}"),
    };
    let mut b = Webdav::default().endpoint(&endpoint).root(&root_of(url));
    let user = user_of(url, creds);
    if let Some(u) = &user {
        b = b.username(u);
    }
    if let Some(s) = &creds.secret {
        b = b.password(s);
    }
    Operator::new(b)
}

fn s3(url: &Url, creds: &Credentials, query: Query<'_>) -> opendal::Result<Operator> {
    let bucket = url.host_str().unwrap_or_default();
    let mut b = S3::default()
        .bucket(bucket)
        .root(&root_of(url))
        .region(&query("region").unwrap_or_else(|| "us-east-1".into()))
        // Credentials come from the caller only: no ~/.aws files, no instance metadata service.
        .disable_config_load()
        .disable_ec2_metadata();
    if let Some(e) = query("endpoint") {
        b = b.endpoint(&e);
    }
    if query("virtual_host").as_deref() == Some("true") {
        b = b.enable_virtual_host_style();
    }
    match (&creds.user, &creds.secret) {
        (Some(id), Some(secret)) => b = b.access_key_id(id).secret_access_key(secret),
        _ => b = b.skip_signature(),
    }
    Operator::new(b)
}

fn sftp(url: &Url, creds: &Credentials, query: Query<'_>) -> opendal::Result<Operator> {
    let host = url.host_str().unwrap_or_default();
    let endpoint = match url.port() {
        Some(p) => format!("ssh://{host}:{p}"),
        None => format!("ssh://{host}"),
    };
    let mut b = Sftp::default()
        .endpoint(&endpoint)
        .root(&root_of(url))
        .known_hosts_strategy(&query("known_hosts").unwrap_or_else(|| "strict".into()));
    let user = user_of(url, creds);
    if let Some(u) = &user {
        b = b.user(u);
    }
    if let Some(k) = &creds.key_file {
        b = b.key(&k.to_string_lossy());
    }
    Operator::new(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sftp_locations_take_a_key() {
        assert!(is_sftp("sftp://host/dir"));
        assert!(is_sftp("SFTP://host/dir"));
        assert!(!is_sftp("https://host/dav"));
        assert!(!is_sftp("/home/a/shared"));
        assert!(!is_sftp("sftp:"));
    }
}
