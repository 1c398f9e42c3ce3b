//! The TypeScript types' inputs stay in step with the core: the rule metadata
//! schema is generated from `RuleMeta`, and `framework()`'s output matches the
//! hand-written framework schema. `types/generate.mjs` turns both, with the
//! schemas in `schemas/`, into `types/dueregard.d.ts`.
//! Regenerate with `DUEREGARD_BLESS=1 cargo test -p dueregard-wasm --test types`.

use std::path::PathBuf;

use dueregard::{Engine, RuleMeta, json_api};
use schemars::generate::SchemaSettings;

fn types_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("types")
}

fn read_json(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(types_dir().join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_rule_meta_schema_is_fresh() {
    let schema = SchemaSettings::default()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<RuleMeta>();
    let mut text = serde_json::to_string_pretty(&schema).unwrap();
    text.push('\n');
    let path = types_dir().join("rule-meta.schema.json");
    if std::env::var_os("DUEREGARD_BLESS").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "{} is stale; regenerate with DUEREGARD_BLESS=1 cargo test -p dueregard-wasm --test types, \
         then node bindings-wasm/types/generate.mjs",
        path.display()
    );
}

fn assert_valid(schema_name: &str, instance: &serde_json::Value) {
    let validator = jsonschema::validator_for(&read_json(schema_name)).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{schema_name}: {errors:?}");
}

#[test]
fn framework_output_matches_the_framework_schema() {
    let framework: serde_json::Value = serde_json::from_str(&json_api::framework()).unwrap();
    assert_valid("framework.schema.json", &framework);
    assert_eq!(framework["elements"].as_array().map(Vec::len), Some(17));
}

#[test]
fn rules_output_matches_the_rule_meta_schema() {
    let rules: serde_json::Value = serde_json::from_str(&json_api::rules(&Engine::new())).unwrap();
    let rules = rules.as_array().unwrap();
    assert!(rules.len() >= 15);
    for rule in rules {
        assert_valid("rule-meta.schema.json", rule);
    }
}
