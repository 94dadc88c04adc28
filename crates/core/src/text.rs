//! What text a record may hold, decided once for every door (import, edits, `doc set`) and every printer.
//!
//! The decision, per character (documented in docs/FORMAT.md):
//! - Tab, line feed and carriage return are text.
//! - Every other C0 control (U+0000–U+001F), DEL (U+007F), the C1 controls (U+0080–U+009F) and the Unicode
//!   noncharacters (U+FDD0–U+FDEF and U+xxFFFE/U+xxFFFF) are **refused** where text comes in, naming the field
//!   and the line and column: no keyboard types them, XML cannot carry most of them, and terminals obey them.
//! - Text that holds one anyway (written by an older version and received through sync) is **printed** with
//!   U+FFFD in its place ([`printable`]), so no export breaks on it.
//! - Invisible format characters (U+200B, U+FEFF, U+180E, …) are allowed, but a value made only of them and
//!   white space is blank ([`is_blank`]).

use std::borrow::Cow;

use icu_properties::CodePointSetData;
use icu_properties::props::{DefaultIgnorableCodePoint, WhiteSpace};

/// What a printer puts in place of a refused character.
pub const REPLACEMENT: char = '\u{FFFD}';

/// How many characters of a bad value an error message quotes; the rest becomes "…".
pub const QUOTED_CHARS: usize = 80;

/// Whether `c` is refused in any text of a record (see the module documentation).
pub fn is_refused(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}')
        || ('\u{FDD0}'..='\u{FDEF}').contains(&c)
        || (c as u32 & 0xFFFE) == 0xFFFE
}

/// A refused character and where it stands in its text: line and column from 1, the column counted in
/// characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refused {
    /// The character.
    pub ch: char,
    /// Its line, from 1.
    pub line: usize,
    /// Its column in characters, from 1.
    pub column: usize,
}

impl Refused {
    /// "control character U+0007", "noncharacter U+FFFF".
    pub fn describe(&self) -> String {
        let what = if self.ch.is_control() {
            "control character"
        } else {
            "noncharacter"
        };
        format!("{what} U+{:04X} is not allowed in text", self.ch as u32)
    }
}

/// The first refused character of `text`, with its line and column.
pub fn find_refused(text: &str) -> Option<Refused> {
    let (mut line, mut column) = (1, 0);
    for c in text.chars() {
        column += 1;
        if is_refused(c) {
            return Some(Refused {
                ch: c,
                line,
                column,
            });
        }
        if c == '\n' {
            line += 1;
            column = 0;
        }
    }
    None
}

/// The first refused character in any string of `value` (an edit or a record as JSON), with the dotted path
/// of the field that holds it (`item.text`, `documents[0].body`).
pub fn find_refused_in(value: &serde_json::Value) -> Option<(String, Refused)> {
    fn walk(v: &serde_json::Value, path: &mut String) -> Option<Refused> {
        match v {
            serde_json::Value::String(s) => find_refused(s),
            serde_json::Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                let found = walk(item, path);
                if found.is_none() {
                    path.truncate(len);
                }
                found
            }),
            serde_json::Value::Object(map) => map.iter().find_map(|(key, item)| {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                let found = walk(item, path);
                if found.is_none() {
                    path.truncate(len);
                }
                found
            }),
            _ => None,
        }
    }
    let mut path = String::new();
    let found = walk(value, &mut path)?;
    Some((path, found))
}

