-- Format @2: an action item's deadline may be a month ("by April 2020", as `YYYY-MM`), and it may name the
-- agenda item it arose under. Rows projected before this migration have neither, as their documents do not.
ALTER TABLE action_items ADD COLUMN due_month TEXT;
ALTER TABLE action_items ADD COLUMN agenda_item TEXT;
