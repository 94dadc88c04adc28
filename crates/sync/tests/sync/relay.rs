//! A raw TCP relay in front of a real test server, for the faults below HTTP that every backend meets, SFTP
//! included (its SSH stream is opaque to `proxy.rs`): a server that goes down (every connection cut, the port
//! refusing new ones) and a server that stops answering (bytes read, none passed on).
//!
//! The relay knows nothing of the protocol inside: it copies bytes both ways until a test switches it. When a
//! hang ends, the connections it held are cut, as a real server's (or a NAT's) would be after such a stall;
//! the client has given up on them anyway.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

/// What the relay does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Link {
    /// Copies bytes both ways.
    Pass,
    /// Holds every byte it reads (new connections are accepted and held too).
    Hang,
    /// The server is gone: every connection is cut and the port refuses new ones.
    Down,
}

struct Shared {
    upstream: u16,
    port: u16,
    link: AtomicU8,
    listener: Mutex<Option<TcpListener>>,
    /// Both ends of every connection relayed so far, to cut them.
    open: Mutex<Vec<TcpStream>>,
}

#[derive(Clone)]
pub struct Relay {
    pub port: u16,
    shared: Arc<Shared>,
}

fn listen(port: u16) -> io::Result<TcpListener> {
    let l = TcpListener::bind(("127.0.0.1", port))?;
    l.set_nonblocking(true)?;
    Ok(l)
}

impl Relay {
    /// Listens on a free port of 127.0.0.1 and relays to `upstream` there, in [`Link::Pass`].
    pub fn start(upstream: u16) -> Relay {
        let listener = listen(0).unwrap();
        let port = listener.local_addr().unwrap().port();
        let shared = Arc::new(Shared {
            upstream,
            port,
            link: AtomicU8::new(Link::Pass as u8),
            listener: Mutex::new(Some(listener)),
            open: Mutex::new(Vec::new()),
        });
        let accepting = Arc::downgrade(&shared);
        std::thread::spawn(move || accept_loop(&accepting));
        Relay { port, shared }
    }

    /// Switches the relay; takes effect before it returns (a cut is done, a closed port refuses).
    pub fn set(&self, link: Link) {
        let hung = link_of(&self.shared) == Link::Hang;
        if link != Link::Down && hung {
            // Cut before passing again, so that nothing held reaches a client that gave up on it.
            self.cut();
        }
        self.shared.link.store(link as u8, Ordering::SeqCst);
        let mut listener = self.shared.listener.lock().unwrap();
        if link == Link::Down {
            *listener = None;
            self.cut();
        } else if listener.is_none() {
            *listener = Some(listen(self.shared.port).expect("the relay's port again"));
        }
    }

    fn cut(&self) {
        for s in self.shared.open.lock().unwrap().drain(..) {
            let _ = s.shutdown(Shutdown::Both);
        }
    }
}

fn link_of(shared: &Shared) -> Link {
    match shared.link.load(Ordering::SeqCst) {
        0 => Link::Pass,
        1 => Link::Hang,
        _ => Link::Down,
    }
}

/// Accepts connections until the last [`Relay`] handle (and the last connection) is gone.
fn accept_loop(shared: &Weak<Shared>) {
    while let Some(shared) = shared.upgrade() {
        let accepted = shared
            .listener
            .lock()
            .unwrap()
            .as_ref()
            .map(TcpListener::accept);
        match accepted {
            Some(Ok((client, _))) => {
                let _ = relay(&shared, client);
            }
            _ => {
                drop(shared);
                std::thread::sleep(Duration::from_millis(10));
            }
        }
    }
}

/// Connects `client` to the upstream server and copies each way on a thread of its own.
fn relay(shared: &Arc<Shared>, client: TcpStream) -> io::Result<()> {
    client.set_nonblocking(false)?;
    let server = TcpStream::connect(("127.0.0.1", shared.upstream))?;
    shared
        .open
        .lock()
        .unwrap()
        .extend([client.try_clone()?, server.try_clone()?]);
    for (from, to) in [(client.try_clone()?, server.try_clone()?), (server, client)] {
        let shared = Arc::clone(shared);
        std::thread::spawn(move || pump(&shared, from, to));
    }
    Ok(())
}

/// Copies `from` to `to`, holding each chunk while the relay hangs; ends (cutting both) when either closes.
fn pump(shared: &Shared, mut from: TcpStream, mut to: TcpStream) {
    let mut chunk = [0u8; 16 * 1024];
    while let Ok(n) = from.read(&mut chunk) {
        while link_of(shared) == Link::Hang {
            std::thread::sleep(Duration::from_millis(20));
        }
        if n == 0 || link_of(shared) == Link::Down || to.write_all(&chunk[..n]).is_err() {
            break;
        }
    }
    let _ = from.shutdown(Shutdown::Both);
    let _ = to.shutdown(Shutdown::Both);
}
