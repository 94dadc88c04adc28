//! Arabic and Chinese meetings: bundled fonts used and embedded, Arabic shaped and in logical order when
//! extracted, Chinese extractable. Pages go to `<target>/export-png/` for a person to look at.

use rapporteur_export::{ExportRequest, Format, Letterhead};

use crate::support::*;

const ARABIC: &str = r#"{
  "format": "rapporteur/meeting-record@1",
  "meeting": { "title": "إحاطة الشبكة إلى الدول الأعضاء", "kind": "briefing", "date": "2019-12-12",
               "language": "ar", "symbol": "A/HRC/43/1" },
  "attendance": { "groups": [ { "category": "member_state", "count": 60 } ],
                  "delegations": [ { "delegation": "EGY" }, { "delegation": "MAR" } ] },
  "interventions": [ { "order": 1, "speaker": { "delegation": "EGY" } },
                     { "order": 2, "speaker": { "delegation": "GBR", "display_name": "UK" }, "kind": "question" } ]
}"#;

const ARABIC_BODY: &str = "عقد الاجتماع في جنيف برئاسة السيد António Vitorino، المدير العام للمنظمة الدولية للهجرة (IOM)، \
وحضره ممثلو 60 دولة عضوا.\n\n\
- طلبت الوفود إحاطات منتظمة عن أنشطة الشبكة.\n\
- رحبت الدول الأعضاء بالتقدم المحرز في تنفيذ الاتفاق العالمي.\n";

const CHINESE: &str = r#"{
  "format": "rapporteur/meeting-record@1",
  "meeting": { "title": "移民问题网络向会员国通报情况", "kind": "briefing", "date": "2019-12-12",
               "language": "zh", "symbol": "A/74/1" },
  "attendance": { "groups": [ { "category": "member_state", "count": 60 } ],
                  "delegations": [ { "delegation": "CHN" }, { "delegation": "ECU" } ] },
  "interventions": [ { "order": 1, "speaker": { "delegation": "ECU" } },
                     { "order": 2, "speaker": { "delegation": "CHN" } } ]
}"#;

const CHINESE_BODY: &str = "联合国移民问题网络协调人、国际移民组织总干事António Vitorino向会员国通报了网络成立第一年的活动情况。\
共有60个会员国、22名联合国网络代表和19名民间社会同事出席。\n\n\
- 代表团请网络定期通报全球、区域和国家各级的活动。\n\
- 协调人邀请会员国**拓宽**移民问题多伙伴信托基金的捐助方基础。\n";

fn export_pdf(json: &str, body: &str, name: &str) -> (String, Vec<(String, bool)>) {
    let mut record = record_from_json(json);
    with_summary(&mut record, body);
    let req = ExportRequest {
        format: Format::Pdf,
        annex: true,
        letterhead: Letterhead {
            organisation: "الأمم المتحدة / 联合国 / United Nations".into(),
            unit: None,
            logo: None,
        },
        ..ExportRequest::default()
    };
    let dir = scratch(name);
    let pdf = write(&dir, &format!("{name}.pdf"), &export_ok(&record, &req));
    render_pngs(&pdf, name);
    let fonts = fonts(&pdf);
    for (font, embedded) in &fonts {
        assert!(embedded, "{font} not embedded");
    }
    tool("qpdf", &["--check", pdf.to_str().unwrap()]);
    (pdf_text(&pdf), fonts)
}

