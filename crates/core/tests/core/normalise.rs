//! The summary editor writes Markdown back its own way (ui/src/lib/editor.ts): other bullets, escapes, entities,
//! blank lines. Such rewrites of a generated section are not hand edits; changed words, links or structure are.

use rapporteur_core::draft::{mark, normal_form, regenerate, sections};

/// A summary drafted by `rapporteur draft` from a record full of Markdown-significant characters, and the
/// same summary after a round trip through the editor without any edit (the UI's tests keep the second
/// file equal to what the editor really writes).
const DRAFTED: &str = include_str!("../../../../ui/src/lib/__fixtures__/tricky-summary.en.md");
const THROUGH_EDITOR: &str =
    include_str!("../../../../ui/src/lib/__fixtures__/tricky-summary.en.editor.md");

fn edited(markdown: &str) -> Vec<String> {
    sections(markdown)
        .into_iter()
        .filter(|s| s.edited)
        .map(|s| s.name)
        .collect()
}

#[test]
fn the_editors_rewrite_of_a_draft_is_not_a_hand_edit() {
    assert_ne!(DRAFTED, THROUGH_EDITOR, "the editor does rewrite the bytes");
    assert!(THROUGH_EDITOR.contains("&amp;") && THROUGH_EDITOR.contains("\\["));
    assert_eq!(sections(THROUGH_EDITOR).len(), sections(DRAFTED).len());
    assert!(edited(DRAFTED).is_empty());
    assert!(edited(THROUGH_EDITOR).is_empty(), "{THROUGH_EDITOR}");
    let out = regenerate(THROUGH_EDITOR, DRAFTED);
    assert!(out.edited_sections.is_empty() && out.overwritten_sections.is_empty());
    assert_eq!(out.markdown.trim_end(), DRAFTED.trim_end());
}

#[test]
fn writing_the_same_markdown_differently_keeps_the_form() {
    let same = [
        ("A *b* and _c_.", "A *b* and *c*."),
        ("* one\n* two", "- one\n- two"),
        ("+ one\n\n+ two", "- one\n- two"),
        ("3) three", "3. three"),
        ("Trade & Development", "Trade &amp; Development"),
        ("2 * 3 < 10 > 5", "2 \\* 3 &lt; 10 &gt; 5"),
        ("work_plan [annex]", "work\\_plan \\[annex\\]"),
        ("Title <Geneva>", "Title &lt;Geneva&gt;"),
        ("Setext\n======", "# Setext"),
        ("# Closed #", "# Closed"),
        ("Soft\nbreak", "Soft break"),
        ("A\n\n\n\nB\n", "\nA\n\nB"),
        ("a  b\r\nc", "a b c"),
        ("~gone~", "~~gone~~"),
        (
            "See <https://un.org>.",
            "See [https://un.org](https://un.org).",
        ),
        ("- a\n\n  b", "- a b"),
    ];
    for (a, b) in same {
        assert_eq!(normal_form(a), normal_form(b), "{a:?} vs {b:?}");
        assert_eq!(
            edited(&mark("s", a).replace(a.trim(), b)),
            Vec::<String>::new(),
            "{a:?} vs {b:?}"
        );
    }
}

#[test]
fn changing_what_a_reader_sees_is_an_edit() {
    let different = [
        ("France and Ghana", "France and Ghana."),
        ("France and Ghana", "France, Ghana"),
        ("available [here](#statement-1).", "available here."),
        (
            "available [here](#statement-1).",
            "available [here](#statement-2).",
        ),
        ("A *b*.", "A b."),
        ("A *b*.", "A **b**."),
        ("- one\n- two", "1. one\n2. two"),
        ("- one\n- two", "- one two"),
        ("1. one", "2. one"),
        ("# Title", "## Title"),
        ("Para one\n\nPara two", "Para one Para two"),
        ("`code`", "code"),
        ("&copy; 2019", "&amp;copy; 2019"),
    ];
    for (a, b) in different {
        assert_ne!(normal_form(a), normal_form(b), "{a:?} vs {b:?}");
        let doc = mark("s", a).replace(&format!("\n{}\n", a.trim()), &format!("\n{b}\n"));
        assert_eq!(edited(&doc), ["s"], "{a:?} vs {b:?}");
    }
}

#[test]
fn sections_marked_with_the_older_hash_still_read_as_unedited() {
    use sha2::{Digest, Sha256};
    let body = "Delegates of France & Ghana took the floor.";
    let old: String = Sha256::digest(body.as_bytes())[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let doc = format!(
        "<!-- rapporteur:begin speakers hash={old} -->\n{body}\n<!-- rapporteur:end speakers -->\n"
    );
    assert!(edited(&doc).is_empty());
    // Rewritten by the editor, it no longer matches the older hash, yet regenerating loses nothing when it
    // reads as the fresh draft does: it is replaced, not reported.
    let rewritten = doc.replace(" & ", " &amp; ");
    assert_eq!(edited(&rewritten), ["speakers"]);
    let fresh = format!("{}\n", mark("speakers", body));
    let out = regenerate(&rewritten, &fresh);
    assert!(out.edited_sections.is_empty() && out.overwritten_sections.is_empty());
    assert_eq!(out.markdown, fresh);
}
