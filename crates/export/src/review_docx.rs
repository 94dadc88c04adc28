//! The Word round trip of clearance: a DOCX for review (open suggestions as tracked changes, comments as Word
//! comments), and the way back, from what a reviewer did ([`ReviewedDocx`]) to suggestions and comments on
//! the document's text.
//!
//! The review copy holds the document's Markdown **as written**, one Word paragraph per line, so every
//! position in it is a position in the text: what a reviewer changes or comments on maps back exactly. (The
//! polished DOCX export lays the Markdown out instead, and its text no longer matches character for
//! character.) Differences the reviewer made with change tracking off are found by diffing the reviewed text
//! against the current one, and become suggestions too; nothing is applied.

use docx_rs::{Comment, Delete, Docx, Insert, Paragraph, Run};
use rapporteur_core::text::printable;

use crate::error::ExportError;
use crate::review::{ReviewedDocx, RevisionKind};

/// A change to offer: the range `start..end` (Unicode scalar offsets) replaced by `insert`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewChange {
    /// Start of the replaced range.
    pub start: usize,
    /// End of the replaced range (exclusive).
    pub end: usize,
    /// What goes in its place.
    pub insert: String,
    /// Who proposed it.
    pub author: String,
    /// When (ISO 8601), if known.
    pub date: Option<String>,
}

/// A comment on the range `start..end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewNote {
    /// Start of the range.
    pub start: usize,
    /// End of the range (exclusive).
    pub end: usize,
    /// What it says.
    pub text: String,
    /// Who wrote it.
    pub author: String,
    /// When (ISO 8601), if known.
    pub date: Option<String>,
}

/// Who the untracked differences of a reviewed file are attributed to.
pub const UNTRACKED_AUTHOR: &str = "untracked change";

/// A DOCX of `text` for review: one paragraph per line, each change as `w:del` + `w:ins`, each note as a
/// Word comment over its range.
pub fn review_docx(
    text: &str,
    changes: &[ReviewChange],
    notes: &[ReviewNote],
) -> Result<Vec<u8>, ExportError> {
    let mut doc = Docx::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let len = line.chars().count();
        doc = doc.add_paragraph(paragraph(line, line_start, changes, notes));
        line_start += len + 1;
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut out)
        .map_err(|e| ExportError::Encode {
            format: "docx",
            message: e.to_string(),
        })?;
    Ok(out.into_inner())
}

fn run(text: &str) -> Run {
    Run::new().add_text(printable(text).into_owned())
}

