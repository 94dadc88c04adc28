-- Rapporteur store, first schema.
--
-- Truth: one Loro document per meeting (meeting_docs.snapshot + meeting_updates replayed in seq order).
-- Everything under "Projection" is derived from those documents by the store's single write path and can be
-- rebuilt from them at any time.

-- This installation as a replica. Exactly one row.
CREATE TABLE replica (
    singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
    replica_id  TEXT NOT NULL,
    -- Loro peer id (a u64) stored as its two's-complement i64.
    peer        INTEGER NOT NULL,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE meeting_docs (
    meeting_id  TEXT PRIMARY KEY,
    snapshot    BLOB NOT NULL,
    -- Bumped by every write; an in-memory copy of the document is reused only while it matches.
    rev         INTEGER NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,
    updated_at  TEXT NOT NULL
) WITHOUT ROWID;

-- Updates not yet folded into the snapshot. `pending` marks imported bytes whose changes wait for
-- dependencies not seen yet; compaction keeps those until they have been applied.
CREATE TABLE meeting_updates (
    meeting_id  TEXT NOT NULL REFERENCES meeting_docs (meeting_id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    bytes       BLOB NOT NULL,
    pending     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (meeting_id, seq)
) WITHOUT ROWID;

-- Sync bookkeeping: how far each other replica's files have been applied here.
CREATE TABLE sync_cursors (
    replica_id  TEXT PRIMARY KEY,
    seq         INTEGER NOT NULL
) WITHOUT ROWID;

-- Sync bookkeeping: small values the sync service keeps (e.g. last exported version per meeting).
CREATE TABLE sync_kv (
    key    TEXT PRIMARY KEY,
    value  BLOB NOT NULL
) WITHOUT ROWID;

-- Local only, never in a Loro document, never synced.
CREATE TABLE private_notes (
    meeting_id       TEXT NOT NULL,
    -- '' for the meeting's own notes.
    intervention_id  TEXT NOT NULL DEFAULT '',
    body             TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    PRIMARY KEY (meeting_id, intervention_id)
) WITHOUT ROWID;

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL  -- JSON
) WITHOUT ROWID;

-- Projection -----------------------------------------------------------------------------------------

CREATE TABLE meetings (
    id                  TEXT PRIMARY KEY,
    title               TEXT NOT NULL,
    kind                TEXT NOT NULL,
    convened_by         TEXT,
    date                TEXT NOT NULL,
    end_date            TEXT,
    venue               TEXT,
    language            TEXT NOT NULL,
    symbol              TEXT,
    chair_name          TEXT,
    chair_title         TEXT,
    chair_role          TEXT,
    status              TEXT NOT NULL,
    delegations_present INTEGER NOT NULL,
    interventions       INTEGER NOT NULL,
    action_items        INTEGER NOT NULL,
    open_action_items   INTEGER NOT NULL,
    documents           INTEGER NOT NULL
);
CREATE INDEX meetings_by_date ON meetings (date DESC, title);

-- Named delegations (row_type 'delegation') and headcount groups (row_type 'group').
CREATE TABLE attendance (
    meeting_id    TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    row_type      TEXT NOT NULL CHECK (row_type IN ('delegation', 'group')),
    id            TEXT,
    category      TEXT NOT NULL,
    delegation    TEXT,
    display_name  TEXT,
    name          TEXT,
    label         TEXT,
    count         INTEGER,
    present       INTEGER,
    PRIMARY KEY (meeting_id, row_type, position)
);

CREATE TABLE interventions (
    meeting_id    TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    id            TEXT NOT NULL,
    position      INTEGER NOT NULL,
    delegation    TEXT,
    display_name  TEXT,
    name          TEXT,
    category      TEXT NOT NULL,
    person        TEXT,
    time          TEXT,
    agenda_item   TEXT,
    kind          TEXT NOT NULL,
    summary       TEXT NOT NULL,
    PRIMARY KEY (meeting_id, id)
);

CREATE TABLE action_items (
    meeting_id  TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    position    INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    from_party  TEXT NOT NULL,
    to_party    TEXT NOT NULL,
    text        TEXT NOT NULL,
    due         TEXT,
    status      TEXT NOT NULL,
    PRIMARY KEY (meeting_id, id)
);
CREATE INDEX action_items_by_due ON action_items (due);

CREATE TABLE documents (
    meeting_id    TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    id            TEXT NOT NULL,
    kind          TEXT NOT NULL,
    -- 0 for the summary; statements 0.. in their own sequence.
    idx           INTEGER NOT NULL,
    title         TEXT,
    speaker       TEXT,
    delivered_on  TEXT,
    body          TEXT NOT NULL,
    PRIMARY KEY (meeting_id, kind, idx)
);

-- Full-text search: search_rows holds the text, search_fts indexes it (external content), and the
-- triggers keep the two in step, so deleting a meeting's rows by its indexed meeting_id cleans the index.
CREATE TABLE search_rows (
    rowid       INTEGER PRIMARY KEY,
    meeting_id  TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    item_id     TEXT,
    body        TEXT NOT NULL
);
CREATE INDEX search_rows_by_meeting ON search_rows (meeting_id);

CREATE VIRTUAL TABLE search_fts USING fts5 (
    body,
    content = 'search_rows',
    content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
);

CREATE TRIGGER search_rows_ai AFTER INSERT ON search_rows BEGIN
    INSERT INTO search_fts (rowid, body) VALUES (new.rowid, new.body);
END;
CREATE TRIGGER search_rows_ad AFTER DELETE ON search_rows BEGIN
    INSERT INTO search_fts (search_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
END;
