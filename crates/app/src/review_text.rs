//! Suggestion mode: a text typed as its author wants it becomes suggestions, none of it applied.
//!
//! Typing must stay fast and nothing typed may be lost, so the editor does not record each keystroke as a
//! suggestion. It keeps the proposed text and, at each autosave, hands it here with the text it started from
//! (its `base`, the editor's Markdown when the proposal began). The difference between the two, word by word
//! (`similar`), becomes the fewest suggestions: changes separated only by spaces within a line are one
//! suggestion. The base is mapped onto the stored text by a character diff, so a text that moved on meanwhile
//! (a colleague's edit arriving by sync, Markdown the editor writes differently) still receives the
//! suggestions where they belong. A later save of the same proposal names the suggestions the earlier one made: those still wanted
//! are kept, the others withdrawn (rejected by their own author), so the open suggestions always stand for
//! the proposal as it is now.

use std::collections::HashSet;
use std::ops::Range;
use std::time::Duration;

use rapporteur_store::{ReviewAction, SuggestionState, Which};
use serde::{Deserialize, Serialize};
use similar::{DiffTag, TextDiff};
use ts_rs::TS;

use crate::{App, AppError, DocumentKind, Review, checks};

/// How long a diff may search for the smallest difference before settling for a larger one.
const DIFF_TIMEOUT: Duration = Duration::from_secs(2);

/// A text proposed in suggestion mode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProposedText {
    /// The text the proposal started from; none: the stored text.
    #[ts(optional)]
    pub base: Option<String>,
    /// The text as its author wants it.
    pub text: String,
    /// The suggestions an earlier save of this same proposal made (from [`Proposal::suggestions`]).
    #[serde(default)]
    pub replaces: Vec<String>,
    /// Who proposes it [default: this replica's name].
    #[ts(optional)]
    pub author: Option<String>,
}

/// What a proposal became.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Proposal {
    /// The document's clearance now.
    pub review: Review,
    /// The open suggestions that stand for the proposal, to pass as `replaces` at the next save.
    pub suggestions: Vec<String>,
}

/// One change: the stored range replaced by a text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Change {
    start: u32,
    end: u32,
    insert: String,
}

impl App {
    /// Record the difference between a proposed text and the stored one as suggestions by its author
    /// (suggestion mode); the stored text is unchanged. See the module's documentation.
    pub async fn review_suggest_text(
        &self,
        id: &str,
        kind: DocumentKind,
        index: u32,
        proposed: &ProposedText,
    ) -> Result<Proposal, AppError> {
        let name = checks::document_name(id, kind, index);
        checks::check_document_size(&name, &proposed.text)?;
        if let Some(base) = &proposed.base {
            checks::check_document_size(&name, base)?;
        }
        let stored = self.store.doc_get(id, kind, index).await?;
        let base = proposed.base.as_deref().unwrap_or(&stored);
        let wanted = changes(base, &proposed.text, &stored);
        let author = match &proposed.author {
            Some(a) => a.clone(),
            None => self.store.replica().name,
        };
        let review = self.store.review(id, kind, index).await?;
        let (kept, actions) = plan(&review, &wanted, &proposed.replaces, &author);
        let before: HashSet<&str> = review.suggestions.iter().map(|s| s.id.as_str()).collect();
        let after = if actions.is_empty() {
            review.clone()
        } else {
            self.store.review_apply(id, kind, index, &actions).await?
        };
        let mut suggestions = kept;
        suggestions.extend(
            after
                .suggestions
                .iter()
                .filter(|s| !before.contains(s.id.as_str()))
                .filter(|s| s.author == author && s.state == SuggestionState::Open)
                .map(|s| s.id.clone()),
        );
        tracing::info!(
            meeting = id,
            steps = actions.len(),
            open = suggestions.len(),
            "proposed text recorded as suggestions"
        );
        Ok(Proposal {
            review: after,
            suggestions,
        })
    }
}

