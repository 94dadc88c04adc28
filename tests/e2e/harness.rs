//! Starting and stopping the app under WebDriver, and small helpers over fantoccini for waiting, typing and
//! screenshots. tauri-driver is stopped with SIGTERM (never SIGKILL): killed hard, it leaves WebKitWebDriver
//! holding the test's output pipe and `cargo test` hangs.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::error::CmdError;
use fantoccini::{Client, ClientBuilder, Locator, elements::Element};
use serde_json::{Value, json};

pub type Res<T = ()> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// One app at a time: two WebKit processes side by side on a small CI machine only slow both down.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

pub fn screenshot_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
    std::fs::create_dir_all(&dir).expect("create target/e2e-screenshots");
    dir
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

/// tauri-driver, running with a data directory of its own; the app it launches inherits its environment,
/// including where its native file dialogs take their answers from (see [`Driver::answer_dialogs`]).
pub struct Driver {
    child: Child,
    port: u16,
    _data_dir: tempfile::TempDir,
    dialogs: tempfile::TempDir,
    _turn: Option<std::sync::MutexGuard<'static, ()>>,
    /// Whether the app opens real file dialogs rather than reading answers from a file.
    real_dialogs: bool,
}

/// The file the test build of the app reads dialog answers from (`RAPPORTEUR_TEST_DIALOGS`).
const DIALOG_ANSWERS: &str = "answers";

impl Driver {
    pub async fn start() -> Res<Driver> {
        let turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
        Driver::spawn(tempfile::tempdir()?, tempfile::tempdir()?, turn, false).await
    }

    /// As [`Driver::start`], but the app opens the real native file dialogs (no answers file is named), for a
    /// test that looks at a dialog itself through X11.
    pub async fn start_with_real_dialogs() -> Res<Driver> {
        let turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
        Driver::spawn(tempfile::tempdir()?, tempfile::tempdir()?, turn, true).await
    }

    /// The answers the app's next native file dialogs give, in order: the path the user picks, or `None` for
    /// "cancelled". The app's debug build reads them from a file the page cannot
    /// reach, so a test chooses files the way a user does and the page still never names a path.
    pub fn answer_dialogs(&self, answers: &[Option<&Path>]) -> Res {
        let mut text = String::new();
        for answer in answers {
            text.push_str(&answer.map(|p| p.display().to_string()).unwrap_or_default());
            text.push('\n');
        }
        std::fs::write(self.dialogs.path().join(DIALOG_ANSWERS), text)?;
        Ok(())
    }

    /// The app's data directory.
    pub fn data_dir(&self) -> &Path {
        self._data_dir.path()
    }

    /// Each file dialog the app opened so far: `kind<TAB>title<TAB>answer` (kind: open, folder or save).
    pub fn dialogs_asked(&self) -> Vec<String> {
        let asked = self
            .dialogs
            .path()
            .join(DIALOG_ANSWERS)
            .with_extension("asked");
        std::fs::read_to_string(asked)
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect()
    }

    /// Stops this tauri-driver (and the WebKitWebDriver under it) and starts a fresh one on the same data
    /// directory. After the app was killed outright, the old WebKitWebDriver may still be tearing down the dead
    /// session; a fresh driver does not depend on how long that takes.
    pub async fn restart(mut self) -> Res<Driver> {
        self.stop();
        let data_dir = std::mem::replace(&mut self._data_dir, tempfile::tempdir()?);
        let dialogs = std::mem::replace(&mut self.dialogs, tempfile::tempdir()?);
        let turn = self._turn.take();
        let real_dialogs = self.real_dialogs;
        drop(self);
        let turn = turn.ok_or("the driver no longer holds its turn")?;
        Driver::spawn(data_dir, dialogs, turn, real_dialogs).await
    }

