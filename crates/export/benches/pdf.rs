//! Warm PDF export: the example meeting, and a generated record of about 100 pages (target: under 1 s).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rapporteur_core::{Document, DocumentKind, MeetingRecord, parse_record};
use rapporteur_export::{ExportRequest, Format, export};

fn fixtures(name: &str) -> String {
    format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn with_summary(mut record: MeetingRecord, body: String) -> MeetingRecord {
    record.documents.insert(
        0,
        Document {
            id: None,
            kind: DocumentKind::Summary,
            title: None,
            body,
            speaker: None,
            delivered_on: None,
        },
    );
    record
}

fn example() -> MeetingRecord {
    let json = std::fs::read(fixtures("network-briefing-2019-12-12.json")).unwrap();
    let txt = std::fs::read_to_string(fixtures("network-briefing-2019-12-12.txt")).unwrap();
    let body = txt[txt.find("The Coordinator").unwrap()..].to_owned();
    with_summary(parse_record("example", &json).unwrap(), body)
}

/// About 100 A4 pages: headings, long paragraphs, lists, a table per section, and 300 speakers in the annex.
pub fn hundred_pages() -> MeetingRecord {
    let mut body = String::new();
    let sentence = "The Coordinator acknowledged the requests brought forward to the Network and committed to \
addressing them, including periodic updates on the regional review process and national implementation. ";
    for s in 1..=90 {
        body.push_str(&format!("## Agenda item {s}\n\n"));
        for _ in 0..4 {
            body.push_str(&sentence.repeat(5));
            body.push_str("\n\n");
        }
        body.push_str("- Provide more regular briefings to Member States.\n- Develop the website further.\n\n");
        body.push_str("| Delegation | Requests | Commitments |\n|---|--:|--:|\n| Ecuador | 2 | 1 |\n| Germany | 3 | 0 |\n\n");
    }
    let mut record = example();
    let speakers: Vec<String> = (1..=300)
        .map(|i| format!(r#"{{"order":{i},"speaker":{{"name":"Speaker number {i}","category":"other"}},"time":"10:00"}}"#))
        .collect();
    let json = format!(
        r#"{{"format":"rapporteur/meeting-record@1","meeting":{{"title":"Long meeting","kind":"plenary","date":"2019-12-12","language":"en"}},"interventions":[{}]}}"#,
        speakers.join(",")
    );
    record.interventions = parse_record("generated", json.as_bytes())
        .unwrap()
        .interventions;
    record.documents.retain(|d| d.kind != DocumentKind::Summary);
    with_summary(record, body)
}

fn bench(c: &mut Criterion) {
    let req = ExportRequest {
        format: Format::Pdf,
        annex: true,
        ..ExportRequest::default()
    };
    let example = example();
    let long = hundred_pages();
    // Kept for a look (`pdfinfo` gives its page count).
    let sample = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("hundred-pages.pdf");
    std::fs::write(&sample, export(&long, &req).unwrap()).unwrap();
    eprintln!("generated record written to {}", sample.display());
    c.bench_function("pdf/example", |b| {
        b.iter(|| export(black_box(&example), &req).unwrap())
    });
    let mut g = c.benchmark_group("pdf/100-pages");
    g.sample_size(10);
    g.bench_function("generated", |b| {
        b.iter(|| export(black_box(&long), &req).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
