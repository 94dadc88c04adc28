//! Integration tests of the store, in one binary (one link, one run): each module covers one area.

mod atomicity;
mod attachments;
mod bulk;
mod common;
mod edits;
mod floor;
mod history;
mod items;
mod local;
mod record;
mod review;
mod review_prop;
mod search;
mod sync;
mod text;
mod tracker;
mod upgrade;
mod v2;
mod versions;