/// One line's paragraph: its text cut at every change and comment boundary inside it.
fn paragraph(line: &str, base: usize, changes: &[ReviewChange], notes: &[ReviewNote]) -> Paragraph {
    let chars: Vec<char> = line.chars().collect();
    let end = base + chars.len();
    let inside = |p: usize| p >= base && p <= end;
    let mut cuts: Vec<usize> = vec![base, end];
    for c in changes {
        cuts.extend([c.start, c.end].into_iter().filter(|&p| inside(p)));
    }
    for n in notes {
        cuts.extend([n.start, n.end].into_iter().filter(|&p| inside(p)));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut p = Paragraph::new();
    for (i, &at) in cuts.iter().enumerate() {
        for (id, n) in notes.iter().enumerate() {
            if n.end == at && n.start < at {
                p = p.add_comment_end(id + 1);
            }
        }
        for c in changes
            .iter()
            .filter(|c| c.end == at && !c.insert.is_empty())
        {
            p = p.add_insert(
                Insert::new(run(&c.insert))
                    .author(printable(&c.author).into_owned())
                    .date(c.date.clone().unwrap_or_default()),
            );
        }
        for (id, n) in notes.iter().enumerate() {
            if n.start == at {
                p = p.add_comment_start(
                    Comment::new(id + 1)
                        .author(printable(&n.author).into_owned())
                        .date(n.date.clone().unwrap_or_default())
                        .add_paragraph(Paragraph::new().add_run(run(&n.text))),
                );
                if n.end == at {
                    p = p.add_comment_end(id + 1);
                }
            }
        }
        let Some(&next) = cuts.get(i + 1) else { break };
        let piece: String = chars[at - base..next - base].iter().collect();
        match changes.iter().find(|c| c.start <= at && next <= c.end) {
            Some(c) => {
                p = p.add_delete(
                    Delete::new()
                        .add_run(Run::new().add_delete_text(printable(&piece).into_owned()))
                        .author(printable(&c.author).into_owned())
                        .date(c.date.clone().unwrap_or_default()),
                )
            }
            None => p = p.add_run(run(&piece)),
        }
    }
    p
}

/// What a reviewer did, as changes and notes on `current` (the document's text now). Tracked changes keep
/// their authors; untracked differences between the file's text before the review and `current` are
/// attributed to [`UNTRACKED_AUTHOR`].
pub fn reviewed_changes(
    reviewed: &ReviewedDocx,
    current: &str,
) -> (Vec<ReviewChange>, Vec<ReviewNote>) {
    let original: String = reviewed
        .paragraphs
        .iter()
        .map(|p| p.original())
        .collect::<Vec<_>>()
        .join("\n");
    let (map, mut changes) = untracked(current, &original);
    let mut para_start = Vec::with_capacity(reviewed.paragraphs.len());
    let mut pos = 0;
    for para in &reviewed.paragraphs {
        para_start.push(pos);
        for piece in &para.pieces {
            let len = piece.text.chars().count();
            match &piece.revision {
                None => pos += len,
                Some(r) if r.kind == RevisionKind::Deleted => {
                    changes.push(ReviewChange {
                        start: map[pos],
                        end: map[pos + len],
                        insert: String::new(),
                        author: r.author.clone(),
                        date: r.date.clone(),
                    });
                    pos += len;
                }
                Some(r) => match changes.last_mut() {
                    // Word writes a replacement as a deletion followed by an insertion by the same reviewer.
                    Some(last)
                        if last.end == map[pos]
                            && last.insert.is_empty()
                            && last.author == r.author =>
                    {
                        last.insert = piece.text.clone()
                    }
                    _ => changes.push(ReviewChange {
                        start: map[pos],
                        end: map[pos],
                        insert: piece.text.clone(),
                        author: r.author.clone(),
                        date: r.date.clone(),
                    }),
                },
            }
        }
        pos += 1;
    }
    let at = |(para, offset): (usize, usize)| {
        let p = para_start
            .get(para)
            .copied()
            .unwrap_or(original.chars().count());
        map[(p + offset).min(map.len() - 1)]
    };
    let notes = reviewed
        .comments
        .iter()
        .map(|c| {
            let (start, end) = c.anchor.map_or((0, 0), |a| (at(a.start), at(a.end)));
            ReviewNote {
                start,
                end: end.max(start),
                text: c.text.clone(),
                author: c.author.clone(),
                date: c.date.clone(),
            }
        })
        .collect();
    (changes, notes)
}

/// The differences from `current` to `reviewed` as changes, and a map from each position of `reviewed` (and
/// its end) to the position in `current` it stands for.
fn untracked(current: &str, reviewed: &str) -> (Vec<usize>, Vec<ReviewChange>) {
    let reviewed_len = reviewed.chars().count();
    if current == reviewed {
        return ((0..=reviewed_len).collect(), Vec::new());
    }
    let diff = similar::TextDiff::configure()
        .timeout(std::time::Duration::from_secs(2))
        .diff_chars(current, reviewed);
    let reviewed_chars: Vec<char> = reviewed.chars().collect();
    let mut map = vec![0; reviewed_len + 1];
    let mut changes = Vec::new();
    for op in diff.ops() {
        let (old, new) = (op.old_range(), op.new_range());
        for (k, slot) in map[new.clone()].iter_mut().enumerate() {
            *slot = if op.tag() == similar::DiffTag::Equal {
                old.start + k
            } else {
                old.start
            };
        }
        if op.tag() != similar::DiffTag::Equal {
            changes.push(ReviewChange {
                start: old.start,
                end: old.end,
                insert: reviewed_chars[new].iter().collect(),
                author: UNTRACKED_AUTHOR.to_owned(),
                date: None,
            });
        }
    }
    map[reviewed_len] = current.chars().count();
    (map, changes)
}
