//! Desktop shell (being written).
