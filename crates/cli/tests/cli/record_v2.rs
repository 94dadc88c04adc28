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

/// The texts of the action items `actions --json` lists with `filters`.
fn tracked(cli: &Cli, filters: &[&str]) -> Vec<String> {
    let args: Vec<&str> = ["actions", "--json"]
        .iter()
        .chain(filters)
        .copied()
        .collect();
    let rows: serde_json::Value = serde_json::from_str(&cli.ok(&args)).unwrap();
    let rows = rows.as_array().unwrap();
    rows.iter()
        .map(|r| r["item"]["text"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_tracker_filters_by_agenda_item_and_session_and_search_finds_the_g77() {
    let cli = Cli::new();
    let id = cli.import(std::path::Path::new(PLENARY));
    cli.import(std::path::Path::new(EXAMPLE));
    let plenary = parse_record("plenary", &std::fs::read(PLENARY).unwrap()).unwrap();
    let texts = |item: Option<&str>| -> Vec<String> {
        let mut t: Vec<String> = plenary
            .action_items
            .iter()
            .filter(|a| item.is_none() || a.agenda_item.as_deref() == item)
            .map(|a| a.text.clone())
            .collect();
        t.sort();
        t
    };
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    assert!(tracked(&cli, &[]).len() > plenary.action_items.len());
    let session = ["--session", "First part of the 2020 session"];
    assert_eq!(sorted(tracked(&cli, &session)), texts(None));
    assert_eq!(
        sorted(tracked(&cli, &["--agenda-item", "3"])),
        texts(Some("3"))
    );
    let both = [session.as_slice(), &["--agenda-item", "1"]].concat();
    assert_eq!(sorted(tracked(&cli, &both)), texts(Some("1")));
    assert!(tracked(&cli, &["--session", "2019 session"]).is_empty());

    // Every intervention made on behalf of the Group of 77, by its short name: Ecuador's, in the plenary.
    let hits: serde_json::Value =
        serde_json::from_str(&cli.ok(&["search", "G77", "--json"])).unwrap();
    let spoken: Vec<&serde_json::Value> = hits
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["kind"] == "intervention")
        .collect();
    let show: serde_json::Value = serde_json::from_str(&cli.ok(&["show", &id, "--json"])).unwrap();
    let ecuador = &show["interventions"][0];
    assert_eq!(ecuador["on_behalf_of"]["group"], "g77-china");
    assert_eq!(spoken.len(), 1, "{hits}");
    assert_eq!(spoken[0]["meeting_id"], id.as_str());
    assert_eq!(spoken[0]["item_id"], ecuador["id"]);
}
