//! The domain of Rapporteur, with no I/O: the meeting record and its interchange format, the rules a record
//! must keep, the built-in registry of States, and the UN's conventions for naming and ordering them.
//!
//! Everything that decides what a record *means* lives here, so the store, the sync service, the exporters
//! and both faces (CLI and desktop) agree on it by construction.

pub mod error;
pub mod interchange;
pub mod model;
pub mod registry;

pub use error::CoreError;
pub use interchange::{MAX_RECORD_BYTES, parse_record, to_json};
pub use model::*;
