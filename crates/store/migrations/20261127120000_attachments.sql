-- Projection: the attachments each meeting's document references (root list `attachments`), rebuilt with
-- the rest of the projection. Sync reads it to find the blobs to send and to fetch without opening documents.
CREATE TABLE attachments (
    meeting_id  TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    position    INTEGER NOT NULL,
    -- 'summary' or the statement's id.
    doc_id      TEXT NOT NULL,
    name        TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    PRIMARY KEY (meeting_id, id)
);
CREATE INDEX attachments_by_sha256 ON attachments (sha256);

-- Sync bookkeeping, local only: blobs known to be intact in the shared folder (written or read there by this
-- replica), so a round does not check them again.
CREATE TABLE blobs_in_folder (
    sha256  TEXT PRIMARY KEY
) WITHOUT ROWID;
