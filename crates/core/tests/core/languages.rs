//! Drafting in Arabic, Chinese and Russian: dates, counted nouns by CLDR plural rules, the UN order of
//! States, group words and the sentences of each section (docs/LANGUAGES.md gives the sources).

use rapporteur_core::draft::lang::{format_date, names_its_author, when};
use rapporteur_core::draft::plural;
use rapporteur_core::*;

use crate::draft::{bare, date, example, plain, section, state, with_speakers};

fn counts(lang: Language, groups: &[(Category, u32)]) -> String {
    let mut r = bare(lang);
    r.attendance.groups = groups
        .iter()
        .map(|&(category, n)| AttendanceGroup {
            category,
            label: None,
            count: Some(n),
        })
        .collect();
    section(&r, lang, "opening").unwrap()
}

#[test]
fn russian_counts_take_one_few_and_many() {
    for (n, words) in [
        (1, "1 государство-член"),
        (2, "2 государства-члена"),
        (5, "5 государств-членов"),
        (11, "11 государств-членов"),
        (21, "21 государство-член"),
        (22, "22 государства-члена"),
        (193, "193 государства-члена"),
    ] {
        let text = counts(Language::Ru, &[(Category::MemberState, n)]);
        assert!(
            text.contains(&format!("приняли участие: {words}.")),
            "{n}: {text}"
        );
    }
    let text = counts(
        Language::Ru,
        &[(Category::MemberState, 60), (Category::CivilSociety, 3)],
    );
    assert!(
        text.contains("60 государств-членов и 3 представителя гражданского общества"),
        "{text}"
    );
}

#[test]
fn arabic_counts_take_the_dual_and_the_forms_after_each_number() {
    for (n, words) in [
        (1, "دولة عضو واحدة"),
        (2, "دولتان عضوان"),
        (3, "3 دول أعضاء"),
        (10, "10 دول أعضاء"),
        (11, "11 دولة عضوا"),
        (99, "99 دولة عضوا"),
        (100, "100 دولة عضو"),
        (103, "103 دول أعضاء"),
    ] {
        let text = counts(Language::Ar, &[(Category::MemberState, n)]);
        assert!(
            text.contains(&format!("وحضر الإحاطة {words}.")),
            "{n}: {text}"
        );
    }
    let text = counts(
        Language::Ar,
        &[(Category::MemberState, 60), (Category::CivilSociety, 2)],
    );
    assert!(
        text.contains("60 دولة عضوا وممثلان للمجتمع المدني"),
        "{text}"
    );
}

#[test]
fn chinese_counts_take_a_measure_word() {
    let text = counts(
        Language::Zh,
        &[(Category::MemberState, 60), (Category::CivilSociety, 19)],
    );
    assert!(
        text.contains("出席通报会的有60个会员国和19名民间社会代表。"),
        "{text}"
    );
}

#[test]
fn plural_categories_come_from_cldr() {
    use icu_plurals::PluralCategory::*;
    let ru: Vec<_> = [1, 2, 5, 11, 21, 111]
        .map(|n| plural::category_of(Language::Ru, n))
        .into();
    assert_eq!(ru, [One, Few, Many, Many, One, Many]);
    let ar: Vec<_> = [0, 1, 2, 3, 11, 100]
        .map(|n| plural::category_of(Language::Ar, n))
        .into();
    assert_eq!(ar, [Zero, One, Two, Few, Many, Other]);
    assert_eq!(plural::category_of(Language::Zh, 1), Other);
}

#[test]
fn a_records_own_label_gives_its_forms_in_plural_order() {
    let mut r = bare(Language::Ru);
    r.attendance.groups = vec![AttendanceGroup {
        category: Category::Other,
        label: Some("представитель Сети|представителя Сети|представителей Сети".into()),
        count: Some(3),
    }];
    let three = section(&r, Language::Ru, "opening").unwrap();
    assert!(three.contains("3 представителя Сети."), "{three}");
    r.attendance.groups[0].count = Some(7);
    let seven = section(&r, Language::Ru, "opening").unwrap();
    assert!(seven.contains("7 представителей Сети."), "{seven}");
    r.attendance.groups[0].count = Some(1);
    let one = section(&r, Language::Ru, "opening").unwrap();
    assert!(one.contains("1 представитель Сети."), "{one}");
}

