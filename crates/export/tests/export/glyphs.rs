//! Characters the bundled fonts do or do not cover: rare Chinese name characters print; emoji, Hangul and Thai
//! become □ with a warning instead of failing the PDF/A export; scripts only the fallback face has print; CJK
//! text keeps no invisible break marks.

use rapporteur_export::{Format, export_with_warnings};

use crate::support::*;

const CHINESE: &str = r#"{
  "format": "rapporteur/meeting-record@1",
  "meeting": { "title": "会员国情况通报会", "kind": "briefing", "date": "2019-12-12",
               "language": "zh", "symbol": "A/74/1" },
  "attendance": { "groups": [ { "category": "member_state", "count": 60 } ] }
}"#;

fn pdf_of(
    record: &rapporteur_core::MeetingRecord,
    name: &str,
) -> (std::path::PathBuf, Vec<String>) {
    let out = export_with_warnings(record, &request(Format::Pdf))
        .unwrap_or_else(|e| panic!("export failed: {e}"));
    let dir = scratch(name);
    let pdf = write(&dir, &format!("{name}.pdf"), &out.bytes);
    tool("qpdf", &["--check", pdf.to_str().unwrap()]);
    render_pngs(&pdf, name);
    (pdf, out.warnings)
}

#[test]
fn chinese_names_outside_gb2312_and_traditional_forms_print() {
    let mut record = record_from_json(CHINESE);
    let names = ["朱镕基", "王喆", "李堃", "张赟", "刘䶮", "臺灣"];
    with_summary(&mut record, &format!("出席者：{}。", names.join("、")));
    let (pdf, warnings) = pdf_of(&record, "zh-names");
    assert!(warnings.is_empty(), "{warnings:?}");
    let text: String = pdf_text(&pdf).split_whitespace().collect();
    for name in names {
        assert!(text.contains(name), "{name} missing from {text}");
    }
}

/// New Computer Modern, which the template never names, is the only bundled face with Cherokee and Coptic
/// (and Devanagari, which it draws unshaped: see docs/PERFORMANCE.md): Typst falls back to it, so names in those
/// scripts print. A smaller bundle without it would turn them into □.
#[test]
fn cherokee_and_coptic_print_through_the_fallback_face() {
    let mut record = example();
    with_summary(&mut record, "Participants: ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ, ⲘⲀⲢⲒⲀ.");
    let (pdf, warnings) = pdf_of(&record, "fallback-scripts");
    assert!(warnings.is_empty(), "{warnings:?}");
    let text = pdf_text(&pdf);
    for name in ["ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ", "ⲘⲀⲢⲒⲀ"] {
        assert!(text.contains(name), "{name} missing from {text}");
    }
    let faces = fonts(&pdf);
    assert!(
        faces
            .iter()
            .any(|(f, embedded)| *embedded && f.contains("NewCM")),
        "{faces:?}"
    );
}

#[test]
fn characters_no_font_has_become_a_box_with_a_warning() {
    let mut record = example();
    with_summary(
        &mut record,
        "Delegates smiled 🙂\u{FE0F} and greeted 한국 and ไทย colleagues.",
    );
    let (pdf, warnings) = pdf_of(&record, "uncovered");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let w = &warnings[0];
    assert!(!w.contains('\n'));
    for cp in ["U+1F642", "U+D55C", "U+AD6D", "U+0E44", "U+0E17", "U+0E22"] {
        assert!(w.contains(cp), "{cp} not named in {w}");
    }
    let text = pdf_text(&pdf);
    assert!(
        text.contains("smiled □ and greeted □□ and □□□ colleagues."),
        "{text}"
    );
    // The other formats keep the characters and warn about nothing.
    let md = export_with_warnings(&record, &request(Format::Md)).unwrap();
    assert!(String::from_utf8(md.bytes).unwrap().contains("🙂"));
    assert!(md.warnings.is_empty());
}

#[test]
fn long_chinese_paragraphs_carry_no_zero_width_spaces() {
    let mut record = record_from_json(CHINESE);
    let sentence = "联合国移民问题网络协调人向会员国通报了网络成立第一年的活动情况";
    let body = sentence.repeat(8);
    with_summary(&mut record, &body);
    let (pdf, _) = pdf_of(&record, "zh-long");
    let text = pdf_text(&pdf);
    assert!(!text.contains('\u{200B}'), "U+200B in {text:?}");
    let flat: String = text.split_whitespace().collect();
    assert!(flat.contains(&body), "{flat}");
}

#[test]
fn chinese_dates_have_no_space_between_digits_and_hanzi() {
    let mut record = record_from_json(CHINESE);
    with_summary(&mut record, "会议于2019年12月12日举行。");
    let (pdf, _) = pdf_of(&record, "zh-date");
    let words = bbox_words(&pdf);
    assert!(
        words.iter().any(|w| w.text == "2019年12月12日"),
        "the date is not one unspaced word: {:?}",
        words.iter().map(|w| &w.text).collect::<Vec<_>>()
    );
}
