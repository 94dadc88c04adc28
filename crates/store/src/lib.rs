//! Placeholder while the crate is written; see docs/ARCHITECTURE.md.
