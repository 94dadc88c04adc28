//! Store benchmarks: importing meetings, searching 10,000 of them, opening one, and reading one whose
//! summary has a long, heavy history.
//!
//! Run: `CARGO_PROFILE_BENCH_LTO=false cargo bench -p rapporteur-store` (figures go to docs/PERFORMANCE.md).
//! Text is generated from a fixed seed, so runs are comparable.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use rapporteur_core::{DocumentKind, MeetingRecord, parse_record};
use rapporteur_store::{Edit, Store};
use tokio::runtime::Runtime;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/network-briefing-2019-12-12.json"
);

/// xorshift64*: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a>(&mut self, words: &'a [String]) -> &'a str {
        &words[(self.next() % words.len() as u64) as usize]
    }
}

/// A vocabulary of about 5,000 words: real subject words plus generated ones, so terms range from
/// very common to rare, as in real records.
fn vocabulary() -> Vec<String> {
    let mut words: Vec<String> = [
        "migration",
        "migrants",
        "compact",
        "network",
        "review",
        "regional",
        "national",
        "implementation",
        "fund",
        "donor",
        "capacity",
        "returns",
        "remittances",
        "consular",
        "protection",
        "children",
        "labour",
        "mobility",
        "climate",
        "displacement",
        "data",
        "borders",
        "integration",
        "health",
        "rights",
        "trafficking",
        "smuggling",
        "detention",
        "alternatives",
        "pathways",
        "reintegration",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let syllables = [
        "ka", "lo", "mi", "ne", "ru", "ta", "vo", "zen", "pri", "sol", "dar", "qui", "bel", "tor",
        "fas",
    ];
    let mut rng = Rng(0x5eed);
    while words.len() < 5_000 {
        let n = 2 + rng.next() % 3;
        let w: String = (0..n)
            .map(|_| syllables[(rng.next() % syllables.len() as u64) as usize])
            .collect();
        words.push(w);
    }
    words
}

fn sentence(rng: &mut Rng, words: &[String], n: usize) -> String {
    let mut s: Vec<&str> = (0..n).map(|_| rng.pick(words)).collect();
    s.push("etc.");
    s.join(" ")
}

/// A meeting the size of the example (10 speakers, 7 actions, 3 related meetings, a statement), with
/// varied text: short speaker summaries and a statement body of a few paragraphs.
fn meeting(base: &MeetingRecord, rng: &mut Rng, words: &[String], i: usize) -> MeetingRecord {
    let mut r = base.clone();
    r.meeting.title = format!("{} {} ({i})", sentence(rng, words, 4), base.meeting.title);
    r.meeting.date = chrono::NaiveDate::from_ymd_opt(
        2015 + (i % 10) as i32,
        1 + (i % 12) as u32,
        1 + (i % 28) as u32,
    )
    .unwrap();
    for iv in &mut r.interventions.0 {
        iv.summary = sentence(rng, words, 30);
    }
    for a in &mut r.action_items {
        a.text = format!("{} {}", a.text, sentence(rng, words, 8));
    }
    for d in &mut r.documents {
        d.body = (0..3)
            .map(|_| sentence(rng, words, 60))
            .collect::<Vec<_>>()
            .join("\n\n");
    }
    r
}

fn records(n: usize) -> Vec<MeetingRecord> {
    let base = parse_record(FIXTURE, &std::fs::read(FIXTURE).unwrap()).unwrap();
    let words = vocabulary();
    let mut rng = Rng(42);
    (0..n)
        .map(|i| meeting(&base, &mut rng, &words, i))
        .collect()
}

async fn fill(dir: &Path, records: &[MeetingRecord]) -> (Store, Vec<String>) {
    let store = Store::open(dir).await.unwrap();
    let mut ids = Vec::with_capacity(records.len());
    for r in records {
        ids.push(store.import_record(r).await.unwrap());
    }
    (store, ids)
}

fn import_1000(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    let recs = records(1_000);
    let mut g = c.benchmark_group("import");
    g.sample_size(10).measurement_time(Duration::from_secs(30));
    g.bench_function("1000_meetings", |b| {
        b.to_async(&rt).iter_custom(|iters| {
            let recs = &recs;
            async move {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let dir = tempfile::tempdir().unwrap();
                    let start = Instant::now();
                    let (store, _) = fill(dir.path(), recs).await;
                    total += start.elapsed();
                    store.close().await;
                }
                total
            }
        })
    });
    g.finish();
}

