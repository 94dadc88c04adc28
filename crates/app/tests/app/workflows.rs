use rapporteur_app::{App, ErrorCode, ExportOptions, Format, Replace, Settings, Theme};
use rapporteur_core::{DocumentKind, Language};

use crate::support::{app, example};

#[tokio::test]
async fn draft_follows_the_meeting_language_and_refuses_missing_templates() {
    let (_dir, app) = app().await;
    let id = example(&app).await;
    let en = app.draft(&id, None).await.unwrap();
    assert!(en.contains("12 December 2019"), "{en}");
    assert!(en.contains("UK"), "{en}");
    let fr = app.draft(&id, Some(Language::Fr)).await.unwrap();
    assert!(fr.contains("12 décembre 2019"), "{fr}");
    let zh = app.draft(&id, Some(Language::Zh)).await.unwrap();
    assert!(zh.contains("2019年12月12日"), "{zh}");
}

#[tokio::test]
async fn regenerate_keeps_hand_written_text_and_asks_before_overwriting_edits() {
    let (_dir, app) = app().await;
    let id = example(&app).await;
    let first = app.regenerate(&id, None, &[]).await.unwrap();
    assert!(first.edited_sections.is_empty());
    let mine = format!("{}\nA paragraph the rapporteur wrote.\n", first.markdown);
    app.doc_set(&id, DocumentKind::Summary, 0, &mine)
        .await
        .unwrap();
    let again = app.regenerate(&id, None, &[]).await.unwrap();
    assert!(again.markdown.contains("A paragraph the rapporteur wrote."));
    assert!(again.edited_sections.is_empty());

    let edited = again
        .markdown
        .replacen("12 December 2019", "12 Dec. 2019", 1);
    app.doc_set(&id, DocumentKind::Summary, 0, &edited)
        .await
        .unwrap();
    let blocked = app.regenerate(&id, None, &[]).await.unwrap();
    assert!(!blocked.edited_sections.is_empty());
    assert!(blocked.markdown.contains("12 Dec. 2019"));
    let forced = app
        .regenerate(&id, None, &blocked.edited_sections)
        .await
        .unwrap();
    assert!(!forced.markdown.contains("12 Dec. 2019"));
    assert_eq!(forced.overwritten_sections, blocked.edited_sections);
    // The hand edit stays in history.
    let versions = app
        .doc_history(&id, DocumentKind::Summary, 0)
        .await
        .unwrap();
    let mut found = false;
    for v in &versions {
        if app
            .doc_at(&id, DocumentKind::Summary, 0, &v.version_id)
            .await
            .unwrap()
            .contains("12 Dec. 2019")
        {
            found = true;
        }
    }
    assert!(found, "the overwritten hand edit must remain in history");
}

fn options(format: Format) -> ExportOptions {
    ExportOptions {
        format,
        kind: DocumentKind::Summary,
        index: 0,
        lang: None,
        annex: true,
        table: None,
        include_notes: false,
        masthead: false,
        with_comments: false,
    }
}

#[tokio::test]
async fn export_writes_whole_files_and_refuses_bad_targets() {
    let (dir, app) = app().await;
    let id = example(&app).await;
    let summary = app.draft(&id, None).await.unwrap();
    app.doc_set(&id, DocumentKind::Summary, 0, &summary)
        .await
        .unwrap();

    let pdf = dir.path().join("summary.pdf");
    let warnings = app
        .export_to_file(&id, &options(Format::Pdf), &pdf, Replace::RegularFile)
        .await
        .unwrap();
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    assert_eq!(warnings, Vec::<String>::new());

    // A character no bundled font has still exports, and the user is told which one became □.
    app.doc_set(
        &id,
        DocumentKind::Summary,
        0,
        &format!("{summary}\nThanks \u{1F642}\n"),
    )
    .await
    .unwrap();
    let warnings = app
        .export_to_file(&id, &options(Format::Pdf), &pdf, Replace::RegularFile)
        .await
        .unwrap();
    assert!(
        warnings.len() == 1 && warnings[0].contains("U+1F642"),
        "{warnings:?}"
    );
    app.doc_set(&id, DocumentKind::Summary, 0, &summary)
        .await
        .unwrap();

    let md = dir.path().join("summary.md");
    app.export_to_file(&id, &options(Format::Md), &md, Replace::RegularFile)
        .await
        .unwrap();
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(
        text.contains("12 December 2019") && !text.contains("rapporteur:begin"),
        "{text}"
    );

    let nowhere = dir.path().join("no/such/dir/summary.pdf");
    let e = app
        .export_to_file(&id, &options(Format::Pdf), &nowhere, Replace::RegularFile)
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Io);
    assert!(!nowhere.exists());

    let first = app.preview(&id, &options(Format::Pdf), 1).await.unwrap();
    assert!(first.svg.contains("<svg"));
    assert_eq!(first.page, 1);
}

