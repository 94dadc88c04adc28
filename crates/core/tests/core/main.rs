//! Integration tests of rapporteur-core, one module per concern.

mod interchange;
