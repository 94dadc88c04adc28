//! The domain of Rapporteur, with no I/O: the meeting record and its interchange format, the rules a record
//! must keep, the built-in registry of States, the UN's conventions for naming and ordering them, and the
//! drafting of a meeting summary from a record.
//!
//! Everything that decides what a record *means* lives here, so the store, the sync service, the exporters
//! and both faces (CLI and desktop) agree on it by construction. The exceptions to "no I/O" are reading a
//! user's template override directory ([`draft::Templates::with_override_dir`]), which the facade asks for, and
//! [`atomic::write`], the one way every other crate puts a file in place whole or not at all (this is the only
//! crate they all depend on).

pub mod atomic;
pub mod attendance;
pub mod collate;
pub mod draft;
pub mod error;
pub mod groups;
pub mod interchange;
mod jsonscan;
pub mod model;
pub mod registry;
#[cfg(feature = "testing")]
pub mod strategies;
pub mod text;
pub mod vocab;

pub use attendance::CategoryCount;
pub use error::CoreError;
pub use interchange::{MAX_RECORD_BYTES, check_size, parse_record, to_json};
pub use model::*;
