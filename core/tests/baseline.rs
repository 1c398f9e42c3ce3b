//! Baselines: a draft with known findings passes the gate against its
//! baseline and fails when a new finding is added; baselines read from their
//! own files and from earlier JSON reports; fingerprints survive edits above
//! a finding and a paragraph being re-wrapped.

use std::path::PathBuf;

use dueregard::write::{Baseline, BaselineError};
use dueregard::{Draft, Engine, Report};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn check_md(markdown: &str) -> Report {
    Engine::new().check(&Draft::from_markdown(markdown).unwrap())
}

const POLICY: &str = "# Visiting policy\n\n## Who may visit\n\nEach ward manager should ask if he or she needs extra staff.\n\n## Records\n\nThe chairman signs the visitors' book each month.\n";

/// A workforce policy with no equality impact assessment yet: `eia-present`
/// blocks the gate, and the text has findings that do not.
fn leave_policy(scope: &str) -> Report {
    let draft = serde_json::json!({
        "title": "Carers leave",
        "kind": "workforce_policy",
        "sections": [
            {"id": "scope", "heading": "Scope", "text": scope},
            {"id": "records", "heading": "Records", "text": "The chairman signs the leave book."}
        ]
    });
    Engine::new().check_json(&draft.to_string()).unwrap()
}

const SCOPE: &str = "Leave to care for a husband or wife, or for his or her children.";

#[test]
fn the_gate_passes_on_known_findings_and_fails_on_a_new_one() {
    let before = leave_policy(SCOPE);
    assert!(
        !before.passes_gate(),
        "the draft has a blocking finding to baseline"
    );
    let baseline = Baseline::from_reports([("leave.json", &before)]);

    let same = baseline.split("leave.json", &before);
    assert!(same.passes(), "{same:?}");
    assert_eq!(same.baselined.len(), before.summary.blocking);

    // A new blocking finding fails the gate; the old one stays baselined.
    let after = leave_policy(&format!("{SCOPE} Staff must never be called spastics."));
    let split = baseline.split("leave.json", &after);
    assert!(!split.passes());
    assert_eq!(split.new.len(), 1, "{:?}", split.new);
    assert_eq!(split.new[0].rule, "term-disability-offensive");
    assert_eq!(split.baselined.len(), same.baselined.len());

    // The baseline is per document: the same findings in another file are new.
    assert!(!baseline.split("other.json", &before).passes());
}

#[test]
fn findings_past_the_report_limit_count_as_new() {
    let engine = Engine::new().with_limits(dueregard::Limits {
        max_findings: 2,
        ..dueregard::Limits::default()
    });
    let report = engine.check(&Draft::from_text("t", &"tranny ".repeat(5)).unwrap());
    let baseline = Baseline::from_reports([("t.txt", &report)]);
    let split = baseline.split("t.txt", &report);
    assert_eq!(split.unlisted, 3);
    assert!(!split.passes());
}

#[test]
fn a_baseline_round_trips_and_validates_against_its_schema() {
    let report = check_md(POLICY);
    let baseline = Baseline::from_reports([("policy.md", &report), ("b.md", &report)]);
    let json = baseline.to_json();
    assert_eq!(Baseline::from_json(&json).unwrap(), baseline);
    let schema_text = std::fs::read_to_string(root().join("schemas/baseline.schema.json")).unwrap();
    let validator =
        jsonschema::validator_for(&serde_json::from_str(&schema_text).unwrap()).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(validator.is_valid(&value));
    let paths: Vec<&str> = baseline.paths().into_iter().collect();
    assert_eq!(paths, ["b.md", "policy.md"]);
}

#[test]
fn earlier_json_reports_serve_as_baselines() {
    let report = leave_policy(SCOPE);
    // `dueregard check --format json` for several files: an array of {path, report}.
    let several = format!(
        r#"[{{"path": "policy.md", "report": {}}}]"#,
        report.to_json()
    );
    let baseline = Baseline::from_json(&several).unwrap();
    assert!(baseline.split("policy.md", &report).passes());
    assert!(!baseline.split("other.md", &report).passes());
    // For one file it prints the report alone, which names no file: it matches any.
    let single = Baseline::from_json(&report.to_json_pretty()).unwrap();
    assert!(single.split("policy.md", &report).passes());
    assert!(single.split("renamed.md", &report).passes());
    assert!(single.findings.iter().all(|e| e.path.is_none()));
}

#[test]
fn bad_baselines_are_typed_errors_naming_the_problem() {
    assert!(matches!(
        Baseline::from_json("{not json"),
        Err(BaselineError::NotJson(_))
    ));
    let err = Baseline::from_json(r#"{"title": "a draft, not a baseline"}"#).unwrap_err();
    assert!(err.to_string().contains("--write-baseline"), "{err}");
    let err = Baseline::from_json(
        r#"[{"path": "a.md", "report": {"violations": [{"rule": "r"}], "needs_review": []}}]"#,
    )
    .unwrap_err();
    match &err {
        BaselineError::Shape { pointer, message } => {
            assert_eq!(pointer, "/0/report/violations/0");
            assert!(message.contains("fingerprint"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let err = Baseline::from_json(r#"{"baseline_version": 9, "findings": []}"#).unwrap_err();
    assert!(err.to_string().contains("newer"), "{err}");
    let deep = "[".repeat(100);
    assert!(matches!(
        Baseline::from_json(&deep),
        Err(BaselineError::NotJson(_))
    ));
}

/// The fingerprints of every finding, in report order.
fn fingerprints(report: &Report) -> Vec<(String, String)> {
    report
        .violations
        .iter()
        .chain(&report.needs_review)
        .map(|f| (f.rule.to_string(), f.fingerprint.to_string()))
        .collect()
}

#[test]
fn fingerprints_survive_edits_above_the_finding() {
    let before = check_md(POLICY);
    let edited = POLICY.replace(
        "## Who may visit\n\n",
        "## Who may visit\n\nVisiting hours are 10am to 8pm, every day of the week,\nincluding bank holidays.\n\n",
    );
    let after = check_md(&edited);
    assert_eq!(fingerprints(&before), fingerprints(&after));
    let baseline = Baseline::from_reports([("policy.md", &before)]);
    assert!(baseline.split("policy.md", &after).passes());
}

#[test]
fn fingerprints_survive_a_paragraph_rewrapped_around_the_finding() {
    let before = check_md(POLICY);
    // The same words, broken into lines at other places; the phrase stays on one line.
    let edited = POLICY.replace(
        "Each ward manager should ask if he or she needs extra staff.",
        "Each ward\nmanager should ask if he or she\nneeds extra staff.",
    );
    let after = check_md(&edited);
    assert_eq!(fingerprints(&before), fingerprints(&after));
}

#[test]
fn fingerprints_survive_a_rewrap_that_breaks_the_phrase_across_lines() {
    let before = check_md(POLICY);
    let edited = POLICY.replace(
        "Each ward manager should ask if he or she needs extra staff.",
        "Each ward manager should ask if he or\nshe needs extra staff.",
    );
    let after = check_md(&edited);
    assert_eq!(fingerprints(&before), fingerprints(&after));
    let baseline = Baseline::from_reports([("policy.md", &before)]);
    assert!(baseline.split("policy.md", &after).passes());
}
