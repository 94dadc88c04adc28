//! Helpers shared by the sync tests: replicas backed by real stores, rounds, and folder inspection.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rapporteur_core::{Language, Meeting, MeetingKind, MeetingStatus};
use rapporteur_store::Store;
use rapporteur_sync::mem::MemReplica;
use rapporteur_sync::{Location, RoundReport, SyncError, SyncOptions, SyncService};

/// One installation: its own data directory and store.
pub struct Node {
    pub store: Store,
    pub dir: PathBuf,
    pub svc: SyncService,
}

impl Node {
    pub async fn open(dir: &Path) -> Node {
        Node::with_options(dir, SyncOptions::default()).await
    }

    pub async fn with_options(dir: &Path, options: SyncOptions) -> Node {
        let store = Store::open(dir).await.expect("store opens");
        Node {
            store,
            dir: dir.to_path_buf(),
            svc: SyncService::new(dir).with_options(options),
        }
    }

    pub fn id(&self) -> String {
        self.store.replica().id
    }

    pub async fn round(&self, folder: &Path) -> RoundReport {
        self.svc
            .round(&self.store, folder, |_| {})
            .await
            .unwrap_or_else(|e| panic!("round failed: {e}"))
    }

    /// One round against any location.
    pub async fn round_at(&self, loc: &Location) -> RoundReport {
        self.try_round_at(loc)
            .await
            .unwrap_or_else(|e| panic!("round failed: {e}"))
    }

    pub async fn try_round_at(&self, loc: &Location) -> Result<RoundReport, SyncError> {
        self.svc.round_at(&self.store, loc, |_| {}).await
    }

    /// Every meeting as this replica shows it: its record as JSON, or "deleted".
    pub async fn state(&self) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for id in self.store.meeting_ids_with_docs().await.unwrap() {
            let shown = match self.store.record(&id).await {
                Ok(r) => serde_json::to_string(&r).unwrap(),
                Err(e) => format!("<{}>", e.code()),
            };
            out.insert(id, shown);
        }
        out
    }
}

pub fn meeting(title: &str) -> Meeting {
    Meeting {
        status_line: None,
        summary_code: None,
        agenda: Vec::new(),
        documents_before: Vec::new(),
        session: None,
        title: title.into(),
        kind: MeetingKind::Briefing,
        convened_by: None,
        date: NaiveDate::from_ymd_opt(2019, 12, 12).unwrap(),
        end_date: None,
        venue: None,
        language: Language::En,
        symbol: None,
        chair: None,
        status: MeetingStatus::Draft,
    }
}

/// `<folder>/rapporteur/v1/replicas/<id>`.
/// `node` creates `n` meetings, one per round, so it writes `n` update files.
pub async fn one_meeting_per_round(node: &Node, folder: &Path, n: usize) {
    for i in 0..n {
        node.store
            .create_meeting(meeting(&format!("Meeting {i}")))
            .await
            .unwrap();
        assert_eq!(node.round(folder).await.sent.len(), 1);
    }
}

pub fn replica_dir(folder: &Path, id: &str) -> PathBuf {
    folder.join("rapporteur/v1/replicas").join(id)
}

/// Every regular file under `dir`, recursively, with its bytes.
pub fn all_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(all_files(&p));
        } else if let Ok(b) = fs::read(&p) {
            out.push((p, b));
        }
    }
    out
}

pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Names in `report.skipped`.
pub fn skipped_files(r: &RoundReport) -> Vec<String> {
    r.skipped.iter().map(|s| s.file.clone()).collect()
}

/// Two memory replicas, "a" and "b", with their sync services, and an empty shared folder, all under `tmp`:
/// for tests that count what a round reads, or edit between rounds. Returns the folder, then A, B and their
/// services.
pub fn mem_pair(tmp: &Path) -> (PathBuf, MemReplica, MemReplica, SyncService, SyncService) {
    let folder = tmp.join("shared");
    fs::create_dir(&folder).unwrap();
    let (sa, sb) = (
        SyncService::new(tmp.join("da")),
        SyncService::new(tmp.join("db")),
    );
    fs::create_dir_all(sa.data_dir()).unwrap();
    fs::create_dir_all(sb.data_dir()).unwrap();
    let (a, b) = (MemReplica::new("a", "A", 1), MemReplica::new("b", "B", 2));
    (folder, a, b, sa, sb)
}
