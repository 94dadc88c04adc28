//! WebDAV's create-only write: one `PUT` with `If-None-Match: *` (RFC 9110: the server must refuse with
//! 412 if anything stands at that name).
//!
//! Why a request of our own: OpenDAL's WebDAV service (0.59) sends no conditional header on a write, and has
//! no `if_not_exists`, so through it a create-only write could only check the name first and then write,
//! racing another writer in between. Servers that honour the header (wsgidav, Nextcloud/SabreDAV,
//! Apache's mod_dav) close that race; a server that ignores it (`rclone serve webdav`) simply overwrites,
//! which is why `remote.rs` still checks the name first and the own-files check of the next round remains
//! the backstop (`own.rs`). The request goes through reqwest, the HTTP client OpenDAL itself uses, with
//! the location's credentials (kept in memory only) and the location's request timeout.

use std::io;
use std::time::Duration;

use url::Url;

use crate::remote::{Credentials, chain, to_io};

/// What a create-only `PUT` needs: the collection's URL, a client and the credentials.
#[derive(Clone)]
pub(crate) struct DavCreate {
    client: reqwest::Client,
    /// The collection the location names (the root of every relative path), ending in `/`.
    base: Url,
    user: Option<String>,
    password: Option<String>,
}

impl DavCreate {
    /// For the collection at `base`, logging in as `user` with `creds.secret`.
    pub(crate) fn new(
        base: Url,
        user: Option<String>,
        creds: &Credentials,
    ) -> Result<DavCreate, reqwest::Error> {
        Ok(DavCreate {
            client: reqwest::Client::builder().build()?,
            base,
            user,
            password: creds.secret.clone(),
        })
    }

    fn url_of(&self, rel: &str) -> Url {
        let mut url = self.base.clone();
        if let Ok(mut segments) = url.path_segments_mut() {
            segments.pop_if_empty().extend(rel.split('/'));
        }
        url
    }

    /// Writes `bytes` at `rel` unless something stands there ([`io::ErrorKind::AlreadyExists`], from the
    /// server's 412). Other refusals and transport errors carry the same one-line reasons as OpenDAL's
    /// (`remote::to_io`).
    pub(crate) async fn put_new(
        &self,
        rel: &str,
        bytes: Vec<u8>,
        timeout: Duration,
    ) -> io::Result<()> {
        let mut request = self
            .client
            .put(self.url_of(rel))
            .header("If-None-Match", "*")
            .timeout(timeout)
            .body(bytes);
        if let Some(u) = &self.user {
            request = request.basic_auth(u, self.password.as_deref());
        }
        let status = match request.send().await {
            Ok(response) => response.status().as_u16(),
            Err(e) => return Err(to_io(unexpected(chain(&e)))),
        };
        match status {
            200..=299 => Ok(()),
            412 => Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                "a file of that name is already there",
            )),
            code => Err(to_io(unexpected(format!("PUT {rel}: status: {code}")))),
        }
    }
}

fn unexpected(text: String) -> opendal::Error {
    opendal::Error::new(opendal::ErrorKind::Unexpected, text)
}
