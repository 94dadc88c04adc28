//! Sync benchmarks (docs/PERFORMANCE.md):
//! - `apply_100k`: a fresh replica applies 100,000 remote changes written by 10 replicas (1,000 files of 100
//!   changes each, as replicas syncing every 100 edits would write them), through the real store; next to it,
//!   inserting 100,000 rows into SQLite in one transaction, in the same run. Target: at most 3x.
//! - `one_new_change/<history>`: a round that receives one new change from a replica whose folder already
//!   holds 1,000 or 10,000 update files. Target: under 50 ms, and not growing with history.
//!
//! Run: `cargo bench -p rapporteur-sync --bench sync`.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use loro::{Container, ExportMode, LoroDoc, LoroText, ValueOrContainer, VersionVector};
use rapporteur_core::{DocumentKind, Language, Meeting, MeetingKind, MeetingStatus};
use rapporteur_store::Store;
use rapporteur_sync::format::encode_update;
use rapporteur_sync::{SyncOptions, SyncService};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection};

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// A meeting made by a real store, as a snapshot payload, and its id.
async fn base_meeting(dir: &Path) -> (String, Vec<u8>) {
    let store = Store::open(dir).await.unwrap();
    let meeting = Meeting {
        status_line: None,
        summary_code: None,
        agenda: Vec::new(),
        documents_before: Vec::new(),
        session: None,
        title: "Benchmark".into(),
        kind: MeetingKind::Plenary,
        convened_by: None,
        date: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        end_date: None,
        venue: None,
        language: Language::En,
        symbol: None,
        chair: None,
        status: MeetingStatus::Draft,
    };
    let id = store.create_meeting(meeting).await.unwrap();
    store
        .doc_set(&id, DocumentKind::Summary, 0, "Base.")
        .await
        .unwrap();
    let payload = store.export_snapshot(&id).await.unwrap().payload;
    store.close().await;
    (id, payload)
}

/// A writer replica: a copy of the base document with its own peer, one change per commit.
struct Writer {
    doc: LoroDoc,
    body: LoroText,
    sent: VersionVector,
}

impl Writer {
    fn new(base: &[u8], peer: u64) -> Writer {
        let doc = LoroDoc::new();
        doc.import(base).unwrap();
        doc.set_peer_id(peer).unwrap();
        doc.set_change_merge_interval(-1);
        let body = match doc.get_map("summary").get("body") {
            Some(ValueOrContainer::Container(Container::Text(t))) => t,
            other => panic!("the store's summary body is a LoroText, found {other:?}"),
        };
        let sent = doc.oplog_vv();
        Writer { doc, body, sent }
    }

    /// Makes `n` changes (one commit each) and returns them as one update payload.
    fn changes(&mut self, n: usize) -> Vec<u8> {
        for _ in 0..n {
            self.body.insert(self.body.len_unicode(), "x").unwrap();
            self.doc.commit();
        }
        let payload = self.doc.export(ExportMode::updates(&self.sent)).unwrap();
        self.sent = self.doc.oplog_vv();
        payload
    }
}

fn write_file(folder: &Path, replica: &str, seq: u64, meeting: &str, payload: &[u8]) {
    let dir = folder.join("rapporteur/v1/replicas").join(replica);
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join(format!("{seq}.upd")),
        encode_update(replica, seq, meeting, payload),
    )
    .unwrap();
}

fn write_head(folder: &Path, replica: &str, head: u64) {
    let dir = folder.join("rapporteur/v1/replicas").join(replica);
    let json = format!(
        r#"{{"format":"rapporteur/replica@1","id":"{replica}","name":"Writer {replica}","head":{head}}}"#
    );
    fs::write(dir.join("replica.json"), json).unwrap();
}

