//! Where a scenario syncs, so that one scenario body runs over every backend: a folder, WebDAV, S3 and SFTP,
//! each on a real server the test starts on 127.0.0.1 (`servers.rs`), and a mix of them.
//!
//! A [`Host`] is one backend for one test (at most one server process); [`Host::place`] gives a fresh area on
//! it, so a test can run several cases on one server. A [`Place`] is a location plus the test's own hands on
//! its files (to damage, plant or scan them): the disk for a folder, and for a remote location the same
//! OpenDAL client the protocol uses (an S3 emulator keeps its objects in memory, out of reach otherwise).
//! A [`Net`] is where the replicas of a scenario sync: one place, or the mix (two replicas on WebDAV, one on a
//! folder, and a carrier replica of the net's own that syncs with both).

use std::path::{Path, PathBuf};

use rapporteur_sync::{Credentials, Location, RoundReport, parse_location};

use crate::common::{Node, all_files};
use crate::servers::{self, Server};

/// A backend the scenarios run over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Folder,
    WebDav,
    S3,
    Sftp,
}

/// One backend's server (none for a folder) for one test.
pub struct Host {
    backend: Backend,
    tmp: PathBuf,
    server: Option<Server>,
    /// The SFTP client key.
    key: Option<PathBuf>,
}

impl Host {
    pub fn start(backend: Backend, tmp: &Path) -> Host {
        let (server, key) = match backend {
            Backend::Folder => (None, None),
            Backend::WebDav => (Some(servers::webdav(tmp, None)), None),
            Backend::S3 => (Some(servers::s3(tmp, "meetings")), None),
            Backend::Sftp => {
                let (s, key) = servers::sftp(tmp);
                (Some(s), Some(key))
            }
        };
        Host {
            backend,
            tmp: tmp.to_path_buf(),
            server,
            key,
        }
    }

    /// A fresh, empty area named `name` on this backend.
    pub fn place(&self, name: &str) -> Place {
        self.place_through(name, self.server.as_ref().map_or(0, |s| s.port))
    }

    /// The server (none for a folder).
    pub fn server(&self) -> &Server {
        self.server.as_ref().expect("a server")
    }

    /// The server's port (none for a folder).
    pub fn port(&self) -> u16 {
        self.server.as_ref().expect("a server").port
    }

    /// As [`Host::place`], reaching the server through `port` (a proxy in front of it: `proxy.rs`).
    pub fn place_through(&self, name: &str, port: u16) -> Place {
        let server = || self.server.as_ref().expect("a server");
        let (spec, creds) = match self.backend {
            Backend::Folder => {
                let dir = self.tmp.join(format!("folder-{name}"));
                std::fs::create_dir_all(&dir).unwrap();
                (dir.display().to_string(), Credentials::default())
            }
            Backend::WebDav => {
                std::fs::create_dir_all(server().root.join(name)).unwrap();
                (
                    format!("http://127.0.0.1:{port}/{name}"),
                    Credentials::default(),
                )
            }
            Backend::S3 => (
                format!("s3://meetings/{name}?endpoint=http://127.0.0.1:{port}&region=us-east-1"),
                Credentials {
                    user: Some("test".into()),
                    secret: Some("test".into()),
                    key_file: None,
                },
            ),
            Backend::Sftp => {
                let dir = server().root.join(name);
                std::fs::create_dir_all(&dir).unwrap();
                (
                    format!(
                        "sftp://127.0.0.1:{port}{}?known_hosts=accept",
                        dir.display()
                    ),
                    Credentials {
                        user: Some(servers::user()),
                        secret: None,
                        key_file: self.key.clone(),
                    },
                )
            }
        };
        Place::new(spec, creds)
    }
}

/// A location and the test's hands on its files.
pub struct Place {
    pub loc: Location,
    /// How a child process names it again ([`Place::new`]).
    pub spec: String,
    pub creds: Credentials,
}

impl Place {
    pub fn new(spec: String, creds: Credentials) -> Place {
        Place {
            loc: parse_location(&spec, &creds).unwrap_or_else(|e| panic!("{spec}: {e}")),
            spec,
            creds,
        }
    }

    /// The directory of `id`'s files, relative to the location.
    pub fn replica_dir(id: &str) -> String {
        format!("rapporteur/v1/replicas/{id}")
    }

    pub async fn read(&self, rel: &str) -> Vec<u8> {
        match &self.loc {
            Location::Folder(root) => std::fs::read(root.join(rel)).unwrap(),
            Location::Remote(r) => r.operator().read(rel).await.unwrap().to_vec(),
        }
    }

