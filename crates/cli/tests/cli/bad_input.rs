use crate::support::{Cli, EXAMPLE, stderr};

/// Import `json` as `name`; insist on exit 1, one line on stderr, and nothing imported.
pub(crate) fn refused(cli: &Cli, name: &str, json: &str) -> String {
    let file = cli.dir.path().join(name);
    std::fs::write(&file, json).unwrap();
    let out = cli.run(&["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(name), "error must name the file: {err}");
    assert_eq!(
        cli.ok(&["list", "--json"]).trim(),
        "[]",
        "nothing may be imported"
    );
    err
}

fn example() -> String {
    std::fs::read_to_string(EXAMPLE).unwrap()
}

#[test]
fn invalid_json_names_line_and_column() {
    let cli = Cli::new();
    let err = refused(
        &cli,
        "broken.json",
        "{\n  \"format\": \"rapporteur/meeting-record@1\",\n  oops\n}",
    );
    assert!(err.contains("line 3 column 3"), "{err}");
}

#[test]
fn unknown_and_missing_fields_are_named() {
    let cli = Cli::new();
    let err = refused(
        &cli,
        "unknown.json",
        &example().replace("\"venue\": null,", "\"venue\": null, \"room\": \"XIX\","),
    );
    assert!(
        err.contains("unknown field `room`") && err.contains("meeting"),
        "{err}"
    );
    assert!(err.contains("line 9 column"), "{err}");

    let err = refused(
        &cli,
        "missing.json",
        &example().replace("\"kind\": \"briefing\",", ""),
    );
    assert!(err.contains("missing field `kind`"), "{err}");
}

#[test]
fn unknown_iso_code_is_named() {
    let cli = Cli::new();
    let err = refused(&cli, "code.json", &example().replace("\"MAR\"", "\"MRX\""));
    assert!(err.contains("interventions[4].speaker.delegation"), "{err}");
    assert!(err.contains("\"MRX\""), "{err}");
}

#[test]
fn impossible_and_reversed_dates_are_refused() {
    let cli = Cli::new();
    let err = refused(
        &cli,
        "feb30.json",
        &example().replace("\"date\": \"2019-12-12\"", "\"date\": \"2019-02-30\""),
    );
    assert!(
        err.contains("meeting.date") && err.contains("line 7"),
        "{err}"
    );

    let err = refused(
        &cli,
        "reversed.json",
        &example().replace("\"end_date\": null", "\"end_date\": \"2019-12-01\""),
    );
    assert!(err.contains("end_date") && err.contains("before"), "{err}");
}

#[test]
fn duplicate_speaking_order_is_refused() {
    let cli = Cli::new();
    let err = refused(
        &cli,
        "dup.json",
        &example().replace("\"order\": 7,", "\"order\": 3,"),
    );
    assert!(
        err.contains("interventions") && err.contains("duplicate `order` 3"),
        "{err}"
    );
}

#[test]
fn oversized_file_is_refused_before_parsing() {
    let cli = Cli::new();
    let file = cli.dir.path().join("huge.json");
    // Sparse: 51 MB on paper, not on disk. Its content is not JSON, so only a size check can refuse it cleanly.
    let f = std::fs::File::create(&file).unwrap();
    f.set_len(51 * 1024 * 1024).unwrap();
    let out = cli.run(&["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("huge.json") && err.contains("limit"), "{err}");
}

#[test]
fn usage_errors_exit_2_and_missing_things_exit_1() {
    let cli = Cli::new();
    assert_eq!(cli.run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(cli.run(&["show"]).status.code(), Some(2));
    assert_eq!(
        cli.run(&["export", "x", "--format", "tiff", "--out", "y"])
            .status
            .code(),
        Some(2)
    );
    let out = cli.run(&["show", "no-such-meeting"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no-such-meeting"), "{}", stderr(&out));
    let out = cli.run(&["import", "/nonexistent/record.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/nonexistent/record.json"));
}

#[test]
fn several_records_import_in_order_and_a_bad_one_stops_the_rest_by_name() {
    let cli = Cli::new();
    let good = cli.dir.path().join("good.json");
    std::fs::write(&good, example()).unwrap();
    let bad = cli.dir.path().join("bad.json");
    std::fs::write(&bad, "{").unwrap();
    let ids = cli.ok(&["import", good.to_str().unwrap(), good.to_str().unwrap()]);
    assert_eq!(ids.lines().count(), 2, "{ids}");
    let paths = [&good, &bad, &good].map(|p| p.to_str().unwrap());
    let out = cli.run(&["import", paths[0], paths[1], paths[2]]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("bad.json"), "{err}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    let list = cli.ok(&["list"]);
    assert_eq!(
        list.lines().count(),
        3,
        "the file before the bad one stays, none after: {list}"
    );
}