    async fn spawn(
        data_dir: tempfile::TempDir,
        dialogs: tempfile::TempDir,
        turn: std::sync::MutexGuard<'static, ()>,
        real_dialogs: bool,
    ) -> Res<Driver> {
        let port = free_port();
        let native_port = free_port();
        let program = std::env::var_os("TAURI_DRIVER").unwrap_or_else(|| "tauri-driver".into());
        let mut command = Command::new(&program);
        if !real_dialogs {
            command.env(
                "RAPPORTEUR_TEST_DIALOGS",
                dialogs.path().join(DIALOG_ANSWERS),
            );
        }
        let child = command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("RAPPORTEUR_DATA_DIR", data_dir.path())
            // One software-rendered web process is plenty under Xvfb, and avoids DMA-BUF warnings.
            .env("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| {
                format!(
                    "cannot start {}: {e} (cargo install tauri-driver --locked)",
                    program.to_string_lossy()
                )
            })?;
        let driver = Driver {
            child,
            port,
            _data_dir: data_dir,
            dialogs,
            _turn: Some(turn),
            real_dialogs,
        };
        // tauri-driver forwards each request to the WebKitWebDriver it starts on `native_port`; a session
        // asked for before that one listens fails ("webdriver server did not respond"), so wait for both.
        let deadline = Instant::now() + Duration::from_secs(30);
        for p in [port, native_port] {
            while std::net::TcpStream::connect(("127.0.0.1", p)).is_err() {
                if Instant::now() > deadline {
                    return Err(format!("the WebDriver server on port {p} did not start").into());
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
        Ok(driver)
    }

    /// Imports a meeting record (the interchange JSON) into this driver's data directory through the facade,
    /// as the app's own import does; call it while the app is not running. Returns the meeting's id.
    pub async fn import(&self, name: &str, json: &[u8]) -> Res<String> {
        let app = rapporteur_app::App::open(self._data_dir.path()).await?;
        Ok(app.import_json(name, json).await?)
    }

    /// Every meeting in this driver's data directory, as `rapporteur show --json` gives it (the facade's
    /// record through serde); call it while the app is not running.
    pub async fn stored_records(&self) -> Res<Vec<Value>> {
        let app = rapporteur_app::App::open(self._data_dir.path()).await?;
        let mut out = Vec::new();
        for m in app.list_meetings().await? {
            out.push(serde_json::to_value(app.record(&m.id).await?)?);
        }
        Ok(out)
    }

    /// The app processes this driver started.
    pub fn app_pids(&self) -> Vec<u32> {
        app_pids_under(self.child.id())
    }

    /// Launch the app (a new session starts a new process) and wait until its UI is up.
    pub async fn launch(&self) -> Res<App> {
        let caps = json!({
            "tauri:options": { "application": env!("CARGO_BIN_EXE_rapporteur-desktop") },
        });
        let Value::Object(caps) = caps else {
            unreachable!()
        };
        let client = ClientBuilder::native()
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await?;
        let app = App {
            client,
            driver_pid: self.child.id(),
        };
        app.wait_for("[data-testid=sidebar]").await?;
        Ok(app)
    }
}

impl Driver {
    fn stop(&mut self) {
        // Already stopped (by `restart`): the pid may belong to another process by now.
        if let Ok(Some(_)) = self.child.try_wait() {
            return;
        }
        if let Ok(pid) = i32::try_from(self.child.id()) {
            let _ = Command::new("kill")
                .args(["-TERM", &pid.to_string()])
                .status();
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        self.stop();
    }
}

async fn until_exited(driver_pid: u32) -> Res {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !app_pids_under(driver_pid).is_empty() {
        if Instant::now() > deadline {
            return Err("the app did not exit".into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}

/// The processes running our binary below `driver_pid` (tauri-driver starts WebKitWebDriver, which starts
/// the app).
fn app_pids_under(driver_pid: u32) -> Vec<u32> {
    let bin = std::fs::canonicalize(env!("CARGO_BIN_EXE_rapporteur-desktop")).unwrap_or_default();
    let mut family = vec![driver_pid];
    let mut found = Vec::new();
    for _ in 0..4 {
        let mut next = Vec::new();
        for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
            let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
                continue;
            };
            let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
                continue;
            };
            let ppid = stat
                .rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().nth(1)?.parse::<u32>().ok());
            // A process that has exited but not been reaped yet (state Z) no longer holds the database.
            let zombie = stat
                .rsplit_once(')')
                .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z'));
            if ppid.is_some_and(|p| family.contains(&p)) {
                next.push(pid);
                if !zombie
                    && std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|exe| exe == bin)
                {
                    found.push(pid);
                }
            }
        }
        family = next;
    }
    found
}

pub struct App {
    pub client: Client,
    driver_pid: u32,
}

impl App {
    /// Closes the window as its close button does (so the app writes its pending autosaves, as it would for
    /// a user), waits until the app process has exited, so that the next launch opens a database nobody else
    /// holds, and then ends the WebDriver session.
    pub async fn quit(self) -> Res {
        let pids = app_pids_under(self.driver_pid);
        let mut sent = 0;
        for &pid in &pids {
            sent += crate::window_close::send_wm_delete(pid)?;
        }
        if sent == 0 {
            return Err(format!("no window of the app ({pids:?}) to close").into());
        }
        until_exited(self.driver_pid).await?;
        // The session ended with the app; ending it again only reports that, and may take a while to say so.
        let _ = tokio::time::timeout(Duration::from_secs(5), self.client.close()).await;
        Ok(())
    }