#[test]
fn dates_and_spans_in_each_language() {
    let d = date("2019-12-12");
    assert_eq!(format_date(Language::Ru, d), "12 декабря 2019 года");
    assert_eq!(format_date(Language::Zh, d), "2019年12月12日");
    assert_eq!(format_date(Language::Ar, d), "12 كانون الأول/ديسمبر 2019");
    let end = Some(date("2019-12-14"));
    assert_eq!(
        when(Language::Ru, date("2019-12-10"), end),
        "с 10 по 14 декабря 2019 года"
    );
    assert_eq!(
        when(Language::Zh, date("2019-12-10"), end),
        "2019年12月10日至14日"
    );
    let two = Some(date("2019-12-13"));
    assert_eq!(when(Language::Ru, d, two), "12 и 13 декабря 2019 года");
    assert_eq!(
        when(Language::Ar, d, two),
        "يومي 12 و13 كانون الأول/ديسمبر 2019"
    );
    assert_eq!(
        when(Language::Ar, date("2019-12-10"), end),
        "في الفترة من 10 إلى 14 كانون الأول/ديسمبر 2019"
    );
    let ru = plain(&example(), Language::Ru);
    assert!(
        ru.contains("12 декабря 2019 года состоялся брифинг для государств-членов"),
        "{ru}"
    );
    let zh = plain(&example(), Language::Zh);
    assert!(zh.contains("于2019年12月12日向会员国作了通报。"), "{zh}");
    let ar = plain(&example(), Language::Ar);
    assert!(
        ar.contains("قُدمت إحاطة إلى الدول الأعضاء في 12 كانون الأول/ديسمبر 2019"),
        "{ar}"
    );
}

#[test]
fn states_are_listed_in_each_languages_un_order() {
    // Bangladesh before Brazil in English (and so in UN Chinese documents), though pinyin puts 巴西 (ba)
    // before 孟加拉国 (meng); Russian orders by its own alphabet (Бангладеш, Бразилия, Германия).
    let r = with_speakers(
        bare(Language::En),
        vec![state("DEU"), state("BRA"), state("BGD")],
    );
    let zh = section(&r, Language::Zh, "speakers").unwrap();
    assert!(zh.contains("孟加拉国、巴西和德国"), "{zh}");
    let ru = section(&r, Language::Ru, "speakers").unwrap();
    assert!(
        ru.contains("представители следующих стран: Бангладеш, Бразилия и Германия."),
        "{ru}"
    );
    let ar = section(&r, Language::Ar, "speakers").unwrap();
    assert!(
        ar.contains("ممثلو البلدان التالية: ألمانيا والبرازيل وبنغلاديش."),
        "{ar}"
    );
    let first: Vec<&str> = registry::in_un_order(Language::Zh)
        .iter()
        .take(4)
        .map(|s| s.name(Language::Zh))
        .collect();
    assert_eq!(first, ["阿富汗", "阿尔巴尼亚", "阿尔及利亚", "安道尔"]);
}

