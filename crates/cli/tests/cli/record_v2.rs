//! Format @2 through the command line: the CD plenary and the @1 example both come back from `show --json`
//! as @2 with their meaning whole, `draft` writes the new sentence forms, and a bad new member is refused
//! with one line naming the file, the field, the line and the column.

use rapporteur_app::parse_record;

use crate::bad_input::refused;
use crate::support::{Cli, EXAMPLE, without_ids};

const PLENARY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/cd-plenary-2020-02-25.json"
);

#[test]
fn the_plenary_round_trips_through_import_and_show() {
    let cli = Cli::new();
    let id = cli.import(std::path::Path::new(PLENARY));
    let shown = cli.ok(&["show", &id, "--json"]);
    assert!(shown.contains("\"format\": \"rapporteur/meeting-record@2\""));
    let original = parse_record("plenary", &std::fs::read(PLENARY).unwrap()).unwrap();
    let back = parse_record("show output", shown.as_bytes()).unwrap();
    // The id an answer refers to is kept; the store gives the others theirs.
    assert_eq!(back.interventions.0[1].id.as_deref(), Some("aut-eu"));
    assert_eq!(without_ids(&back), without_ids(&original));

    let es = cli.ok(&["draft", &id, "--lang", "es"]);
    assert!(
        es.contains("Ecuador (en nombre del Grupo de los 77 y China)"),
        "{es}"
    );
    assert!(
        es.contains("(también en nombre de Argentina y Brasil)"),
        "{es}"
    );
    assert!(es.contains("(a más tardar en abril de 2020)"), "{es}");
}

#[test]
fn an_at_1_file_comes_back_as_at_2_with_nothing_lost() {
    let cli = Cli::new();
    let id = cli.import(std::path::Path::new(EXAMPLE));
    let shown = cli.ok(&["show", &id, "--json"]);
    assert!(shown.contains("rapporteur/meeting-record@2"));
    let original = parse_record("example", &std::fs::read(EXAMPLE).unwrap()).unwrap();
    assert_eq!(
        without_ids(&parse_record("show output", shown.as_bytes()).unwrap()),
        original
    );
}

#[test]
fn a_reference_to_an_item_not_on_the_agenda_is_refused_in_one_line() {
    let cli = Cli::new();
    let bad = std::fs::read_to_string(PLENARY).unwrap().replacen(
        "\"agenda_item\": \"3\"",
        "\"agenda_item\": \"9\"",
        1,
    );
    let err = refused(&cli, "dangling.json", &bad);
    assert!(
        err.contains(
            "dangling.json: interventions[3].agenda_item: agenda item \"9\" is not on the meeting's \
             agenda at line 105 column 22"
        ),
        "{err}"
    );
    let err = refused(
        &cli,
        "group.json",
        &std::fs::read_to_string(PLENARY)
            .unwrap()
            .replace("\"european-union\"", "\"eu\""),
    );
    assert!(
        err.contains("group.json: interventions[1].on_behalf_of.group: unknown group code \"eu\""),
        "{err}"
    );
    assert!(err.contains(" at line "), "{err}");
}

#[test]
fn the_plenary_drafts_and_exports_the_rest_of_at_2_from_the_command_line() {
    let cli = Cli::new();
    let id = cli.import(std::path::Path::new(PLENARY));
    let en = cli.ok(&["draft", &id]);
    for sentence in [
        "The Secretary-General of the Conference, Tatiana Valovaya, made opening remarks.",
        "The President responded to the statement by Austria.",
        "Several delegations welcomed the progress made on the programme of work.",
        "It was announced that the high-level segment would open on 24 February 2021.",
        "held on 3 March 2020 at 10 a.m. (Council Chamber)",
        "United States of America (member of the delegation of the United States)",
    ] {
        assert!(en.contains(sentence), "{sentence}: {en}");
    }

    let out = cli.dir.path().join("participants.csv");
    let out_s = out.to_str().unwrap();
    cli.ok(&[
        "export",
        &id,
        "--format",
        "csv",
        "--table",
        "participants",
        "--out",
        out_s,
    ]);
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(
        csv.starts_with("code,delegation,name,function,head\n"),
        "{csv}"
    );
    assert!(
        csv.contains("USA,United States of America,Mr. Robert Wood,Permanent Representative,yes")
    );

    let out = cli.dir.path().join("plenary.docx");
    let out_s = out.to_str().unwrap();
    cli.ok(&[
        "export",
        &id,
        "--format",
        "docx",
        "--masthead",
        "--annex",
        "--out",
        out_s,
    ]);
    assert!(std::fs::metadata(&out).unwrap().len() > 0);
    let md = cli.dir.path().join("plenary.md");
    let md_s = md.to_str().unwrap();
    let refused = cli.run(&["export", &id, "--format", "md", "--masthead", "--out", md_s]);
    assert!(!refused.status.success());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains("the UN masthead is printed in PDF and DOCX only"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(!md.exists(), "nothing written");
}
