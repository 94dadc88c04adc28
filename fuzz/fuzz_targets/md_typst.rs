//! Markdown → Typst markup, the step that turns a delegate's text into what the PDF typesets.
//!
//! Promises checked: no panic; the markup parses as Typst without a syntax error, in both directions (so no
//! input can break out of a string literal or leave a bracket open); its length is linear in the input's
//! (a bounded amount of markup per input byte), so no input multiplies the work of typesetting.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rapporteur_export::typst_markup_of;

/// Markup bytes per input byte, at most. Generous: a one-byte emphasis marker or table pipe opens a wrapper
/// of a dozen bytes, a control character becomes `\u{…}`; what matters is that it is a constant.
const PER_BYTE: usize = 48;

fuzz_target!(|data: &[u8]| {
    // Bodies are `String`s: invalid UTF-8 never reaches the writer. MAX_DOCUMENT_BYTES (1 MiB) bounds them;
    // `-max_len` keeps fuzz inputs far below.
    let Ok(md) = std::str::from_utf8(data) else {
        return;
    };
    for rtl in [false, true] {
        let markup = typst_markup_of(md, rtl);
        assert!(
            markup.len() <= PER_BYTE * md.len() + 64,
            "{} bytes of markup for {} bytes of Markdown",
            markup.len(),
            md.len()
        );
        let (errors, _) = typst::syntax::parse(&markup).errors_and_warnings();
        assert!(
            errors.is_empty(),
            "markup does not parse: {errors:?}\n{markup}"
        );
    }
});
