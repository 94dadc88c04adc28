//! Counted nouns in Arabic, Chinese and Russian ("5 государств-членов", "دولتان عضوان", "60个会员国").
//!
//! English, French and Spanish need only a singular and a plural, which [`super::lang::category_label`] holds.
//! Russian needs three forms and Arabic six, chosen by CLDR's plural rules; we ask ICU (`icu_plurals`) for the
//! plural category of a count rather than encode the rules by hand. Arabic also moves the number: one is
//! written after the noun ("دولة عضو واحدة"), two is the dual with no number at all ("دولتان عضوان"), and
//! from three on the figure comes first with a noun whose form depends on the category. Chinese counts with a
//! measure word: 个 for States, 名 for persons.
//!
//! The Arabic forms are those of a count that is the subject of its sentence (the templates say "وحضر
//! الإحاطة …"), so the dual is nominative.

use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralRules};

use crate::vocab::{Category, Language};

// `PluralRules` is neither `Send` nor `Sync` (its data is reference-counted), so each thread builds its own,
// once, from the data compiled into the binary.
thread_local! {
    static RU: PluralRules = rules("ru");
    static AR: PluralRules = rules("ar");
}

fn rules(code: &str) -> PluralRules {
    let locale: Locale = code.parse().expect("a valid language code");
    PluralRules::try_new_cardinal((&locale).into())
        .expect("compiled plural data covers the UN languages")
}

/// The CLDR plural category of `count` in `lang` (`Other` for languages without plural forms).
pub fn category_of(lang: Language, count: u32) -> PluralCategory {
    match lang {
        Language::Ru => RU.with(|r| r.category_for(count)),
        Language::Ar => AR.with(|r| r.category_for(count)),
        Language::En | Language::Fr | Language::Es if count == 1 => PluralCategory::One,
        _ => PluralCategory::Other,
    }
}

/// The plural categories `lang` tells apart, in CLDR's order; a record's own label gives its forms in this
/// order, separated by `|` ("представитель|представителя|представителей").
pub fn categories(lang: Language) -> &'static [PluralCategory] {
    use PluralCategory::*;
    match lang {
        Language::Ar => &[Zero, One, Two, Few, Many, Other],
        Language::Ru => &[One, Few, Many],
        Language::Zh => &[Other],
        Language::En | Language::Fr | Language::Es => &[One, Other],
    }
}

/// Picks the form of a `|`-separated label for `count`: the form at the position of the count's plural
/// category among [`categories`]; a label with fewer forms uses its last one for the categories it lacks.
pub fn pick<'a>(lang: Language, forms: &[&'a str], count: u32) -> &'a str {
    let wanted = category_of(lang, count);
    let i = categories(lang)
        .iter()
        .position(|c| *c == wanted)
        .unwrap_or(usize::MAX);
    forms
        .get(i)
        .or_else(|| forms.last())
        .copied()
        .unwrap_or_default()
}

/// Russian: the forms for one, few and many (genitive plural).
fn russian(category: Category) -> [&'static str; 3] {
    match category {
        Category::MemberState => ["государство-член", "государства-члена", "государств-членов"],
        Category::ObserverState => [
            "государство-наблюдатель",
            "государства-наблюдателя",
            "государств-наблюдателей",
        ],
        Category::UnSystem => [
            "представитель системы Организации Объединенных Наций",
            "представителя системы Организации Объединенных Наций",
            "представителей системы Организации Объединенных Наций",
        ],
        Category::IntergovernmentalOrganization => [
            "представитель межправительственных организаций",
            "представителя межправительственных организаций",
            "представителей межправительственных организаций",
        ],
        Category::CivilSociety => [
            "представитель гражданского общества",
            "представителя гражданского общества",
            "представителей гражданского общества",
        ],
        Category::SpecialProcedure => [
            "мандатарий специальных процедур",
            "мандатария специальных процедур",
            "мандатариев специальных процедур",
        ],
        Category::Other => ["другой участник", "других участника", "других участников"],
    }
}

/// Arabic: the phrase for one (number after the noun), two (the dual, no number), three to ten (plural),
/// eleven to ninety-nine (singular, accusative) and a hundred and over (singular, genitive). The last three
/// follow the figure.
struct Arabic {
    one: &'static str,
    two: &'static str,
    few: &'static str,
    many: &'static str,
    other: &'static str,
}

