//! A drafted summary opens with its own title and date (`# Summary of …`, then "12 December 2019"), and every
//! format also prints a title block. Printing both would show the title twice, so the document's leading
//! level-1 heading becomes the title block's title (the rapporteur's wording wins over the built-in one), and is
//! taken out of the body together with a date line right after it that repeats the title block's date.

use std::borrow::Cow;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// The marker that opens the drafted heading section (`crates/core/src/draft`).
const DRAFTED_HEADING: &str = "rapporteur:begin heading";

/// `(title, body)`: the leading heading's text, if the body opens with a level-1 heading (comments such as the
/// drafting markers may come first), and the body without it and without a following paragraph equal to `date`.
pub(crate) fn lift_title<'a>(body: &'a str, date: &str) -> (Option<String>, Cow<'a, str>) {
    let mut events = Parser::new(body).into_offset_iter();
    // The drafted heading section may open with the summary's status line and its code, each a paragraph of
    // its own above the title: those stay in the body. Outside that section, text before the heading means the
    // heading is not the document's title.
    let mut in_drafted_heading = false;
    let mut paragraph_open = false;
    let start = loop {
        match events.next() {
            Some((Event::Html(html), _)) => {
                in_drafted_heading |= html.contains(DRAFTED_HEADING);
            }
            Some((Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock), _)) => {}
            Some((Event::Start(Tag::Paragraph), _)) if in_drafted_heading => paragraph_open = true,
            Some((Event::End(TagEnd::Paragraph), _)) if paragraph_open => paragraph_open = false,
            Some((Event::Text(_) | Event::SoftBreak, _)) if paragraph_open => {}
            Some((
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H1,
                    ..
                }),
                range,
            )) => break range.start,
            _ => return (None, Cow::Borrowed(body)),
        }
    };
    let mut title = String::new();
    let mut end = start;
    for (event, range) in events.by_ref() {
        match event {
            Event::Text(t) | Event::Code(t) => title.push_str(&t),
            Event::SoftBreak | Event::HardBreak => title.push(' '),
            Event::End(TagEnd::Heading(_)) => {
                end = range.end;
                break;
            }
            _ => {}
        }
    }
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.is_empty() {
        return (None, Cow::Borrowed(body));
    }
    // A paragraph that only repeats the date goes too; markers in between stay where they are.
    let mut paragraph: Option<(usize, String)> = None;
    for (event, range) in events {
        match (&mut paragraph, event) {
            (
                None,
                Event::Html(_) | Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock),
            ) => {
                continue;
            }
            (None, Event::Start(Tag::Paragraph)) => paragraph = Some((range.start, String::new())),
            (Some((_, text)), Event::Text(t)) => text.push_str(&t),
            (Some((from, text)), Event::End(TagEnd::Paragraph)) => {
                if text.trim() == date {
                    let mut rest = String::with_capacity(body.len());
                    rest.push_str(&body[..start]);
                    rest.push_str(&body[end..*from]);
                    rest.push_str(&body[range.end..]);
                    return (Some(title), Cow::Owned(rest));
                }
                break;
            }
            _ => break,
        }
    }
    let mut rest = String::with_capacity(body.len());
    rest.push_str(&body[..start]);
    rest.push_str(&body[end..]);
    (Some(title), Cow::Owned(rest))
}

#[cfg(test)]
mod tests {
    use super::lift_title;

    #[test]
    fn the_leading_heading_and_a_repeated_date_leave_the_body() {
        let body = "<!-- rapporteur:begin heading hash=1 -->\n# Summary of *the* briefing\n\n12 December 2019\n<!-- rapporteur:end heading -->\n\nText.\n";
        let (title, rest) = lift_title(body, "12 December 2019");
        assert_eq!(title.as_deref(), Some("Summary of the briefing"));
        assert!(
            !rest.contains("Summary of") && !rest.contains("2019"),
            "{rest}"
        );
        assert!(
            rest.contains("rapporteur:end heading") && rest.contains("Text."),
            "{rest}"
        );
    }

    #[test]
    fn the_status_line_and_code_above_a_drafted_heading_stay_and_the_title_is_lifted() {
        let body = "<!-- rapporteur:begin heading hash=1 -->\nFor use of information media; not an official record\n\nDC20/008E\n\n# Summary of the plenary\n\n25 February 2020\n<!-- rapporteur:end heading -->\n\nText.\n";
        let (title, rest) = lift_title(body, "25 February 2020");
        assert_eq!(title.as_deref(), Some("Summary of the plenary"));
        assert!(
            rest.contains("not an official record") && rest.contains("DC20/008E"),
            "{rest}"
        );
        assert!(
            !rest.contains("Summary of") && !rest.contains("25 February"),
            "{rest}"
        );
    }

    #[test]
    fn other_bodies_are_left_alone() {
        for body in [
            "Text first.\n\n# Later heading\n",
            "## A second-level heading\n",
            "",
        ] {
            let (title, rest) = lift_title(body, "12 December 2019");
            assert_eq!((title, rest.as_ref()), (None, body));
        }
        // A date that differs from the title block's stays in the text.
        let (title, rest) = lift_title("# Title\n\n1 January 2020\n", "12 December 2019");
        assert_eq!(title.as_deref(), Some("Title"));
        assert!(rest.contains("1 January 2020"));
    }
}
