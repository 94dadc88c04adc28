//! Drafting, export and sync through the binary: the CLI forms, exactly as users script them.

use std::path::Path;

use crate::support::{Cli, EXAMPLE, stderr};

#[test]
fn draft_prints_the_summary_in_the_requested_language() {
    let cli = Cli::new();
    let id = cli.import(Path::new(EXAMPLE));
    let en = cli.ok(&["draft", &id]);
    assert!(en.contains("12 December 2019") && en.contains("UK"), "{en}");
    let es = cli.ok(&["draft", &id, "--lang", "es"]);
    assert!(es.contains("12 de diciembre de 2019"), "{es}");
    let ru = cli.ok(&["draft", &id, "--lang", "ru"]);
    assert!(
        ru.contains("12 декабря 2019 года") && ru.contains("60 государств-членов"),
        "{ru}"
    );
    let zh = cli.ok(&["draft", &id, "--lang", "zh"]);
    assert!(
        zh.contains("2019年12月12日") && zh.contains("60个会员国"),
        "{zh}"
    );
    let ar = cli.ok(&["draft", &id, "--lang", "ar"]);
    assert!(
        ar.contains("12 كانون الأول/ديسمبر 2019") && ar.contains("60 دولة عضوا"),
        "{ar}"
    );
    assert_eq!(
        cli.run(&["draft", &id, "--lang", "xx"]).status.code(),
        Some(2)
    );
}

#[test]
fn export_writes_each_format() {
    let cli = Cli::new();
    let id = cli.import(Path::new(EXAMPLE));
    let draft = cli.ok(&["draft", &id]);
    let out = cli.run_stdin(&["doc", "set", &id, "--kind", "summary"], &draft);
    assert!(out.status.success(), "{}", stderr(&out));
    let dir = cli.dir.path();
    for (format, magic) in [
        ("pdf", &b"%PDF-"[..]),
        ("docx", &b"PK"[..]),
        ("md", &b"#"[..]),
        ("html", &b"<!DOCTYPE html>"[..]),
        ("ics", &b"BEGIN:VCALENDAR"[..]),
    ] {
        let file = dir.join(format!("out.{format}"));
        let mut args = vec![
            "export",
            &id,
            "--format",
            format,
            "--out",
            file.to_str().unwrap(),
        ];
        // An ICS file has no place for the annex (asking for it is refused).
        if format != "ics" {
            args.push("--annex");
        }
        cli.ok(&args);
        let bytes = std::fs::read(&file).unwrap();
        assert!(
            bytes.starts_with(magic),
            "{format}: {:?}",
            &bytes[..16.min(bytes.len())]
        );
    }
    let csv = dir.join("actions.csv");
    cli.ok(&[
        "export",
        &id,
        "--format",
        "csv",
        "--table",
        "actions",
        "--out",
        csv.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("kind,from,to,text,due,status\n"), "{text}");
    assert_eq!(text.lines().count(), 8, "{text}");
    assert_eq!(
        text.lines()
            .filter(|l| l.starts_with("invitation,"))
            .count(),
        3
    );
    assert!(text.contains(",2020-04-02,open"), "{text}");

    let statement = dir.join("statement.md");
    cli.ok(&[
        "export",
        &id,
        "--format",
        "md",
        "--doc",
        "statement",
        "--index",
        "0",
        "--out",
        statement.to_str().unwrap(),
    ]);
    assert!(
        std::fs::read_to_string(&statement)
            .unwrap()
            .contains("Excellencies")
    );

    let missing = dir.join("no/such/dir/out.pdf");
    let out = cli.run(&[
        "export",
        &id,
        "--format",
        "pdf",
        "--out",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no/such/dir"), "{}", stderr(&out));
}

/// Notes are written in the desktop app; here through the same facade, on the CLI's data directory.
fn set_notes(cli: &Cli, id: &str, meeting: &str, on_second_speaker: &str) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let app = rapporteur_app::App::open(&cli.data_dir()).await.unwrap();
        let record = app.record(id).await.unwrap();
        let second = record.interventions.0[1].id.clone().unwrap();
        app.notes_set(id, None, meeting).await.unwrap();
        app.notes_set(id, Some(&second), on_second_speaker)
            .await
            .unwrap();
    });
}

