//! Shared fixtures and helpers: the example meeting, external tools, output folders.

use std::path::{Path, PathBuf};
use std::process::Command;

use rapporteur_core::{Document, DocumentKind, MeetingRecord, parse_record};
use rapporteur_export::{ExportRequest, Format, Letterhead, export};

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// The example summary as Markdown: the text of the circulated document after its title and date lines.
pub fn example_summary() -> String {
    let txt = std::fs::read_to_string(fixtures().join("network-briefing-2019-12-12.txt")).unwrap();
    let start = txt
        .find("The Coordinator of the United Nations")
        .expect("fixture text");
    txt[start..].to_owned()
}

/// The example meeting, with the summary document added.
pub fn example() -> MeetingRecord {
    let json = std::fs::read(fixtures().join("network-briefing-2019-12-12.json")).unwrap();
    let mut record = parse_record("network-briefing-2019-12-12.json", &json).unwrap();
    with_summary(&mut record, &example_summary());
    record
}

pub fn with_summary(record: &mut MeetingRecord, body: &str) {
    record.documents.retain(|d| d.kind != DocumentKind::Summary);
    record.documents.insert(
        0,
        Document {
            id: None,
            kind: DocumentKind::Summary,
            title: None,
            body: body.to_owned(),
            speaker: None,
            delivered_on: None,
        },
    );
}

pub fn record_from_json(json: &str) -> MeetingRecord {
    parse_record("test.json", json.as_bytes()).unwrap()
}

pub fn request(format: Format) -> ExportRequest {
    ExportRequest {
        format,
        ..ExportRequest::default()
    }
}

/// `format` with the annex and a letterhead of "United Nations" with `logo`.
pub fn request_with_logo(format: Format, logo: &[u8]) -> ExportRequest {
    ExportRequest {
        format,
        annex: true,
        letterhead: Letterhead {
            organisation: "United Nations".into(),
            unit: None,
            logo: Some(logo.to_vec()),
        },
        ..ExportRequest::default()
    }
}

pub fn export_ok(record: &MeetingRecord, req: &ExportRequest) -> Vec<u8> {
    export(record, req).unwrap_or_else(|e| panic!("export failed: {e}"))
}

/// Run an external program; panic (fail the test) if it is missing or fails.
pub fn tool(program: &str, args: &[&str]) -> String {
    let out = Command::new(program).args(args).output().unwrap_or_else(|e| {
        panic!("{program} is required by this test but could not run ({e}); install it (see crates/export/README.md)")
    });
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Like [`tool`], for a program whose output is binary.
pub fn tool_bytes(program: &str, args: &[&str]) -> Vec<u8> {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} is required by this test but could not run ({e})"));
    assert!(out.status.success(), "{program} {args:?} failed");
    out.stdout
}

/// A fresh scratch directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("export-tests")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Where rendered pages go for a person to look at: `<target>/export-png/`.
pub fn png_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("export-png");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Renders every page of `pdf` at 70 dpi to `<png_dir>/<name>-N.png`, for a person to look at.
pub fn render_pngs(pdf: &Path, name: &str) {
    let png = png_dir().join(name);
    tool(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "70",
            pdf.to_str().unwrap(),
            png.to_str().unwrap(),
        ],
    );
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// `pdftotext -layout`-free plain extraction, in reading order.
pub fn pdf_text(pdf: &Path) -> String {
    tool("pdftotext", &[pdf.to_str().unwrap(), "-"])
}

pub fn page_count(pdf: &Path) -> usize {
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .expect("pdfinfo prints Pages")
        .trim()
        .parse()
        .unwrap()
}

/// (font name, embedded?) for every font `pdffonts` lists.
pub fn fonts(pdf: &Path) -> Vec<(String, bool)> {
    let listing = tool("pdffonts", &[pdf.to_str().unwrap()]);
    listing
        .lines()
        .skip_while(|l| !l.starts_with("---"))
        .skip(1)
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            // name … emb sub uni object-number generation
            (cols[0].to_owned(), cols[cols.len() - 5] == "yes")
        })
        .collect()
}

/// Whitespace-separated words, so line breaks and page furniture do not matter.
pub fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_owned).collect()
}

/// Assert that `expected` appears in `actual` in order (other words may come between, e.g. page footers).
pub fn assert_in_order(expected: &[String], actual: &[String]) {
    let mut it = actual.iter();
    for (i, w) in expected.iter().enumerate() {
        assert!(
            it.any(|a| a == w),
            "word {i} {w:?} missing or out of order; expected context {:?}",
            &expected[i.saturating_sub(5)..(i + 5).min(expected.len())]
        );
    }
}

/// Drop the directional marks pdftotext adds around runs of mixed-direction text (LRE, RLE, PDF, …).
pub fn without_bidi_marks(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

/// A word as `pdftotext -bbox` places it: page (from 1), page width and height, box, text. Points, y down.
#[derive(Debug, Clone)]
pub struct Word {
    pub page: usize,
    pub page_size: (f64, f64),
    pub x_min: f64,
    pub y_min: f64,
    pub x_max: f64,
    pub text: String,
}

pub fn bbox_words(pdf: &Path) -> Vec<Word> {
    let html = tool("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let attr = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[start..].split('"').next().unwrap().parse().unwrap()
    };
    let mut words = Vec::new();
    let (mut page, mut size) = (0, (0.0, 0.0));
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            page += 1;
            size = (attr(line, "width"), attr(line, "height"));
        } else if line.starts_with("<word ") {
            let text = line.split('>').nth(1).unwrap().split('<').next().unwrap();
            words.push(Word {
                page,
                page_size: size,
                x_min: attr(line, "xMin"),
                y_min: attr(line, "yMin"),
                x_max: attr(line, "xMax"),
                text: text
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\""),
            });
        }
    }
    words
}
