//! The members format @2 added, through the interchange format: each round-trips, an @1 file reads as it did
//! and upgrades with nothing lost, and bad values get the one-line error naming file, field, line and column.

use rapporteur_core::{FORMAT_ID, parse_record, to_json};
use serde_json::Value;

use crate::interchange::assert_error;
use crate::{CD_PLENARY, EXAMPLE};

#[test]
fn the_plenary_round_trips_with_every_new_member() {
    let r = parse_record("cd.json", CD_PLENARY.as_bytes()).unwrap();
    let m = &r.meeting;
    assert_eq!(m.session.as_deref(), Some("first part of the 2020 session"));
    assert_eq!(m.summary_code.as_deref(), Some("DC20/008E"));
    assert!(
        m.status_line
            .as_deref()
            .unwrap()
            .starts_with("For use of information media")
    );
    assert_eq!(
        m.chair.as_ref().unwrap().state.as_ref().unwrap().as_str(),
        "TUN"
    );
    assert_eq!(m.agenda.len(), 2);
    assert_eq!(m.documents_before[1].symbol, "CD/WP.620");
    let ecu = &r.interventions.0[0];
    assert_eq!(
        ecu.on_behalf_of
            .as_ref()
            .unwrap()
            .group
            .as_ref()
            .unwrap()
            .as_str(),
        "g77-china"
    );
    let ven = &r.interventions.0[3];
    let also: Vec<&str> = ven.also_on_behalf_of.iter().map(|c| c.as_str()).collect();
    assert_eq!(also, ["BRA", "ARG"], "kept in the record's order");
    assert_eq!(r.action_items[0].due_month.unwrap().to_string(), "2020-04");
    assert_eq!(r.action_items[0].agenda_item.as_deref(), Some("1"));

    let json = to_json(&r);
    assert!(json.contains("\"format\": \"rapporteur/meeting-record@2\""));
    assert_eq!(parse_record("again.json", json.as_bytes()).unwrap(), r);
    // The fixture, as written, is what export writes (apart from members written as null or left out).
    covers(
        &serde_json::from_str(&json).unwrap(),
        &serde_json::from_str(CD_PLENARY).unwrap(),
        "",
    );
}

/// Every member of `original` that is not null is in `exported` with the same value.
fn covers(exported: &Value, original: &Value, path: &str) {
    match (exported, original) {
        (Value::Object(e), Value::Object(o)) => {
            for (k, v) in o {
                if v.is_null() || (k == "format" && path.is_empty()) {
                    continue;
                }
                let p = format!("{path}.{k}");
                covers(e.get(k).unwrap_or_else(|| panic!("{p} lost")), v, &p);
            }
        }
        (Value::Array(e), Value::Array(o)) => {
            assert_eq!(e.len(), o.len(), "{path}");
            for (i, (e, o)) in e.iter().zip(o).enumerate() {
                covers(e, o, &format!("{path}[{i}]"));
            }
        }
        _ => assert_eq!(exported, original, "{path}"),
    }
}

#[test]
fn an_at_1_file_reads_as_before_and_upgrades_with_nothing_lost() {
    assert!(EXAMPLE.contains("\"format\": \"rapporteur/meeting-record@1\""));
    let r = parse_record("example.json", EXAMPLE.as_bytes()).unwrap();
    let m = &r.meeting;
    assert!(m.session.is_none() && m.agenda.is_empty() && m.documents_before.is_empty());
    assert!(
        r.interventions
            .0
            .iter()
            .all(|i| i.on_behalf_of.is_none() && i.also_on_behalf_of.is_empty())
    );
    let json = to_json(&r);
    assert!(json.contains(FORMAT_ID));
    // No @2 member appears where the @1 file had none.
    for member in [
        "session",
        "agenda\"",
        "documents_before",
        "on_behalf_of",
        "due_month",
        "\"state\"",
    ] {
        assert!(!json.contains(member), "{member} in {json}");
    }
    covers(
        &serde_json::from_str(&json).unwrap(),
        &serde_json::from_str(EXAMPLE).unwrap(),
        "",
    );
    assert_eq!(parse_record("upgraded.json", json.as_bytes()).unwrap(), r);
}

#[test]
fn without_an_agenda_an_agenda_item_is_free_text_as_in_at_1() {
    let r = parse_record("cd.json", CD_PLENARY.as_bytes()).unwrap();
    let mut free = serde_json::to_value(&r).unwrap();
    free["meeting"]["agenda"] = Value::Array(Vec::new());
    free["interventions"][0]["agenda_item"] = "item 9 (informal)".into();
    let text = serde_json::to_string_pretty(&free).unwrap();
    let back = parse_record("free.json", text.as_bytes()).unwrap();
    assert_eq!(
        back.interventions.0[0].agenda_item.as_deref(),
        Some("item 9 (informal)")
    );
}