fn search_10000(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    // RAPPORTEUR_BENCH_DIR keeps the 10,000-meeting database between runs (delete it after changing
    // the projection); by default it is built afresh in a temporary directory.
    let tmp = tempfile::tempdir().unwrap();
    let dir =
        std::env::var_os("RAPPORTEUR_BENCH_DIR").map_or_else(|| tmp.path().to_owned(), Into::into);
    let existing = rt.block_on(async {
        Store::open(&dir)
            .await
            .unwrap()
            .list_meetings()
            .await
            .unwrap()
            .len()
    });
    let store = if existing == 10_000 {
        rt.block_on(Store::open(&dir)).unwrap()
    } else {
        let started = Instant::now();
        let (store, _) = rt.block_on(fill(&dir, &records(10_000)));
        eprintln!(
            "search setup: 10,000 meetings imported in {:.1?}",
            started.elapsed()
        );
        store
    };
    let words = vocabulary();
    // Common and rare words, prefixes, several words, names from the registry, and no match at all.
    let queries = [
        "migration".to_string(),
        "migr".into(),
        "remittances consular".into(),
        "Vitorino".into(),
        "United Kingdom".into(),
        words[200].clone(),
        format!("{} {}", words[1000], words[2000]),
        words[4999][..3].to_string(),
        "zzzz".into(),
        r#""foo AND ("#.into(),
    ];
    let mut g = c.benchmark_group("search_10000_meetings");
    for q in &queries {
        let hits = rt.block_on(store.search(q, 20)).unwrap().len();
        eprintln!("query {q:?}: {hits} hits (limit 20)");
        g.bench_with_input(BenchmarkId::from_parameter(q), q, |b, q| {
            b.to_async(&rt)
                .iter(|| async { black_box(store.search(q, 20).await.unwrap()) })
        });
    }
    g.finish();
}

fn open_meeting(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (store, ids) = rt.block_on(fill(dir.path(), &records(1)));
    let id = ids[0].clone();
    // Some history, as a meeting being written up has: 40 saves of the summary, a few list edits.
    rt.block_on(async {
        for i in 0..40 {
            store
                .doc_set(
                    &id,
                    DocumentKind::Summary,
                    0,
                    &format!("Paragraph {i}.\n\n{}", "Text. ".repeat(100)),
                )
                .await
                .unwrap();
        }
        let iv = store.record(&id).await.unwrap().interventions.0[9]
            .id
            .clone()
            .unwrap();
        store
            .edit(&id, Edit::MoveIntervention { id: iv, to: 1 })
            .await
            .unwrap();
    });
    let mut g = c.benchmark_group("open_meeting");
    g.bench_function("load_snapshot_and_project", |b| {
        b.to_async(&rt)
            .iter(|| async { store.reproject(&id).await.unwrap() })
    });
    g.bench_function("record_from_cold_cache", |b| {
        b.to_async(&rt).iter(|| async {
            store.clear_cache().await;
            black_box(store.record(&id).await.unwrap())
        })
    });
    g.bench_function("record_from_cache", |b| {
        b.to_async(&rt)
            .iter(|| async { black_box(store.record(&id).await.unwrap()) })
    });
    g.finish();
}

/// Lines of generated prose, about `bytes` long.
fn prose(bytes: usize, seed: u64) -> String {
    let words = vocabulary();
    let mut rng = Rng(seed);
    let mut out = String::with_capacity(bytes + 128);
    while out.len() < bytes {
        for _ in 0..12 {
            out.push_str(rng.pick(&words));
            out.push(' ');
        }
        out.push('\n');
    }
    out
}

/// Reading a meeting whose summary was replaced 5 MB → 1 MB → 256 KB, against a fresh meeting with the
/// same 256 KB summary: reads must cost in proportion to the current state, not to the history.
fn heavy_history(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (store, ids) = rt.block_on(fill(dir.path(), &records(2)));
    let (heavy, fresh) = (ids[0].clone(), ids[1].clone());
    let last = prose(256_000, 3);
    rt.block_on(async {
        let k = DocumentKind::Summary;
        for (i, size) in [5_000_000, 1_000_000].into_iter().enumerate() {
            let started = Instant::now();
            let body = prose(size, i as u64 + 1);
            store.doc_set(&heavy, k, 0, &body).await.unwrap();
            eprintln!("set {size} bytes: {:?}", started.elapsed());
        }
        let started = Instant::now();
        store.doc_set(&heavy, k, 0, &last).await.unwrap();
        eprintln!("replace 1 MB by 256 KB: {:?}", started.elapsed());
        store.doc_set(&fresh, k, 0, &last).await.unwrap();
    });
    let mut g = c.benchmark_group("read_after_heavy_history");
    g.sample_size(10);
    for (name, id) in [("fresh_256k", &fresh), ("replaced_5m_1m_256k", &heavy)] {
        g.bench_function(name, |b| {
            b.to_async(&rt).iter(|| async {
                store.clear_cache().await;
                black_box(store.record(id).await.unwrap())
            })
        });
    }
    g.bench_function("history_listing_replaced", |b| {
        b.to_async(&rt).iter(|| async {
            store.clear_cache().await;
            black_box(
                store
                    .doc_history(&heavy, DocumentKind::Summary, 0)
                    .await
                    .unwrap(),
            )
        })
    });
    g.finish();
}

criterion_group!(
    benches,
    heavy_history,
    open_meeting,
    search_10000,
    import_1000
);
criterion_main!(benches);
