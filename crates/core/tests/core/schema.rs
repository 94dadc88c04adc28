//! docs/meeting-record.schema.json must accept exactly what the parser accepts, as far as JSON Schema can say:
//! the example, every generated record, and none of a set of broken ones.

use std::sync::LazyLock;

use jsonschema::Validator;
use proptest::prelude::*;
use rapporteur_core::{parse_record, registry, to_json};
use serde_json::{Value, json};

use crate::EXAMPLE;
use rapporteur_core::strategies;

const SCHEMA: &str = include_str!("../../../../docs/meeting-record.schema.json");

static VALIDATOR: LazyLock<Validator> = LazyLock::new(|| {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema is a valid JSON Schema")
});

fn errors(instance: &Value) -> Vec<String> {
    VALIDATOR
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn schema_is_draft_2020_12() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(
        schema["properties"]["format"]["enum"],
        json!([rapporteur_core::FORMAT_ID, rapporteur_core::FORMAT_ID_V1])
    );
}

#[test]
fn example_is_valid_as_given_and_as_exported() {
    let example: Value = serde_json::from_str(EXAMPLE).unwrap();
    assert_eq!(errors(&example), Vec::<String>::new());
    let record = parse_record("example.json", EXAMPLE.as_bytes()).unwrap();
    let exported: Value = serde_json::from_str(&to_json(&record)).unwrap();
    assert_eq!(errors(&exported), Vec::<String>::new());
}

#[test]
fn delegation_codes_are_the_registry() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let mut in_schema: Vec<&str> = schema["$defs"]["delegationCode"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let mut in_registry: Vec<&str> = registry::all().iter().map(|s| s.iso3.as_str()).collect();
    in_schema.sort_unstable();
    in_registry.sort_unstable();
    assert_eq!(in_schema, in_registry);
}

type Breakage = Box<dyn Fn(&mut Value)>;

/// Broken records that both the parser and the schema refuse.
#[test]
fn schema_refuses_what_the_parser_refuses() {
    let example: Value = serde_json::from_str(EXAMPLE).unwrap();
    let cases: Vec<(&str, Breakage)> = vec![
        (
            "unknown field",
            Box::new(|v| v["meeting"]["room"] = json!(3)),
        ),
        (
            "missing title",
            Box::new(|v| drop(v["meeting"].as_object_mut().unwrap().remove("title"))),
        ),
        (
            "blank title",
            Box::new(|v| v["meeting"]["title"] = json!("  ")),
        ),
        (
            "unknown code",
            Box::new(|v| v["interventions"][0]["speaker"]["delegation"] = json!("XYZ")),
        ),
        (
            "impossible date",
            Box::new(|v| v["meeting"]["date"] = json!("2019-02-30")),
        ),
        (
            "wrong format",
            Box::new(|v| v["format"] = json!("rapporteur/meeting-record@3")),
        ),
        (
            "bad enum",
            Box::new(|v| v["meeting"]["kind"] = json!("party")),
        ),
        (
            "name and delegation",
            Box::new(|v| v["interventions"][0]["speaker"]["name"] = json!("Ecuador")),
        ),
        (
            "name without category",
            Box::new(|v| {
                drop(
                    v["interventions"][9]["speaker"]
                        .as_object_mut()
                        .unwrap()
                        .remove("category"),
                )
            }),
        ),
        (
            "display name on a free entry",
            Box::new(|v| v["interventions"][9]["speaker"]["display_name"] = json!("SR")),
        ),
        (
            "negative count",
            Box::new(|v| v["attendance"]["groups"][0]["count"] = json!(-1)),
        ),
        (
            "unknown group code",
            Box::new(|v| v["interventions"][0]["on_behalf_of"] = json!({"group": "g99"})),
        ),
        (
            "group and free group name",
            Box::new(|v| {
                v["interventions"][0]["on_behalf_of"] =
                    json!({"group": "european-union", "name": "EU"})
            }),
        ),
        (
            "State named twice as also on behalf of",
            Box::new(|v| v["interventions"][0]["also_on_behalf_of"] = json!(["ARG", "ARG"])),
        ),
        (
            "unknown code also on behalf of",
            Box::new(|v| v["interventions"][0]["also_on_behalf_of"] = json!(["XYZ"])),
        ),
        (
            "month thirteen",
            Box::new(|v| v["action_items"][0]["due_month"] = json!("2020-13")),
        ),
        (
            "a day and a month",
            Box::new(|v| {
                v["action_items"][0]["due"] = json!("2020-04-01");
                v["action_items"][0]["due_month"] = json!("2020-04");
            }),
        ),
        (
            "agenda item without a title",
            Box::new(|v| v["meeting"]["agenda"] = json!([{"number": "1"}])),
        ),
        (
            "document before the meeting without a symbol",
            Box::new(|v| v["meeting"]["documents_before"] = json!([{"title": "Report"}])),
        ),
        (
            "counts on a decision without a vote",
            Box::new(|v| {
                v["action_items"][0]["kind"] = json!("decision");
                v["action_items"][0]["adoption"] = json!({"method": "without_vote", "yes": 1});
            }),
        ),
        (
            "a vote without counts",
            Box::new(|v| {
                v["action_items"][0]["kind"] = json!("decision");
                v["action_items"][0]["adoption"] = json!({"method": "vote"});
            }),
        ),
        (
            "an adoption on a request",
            Box::new(|v| v["action_items"][0]["adoption"] = json!({"method": "without_vote"})),
        ),
        (
            "chair's State not in the registry",
            Box::new(|v| v["meeting"]["chair"] = json!({"name": "A", "state": "XYZ"})),
        ),
        (
            "order not a number",
            Box::new(|v| v["interventions"][0]["order"] = json!("1")),
        ),
    ];
    for (what, break_it) in cases {
        let mut bad = example.clone();
        break_it(&mut bad);
        assert!(!VALIDATOR.is_valid(&bad), "schema accepts {what}");
        let text = serde_json::to_string(&bad).unwrap();
        assert!(
            parse_record("bad.json", text.as_bytes()).is_err(),
            "parser accepts {what}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn generated_records_are_valid(record in strategies::record()) {
        let exported: Value = serde_json::from_str(&to_json(&record)).unwrap();
        prop_assert_eq!(errors(&exported), Vec::<String>::new());
    }
}
