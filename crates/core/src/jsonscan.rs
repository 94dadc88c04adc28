//! Finds the first refused character (see [`crate::text`]) in the strings of a JSON text, with the field path
//! and the file's line and column, as every other import error gives them.
//!
//! serde_json itself refuses raw C0 controls, so in valid JSON a refused character is either a `\u` escape or
//! a raw DEL, C1 control or noncharacter; serde cannot tell us where a string came from, hence this scan. It
//! runs only on text serde_json has already accepted, so it need not diagnose malformed JSON. The same walk
//! places the refusals of rules that span fields (an agenda item the agenda lacks), checked after parsing.

use crate::text::is_refused;

/// Where a refused character stands: the dotted field path, the character, and its line and column in the
/// file (from 1; the column counts bytes, as serde_json's does).
pub(crate) struct Found {
    pub path: String,
    pub ch: char,
    pub line: usize,
    pub column: usize,
}

enum Frame {
    Object { key: Option<String> },
    Array { index: usize },
}

pub(crate) fn first_refused(json: &str) -> Option<Found> {
    walk(json, |stack, _, bad| {
        let (offset, ch) = bad?;
        let (line, column) = line_column(json, offset);
        Some(Found {
            path: path(stack),
            ch,
            line,
            column,
        })
    })
}

/// Where the string value `value` of field `field` first stands in an entry of the top-level list `list`
/// (`interventions`, then `agenda_item`): the field path with the entry's index in the file, and the value's
/// line and column. Used to place a refusal serde could not make while reading (a cross-field rule).
pub(crate) fn locate(json: &str, list: &str, field: &str, value: &str) -> Option<Found> {
    walk(json, |stack, (offset, text), _| {
        let [
            Frame::Object { key: Some(l) },
            Frame::Array { .. },
            Frame::Object { key: Some(f) },
        ] = stack
        else {
            return None;
        };
        if l != list || f != field || text != value {
            return None;
        }
        let (line, column) = line_column(json, offset);
        Some(Found {
            path: path(stack),
            ch: '"',
            line,
            column,
        })
    })
}

fn line_column(json: &str, offset: usize) -> (usize, usize) {
    let bytes = &json.as_bytes()[..offset];
    let line = 1 + bytes.iter().filter(|&&b| b == b'\n').count();
    let line_start = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    (line, offset - line_start + 1)
}

/// Walks the string values of a JSON text, giving `visit` the path to each (as a stack of frames), its
/// opening quote's offset and decoded text, and its first refused character; stops at the first `Some`.
fn walk<T>(
    json: &str,
    mut visit: impl FnMut(&[Frame], (usize, &str), Option<(usize, char)>) -> Option<T>,
) -> Option<T> {
    let bytes = json.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    // In an object, whether the next string is a key.
    let mut want_key = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => {
                stack.push(Frame::Object { key: None });
                want_key = true;
            }
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
                want_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { .. }) => want_key = true,
                None => {}
            },
            b'"' => {
                let (text, bad, end) = string_at(json, i + 1);
                if want_key {
                    if let Some(Frame::Object { key }) = stack.last_mut() {
                        *key = Some(text);
                    }
                    want_key = false;
                } else if let Some(found) = visit(&stack, (i, &text), bad) {
                    return Some(found);
                }
                i = end;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Reads the string whose content starts at `start`: its decoded text, the first refused character in it (byte
/// offset, character), and the offset of its closing quote.
fn string_at(json: &str, start: usize) -> (String, Option<(usize, char)>, usize) {
    let bytes = json.as_bytes();
    let mut text = String::new();
    let mut bad = None;
    let mut i = start;
    while i < bytes.len() && bytes[i] != b'"' {
        let (c, len) = if bytes[i] == b'\\' {
            escape_at(json, i)
        } else {
            let c = json[i..].chars().next().unwrap_or('\u{FFFD}');
            (c, c.len_utf8())
        };
        if bad.is_none() && is_refused(c) {
            bad = Some((i, c));
        }
        text.push(c);
        i += len;
    }
    (text, bad, i)
}

/// The character an escape at `i` stands for, and the escape's length in bytes.
fn escape_at(json: &str, i: usize) -> (char, usize) {
    let hex = |at: usize| {
        json.get(at..at + 4)
            .and_then(|h| u32::from_str_radix(h, 16).ok())
    };
    match json.as_bytes().get(i + 1) {
        Some(b'u') => {
            let Some(unit) = hex(i + 2) else {
                return ('\u{FFFD}', 2);
            };
            if (0xD800..0xDC00).contains(&unit)
                && json.get(i + 6..i + 8) == Some("\\u")
                && let Some(low) = hex(i + 8)
            {
                let c = 0x10000 + ((unit - 0xD800) << 10) + (low.wrapping_sub(0xDC00) & 0x3FF);
                return (char::from_u32(c).unwrap_or('\u{FFFD}'), 12);
            }
            (char::from_u32(unit).unwrap_or('\u{FFFD}'), 6)
        }
        Some(&b) => (
            match b {
                b'n' => '\n',
                b't' => '\t',
                b'r' => '\r',
                b'b' => '\u{8}',
                b'f' => '\u{C}',
                other => char::from(other),
            },
            2,
        ),
        None => ('\u{FFFD}', 1),
    }
}

fn path(stack: &[Frame]) -> String {
    let mut out = String::new();
    for frame in stack {
        match frame {
            Frame::Object { key: Some(k) } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Frame::Object { key: None } => {}
            Frame::Array { index } => out.push_str(&format!("[{index}]")),
        }
    }
    if out.is_empty() { ".".into() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_escaped_and_raw_characters_with_path_and_place() {
        let json = "{\n  \"a\": [\"ok\", {\"b\": \"x\\u0007\"}],\n  \"c\": \"\u{FFFF}\"\n}";
        let found = first_refused(json).unwrap();
        assert_eq!(found.path, "a[1].b");
        assert_eq!(found.ch, '\u{7}');
        assert_eq!((found.line, found.column), (2, 23));

        let found = first_refused("{\"c\": \"\\\\u0007 is text\", \"d\": \"\u{FFFF}\"}").unwrap();
        assert_eq!((found.path.as_str(), found.ch), ("d", '\u{FFFF}'));
        assert_eq!(found.column, 32);
    }

    #[test]
    fn clean_json_and_surrogate_pairs_pass() {
        assert!(
            first_refused("{\"a\": \"\\ud83d\\ude42 \\n \\t\", \"b\": [1, true, null]}").is_none()
        );
        assert_eq!(
            first_refused("{\"a\": \"\\uDBFF\\uDFFF\"}").map(|f| f.ch),
            Some('\u{10FFFF}')
        );
    }
}