/// The author's open suggestions that already say what is wanted (kept), and the steps for the rest: a
/// suggestion for each new change, a withdrawal for each one of `replaces` no longer wanted.
fn plan(
    review: &Review,
    wanted: &[Change],
    replaces: &[String],
    author: &str,
) -> (Vec<String>, Vec<ReviewAction>) {
    // Any open suggestion of the author's that already says what is wanted stands (so saying the same twice
    // makes nothing new); only those of this proposal are withdrawn when no longer wanted.
    let mut earlier: Vec<&rapporteur_store::Suggestion> = review
        .suggestions
        .iter()
        .filter(|s| s.state == SuggestionState::Open && s.author == author)
        .collect();
    let mut kept = Vec::new();
    let mut actions = Vec::new();
    for c in wanted {
        let same = |s: &&rapporteur_store::Suggestion| {
            (s.start, s.end, s.insert.as_str()) == (c.start, c.end, c.insert.as_str())
        };
        match earlier.iter().position(same) {
            Some(i) => kept.push(earlier.swap_remove(i).id.clone()),
            None => actions.push(ReviewAction::Suggest {
                start: c.start,
                end: c.end,
                insert: c.insert.clone(),
                author: Some(author.to_owned()),
            }),
        }
    }
    let withdrawn = earlier.into_iter().filter(|s| replaces.contains(&s.id));
    actions.extend(withdrawn.map(|s| ReviewAction::Reject {
        which: Which::One(s.id.clone()),
        author: Some(author.to_owned()),
    }));
    (kept, actions)
}

/// The changes that turn `base` into `text`, word by word, placed on `stored` (which `base` was read from).
fn changes(base: &str, text: &str, stored: &str) -> Vec<Change> {
    let place = positions(base, stored);
    let inserted: Vec<char> = text.chars().collect();
    word_changes(base, text)
        .into_iter()
        .map(|(old, new)| Change {
            start: offset(place[old.start]),
            end: offset(place[old.end].max(place[old.start])),
            insert: inserted[new].iter().collect(),
        })
        .collect()
}

/// The differing stretches of `old` and `new` (character ranges of each), from a word diff; two changes
/// with only spaces (no line break) between them are one.
fn word_changes(old: &str, new: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let diff = TextDiff::configure()
        .timeout(DIFF_TIMEOUT)
        .diff_words(old, new);
    let starts = |tokens: &[&str]| -> Vec<usize> {
        let mut at = vec![0];
        for t in tokens {
            at.push(at[at.len() - 1] + t.chars().count());
        }
        at
    };
    let (old_at, new_at) = (starts(diff.old_slices()), starts(diff.new_slices()));
    let mut out: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    let mut gap_is_space = false;
    for op in diff.ops() {
        let (o, n) = (op.old_range(), op.new_range());
        let (o, n) = (
            old_at[o.start]..old_at[o.end],
            new_at[n.start]..new_at[n.end],
        );
        if op.tag() == DiffTag::Equal {
            gap_is_space = diff.old_slices()[op.old_range()]
                .iter()
                .all(|t| t.trim().is_empty() && !t.contains('\n'));
            continue;
        }
        match out.last_mut() {
            Some(last) if gap_is_space => {
                last.0.end = o.end;
                last.1.end = n.end;
            }
            _ => out.push((o, n)),
        }
    }
    out
}

/// For each character position of `from` (and its end), the position in `to` it stands for: shifted across
/// equal stretches, the start of the replacement inside changed ones.
fn positions(from: &str, to: &str) -> Vec<usize> {
    let len = from.chars().count();
    if from == to {
        return (0..=len).collect();
    }
    let diff = TextDiff::configure()
        .timeout(DIFF_TIMEOUT)
        .diff_chars(from, to);
    let mut place = vec![0; len + 1];
    for op in diff.ops() {
        let (f, t) = (op.old_range(), op.new_range());
        let equal = op.tag() == DiffTag::Equal;
        for (k, slot) in place[f.clone()].iter_mut().enumerate() {
            *slot = if equal { t.start + k } else { t.start };
        }
    }
    place[len] = to.chars().count();
    place
}

fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn applied(stored: &str, changes: &[Change]) -> String {
        let mut chars: Vec<char> = stored.chars().collect();
        for c in changes.iter().rev() {
            chars.splice(c.start as usize..c.end as usize, c.insert.chars());
        }
        chars.into_iter().collect()
    }

    #[test]
    fn words_apart_by_spaces_are_one_suggestion_and_applying_them_gives_the_text() {
        let old = "The cat sat on the mat. It was happy.";
        let new = "A dog sat on the mat. It was very happy!";
        let found = changes(old, new, old);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].insert, "A dog");
        assert_eq!(applied(old, &found), new);
    }

    #[test]
    fn a_base_that_differs_from_the_stored_text_is_placed_on_it() {
        let stored = "* one\n* two\n\nThe end.";
        let base = "- one\n- two\n\nThe end.";
        let found = changes(base, "- one\n- two\n\nThe very end.", stored);
        assert_eq!(applied(stored, &found), "* one\n* two\n\nThe very end.");
    }

    #[test]
    fn no_difference_no_change() {
        assert!(changes("Same text.", "Same text.", "Same text.").is_empty());
    }
}
