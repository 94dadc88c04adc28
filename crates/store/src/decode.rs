//! Decoding the meetings a batch import brings new, on other threads while the batch's statements run.
//!
//! A first download brings a thousand meetings, each a snapshot to decode, repair, read and project: CPU
//! work, independent from one meeting to the next, that would otherwise run before the database work and
//! not beside it. Threads take chunks in order and the import takes their results in order, so what is
//! stored, and in which order, does not depend on the threads.

use std::collections::BTreeMap;
use std::num::NonZero;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use loro::{ExportMode, LoroDoc};
use tokio::sync::mpsc;

use crate::accepts;
use crate::bulk::NewDoc;
use crate::error::Result;
use crate::project::Projection;
use crate::types::ImportOutcome;
use crate::write::{configure, export, queue_projection};

/// Meetings per piece of work a thread takes.
const CHUNK: usize = 32;

/// A meeting new here, decoded from its snapshot and ready to store: what the batch reports, stores and
/// projects.
pub(crate) struct Decoded {
    pub outcome: ImportOutcome,
    pub new_doc: NewDoc,
    pub rows: Projection,
}

/// One chunk's results: `None` for a payload that is not a snapshot.
type Chunk = Result<Vec<Option<Decoded>>>;

/// What decoding threads share: the work, and how far they have taken it.
struct Work {
    items: Vec<(String, Vec<u8>)>,
    peer: u64,
    name: String,
    taken: AtomicUsize,
}

impl Work {
    fn chunks(&self) -> usize {
        self.items.len().div_ceil(CHUNK)
    }

    fn decode_chunk(&self, chunk: usize) -> Chunk {
        let end = (chunk * CHUNK + CHUNK).min(self.items.len());
        (self.items[chunk * CHUNK..end].iter())
            .map(|(id, payload)| decode_snapshot(self.peer, &self.name, id, payload))
            .collect()
    }
}

/// Decodes meetings new here, each with its one payload, handing them back in the order given.
pub(crate) struct Decoder {
    work: Arc<Work>,
    done: mpsc::UnboundedReceiver<(usize, Chunk)>,
    ready: BTreeMap<usize, std::vec::IntoIter<Option<Decoded>>>,
    /// The next item [`Decoder::next`] hands back.
    next: usize,
}

impl Decoder {
    /// Starts decoding `items` (a meeting new here, its one payload) as replica `peer` named `name`, on
    /// a thread per core. Nothing is decoded when there are few.
    pub(crate) fn start(items: Vec<(String, Vec<u8>)>, peer: u64, name: String) -> Decoder {
        let work = Arc::new(Work {
            items,
            peer,
            name,
            taken: AtomicUsize::new(0),
        });
        let (send, done) = mpsc::unbounded_channel();
        let cores = std::thread::available_parallelism().map_or(1, NonZero::get);
        for _ in 0..cores.min(work.chunks().saturating_sub(1)) {
            let (work, send) = (Arc::clone(&work), send.clone());
            let spawned = std::thread::Builder::new()
                .name("rapporteur-decode".into())
                .spawn(move || {
                    loop {
                        let chunk = work.taken.fetch_add(1, Ordering::Relaxed);
                        // A closed channel: the import gave up.
                        if chunk >= work.chunks()
                            || send.send((chunk, work.decode_chunk(chunk))).is_err()
                        {
                            break;
                        }
                    }
                });
            // Without threads, `next` decodes the chunks itself.
            if spawned.is_err() {
                break;
            }
        }
        Decoder {
            work,
            done,
            ready: BTreeMap::new(),
            next: 0,
        }
    }

    /// The next meeting in the order given, or `None` when its payload is not a snapshot.
    pub(crate) async fn next(&mut self) -> Result<Option<Decoded>> {
        let chunk = self.next / CHUNK;
        self.next += 1;
        while !self.ready.contains_key(&chunk) {
            let (at, decoded) = match self.done.recv().await {
                Some(done) => done,
                // Every thread has stopped (none started, or one panicked) without this chunk: decode it
                // here, where a panic then surfaces.
                None => (chunk, self.work.decode_chunk(chunk)),
            };
            self.ready.insert(at, decoded?.into_iter());
        }
        let item = self.ready.get_mut(&chunk).and_then(Iterator::next);
        if self.next.is_multiple_of(CHUNK) {
            self.ready.remove(&chunk);
        }
        Ok(item.flatten())
    }
}

/// A meeting new here whose one payload is a whole snapshot (a first download, or a snapshot file) is
/// decoded from it directly and, unless the repair of acceptances changes it, stored as those very bytes:
/// encoding the same document again would give the same state. `None` when the payload is not a snapshot.
fn decode_snapshot(
    peer: u64,
    name: &str,
    meeting_id: &str,
    payload: &[u8],
) -> Result<Option<Decoded>> {
    // Refuses anything but a snapshot, by its header, before decoding it.
    let Ok(doc) = LoroDoc::from_snapshot(payload) else {
        return Ok(None);
    };
    configure(meeting_id, &doc, peer)?;
    let received = doc.oplog_vv();
    accepts::repair_after_import(meeting_id, &doc, peer, name)?;
    doc.commit();
    let version = doc.oplog_vv();
    let snapshot = if version == received {
        payload.to_vec()
    } else {
        export(meeting_id, &doc, ExportMode::Snapshot)?
    };
    let new_doc = NewDoc::new(meeting_id, &doc, snapshot, Vec::new());
    let mut rows = Projection::default();
    queue_projection(&mut rows, meeting_id, &doc)?;
    // The document is dropped here, on this thread, with the memory it took.
    Ok(Some(Decoded {
        outcome: ImportOutcome {
            meeting_id: meeting_id.to_owned(),
            created: true,
            changed: !version.is_empty(),
            pending: false,
            deleted: new_doc.deleted,
            // A shallow snapshot does not carry its history from the start.
            carried: (!doc.is_shallow()).then_some(received),
        },
        new_doc,
        rows,
    }))
}
