//! Hostile text: Typst markup, `#` functions, math, labels, references, backslashes, raw HTML and very long
//! words in any user field come out literally, in every format, with no error. Drafting markers vanish.

use rapporteur_export::{ExportRequest, Format, Letterhead};

use crate::support::*;

const LONG: usize = 300;

fn body() -> String {
    format!(
        "Typst: #panic(\"boom\") and #read(\"/etc/passwd\") and #set page(width: 1cm) and $x^2 + y$ \
and <label> and @ref and // not a comment and /* not either */ and a -- b --- c ~ d.\n\n\
= not a heading\n\n\
Backslashes: \\\\ and C:\\Users\\x and #\"str\" and [brackets] and {{braces}} and `code #panic()`.\n\n\
Very long: {}\n\n\
<script>alert(1)</script> and <b>tags</b> shown.\n\n\
<!-- rapporteur:begin generated -->\n\
Generated paragraph.\n\
<!-- rapporteur:end generated -->\n\n\
| a | b |\n|---|---|\n| #strong[x] | $y$ |\n",
        "A".repeat(LONG)
    )
}

fn hostile_record() -> rapporteur_core::MeetingRecord {
    let mut record = record_from_json(
        r##"{
      "format": "rapporteur/meeting-record@1",
      "meeting": { "title": "Meeting #1: $5 *cost* <b> \\ #panic()", "kind": "briefing", "date": "2019-12-12",
                   "language": "en", "symbol": "A/HRC/#x\\y" },
      "attendance": { "delegations": [ { "name": "#read(\"/etc/passwd\") ]) }", "category": "civil_society" } ] },
      "interventions": [ { "order": 1, "speaker": { "name": "@ref <l> $m$", "category": "other" },
                           "person": "\\\" #x", "time": "10:00" } ]
    }"##,
    );
    with_summary(&mut record, &body());
    record
}

fn request(format: Format) -> ExportRequest {
    ExportRequest {
        format,
        annex: true,
        letterhead: Letterhead {
            organisation: "Org \\ \"quoted\" #sym.alpha ]".into(),
            unit: Some("#include \"x.typ\"".into()),
            logo: None,
        },
        ..ExportRequest::default()
    }
}

#[test]
fn pdf_shows_hostile_text_literally() {
    let dir = scratch("hostile-pdf");
    let pdf = write(
        &dir,
        "hostile.pdf",
        &export_ok(&hostile_record(), &request(Format::Pdf)),
    );
    let text = pdf_text(&pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for literal in [
        "#panic(\"boom\")",
        "#read(\"/etc/passwd\")",
        "#set page(width: 1cm)",
        "$x^2 + y$",
        "<label> and @ref",
        "// not a comment and /* not either */",
        "a -- b --- c ~ d.",
        "= not a heading",
        "Backslashes: \\ and C:\\Users\\x and #\"str\" and [brackets] and {braces}",
        "code #panic()",
        "<script>alert(1)</script> and <b>tags</b> shown.",
        "Generated paragraph.",
        "#strong[x]",
        "Meeting #1: $5 *cost* <b> \\ #panic()",
        "A/HRC/#x\\y",
        "Org \\ \"quoted\" #sym.alpha ]",
        "#include \"x.typ\"",
        "#read(\"/etc/passwd\") ]) }",
        "@ref <l> $m$",
        "\\\" #x",
    ] {
        assert!(
            flat.contains(literal),
            "{literal:?} not shown literally in:\n{text}"
        );
    }
    assert!(!text.contains("rapporteur:begin") && !text.contains("rapporteur:end"));
    assert!(
        !text.contains("root:"),
        "nothing was read from the file system"
    );
    // The long word is all there (it may wrap at invisible break points).
    let joined: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200B}')
        .collect();
    assert!(joined.contains(&"A".repeat(LONG)));
    // The 1 cm page width was not applied: A4 pages.
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(info.contains("595.") && info.contains("841."), "{info}");
}

#[test]
fn html_escapes_everything_and_runs_no_script() {
    let html = String::from_utf8(export_ok(&hostile_record(), &request(Format::Html))).unwrap();
    assert!(!html.contains("<script"), "raw HTML must not pass through");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;b&gt;tags&lt;/b&gt;"));
    assert!(html.contains("Meeting #1: $5 *cost* &lt;b&gt;"));
    assert!(!html.contains("rapporteur:begin"));
    assert!(html.contains("Generated paragraph."));
    assert!(
        html.contains("default-src 'none'"),
        "a CSP forbids scripts and remote loads"
    );
}

#[test]
fn markdown_keeps_text_but_neutralises_html_and_markers() {
    let md = String::from_utf8(export_ok(&hostile_record(), &request(Format::Md))).unwrap();
    assert!(!md.contains("rapporteur:begin") && !md.contains("rapporteur:end"));
    assert!(md.contains("Generated paragraph."));
    // Rendered again, the Markdown holds no live HTML.
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(&md));
    assert!(!html.contains("<script") && !html.contains("<b>"), "{html}");
    assert!(html.contains("Meeting #1: $5 *cost* &lt;b&gt;"), "{html}");
    assert!(
        html.contains("#panic(\"boom\") and #read(\"/etc/passwd\")"),
        "{html}"
    );
}

#[test]
fn docx_and_every_format_export_without_error() {
    for format in [Format::Docx, Format::Csv, Format::Ics] {
        let bytes = export_ok(&hostile_record(), &request(format));
        assert!(!bytes.is_empty(), "{format}");
    }
}

#[test]
fn deep_nesting_is_flattened_not_a_crash() {
    let mut record = example();
    let quotes = format!("{} deep quote\n", ">".repeat(2000));
    let lists: String = (0..200)
        .map(|i| format!("{}- level {i}\n", "  ".repeat(i)))
        .collect();
    with_summary(&mut record, &format!("{quotes}\n{lists}"));
    for format in [Format::Pdf, Format::Docx, Format::Html, Format::Md] {
        let bytes = export_ok(&record, &request(format));
        assert!(!bytes.is_empty());
    }
    let dir = scratch("hostile-nesting");
    let pdf = write(
        &dir,
        "nested.pdf",
        &export_ok(&record, &request(Format::Pdf)),
    );
    let text = pdf_text(&pdf);
    assert!(text.contains("deep quote") && text.contains("level 0") && text.contains("level 199"));
}

#[test]
fn text_split_at_brackets_quotes_and_backslashes_is_markup_that_parses() {
    // pulldown-cmark splits text at brackets, entities and backslash escapes; the Typst writer joins the pieces
    // into one string literal, reopening it after its closing quote. A piece ending in `"` or `\` must not
    // leave the literal open, and a table printed as lines must close what it opens.
    let cell = "r\\\"[x]\\\\ &amp; \\[\"";
    let table = format!(
        "|a|b|\n|-|-|\n{}",
        format!("|{cell}|{cell}|\n").repeat(1100)
    );
    for md in [
        "He said \"[quote]\" \\ and [x] \\\\",
        "a\\\"b[c]\"d\\\\[e]\\",
        "[^x] and [y] \"z\"\n\n[^x]: note \"q\" [r] \\",
        &table,
    ] {
        for rtl in [false, true] {
            let markup = rapporteur_export::typst_markup_of(md, rtl);
            let (errors, _) = typst::syntax::parse(&markup).errors_and_warnings();
            assert!(errors.is_empty(), "{md:?}: {errors:?}");
        }
    }
}
