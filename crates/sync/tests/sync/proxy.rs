//! A small HTTP proxy in front of a real test server (WebDAV or S3), which a test switches to the faults a
//! real server brings and a real server cannot be told to bring: a full quota (every upload answered with
//! the backend's own refusal) and a server that stops answering (a request read, never answered).
//!
//! One request per connection: the proxy reads a request whole, forwards it with `Connection: close`,
//! copies the answer back (with `Connection: close` too, so the client never reuses a closed connection) and
//! closes. That is all the protocol's client needs, and keeps this far from a real proxy.

use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::Duration;

/// What the proxy does with the next requests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Mode {
    /// Forwards every request.
    Pass,
    /// Answers every `PUT` with the quota refusal given to [`Proxy::start`]; forwards the rest.
    Full,
    /// Reads each request and answers nothing, until the mode changes (then closes).
    Hang,
}

/// WebDAV's answer to an upload over quota.
pub const WEBDAV_FULL: &str = "HTTP/1.1 507 Insufficient Storage\r\nContent-Length: 0\r\n\r\n";

/// An S3-compatible store's (Ceph's RGW): 403 with the code `QuotaExceeded`.
pub fn s3_full() -> String {
    let body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>QuotaExceeded</Code>\
                <Message>Quota exceeded</Message></Error>";
    format!(
        "HTTP/1.1 403 Forbidden\r\nContent-Type: application/xml\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
}

#[derive(Clone)]
pub struct Proxy {
    pub port: u16,
    mode: Arc<AtomicU8>,
}

impl Proxy {
    /// Listens on a free port of 127.0.0.1 and forwards to `upstream` there, in [`Mode::Pass`].
    pub fn start(upstream: u16, full_answer: String) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let mode = Arc::new(AtomicU8::new(Mode::Pass as u8));
        let shared = Arc::clone(&mode);
        let full_answer: Arc<str> = full_answer.into();
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let mode = Arc::clone(&shared);
                let full = Arc::clone(&full_answer);
                std::thread::spawn(move || {
                    let _ = serve(client, upstream, &mode, &full);
                });
            }
        });
        Proxy { port, mode }
    }

    pub fn set(&self, mode: Mode) {
        self.mode.store(mode as u8, Ordering::SeqCst);
    }
}

fn mode_of(m: &AtomicU8) -> Mode {
    match m.load(Ordering::SeqCst) {
        0 => Mode::Pass,
        1 => Mode::Full,
        _ => Mode::Hang,
    }
}

/// Reads up to the end of the head (`\r\n\r\n`); returns the head and what was read past it.
fn read_head(s: &mut TcpStream) -> io::Result<(String, Vec<u8>)> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let rest = buf.split_off(end + 4);
            return Ok((String::from_utf8_lossy(&buf).into_owned(), rest));
        }
        let n = s.read(&mut chunk)?;
        if n == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

/// The head with every `Connection` header replaced by `Connection: close`.
fn closing(head: &str) -> String {
    let mut out: Vec<&str> = head
        .trim_end()
        .split("\r\n")
        .filter(|l| !l.to_ascii_lowercase().starts_with("connection:"))
        .collect();
    out.push("Connection: close");
    format!("{}\r\n\r\n", out.join("\r\n"))
}

fn serve(mut client: TcpStream, upstream: u16, mode: &AtomicU8, full: &str) -> io::Result<()> {
    let (head, mut body) = read_head(&mut client)?;
    let length = head
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("content-length")
                .then(|| v.trim().parse::<usize>().ok())?
        })
        .unwrap_or(0);
    while body.len() < length {
        let mut chunk = vec![0u8; length - body.len()];
        let n = client.read(&mut chunk)?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    match mode_of(mode) {
        Mode::Hang => {
            while mode_of(mode) == Mode::Hang {
                std::thread::sleep(Duration::from_millis(50));
            }
            Ok(())
        }
        Mode::Full if head.starts_with("PUT ") => {
            let (full_head, full_body) = full.split_once("\r\n\r\n").unwrap_or((full, ""));
            client.write_all(closing(full_head).as_bytes())?;
            client.write_all(full_body.as_bytes())
        }
        _ => {
            let mut server = TcpStream::connect(("127.0.0.1", upstream))?;
            server.write_all(closing(&head).as_bytes())?;
            server.write_all(&body)?;
            let (answer_head, mut answer) = read_head(&mut server)?;
            server.read_to_end(&mut answer)?;
            client.write_all(closing(&answer_head).as_bytes())?;
            client.write_all(&answer)
        }
    }
}
