//! Errors in the reader's language: every error of the lower crates reaches the faces with the sentence the
//! window shows for it, and the values that sentence names are exactly the ones the English catalogue uses
//! (`ui/src/locales/en.ftl`; the UI's own tests hold the other five languages to English's variables).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rapporteur_app::{AppError, MessageId};
use rapporteur_core::CoreError;
use rapporteur_crypt::CryptError;
use rapporteur_export::ExportError;
use rapporteur_store::StoreError;
use rapporteur_sync::SyncError;

use crate::support::app;

/// The variables `error_<id>` uses in the English catalogue; panics when the catalogue lacks the message.
fn catalogue_variables(id: MessageId) -> BTreeSet<String> {
    let wire = serde_json::to_value(id).unwrap();
    let key = format!("error_{}", wire.as_str().unwrap());
    let ftl = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/locales/en.ftl");
    let text = std::fs::read_to_string(&ftl).unwrap();
    let start = text
        .lines()
        .position(|l| l.starts_with(&format!("{key} =")))
        .unwrap_or_else(|| panic!("{key} is not in {}", ftl.display()));
    // A message runs on while its lines are indented.
    let body: Vec<&str> = std::iter::once(text.lines().nth(start).unwrap())
        .chain(
            text.lines()
                .skip(start + 1)
                .take_while(|l| l.starts_with(' ')),
        )
        .collect();
    body.join("\n")
        .split('$')
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

fn assert_sentence(e: &AppError) {
    let local = e
        .local
        .as_ref()
        .unwrap_or_else(|| panic!("no sentence for {:?}: {}", e.code, e.message));
    let sent: BTreeSet<String> = local.args.keys().cloned().collect();
    assert_eq!(
        sent,
        catalogue_variables(local.id),
        "{:?}: the values sent for {}",
        local.id,
        e.message
    );
}

fn io(kind: std::io::ErrorKind) -> std::io::Error {
    std::io::Error::new(kind, "denied")
}

#[test]
fn every_error_of_the_lower_crates_carries_its_sentence_and_its_values() {
    let core = [
        CoreError::Invalid {
            file: "m.json".into(),
            path: "meeting.date".into(),
            message: "not a date".into(),
            line: 3,
            column: 7,
        },
        CoreError::Invalid {
            file: "m.json".into(),
            path: ".".into(),
            message: "empty".into(),
            line: 0,
            column: 0,
        },
        CoreError::TooLarge {
            file: "m.json".into(),
            size: 9,
            limit: 8,
        },
        CoreError::Rule("bad code".into()),
        CoreError::Template("no such block".into()),
        CoreError::Io {
            path: "t.md".into(),
            message: "gone".into(),
        },
    ];
    let store = [
        StoreError::NotFound {
            kind: "meeting",
            id: "m1".into(),
            meeting: None,
        },
        StoreError::NotFound {
            kind: "statement",
            id: "2".into(),
            meeting: Some("m1".into()),
        },
        StoreError::Invalid {
            meeting: "m1".into(),
            field: "title".into(),
            message: "empty".into(),
        },
        StoreError::Corrupt {
            meeting: "m1".into(),
            field: "summary".into(),
            message: "bad".into(),
        },
        StoreError::Crdt {
            meeting: "m1".into(),
            what: "import",
            message: "bad".into(),
        },
        StoreError::BadVersion {
            meeting: "m1".into(),
            version: "v9".into(),
            message: "no".into(),
        },
        StoreError::Setting {
            key: "theme".into(),
            source: serde_json::from_str::<u8>("x").unwrap_err(),
        },
        StoreError::Io {
            path: "a.pdf".into(),
            source: io(std::io::ErrorKind::PermissionDenied),
        },
        StoreError::TooLarge {
            name: "a.pdf".into(),
            size: 9,
            limit: 8,
        },
        StoreError::BlobUnavailable {
            name: "a.pdf".into(),
            damaged: false,
        },
        StoreError::BlobUnavailable {
            name: "a.pdf".into(),
            damaged: true,
        },
    ];
    let sync = [
        SyncError::FolderUnavailable {
            path: PathBuf::from("/shared"),
            reason: "gone".into(),
        },
        SyncError::LocationUnavailable {
            location: "https://dav.example.org/team".into(),
            reason: "401".into(),
        },
        SyncError::Team {
            location: "https://dav.example.org/team".into(),
            reason: "is encrypted".into(),
        },
        SyncError::Locked {
            path: PathBuf::from("/data/sync.lock"),
        },
        SyncError::Io {
            path: PathBuf::from("/shared/x"),
            source: io(std::io::ErrorKind::Other),
        },
        SyncError::Invalid("bad".into()),
        SyncError::store(io(std::io::ErrorKind::Other)),
    ];
    let crypt = [
        CryptError::KeyFile {
            origin: "team.key".into(),
            reason: "short".into(),
        },
        CryptError::WrongPassphrase {
            origin: "team.key".into(),
        },
        CryptError::WeakPassphrase { min: 12 },
        CryptError::Unreadable,
    ];
    let export = [
        ExportError::TooLarge { size: 9, limit: 8 },
        ExportError::BadImage("not a PNG".into()),
        ExportError::NoSuchDocument("statement 3".into()),
        ExportError::Masthead("needs a symbol"),
        ExportError::UnknownFormat("odt".into()),
        ExportError::Typeset("font".into()),
        ExportError::Encode {
            format: "DOCX",
            message: "zip".into(),
        },
        ExportError::NotReplaceable {
            path: PathBuf::from("/out"),
            reason: "it is a folder",
        },
        ExportError::Review {
            origin: "r.docx".into(),
            reason: "no body".into(),
        },
        ExportError::Exists {
            path: PathBuf::from("/out.pdf"),
        },
        ExportError::Write {
            path: PathBuf::from("/out.pdf"),
            source: io(std::io::ErrorKind::PermissionDenied),
        },
    ];
    let all = core
        .into_iter()
        .map(AppError::from)
        .chain(store.into_iter().map(AppError::from))
        .chain(sync.into_iter().map(AppError::from))
        .chain(
            crypt
                .into_iter()
                .map(|e| AppError::from(SyncError::Crypt(e))),
        )
        .chain(export.into_iter().map(AppError::from));
    for e in all {
        assert_sentence(&e);
    }
}

#[tokio::test]
async fn a_refused_sync_address_crosses_with_its_sentence_and_no_password() {
    let (_dir, app) = app().await;
    let e = app
        .set_sync_url("https://ann:hunter2@dav.example.org/team")
        .await
        .unwrap_err();
    assert_sentence(&e);
    let wire = serde_json::to_value(&e).unwrap();
    assert_eq!(wire["local"]["id"], "sync_url_refused", "{wire}");
    assert!(!wire.to_string().contains("hunter2"), "{wire}");

    let e = app.set_sync_url("not a url").await.unwrap_err();
    assert_sentence(&e);
    assert_eq!(e.local.unwrap().id, MessageId::SyncUrlNotUrl);
}

#[tokio::test]
async fn a_bad_record_file_names_its_line_in_the_sentence() {
    let (dir, app) = app().await;
    let file = dir.path().join("bad.json");
    std::fs::write(
        &file,
        "{\n  \"format\": \"rapporteur/meeting-record@2\",\n  \"meeting\": 3\n}",
    )
    .unwrap();
    let e = app.import_file(&file).await.unwrap_err();
    assert_sentence(&e);
    let local = e.local.unwrap();
    assert_eq!(local.id, MessageId::RecordInvalidAt, "{}", e.message);
    assert_eq!(local.args["line"], "3", "{:?}", local.args);
}

#[tokio::test]
async fn the_facades_own_refusals_carry_their_sentences() {
    let (dir, app) = app().await;
    let e = app.import_file(dir.path()).await.unwrap_err();
    assert_sentence(&e);
    assert_eq!(e.local.unwrap().id, MessageId::FileIsFolder);

    let e = app.sync_now().await.unwrap_err();
    assert_sentence(&e);
    assert_eq!(e.local.unwrap().id, MessageId::SyncLocationMissing);

    let mut settings = app.settings().await.unwrap();
    settings.sync_interval_secs = 1;
    let e = app.set_settings(&settings).await.unwrap_err();
    assert_sentence(&e);
    assert_eq!(e.local.unwrap().id, MessageId::SyncIntervalShort);

    let e = app.read_document("latin1.md", &b"caf\xe9"[..]).unwrap_err();
    assert_sentence(&e);
    let local = e.local.unwrap();
    assert_eq!(local.id, MessageId::FileNotUtf8);
    assert_eq!(local.args["byte"], "3");
}
