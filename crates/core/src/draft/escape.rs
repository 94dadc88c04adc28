//! Record text reaches the draft through templates, and the draft is Markdown. A title such as `*Draft*`, an
//! action text starting with `1.` or `#`, or a name containing `<!-- rapporteur:end -->` would otherwise turn
//! into formatting, a list, a heading or a forged section marker. Every value a template prints is therefore
//! escaped here, once, at output; the templates' own text (their Markdown) is left alone, and a value marked
//! safe (`Value::from_safe_string`) is printed as is.

use minijinja::value::Value;
use minijinja::{Error, Output, State};

/// Escape `text` so that Markdown reads it as literal inline text. Line breaks become spaces: one value is one
/// run of inline text, never a new paragraph.
pub fn markdown_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.chars().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            // At the start of a value, these would begin a list item or a block quote.
            '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    escape_ordered_list_start(out)
}

/// "1. Text" or "2) Text" at the start would be read as a numbered list item.
fn escape_ordered_list_start(text: String) -> String {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    match text.as_bytes().get(digits) {
        Some(b'.' | b')') if digits > 0 => format!("{}\\{}", &text[..digits], &text[digits..]),
        _ => text,
    }
}

/// The template environment's formatter: strings are escaped, anything else is printed as minijinja would.
pub(crate) fn formatter(
    out: &mut Output<'_>,
    state: &State<'_, '_>,
    value: &Value,
) -> Result<(), Error> {
    match value.as_str() {
        Some(text) if !value.is_safe() => {
            out.write_str(&markdown_inline(text)).map_err(Error::from)
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}
