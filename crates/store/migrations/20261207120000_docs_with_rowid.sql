-- Documents are stored in a table with rowids. In a WITHOUT ROWID table a row keeps at most about a quarter of
-- a page in its leaf, so a meeting of about a kilobyte took a whole overflow page for its last few hundred
-- bytes: four times the pages to write, and to copy again at the checkpoint. A rowid table keeps rows of up
-- to almost a page whole.
--
-- `meeting_updates` refers to `meeting_docs` and deletes with it (ON DELETE CASCADE), and a migration runs
-- with foreign keys enforced, so the old table is renamed first (its children then refer to the old name),
-- the children are copied to a table that refers to the new one, and the old tables are dropped only once
-- nothing refers to them: dropping a table that children refer to would delete their rows.
ALTER TABLE meeting_docs RENAME TO meeting_docs_old;

CREATE TABLE meeting_docs (
    meeting_id  TEXT PRIMARY KEY NOT NULL,
    snapshot    BLOB NOT NULL,
    -- Bumped by every write; an in-memory copy of the document is reused only while it matches.
    rev         INTEGER NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,
    updated_at  TEXT NOT NULL,
    change_tick INTEGER NOT NULL DEFAULT 0,
    version     BLOB
);
INSERT INTO meeting_docs (meeting_id, snapshot, rev, deleted, updated_at, change_tick, version)
    SELECT meeting_id, snapshot, rev, deleted, updated_at, change_tick, version FROM meeting_docs_old;

-- Updates not yet folded into the snapshot; small rows, so WITHOUT ROWID as before.
CREATE TABLE meeting_updates_new (
    meeting_id  TEXT NOT NULL REFERENCES meeting_docs (meeting_id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    bytes       BLOB NOT NULL,
    pending     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (meeting_id, seq)
) WITHOUT ROWID;
INSERT INTO meeting_updates_new (meeting_id, seq, bytes, pending)
    SELECT meeting_id, seq, bytes, pending FROM meeting_updates;

DROP TABLE meeting_updates;
DROP TABLE meeting_docs_old;
ALTER TABLE meeting_updates_new RENAME TO meeting_updates;
CREATE INDEX meeting_docs_change_tick ON meeting_docs (change_tick);
