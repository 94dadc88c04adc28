//! The language rules a template cannot express on its own: UN date style, list joining, category names with
//! singular and plural, and the English article. Everything else about phrasing lives in the templates.

use chrono::{Datelike, NaiveDate};

use crate::model::{Category, Language, YearMonth};
use crate::registry;

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const ES_MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
// Genitive, as in "12 декабря 2019 года".
const RU_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
// Nominative, as in "апрель 2020 года" (a deadline standing alone: "срок — апрель 2020 года").
const RU_MONTHS_NOMINATIVE: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];
// UN Arabic style names both calendars' months: "كانون الأول/ديسمبر".
const AR_MONTHS: [&str; 12] = [
    "كانون الثاني/يناير",
    "شباط/فبراير",
    "آذار/مارس",
    "نيسان/أبريل",
    "أيار/مايو",
    "حزيران/يونيه",
    "تموز/يوليه",
    "آب/أغسطس",
    "أيلول/سبتمبر",
    "تشرين الأول/أكتوبر",
    "تشرين الثاني/نوفمبر",
    "كانون الأول/ديسمبر",
];

fn month(lang: Language, d: NaiveDate) -> &'static str {
    let i = d.month0() as usize;
    match lang {
        Language::En | Language::Zh => EN_MONTHS[i],
        Language::Fr => FR_MONTHS[i],
        Language::Es => ES_MONTHS[i],
        Language::Ru => RU_MONTHS[i],
        Language::Ar => AR_MONTHS[i],
    }
}

/// The day as written before the month: French writes the first of the month "1er".
fn day(lang: Language, d: NaiveDate) -> String {
    if lang == Language::Fr && d.day() == 1 {
        "1er".to_owned()
    } else {
        d.day().to_string()
    }
}

/// A date in UN style: "12 December 2019", "1er décembre 2019", "12 de diciembre de 2019",
/// "12 декабря 2019 года", "2019年12月12日", "12 كانون الأول/ديسمبر 2019".
pub fn format_date(lang: Language, d: NaiveDate) -> String {
    let (dd, m, y) = (day(lang, d), month(lang, d), d.year());
    match lang {
        Language::En | Language::Fr | Language::Ar => format!("{dd} {m} {y}"),
        Language::Es => format!("{dd} de {m} de {y}"),
        Language::Ru => format!("{dd} {m} {y} года"),
        Language::Zh => format!("{y}年{}月{}日", d.month(), d.day()),
    }
}

/// A month in UN style, as a deadline names it: "April 2020", "avril 2020", "abril de 2020",
/// "апрель 2020 года", "2020年4月", "نيسان/أبريل 2020".
pub fn format_month(lang: Language, m: YearMonth) -> String {
    let d = m.first_day();
    let y = d.year();
    match lang {
        Language::Es => format!("{} de {y}", month(lang, d)),
        Language::Ru => format!("{} {y} года", RU_MONTHS_NOMINATIVE[d.month0() as usize]),
        Language::Zh => format!("{y}年{}月", d.month()),
        _ => format!("{} {y}", month(lang, d)),
    }
}

/// Day and month without the year, for the first half of a range within one year.
fn day_month(lang: Language, d: NaiveDate) -> String {
    let (dd, m) = (day(lang, d), month(lang, d));
    match lang {
        Language::Es => format!("{dd} de {m}"),
        Language::Zh => format!("{}月{}日", d.month(), d.day()),
        _ => format!("{dd} {m}"),
    }
}

/// Whether a meeting spans exactly two days of one month ("12 and 13 December").
fn two_days(start: NaiveDate, end: NaiveDate) -> bool {
    start.succ_opt() == Some(end) && start.month() == end.month()
}

/// The first date of a range, with as much as the last one does not repeat.
fn range_start(lang: Language, start: NaiveDate, end: NaiveDate) -> String {
    if start.year() != end.year() {
        format_date(lang, start)
    } else if start.month() != end.month() {
        day_month(lang, start)
    } else {
        day(lang, start)
    }
}

