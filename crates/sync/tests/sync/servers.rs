//! Real servers for the remote-location tests, started on 127.0.0.1 by the tests themselves: WebDAV
//! (`wsgidav`), S3 (`moto_server`, and SeaweedFS where a server must check signatures against a user's secret)
//! and SFTP (Debian's `sshd`, key login).
//!
//! `scripts/setup.sh` installs the Python servers into `target/tools/sync-servers` (or where
//! `RAPPORTEUR_SYNC_SERVERS` points) and `openssh-server` with apt. A missing server fails the test with a
//! message saying how to install it: these tests never skip.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rapporteur_sync::{Credentials, Location, parse_location};

/// Where the Python servers are installed: the workspace's `target/tools/sync-servers`, found from the crate
/// (or the root package, for the end-to-end tests) that includes this file.
fn tools_bin() -> PathBuf {
    if let Some(p) = std::env::var_os("RAPPORTEUR_SYNC_SERVERS") {
        return PathBuf::from(p).join("bin");
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let installed = |root: &Path| root.join("target/tools/sync-servers/bin");
    manifest
        .ancestors()
        .map(installed)
        .find(|bin| bin.is_dir())
        .unwrap_or_else(|| installed(manifest))
}

fn require(program: &Path) -> PathBuf {
    assert!(
        program.is_file(),
        "{} is missing: run scripts/setup.sh (it installs the test servers for remote sync locations)",
        program.display()
    );
    program.to_path_buf()
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port on 127.0.0.1")
}

/// A server process, killed when dropped.
pub struct Server {
    pub port: u16,
    /// The directory it serves (WebDAV, SFTP) or keeps its data in.
    pub root: PathBuf,
    child: Mutex<Option<Child>>,
    command: Mutex<Command>,
    name: &'static str,
}

impl Server {
    fn start(name: &'static str, port: u16, root: PathBuf, mut command: Command) -> Server {
        command.stdout(Stdio::null()).stderr(Stdio::null());
        let s = Server {
            port,
            root,
            child: Mutex::new(None),
            command: Mutex::new(command),
            name,
        };
        s.restart();
        s
    }

    /// Starts it again (after [`Server::stop`]) on the same port and data, and waits until it accepts.
    pub fn restart(&self) {
        let child = self
            .command
            .lock()
            .unwrap()
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", self.name));
        *self.child.lock().unwrap() = Some(child);
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            if let Some(status) = self
                .child
                .lock()
                .unwrap()
                .as_mut()
                .and_then(|c| c.try_wait().ok().flatten())
            {
                panic!("{} exited at start: {status}", self.name);
            }
            assert!(
                Instant::now() < deadline,
                "{} did not accept connections within 30 s",
                self.name
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Kills it and waits until it is gone.
    pub fn stop(&self) {
        if let Some(mut c) = self.child.lock().unwrap().take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// WebDAV on a fresh directory under `tmp`; with `user`, Basic authentication for that user and password.
pub fn webdav(tmp: &Path, user: Option<(&str, &str)>) -> Server {
    let program = require(&tools_bin().join("wsgidav"));
    let port = free_port();
    let root = tmp.join(format!("dav-{port}"));
    std::fs::create_dir_all(&root).unwrap();
    let users = match user {
        Some((u, p)) => format!(
            "simple_dc:\n  user_mapping:\n    \"*\":\n      \"{u}\":\n        password: \"{p}\"\n"
        ),
        None => "simple_dc:\n  user_mapping:\n    \"*\": true\n".into(),
    };
    let config = tmp.join(format!("wsgidav-{port}.yaml"));
    std::fs::write(
        &config,
        format!(
            "host: 127.0.0.1\nport: {port}\nprovider_mapping:\n  \"/\": {root:?}\nhttp_authenticator:\n  \
             accept_basic: true\n  accept_digest: false\n  default_to_digest: false\n{users}logging:\n  enable: false\n"
        ),
    )
    .unwrap();
    let mut cmd = Command::new(program);
    cmd.arg("-c").arg(&config);
    Server::start("wsgidav", port, root, cmd)
}

/// An S3 server (moto) with `bucket` created.
pub fn s3(tmp: &Path, bucket: &str) -> Server {
    moto(tmp, bucket, &[])
}

/// An S3 server (moto) with `bucket` created that then checks every request's credentials against its own
/// IAM users, of which it has none: every key is refused (403 `InvalidAccessKeyId`).
pub fn s3_refusing(tmp: &Path, bucket: &str) -> Server {
    moto(tmp, bucket, &[("INITIAL_NO_AUTH_ACTION_COUNT", "1")])
}

fn moto(tmp: &Path, bucket: &str, env: &[(&str, &str)]) -> Server {
    let program = require(&tools_bin().join("moto_server"));
    let port = free_port();
    let mut cmd = Command::new(program);
    cmd.args(["-H", "127.0.0.1", "-p", &port.to_string()])
        .envs(env.iter().copied());
    let s = Server::start("moto_server", port, tmp.to_path_buf(), cmd);
    let answer = http_put(port, &format!("/{bucket}"), "", "");
    assert!(
        answer.starts_with("HTTP/1.1 200"),
        "creating the bucket: {answer}"
    );
    s
}

/// An unsigned `PUT` of `body` with the extra header lines `headers` (each ending in `\r\n`); the answer's
/// status line. Creates a bucket on moto, and probes a server's conditional create.
pub fn http_put(port: u16, path: &str, headers: &str, body: &str) -> String {
    http(port, "PUT", path, headers, body)
}

/// An unsigned request with the extra header lines `headers`; the answer's status line.
fn http(port: u16, method: &str, path: &str, headers: &str, body: &str) -> String {
    use std::io::{Read as _, Write as _};
    let mut c = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        c,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{headers}Content-Length: {}\r\n\
         Connection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    let _ = c.read_to_string(&mut answer);
    answer.lines().next().unwrap_or_default().to_owned()
}

/// An S3 server (SeaweedFS) with `bucket` created, that knows one user, `key` with `secret`, and checks every
/// request's signature against that secret (moto, checking signatures, refuses OpenDAL's signed listings even
/// with the right secret). Its other services listen on free ports too; the S3 port is [`Server::port`].
pub fn seaweedfs(tmp: &Path, bucket: &str, (key, secret): (&str, &str)) -> Server {
    let program = require(&tools_bin().join("weed"));
    let s3_port = free_port();
    let root = tmp.join(format!("seaweedfs-{s3_port}"));
    std::fs::create_dir_all(&root).unwrap();
    let identities = root.join("s3.json");
    let user = serde_json::json!({"identities": [{
        "name": key,
        "credentials": [{"accessKey": key, "secretKey": secret}],
        "actions": ["Admin", "Read", "Write", "List", "Tagging"],
    }]});
    std::fs::write(&identities, user.to_string()).unwrap();
    let filer_port = free_port();
    let mut cmd = Command::new(program);
    cmd.arg("server")
        .arg(format!("-dir={}", root.display()))
        .args([
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            "-master.telemetry=false",
        ])
        .args([
            "-master.volumeSizeLimitMB=64",
            "-s3",
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
        ])
        .arg(format!("-s3.config={}", identities.display()))
        .arg(format!("-s3.port={s3_port}"))
        .arg(format!("-filer.port={filer_port}"))
        .arg(format!("-master.port={}", free_port()))
        .arg(format!("-volume.port={}", free_port()));
    for service in ["master", "volume", "filer", "s3"] {
        cmd.arg(format!("-{service}.port.grpc={}", free_port()));
    }
    let s = Server::start("weed", s3_port, root, cmd);
    // A bucket is a directory under the filer's /buckets; the filer takes it once the master has placed it,
    // which is after the S3 port accepts.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let answer = match TcpStream::connect(("127.0.0.1", filer_port)) {
            Ok(_) => http(filer_port, "POST", &format!("/buckets/{bucket}/"), "", ""),
            Err(e) => e.to_string(),
        };
        if answer.starts_with("HTTP/1.1 201") {
            return s;
        }
        assert!(
            Instant::now() < deadline,
            "SeaweedFS did not create the bucket within 60 s: {answer}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// An SFTP server (sshd, key login only) serving a fresh directory under `tmp`; returns it and the key.
pub fn sftp(tmp: &Path) -> (Server, PathBuf) {
    let sshd = require(Path::new("/usr/sbin/sshd"));
    let port = free_port();
    let dir = tmp.join(format!("sshd-{port}"));
    let root = dir.join("root");
    std::fs::create_dir_all(&root).unwrap();
    let key = dir.join("client_key");
    let host_key = dir.join("host_key");
    for k in [&key, &host_key] {
        let ok = Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-f"])
            .arg(k)
            .status()
            .is_ok_and(|s| s.success());
        assert!(
            ok,
            "ssh-keygen failed: install openssh-client (scripts/setup.sh)"
        );
    }
    std::fs::copy(dir.join("client_key.pub"), dir.join("authorized_keys")).unwrap();
    // OpenSSH's own sftp-server behind a wrapper that sets the file size limit of each new session from
    // `limit` ([`sftp_file_limit`]), so a test can make the server's writes fail as a full disk does.
    let sftp_server = require(Path::new("/usr/lib/openssh/sftp-server"));
    std::fs::write(dir.join("limit"), "unlimited").unwrap();
    let wrapper = dir.join("sftp-server.sh");
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\nulimit -f \"$(cat '{}')\"\ntrap '' XFSZ\nexec {}\n",
            dir.join("limit").display(),
            sftp_server.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(
        &wrapper,
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    let config = dir.join("sshd_config");
    std::fs::write(
        &config,
        format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {hk}\nAuthorizedKeysFile {ak}\nPidFile {pid}\n\
             PasswordAuthentication no\nKbdInteractiveAuthentication no\nStrictModes no\nUsePAM no\n\
             Subsystem sftp {wrapper}\n",
            wrapper = wrapper.display(),
            hk = host_key.display(),
            ak = dir.join("authorized_keys").display(),
            pid = dir.join("sshd.pid").display(),
        ),
    )
    .unwrap();
    std::fs::create_dir_all("/run/sshd").unwrap();
    let mut cmd = Command::new(sshd);
    cmd.arg("-D").arg("-e").arg("-f").arg(&config);
    (Server::start("sshd", port, root, cmd), key)
}

/// Sets the largest file the SFTP server `s` (from [`sftp`]) writes in its next sessions: `Some(0)` makes
/// every write fail as on a full disk (the server answers `SSH_FX_FAILURE`, as it does for `ENOSPC`), `None`
/// lifts the limit. Sessions already open keep theirs.
pub fn sftp_file_limit(s: &Server, blocks: Option<u64>) {
    let limit = blocks.map_or("unlimited".to_owned(), |b| b.to_string());
    std::fs::write(s.root.parent().unwrap().join("limit"), limit).unwrap();
}

/// The user the tests run as (sshd logs in as them).
pub fn user() -> String {
    std::env::var("USER")
        .ok()
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| "root".into())
}

/// A location on one of the servers above.
pub fn location(spec: &str, creds: &Credentials) -> Location {
    parse_location(spec, creds).unwrap_or_else(|e| panic!("{spec}: {e}"))
}

/// The WebDAV location at `/<dir>` of `s`.
pub fn webdav_at(s: &Server, dir: &str, creds: &Credentials) -> Location {
    location(&format!("http://127.0.0.1:{}/{dir}", s.port), creds)
}

/// The S3 location at `s3://<bucket>/<prefix>` on `s`.
pub fn s3_at(s: &Server, bucket: &str, prefix: &str) -> Location {
    let creds = Credentials {
        user: Some("test".into()),
        secret: Some("test".into()),
        key_file: None,
    };
    location(
        &format!(
            "s3://{bucket}/{prefix}?endpoint=http://127.0.0.1:{}&region=us-east-1",
            s.port
        ),
        &creds,
    )
}

/// The SFTP location at `<root>/<dir>` of `s`, logging in with `key`.
pub fn sftp_at(s: &Server, key: &Path, dir: &str) -> Location {
    let creds = Credentials {
        user: Some(user()),
        secret: None,
        key_file: Some(key.to_path_buf()),
    };
    std::fs::create_dir_all(s.root.join(dir)).unwrap();
    location(
        &format!(
            "sftp://127.0.0.1:{}{}/{dir}?known_hosts=accept",
            s.port,
            s.root.display()
        ),
        &creds,
    )
}
