-- The terms of the search index, read-only (FTS5 maintains it). `search` expands a long prefix into the
-- terms it covers: an OR of exact terms is read lazily, where a prefix longer than the prefix index
-- ('2 3 4') makes FTS5 merge every posting of every covered term first.
CREATE VIRTUAL TABLE search_vocab USING fts5vocab (search_fts, 'row');
