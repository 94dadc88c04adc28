use proptest::prelude::*;
use rapporteur_core::draft::{
    Templates, draft_summary, mark, regenerate, regenerate_with, sections, strip_markers,
};
use rapporteur_core::*;

use crate::EXAMPLE;
use rapporteur_core::strategies;

fn example() -> MeetingRecord {
    parse_record("example.json", EXAMPLE.as_bytes()).unwrap()
}

fn draft(r: &MeetingRecord) -> String {
    draft_summary(r, Language::En, &Templates::builtin()).unwrap()
}

fn names(markdown: &str) -> Vec<String> {
    sections(markdown).into_iter().map(|s| s.name).collect()
}

fn edited(markdown: &str) -> Vec<String> {
    sections(markdown)
        .into_iter()
        .filter(|s| s.edited)
        .map(|s| s.name)
        .collect()
}

/// The example with Austria added to the speakers list.
fn with_austria() -> MeetingRecord {
    let mut r = example();
    let mut extra = r.interventions.0[0].clone();
    extra.order = 11;
    extra.speaker = Party::state(DelegationCode::parse("AUT").unwrap());
    r.interventions.0.push(extra);
    r
}

#[test]
fn a_fresh_draft_regenerates_to_itself() {
    let d = draft(&example());
    assert!(edited(&d).is_empty());
    let out = regenerate(&d, &d);
    assert_eq!(out.markdown, d);
    assert!(out.edited_sections.is_empty() && out.overwritten_sections.is_empty());
}

#[test]
fn hand_written_text_survives_and_sections_follow_the_record() {
    let d = draft(&example());
    let note =
        "\n\nSeveral delegates expressed appreciation for the progress made by the Network.\n";
    let doc = d.replacen(
        "<!-- rapporteur:end speakers -->\n",
        &format!("<!-- rapporteur:end speakers -->{note}"),
        1,
    );
    let doc = format!("Draft — not for circulation\n\n{doc}\nAnnex: list of participants\n");
    let out = regenerate(&doc, &draft(&with_austria()));
    assert!(out.edited_sections.is_empty());
    assert!(
        out.markdown
            .starts_with("Draft — not for circulation\n\n<!-- rapporteur:begin heading")
    );
    assert!(
        out.markdown
            .contains(&format!("<!-- rapporteur:end speakers -->{note}"))
    );
    assert!(
        out.markdown
            .ends_with("<!-- rapporteur:end invitations -->\n\nAnnex: list of participants\n")
    );
    assert!(
        out.markdown.contains("took the floor: Austria, Ecuador,"),
        "{}",
        out.markdown
    );
    assert!(edited(&out.markdown).is_empty());
}

#[test]
fn hand_edited_sections_are_kept_and_reported_until_allowed() {
    let d = draft(&example());
    let doc = d.replace("took the floor:", "spoke:");
    assert_eq!(edited(&doc), ["speakers"]);
    let fresh = draft(&with_austria());

    let kept = regenerate(&doc, &fresh);
    assert_eq!(kept.edited_sections, ["speakers"]);
    assert!(kept.overwritten_sections.is_empty());
    assert!(kept.markdown.contains("spoke: Ecuador,") && !kept.markdown.contains("Austria"));

    let forced = regenerate_with(&doc, &fresh, &["speakers".to_owned()]);
    assert!(forced.edited_sections.is_empty());
    assert_eq!(forced.overwritten_sections, ["speakers"]);
    assert_eq!(forced.markdown, fresh);
    // Allowing other sections does not allow this one.
    assert_eq!(
        regenerate_with(&doc, &fresh, &["opening".to_owned()]).edited_sections,
        ["speakers"]
    );
}

#[test]
fn line_endings_and_trailing_space_are_not_edits() {
    let d = draft(&example());
    assert!(edited(&d.replace('\n', "\r\n")).is_empty());
    let spaced = d.replace(
        "\n<!-- rapporteur:end opening -->",
        "  \n\n<!-- rapporteur:end opening -->",
    );
    assert!(edited(&spaced).is_empty());
}

#[test]
fn new_sections_go_where_they_belong_and_vanished_ones_go() {
    let mut r = example();
    let requests = r
        .action_items
        .iter()
        .filter(|a| a.kind == ActionKind::Request)
        .cloned()
        .collect::<Vec<_>>();
    r.action_items.retain(|a| a.kind != ActionKind::Request);
    let without = draft(&r);
    assert!(!names(&without).contains(&"requests".to_owned()));
    let doc = format!("{without}\nHand-written closing.\n");

    r.action_items.splice(0..0, requests);
    let out = regenerate(&doc, &draft(&r));
    assert_eq!(
        names(&out.markdown),
        names(&draft(&r)),
        "inserted after speakers, before commitments"
    );
    assert!(out.markdown.ends_with("\nHand-written closing.\n"));

    r.interventions.0.clear();
    let out = regenerate(&out.markdown, &draft(&r));
    assert!(!names(&out.markdown).contains(&"speakers".to_owned()));
    assert!(!out.markdown.contains("took the floor"));
}

