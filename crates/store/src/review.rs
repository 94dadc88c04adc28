//! Clearance of a document (the summary or a statement): the values that cross the store's boundary, and the
//! store's two entry points, [`Store::review`] (read) and [`Store::review_apply`] (one [`ReviewAction`]).
//!
//! Before a summary is circulated colleagues comment on it and suggest changes, the rapporteur accepts or
//! rejects them, and the text moves through a lifecycle that ends with it locked. All of it lives in the
//! meeting's Loro document (see `clearance.rs` for the containers), so reviews made offline on several replicas
//! merge through sync like any edit. Positions are Unicode scalar offsets into the document's Markdown, as
//! Loro's text counts them.

use rapporteur_core::DocumentKind;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Store;
use crate::error::Result;
use crate::mode::Mode;

/// Where a text stands on its way to circulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReviewStatus {
    /// Being written; the default.
    #[default]
    Draft,
    /// Sent to colleagues for comments and suggestions.
    ForClearance,
    /// Cleared by the colleagues.
    Cleared,
    /// Final: the text refuses edits until reopened.
    Final,
    /// Circulated: the text refuses edits; a correction is a corrigendum.
    Circulated,
}

impl ReviewStatus {
    /// The stored (and printed) name.
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewStatus::Draft => "draft",
            ReviewStatus::ForClearance => "for_clearance",
            ReviewStatus::Cleared => "cleared",
            ReviewStatus::Final => "final",
            ReviewStatus::Circulated => "circulated",
        }
    }

    /// The status named `s` (as [`ReviewStatus::as_str`] writes it).
    pub fn parse(s: &str) -> Option<ReviewStatus> {
        [
            ReviewStatus::Draft,
            ReviewStatus::ForClearance,
            ReviewStatus::Cleared,
            ReviewStatus::Final,
            ReviewStatus::Circulated,
        ]
        .into_iter()
        .find(|st| st.as_str() == s)
    }

    /// The one status a text may move on to, if any.
    pub fn next(self) -> Option<ReviewStatus> {
        match self {
            ReviewStatus::Draft => Some(ReviewStatus::ForClearance),
            ReviewStatus::ForClearance => Some(ReviewStatus::Cleared),
            ReviewStatus::Cleared => Some(ReviewStatus::Final),
            ReviewStatus::Final => Some(ReviewStatus::Circulated),
            ReviewStatus::Circulated => None,
        }
    }

    /// Whether the text refuses edits in this status.
    pub fn is_locked(self) -> bool {
        matches!(self, ReviewStatus::Final | ReviewStatus::Circulated)
    }
}

/// A reply to a comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CommentReply {
    /// Who replied.
    pub author: String,
    /// When (RFC 3339).
    pub at: String,
    /// What they wrote.
    pub text: String,
}

/// A comment on a range of the text. The range follows the text through every edit and merge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Comment {
    /// Stable id (UUID v7).
    pub id: String,
    /// Where the range starts now (Unicode scalar offset).
    pub start: u32,
    /// Where it ends now (exclusive; never before `start`).
    pub end: u32,
    /// The text the range covers now.
    pub quote: String,
    /// What the comment says.
    pub text: String,
    /// Who wrote it.
    pub author: String,
    /// When (RFC 3339).
    pub at: String,
    /// Resolved (hidden from the open list, kept).
    pub resolved: bool,
    /// Who resolved or reopened it last, and when.
    #[ts(optional)]
    pub resolved_by: Option<String>,
    /// Replies, oldest first.
    pub replies: Vec<CommentReply>,
}

/// Open, accepted or rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SuggestionState {
    /// Waiting for a decision; the text does not contain it.
    Open,
    /// Applied to the text.
    Accepted,
    /// Dropped.
    Rejected,
}

/// A change recorded by its author rather than applied: the range `start..end` replaced by `insert`. An
/// insertion has an empty range; a deletion an empty `insert`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Suggestion {
    /// Stable id (UUID v7).
    pub id: String,
    /// Where the replaced range starts now.
    pub start: u32,
    /// Where it ends now (exclusive).
    pub end: u32,
    /// The text the range covers now: what accepting deletes.
    pub deleted: String,
    /// What accepting inserts at `start`.
    pub insert: String,
    /// Who suggested it.
    pub author: String,
    /// When (RFC 3339).
    pub at: String,
    /// Open, accepted or rejected.
    pub state: SuggestionState,
    /// Who accepted or rejected it.
    #[ts(optional)]
    pub decided_by: Option<String>,
}

/// What a clearance event was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReviewEventKind {
    /// A comment was made.
    Comment,
    /// A comment was replied to.
    Reply,
    /// A comment was resolved or reopened.
    Resolve,
    /// A suggestion was made.
    Suggestion,
    /// A suggestion was accepted (the text changed).
    SuggestionAccepted,
    /// A suggestion was rejected.
    SuggestionRejected,
    /// The status moved on.
    StatusChange,
    /// A final or circulated text was reopened for editing.
    Reopen,
    /// A circulated text was reopened as a corrigendum; the circulated text is kept.
    Corrigendum,
}

/// One entry of a document's clearance history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReviewEvent {
    /// What happened.
    pub kind: ReviewEventKind,
    /// Who did it.
    pub by: String,
    /// When (RFC 3339).
    pub at: String,
    /// The comment or suggestion id, or the new status.
    pub detail: String,
}