fn arabic(category: Category) -> Arabic {
    // A person's title, then the body they represent, which does not change with the count.
    let person = |of: &'static str| -> Arabic {
        let forms = match of {
            "منظومة" => (
                "ممثل واحد لمنظومة الأمم المتحدة",
                "ممثلان لمنظومة الأمم المتحدة",
                "ممثلين لمنظومة الأمم المتحدة",
                "ممثلا لمنظومة الأمم المتحدة",
                "ممثل لمنظومة الأمم المتحدة",
            ),
            "حكومية" => (
                "ممثل واحد للمنظمات الحكومية الدولية",
                "ممثلان للمنظمات الحكومية الدولية",
                "ممثلين للمنظمات الحكومية الدولية",
                "ممثلا للمنظمات الحكومية الدولية",
                "ممثل للمنظمات الحكومية الدولية",
            ),
            _ => (
                "ممثل واحد للمجتمع المدني",
                "ممثلان للمجتمع المدني",
                "ممثلين للمجتمع المدني",
                "ممثلا للمجتمع المدني",
                "ممثل للمجتمع المدني",
            ),
        };
        Arabic {
            one: forms.0,
            two: forms.1,
            few: forms.2,
            many: forms.3,
            other: forms.4,
        }
    };
    match category {
        Category::MemberState => Arabic {
            one: "دولة عضو واحدة",
            two: "دولتان عضوان",
            few: "دول أعضاء",
            many: "دولة عضوا",
            other: "دولة عضو",
        },
        Category::ObserverState => Arabic {
            one: "دولة مراقبة واحدة",
            two: "دولتان مراقبتان",
            few: "دول مراقبة",
            many: "دولة مراقبة",
            other: "دولة مراقبة",
        },
        Category::UnSystem => person("منظومة"),
        Category::IntergovernmentalOrganization => person("حكومية"),
        Category::CivilSociety => person("مدني"),
        Category::SpecialProcedure => Arabic {
            one: "مكلف واحد بولاية في إطار الإجراءات الخاصة",
            two: "مكلفان بولايتين في إطار الإجراءات الخاصة",
            few: "مكلفين بولايات في إطار الإجراءات الخاصة",
            many: "مكلفا بولاية في إطار الإجراءات الخاصة",
            other: "مكلف بولاية في إطار الإجراءات الخاصة",
        },
        Category::Other => Arabic {
            one: "مشارك آخر واحد",
            two: "مشاركان آخران",
            few: "مشاركين آخرين",
            many: "مشاركا آخر",
            other: "مشارك آخر",
        },
    }
}

/// Chinese: the category's noun.
fn chinese(category: Category) -> &'static str {
    match category {
        Category::MemberState => "会员国",
        Category::ObserverState => "观察员国",
        Category::UnSystem => "联合国系统代表",
        Category::IntergovernmentalOrganization => "政府间组织代表",
        Category::CivilSociety => "民间社会代表",
        Category::SpecialProcedure => "特别程序任务负责人",
        Category::Other => "其他与会者",
    }
}

/// The Chinese measure word for a count of `category`: 个 for States, 名 for persons.
pub fn measure_word(category: Category) -> &'static str {
    match category {
        Category::MemberState | Category::ObserverState => "个",
        _ => "名",
    }
}

/// The built-in name of `category` for `count` in Arabic, Chinese or Russian, without the number
/// ("государства-члена", "دول أعضاء", "会员国"). For Arabic one and two the number is part of the phrase.
/// `None` in the other languages.
pub fn label(lang: Language, category: Category, count: u32) -> Option<&'static str> {
    match lang {
        Language::Ru => {
            let [one, few, many] = russian(category);
            Some(match category_of(lang, count) {
                PluralCategory::One => one,
                PluralCategory::Few => few,
                _ => many,
            })
        }
        Language::Ar => {
            let a = arabic(category);
            Some(match category_of(lang, count) {
                PluralCategory::One => a.one,
                PluralCategory::Two => a.two,
                PluralCategory::Few => a.few,
                PluralCategory::Many => a.many,
                _ => a.other,
            })
        }
        Language::Zh => Some(chinese(category)),
        Language::En | Language::Fr | Language::Es => None,
    }
}

/// A count and its noun as running text writes it: "5 государств-членов", "60个会员国", "دولتان عضوان",
/// "3 دول أعضاء". `noun` is the form [`label`] or [`pick`] chose for `count`; `whole` says that it is a
/// built-in Arabic phrase for one or two, which carries its number in its words.
pub fn counted(lang: Language, category: Category, count: u32, noun: &str, whole: bool) -> String {
    match lang {
        Language::Zh => format!("{count}{}{noun}", measure_word(category)),
        // The built-in one and dual carry their number in the phrase.
        Language::Ar
            if whole
                && matches!(
                    category_of(lang, count),
                    PluralCategory::One | PluralCategory::Two
                ) =>
        {
            noun.to_owned()
        }
        _ => format!("{count} {noun}"),
    }
}
