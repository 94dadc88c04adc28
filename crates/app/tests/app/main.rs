//! The facade's use cases, end to end over a real data directory: what both faces rely on.

mod attachments;
mod background;
mod errors;
mod logging;
mod notes;
mod proceedings;
mod records;
mod support;
mod templates;
mod workflows;
