-- Format @2: an action item's deadline may be a month ("by April 2020", as `YYYY-MM`), it may name the agenda
-- item it arose under, and a decision may say how it was adopted (JSON, the record's `adoption`). Rows
-- projected before this migration have none of them, as their documents do not.
ALTER TABLE action_items ADD COLUMN due_month TEXT;
ALTER TABLE action_items ADD COLUMN agenda_item TEXT;
ALTER TABLE action_items ADD COLUMN adoption TEXT;