/// When a meeting took place, with the preposition the sentence needs: "on 12 December 2019",
/// "on 12 and 13 December 2019", "from 10 to 12 December 2019", "le 1er décembre 2019",
/// "les 12 et 13 décembre 2019", "los días 12 y 13 de diciembre de 2019", "del 10 al 12 de diciembre de 2019".
pub fn when(lang: Language, start: NaiveDate, end: Option<NaiveDate>) -> String {
    let Some(end) = end.filter(|e| *e != start) else {
        let d = format_date(lang, start);
        return match lang {
            Language::En => format!("on {d}"),
            Language::Fr => format!("le {d}"),
            Language::Es => format!("el {d}"),
            Language::Ar => format!("في {d}"),
            Language::Ru | Language::Zh => d,
        };
    };
    let first = range_start(lang, start, end);
    let last = format_date(lang, end);
    if two_days(start, end) {
        match lang {
            Language::En => return format!("on {first} and {last}"),
            Language::Fr => return format!("les {first} et {last}"),
            Language::Es => return format!("los días {first} y {last}"),
            Language::Ru => return format!("{first} и {last}"),
            Language::Ar => return format!("يومي {first} و{last}"),
            Language::Zh => {}
        }
    }
    match lang {
        Language::En => format!("from {first} to {last}"),
        Language::Fr => format!("du {first} au {last}"),
        Language::Es => format!("del {first} al {last}"),
        Language::Ru => format!("с {first} по {last}"),
        Language::Ar => format!("في الفترة من {first} إلى {last}"),
        Language::Zh => chinese_span(start, end),
    }
}

/// A span in Chinese, repeating only what changes: "2019年12月10日至12日", "2019年11月30日至12月2日".
fn chinese_span(start: NaiveDate, end: NaiveDate) -> String {
    let first = format_date(Language::Zh, start);
    if start.year() != end.year() {
        format!("{first}至{}", format_date(Language::Zh, end))
    } else if start.month() != end.month() {
        format!("{first}至{}月{}日", end.month(), end.day())
    } else {
        format!("{first}至{}日", end.day())
    }
}

/// A meeting's dates as a heading gives them: "12 December 2019", "12 and 13 December 2019",
/// "10–12 December 2019", "10 a 12 de diciembre de 2019"; across months or years two full dates,
/// "30 November 2019 – 2 December 2019" (as the exported document writes them).
pub fn date_range(lang: Language, start: NaiveDate, end: Option<NaiveDate>) -> String {
    let Some(end) = end.filter(|e| *e != start) else {
        return format_date(lang, start);
    };
    if lang == Language::Zh {
        return chinese_span(start, end);
    }
    let last = format_date(lang, end);
    if start.year() != end.year() || start.month() != end.month() {
        return format!("{} \u{2013} {last}", format_date(lang, start));
    }
    let first = day(lang, start);
    match lang {
        Language::En if two_days(start, end) => format!("{first} and {last}"),
        Language::Fr if two_days(start, end) => format!("{first} et {last}"),
        Language::Es if two_days(start, end) => format!("{first} y {last}"),
        Language::Ru if two_days(start, end) => format!("{first} и {last}"),
        Language::Es => format!("{first} a {last}"),
        _ => format!("{first}\u{2013}{last}"),
    }
}

/// Join items the way `lang` writes a list: "A, B and C", "A, B et C", "A, B y C" ("e" before a word
/// sounding /i/: "Francia e Italia"), "A, B и C", "A、B和C", "A وB وC".
pub fn join_list<S: AsRef<str>>(lang: Language, items: &[S]) -> String {
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    let Some((last, init)) = items.split_last() else {
        return String::new();
    };
    if init.is_empty() {
        return (*last).to_owned();
    }
    match lang {
        Language::Zh => format!("{}和{last}", init.join("、")),
        Language::Ar => format!("{} و{last}", init.join(" و")),
        _ => {
            let and = match lang {
                Language::Fr => "et",
                Language::Es if spanish_i_sound(last) => "e",
                Language::Es => "y",
                Language::Ru => "и",
                _ => "and",
            };
            format!("{} {and} {last}", init.join(", "))
        }
    }
}

/// Spanish writes "e" for "y" before /i/ (i-, hi-: "e Italia", "e hijos"), but not where the i is a glide
/// before another vowel (hie-, hia-, io-: "y hielo").
fn spanish_i_sound(word: &str) -> bool {
    let w = crate::collate::fold(word);
    let Some(rest) = w.strip_prefix("hi").or_else(|| w.strip_prefix('i')) else {
        return false;
    };
    !rest.starts_with(['a', 'e', 'o', 'u'])
}

