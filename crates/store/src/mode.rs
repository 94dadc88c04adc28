//! Which meetings a write may touch. A leaf, so that every module that writes (attachments, history,
//! sync) can name a mode without depending on the write path's internals.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A new meeting: its id must be unused.
    Create,
    /// An existing, not deleted meeting.
    Existing,
    /// Sync: create the meeting if this replica has never seen it; deleted meetings still take updates.
    Any,
}
