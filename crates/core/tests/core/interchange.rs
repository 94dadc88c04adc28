use proptest::prelude::*;
use rapporteur_core::interchange::check_size;
use rapporteur_core::{CoreError, MAX_RECORD_BYTES, parse_record, to_json};

use crate::EXAMPLE;
use rapporteur_core::strategies;

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

/// The 1-based line of the first occurrence of `needle` in `json`: where the parser should stop.
fn line_of(json: &str, needle: &str) -> usize {
    let at = json
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in input"));
    json[..at].matches('\n').count() + 1
}

/// One line: `bad.json: <path>: <message> at line L column C`, where L is the line holding `at`.
pub(crate) fn assert_error(json: &str, path: &str, fragment: &str, at: &str) {
    let e = err(json);
    assert!(!e.contains('\n'), "one line: {e}");
    assert!(
        e.starts_with(&format!("bad.json: {path}: ")),
        "path {path}: {e}"
    );
    assert!(e.contains(fragment), "{fragment:?} in {e}");
    let at = format!(" at line {} column ", line_of(json, at));
    let col = e
        .split(&at)
        .nth(1)
        .unwrap_or_else(|| panic!("{at:?} in {e}"));
    assert!(col.parse::<usize>().is_ok_and(|c| c > 0), "column in {e}");
}

#[test]
fn every_bad_input_class_names_file_field_line_and_column() {
    let end_of_meeting = "  },\n  \"attendance\"";
    // Invalid JSON.
    assert_error("{ \"format\": ", "format", "EOF", "{");
    let bad = EXAMPLE.replacen("\"kind\": \"briefing\",", "\"kind\": \"briefing\",,", 1);
    assert_error(&bad, "meeting.?", "key must be a string", ",,");
    // Unknown field, at the root and nested.
    assert_error(
        &EXAMPLE.replacen('{', "{\n  \"extra\": 1,", 1),
        "extra",
        "unknown field `extra`",
        "\"extra\"",
    );
    let bad = EXAMPLE.replace("\"venue\": null", "\"venue\": null,\n    \"room\": 3");
    assert_error(&bad, "meeting.room", "unknown field `room`", "\"room\"");
    let bad = EXAMPLE.replace(
        "\"delegation\": \"HTI\"",
        "\"delegation\": \"HTI\", \"flag\": true",
    );
    assert_error(
        &bad,
        "interventions[2].speaker.flag",
        "unknown field `flag`",
        "\"flag\"",
    );
    // Missing field: reported where the object ends.
    let bad = EXAMPLE.replace("\"title\": \"Network Briefing to Member States\",", "");
    assert_error(&bad, "meeting", "missing field `title`", end_of_meeting);
    // Unknown ISO code.
    assert_error(
        &EXAMPLE.replace("\"ECU\"", "\"XYZ\""),
        "interventions[0].speaker.delegation",
        "\"XYZ\"",
        "XYZ",
    );
    // Impossible date.
    let bad = EXAMPLE.replace("\"date\": \"2019-12-12\"", "\"date\": \"2019-02-30\"");
    assert_error(&bad, "meeting.date", "", "2019-02-30");
    // End date before start: a rule across fields, reported where the meeting ends.
    let bad = EXAMPLE.replace("\"end_date\": null", "\"end_date\": \"2019-12-11\"");
    assert_error(&bad, "meeting", "before field `date`", end_of_meeting);
    // Duplicate intervention order: reported where the parser stands once it has read the duplicate entry.
    let bad = EXAMPLE.replace("\"order\": 2,", "\"order\": 1,");
    assert_error(
        &bad,
        "interventions",
        "duplicate `order` 1 (intervention 1 has it too)",
        "\"order\": 3",
    );
    // Wrong format marker.
    let bad = EXAMPLE.replace("meeting-record@1", "meeting-record@3");
    assert_error(
        &bad,
        "format",
        "unsupported format \"rapporteur/meeting-record@3\"",
        "@3",
    );
    // Wrong enum value.
    let bad = EXAMPLE.replace("\"kind\": \"briefing\"", "\"kind\": \"party\"");
    assert_error(&bad, "meeting.kind", "unknown variant `party`", "\"party\"");
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), EXAMPLE.as_bytes()].concat();
    let r = parse_record("bom.json", &with_bom).unwrap();
    assert_eq!(r, parse_record("example.json", EXAMPLE.as_bytes()).unwrap());
}

#[test]
fn oversize_files_are_refused_before_parsing() {
    assert!(check_size("big.json", MAX_RECORD_BYTES).is_ok());
    assert!(check_size("small.json", 0).is_ok());
    let e = check_size("big.json", MAX_RECORD_BYTES + 1).unwrap_err();
    assert!(
        matches!(e, CoreError::TooLarge { size, limit, .. } if size == MAX_RECORD_BYTES + 1 && limit == 50 * 1024 * 1024)
    );
    let msg = e.to_string();
    assert!(
        msg.starts_with("big.json: ") && msg.contains("52428801") && !msg.contains('\n'),
        "{msg}"
    );

    let mut huge = EXAMPLE.as_bytes().to_vec();
    huge.resize(usize::try_from(MAX_RECORD_BYTES).unwrap() + 1, b' ');
    assert!(matches!(
        parse_record("huge.json", &huge),
        Err(CoreError::TooLarge { .. })
    ));
}

