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
