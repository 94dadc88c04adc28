//! Direction and placement: a Latin paragraph in an Arabic document reads left to right (Unicode bidi P2/P3,
//! each paragraph's base direction from its first strong character), the page furniture has single spaces, and
//! the document symbol sits at the top end of page 1 and in the header of later pages: the right in
//! left-to-right languages, mirrored to the left in Arabic.

use rapporteur_core::Language;
use rapporteur_export::{ExportRequest, Format, Letterhead};

use crate::support::*;

fn with_symbol(mut record: rapporteur_core::MeetingRecord) -> rapporteur_core::MeetingRecord {
    record.meeting.symbol = Some("A/HRC/43/1".into());
    record
}

fn export_pdf(lang: Language, name: &str) -> std::path::PathBuf {
    let req = ExportRequest {
        format: Format::Pdf,
        lang: Some(lang),
        annex: true,
        letterhead: Letterhead {
            organisation: "الأمم المتحدة".into(),
            unit: Some("Palais des Nations, Geneva.".into()),
            logo: None,
        },
        ..ExportRequest::default()
    };
    let dir = scratch(name);
    let pdf = write(
        &dir,
        &format!("{name}.pdf"),
        &export_ok(&with_symbol(example()), &req),
    );
    render_pngs(&pdf, name);
    pdf
}

/// The words on the same line as `w` (same page, top within 3 pt: digits come from another face).
fn line_of<'a>(words: &'a [Word], w: &Word) -> Vec<&'a Word> {
    words
        .iter()
        .filter(|o| o.page == w.page && (o.y_min - w.y_min).abs() < 3.0)
        .collect()
}

#[test]
fn latin_lines_in_an_arabic_document_end_with_their_period_on_the_right() {
    let pdf = export_pdf(Language::Ar, "bidi-en-as-ar");
    let words = bbox_words(&pdf);
    assert!(
        !words
            .iter()
            .any(|w| w.text.starts_with('.') && w.text.len() > 1),
        "a period was set at the left of a Latin word"
    );
    // The letterhead's Latin unit line, in order, its period last.
    let geneva = words
        .iter()
        .find(|w| w.text == "Geneva.")
        .expect("the unit line ends with \"Geneva.\"");
    let line = line_of(&words, geneva);
    let order: Vec<&str> = {
        let mut l = line.clone();
        l.sort_by(|a, b| a.x_min.total_cmp(&b.x_min));
        l.iter().map(|w| w.text.as_str()).collect()
    };
    assert_eq!(order, ["Palais", "des", "Nations,", "Geneva."]);
    // "… on 12 December 2019. The briefing …" reads left to right on its line.
    let december = words
        .iter()
        .find(|w| w.text == "December")
        .expect("a date in the body");
    let line = line_of(&words, december);
    let x = |t: &str| {
        line.iter()
            .find(|w| w.text == t)
            .unwrap_or_else(|| panic!("{t:?} not on the line of {december:?}"))
            .x_min
    };
    assert!(x("on") < x("12") && x("12") < x("December"));
    assert!(x("December") < x("2019.") && x("2019.") < x("The"));
    // In the annex, a Latin name in the speakers' column stays on the column's (right) side.
    let uk = words
        .iter()
        .find(|w| w.text == "UK" && w.page > 1)
        .expect("UK in the annex");
    assert!(
        uk.x_min > uk.page_size.0 / 2.0,
        "{uk:?} is not on the right"
    );
}

#[test]
fn footers_have_single_spaces() {
    for (lang, first, page) in [(Language::En, "Page", "of"), (Language::Zh, "第", "页，共")] {
        let pdf = export_pdf(lang, &format!("footer-{}", lang.code()));
        let last = page_count(&pdf).to_string();
        let words = bbox_words(&pdf);
        let footer: Vec<&Word> = words
            .iter()
            .filter(|w| w.page == 1 && w.y_min > w.page_size.1 * 0.93)
            .collect();
        let texts: Vec<&str> = footer.iter().map(|w| w.text.as_str()).collect();
        let expected: Vec<&str> = match lang {
            Language::Zh => vec![first, "1", page, &last, "页"],
            _ => vec![first, "1", page, &last],
        };
        assert_eq!(texts, expected, "{lang:?} footer");
        // One space between pieces: at 8.5 pt a space is about 2 pt wide; two were 4.25 pt.
        for pair in footer.windows(2) {
            let gap = pair[1].x_min - pair[0].x_max;
            assert!(
                gap < 3.0,
                "{lang:?}: {gap:.2} pt between {:?} and {:?}",
                pair[0].text,
                pair[1].text
            );
        }
    }
}

#[test]
fn the_symbol_is_at_the_top_end_of_page_one_and_in_later_headers() {
    for (lang, right) in [(Language::En, true), (Language::Ar, false)] {
        let pdf = export_pdf(lang, &format!("symbol-{}", lang.code()));
        let words = bbox_words(&pdf);
        let symbols: Vec<&Word> = words.iter().filter(|w| w.text == "A/HRC/43/1").collect();
        let pages: Vec<usize> = symbols.iter().map(|w| w.page).collect();
        let all: Vec<usize> = (1..=page_count(&pdf)).collect();
        assert!(all.len() >= 2);
        assert_eq!(
            pages, all,
            "{lang:?}: symbol on pages {pages:?}, not once on each"
        );
        for w in symbols {
            let (width, height) = w.page_size;
            assert!(w.y_min < height * 0.12, "{lang:?}: {w:?} is not at the top");
            if right {
                assert!(w.x_max > width * 0.8, "{lang:?}: {w:?} is not at the right");
            } else {
                assert!(w.x_min < width * 0.2, "{lang:?}: {w:?} is not at the left");
            }
        }
    }
}