#[test]
fn export_includes_private_notes_only_with_the_notes_flag() {
    let cli = Cli::new();
    let id = cli.import(Path::new(EXAMPLE));
    let out = cli.run_stdin(&["doc", "set", &id, "--kind", "summary"], "Public text.\n");
    assert!(out.status.success(), "{}", stderr(&out));
    set_notes(
        &cli,
        &id,
        "MEETING-NOTE from the CLI test",
        "SPEAKER-NOTE on Germany",
    );

    let file = cli.dir.path().join("out.md");
    let export = |extra: &[&str]| {
        let mut args = vec![
            "export",
            &id,
            "--format",
            "md",
            "--out",
            file.to_str().unwrap(),
            "--force",
        ];
        args.extend_from_slice(extra);
        cli.ok(&args);
        std::fs::read_to_string(&file).unwrap()
    };
    let plain = export(&[]);
    assert!(
        plain.contains("Public text.") && !plain.contains("NOTE"),
        "{plain}"
    );
    let with = export(&["--notes"]);
    let meeting = with.find("MEETING-NOTE from the CLI test");
    let speaker = with.find("### 2. Germany");
    let note = with.find("SPEAKER-NOTE on Germany");
    assert!(
        meeting.is_some() && meeting < speaker && speaker < note,
        "{with}"
    );
    assert!(cli.ok(&["export", "--help"]).contains("--notes"));
}

