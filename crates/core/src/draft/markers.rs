//! Generated sections inside a hand-edited Markdown document. The drafter wraps each part it writes in HTML
//! comments (invisible in rendered Markdown):
//!
//! ```text
//! <!-- rapporteur:begin speakers hash=0123456789abcdef -->
//! Delegates representing the following countries took the floor: ...
//! <!-- rapporteur:end speakers -->
//! ```
//!
//! The hash is of the text the drafter wrote, so a later hand edit inside a section shows as a mismatch.
//! [`regenerate`] replaces only unedited sections and never touches a byte outside them; edited ones are kept
//! and reported, so the UI can ask before [`regenerate_with`] overwrites them.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::normal::normal_form;

const BEGIN: &str = "<!-- rapporteur:begin ";
const END: &str = "<!-- rapporteur:end ";
const CLOSE: &str = "-->";

/// The result of [`regenerate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Regenerated {
    /// The document with its generated sections refreshed.
    pub markdown: String,
    /// Sections edited by hand since they were generated, left as they were (not regenerated).
    pub edited_sections: Vec<String>,
    /// Sections edited by hand that were overwritten because the caller allowed it.
    pub overwritten_sections: Vec<String>,
}

/// A generated section found in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SectionState {
    /// The section's name, e.g. `attendance`.
    pub name: String,
    /// True if its text no longer matches the hash it was generated with (or it lost its end marker).
    pub edited: bool,
}

/// The hash recorded in a begin marker: 16 hex digits of SHA-256 over the section text's canonical form
/// ([`normal_form`]), so Markdown written back differently by an editor (bullets, escapes, blank lines, line
/// endings) is not taken for a hand edit.
pub fn hash(body: &str) -> String {
    digest(&normal_form(body))
}

/// The hash that markers carried before [`hash`] took the canonical form: of the trimmed text with line
/// endings normalised. Still accepted, so sections drafted before then are not all reported as edited.
fn raw_hash(body: &str) -> String {
    digest(body.replace("\r\n", "\n").trim())
}

fn digest(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// Wrap generated text as a marked section. `name` must be a word (letters, digits, `_`, `-`).
pub fn mark(name: &str, body: &str) -> String {
    let body = body.trim();
    format!(
        "{BEGIN}{name} hash={} {CLOSE}\n{body}\n{END}{name} {CLOSE}",
        hash(body)
    )
}

/// One piece of a parsed document: text outside sections, a section, or a begin marker without its end.
#[derive(Debug)]
enum Piece<'a> {
    Text(&'a str),
    Section {
        name: &'a str,
        recorded: Option<&'a str>,
        body: &'a str,
        raw: &'a str,
    },
}

impl Piece<'_> {
    fn edited(&self) -> bool {
        match self {
            Piece::Section { recorded, body, .. } => {
                recorded.is_none_or(|h| h != hash(body) && h != raw_hash(body))
            }
            Piece::Text(_) => false,
        }
    }
}

/// `(name, hash)` of a begin marker line.
fn begin_marker(line: &str) -> Option<(&str, Option<&str>)> {
    let inner = line.trim().strip_prefix(BEGIN)?.strip_suffix(CLOSE)?;
    let mut words = inner.split_whitespace();
    let name = words.next()?;
    let hash = words.find_map(|w| w.strip_prefix("hash="));
    Some((name, hash))
}

fn end_marker(line: &str) -> Option<&str> {
    let inner = line.trim().strip_prefix(END)?.strip_suffix(CLOSE)?;
    let mut words = inner.split_whitespace();
    let name = words.next()?;
    words.next().is_none().then_some(name)
}

fn strip_newline(line: &str) -> &str {
    let line = line.strip_suffix('\n').unwrap_or(line);
    line.strip_suffix('\r').unwrap_or(line)
}

/// Split a document into text and sections. A section's raw span runs from the start of its begin line to
/// the end of its end marker, excluding the end line's newline, which stays with the text after it. A begin
/// marker without a matching end is left as text (and reported as an edited section by [`sections`]).
fn parse(doc: &str) -> (Vec<Piece<'_>>, Vec<&str>) {
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for line in doc.split_inclusive('\n') {
        lines.push((at, line));
        at += line.len();
    }
    let mut pieces = Vec::new();
    let mut broken = Vec::new();
    let mut text_from = 0;
    let mut i = 0;
    while i < lines.len() {
        let (start, line) = lines[i];
        let Some((name, recorded)) = begin_marker(line) else {
            i += 1;
            continue;
        };
        let Some(j) = (i + 1..lines.len()).find(|&j| end_marker(lines[j].1) == Some(name)) else {
            broken.push(name);
            i += 1;
            continue;
        };
        let body_from = start + line.len();
        let (end_start, end_line) = lines[j];
        let body = doc[body_from..end_start].strip_suffix('\n').unwrap_or("");
        let body = body.strip_suffix('\r').unwrap_or(body);
        let raw_end = end_start + strip_newline(end_line).len();
        if text_from < start {
            pieces.push(Piece::Text(&doc[text_from..start]));
        }
        pieces.push(Piece::Section {
            name,
            recorded,
            body,
            raw: &doc[start..raw_end],
        });
        text_from = raw_end;
        i = j + 1;
    }
    if text_from < doc.len() {
        pieces.push(Piece::Text(&doc[text_from..]));
    }
    (pieces, broken)
}