#[test]
fn group_words_are_translated_and_stay_in_the_nominative() {
    let mut r = bare(Language::En);
    r.action_items = vec![ActionItem {
        adoption: None,
        agenda_item: None,
        due_month: None,
        id: None,
        kind: ActionKind::Request,
        from: "delegations".into(),
        to: "the secretariat".into(),
        text: "Circulate the report.".into(),
        due: Some(date("2020-04-02")),
        status: ActionStatus::Open,
    }];
    let ru = section(&r, Language::Ru, "requests").unwrap();
    assert!(
        ru.contains("Были высказаны следующие просьбы (автор — делегации; адресат — Секретариат):"),
        "{ru}"
    );
    assert!(ru.contains("(срок — 2 апреля 2020 года)."), "{ru}");
    let zh = section(&r, Language::Zh, "requests").unwrap();
    assert!(zh.contains("各代表团请秘书处："), "{zh}");
    assert!(zh.contains("（2020年4月2日前）"), "{zh}");
    let ar = section(&r, Language::Ar, "requests").unwrap();
    assert!(
        ar.contains("الطلبات المقدمة من الوفود إلى الأمانة العامة:"),
        "{ar}"
    );
    assert!(ar.contains("(بحلول 2 نيسان/أبريل 2020)"), "{ar}");
}

#[test]
fn statement_titles_that_name_their_author() {
    assert!(names_its_author(Language::Ru, "Заявление Председателя"));
    assert!(!names_its_author(
        Language::Ru,
        "Заявление по вопросу о миграции"
    ));
    assert!(names_its_author(Language::Ar, "كلمة الأمين العام"));
    assert!(!names_its_author(Language::Ar, "بيان بشأن الهجرة"));
    assert!(names_its_author(Language::Zh, "主席的发言"));
    assert!(!names_its_author(Language::Zh, "发言"));
}

#[test]
fn plural_forms_for_the_counts_the_issue_names() {
    let ru: Vec<&str> = [0, 1, 2, 3, 5, 11, 21, 101]
        .map(|n| plural::label(Language::Ru, Category::MemberState, n).unwrap())
        .into();
    assert_eq!(
        ru,
        [
            "государств-членов",
            "государство-член",
            "государства-члена",
            "государства-члена",
            "государств-членов",
            "государств-членов",
            "государство-член",
            "государство-член",
        ]
    );
    let ar: Vec<String> = [0, 1, 2, 3, 5, 11, 21, 101]
        .map(|n| {
            let noun = plural::label(Language::Ar, Category::CivilSociety, n).unwrap();
            plural::counted(Language::Ar, Category::CivilSociety, n, noun, true)
        })
        .into();
    assert_eq!(
        ar,
        [
            "0 ممثل للمجتمع المدني",
            "ممثل واحد للمجتمع المدني",
            "ممثلان للمجتمع المدني",
            "3 ممثلين للمجتمع المدني",
            "5 ممثلين للمجتمع المدني",
            "11 ممثلا للمجتمع المدني",
            "21 ممثلا للمجتمع المدني",
            "101 ممثل للمجتمع المدني",
        ]
    );
}

/// ISO codes of the first `n` States of the registry in the UN order of `lang`.
fn first_in_order(lang: Language, n: usize) -> Vec<&'static str> {
    registry::in_un_order(lang)
        .iter()
        .take(n)
        .map(|s| s.iso3.as_str())
        .collect()
}

#[test]
fn russian_order_is_the_russian_alphabet_over_twenty_eight_states() {
    // Австралия, Австрия, Азербайджан, Албания, Алжир, Ангола, Андорра, Антигуа и Барбуда, Аргентина,
    // Армения, Афганистан, Багамские Острова, Бангладеш, Барбадос, Бахрейн, Беларусь, Белиз, Бельгия, Бенин,
    // Болгария, Боливия, Босния и Герцеговина, Ботсвана, Бразилия, Бруней-Даруссалам, Буркина-Фасо, Бурунди,
    // Бутан: the order of UN Russian lists (docs/LANGUAGES.md).
    assert_eq!(
        first_in_order(Language::Ru, 28),
        [
            "AUS", "AUT", "AZE", "ALB", "DZA", "AGO", "AND", "ATG", "ARG", "ARM", "AFG", "BHS",
            "BGD", "BRB", "BHR", "BLR", "BLZ", "BEL", "BEN", "BGR", "BOL", "BIH", "BWA", "BRA",
            "BRN", "BFA", "BDI", "BTN",
        ]
    );
}

