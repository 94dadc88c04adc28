-- Sync rounds look only at the meetings whose document changed since their previous round with a location,
-- so a round with nothing new costs the same with ten meetings or ten thousand. Every write of a document
-- takes the next tick of one clock, in its own transaction, and stamps the document with it; a round
-- remembers the clock it saw (`Store::meetings_changed_since`). Documents stored before this migration carry
-- tick 0: a location's first round after it looks at every meeting, as before.
-- `version` keeps the document's version vector (encoded) as of that write, so comparing a meeting with what a
-- location holds needs no decoding of its document; NULL (rows from before) means "decode it".
ALTER TABLE meeting_docs ADD COLUMN change_tick INTEGER NOT NULL DEFAULT 0;
ALTER TABLE meeting_docs ADD COLUMN version BLOB;
CREATE INDEX meeting_docs_change_tick ON meeting_docs (change_tick);
CREATE TABLE doc_clock (
    singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
    tick        INTEGER NOT NULL
);
INSERT INTO doc_clock (singleton, tick) VALUES (1, 0);
