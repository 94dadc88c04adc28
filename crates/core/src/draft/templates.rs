//! The summary's wording lives in minijinja templates, one set per language, so a rapporteur (or an
//! organisation) can adapt phrasing without a new release. Built-in sets are compiled in from
//! `templates/<lang>/`; an override directory laid out the same way replaces individual files. A file
//! missing from the override directory falls back to the built-in file of the *same* language only: a
//! language without templates is an error, never a silent switch to English.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::error::CoreError;
use crate::model::Language;

/// The parts of a summary, in document order. Each is one template file, `<name>.md.j2`, and one marked
/// section of the draft.
pub const SECTIONS: [&str; 10] = [
    "heading",
    "opening",
    "related",
    "statements",
    "speakers",
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
                "related",
                include_str!(concat!("../../templates/", $lang, "/related.md.j2")),
            ),
            (
                "statements",
                include_str!(concat!("../../templates/", $lang, "/statements.md.j2")),
            ),
            (
                "speakers",
                include_str!(concat!("../../templates/", $lang, "/speakers.md.j2")),
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

const EN: [(&str, &str); 10] = builtin!("en");
const FR: [(&str, &str); 10] = builtin!("fr");
const ES: [(&str, &str); 10] = builtin!("es");

/// The languages with built-in templates.
pub const BUILTIN_LANGUAGES: [Language; 3] = [Language::En, Language::Fr, Language::Es];

fn builtin(lang: Language, name: &str) -> Option<&'static str> {
    let set: &[(&str, &str)] = match lang {
        Language::En => &EN,
        Language::Fr => &FR,
        Language::Es => &ES,
        Language::Ar | Language::Zh | Language::Ru => &[],
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
    /// The override directory, to say where a missing template should go.
    dir: Option<PathBuf>,
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
        let mut templates = Templates {
            dir: Some(dir.to_path_buf()),
            ..Templates::builtin()
        };
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

    /// The template source for a section in `lang`, and where it came from; an error if there is none.
    pub fn source(&self, lang: Language, section: &str) -> Result<(&str, String), CoreError> {
        if let Some(o) = self.overrides.get(&(lang, section.to_owned())) {
            return Ok((&o.source, o.origin.clone()));
        }
        builtin(lang, section)
            .map(|src| {
                (
                    src,
                    format!("{}/{} (built-in)", lang.code(), file_name(section)),
                )
            })
            .ok_or_else(|| CoreError::NoTemplate {
                lang: lang.code().to_owned(),
                name: file_name(section),
                builtin: BUILTIN_LANGUAGES.map(Language::code).join(", "),
                path: match &self.dir {
                    Some(dir) => dir
                        .join(lang.code())
                        .join(file_name(section))
                        .display()
                        .to_string(),
                    None => format!(
                        "<data_dir>/templates/{}/{}",
                        lang.code(),
                        file_name(section)
                    ),
                },
            })
    }

    /// Whether every section has a template in `lang`.
    pub fn supports(&self, lang: Language) -> bool {
        SECTIONS.iter().all(|s| self.source(lang, s).is_ok())
    }
}