#[test]
fn arabic_is_shaped_with_the_bundled_font_and_extracts_in_logical_order() {
    let (text, fonts) = export_pdf(ARABIC, ARABIC_BODY, "arabic");
    let text = without_bidi_marks(&text);
    let flat: String = text.split_whitespace().collect();
    assert!(
        fonts.iter().any(|(f, _)| f.contains("NotoNaskhArabic")),
        "{fonts:?}"
    );
    // Base letters in logical (reading) order, not presentation forms or reversed strings.
    for phrase in [
        "عقد الاجتماع في جنيف",
        "طلبت الوفود إحاطات منتظمة",
        "الدول الأعضاء",
    ] {
        assert!(text.contains(phrase), "{phrase:?} not found in {text}");
    }
    assert!(
        !text.chars().any(|c| ('\u{FE70}'..='\u{FEFF}').contains(&c)),
        "presentation forms leaked"
    );
    // Mixed direction: the Latin name keeps its own order inside the Arabic line.
    assert!(text.contains("António Vitorino"), "{text}");
    // Localised page furniture, date and registry names.
    // (pdftotext may move the space around a number when it re-orders a mixed line, so compare without spaces.)
    assert!(flat.contains("12كانونالأول/ديسمبر2019"), "{text}");
    assert!(flat.contains("الصفحة1من2"), "{text}");
    assert!(text.contains("مصر"), "Egypt by its Arabic name: {text}");
    assert!(text.contains("قائمة المتكلمين"));
}

#[test]
fn chinese_renders_with_the_bundled_font_and_extracts() {
    let (text, fonts) = export_pdf(CHINESE, CHINESE_BODY, "chinese");
    assert!(
        fonts.iter().any(|(f, _)| f.contains("NotoSansCJKsc")),
        "{fonts:?}"
    );
    let flat: String = text.split_whitespace().collect();
    for phrase in [
        "移民问题网络协调人",
        "共有60个会员国",
        "2019年12月12日",
        "发言者名单",
        "厄瓜多尔",
        "第1页，共2页",
    ] {
        assert!(flat.contains(phrase), "{phrase:?} not found in {text}");
    }
}

#[test]
fn dates_in_the_six_languages() {
    use chrono::NaiveDate;
    use rapporteur_core::Language::*;
    use rapporteur_export::{format_date, format_date_range};
    let d = NaiveDate::from_ymd_opt(2019, 12, 12).unwrap();
    let first = NaiveDate::from_ymd_opt(2020, 4, 1).unwrap();
    assert_eq!(format_date(d, En), "12 December 2019");
    assert_eq!(format_date(d, Fr), "12 décembre 2019");
    assert_eq!(format_date(first, Fr), "1er avril 2020");
    assert_eq!(format_date(d, Es), "12 de diciembre de 2019");
    assert_eq!(format_date(d, Ru), "12 декабря 2019 года");
    assert_eq!(format_date(d, Ar), "12 كانون الأول/ديسمبر 2019");
    assert_eq!(format_date(d, Zh), "2019年12月12日");
    let end = NaiveDate::from_ymd_opt(2019, 12, 13).unwrap();
    assert_eq!(format_date_range(d, Some(end), En), "12–13 December 2019");
    assert_eq!(format_date_range(d, Some(end), Zh), "2019年12月12日至13日");
    assert_eq!(
        format_date_range(d, Some(first), En),
        "12 December 2019 – 1 April 2020"
    );
}

#[test]
fn cyrillic_and_greek_use_the_bundled_latin_face() {
    let mut record = record_from_json(
        r#"{"format":"rapporteur/meeting-record@1",
            "meeting":{"title":"Брифинг Сети для государств-членов","kind":"briefing","date":"2019-12-01","language":"ru"},
            "interventions":[{"order":1,"speaker":{"delegation":"GRC"}}]}"#,
    );
    with_summary(
        &mut record,
        "Координатор провёл брифинг. Ελληνικά: Η συνάντηση έγινε.\n",
    );
    let req = ExportRequest {
        format: Format::Pdf,
        annex: true,
        ..ExportRequest::default()
    };
    let dir = scratch("russian");
    let pdf = write(&dir, "russian.pdf", &export_ok(&record, &req));
    let text = pdf_text(&pdf);
    for s in [
        "Координатор провёл брифинг.",
        "Η συνάντηση έγινε.",
        "1 декабря 2019 года",
        "Список ораторов",
        "Греция",
    ] {
        assert!(text.contains(s), "{s:?} missing: {text}");
    }
    let fonts = fonts(&pdf);
    assert!(
        fonts.iter().all(|(f, e)| *e && f.contains("Libertinus")),
        "{fonts:?}"
    );
}