#[test]
fn sync_carries_a_meeting_between_two_data_directories() {
    let a = Cli::new();
    let b = Cli::new();
    let folder = a.dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let folder = folder.to_str().unwrap();
    let id = a.import(Path::new(EXAMPLE));
    let sent = a.ok(&["sync", "--folder", folder]);
    assert!(sent.starts_with("sent 1 file(s), received 0"), "{sent}");
    let got = b.ok(&["sync", "--folder", folder, "--json"]);
    let report: serde_json::Value = serde_json::from_str(&got).unwrap();
    assert_eq!(report["received"].as_array().unwrap().len(), 1, "{got}");
    assert!(
        b.ok(&["show", &id])
            .contains("Network Briefing to Member States")
    );

    let out = a.run(&["sync", "--folder", "/nonexistent/shared"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("/nonexistent/shared"),
        "{}",
        stderr(&out)
    );

    // A colleague who will never come back can be forgotten, once A has seen them; nobody else can.
    let b_id = b
        .ok(&["replica"])
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    let out = a.run(&["sync", "--folder", folder, "--forget", &b_id]);
    assert_eq!(out.status.code(), Some(1), "A has not seen B yet");
    assert!(stderr(&out).contains(&b_id), "{}", stderr(&out));
    a.ok(&["sync", "--folder", folder]);
    let forgot = a.ok(&["sync", "--folder", folder, "--forget", &b_id]);
    assert!(forgot.starts_with(&format!("forgot {b_id}")), "{forgot}");
    let out = a.run(&["sync", "--folder", folder, "--forget", &b_id]);
    assert_eq!(out.status.code(), Some(1), "already forgotten");
}

#[test]
fn sync_names_skipped_and_ignored_files_and_fails_when_it_cannot_write() {
    let a = Cli::new();
    let b = Cli::new();
    let shared = a.dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    let folder = shared.to_str().unwrap();
    a.import(Path::new(EXAMPLE));
    a.ok(&["sync", "--folder", folder]);
    let replicas = shared.join("rapporteur/v1/replicas");
    let a_dir = std::fs::read_dir(&replicas)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let a_id = a_dir.file_name().unwrap().to_str().unwrap().to_owned();
    std::fs::write(a_dir.join("1.upd"), b"garbage").unwrap();
    std::fs::write(a_dir.join("notes.txt"), b"stray").unwrap();
    let out = b.ok(&["sync", "--folder", folder]);
    assert!(
        out.contains(&format!("skipped replicas/{a_id}/1.upd: ")),
        "{out}"
    );
    assert!(
        out.contains(&format!("ignored replicas/{a_id}/notes.txt")),
        "{out}"
    );

    // B's own folder becomes a file: the write half fails, the command says so in one line and fails.
    let b_id = b
        .ok(&["replica"])
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    let b_dir = replicas.join(&b_id);
    std::fs::remove_dir_all(&b_dir).unwrap();
    std::fs::write(&b_dir, b"in the way").unwrap();
    b.import(Path::new(EXAMPLE));
    let out = b.run(&["sync", "--folder", folder]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("could not write"), "{err}");
    // The read half still ran and named the damaged file.
    assert!(
        String::from_utf8_lossy(&out.stdout).contains(&format!("skipped replicas/{a_id}/1.upd")),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    // The drive unmounted: an empty folder where it was is not used.
    std::fs::remove_file(&b_dir).unwrap();
    std::fs::rename(shared.join("rapporteur"), a.dir.path().join("away")).unwrap();
    let out = b.run(&["sync", "--folder", folder]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("mounted"), "{}", stderr(&out));
    assert_eq!(std::fs::read_dir(&shared).unwrap().count(), 0);
}

/// A 1×1 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
    0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

#[test]
fn the_letterhead_is_set_once_and_printed_by_every_export() {
    let cli = Cli::new();
    let id = cli.import(Path::new(EXAMPLE));
    assert!(cli.ok(&["letterhead"]).contains("logo: none"));
    let dir = tempfile::tempdir().unwrap();
    let logo = dir.path().join("logo.png");
    std::fs::write(&logo, PNG).unwrap();
    let shown = cli.ok(&[
        "letterhead",
        "--organisation",
        "United Nations Network on Migration",
        "--unit",
        "Secretariat",
        "--logo",
        logo.to_str().unwrap(),
    ]);
    assert!(
        shown.contains("organisation: United Nations Network on Migration"),
        "{shown}"
    );
    assert!(
        shown.contains(&format!("logo: {} bytes", PNG.len())),
        "{shown}"
    );

    let html = dir.path().join("out.html");
    cli.run_stdin(&["doc", "set", &id, "--kind", "summary"], "The briefing.\n");
    cli.ok(&[
        "export",
        &id,
        "--format",
        "html",
        "--out",
        html.to_str().unwrap(),
    ]);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("United Nations Network on Migration") && page.contains("Secretariat"));
    assert!(
        page.contains("data:image/png;base64,"),
        "the logo is embedded"
    );

    // Not an image: refused on one line naming the file, and the letterhead stays as it was.
    let fake = dir.path().join("fake.png");
    std::fs::write(&fake, "not an image").unwrap();
    let out = cli.run(&["letterhead", "--logo", fake.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("fake.png"), "{err}");
    assert!(
        cli.ok(&["letterhead"])
            .contains(&format!("logo: {} bytes", PNG.len()))
    );

    let cleared = cli.ok(&["letterhead", "--no-logo", "--unit", ""]);
    assert!(
        cleared.contains("logo: none") && cleared.contains("unit: \n"),
        "{cleared}"
    );
}

#[test]
fn draft_names_a_statements_speaker_once_and_gives_a_free_entry_office_its_article() {
    let cli = Cli::new();
    let mut record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap();
    let statement = &mut record["documents"][0];
    statement["speaker"] = "António Vitorino".into();
    statement["delivered_on"] = "2019-12-12".into();
    let last = record["interventions"]
        .as_array_mut()
        .unwrap()
        .last_mut()
        .unwrap();
    last["speaker"]["category"] = "other".into();
    let file = cli.dir.path().join("record.json");
    std::fs::write(&file, record.to_string()).unwrap();
    let id = cli.import(&file);
    let draft = cli.ok(&["draft", &id]);
    assert!(
        draft.contains(
            "The statement by the Network Coordinator, António Vitorino, delivered on 12 December 2019, is available"
        ),
        "{draft}"
    );
    assert!(
        draft.contains("UK and the Special Rapporteur on the human rights of migrants."),
        "{draft}"
    );
}

#[test]
fn a_summary_exports_in_russian_chinese_and_arabic_with_their_scripts() {
    let cli = Cli::new();
    let id = cli.import(Path::new(EXAMPLE));
    let dir = cli.dir.path();
    for (lang, words) in [
        (
            "ru",
            ["12 декабря 2019 года", "60 государств-членов", "Эквадор"],
        ),
        ("zh", ["2019年12月12日", "60个会员国", "厄瓜多尔"]),
        // pdftotext gives Arabic runs in visual order between embedding marks, so whole words are checked.
        ("ar", ["كانون الأول", "دولة عضوا", "إكوادور"]),
    ] {
        // No summary is written yet, so the export drafts one from the record in the language asked for.
        let pdf = dir.join(format!("summary-{lang}.pdf"));
        cli.ok(&[
            "export",
            &id,
            "--format",
            "pdf",
            "--lang",
            lang,
            "--out",
            pdf.to_str().unwrap(),
        ]);
        let text = std::process::Command::new("pdftotext")
            .args([pdf.to_str().unwrap(), "-"])
            .output()
            .expect("pdftotext (poppler-utils) is installed by scripts/setup.sh");
        let text = String::from_utf8_lossy(&text.stdout);
        for w in words {
            // Line breaks may fall between words; the bidi embedding marks pdftotext adds are dropped.
            let flat = text
                .replace(|c: char| ('\u{202a}'..='\u{202e}').contains(&c), "")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert!(flat.contains(w), "{lang}: {w:?} not in\n{text}");
        }
        let md = dir.join(format!("summary-{lang}.md"));
        cli.ok(&[
            "export",
            &id,
            "--format",
            "md",
            "--lang",
            lang,
            "--out",
            md.to_str().unwrap(),
        ]);
        let md = std::fs::read_to_string(md).unwrap();
        assert!(md.contains(words[1]), "{lang}: {md}");
        if lang == "ar" {
            assert!(md.contains("60 دولة عضوا"), "{md}");
        }
    }
}
