//! The fixed parts of the DOCX: paragraph styles, list numbering levels and the annex's column widths. Kept
//! apart from `docx_body.rs`, which turns the Markdown events into paragraphs, and `docx.rs`, which puts the
//! parts together.

use docx_rs::{
    AbstractNumbering, AlignmentType, Level, LevelJc, LevelText, LineSpacing, NumberFormat,
    SpecialIndentType, Start, Style, StyleType,
};

// docx-rs already defines abstract numbering 1 and numbering 1; ours start at 10.
/// The abstract numbering of bulleted lists.
pub(crate) const BULLET: usize = 10;
/// The abstract numbering of numbered lists.
pub(crate) const DECIMAL: usize = 11;

pub(crate) fn list_levels(id: usize, ordered: bool) -> AbstractNumbering {
    let mut a = AbstractNumbering::new(id);
    for level in 0..9 {
        let (format, text) = if ordered {
            ("decimal", format!("%{}.", level + 1))
        } else {
            ("bullet", ["•", "◦", "▪"][level % 3].to_owned())
        };
        a = a.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new(format),
                LevelText::new(text),
                LevelJc::new("left"),
            )
            .indent(
                Some(720 * (level as i32 + 1)),
                Some(SpecialIndentType::Hanging(360)),
                None,
                None,
            ),
        );
    }
    a
}

pub(crate) fn styles() -> Vec<Style> {
    let mut v = vec![
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .size(32)
            .bold()
            .align(AlignmentType::Center),
        Style::new("Quote", StyleType::Paragraph)
            .name("Quote")
            .italic()
            .indent(Some(720), None, Some(720), None),
        Style::new("Code", StyleType::Paragraph)
            .name("Code")
            .size(19)
            .line_spacing(LineSpacing::new().before(0).after(0)),
    ];
    for (n, size) in [(1, 28), (2, 24), (3, 22), (4, 22), (5, 22), (6, 22)] {
        v.push(
            Style::new(format!("Heading{n}"), StyleType::Paragraph)
                .name(format!("heading {n}"))
                .based_on("Normal")
                .next("Normal")
                .size(size)
                .bold()
                .line_spacing(LineSpacing::new().before(240).after(120))
                .outline_lvl(n - 1),
        );
    }
    v
}

/// Annex column widths in twentieths of a point, filling the 16 cm text width: numbers narrow, the last text
/// column (names, speakers) twice the share of the other text columns.
pub(crate) fn column_widths(numeric: &[bool]) -> Vec<usize> {
    const TEXT_WIDTH: usize = 9070;
    const NUMBER: usize = 1000;
    let n = numeric.len();
    let shares: Vec<usize> = numeric
        .iter()
        .enumerate()
        .map(|(i, num)| match (*num, i + 1 == n) {
            (true, _) => 0,
            (false, true) => 2,
            (false, false) => 1,
        })
        .collect();
    let numbers = numeric.iter().filter(|n| **n).count();
    let rest = TEXT_WIDTH.saturating_sub(numbers * NUMBER);
    let total: usize = shares.iter().sum::<usize>().max(1);
    shares
        .iter()
        .map(|s| if *s == 0 { NUMBER } else { rest * s / total })
        .collect()
}