    /// Puts `bytes` at `rel` (creating directories on the way), replacing what is there.
    pub async fn write(&self, rel: &str, bytes: &[u8]) {
        match &self.loc {
            Location::Folder(root) => {
                let path = root.join(rel);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, bytes).unwrap();
            }
            Location::Remote(r) => {
                let op = r.operator();
                if let Some((dir, _)) = rel.rsplit_once('/')
                    && op.info().capability().create_dir
                {
                    op.create_dir(&format!("{dir}/")).await.unwrap();
                }
                op.write(rel, bytes.to_vec()).await.unwrap();
            }
        }
    }

    /// Takes the file at `rel` away (to put it back with [`Place::write`]).
    pub async fn remove(&self, rel: &str) {
        match &self.loc {
            Location::Folder(root) => std::fs::remove_file(root.join(rel)).unwrap(),
            Location::Remote(r) => r.operator().delete(rel).await.unwrap(),
        }
    }

    /// Every file in the place: its path relative to the location, and its bytes.
    pub async fn files(&self) -> Vec<(String, Vec<u8>)> {
        match &self.loc {
            Location::Folder(root) => all_files(root)
                .into_iter()
                .map(|(p, b)| {
                    let rel = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
                    (rel, b)
                })
                .collect(),
            Location::Remote(r) => {
                let op = r.operator();
                let mut out = Vec::new();
                for e in op.list_with("/").recursive(true).await.unwrap() {
                    if e.metadata().is_file() {
                        let bytes = op.read(e.path()).await.unwrap().to_vec();
                        out.push((e.path().to_owned(), bytes));
                    }
                }
                out
            }
        }
    }
}

/// Where a scenario's replicas sync.
pub enum Topology {
    One(Backend),
    /// Two replicas on WebDAV, the others on a folder, and a carrier syncing with both.
    Mix,
}

/// The places of a scenario, and the carrier of the mix.
pub struct Net {
    _hosts: Vec<Host>,
    places: Vec<Place>,
    carrier: Option<Node>,
}

impl Net {
    pub async fn start(topology: Topology, tmp: &Path) -> Net {
        match topology {
            Topology::One(b) => {
                let host = Host::start(b, tmp);
                let place = host.place("team");
                Net {
                    _hosts: vec![host],
                    places: vec![place],
                    carrier: None,
                }
            }
            Topology::Mix => {
                let dav = Host::start(Backend::WebDav, tmp);
                let folder = Host::start(Backend::Folder, tmp);
                let places = vec![dav.place("team"), folder.place("stick")];
                Net {
                    _hosts: vec![dav, folder],
                    places,
                    carrier: Some(Node::open(&tmp.join("carrier")).await),
                }
            }
        }
    }

    /// Where replica number `i` of the scenario syncs.
    pub fn home(&self, i: usize) -> &Location {
        &self.places[if i < 2 { 0 } else { self.places.len() - 1 }].loc
    }

    /// One round of each node at its home, then the carrier's at every place; their reports.
    pub async fn everyone_rounds(&self, nodes: &[Node]) -> Vec<RoundReport> {
        let mut reports = Vec::new();
        for (i, n) in nodes.iter().enumerate() {
            reports.push(n.round_at(self.home(i)).await);
        }
        if let Some(c) = &self.carrier {
            for p in &self.places {
                reports.push(c.round_at(&p.loc).await);
            }
        }
        reports
    }

    /// Every file at every place.
    pub async fn files(&self) -> Vec<(String, Vec<u8>)> {
        let mut out = Vec::new();
        for p in &self.places {
            out.extend(p.files().await);
        }
        out
    }
}

/// `#[tokio::test]`s running `scenario(Backend)` over the backends listed (test name => `Backend` variant), in a
/// module named after it.
macro_rules! over_backends {
    ($scenario:ident: $($test:ident => $backend:ident),+) => {
        mod $scenario {
            use crate::places::Backend;
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $test() {
                    super::$scenario(Backend::$backend).await
                }
            )+
        }
    };
}
pub(crate) use over_backends;

/// [`over_backends`] over each backend.
macro_rules! over_every_backend {
    ($scenario:ident) => {
        crate::places::over_backends!($scenario: folder => Folder, webdav => WebDav, s3 => S3, sftp => Sftp);
    };
}
pub(crate) use over_every_backend;

/// As [`over_every_backend`], for `scenario(Topology)`, with the mix too.
macro_rules! over_every_topology {
    ($scenario:ident) => {
        mod $scenario {
            use crate::places::{Backend, Topology};
            #[tokio::test]
            async fn folder() {
                super::$scenario(Topology::One(Backend::Folder)).await
            }
            #[tokio::test]
            async fn webdav() {
                super::$scenario(Topology::One(Backend::WebDav)).await
            }
            #[tokio::test]
            async fn s3() {
                super::$scenario(Topology::One(Backend::S3)).await
            }
            #[tokio::test]
            async fn sftp() {
                super::$scenario(Topology::One(Backend::Sftp)).await
            }
            #[tokio::test]
            async fn mix() {
                super::$scenario(Topology::Mix).await
            }
        }
    };
}
pub(crate) use over_every_topology;