#[test]
fn order_is_normalised_to_one_through_n() {
    let gappy = EXAMPLE
        .replace("\"order\": 1,", "\"order\": 40,")
        .replace("\"order\": 10,", "\"order\": 0,");
    let r = parse_record("gappy.json", gappy.as_bytes()).unwrap();
    let orders: Vec<u32> = r.interventions.0.iter().map(|i| i.order).collect();
    assert_eq!(orders, (1..=10).collect::<Vec<_>>());
    let codes: Vec<Option<&str>> = r
        .interventions
        .0
        .iter()
        .map(|i| i.speaker.delegation.as_ref().map(|c| c.as_str()))
        .collect();
    assert_eq!(codes.first(), Some(&None), "order 0 speaks first");
    assert_eq!(codes.last(), Some(&Some("ECU")), "order 40 speaks last");

    let mut r = r;
    r.interventions.0.swap(0, 9);
    let json: serde_json::Value = serde_json::from_str(&to_json(&r)).unwrap();
    let exported: Vec<u64> = json["interventions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["order"].as_u64().unwrap())
        .collect();
    assert_eq!(exported, (1..=10).collect::<Vec<_>>());
    assert_eq!(json["interventions"][0]["speaker"]["delegation"], "ECU");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn random_records_round_trip(record in strategies::record()) {
        let json = to_json(&record);
        let back = parse_record("random.json", json.as_bytes()).map_err(|e| TestCaseError::fail(format!("{e}\n{json}")))?;
        prop_assert_eq!(back, record);
    }
}

#[test]
fn a_second_summary_is_refused_and_the_summary_comes_first() {
    let two = EXAMPLE.replace(
        "\"documents\": [",
        "\"documents\": [\n    { \"kind\": \"summary\", \"body\": \"a\" },\n    { \"kind\": \"summary\", \"body\": \"b\" },",
    );
    let e = parse_record("two.json", two.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("at most one summary") && e.contains("documents"),
        "{e}"
    );

    let later = EXAMPLE.replace(
        "\"body\": \"Excellencies,",
        "\"body\": \"x\" },\n    { \"kind\": \"summary\", \"body\": \"Excellencies,",
    );
    let r = parse_record("later.json", later.as_bytes()).unwrap();
    assert_eq!(r.documents[0].kind, rapporteur_core::DocumentKind::Summary);
    assert_eq!(r.documents.len(), 2);

    let spoken = EXAMPLE.replace(
        "\"documents\": [",
        "\"documents\": [\n    { \"kind\": \"summary\", \"speaker\": \"Chair\" },",
    );
    let e = parse_record("spoken.json", spoken.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("apply only to statements") && e.contains("line"),
        "{e}"
    );
}

#[test]
fn times_group_categories_and_blank_texts_are_checked_where_they_stand() {
    let e = parse_record(
        "time.json",
        EXAMPLE
            .replace(
                "\"speaker\": { \"delegation\": \"ECU\" },",
                "\"speaker\": { \"delegation\": \"ECU\" }, \"time\": \"25:20\",",
            )
            .as_bytes(),
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("interventions[0].time") && e.contains("HH:MM") && e.contains("line 27"),
        "{e}"
    );

    let e = parse_record(
        "groups.json",
        EXAMPLE
            .replace(
                "\"category\": \"civil_society\"",
                "\"category\": \"member_state\"",
            )
            .as_bytes(),
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("attendance.groups") && e.contains("appears in two groups"),
        "{e}"
    );

    let e = parse_record(
        "blank.json",
        EXAMPLE
            .replace(
                "\"text\": \"Address the requests brought forward by Member States.\"",
                "\"text\": \"  \"",
            )
            .as_bytes(),
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("action_items[3].text") && e.contains("must not be empty"),
        "{e}"
    );
}

#[test]
fn refused_characters_are_named_with_member_line_and_column() {
    let json = EXAMPLE.replacen(
        "\"Network Briefing to Member States\"",
        "\"Network \\u001b[2J Briefing\"",
        1,
    );
    let e = err(&json);
    let line = line_of(&json, "\\u001b");
    assert!(
        e.starts_with("bad.json: meeting.title: control character U+001B is not allowed in text")
            && e.contains(&format!("at line {line} column")),
        "{e}"
    );
    // A raw noncharacter needs no escape in JSON; an escaped backslash before `u0007` is not a control.
    let json = EXAMPLE.replacen(
        "\"Network Briefing to Member States\"",
        "\"C:\\\\u0007 \u{FFFE}\"",
        1,
    );
    assert!(
        err(&json).contains("meeting.title: noncharacter U+FFFE"),
        "{}",
        err(&json)
    );
}

#[test]
fn a_long_bad_value_is_quoted_in_part() {
    let long = "x".repeat(100_000);
    let e = err(&EXAMPLE.replacen("\"briefing\"", &format!("\"{long}\""), 1));
    assert!(e.len() < 600, "{} bytes", e.len());
    assert!(e.contains("unknown variant") && e.contains('…'), "{e}");
}
