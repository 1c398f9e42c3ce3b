//! The parser and the JSON Schemas agree (issue 15, item 13): every draft or
//! rule pack the schema refuses, the parser refuses too, and every example
//! the schema accepts, the parser reads. serde's derived code alone would
//! take a struct written as an array, or an enum written as a one-key object.

use std::path::PathBuf;

use dueregard::{Draft, Engine};
use serde_json::{Value, json};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn validator(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("schemas").join(name)).unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

fn section(id: &str) -> Value {
    json!({"id": id, "heading": "H", "text": "Text."})
}

/// Drafts the schema forbids, each with what is wrong.
fn invalid_drafts() -> Vec<(&'static str, Value)> {
    vec![
        ("a draft written as an array", json!(["Leave", "other"])),
        (
            "a section written as an array",
            json!({"title": "t", "sections": [["s", "H", "Text."]]}),
        ),
        (
            "a kind written as an object",
            json!({"title": "t", "kind": {"workforce_policy": null}}),
        ),
        (
            "a status written as an object",
            json!({"title": "t", "status": {"draft": null}}),
        ),
        (
            "dates written as an array",
            json!({"title": "t", "dates": ["2026-01-01"]}),
        ),
        (
            "a waiver written as an array",
            json!({"title": "t", "waivers": [["term-binary-pronouns", "because"]]}),
        ),
        (
            "an assessment group written as an array",
            json!({"title": "t", "eia": {"groups": [["age", "neutral"]]}}),
        ),
        (
            "an impact written as an object",
            json!({"title": "t", "eia": {"groups": [{"group": "age", "impact": {"neutral": null}}]}}),
        ),
        (
            "a field kind written as an object",
            json!({"title": "t", "fields": [{"label": "L", "kind": {"text": null}}]}),
        ),
        ("a title that is a number", json!({"title": 7})),
        ("an unknown field", json!({"title": "t", "sectons": []})),
        ("no title", json!({"kind": "other"})),
        (
            "sections that are an object",
            json!({"title": "t", "sections": {"a": section("a")}}),
        ),
    ]
}

#[test]
fn drafts_the_schema_refuses_the_parser_refuses() {
    let schema = validator("draft.schema.json");
    for (what, draft) in invalid_drafts() {
        assert!(!schema.is_valid(&draft), "the schema accepts {what}");
        let parsed = Draft::from_json(&draft.to_string());
        assert!(parsed.is_err(), "the parser accepts {what}: {parsed:?}");
    }
}

#[test]
fn rule_packs_the_schema_refuses_the_parser_refuses() {
    let schema = validator("rule-pack.schema.json");
    let packs = [
        ("a pack written as an array", json!(["name", "1"])),
        (
            "a severity written as an object",
            json!({"name": "p", "version": "1", "severity": {"term-binary-pronouns": {"error": null}}}),
        ),
        (
            "options written as an array",
            json!({"name": "p", "version": "1", "options": [10]}),
        ),
    ];
    for (what, pack) in packs {
        assert!(!schema.is_valid(&pack), "the schema accepts {what}");
        assert!(
            Engine::from_pack_json(&pack.to_string()).is_err(),
            "the parser accepts {what}"
        );
    }
}

#[test]
fn every_example_draft_both_accept() {
    let schema = validator("draft.schema.json");
    let dir = root().join("examples").join("drafts");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            let value: Value = serde_json::from_str(&text).unwrap();
            assert!(schema.is_valid(&value), "{}", path.display());
            Draft::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            seen += 1;
        }
    }
    assert!(seen >= 5, "only {seen} example drafts");
}