/// `text` with every refused character replaced by U+FFFD: what the exporters print.
pub fn printable(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_refused) {
        Cow::Owned(
            text.chars()
                .map(|c| if is_refused(c) { REPLACEMENT } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether `text` shows nothing: only white space and default-ignorable characters (U+200B, U+FEFF, U+180E,
/// U+2060, Hangul fillers, variation selectors, …), by the Unicode properties rather than a list of our own.
pub fn is_blank(text: &str) -> bool {
    let space = CodePointSetData::new::<WhiteSpace>();
    let ignorable = CodePointSetData::new::<DefaultIgnorableCodePoint>();
    text.chars()
        .all(|c| space.contains(c) || ignorable.contains(c))
}

/// `text` cut to [`QUOTED_CHARS`] characters with "…" after, for quoting a user's value in an error message.
pub fn clip(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(QUOTED_CHARS) {
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
        None => Cow::Borrowed(text),
    }
}

/// An error message with every quoted value in it (between `"…"` or `` `…` ``, as serde writes them) cut by
/// [`clip`], so that a refused 15 MB value makes a one-line error, not a 15 MB one.
pub fn clip_quoted(message: &str) -> Cow<'_, str> {
    if message.chars().count() <= QUOTED_CHARS * 2 {
        return Cow::Borrowed(message);
    }
    let mut out = String::with_capacity(QUOTED_CHARS * 4);
    let mut rest = message;
    while let Some(open) = rest.find(['"', '`']) {
        let quote = rest[open..].chars().next().unwrap_or('"');
        out.push_str(&rest[..=open]);
        let inner = &rest[open + 1..];
        // A quote escaped by Debug formatting (`\"`) does not close the value.
        let close = inner
            .char_indices()
            .find(|&(i, c)| c == quote && !inner[..i].ends_with('\\'))
            .map(|(i, _)| i);
        let Some(close) = close else {
            out.push_str(&clip(inner));
            return Cow::Owned(out);
        };
        out.push_str(&clip(&inner[..close]));
        out.push(quote);
        rest = &inner[close + 1..];
    }
    out.push_str(&clip_tail(rest));
    Cow::Owned(out)
}

// Text outside quotes is ours, but an unquoted value can still sit there; keep it bounded too.
fn clip_tail(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(QUOTED_CHARS * 4) {
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
        None => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refused_characters_are_the_documented_ones() {
        for c in [
            '\0', '\u{7}', '\u{B}', '\u{C}', '\u{1B}', '\u{1F}', '\u{7F}', '\u{9B}',
        ] {
            assert!(is_refused(c), "U+{:04X}", c as u32);
        }
        for c in [
            '\u{FFFE}',
            '\u{FFFF}',
            '\u{FDD0}',
            '\u{10FFFF}',
            '\u{1FFFE}',
        ] {
            assert!(is_refused(c), "U+{:04X}", c as u32);
        }
        for c in [
            '\t', '\n', '\r', ' ', 'a', 'é', '\u{200B}', '\u{FEFF}', '\u{FFFD}', '🙂',
        ] {
            assert!(!is_refused(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn a_refused_character_is_found_with_line_and_column() {
        let found = find_refused("first\nsecond \u{7}").unwrap();
        assert_eq!((found.ch, found.line, found.column), ('\u{7}', 2, 8));
        assert_eq!(
            found.describe(),
            "control character U+0007 is not allowed in text"
        );
        assert_eq!(
            find_refused("\u{FFFF}").unwrap().describe(),
            "noncharacter U+FFFF is not allowed in text"
        );
        assert_eq!(find_refused("fine\ttext\r\n"), None);
    }

    #[test]
    fn the_path_to_a_refused_character_is_named() {
        let v = serde_json::json!({"item": {"from": "ok", "text": ["a", "b\u{1b}[31m"]}});
        let (path, found) = find_refused_in(&v).unwrap();
        assert_eq!(path, "item.text[1]");
        assert_eq!(found.column, 2);
        assert_eq!(find_refused_in(&serde_json::json!({"a": ["x"]})), None);
    }

    #[test]
    fn printable_replaces_only_refused_characters() {
        assert_eq!(printable("a\u{0}b\u{FFFE}\tc"), "a\u{FFFD}b\u{FFFD}\tc");
        assert!(matches!(printable("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn invisible_only_text_is_blank() {
        for blank in [
            "",
            " \t\n",
            "\u{200B}",
            "\u{FEFF}\u{180E}",
            "\u{2060}\u{3164}\u{FE0F}",
        ] {
            assert!(is_blank(blank), "{blank:?}");
        }
        for text in ["a", "\u{200B}x", "·", "—"] {
            assert!(!is_blank(text), "{text:?}");
        }
    }

    #[test]
    fn long_quoted_values_are_clipped() {
        let long = "x".repeat(10_000);
        let msg = format!("invalid type: string \"{long}\", expected u32");
        let clipped = clip_quoted(&msg);
        assert!(clipped.len() < 200, "{clipped}");
        assert!(clipped.ends_with("…\", expected u32"), "{clipped}");
        assert_eq!(clip_quoted("short `x`"), "short `x`");
        let unquoted = "y".repeat(10_000);
        assert!(clip_quoted(&unquoted).chars().count() <= QUOTED_CHARS * 4 + 1);
    }
}
