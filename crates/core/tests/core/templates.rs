//! Templates: the user's own templates in any language, an override directory that replaces files and falls
//! back per language, errors that name the template, and registry names in the drafts of every language.

use rapporteur_core::draft::{Templates, draft_summary, strip_markers};
use rapporteur_core::*;

use crate::draft::{example, plain, state};

#[test]
fn user_templates_in_any_language_use_registry_names() {
    let mut t = Templates::builtin();
    for s in draft::SECTIONS {
        t = t.with_template(Language::Ru, s, "");
    }
    t = t.with_template(Language::Ru, "speakers", "Выступили: {{ speakers_text }}.");
    let text = plain_with(&example(), Language::Ru, &t);
    assert!(
        text.contains("Выступили: Гаити, Германия, Марокко,"),
        "{text}"
    );
    assert!(!text.contains("UK"), "display names are English here");
    // One overridden file; the others stay the built-in files of the same language.
    let partial = Templates::builtin().with_template(Language::Ar, "heading", "# عنوان");
    let ar = plain_with(&example(), Language::Ar, &partial);
    assert!(ar.starts_with("# عنوان"), "{ar}");
    assert!(ar.contains("قُدمت إحاطة إلى الدول الأعضاء"), "{ar}");
}

fn plain_with(r: &MeetingRecord, lang: Language, t: &Templates) -> String {
    strip_markers(&draft_summary(r, lang, t).unwrap())
}

#[test]
fn override_directory_replaces_files_and_falls_back_per_language() {
    let dir =
        std::env::temp_dir().join(format!("rapporteur-core-templates-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("en")).unwrap();
    std::fs::create_dir_all(dir.join("ar")).unwrap();
    std::fs::write(
        dir.join("en/opening.md.j2"),
        "Opening of {{ meeting.title }} {{ meeting.when }}.",
    )
    .unwrap();
    std::fs::write(dir.join("ar/heading.md.j2"), "# {{ meeting.title }}").unwrap();
    let t = Templates::with_override_dir(&dir).unwrap();
    let en = plain_with(&example(), Language::En, &t);
    assert!(
        en.contains("Opening of Network Briefing to Member States on 12 December 2019."),
        "{en}"
    );
    assert!(
        en.contains("# Summary of Network Briefing"),
        "other English sections stay built in"
    );
    assert!(!en.contains("was attended by"));
    let fr = plain_with(&example(), Language::Fr, &t);
    assert!(
        fr.contains("a tenu une séance d'information"),
        "French is untouched"
    );
    let ar = plain_with(&example(), Language::Ar, &t);
    assert!(
        ar.starts_with("# Network Briefing") && ar.contains("وحضر الإحاطة"),
        "the Arabic heading from the directory, the rest built in Arabic: {ar}"
    );
    std::fs::remove_dir_all(&dir).unwrap();

    let missing = Templates::with_override_dir(dir.join("nowhere")).unwrap();
    assert_eq!(
        plain_with(&example(), Language::Ar, &missing),
        plain(&example(), Language::Ar)
    );

    // A file that exists but cannot be read is an error naming it, not a silent fallback.
    let unreadable = dir.with_extension("unreadable");
    std::fs::create_dir_all(unreadable.join("fr/speakers.md.j2")).unwrap();
    let e = Templates::with_override_dir(&unreadable).unwrap_err();
    assert!(
        matches!(&e, CoreError::Io { path, .. } if path.ends_with("speakers.md.j2")),
        "{e:?}"
    );
    std::fs::remove_dir_all(&unreadable).unwrap();
}

#[test]
fn template_errors_name_the_template() {
    let t = Templates::builtin().with_template(Language::En, "opening", "{% if %}");
    let e = draft_summary(&example(), Language::En, &t).unwrap_err();
    assert!(matches!(e, CoreError::Template(_)), "{e:?}");
    assert!(e.to_string().contains("en/opening.md.j2"), "{e}");
}

#[test]
fn arabic_chinese_and_russian_names_come_from_the_registry() {
    let deu = state("DEU");
    assert_eq!(deu.name_in(Language::Ar), "ألمانيا");
    assert_eq!(deu.name_in(Language::Zh), "德国");
    assert_eq!(deu.name_in(Language::Ru), "Германия");
}