#[test]
fn sections_are_appended_to_a_document_without_any() {
    let d = draft(&example());
    let out = regenerate("My own notes.", &d);
    assert_eq!(out.markdown, format!("My own notes.\n\n{d}"));
    assert_eq!(regenerate("", &d).markdown, d);
}

#[test]
fn a_section_missing_its_end_marker_is_left_alone() {
    let d = draft(&example());
    let doc = d.replace("<!-- rapporteur:end opening -->", "");
    assert!(edited(&doc).contains(&"opening".to_owned()));
    let out = regenerate(&doc, &d);
    assert_eq!(out.edited_sections, ["opening"]);
    assert_eq!(
        out.markdown.matches("rapporteur:begin opening").count(),
        1,
        "not added again"
    );
}

#[test]
fn strip_markers_leaves_only_the_text() {
    let d = draft(&example());
    let text = strip_markers(&d);
    assert!(!text.contains("rapporteur:") && !text.contains("<!--"));
    assert!(text.starts_with(
        "# Summary of Network Briefing to Member States\n\n12 December 2019\n\nThe Coordinator"
    ));
    assert_eq!(strip_markers("no markers\n"), "no markers\n");
    assert_eq!(strip_markers(&mark("x", "body")), "body\n");
}

#[test]
fn marks_carry_the_hash_of_their_text() {
    let m = mark("opening", "Hello.");
    assert!(m.starts_with("<!-- rapporteur:begin opening hash="));
    assert!(m.ends_with("\nHello.\n<!-- rapporteur:end opening -->"));
    assert!(edited(&m).is_empty());
    assert_eq!(edited(&m.replace("Hello.", "Hello!")), ["opening"]);
    assert_eq!(
        edited(&m.replace(" hash=", " h=")),
        ["opening"],
        "no hash: treated as edited"
    );
}

/// A document built from generated blocks with hand-written paragraphs inserted between, before or after them.
fn with_paragraphs(draft: &str, inserts: &[(usize, String)]) -> String {
    let blocks: Vec<&str> = draft
        .trim_end()
        .split("\n\n<!-- rapporteur:begin")
        .collect();
    let blocks: Vec<String> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            if i == 0 {
                (*b).to_owned()
            } else {
                format!("<!-- rapporteur:begin{b}")
            }
        })
        .collect();
    let mut parts: Vec<String> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        parts.extend(
            inserts
                .iter()
                .filter(|(at, _)| at % (blocks.len() + 1) == i)
                .map(|(_, p)| p.clone()),
        );
        parts.push(block.clone());
    }
    parts.extend(
        inserts
            .iter()
            .filter(|(at, _)| at % (blocks.len() + 1) == blocks.len())
            .map(|(_, p)| p.clone()),
    );
    parts.join("\n\n") + "\n"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn hand_edits_survive_regeneration(
        before in strategies::record(),
        after in strategies::record(),
        inserts in proptest::collection::vec((0usize..20, "[A-Z][a-z ,.;:!?'()*_-]{0,60}"), 0..6),
    ) {
        let old = draft_summary(&before, Language::En, &Templates::builtin()).unwrap();
        let fresh = draft_summary(&after, Language::En, &Templates::builtin()).unwrap();
        let doc = with_paragraphs(&old, &inserts);
        let out = regenerate(&doc, &fresh);
        prop_assert!(out.edited_sections.is_empty());

        // Every hand-written paragraph is still there, byte for byte, as its own paragraph, in order.
        let hand = |doc: &str| -> Vec<String> {
            doc.split("\n\n")
                .map(|p| p.trim_end_matches('\n'))
                .filter(|p| inserts.iter().any(|(_, i)| i == p))
                .map(str::to_owned)
                .collect()
        };
        prop_assert_eq!(hand(&doc).len(), inserts.len());
        prop_assert_eq!(hand(&out.markdown), hand(&doc));
        // The generated sections are exactly the fresh draft's, in its order, unedited.
        prop_assert_eq!(names(&out.markdown), names(&fresh));
        prop_assert!(edited(&out.markdown).is_empty());
        let without_inserts: Vec<String> = strip_markers(&out.markdown)
            .split("\n\n")
            .filter(|p| !inserts.iter().any(|(_, i)| i == p.trim_end_matches('\n')))
            .map(str::to_owned)
            .collect();
        let without_inserts = without_inserts.join("\n\n");
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        prop_assert_eq!(squash(&without_inserts), squash(&strip_markers(&fresh)));
        // And regenerating again changes nothing.
        prop_assert_eq!(regenerate(&out.markdown, &fresh).markdown, out.markdown.clone());
    }
}

