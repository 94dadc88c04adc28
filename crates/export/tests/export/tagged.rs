//! The PDF is tagged for accessibility: its structure tree, read back with `qpdf --json`, holds the title and the
//! body's headings in order, lists with their items, tables with header cells, the logo as a figure with its
//! alternative text, and the document language; the reading order (the tree's order) follows the text.

use rapporteur_export::{ExportRequest, Format};
use serde_json::{Map, Value};

use crate::support::*;

/// A small SVG logo (a blue square): embedded as vector graphics, tagged as a figure.
const LOGO: &[u8] = br##"<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><rect width="20" height="20" fill="#1a4f8b"/></svg>"##;

const BODY: &str = "## Outcomes\n\nThe Chair opened the meeting.\n\n\
- first point\n- second point\n\n\
| Delegation | Requests |\n|---|--:|\n| Ecuador | 2 |\n| Germany | 3 |\n\n\
#### Follow-up\n\nThe Secretariat will circulate the draft.\n";

/// One structure element, in reading order: its type (`H1`, `P`, `Table`…), its title and alternative text.
#[derive(Debug)]
struct Element {
    kind: String,
    title: String,
    alt: String,
}

/// The objects of a PDF, as `qpdf --json` gives them, by reference ("12 0 R").
struct Objects(Map<String, Value>);

impl Objects {
    fn read(pdf: &std::path::Path) -> Objects {
        let json: Value = serde_json::from_str(&tool(
            "qpdf",
            &[
                "--json=2",
                "--json-key=qpdf",
                "--json-stream-data=none",
                pdf.to_str().unwrap(),
            ],
        ))
        .expect("qpdf's JSON");
        let objects = json["qpdf"][1].as_object().expect("objects").clone();
        Objects(
            objects
                .into_iter()
                .map(|(k, v)| (k.trim_start_matches("obj:").to_owned(), v["value"].clone()))
                .collect(),
        )
    }

    /// A value, following a reference.
    fn deref<'a>(&'a self, v: &'a Value) -> &'a Value {
        match v.as_str().and_then(|r| self.0.get(r)) {
            Some(target) if v.as_str().is_some_and(|s| s.ends_with(" R")) => target,
            _ => v,
        }
    }

    fn catalog(&self) -> &Value {
        self.0
            .values()
            .find(|v| v["/Type"] == "/Catalog")
            .expect("a catalog")
    }

    /// Every structure element below the root, depth first: the tree's (the reading) order.
    fn structure(&self) -> Vec<Element> {
        let root = self.deref(&self.catalog()["/StructTreeRoot"]);
        assert!(root.is_object(), "the PDF has no structure tree");
        let mut out = Vec::new();
        self.walk(&root["/K"], &mut out);
        out
    }

    fn walk(&self, kids: &Value, out: &mut Vec<Element>) {
        match self.deref(kids) {
            Value::Array(items) => items.iter().for_each(|k| self.walk(k, out)),
            Value::Object(e) if e.contains_key("/S") => {
                out.push(Element {
                    kind: e["/S"]
                        .as_str()
                        .unwrap_or("")
                        .trim_start_matches('/')
                        .to_owned(),
                    title: text(e.get("/T")),
                    alt: text(e.get("/Alt")),
                });
                if let Some(k) = e.get("/K") {
                    self.walk(k, out);
                }
            }
            _ => {}
        }
    }
}

/// A PDF text string from qpdf's JSON ("u:…" for Unicode text).
fn text(v: Option<&Value>) -> String {
    v.and_then(Value::as_str)
        .map(|s| s.strip_prefix("u:").unwrap_or(s).to_owned())
        .unwrap_or_default()
}

fn tagged_pdf(name: &str) -> Objects {
    let mut record = example();
    with_summary(&mut record, BODY);
    let req = request_with_logo(Format::Pdf, LOGO);
    let dir = scratch(name);
    Objects::read(&write(&dir, "tagged.pdf", &export_ok(&record, &req)))
}

