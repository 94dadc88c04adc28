//! The summary's wording lives in minijinja templates, one set per language, so a rapporteur (or an
//! organisation) can adapt phrasing without a new release. Built-in sets are compiled in from
//! `templates/<lang>/`; an override directory laid out the same way replaces individual files. A file
//! missing from the override directory falls back to the built-in file of the *same* language only, never
//! to another language's. All six official languages have built-in sets.

use std::collections::HashMap;
use std::path::Path;

use crate::error::CoreError;
use crate::model::Language;

/// The parts of a summary, in document order. Each is one template file, `<name>.md.j2`, and one marked
/// section of the draft.
pub const SECTIONS: [&str; 14] = [
    "heading",
    "opening",
    "before",
    "related",
    "statements",
    "remarks",
    "speakers",
    "positions",
    "announcements",
    "requests",
    "commitments",
    "invitations",
    "decisions",
    "next_steps",
];

macro_rules! builtin {
    ($lang:literal) => {
        [
            (
                "heading",
                include_str!(concat!("../../templates/", $lang, "/heading.md.j2")),
            ),
            (
                "opening",
                include_str!(concat!("../../templates/", $lang, "/opening.md.j2")),
            ),
            (
                "before",
                include_str!(concat!("../../templates/", $lang, "/before.md.j2")),
            ),
            (
                "related",
                include_str!(concat!("../../templates/", $lang, "/related.md.j2")),
            ),
            (
                "statements",
                include_str!(concat!("../../templates/", $lang, "/statements.md.j2")),
            ),
            (
                "remarks",
                include_str!(concat!("../../templates/", $lang, "/remarks.md.j2")),
            ),
            (
                "speakers",
                include_str!(concat!("../../templates/", $lang, "/speakers.md.j2")),
            ),
            (
                "positions",
                include_str!(concat!("../../templates/", $lang, "/positions.md.j2")),
            ),
            (
                "announcements",
                include_str!(concat!("../../templates/", $lang, "/announcements.md.j2")),
            ),
            (
                "requests",
                include_str!(concat!("../../templates/", $lang, "/requests.md.j2")),
            ),
            (
                "commitments",
                include_str!(concat!("../../templates/", $lang, "/commitments.md.j2")),
            ),
            (
                "invitations",
                include_str!(concat!("../../templates/", $lang, "/invitations.md.j2")),
            ),
            (
                "decisions",
                include_str!(concat!("../../templates/", $lang, "/decisions.md.j2")),
            ),
            (
                "next_steps",
                include_str!(concat!("../../templates/", $lang, "/next_steps.md.j2")),
            ),
        ]
    };
}

const EN: [(&str, &str); 14] = builtin!("en");
const FR: [(&str, &str); 14] = builtin!("fr");
const ES: [(&str, &str); 14] = builtin!("es");
const AR: [(&str, &str); 14] = builtin!("ar");
const ZH: [(&str, &str); 14] = builtin!("zh");
const RU: [(&str, &str); 14] = builtin!("ru");

/// The languages with built-in templates: all six official languages of the United Nations.
pub const BUILTIN_LANGUAGES: [Language; 6] = Language::ALL;

fn builtin(lang: Language, name: &str) -> Option<&'static str> {
    let set: &[(&str, &str)] = match lang {
        Language::En => &EN,
        Language::Fr => &FR,
        Language::Es => &ES,
        Language::Ar => &AR,
        Language::Zh => &ZH,
        Language::Ru => &RU,
    };
    set.iter().find(|(n, _)| *n == name).map(|(_, src)| *src)
}

/// The file name of a section's template.
pub fn file_name(section: &str) -> String {
    format!("{section}.md.j2")
}

/// Summary templates: the built-in sets plus any overrides.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    overrides: HashMap<(Language, String), Override>,
}

#[derive(Debug, Clone)]
struct Override {
    source: String,
    /// Where it came from, for error messages.
    origin: String,
}

impl Templates {
    /// Only the built-in templates.
    pub fn builtin() -> Templates {
        Templates::default()
    }

    /// Built-in templates, overridden by the files of `dir` laid out as `dir/<lang>/<section>.md.j2`
    /// (e.g. `dir/fr/opening.md.j2`). Missing files, languages and a missing `dir` are fine; unreadable files
    /// are errors.
    pub fn with_override_dir(dir: impl AsRef<Path>) -> Result<Templates, CoreError> {
        let dir = dir.as_ref();
        let mut templates = Templates::builtin();
        for lang in Language::ALL {
            for section in SECTIONS {
                let path = dir.join(lang.code()).join(file_name(section));
                match std::fs::read_to_string(&path) {
                    Ok(source) => {
                        templates.overrides.insert(
                            (lang, section.to_owned()),
                            Override {
                                source,
                                origin: path.display().to_string(),
                            },
                        );
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => {
                        return Err(CoreError::Io {
                            path: path.display().to_string(),
                            message: e.to_string(),
                        });
                    }
                }
            }
        }
        Ok(templates)
    }

    /// Override one section's template for one language, from memory.
    pub fn with_template(
        mut self,
        lang: Language,
        section: &str,
        source: impl Into<String>,
    ) -> Templates {
        self.overrides.insert(
            (lang, section.to_owned()),
            Override {
                source: source.into(),
                origin: format!("{}/{} (override)", lang.code(), file_name(section)),
            },
        );
        self
    }

    /// The template source for a section in `lang`, and where it came from: the override if there is one,
    /// else the built-in file of the same language (never another language's). `None` only for a name that
    /// is not one of [`SECTIONS`].
    pub fn source(&self, lang: Language, section: &str) -> Option<(&str, String)> {
        if let Some(o) = self.overrides.get(&(lang, section.to_owned())) {
            return Some((&o.source, o.origin.clone()));
        }
        builtin(lang, section).map(|src| {
            (
                src,
                format!("{}/{} (built-in)", lang.code(), file_name(section)),
            )
        })
    }
}
