use rapporteur_app::{AppError, ErrorCode};

use crate::support::{EXAMPLE, app};

#[test]
fn app_error_serialises_as_code_and_message() {
    let e = AppError::new(ErrorCode::NotFound, "meeting 42 does not exist");
    let v = serde_json::to_value(&e).unwrap();
    assert_eq!(
        v,
        serde_json::json!({"code": "not_found", "message": "meeting 42 does not exist"})
    );
    let back: AppError = serde_json::from_value(v).unwrap();
    assert_eq!(back, e);
    let all = [
        (ErrorCode::InvalidInput, "invalid_input"),
        (ErrorCode::TooLarge, "too_large"),
        (ErrorCode::Conflict, "conflict"),
        (ErrorCode::Io, "io"),
        (ErrorCode::Database, "database"),
        (ErrorCode::Sync, "sync"),
        (ErrorCode::Export, "export"),
        (ErrorCode::Internal, "internal"),
    ];
    for (code, wire) in all {
        assert_eq!(serde_json::to_value(code).unwrap(), wire);
    }
}

#[tokio::test]
async fn lower_errors_map_to_codes_with_one_line_messages() {
    let (dir, app) = app().await;
    let e = app.record("nope").await.unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
    assert!(e.message.contains("nope"), "{}", e.message);

    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        std::fs::read_to_string(EXAMPLE)
            .unwrap()
            .replace("\"DEU\"", "\"DDR\""),
    )
    .unwrap();
    let e = app.import_file(&bad).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert!(!e.message.contains('\n'));
    assert!(
        e.message.contains("bad.json") && e.message.contains("DDR"),
        "{}",
        e.message
    );

    let e = app
        .import_file(&dir.path().join("missing.json"))
        .await
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Io);
}

#[tokio::test]
async fn a_letterhead_with_a_control_character_is_refused() {
    let (_dir, app) = app().await;
    let change = rapporteur_app::LetterheadChange {
        organisation: Some("Org\u{7}".into()),
        ..Default::default()
    };
    let e = app.change_letterhead(change).await.unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert_eq!(
        e.message,
        "settings: field `letterhead.organisation`: control character U+0007 is not allowed in text (column 4)"
    );
    assert_eq!(app.settings().await.unwrap().letterhead.organisation, "");
}
