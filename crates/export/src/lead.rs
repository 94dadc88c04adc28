//! A drafted summary opens with its own title and date (`# Summary of …`, then "12 December 2019"), and every
//! format also prints a title block. Printing both would show the title twice, so the document's leading
//! level-1 heading becomes the title block's title (the rapporteur's wording wins over the built-in one), and is
//! taken out of the body together with a date line right after it that repeats the title block's date.

use std::borrow::Cow;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// `(title, body)`: the leading heading's text, if the body opens with a level-1 heading (comments such as the
/// drafting markers may come first), and the body without it and without a following paragraph equal to `date`.
pub(crate) fn lift_title<'a>(body: &'a str, date: &str) -> (Option<String>, Cow<'a, str>) {
    let mut events = Parser::new(body).into_offset_iter();
    let start = loop {
        match events.next() {
            Some((
                Event::Html(_) | Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock),
                _,
            )) => {
                continue;
            }
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
