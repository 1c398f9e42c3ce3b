//! `dueregard check --format sarif`, `--doc-base-url`, `--baseline` and
//! `--write-baseline`, end to end through the binary.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn run<S: AsRef<OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dueregard"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

fn scratch_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dueregard-sarif-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn stdout_json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

fn sarif_schema() -> jsonschema::Validator {
    let text =
        std::fs::read_to_string(root().join("core/tests/data/sarif-schema-2.1.0.json")).unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

fn assert_valid_sarif(log: &Value) {
    let errors: Vec<String> = sarif_schema()
        .iter_errors(log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

const EXAMPLES: [&str; 3] = [
    "examples/drafts/bereavement-leave-policy.json",
    "examples/drafts/sexual-orientation-monitoring-guide.md",
    "core/tests/data/inline-waivers/visiting-policy.md",
];

#[test]
fn sarif_for_several_files_is_one_valid_log_with_a_result_per_finding() {
    let sarif = run(&[&["check", "--format", "sarif"][..], &EXAMPLES[..]].concat());
    assert_eq!(
        sarif.status.code(),
        Some(1),
        "the leave policy blocks the gate"
    );
    let log = stdout_json(&sarif);
    assert_valid_sarif(&log);
    let json = stdout_json(&run(
        &[&["check", "--format", "json"][..], &EXAMPLES[..]].concat()
    ));
    let findings: usize = json
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            d["report"]["violations"].as_array().unwrap().len()
                + d["report"]["needs_review"].as_array().unwrap().len()
        })
        .sum();
    let run0 = &log["runs"][0];
    assert_eq!(run0["results"].as_array().unwrap().len(), findings);
    let uris: Vec<&str> = run0["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["location"]["uri"].as_str().unwrap())
        .collect();
    assert_eq!(uris, EXAMPLES);
    // Inline waivers arrive as suppressions with their reasons.
    let suppressed = run0["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["suppressions"][0]["justification"].is_string())
        .count();
    assert!(suppressed >= 3, "{suppressed}");
}

#[test]
fn the_doc_base_url_makes_every_help_link() {
    let output = run(&[
        "check",
        "--format",
        "sarif",
        "--doc-base-url",
        "https://intranet.example.nhs.uk/dueregard/rules",
        "tests/corpus/title-only/draft.json",
    ]);
    let log = stdout_json(&output);
    for rule in log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
    {
        assert_eq!(
            rule["helpUri"],
            format!(
                "https://intranet.example.nhs.uk/dueregard/rules#{}",
                rule["id"].as_str().unwrap()
            )
        );
    }
}

#[test]
fn an_unreadable_file_is_a_notification_in_a_still_valid_log() {
    let output = run(&["check", "--format", "sarif", "no-such-file.md", EXAMPLES[1]]);
    assert_eq!(output.status.code(), Some(2));
    let log = stdout_json(&output);
    assert_valid_sarif(&log);
    let notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert!(
        notes[0]["message"]["text"]
            .as_str()
            .unwrap()
            .contains("no-such-file.md")
    );
    assert_eq!(notes[0]["level"], "error");
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

const LEAVE: &str = r#"{"title": "Carers leave", "kind": "workforce_policy",
 "sections": [{"id": "scope", "heading": "Scope", "text": "Leave to care for a husband or wife."}]}"#;

#[test]
fn a_baseline_gates_only_on_new_findings() {
    let dir = scratch_dir("baseline");
    let draft = write(&dir, "leave.json", LEAVE);
    let baseline = dir.join("baseline.json");
    let baseline = baseline.to_str().unwrap();

    // Writing a baseline still reports the gate as it stands.
    let first = run(&["check", "--write-baseline", baseline, &draft]);
    assert_eq!(first.status.code(), Some(1));
    let written: Value = serde_json::from_str(&std::fs::read_to_string(baseline).unwrap()).unwrap();
    assert_eq!(written["baseline_version"], 1);
    assert!(
        written["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["path"] == draft.as_str())
    );

    // Against it, the same draft passes, and every finding is still reported.
    let again = run(&["check", "--format", "json", "--baseline", baseline, &draft]);
    assert_eq!(
        again.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    let reports = stdout_json(&again);
    assert!(
        reports[0]["report"]["summary"]["blocking"]
            .as_u64()
            .unwrap()
            > 0
    );

    let text = run(&["check", "--baseline", baseline, &draft]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("accepted by the baseline, 0 new; the gate passes"),
        "{text}"
    );

    // A new blocking finding fails it.
    write(
        &dir,
        "leave.json",
        &LEAVE.replace(
            "husband or wife.",
            "husband or wife. Never call staff spastics.",
        ),
    );
    let worse = run(&["check", "--baseline", baseline, &draft]);
    assert_eq!(worse.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&worse.stdout).contains("1 new; the gate is blocked"));

    // In SARIF, the new result is "new" and the rest "unchanged".
    let sarif = stdout_json(&run(&[
        "check",
        "--format",
        "sarif",
        "--baseline",
        baseline,
        &draft,
    ]));
    assert_valid_sarif(&sarif);
    let states: Vec<(&str, &str)> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap(),
                r["baselineState"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(
        states.contains(&("term-disability-offensive", "new")),
        "{states:?}"
    );
    assert!(states.contains(&("eia-present", "unchanged")), "{states:?}");
}

#[test]
fn earlier_json_output_serves_as_a_baseline() {
    let dir = scratch_dir("json-baseline");
    let draft = write(&dir, "leave.json", LEAVE);
    let earlier = run(&[
        "check",
        "--format",
        "json",
        "-o",
        dir.join("earlier.json").to_str().unwrap(),
        &draft,
    ]);
    assert_eq!(earlier.status.code(), Some(1));
    let again = run(&[
        "check",
        "--baseline",
        dir.join("earlier.json").to_str().unwrap(),
        &draft,
    ]);
    assert_eq!(again.status.code(), Some(0));
}

#[test]
fn a_bad_baseline_is_one_line_and_exit_code_2() {
    let dir = scratch_dir("bad-baseline");
    let draft = write(&dir, "leave.json", LEAVE);
    let bad = write(&dir, "bad.json", r#"{"title": "not a baseline"}"#);
    let output = run(&["check", "--baseline", &bad, &draft]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("bad.json") && stderr.contains("--write-baseline"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
    let missing = run(&["check", "--baseline", "no-such-baseline.json", &draft]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no such file"));
}