/// The generated sections of a document, in order, and whether each was edited by hand.
pub fn sections(markdown: &str) -> Vec<SectionState> {
    let (pieces, broken) = parse(markdown);
    let mut out: Vec<SectionState> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Section { name, .. } => Some(SectionState {
                name: (*name).to_owned(),
                edited: p.edited(),
            }),
            Piece::Text(_) => None,
        })
        .collect();
    out.extend(broken.into_iter().map(|name| SectionState {
        name: name.to_owned(),
        edited: true,
    }));
    out
}

/// Bring the generated sections of `existing` up to date with `fresh` (a new draft), leaving everything
/// outside them byte for byte. Sections edited by hand are kept and reported. See [`regenerate_with`].
pub fn regenerate(existing: &str, fresh: &str) -> Regenerated {
    regenerate_with(existing, fresh, &[])
}

/// As [`regenerate`], but sections named in `overwrite` are regenerated even if edited by hand.
///
/// - An unedited section that `fresh` still has is replaced by its new text.
/// - An unedited section that `fresh` no longer has (e.g. no speakers any more) is removed.
/// - A section `fresh` has and `existing` lacks is inserted after the nearest earlier section (in `fresh`'s
///   order) that `existing` has, else before the nearest later one, else appended at the end.
/// - A section whose begin marker lost its end marker counts as edited: it is left alone, and not re-added.
pub fn regenerate_with(existing: &str, fresh: &str, overwrite: &[String]) -> Regenerated {
    let (old, broken) = parse(existing);
    let (new, _) = parse(fresh);
    let fresh_blocks: Vec<(&str, &str)> = new
        .iter()
        .filter_map(|p| match p {
            Piece::Section { name, raw, .. } => Some((*name, *raw)),
            Piece::Text(_) => None,
        })
        .collect();
    let fresh_by_name: HashMap<&str, &str> = fresh_blocks.iter().copied().collect();
    let fresh_bodies: HashMap<&str, &str> = new
        .iter()
        .filter_map(|p| match p {
            Piece::Section { name, body, .. } => Some((*name, *body)),
            Piece::Text(_) => None,
        })
        .collect();
    // A section reads exactly as the fresh draft has it: replacing it loses nothing, whatever its hash says
    // (e.g. one drafted under the older hash, then rewritten by the editor).
    let reads_as_fresh = |piece: &Piece| match piece {
        Piece::Section { name, body, .. } => fresh_bodies
            .get(name)
            .is_some_and(|fresh| normal_form(fresh) == normal_form(body)),
        Piece::Text(_) => false,
    };
    let mut present: HashSet<&str> = broken.iter().copied().collect();
    for p in &old {
        if let Piece::Section { name, .. } = p {
            present.insert(name);
        }
    }

    // Where each new section goes: after / before an existing section, or at the end.
    let mut after: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut before: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut tail: Vec<&str> = Vec::new();
    for (i, (name, block)) in fresh_blocks.iter().enumerate() {
        if present.contains(name) {
            continue;
        }
        let prev = fresh_blocks[..i]
            .iter()
            .rev()
            .find(|(n, _)| present.contains(n));
        let next = fresh_blocks[i + 1..]
            .iter()
            .find(|(n, _)| present.contains(n));
        match (prev, next) {
            (Some((p, _)), _) => after.entry(*p).or_default().push(block),
            (None, Some((n, _))) => before.entry(*n).or_default().push(block),
            (None, None) => tail.push(block),
        }
    }

    let mut out = String::with_capacity(existing.len() + fresh.len());
    let mut edited = Vec::new();
    let mut overwritten = Vec::new();
    let mut anchored: HashSet<&str> = HashSet::new();
    for piece in &old {
        let (name, raw) = match piece {
            Piece::Text(t) => {
                out.push_str(t);
                continue;
            }
            Piece::Section { name, raw, .. } => (*name, *raw),
        };
        let first = anchored.insert(name);
        if first {
            for block in before.get(name).into_iter().flatten() {
                out.push_str(block);
                out.push_str("\n\n");
            }
        }
        let allowed = overwrite.iter().any(|o| o == name);
        let hand_edited = piece.edited() && !reads_as_fresh(piece);
        if hand_edited && !allowed {
            out.push_str(raw);
            edited.push(name.to_owned());
        } else {
            if hand_edited {
                overwritten.push(name.to_owned());
            }
            out.push_str(fresh_by_name.get(name).copied().unwrap_or_default());
        }
        if first {
            for block in after.get(name).into_iter().flatten() {
                out.push_str("\n\n");
                out.push_str(block);
            }
        }
    }
    edited.extend(broken.iter().map(|n| (*n).to_owned()));
    for block in tail {
        if !out.is_empty() {
            let gap = if out.ends_with("\n\n") {
                ""
            } else if out.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            out.push_str(gap);
        }
        out.push_str(block);
        out.push('\n');
    }
    Regenerated {
        markdown: out,
        edited_sections: edited,
        overwritten_sections: overwritten,
    }
}

/// The document without its section markers, for export: every begin and end marker line is removed.
pub fn strip_markers(markdown: &str) -> String {
    markdown
        .split_inclusive('\n')
        .filter(|line| begin_marker(line).is_none() && end_marker(line).is_none())
        .collect()
}
