//! The facade's use cases, end to end over a real data directory: what both faces rely on.

mod attachments;
mod background;
mod errors;
mod local;
mod logging;
mod notes;
mod proceedings;
mod records;
// The sync tests' real servers (WebDAV here), shared rather than copied; this binary uses a part of them.
#[allow(dead_code)]
#[path = "../../../sync/tests/sync/servers.rs"]
mod servers;
mod suggestion_mode;
mod support;
mod sync_location;
mod templates;
mod workflows;
