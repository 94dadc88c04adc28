//! Integration tests of rapporteur-core, one module per concern.

mod attendance;
mod collate;
mod counts;
mod draft;
mod escape;
mod floor;
mod groups;
mod interchange;
mod languages;
mod normalise;
mod parties;
mod proceedings;
mod proceedings_draft;
mod regenerate;
mod registry;
mod schema;
mod statements;
mod templates;

/// The example meeting record shipped with the project (see tests/fixtures/).
pub const EXAMPLE: &str =
    include_str!("../../../../tests/fixtures/network-briefing-2019-12-12.json");
/// The real summary of that meeting.
pub const EXAMPLE_SUMMARY: &str =
    include_str!("../../../../tests/fixtures/network-briefing-2019-12-12.txt");
/// A real-style Conference on Disarmament plenary using the members format @2 added.
pub const CD_PLENARY: &str = include_str!("../../../../tests/fixtures/cd-plenary-2020-02-25.json");