#[test]
fn chinese_order_follows_the_english_names_over_twenty_states() {
    // 阿富汗、阿尔巴尼亚、阿尔及利亚、安道尔、安哥拉、安提瓜和巴布达、阿根廷、亚美尼亚、澳大利亚、奥地利、阿塞拜疆、
    // 巴哈马、巴林、孟加拉国、巴巴多斯、白俄罗斯、比利时、伯利兹、贝宁、不丹: as UN Chinese records of votes list them.
    assert_eq!(
        first_in_order(Language::Zh, 20),
        [
            "AFG", "ALB", "DZA", "AND", "AGO", "ATG", "ARG", "ARM", "AUS", "AUT", "AZE", "BHS",
            "BHR", "BGD", "BRB", "BLR", "BEL", "BLZ", "BEN", "BTN",
        ]
    );
}

/// The example meeting drafted in `lang`, as plain text.
fn example_in(lang: Language) -> String {
    plain(&example(), lang)
}

#[test]
fn the_example_in_russian_chinese_and_arabic() {
    let ru = example_in(Language::Ru);
    for part in [
        "12 декабря 2019 года состоялся брифинг для государств-членов",
        "приняли участие: 60 государств-членов, 22 представителя системы Организации Объединенных Наций и 19 \
         представителей гражданского общества.",
        "Слово взяли представители следующих стран и структур: Гаити, Германия, Марокко, Мексика, Пакистан, \
         Соединенное Королевство Великобритании и Северной Ирландии, Таиланд, Филиппины, Эквадор и Special \
         Rapporteur on the human rights of migrants.",
        "Были высказаны следующие просьбы (автор — делегации; адресат — Сеть Организации Объединенных Наций по \
         миграции):",
        "Были взяты следующие обязательства (автор — Сеть Организации Объединенных Наций по миграции):",
        "Были направлены следующие приглашения (автор — Сеть Организации Объединенных Наций по миграции; \
         адресат — государства-члены):",
        "Текст «Statement by the Network Coordinator» (выступление еще не состоялось) размещен",
    ] {
        assert!(ru.contains(part), "{part}\n---\n{ru}");
    }
    let zh = example_in(Language::Zh);
    for part in [
        "于2019年12月12日向会员国作了通报。出席通报会的有60个会员国、22名联合国系统代表和19名民间社会代表。",
        "以下国家和实体的代表作了发言：厄瓜多尔、德国、海地、墨西哥、摩洛哥、巴基斯坦、菲律宾、泰国、\
         大不列颠及北爱尔兰联合王国和Special Rapporteur on the human rights of migrants。",
        "各代表团请联合国移民网络：",
        "联合国移民网络承诺：",
        "联合国移民网络邀请会员国：",
        "《Statement by the Network Coordinator》载于",
    ] {
        assert!(zh.contains(part), "{part}\n---\n{zh}");
    }
    let ar = example_in(Language::Ar);
    for part in [
        "قُدمت إحاطة إلى الدول الأعضاء في 12 كانون الأول/ديسمبر 2019",
        "وحضر الإحاطة 60 دولة عضوا و22 ممثلا لمنظومة الأمم المتحدة و19 ممثلا للمجتمع المدني.",
        "وأخذ الكلمة ممثلو البلدان والجهات التالية: إكوادور وألمانيا وباكستان وتايلند والفلبين والمغرب والمكسيك \
         والمملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية وهايتي وSpecial Rapporteur on the human rights of \
         migrants.",
        "الطلبات المقدمة من الوفود إلى شبكة الأمم المتحدة المعنية بالهجرة:",
        "الالتزامات المعلنة من شبكة الأمم المتحدة المعنية بالهجرة:",
        "الدعوات الموجهة من شبكة الأمم المتحدة المعنية بالهجرة إلى الدول الأعضاء:",
        "على «Statement by the Network Coordinator».",
    ] {
        assert!(ar.contains(part), "{part}\n---\n{ar}");
    }
}
