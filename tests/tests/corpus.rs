//! The corpus gives exactly the expected reports; drafts and reports validate
//! against the committed schemas; checking is deterministic.
//! Regenerate expected reports with `DUEREGARD_BLESS=1 cargo test -p dueregard-conformance`.

use dueregard::Engine;
use dueregard_conformance::{cases, check, root};

fn validator(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("schemas").join(name)).unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

#[test]
fn every_case_gives_its_expected_report() {
    let engine = Engine::new();
    let bless = std::env::var_os("DUEREGARD_BLESS").is_some();
    let all = cases();
    assert!(all.len() >= 6, "the corpus has only {} cases", all.len());
    let mut stale = Vec::new();
    for case in &all {
        let actual = check(&engine, case);
        if bless {
            std::fs::create_dir_all(case.expected.parent().unwrap()).unwrap();
            std::fs::write(&case.expected, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&case.expected).unwrap_or_default();
        if actual != expected {
            stale.push(case.name.clone());
        }
    }
    assert!(
        stale.is_empty(),
        "reports differ from the expected ones for {stale:?}; review the change and, if right, \
         regenerate with DUEREGARD_BLESS=1 cargo test -p dueregard-conformance"
    );
}

#[test]
fn every_json_draft_validates_against_the_draft_schema() {
    let schema = validator("draft.schema.json");
    for case in cases()
        .iter()
        .filter(|c| c.draft.extension().is_some_and(|e| e == "json"))
    {
        let draft: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&case.draft).unwrap()).unwrap();
        let errors: Vec<String> = schema
            .iter_errors(&draft)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", case.name);
    }
}

#[test]
fn every_report_validates_against_the_report_schema() {
    let schema = validator("report.schema.json");
    let engine = Engine::new();
    for case in cases() {
        let report: serde_json::Value = serde_json::from_str(&check(&engine, &case)).unwrap();
        let errors: Vec<String> = schema
            .iter_errors(&report)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", case.name);
    }
}

#[test]
fn the_schema_rejects_what_the_parser_rejects() {
    let schema = validator("draft.schema.json");
    for bad in [
        r#"{"title": "t", "kind": "memo"}"#,
        r#"{"title": "t", "sectons": []}"#,
        r#"{"title": "t", "dates": {"review": "next year"}}"#,
        r#"{"kind": "other"}"#,
    ] {
        let value: serde_json::Value = serde_json::from_str(bad).unwrap();
        assert!(!schema.is_valid(&value), "schema accepted {bad}");
        assert!(
            dueregard::Draft::from_json(bad).is_err(),
            "parser accepted {bad}"
        );
    }
}

#[test]
fn checking_is_deterministic_across_threads() {
    let engine = Engine::new();
    let all = cases();
    let first: Vec<String> = all.iter().map(|c| check(&engine, c)).collect();
    let second: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = all
            .iter()
            .map(|c| scope.spawn(|| check(&engine, c)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(first, second);
}
