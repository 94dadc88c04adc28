//! Whole-process export for benchmarks and manual checks:
//! `export_pdf RECORD.json SUMMARY.md OUT.(pdf|html|docx|md) [--annex]`.
//! The Markdown becomes the record's summary; the format follows OUT's extension.

use std::path::Path;
use std::process::ExitCode;

use rapporteur_core::{Document, DocumentKind, parse_record};
use rapporteur_export::{ExportRequest, Format, export, write_atomically};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let annex = args.iter().any(|a| a == "--annex");
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let [record, summary, out] = paths[..] else {
        eprintln!("usage: export_pdf RECORD.json SUMMARY.md OUT.(pdf|html|docx|md) [--annex]");
        return ExitCode::from(2);
    };
    match run(record, summary, out, annex) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("export_pdf: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(
    record: &str,
    summary: &str,
    out: &str,
    annex: bool,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut rec = parse_record(record, &std::fs::read(record)?)?;
    rec.documents.retain(|d| d.kind != DocumentKind::Summary);
    rec.documents.insert(
        0,
        Document {
            id: None,
            kind: DocumentKind::Summary,
            title: None,
            body: std::fs::read_to_string(summary)?,
            speaker: None,
            delivered_on: None,
        },
    );
    let ext = Path::new(out)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("pdf");
    let req = ExportRequest {
        format: ext.parse::<Format>()?,
        annex,
        ..ExportRequest::default()
    };
    write_atomically(Path::new(out), &export(&rec, &req)?)?;
    Ok(())
}