/// A hand-written block: a paragraph, a paragraph over several lines, list items or a heading. Each carries a
/// unique tag (`H<n>`) so it can be found again.
fn hand_block() -> impl Strategy<Value = (usize, bool, String)> {
    let line = "[A-Za-z][a-z ,.;:!?'()*_-]{0,40}";
    let block = prop_oneof![
        line.prop_map(|l| l.to_string()),
        proptest::collection::vec(line, 2..4).prop_map(|ls| ls.join("\n")),
        proptest::collection::vec(line, 1..4).prop_map(|ls| ls
            .iter()
            .map(|l| format!("- {l}"))
            .collect::<Vec<_>>()
            .join("\n")),
        (1usize..4, line).prop_map(|(n, l)| format!("{} {l}", "#".repeat(n))),
    ];
    // Where it goes, whether it touches the neighbouring marker line (no blank line between), and the text.
    (0usize..20, any::<bool>(), block)
}

/// `draft` with `inserts` put between, before or after its generated blocks; a `tight` insert is separated
/// from its neighbours by a single newline, so it sits right next to a marker line.
fn with_blocks(draft: &str, inserts: &[(usize, bool, String)]) -> String {
    let blocks: Vec<String> = draft
        .trim_end()
        .split("\n\n<!-- rapporteur:begin")
        .enumerate()
        .map(|(i, b)| {
            if i == 0 {
                b.to_owned()
            } else {
                format!("<!-- rapporteur:begin{b}")
            }
        })
        .collect();
    let slots = blocks.len() + 1;
    let mut doc = String::new();
    let push = |doc: &mut String, text: &str, tight: bool| {
        if !doc.is_empty() {
            doc.push_str(if tight { "\n" } else { "\n\n" });
        }
        doc.push_str(text);
    };
    for slot in 0..slots {
        let mut after_insert = false;
        for (_, tight, text) in inserts.iter().filter(|(at, _, _)| at % slots == slot) {
            push(&mut doc, text, *tight);
            after_insert = *tight;
        }
        if let Some(block) = blocks.get(slot) {
            push(&mut doc, block, after_insert);
        }
    }
    doc + "\n"
}

/// The document with every marked section's lines removed: what the rapporteur wrote.
fn outside(markdown: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for line in markdown.split_inclusive('\n') {
        if line.starts_with("<!-- rapporteur:begin ") {
            inside = true;
        } else if inside && line.starts_with("<!-- rapporteur:end ") {
            inside = false;
        } else if !inside {
            out.push_str(line);
        }
    }
    out
}

fn begin_lines(markdown: &str) -> Vec<&str> {
    markdown
        .lines()
        .filter(|l| l.starts_with("<!-- rapporteur:begin "))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn hand_blocks_survive_regeneration_in_every_language(
        lang in proptest::sample::select(vec![Language::En, Language::Fr, Language::Es]),
        before in strategies::record(),
        after in strategies::record(),
        blocks in proptest::collection::vec(hand_block(), 0..6),
    ) {
        let inserts: Vec<(usize, bool, String)> = blocks
            .into_iter()
            .enumerate()
            .map(|(k, (at, tight, text))| {
                // The tag goes after any list or heading mark, so the block keeps its shape.
                let (mark, rest) = text.split_at(text.find(|c: char| c.is_alphabetic()).unwrap_or(0));
                (at, tight, format!("{mark}H{k} {rest}"))
            })
            .collect();
        let old = draft_summary(&before, lang, &Templates::builtin()).unwrap();
        let fresh = draft_summary(&after, lang, &Templates::builtin()).unwrap();
        let doc = with_blocks(&old, &inserts);
        prop_assert!(edited(&doc).is_empty(), "{}", doc);
        let out = regenerate(&doc, &fresh);
        prop_assert!(out.edited_sections.is_empty());

        // Every hand-written block is still there, byte for byte, outside the sections, in the order it had.
        let written = outside(&doc);
        let mut order: Vec<&String> = inserts.iter().map(|(_, _, text)| text).collect();
        for text in &order {
            prop_assert_eq!(written.matches(text.as_str()).count(), 1, "{}", doc);
        }
        order.sort_by_key(|text| written.find(text.as_str()));
        let kept = outside(&out.markdown);
        let mut from = 0;
        for (k, text) in order.into_iter().enumerate() {
            let at = kept[from..].find(text.as_str());
            prop_assert!(at.is_some(), "block {} lost or out of order:\n{}\n---\n{}", k, text, out.markdown);
            from += at.unwrap() + text.len();
            prop_assert_eq!(kept.matches(text.as_str()).count(), 1);
        }
        // The generated sections are exactly the fresh draft's, in its order, unedited.
        prop_assert_eq!(begin_lines(&out.markdown), begin_lines(&fresh));
        prop_assert!(edited(&out.markdown).is_empty());
        // And regenerating again changes nothing.
        prop_assert_eq!(regenerate(&out.markdown, &fresh).markdown, out.markdown.clone());
    }
}