#[tokio::test]
async fn settings_round_trip_and_are_validated() {
    let (_dir, app) = app().await;
    assert_eq!(app.settings().await.unwrap(), Settings::default());
    let mut s = Settings {
        theme: Theme::Dark,
        ui_language: Language::Fr,
        ..Settings::default()
    };
    s.letterhead.organisation = "United Nations Network on Migration".into();
    app.set_settings(&s).await.unwrap();
    assert_eq!(app.settings().await.unwrap(), s);
    // The interface is in all six languages.
    for lang in [
        Language::Ar,
        Language::Zh,
        Language::Ru,
        Language::Es,
        Language::En,
    ] {
        s.ui_language = lang;
        app.set_settings(&s).await.unwrap();
        assert_eq!(app.settings().await.unwrap().ui_language, lang);
    }
    s.letterhead.logo = Some(b"not an image".to_vec());
    assert_eq!(
        app.set_settings(&s).await.unwrap_err().code,
        ErrorCode::InvalidInput
    );
}

#[tokio::test]
async fn two_installations_sync_through_a_folder_without_sharing_private_notes() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let a = App::open(&dir.path().join("a")).await.unwrap();
    let b = App::open(&dir.path().join("b")).await.unwrap();
    let id = example(&a).await;
    a.notes_set(&id, None, "PRIVATE: call the ambassador")
        .await
        .unwrap();
    a.sync_round(&folder).await.unwrap();
    let report = b.sync_round(&folder).await.unwrap();
    assert!(!report.received.is_empty());
    assert_eq!(
        b.record(&id).await.unwrap().meeting.title,
        "Network Briefing to Member States"
    );
    assert_eq!(b.notes_get(&id, None).await.unwrap(), "");

    b.doc_set(&id, DocumentKind::Summary, 0, "From B.\n")
        .await
        .unwrap();
    b.sync_round(&folder).await.unwrap();
    a.sync_round(&folder).await.unwrap();
    assert_eq!(
        a.doc_get(&id, DocumentKind::Summary, 0).await.unwrap(),
        "From B.\n"
    );
    assert_eq!(
        a.notes_get(&id, None).await.unwrap(),
        "PRIVATE: call the ambassador"
    );
}

#[tokio::test]
async fn the_built_in_example_is_the_fixture_and_opens_as_a_new_meeting() {
    let fixture = std::fs::read_to_string(crate::support::EXAMPLE).unwrap();
    assert_eq!(rapporteur_app::EXAMPLE_RECORD, fixture);
    let (_dir, app) = app().await;
    let id = app.open_example().await.unwrap();
    let record = app.record(&id).await.unwrap();
    assert_eq!(record.meeting.title, "Network Briefing to Member States");
    assert_eq!(app.list_meetings().await.unwrap().len(), 1);
}

#[tokio::test]
async fn registry_search_finds_short_forms_and_shows_the_official_name() {
    let (_dir, app) = app().await;
    let names = |q: &str, lang: Language| -> Vec<String> {
        app.registry_search(q, lang, 3)
            .into_iter()
            .map(|s| format!("{} {}", s.code, s.name))
            .collect()
    };
    assert_eq!(
        names("UK", Language::En),
        [
            "GBR United Kingdom of Great Britain and Northern Ireland",
            "UKR Ukraine"
        ]
    );
    assert_eq!(names("US", Language::En)[0], "USA United States of America");
    assert_eq!(
        names("Holland", Language::Fr)[0],
        "NLD Pays-Bas (Royaume des)"
    );
    assert_eq!(names("Россия", Language::Ru)[0], "RUS Российская Федерация");
    assert_eq!(names("朝鲜", Language::Zh)[0], "PRK 朝鲜民主主义人民共和国");
}

#[tokio::test]
async fn the_preview_pages_through_the_whole_pdf() {
    let (_dir, app) = app().await;
    let id = example(&app).await;
    let long: String = (1..=120)
        .map(|n| {
            format!(
                "Paragraph {n} of a long summary, long enough to fill several pages of the PDF.\n\n"
            )
        })
        .collect();
    app.doc_set(&id, DocumentKind::Summary, 0, &long)
        .await
        .unwrap();
    let o = options(Format::Pdf);

    let first = app.preview(&id, &o, 1).await.unwrap();
    assert!(first.pages >= 3, "{} pages", first.pages);
    assert_eq!(first.page, 1);
    let second = app.preview(&id, &o, 2).await.unwrap();
    assert_eq!((second.page, second.pages), (2, first.pages));
    assert!(second.svg.contains("<svg"));
    assert_ne!(second.svg, first.svg);

    // Past the end (the document got shorter since the page was chosen): the last page, and it says so.
    let last = app.preview(&id, &o, first.pages).await.unwrap();
    let beyond = app.preview(&id, &o, first.pages + 5).await.unwrap();
    assert_eq!(beyond, last);
    assert_eq!(beyond.page, first.pages);
    // Page 0 is read as the first page.
    assert_eq!(app.preview(&id, &o, 0).await.unwrap(), first);
}