/// The built-in name of a category for a count: singular when `count` is 1 in English, French and Spanish;
/// the form CLDR's plural rules choose in Arabic and Russian ([`super::plural`]); Chinese has one form.
pub fn category_label(lang: Language, category: Category, count: u32) -> Option<&'static str> {
    let (one, many) = match (lang, category) {
        (Language::En, Category::MemberState) => ("Member State", "Member States"),
        (Language::En, Category::ObserverState) => ("observer State", "observer States"),
        (Language::En, Category::UnSystem) => (
            "representative of the United Nations system",
            "representatives of the United Nations system",
        ),
        (Language::En, Category::IntergovernmentalOrganization) => (
            "representative of intergovernmental organizations",
            "representatives of intergovernmental organizations",
        ),
        (Language::En, Category::CivilSociety) => (
            "representative of civil society",
            "representatives of civil society",
        ),
        (Language::En, Category::SpecialProcedure) => (
            "special procedure mandate holder",
            "special procedure mandate holders",
        ),
        (Language::En, Category::Other) => ("other participant", "other participants"),
        (Language::Fr, Category::MemberState) => ("État Membre", "États Membres"),
        (Language::Fr, Category::ObserverState) => ("État observateur", "États observateurs"),
        (Language::Fr, Category::UnSystem) => (
            "représentant du système des Nations Unies",
            "représentants du système des Nations Unies",
        ),
        (Language::Fr, Category::IntergovernmentalOrganization) => (
            "représentant d'organisations intergouvernementales",
            "représentants d'organisations intergouvernementales",
        ),
        (Language::Fr, Category::CivilSociety) => (
            "représentant de la société civile",
            "représentants de la société civile",
        ),
        (Language::Fr, Category::SpecialProcedure) => (
            "titulaire de mandat au titre des procédures spéciales",
            "titulaires de mandat au titre des procédures spéciales",
        ),
        (Language::Fr, Category::Other) => ("autre participant", "autres participants"),
        (Language::Es, Category::MemberState) => ("Estado Miembro", "Estados Miembros"),
        (Language::Es, Category::ObserverState) => ("Estado observador", "Estados observadores"),
        (Language::Es, Category::UnSystem) => (
            "representante del sistema de las Naciones Unidas",
            "representantes del sistema de las Naciones Unidas",
        ),
        (Language::Es, Category::IntergovernmentalOrganization) => (
            "representante de organizaciones intergubernamentales",
            "representantes de organizaciones intergubernamentales",
        ),
        (Language::Es, Category::CivilSociety) => (
            "representante de la sociedad civil",
            "representantes de la sociedad civil",
        ),
        (Language::Es, Category::SpecialProcedure) => (
            "titular de mandato de los procedimientos especiales",
            "titulares de mandatos de los procedimientos especiales",
        ),
        (Language::Es, Category::Other) => ("otro participante", "otros participantes"),
        (Language::Ar | Language::Zh | Language::Ru, _) => {
            return super::plural::label(lang, category, count);
        }
    };
    Some(if count == 1 { one } else { many })
}

/// How a sentence addresses the Member States as a group ("briefed Member States", "الدول الأعضاء").
pub fn member_states(lang: Language) -> &'static str {
    match lang {
        Language::En => "Member States",
        Language::Fr => "États Membres",
        Language::Es => "Estados Miembros",
        Language::Ru => "государства-члены",
        Language::Zh => "会员国",
        Language::Ar => "الدول الأعضاء",
    }
}

/// A count from one to nine in words, as UN running text writes it ("one", "un", "un"; French and Spanish
/// "one" in the masculine, the gender of every built-in category term). `None` from 10 on, for 0, and in
/// languages without wording here.
pub fn number_word(lang: Language, n: u32) -> Option<&'static str> {
    const EN: [&str; 9] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    const FR: [&str; 9] = [
        "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
    ];
    const ES: [&str; 9] = [
        "un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
    ];
    let words = match lang {
        Language::En => &EN,
        Language::Fr => &FR,
        Language::Es => &ES,
        _ => return None,
    };
    let i = usize::try_from(n.checked_sub(1)?).ok()?;
    words.get(i).copied()
}

/// English only: put "the" before a name that takes it in running text ("the United Nations Network on
/// Migration", "the Special Rapporteur on ..."), but not before a plural ("Member States"), a lower-case
/// phrase ("delegations"), an acronym ("UNHCR"), a State's short name, or a name that has it already.
/// A heuristic on the head noun (the last word before "of", "on", "for", ...); templates may skip it.
pub fn english_the(name: &str) -> String {
    let name = name.trim();
    let first = name.split_whitespace().next().unwrap_or_default();
    let starts_lower = first.chars().next().is_none_or(|c| !c.is_uppercase());
    let acronym = !name.contains(' ')
        && name
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    let is_state = registry::all().iter().any(|s| s.name(Language::En) == name);
    let head = name
        .split_whitespace()
        .take_while(|w| !matches!(*w, "of" | "on" | "for" | "in" | "to" | "at" | "and"))
        .last()
        .unwrap_or_default();
    let plural = head.ends_with('s') && head != "Nations" && !head.ends_with("ss");
    if starts_lower || first == "The" || acronym || is_state || plural {
        name.to_owned()
    } else {
        format!("the {name}")
    }
}

/// Lower-case the first letter, for a title used inside a sentence ("the statement by ...").
pub fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if chars.clone().next().is_some_and(char::is_lowercase) => {
            c.to_lowercase().chain(chars).collect()
        }
        _ => s.to_owned(),
    }
}