    /// Waits until no app process of this session's driver is left.
    pub async fn until_exited(&self) -> Res {
        until_exited(self.driver_pid).await
    }

    /// Presses `c` with `modifier` held (Ctrl+A, say) through WebDriver key actions.
    pub async fn chord(&self, modifier: fantoccini::key::Key, c: char) -> Res {
        let m = char::from(modifier);
        let keys = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: m })
            .then(KeyAction::Down { value: c })
            .then(KeyAction::Up { value: c })
            .then(KeyAction::Up { value: m });
        self.client.perform_actions(keys).await?;
        Ok(())
    }

    /// Types `text` into whatever has the keyboard focus, through WebDriver key actions (the path a real
    /// keyboard takes: keydown, keypress, input, keyup for every character), with no pause between keys.
    pub async fn type_keys(&self, text: &str) -> Res {
        let mut keys = KeyActions::new("keyboard".into());
        for c in text.chars() {
            keys = keys
                .then(KeyAction::Down { value: c })
                .then(KeyAction::Up { value: c });
        }
        self.client.perform_actions(keys).await?;
        Ok(())
    }

    pub async fn wait_for(&self, css: &str) -> Res<Element> {
        Ok(self
            .client
            .wait()
            .at_most(Duration::from_secs(15))
            .every(Duration::from_millis(50))
            .for_element(Locator::Css(css))
            .await
            .map_err(|e| format!("waiting for {css}: {e}"))?)
    }

    pub async fn find(&self, css: &str) -> Res<Element> {
        Ok(self
            .client
            .find(Locator::Css(css))
            .await
            .map_err(|e| format!("{css}: {e}"))?)
    }

    pub async fn find_all(&self, css: &str) -> Res<Vec<Element>> {
        Ok(self.client.find_all(Locator::Css(css)).await?)
    }

    /// Clicks the element `css` names. Svelte may replace it between finding and clicking (a list refreshed
    /// by a sync round, say); a person would click the new one, so a stale element is looked up again.
    /// Scrolls `el` to the centre of the view of the panel that holds it, as a person does before clicking
    /// it. Several panels scroll on their own (the speaker's panel, the Overview form), and WebKitWebDriver's
    /// click and option choice scroll only the page, not a nested panel. The centre, not the nearest edge: at
    /// an edge a field can sit under a toast.
    pub async fn reveal(&self, el: &Element) -> Result<(), CmdError> {
        self.client
            .execute(
                "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'}); return true;",
                vec![json!(el)],
            )
            .await
            .map(drop)
    }

    pub async fn click(&self, css: &str) -> Res {
        let mut tries = 0;
        loop {
            let el = self.wait_for(css).await?;
            let clicked = async {
                self.reveal(&el).await?;
                el.click().await
            };
            match clicked.await {
                Ok(()) => return Ok(()),
                Err(e) if e.is_stale_element_reference() && tries < 5 => tries += 1,
                Err(e) => return Err(format!("clicking {css}: {e}").into()),
            }
        }
    }

    /// Clicks into `css` and types `text`; like `click`, it looks a replaced element up again (WebDriver
    /// refuses a stale element before typing anything into it).
    pub async fn type_into(&self, css: &str, text: &str) -> Res {
        let mut tries = 0;
        loop {
            let el = self.wait_for(css).await?;
            let typed = async {
                self.reveal(&el).await?;
                el.click().await?;
                el.send_keys(text).await
            };
            match typed.await {
                Ok(()) => return Ok(()),
                Err(e) if e.is_stale_element_reference() && tries < 5 => tries += 1,
                Err(e) => return Err(format!("typing into {css}: {e}").into()),
            }
        }
    }

    pub async fn js(&self, script: &str, args: Vec<Value>) -> Res<Value> {
        Ok(self.client.execute(script, args).await?)
    }

    /// Polls `script` (which returns a boolean) until it is true.
    pub async fn until(&self, what: &str, script: &str, args: Vec<Value>) -> Res {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            // A script error (an element not rendered yet) counts as "not yet".
            let last = match self.js(script, args.clone()).await {
                Ok(Value::Bool(true)) => return Ok(()),
                Ok(v) => v.to_string(),
                Err(e) => e.to_string(),
            };
            if Instant::now() > deadline {
                return Err(format!("timed out waiting until {what} (last: {last})").into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn count(&self, css: &str) -> Res<usize> {
        Ok(self.find_all(css).await?.len())
    }

    pub async fn until_count(&self, css: &str, n: usize) -> Res {
        self.until(
            &format!("{n} × {css}"),
            "return document.querySelectorAll(arguments[0]).length === arguments[1];",
            vec![json!(css), json!(n)],
        )
        .await
    }

    /// All text of the elements matching `css`, in document order.
    pub async fn texts(&self, css: &str) -> Res<Vec<String>> {
        let v = self
            .js("return [...document.querySelectorAll(arguments[0])].map(e => e.value !== undefined && e.tagName !== 'BUTTON' && e.tagName !== 'LI' ? e.value : e.textContent.trim());", vec![json!(css)])
            .await?;
        Ok(serde_json::from_value(v)?)
    }

    /// Waits until the trimmed texts of the elements matching `css` are exactly `want`, in order (names
    /// from the registry, say, which arrive a moment after their rows).
    pub async fn until_texts(&self, css: &str, want: &[&str]) -> Res {
        self.until(
            &format!("{css} reads {want:?}"),
            "const r = [...document.querySelectorAll(arguments[0])].map(e => e.textContent.trim()); \
             return JSON.stringify(r) === JSON.stringify(arguments[1]);",
            vec![json!(css), json!(want)],
        )
        .await
    }

    /// Waits for every autosave and every other write of the record to land (the page marks its root
    /// `data-saves="pending"` while any is unwritten, and each indicator shows "Saving…").
    pub async fn settle(&self) -> Res {
        self.until(
            "autosaves landed",
            "return document.documentElement.dataset.saves !== 'pending' && \
             [...document.querySelectorAll('[data-testid=save-state]')].every(e => e.dataset.state !== 'saving');",
            vec![],
        )
        .await?;
        tokio::time::sleep(Duration::from_millis(150)).await;
        Ok(())
    }

    /// Two animation frames, so a screenshot shows the DOM as it now is. A web view that is not painting
    /// (before its first frame) runs no animation frames, so a timer bounds the wait.
    pub async fn next_frame(&self) -> Res {
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1]; let called = false; \
                 const finish = () => { if (!called) { called = true; done(true); } }; \
                 requestAnimationFrame(() => requestAnimationFrame(finish)); setTimeout(finish, 250);",
                vec![],
            )
            .await?;
        Ok(())
    }

    /// WebKitWebDriver's screenshot waits for the next paint, which an idle page never makes: a 1-pixel,
    /// all-but-invisible marker repainted on every animation frame keeps frames coming until the shot is
    /// taken, and is removed afterwards.
    pub async fn screenshot(&self, name: &str) -> Res {
        self.js(
            "if (!document.getElementById('e2e-paint')) { const m = document.createElement('div'); m.id = 'e2e-paint'; \
             Object.assign(m.style, { position: 'fixed', right: '0', bottom: '0', width: '1px', height: '1px', opacity: '0.02', zIndex: '999' }); \
             document.body.appendChild(m); let n = 0; \
             const step = () => { if (!m.isConnected) return; m.style.background = (n++ % 2) ? '#000' : '#fff'; requestAnimationFrame(step); }; step(); }",
            vec![],
        )
        .await?;
        self.next_frame().await?;
        tokio::time::sleep(Duration::from_millis(50)).await;
        let png = tokio::time::timeout(Duration::from_secs(20), self.client.screenshot())
            .await
            .map_err(|_| format!("screenshot {name} timed out"))??;
        std::fs::write(screenshot_dir().join(format!("{name}.png")), png)?;
        self.js("document.getElementById('e2e-paint')?.remove();", vec![])
            .await?;
        Ok(())
    }

    /// Creates a meeting with "New meeting" and types its title over the selected placeholder.
    pub async fn new_meeting(&self, title: &str) -> Res {
        self.click("[data-testid=new-meeting]").await?;
        self.wait_for("[data-testid=meeting-title-input]")
            .await?
            .send_keys(title)
            .await?;
        Ok(())
    }

    /// Adds a speaker as a rapporteur does: types the start of a delegation's name and takes the first
    /// suggestion with Enter.
    pub async fn add_speaker(&self, typed: &str) -> Res {
        self.type_into("[data-testid=add-speaker]", typed).await?;
        self.until(
            &format!("a delegation is suggested for {typed:?}"),
            "return !!document.querySelector('[data-testid=add-speaker-options] button');",
            vec![],
        )
        .await?;
        self.find("[data-testid=add-speaker]")
            .await?
            .send_keys(&char::from(fantoccini::key::Key::Enter).to_string())
            .await?;
        Ok(())
    }

    /// Adds a speaker who is no State: types the whole name and clicks the picker's explicit free entry for
    /// it, filed under `category`.
    pub async fn add_free_speaker(&self, name: &str, category: &str) -> Res {
        self.type_into("[data-testid=add-speaker]", name).await?;
        self.click(&format!(
            "[data-testid=add-speaker-free] button[data-category={category}]"
        ))
        .await
    }

    /// Opens the meeting whose row shows `title`, and waits until it is the one on screen: until then the
    /// tabs on screen may still be the previous meeting's.
    pub async fn open_meeting(&self, title: &str) -> Res {
        self.until(
            &format!("the meeting {title:?} is listed"),
            "const r = [...document.querySelectorAll('[data-testid=meeting-row]')].find(r => r.textContent.includes(arguments[0])); \
             if (r) r.click(); return !!r;",
            vec![json!(title)],
        )
        .await?;
        self.until(
            &format!("the meeting {title:?} is open"),
            "const h = document.querySelector('[data-testid=meeting-title]'); return !!h && h.textContent.trim() === arguments[0];",
            vec![json!(title)],
        )
        .await
    }

    /// Adds an action item through the form on the Actions tab (which must be open).
    pub async fn add_action(&self, from: &str, to: &str, text: &str) -> Res {
        self.type_into("[data-testid=new-action-from]", from)
            .await?;
        self.type_into("[data-testid=new-action-to]", to).await?;
        self.type_into("[data-testid=new-action-text]", text)
            .await?;
        self.click("[data-testid=add-action]").await
    }

    pub async fn tab(&self, view: &str) -> Res {
        self.click(&format!("[data-testid=tab-{view}]")).await?;
        self.wait_for(&format!("[data-testid=view-{view}]")).await?;
        Ok(())
    }
}

/// Runs an async test body on a fresh runtime, so each test reads as straight-line code.
pub fn run(body: impl Future<Output = Res>) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    if let Err(e) = rt.block_on(body) {
        panic!("{e}");
    }
}
