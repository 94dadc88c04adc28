//! Characters no bundled font can draw (emoji, Hangul, Thai, …) are swapped for a visible □ before typesetting.
//!
//! PDF/A-2b forbids missing glyphs, so Typst refuses to write a PDF that needs one: without this, a single 🙂
//! anywhere in a summary would make the export fail. The swap is reported as a warning naming the code points.

use std::collections::HashMap;

/// What stands in for a character no bundled font has. The bundled Chinese face carries it.
pub(crate) const STAND_IN: char = '\u{25A1}';

/// At most this many characters are named in the warning; the rest are counted.
const NAMED: usize = 12;

/// Replace, in `source`, every character that none of the fonts `covered` knows with [`STAND_IN`]. A sequence
/// built on a replaced character (variation selectors, zero-width joiners and what they join, emoji modifiers
/// and tags) becomes one stand-in. Returns the new source and the distinct replaced characters in order.
pub(crate) fn replace_uncovered(
    source: String,
    covered: impl Fn(char) -> bool,
) -> (String, Vec<char>) {
    let mut known: HashMap<char, bool> = HashMap::new();
    let mut is_covered = |c: char| *known.entry(c).or_insert_with(|| covered(c));
    if source
        .chars()
        .all(|c| c.is_ascii() || invisible(c) || is_covered(c))
    {
        return (source, Vec::new());
    }
    let mut out = String::with_capacity(source.len());
    let mut missing: Vec<char> = Vec::new();
    // Inside a sequence that started with a replaced character; `joined` after a ZWJ.
    let mut in_sequence = false;
    let mut joined = false;
    for c in source.chars() {
        if in_sequence {
            if c == '\u{200D}' {
                joined = true;
                continue;
            }
            if is_sequence_part(c) {
                continue;
            }
            if joined && !c.is_ascii() && !invisible(c) && !is_covered(c) {
                if !missing.contains(&c) {
                    missing.push(c);
                }
                joined = false;
                continue;
            }
            in_sequence = false;
            joined = false;
        }
        if c.is_ascii() || invisible(c) || is_covered(c) {
            out.push(c);
        } else {
            if !missing.contains(&c) {
                missing.push(c);
            }
            out.push(STAND_IN);
            in_sequence = true;
        }
    }
    (out, missing)
}

/// The one-line warning for `missing` (not empty).
pub(crate) fn warning(missing: &[char]) -> String {
    let named: Vec<String> = missing
        .iter()
        .take(NAMED)
        .map(|c| format!("U+{:04X}", *c as u32))
        .collect();
    let more = match missing.len().saturating_sub(NAMED) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    format!(
        "{} character(s) no bundled font has were printed as {STAND_IN}: {}{more}",
        missing.len(),
        named.join(", ")
    )
}

/// Characters that draw nothing, which the shaper handles without a glyph of their own.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}')
}

/// Variation selectors, emoji skin-tone modifiers, tag characters and the keycap mark.
fn is_sequence_part(c: char) -> bool {
    matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{20E3}' | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0020}'..='\u{E007F}' | '\u{E0100}'..='\u{E01EF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_sequences_become_one_stand_in() {
        let covered = |c: char| c == 'é';
        let (s, missing) =
            replace_uncovered("é 🙂\u{FE0F} 👨\u{200D}👩\u{200D}👧 한".into(), covered);
        assert_eq!(s, "é □ □ □");
        assert_eq!(missing, vec!['🙂', '👨', '👩', '👧', '한']);
        assert!(warning(&missing).starts_with("5 character(s)"));
        assert!(warning(&missing).contains("U+1F642, U+1F468"));
    }

    #[test]
    fn covered_text_is_untouched() {
        let (s, missing) = replace_uncovered("abc \u{200B}".into(), |_| false);
        assert_eq!(s, "abc \u{200B}");
        assert!(missing.is_empty());
    }
}
