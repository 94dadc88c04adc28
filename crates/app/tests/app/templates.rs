//! User templates in `<data_dir>/templates/<lang>/` replace built-in ones, file by file and language by
//! language.

use rapporteur_app::App;
use rapporteur_core::Language;

use crate::support::example;

#[tokio::test]
async fn a_user_template_in_the_data_dir_overrides_the_built_in_one() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("templates/en")).unwrap();
    std::fs::write(
        data.join("templates/en/opening.md.j2"),
        "Our office briefed {{ audience }} {{ meeting.when }} ({{ attendance_text }}).\n",
    )
    .unwrap();
    let app = App::open(&data).await.unwrap();
    let id = example(&app).await;

    let en = app.draft(&id, None).await.unwrap();
    assert!(
        en.contains(
            "Our office briefed Member States on 12 December 2019 (60 Member States, 22 UN Network \
             representatives and 19 colleagues from civil society)."
        ),
        "{en}"
    );
    assert!(!en.contains("The briefing was attended by"), "{en}");
    // Other sections and other languages keep the built-in templates.
    assert!(
        en.contains("# Summary of Network Briefing to Member States"),
        "{en}"
    );
    let fr = app.draft(&id, Some(Language::Fr)).await.unwrap();
    assert!(fr.contains("a tenu une séance d'information"), "{fr}");

    let ru = app.draft(&id, Some(Language::Ru)).await.unwrap();
    assert!(ru.contains("# Резюме: Network Briefing"), "{ru}");
}
