//! The check command, end to end: output formats, exit codes, and a one-line
//! error with exit code 2 for every kind of bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// Builds the example once per test run, so the test never runs a stale binary.
fn check_binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let status = Command::new(env!("CARGO"))
            .args(["build", "-q", "-p", "dueregard", "--example", "check"])
            .current_dir(root())
            .status()
            .unwrap();
        assert!(status.success(), "could not build the check example");
        // Integration tests live in target/<profile>/deps; examples beside it.
        let exe = std::env::current_exe().unwrap();
        let profile_dir = exe.parent().unwrap().parent().unwrap();
        profile_dir
            .join("examples")
            .join(format!("check{}", std::env::consts::EXE_SUFFIX))
    })
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn run(args: &[&str]) -> Output {
    Command::new(check_binary())
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dueregard-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn assert_usage_error(output: &Output, needle: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(output.stdout.is_empty(), "nothing on stdout for bad input");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains(needle), "{needle:?} not in: {stderr}");
}

#[test]
fn json_output_validates_against_the_report_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/report.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let output = run(&[
        "--format",
        "json",
        "examples/drafts/health-equity-action-plan.json",
    ]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "the action plan has blocking errors"
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&report)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(report["draft"]["kind"], "action_plan");
}

#[test]
fn several_files_give_a_json_array() {
    let output = run(&[
        "--format",
        "json",
        "examples/drafts/perinatal-service-leaflet.json",
        "examples/drafts/sexual-orientation-monitoring-guide.md",
    ]);
    let reports: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(reports.as_array().map(Vec::len), Some(2));
}

#[test]
fn text_output_groups_by_section_and_summarises_pillars() {
    let output = run(&["examples/drafts/bereavement-leave-policy.json"]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("Section “"), "{text}");
    assert!(text.contains("Framework: 3.2"), "{text}");
    assert!(text.contains("Framework pillars"), "{text}");
    assert!(text.contains("Approval gate:"), "{text}");
}

#[test]
fn exit_code_zero_when_nothing_blocks() {
    let path = scratch(
        "clean.txt",
        b"Staff may take leave to care for anyone they regard as family.",
    );
    let output = run(&[path.to_str().unwrap()]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

#[test]
fn truncated_json_is_exit_2_with_position() {
    let path = scratch(
        "truncated.json",
        br#"{"title": "Leave", "sections": [{"id": "a", "te"#,
    );
    assert_usage_error(&run(&[path.to_str().unwrap()]), "not valid JSON at line 1");
}

#[test]
fn wrong_types_name_the_json_pointer() {
    let path = scratch(
        "wrong.json",
        br#"{"title": "Leave", "sections": [{"id": "a", "text": 42}]}"#,
    );
    assert_usage_error(&run(&[path.to_str().unwrap()]), "/sections/0/text");
}

#[test]
fn a_50_mb_file_is_refused_without_loading_it() {
    let path = scratch("huge.md", &vec![b'a'; 50 * 1024 * 1024]);
    let output = run(&[path.to_str().unwrap()]);
    std::fs::remove_file(&path).ok();
    assert_usage_error(&output, "over the limit");
}

#[test]
fn deeply_nested_json_is_refused() {
    let json = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    let path = scratch("deep.json", json.as_bytes());
    assert_usage_error(&run(&[path.to_str().unwrap()]), "nests deeper than");
}

#[test]
fn invalid_utf8_markdown_is_refused() {
    let path = scratch("latin1.md", b"# Policy\n\nCaf\xe9 opening hours\n");
    assert_usage_error(&run(&[path.to_str().unwrap()]), "not valid UTF-8");
}

#[test]
fn usage_errors_are_exit_2() {
    assert_usage_error(&run(&[]), "no file given");
    assert_usage_error(
        &run(&["--format", "xml", "a.json"]),
        "--format takes text or json",
    );
    assert_usage_error(&run(&["missing.json"]), "missing.json");
    assert_usage_error(&run(&["draft.docx"]), "unsupported file type");
}

#[test]
fn a_bad_rule_pack_is_exit_2_naming_the_rule() {
    let pack = scratch(
        "pack.json",
        br#"{"name": "Trust pack", "version": "1", "disable": ["no-such-rule"]}"#,
    );
    let output = run(&[
        "--rule-pack",
        pack.to_str().unwrap(),
        "examples/drafts/perinatal-service-leaflet.json",
    ]);
    assert_usage_error(&output, "no-such-rule");
}

#[test]
fn example_paths_exist() {
    assert!(Path::new(&root().join("examples/drafts")).is_dir());
}
