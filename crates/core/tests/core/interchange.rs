use rapporteur_core::{CoreError, parse_record, to_json};

const EXAMPLE: &str = include_str!("../../../../tests/fixtures/network-briefing-2019-12-12.json");

#[test]
fn example_parses_and_round_trips() {
    let r = parse_record("example.json", EXAMPLE.as_bytes()).unwrap();
    assert_eq!(r.interventions.0.len(), 10);
    assert_eq!(r.action_items.len(), 7);
    let again = parse_record("again.json", to_json(&r).as_bytes()).unwrap();
    assert_eq!(r, again);
}

fn err(json: &str) -> String {
    match parse_record("bad.json", json.as_bytes()) {
        Err(e @ CoreError::Invalid { .. }) => e.to_string(),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn errors_name_file_field_line_and_column() {
    let bad = EXAMPLE.replace("\"date\": \"2019-12-12\"", "\"date\": \"2019-02-30\"");
    let e = err(&bad);
    assert!(e.starts_with("bad.json: meeting.date: "), "{e}");
    assert!(e.contains("line 7 column"), "{e}");

    let e = err(&EXAMPLE.replace("\"venue\": null", "\"venue\": null, \"room\": 3"));
    assert!(e.contains("meeting.room") || e.contains("unknown field `room`"), "{e}");

    let e = err(&EXAMPLE.replace("\"ECU\"", "\"XYZ\""));
    assert!(e.contains("interventions[0].speaker.delegation") && e.contains("XYZ"), "{e}");

    let e = err(&EXAMPLE.replace("\"order\": 2,", "\"order\": 1,"));
    assert!(e.contains("duplicate `order` 1"), "{e}");

    let e = err(&EXAMPLE.replace("\"end_date\": null", "\"end_date\": \"2019-12-11\""));
    assert!(e.contains("before field `date`"), "{e}");

    let e = err(&EXAMPLE.replace("\"title\": \"Network Briefing to Member States\",", ""));
    assert!(e.contains("missing field `title`"), "{e}");

    let e = err("{ \"format\": ");
    assert!(e.starts_with("bad.json: "), "{e}");
}