/// A text as it was circulated, kept when a corrigendum reopens it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CirculatedVersion {
    /// 0 for the original, n for the text circulated as Corr.n.
    pub corrigendum: u32,
    /// The Markdown as circulated.
    pub text: String,
    /// When it was reopened.
    pub at: String,
    /// Who reopened it.
    pub by: String,
}

/// Everything about one document's clearance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Review {
    /// Where the text stands.
    pub status: ReviewStatus,
    /// 0, or n when the current text is (being prepared as) Corr.n.
    pub corrigendum: u32,
    /// Every comment, oldest first.
    pub comments: Vec<Comment>,
    /// Every suggestion, oldest first.
    pub suggestions: Vec<Suggestion>,
    /// What happened, oldest first.
    pub events: Vec<ReviewEvent>,
    /// The texts circulated before a corrigendum reopened them.
    pub circulated: Vec<CirculatedVersion>,
}

/// Which suggestions an accept or reject applies to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Which {
    /// The suggestion with this id.
    One(String),
    /// Every open suggestion.
    All,
}

/// One clearance step on one document. `author` is who does it (default: this replica's name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "op", rename_all = "snake_case")]
#[ts(export)]
pub enum ReviewAction {
    /// Comment on the range `start..end`.
    Comment {
        /// Start of the range.
        start: u32,
        /// End of the range (exclusive).
        end: u32,
        /// The comment.
        text: String,
        /// Who comments.
        #[ts(optional)]
        author: Option<String>,
    },
    /// Reply to a comment.
    Reply {
        /// The comment's id.
        comment: String,
        /// The reply.
        text: String,
        /// Who replies.
        #[ts(optional)]
        author: Option<String>,
    },
    /// Resolve a comment (`resolved: true`) or reopen it.
    Resolve {
        /// The comment's id.
        comment: String,
        /// Resolved or open.
        resolved: bool,
        /// Who does it.
        #[ts(optional)]
        author: Option<String>,
    },
    /// Suggest replacing `start..end` with `insert`.
    Suggest {
        /// Start of the range replaced.
        start: u32,
        /// End of the range (exclusive); equal to `start` for a pure insertion.
        end: u32,
        /// The text inserted; empty for a pure deletion.
        insert: String,
        /// Who suggests.
        #[ts(optional)]
        author: Option<String>,
    },
    /// Accept suggestions: each one's change is applied to the text.
    Accept {
        /// One or every open one.
        which: Which,
        /// Who accepts.
        #[ts(optional)]
        author: Option<String>,
    },
    /// Reject suggestions.
    Reject {
        /// One or every open one.
        which: Which,
        /// Who rejects.
        #[ts(optional)]
        author: Option<String>,
    },
    /// Move the text on to `status`, which must be the next one (draft → for clearance → cleared → final →
    /// circulated).
    SetStatus {
        /// The next status.
        status: ReviewStatus,
        /// Who moves it.
        #[ts(optional)]
        author: Option<String>,
    },
    /// Reopen a final text as a draft, so it can be edited again.
    Reopen {
        /// Who reopens it.
        #[ts(optional)]
        author: Option<String>,
    },
    /// Reopen a circulated text as corrigendum n+1: the circulated text is kept, the status goes back to draft.
    Corrigendum {
        /// Who opens the corrigendum.
        #[ts(optional)]
        author: Option<String>,
    },
}

impl ReviewAction {
    /// The operation's name, recorded as the Loro commit message.
    pub fn op(&self) -> &'static str {
        match self {
            ReviewAction::Comment { .. } => "review_comment",
            ReviewAction::Reply { .. } => "review_reply",
            ReviewAction::Resolve { .. } => "review_resolve",
            ReviewAction::Suggest { .. } => "review_suggest",
            ReviewAction::Accept { .. } => "review_accept",
            ReviewAction::Reject { .. } => "review_reject",
            ReviewAction::SetStatus { .. } => "review_status",
            ReviewAction::Reopen { .. } => "review_reopen",
            ReviewAction::Corrigendum { .. } => "review_corrigendum",
        }
    }

    /// Who does it, if given.
    pub fn author(&self) -> Option<&str> {
        match self {
            ReviewAction::Comment { author, .. }
            | ReviewAction::Reply { author, .. }
            | ReviewAction::Resolve { author, .. }
            | ReviewAction::Suggest { author, .. }
            | ReviewAction::Accept { author, .. }
            | ReviewAction::Reject { author, .. }
            | ReviewAction::SetStatus { author, .. }
            | ReviewAction::Reopen { author }
            | ReviewAction::Corrigendum { author } => author.as_deref(),
        }
    }
}

impl Store {
    /// The clearance of a document: status, comments, suggestions and their history.
    pub async fn review(&self, id: &str, kind: DocumentKind, index: u32) -> Result<Review> {
        let doc = self.load(id).await?;
        crate::clearance::read(id, &doc, kind, index)
    }

    /// Apply several clearance steps to a document as one change (an imported DOCX makes many suggestions
    /// at once), and return its clearance as it now stands.
    pub async fn review_apply(
        &self,
        id: &str,
        kind: DocumentKind,
        index: u32,
        actions: &[ReviewAction],
    ) -> Result<Review> {
        let Some(first) = actions.first() else {
            return self.review(id, kind, index).await;
        };
        let name = self.replica_name();
        let written = self
            .write_local(id, Mode::Existing, first.op(), |w| {
                let c = crate::clearance::Clearance::open(w, kind, index)?;
                actions.iter().try_for_each(|a| {
                    c.apply(a, a.author().unwrap_or(&name), &crate::clearance::now())
                })
            })
            .await?;
        crate::clearance::read(id, &written.doc, kind, index)
    }
}
