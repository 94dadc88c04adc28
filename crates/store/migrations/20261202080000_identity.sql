-- A copied data directory (a second laptop, a restored backup, a cloned VM) must not write as the
-- installation it was copied from: see `identity.rs`.

-- Every Loro peer id this data directory has written with. Each open of the store takes a fresh one, so
-- two copies of one directory never make two different changes under one Loro id; history tells this
-- installation's own changes from synced ones by this table.
CREATE TABLE own_peers (
    peer        INTEGER PRIMARY KEY,
    first_used  TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO own_peers (peer, first_used) SELECT peer, created_at FROM replica;

-- Where the database file lives (its inode on Unix, its path elsewhere) when the replica id was last
-- confirmed. A different value at open means the directory was copied: the copy takes a new replica id.
ALTER TABLE replica ADD COLUMN fingerprint TEXT;
-- The replica id this installation had before it last took a new one (shown in sync reports).
ALTER TABLE replica ADD COLUMN former_id TEXT;
