//! "My notes" in an export: only when the options ask, read from the store, placed under their speakers.

use rapporteur_app::{ErrorCode, ExportOptions, Format};
use rapporteur_core::DocumentKind;

use crate::support::{app, example};

#[tokio::test]
async fn exports_carry_private_notes_only_when_asked() {
    let (_dir, app) = app().await;
    let id = example(&app).await;
    app.doc_set(&id, DocumentKind::Summary, 0, "Public summary.")
        .await
        .unwrap();
    let germany = app.record(&id).await.unwrap().interventions.0[1]
        .id
        .clone()
        .unwrap();
    app.notes_set(&id, None, "MEETING-NOTE kept private")
        .await
        .unwrap();
    app.notes_set(&id, Some(&germany), "GERMANY-NOTE on funding")
        .await
        .unwrap();

    // The Export view's options as the UI sent them before the flag existed: notes stay out.
    let json =
        r#"{"format":"md","kind":"summary","index":0,"lang":null,"annex":false,"table":null}"#;
    let mut options: ExportOptions = serde_json::from_str(json).unwrap();
    assert!(!options.include_notes);
    let without = String::from_utf8(app.export_bytes(&id, &options).await.unwrap()).unwrap();
    assert!(without.contains("Public summary."), "{without}");
    assert!(
        !without.contains("NOTE") && !without.contains("My notes"),
        "{without}"
    );

    options.include_notes = true;
    let with = String::from_utf8(app.export_bytes(&id, &options).await.unwrap()).unwrap();
    let at = |s: &str| {
        with.find(s)
            .unwrap_or_else(|| panic!("{s:?} missing:\n{with}"))
    };
    assert!(at("Public summary.") < at("## My notes"));
    assert!(at("## My notes") < at("MEETING-NOTE kept private"));
    assert!(at("MEETING-NOTE kept private") < at("### 2. Germany"));
    assert!(at("### 2. Germany") < at("GERMANY-NOTE on funding"));

    // CSV and ICS have no page for notes, nor for the annex: asking is refused, not silently ignored.
    for format in [Format::Csv, Format::Ics] {
        for (notes, annex) in [(true, false), (false, true)] {
            let asked = ExportOptions {
                format,
                include_notes: notes,
                annex,
                ..options.clone()
            };
            let e = app.export_bytes(&id, &asked).await.unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidInput, "{e}");
            assert!(e.message.contains("exports cannot hold"), "{e}");
        }
    }
    let csv = ExportOptions {
        format: Format::Csv,
        include_notes: false,
        ..options.clone()
    };
    let bytes = app.export_bytes(&id, &csv).await.unwrap();
    assert!(!String::from_utf8(bytes).unwrap().contains("NOTE"));
}
