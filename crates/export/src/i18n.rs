//! The few words and the date forms an exported document prints, in the six official languages.
//!
//! Dates follow each language service's house style (UN editorial manuals): day-month-year, French `1er`,
//! Spanish `de`, Russian genitive months with `года`, Arabic paired Syriac/Latin month names, Chinese `年月日`.
//! Core will expose a shared formatter later; this one is local until then.

use chrono::{Datelike, NaiveDate};
use rapporteur_core::{Category, InterventionKind, Language};

/// Words printed around the body, per language.
pub(crate) struct Words {
    pub page_of: [&'static str; 3],
    pub annex: &'static str,
    pub attendance: &'static str,
    pub speakers: &'static str,
    pub category: &'static str,
    pub number: &'static str,
    pub delegations: &'static str,
    pub order: &'static str,
    pub speaker: &'static str,
    pub time: &'static str,
    pub person: &'static str,
    pub summary_of: [&'static str; 2],
    pub statement: &'static str,
    pub delivered_by: &'static str,
    pub total: &'static str,
    pub my_notes: &'static str,
    /// The logo's alternative text: before and after the organisation's name, and alone when there is none.
    pub logo_of: [&'static str; 3],
}

pub(crate) fn words(lang: Language) -> &'static Words {
    match lang {
        Language::En => &EN,
        Language::Fr => &FR,
        Language::Es => &ES,
        Language::Ru => &RU,
        Language::Ar => &AR,
        Language::Zh => &ZH,
    }
}

static EN: Words = Words {
    page_of: ["Page ", " of ", ""],
    annex: "Annex",
    attendance: "Attendance",
    speakers: "List of speakers",
    category: "Category",
    number: "Number",
    delegations: "Delegations",
    order: "No.",
    speaker: "Speaker",
    time: "Time",
    person: "Represented by",
    summary_of: ["Summary of ", ""],
    statement: "Statement",
    delivered_by: "Delivered by",
    total: "Total",
    my_notes: "My notes",
    logo_of: ["Logo of ", "", "Logo"],
};
static FR: Words = Words {
    page_of: ["Page ", " sur ", ""],
    annex: "Annexe",
    attendance: "Participation",
    speakers: "Liste des orateurs",
    category: "Catégorie",
    number: "Nombre",
    delegations: "Délégations",
    order: "N°",
    speaker: "Orateur",
    time: "Heure",
    person: "Représenté par",
    summary_of: ["Résumé : ", ""],
    statement: "Déclaration",
    delivered_by: "Prononcée par",
    total: "Total",
    my_notes: "Mes notes",
    logo_of: ["Logo de ", "", "Logo"],
};
static ES: Words = Words {
    page_of: ["Página ", " de ", ""],
    annex: "Anexo",
    attendance: "Asistencia",
    speakers: "Lista de oradores",
    category: "Categoría",
    number: "Número",
    delegations: "Delegaciones",
    order: "N.º",
    speaker: "Orador",
    time: "Hora",
    person: "Representado por",
    summary_of: ["Resumen: ", ""],
    statement: "Declaración",
    delivered_by: "Pronunciada por",
    total: "Total",
    my_notes: "Mis notas",
    logo_of: ["Logotipo de ", "", "Logotipo"],
};
static RU: Words = Words {
    page_of: ["Страница ", " из ", ""],
    annex: "Приложение",
    attendance: "Участники",
    speakers: "Список ораторов",
    category: "Категория",
    number: "Число",
    delegations: "Делегации",
    order: "№",
    speaker: "Оратор",
    time: "Время",
    person: "Представитель",
    summary_of: ["Резюме: ", ""],
    statement: "Заявление",
    delivered_by: "Выступающий",
    total: "Всего",
    my_notes: "Мои заметки",
    logo_of: ["Логотип: ", "", "Логотип"],
};
static AR: Words = Words {
    page_of: ["الصفحة ", " من ", ""],
    annex: "المرفق",
    attendance: "الحضور",
    speakers: "قائمة المتكلمين",
    category: "الفئة",
    number: "العدد",
    delegations: "الوفود",
    order: "الرقم",
    speaker: "المتكلم",
    time: "الوقت",
    person: "الممثل",
    summary_of: ["موجز ", ""],
    statement: "بيان",
    delivered_by: "ألقاه",
    total: "المجموع",
    my_notes: "ملاحظاتي",
    logo_of: ["شعار ", "", "شعار"],
};
static ZH: Words = Words {
    page_of: ["第 ", " 页，共 ", " 页"],
    annex: "附件",
    attendance: "出席情况",
    speakers: "发言者名单",
    category: "类别",
    number: "人数",
    delegations: "代表团",
    order: "序号",
    speaker: "发言者",
    time: "时间",
    person: "代表",
    summary_of: ["", "摘要"],
    statement: "发言",
    delivered_by: "发言人",
    total: "共计",
    my_notes: "我的笔记",
    logo_of: ["", "的标志", "标志"],
};

pub(crate) fn category_name(cat: Category, lang: Language) -> &'static str {
    let i = Category::ALL.iter().position(|c| *c == cat).unwrap_or(6);
    let names: [&str; 7] = match lang {
        Language::En => [
            "Member States",
            "Observer States",
            "United Nations system",
            "Intergovernmental organizations",
            "Civil society",
            "Special procedures",
            "Other",
        ],
        Language::Fr => [
            "États Membres",
            "États observateurs",
            "Système des Nations Unies",
            "Organisations intergouvernementales",
            "Société civile",
            "Procédures spéciales",
            "Autres",
        ],
        Language::Es => [
            "Estados Miembros",
            "Estados observadores",
            "Sistema de las Naciones Unidas",
            "Organizaciones intergubernamentales",
            "Sociedad civil",
            "Procedimientos especiales",
            "Otros",
        ],
        Language::Ru => [
            "Государства-члены",
            "Государства-наблюдатели",
            "Система Организации Объединенных Наций",
            "Межправительственные организации",
            "Гражданское общество",
            "Специальные процедуры",
            "Прочие",
        ],
        Language::Ar => [
            "الدول الأعضاء",
            "الدول المراقبة",
            "منظومة الأمم المتحدة",
            "المنظمات الحكومية الدولية",
            "المجتمع المدني",
            "الإجراءات الخاصة",
            "جهات أخرى",
        ],
        Language::Zh => [
            "会员国",
            "观察员国",
            "联合国系统",
            "政府间组织",
            "民间社会",
            "特别程序",
            "其他",
        ],
    };
    names[i]
}

/// Joins names in running text.
pub(crate) fn list_separator(lang: Language) -> &'static str {
    match lang {
        Language::Ar => "، ",
        Language::Zh => "、",
        _ => ", ",
    }
}