fn apply_100k(c: &mut Criterion) {
    let rt = rt();
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("shared");
    let (meeting, base) = rt.block_on(base_meeting(&tmp.path().join("base")));
    // 10 replicas x 100 files x 100 changes = 100,000 changes. The base travels in w0's first file.
    for w in 0..10u64 {
        let replica = format!("w{w}");
        let mut writer = Writer::new(&base, 1000 + w);
        let mut seq = 1;
        if w == 0 {
            write_file(&folder, &replica, seq, &meeting, &base);
            seq += 1;
        }
        for _ in 0..100 {
            write_file(&folder, &replica, seq, &meeting, &writer.changes(100));
            seq += 1;
        }
        write_head(&folder, &replica, seq - 1);
    }
    let mut g = c.benchmark_group("apply_100k");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("sync_round_applies_100k_changes_from_10_replicas", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for i in 0..iters {
                let dir = tmp.path().join(format!("reader-{}", unique(i)));
                total += rt.block_on(async {
                    let store = Store::open(&dir).await.unwrap();
                    let svc = SyncService::new(&dir);
                    let t = Instant::now();
                    let r = svc.round(&store, &folder, |_| {}).await.unwrap();
                    let elapsed = t.elapsed();
                    assert_eq!(r.received.len(), 1001);
                    assert!(r.skipped.is_empty());
                    store.close().await;
                    elapsed
                });
                fs::remove_dir_all(&dir).unwrap();
            }
            total
        })
    });
    g.bench_function("sqlite_insert_100k_rows_one_transaction", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for i in 0..iters {
                let path = tmp.path().join(format!("plain-{}.db", unique(i)));
                total += rt.block_on(async {
                    let mut conn = SqliteConnectOptions::new()
                        .filename(&path)
                        .create_if_missing(true)
                        .journal_mode(SqliteJournalMode::Wal)
                        .synchronous(SqliteSynchronous::Normal)
                        .connect()
                        .await
                        .unwrap();
                    sqlx::query("CREATE TABLE changes (id INTEGER PRIMARY KEY, replica TEXT, meeting TEXT, body TEXT)")
                        .execute(&mut conn)
                        .await
                        .unwrap();
                    let t = Instant::now();
                    let mut tx = conn.begin().await.unwrap();
                    for n in 0..100_000i64 {
                        sqlx::query("INSERT INTO changes (id, replica, meeting, body) VALUES (?, ?, ?, ?)")
                            .bind(n)
                            .bind("w0")
                            .bind(&meeting)
                            .bind("x")
                            .execute(&mut *tx)
                            .await
                            .unwrap();
                    }
                    tx.commit().await.unwrap();
                    t.elapsed()
                });
                fs::remove_file(&path).unwrap();
            }
            total
        })
    });
    g.finish();
}

/// A distinct name for every iteration of every sample.
fn unique(_: u64) -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

fn one_new_change(c: &mut Criterion) {
    let rt = rt();
    let mut g = c.benchmark_group("one_new_change");
    g.sample_size(30).measurement_time(Duration::from_secs(10));
    for history in [1_000u64, 10_000] {
        let tmp = tempfile::tempdir().unwrap();
        let folder = tmp.path().join("shared");
        let (meeting, base) = rt.block_on(base_meeting(&tmp.path().join("base")));
        let mut writer = Writer::new(&base, 7);
        write_file(&folder, "w", 1, &meeting, &base);
        for seq in 2..=history {
            write_file(&folder, "w", seq, &meeting, &writer.changes(1));
        }
        write_head(&folder, "w", history);
        let dir = tmp.path().join("reader");
        let store = rt.block_on(Store::open(&dir)).unwrap();
        // Steady state: listing the whole folder happens on a replica's first round and then rarely.
        let svc = SyncService::new(&dir).with_options(SyncOptions {
            full_scan_every: 1_000_000,
            ..SyncOptions::default()
        });
        let first = rt.block_on(svc.round(&store, &folder, |_| {})).unwrap();
        assert_eq!(first.received.len() as u64, history);
        rt.block_on(svc.round(&store, &folder, |_| {})).unwrap(); // relays once what it received
        let mut seq = history;
        g.bench_function(
            format!("receive_one_change_with_{history}_history_files"),
            |b| {
                b.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        seq += 1;
                        write_file(&folder, "w", seq, &meeting, &writer.changes(1));
                        write_head(&folder, "w", seq);
                        let t = Instant::now();
                        let r = rt.block_on(svc.round(&store, &folder, |_| {})).unwrap();
                        total += t.elapsed();
                        assert_eq!(r.received.len(), 1);
                    }
                    total
                })
            },
        );
    }
    g.finish();
}

criterion_group!(benches, apply_100k, one_new_change);
criterion_main!(benches);