fn position(tree: &[Element], what: &str, pred: impl Fn(&Element) -> bool) -> usize {
    tree.iter()
        .position(pred)
        .unwrap_or_else(|| panic!("no {what} in the structure tree: {tree:#?}"))
}

#[test]
fn pdf_structure_tree_has_headings_lists_tables_and_the_logo_in_reading_order() {
    let pdf = tagged_pdf("pdf-tagged");
    let catalog = pdf.catalog();
    assert_eq!(text(catalog.get("/Lang")), "en", "the document language");
    assert_eq!(pdf.deref(&catalog["/MarkInfo"])["/Marked"], true);

    let tree = pdf.structure();
    let logo = position(&tree, "logo figure", |e| e.kind == "Figure");
    assert_eq!(tree[logo].alt, "Logo of United Nations");
    let title = position(&tree, "title heading", |e| e.kind == "H1");
    let outcomes = position(&tree, "Outcomes heading", |e| {
        e.kind == "H2" && e.title == "Outcomes"
    });
    // "####" after "##" is printed one level down: a tagged PDF skips no heading level.
    let follow_up = position(&tree, "Follow-up heading", |e| {
        e.kind == "H3" && e.title == "Follow-up"
    });
    let list = position(&tree, "list", |e| e.kind == "L");
    let table = position(&tree, "table", |e| e.kind == "Table");
    let annex = position(&tree, "Annex heading", |e| {
        e.kind == "H1" && e.title == "Annex"
    });
    assert!(
        logo < title && title < outcomes && outcomes < list && list < table,
        "reading order: {tree:#?}"
    );
    assert!(
        table < follow_up && follow_up < annex,
        "reading order: {tree:#?}"
    );

    let items = tree[list..table].iter().filter(|e| e.kind == "LI").count();
    assert_eq!(items, 2, "two list items: {tree:#?}");
    // The body's table and each annex table have a header row of TH cells before their TD cells.
    let tables: Vec<usize> = (0..tree.len())
        .filter(|&i| tree[i].kind == "Table")
        .collect();
    assert!(
        tables.len() >= 2,
        "the body's table and the annex's: {tree:#?}"
    );
    for (n, &start) in tables.iter().enumerate() {
        let end = tables.get(n + 1).copied().unwrap_or(tree.len());
        let cells: Vec<&str> = tree[start..end]
            .iter()
            .map(|e| e.kind.as_str())
            .filter(|k| *k == "TH" || *k == "TD")
            .collect();
        let first_td = cells.iter().position(|k| *k == "TD").unwrap_or(cells.len());
        assert!(
            first_td >= 2 && cells[..first_td].iter().all(|k| *k == "TH"),
            "table {n} starts with a header row: {cells:?}"
        );
    }
}

#[test]
fn arabic_pdf_declares_its_language() {
    let req = ExportRequest {
        lang: Some(rapporteur_core::Language::Ar),
        ..request(Format::Pdf)
    };
    let dir = scratch("pdf-tagged-ar");
    let pdf = Objects::read(&write(&dir, "ar.pdf", &export_ok(&example(), &req)));
    assert_eq!(text(pdf.catalog().get("/Lang")), "ar");
    assert!(!pdf.structure().is_empty(), "the Arabic PDF is tagged too");
}

/// What a user may type that PDF/UA-1 forbids as such (an empty heading, a heading levels below the one before,
/// a table whose header cells are empty, a heading of symbols only) still exports, tagged.
#[test]
fn pdf_ua_holds_for_awkward_markdown() {
    let cases = [
        "#\n\nText under an empty heading.\n",
        "## \n\n###### Deep\n\nText.\n",
        "| | |\n|---|---|\n| a | b |\n",
        "## ★ ✦\n\n# 1.\n\nText.\n",
        "#### [a link](https://example.org)\n\nText.\n",
    ];
    for body in cases {
        let mut record = example();
        with_summary(&mut record, body);
        let out = rapporteur_export::export(&record, &request(Format::Pdf));
        assert!(
            out.is_ok(),
            "{body:?}: {}",
            out.err().map(|e| e.to_string()).unwrap_or_default()
        );
    }
}
