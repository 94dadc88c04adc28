//! Integration tests of rapporteur-core, one module per concern.

mod attendance;
mod collate;
mod counts;
mod draft;
mod escape;
mod groups;
mod interchange;
mod languages;
mod normalise;
mod parties;
mod regenerate;
mod registry;
mod schema;
mod statements;

/// The example meeting record shipped with the project (see tests/fixtures/).
pub const EXAMPLE: &str =
    include_str!("../../../../tests/fixtures/network-briefing-2019-12-12.json");
/// The real summary of that meeting.
pub const EXAMPLE_SUMMARY: &str =
    include_str!("../../../../tests/fixtures/network-briefing-2019-12-12.txt");
