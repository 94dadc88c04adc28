//! Search query handling: what a user types in the search box, through the store's real FTS5 search.
//!
//! Promises checked: no panic; any input is accepted (`Store::search` never fails on what was typed: FTS5
//! syntax is never interpreted); at most `MAX_QUERY_WORDS` distinct words reach FTS5, so the cost of a query
//! is bounded whatever its length; no more hits than asked for.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rapporteur_core::parse_record;
use rapporteur_store::{MAX_QUERY_WORDS, Store, fts_query, query_words};

struct Fixture {
    runtime: tokio::runtime::Runtime,
    store: Store,
    _dir: tempfile::TempDir,
}

/// One store with the example meeting in it, opened once for the whole run.
fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let dir = tempfile::tempdir().expect("scratch folder");
        let json = include_bytes!("../../tests/fixtures/network-briefing-2019-12-12.json");
        let record = parse_record("example", json).expect("the example parses");
        let store = runtime.block_on(async {
            let store = Store::open(dir.path()).await.expect("store opens");
            store.import_record(&record).await.expect("example imports");
            store
        });
        Fixture {
            runtime,
            store,
            _dir: dir,
        }
    })
}

fuzz_target!(|data: &[u8]| {
    // The CLI and the desktop app pass queries as strings.
    let Ok(query) = std::str::from_utf8(data) else {
        return;
    };
    let words = query_words(query);
    assert!(words.len() <= MAX_QUERY_WORDS);
    let fts = fts_query(query);
    assert_eq!(fts.is_none(), words.is_empty());
    let f = fixture();
    let hits = f
        .runtime
        .block_on(f.store.search(query, 20))
        .unwrap_or_else(|e| panic!("search {query:?} failed: {e}"));
    assert!(hits.len() <= 20);
});
