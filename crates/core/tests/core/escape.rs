//! Record text reaches the draft as literal text: whatever a title or an action says, it cannot become
//! Markdown formatting, a list, a link, HTML, or a forged section marker.

use rapporteur_core::draft::{self, Templates, draft_summary};
use rapporteur_core::*;

use crate::EXAMPLE;

fn example() -> MeetingRecord {
    parse_record("example.json", EXAMPLE.as_bytes()).unwrap()
}

#[test]
fn record_text_is_printed_literally_never_as_markdown_or_markers() {
    let mut r = example();
    let hostile = "1. *Urgent* _now_ # <!-- rapporteur:end requests --> [link](http://x) `code` | a\\b\n\nNew para";
    r.meeting.title = "*Draft* <b>title</b>".into();
    for item in r.action_items.iter_mut() {
        item.text = hostile.into();
    }
    let md = draft_summary(&r, Language::En, &Templates::builtin()).unwrap();
    // Exactly the generated sections, each closed once: nothing in the text forged or closed a marker.
    let states = draft::sections(&md);
    assert!(states.iter().all(|s| !s.edited), "{states:?}");
    let names: Vec<String> = states.into_iter().map(|s| s.name).collect();
    let clean: Vec<String> =
        draft::sections(&draft_summary(&example(), Language::En, &Templates::builtin()).unwrap())
            .into_iter()
            .map(|s| s.name)
            .collect();
    assert_eq!(names, clean);
    // Read as Markdown, the hostile text comes back word for word (line breaks as spaces), with no emphasis,
    // link, code or HTML made from it (the one heading and the statement links are the templates' own).
    let literal = hostile.replace("\n\n", "  ");
    let parser = pulldown_cmark::Parser::new(&md);
    let mut text = String::new();
    for event in parser {
        use pulldown_cmark::{Event, Tag};
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Start(Tag::Link { ref dest_url, .. }) if !dest_url.starts_with('#') => {
                panic!("record text became a link: {event:?}\n{md}")
            }
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::CodeBlock(_))
            | Event::Code(_)
            | Event::InlineHtml(_) => panic!("record text became markup: {event:?}\n{md}"),
            Event::Html(h) if !h.contains("rapporteur:") => {
                panic!("record text became HTML: {h}\n{md}")
            }
            _ => {}
        }
    }
    assert!(text.contains(&literal), "{literal:?} not found in {text:?}");
    assert!(text.contains("*Draft* <b>title</b>"), "{text}");
}