#[test]
fn bad_new_members_name_file_field_line_and_column() {
    let r = CD_PLENARY;
    assert_error(
        &r.replace("\"g77-china\"", "\"g78\""),
        "interventions[0].on_behalf_of.group",
        "unknown group code \"g78\"",
        "g78",
    );
    assert_error(
        &r.replace(
            "{ \"group\": \"g77-china\" }",
            "{ \"group\": \"g77-china\", \"name\": \"G-77\" }",
        ),
        "interventions[0].on_behalf_of",
        "give either `group` or `name`, not both",
        "\"G-77\"",
    );
    assert_error(
        &r.replace(
            "{ \"name\": \"nine member",
            "{ \"flag\": 1, \"name\": \"nine member",
        ),
        "interventions[4].on_behalf_of.flag",
        "unknown field `flag`",
        "\"flag\"",
    );
    assert_error(
        &r.replace("[\"BRA\", \"ARG\"]", "[\"BRA\", \"ARG\", \"BRA\"]"),
        "interventions[3].also_on_behalf_of",
        "delegation \"BRA\" appears twice (State 3 repeats State 1)",
        "[\"BRA\", \"ARG\", \"BRA\"]",
    );
    assert_error(
        &r.replace("[\"BRA\", \"ARG\"]", "[\"BRA\", \"XYZ\"]"),
        "interventions[3].also_on_behalf_of[1]",
        "unknown delegation code \"XYZ\"",
        "XYZ",
    );
    assert_error(
        &r.replace("\"2020-04\"", "\"2020-13\""),
        "action_items[0].due_month",
        "\"2020-13\" is not a month as YYYY-MM",
        "2020-13",
    );
    assert_error(
        &r.replace(
            "\"due_month\": \"2020-04\",",
            "\"due_month\": \"2020-04\", \"due\": \"2020-04-30\",",
        ),
        "action_items[0]",
        "give either `due` (a day) or `due_month` (a month), not both",
        // Reported where the parser stands after the item: the next one's opening line.
        "{\n      \"kind\": \"decision\"",
    );
    assert_error(
        &r.replace("\"number\": \"3\"", "\"number\": \"1\""),
        "meeting.agenda",
        "number \"1\" appears twice (agenda item 2 repeats agenda item 1)",
        "],\n    \"documents_before\"",
    );
    assert_error(
        &r.replace(
            "\"title\": \"Prevention of an arms race in outer space\"",
            "\"title\": \" \"",
        ),
        "meeting.agenda[1].title",
        "must not be empty",
        // Reported where the parser stands once it has read the item.
        "}\n    ],\n    \"documents_before\"",
    );
    assert_error(
        &r.replace("\"symbol\": \"CD/WP.620\"", "\"symbol\": \"CD/2179\""),
        "meeting.documents_before",
        "symbol \"CD/2179\" appears twice",
        "},\n  \"attendance\"",
    );
    assert_error(
        &r.replace(
            "\"abstentions\": 6",
            "\"abstentions\": 6,\n        \"in_favour\": [\"ARG\"]",
        ),
        "action_items[1].adoption",
        "field `in_favour` lists 1 States but `yes` counts 27",
        "},\n      \"status\": \"done\"",
    );
    assert_error(
        &r.replace(
            "\"method\": \"without_vote\"",
            "\"method\": \"without_vote\", \"yes\": 3",
        ),
        "action_items[2].adoption",
        "a decision adopted without a vote has no counts",
        "},\n      \"status\": \"done\"\n    },\n    {\n      \"kind\": \"next_step\"",
    );
    assert_error(
        &r.replace("\"method\": \"recorded_vote\"", "\"method\": \"consensus\""),
        "action_items[1].adoption.method",
        "unknown variant `consensus`",
        "\"consensus\"",
    );
    assert_error(
        &r.replace("\"kind\": \"decision\"", "\"kind\": \"request\""),
        "action_items[1]",
        "field `adoption` applies only to decisions",
        "{\n      \"kind\": \"request\",\n      \"from\": \"\",\n      \"to\": \"\",\n      \"text\": \"Accept",
    );
    assert_error(
        &r.replace("\"state\": \"TUN\"", "\"state\": \"Tunisia\""),
        "meeting.chair.state",
        "unknown delegation code \"Tunisia\"",
        // The last member of the chair: serde stands on the chair's closing brace.
        "},\n    \"status\"",
    );
    assert_error(
        &r.replace("\"CD/WP.620\"", "\"CD/WP.620\", \"pages\": 3"),
        "meeting.documents_before[1].pages",
        "unknown field `pages`",
        "\"pages\"",
    );
}

#[test]
fn a_reference_to_an_item_not_on_the_agenda_is_refused_where_it_stands() {
    // Intervention 5 (index 4) files under item 7, which the agenda lacks; the error names its place in the
    // file, even though the interventions are listed out of order.
    let bad = CD_PLENARY
        .replace("\"order\": 1,", "\"order\": 10,")
        .replacen(
            "\"agenda_item\": \"3\",\n      \"on_behalf_of\"",
            "\"agenda_item\": \"7\",\n      \"on_behalf_of\"",
            1,
        );
    assert_error(
        &bad,
        "interventions[4].agenda_item",
        "agenda item \"7\" is not on the meeting's agenda",
        "\"7\"",
    );
    let bad = CD_PLENARY.replace(
        "\"agenda_item\": \"1\",\n      \"status\"",
        "\"agenda_item\": \"2\",\n      \"status\"",
    );
    assert_error(
        &bad,
        "action_items[0].agenda_item",
        "agenda item \"2\" is not on the meeting's agenda",
        "\"2\",\n      \"status\"",
    );
}
