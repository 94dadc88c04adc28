-- The tracker filters action items by the session their meeting belongs to ("first part of the 2020
-- session"), so the projection keeps each meeting's session. Rows projected before this migration lack it
-- even when their document has one, so every meeting is marked for re-projection, which `Store::open` does
-- once and then clears the mark.
ALTER TABLE meetings ADD COLUMN session TEXT;
CREATE TABLE projection_stale (meeting_id TEXT PRIMARY KEY);
INSERT INTO projection_stale (meeting_id) SELECT id FROM meetings;