/// How a non-statement intervention is marked in the speakers list; statements carry no mark.
pub(crate) fn kind_mark(kind: InterventionKind, lang: Language) -> Option<&'static str> {
    let (q, r) = match lang {
        Language::En => ("question", "right of reply"),
        Language::Fr => ("question", "droit de réponse"),
        Language::Es => ("pregunta", "derecho de respuesta"),
        Language::Ru => ("вопрос", "право на ответ"),
        Language::Ar => ("سؤال", "حق الرد"),
        Language::Zh => ("提问", "答辩权"),
    };
    match kind {
        InterventionKind::Statement => None,
        InterventionKind::Question => Some(q),
        InterventionKind::RightOfReply => Some(r),
    }
}

/// A date as the document's language writes it in running text; the UN forms live in core's drafting rules.
pub fn format_date(date: NaiveDate, lang: Language) -> String {
    rapporteur_core::draft::lang::format_date(lang, date)
}

/// A meeting's dates: one day, a range within a month ("12–13 December 2019"), or two full dates.
pub fn format_date_range(start: NaiveDate, end: Option<NaiveDate>, lang: Language) -> String {
    let Some(end) = end.filter(|e| *e != start) else {
        return format_date(start, lang);
    };
    let same_month = start.year() == end.year() && start.month() == end.month();
    if !same_month {
        return format!("{} – {}", format_date(start, lang), format_date(end, lang));
    }
    let first = match (lang, start.day()) {
        (Language::Fr, 1) => "1er".to_owned(),
        (_, d) => d.to_string(),
    };
    match lang {
        Language::Zh => format!("{}至{}日", format_date(start, lang), end.day()),
        _ => format!("{first}–{}", format_date(end, lang)),
    }
}