/// Capitalise the first letter, for a name that opens a sentence.
pub fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// English head nouns of offices, mandates and bodies: a name whose head is one of these reads with "the" in
/// running text ("the Special Rapporteur on ...", "the Migrant Forum in Asia"), whatever category it was
/// entered with. Lower case.
const OFFICE_NOUNS: &[&str] = &[
    "adviser",
    "advisor",
    "agency",
    "alliance",
    "assembly",
    "association",
    "bank",
    "board",
    "centre",
    "center",
    "chair",
    "chairperson",
    "coalition",
    "commission",
    "commissioner",
    "committee",
    "conference",
    "coordinator",
    "council",
    "court",
    "delegation",
    "director",
    "director-general",
    "envoy",
    "expert",
    "facilitator",
    "federation",
    "forum",
    "foundation",
    "fund",
    "group",
    "initiative",
    "institute",
    "mechanism",
    "mission",
    "network",
    "office",
    "ombudsperson",
    "organisation",
    "organization",
    "panel",
    "partnership",
    "platform",
    "president",
    "programme",
    "rapporteur",
    "representative",
    "secretariat",
    "secretary-general",
    "tribunal",
    "union",
];

/// English only: whether `name` names an office, a mandate or a body by its head noun, the last word before
/// "of", "on", "for", ... ("Special Rapporteur on the human rights of migrants": "Rapporteur").
pub fn names_an_office(name: &str) -> bool {
    name.split_whitespace()
        .take_while(|w| !matches!(*w, "of" | "on" | "for" | "in" | "to" | "at" | "and"))
        .last()
        .is_some_and(|head| {
            let head = head
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            OFFICE_NOUNS.contains(&head.as_str())
        })
}

/// Whether `text` contains `name` as whole words, ignoring case, accents and punctuation.
pub fn mentions(text: &str, name: &str) -> bool {
    let name = crate::collate::fold(name);
    !name.is_empty() && format!(" {} ", crate::collate::fold(text)).contains(&format!(" {name} "))
}

/// Whether a statement's title, written in the meeting's `lang`, says whose statement it is ("Statement by the
/// Chair", "Déclaration du Coordonnateur", "Declaración de la Presidencia"). Languages without a rule: no.
pub fn names_its_author(lang: Language, title: &str) -> bool {
    let folded = crate::collate::fold(title);
    let words: Vec<&str> = folded.split(' ').collect();
    let after_noun = |nouns: &[&str], prepositions: &[&str]| {
        words
            .windows(2)
            .any(|w| nouns.contains(&w[0]) && prepositions.contains(&w[1]))
    };
    match lang {
        Language::En => words.contains(&"by"),
        Language::Fr => {
            words.contains(&"par")
                || after_noun(
                    &[
                        "declaration",
                        "allocution",
                        "discours",
                        "intervention",
                        "message",
                        "expose",
                    ],
                    &["de", "du", "des", "d"],
                )
        }
        Language::Es => {
            words.contains(&"por")
                || after_noun(
                    &[
                        "declaracion",
                        "discurso",
                        "intervencion",
                        "mensaje",
                        "exposicion",
                    ],
                    &["de", "del"],
                )
        }
        // "Заявление Председателя", "Выступление Генерального секретаря": the noun, then its author.
        Language::Ru => opens_with_author(
            &words,
            &["заявление", "выступление", "послание", "речь", "сообщение"],
            &["по", "о", "об", "в", "на", "для", "от", "к"],
        ),
        // "بيان رئيس المجلس", "كلمة الأمين العام": the noun in construct with its author.
        Language::Ar => opens_with_author(
            &words,
            &["بيان", "كلمة", "رسالة", "خطاب"],
            &["بشأن", "عن", "حول", "في", "الى", "إلى"],
        ),
        // "主席的发言", "秘书长致辞": a name before the kind of statement.
        Language::Zh => ["的发言", "的声明", "的讲话", "致辞"]
            .iter()
            .any(|end| title.trim().len() > end.len() && title.trim().ends_with(end)),
    }
}

/// Whether a title opens with one of `nouns` followed by a word that is not one of `about` ("Заявление по
/// вопросу …" is about something, "Заявление Председателя" is someone's).
/// `words` are folded ([`crate::collate::fold`]), so the lists are folded too ("بشأن" becomes "بشان").
fn opens_with_author(words: &[&str], nouns: &[&str], about: &[&str]) -> bool {
    let has = |list: &[&str], word: &str| list.iter().any(|w| crate::collate::fold(w) == word);
    matches!(words, [noun, next, ..] if has(nouns, noun) && !has(about, next))
}
