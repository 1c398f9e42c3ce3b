//! The `dueregard` command, end to end: output formats, exit codes, the
//! shared options, and a one-line error with exit code 2 for every kind of
//! bad input, while the good files named with it are still checked.

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

/// A fresh folder for one test's files.
fn scratch_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dueregard-cli-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dueregard-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn assert_usage_error(output: &Output, needle: &str) {
    let stderr = stderr(output);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(output.stdout.is_empty(), "nothing on stdout for bad input");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains(needle), "{needle:?} not in: {stderr}");
}

/// The one report in a `--format json` run over one file: the output is an
/// array of `{path, report}` whatever the number of files.
fn only_report(output: &Output) -> Value {
    let entries: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(entries.as_array().map(Vec::len), Some(1), "{entries}");
    entries[0]["report"].clone()
}

fn report_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/report.schema.json")).unwrap(),
    )
    .unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn assert_valid_report(validator: &jsonschema::Validator, report: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(report)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

const EXAMPLES: [&str; 6] = [
    "examples/drafts/bereavement-leave-policy.json",
    "examples/drafts/community-partnership-agreement.json",
    "examples/drafts/health-equity-action-plan.json",
    "examples/drafts/patient-registration-form.json",
    "examples/drafts/perinatal-service-leaflet.json",
    "examples/drafts/sexual-orientation-monitoring-guide.md",
];

#[test]
fn json_output_validates_against_the_report_schema() {
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
    let report: Value = only_report(&output);
    assert_valid_report(&report_validator(), &report);
    assert_eq!(report["draft"]["kind"], "action_plan");
}

#[test]
fn one_file_gives_the_same_report_as_the_expected_one() {
    // The command judges review dates as of today; the expected report is
    // pinned as of the day it was made, so this test does not expire.
    let output = run(&["--format", "json", "--as-of", "2026-11-30", EXAMPLES[0]]);
    let expected = std::fs::read_to_string(
        root().join("examples/drafts/expected/bereavement-leave-policy.report.json"),
    )
    .unwrap();
    let ours: Value = only_report(&output);
    assert_eq!(ours, serde_json::from_str::<Value>(&expected).unwrap());
}

#[test]
fn the_rule_pack_version_printed_is_the_built_in_packs() {
    let output = run(&["--format", "json", EXAMPLES[0]]);
    let report: Value = only_report(&output);
    assert_eq!(report["engine"]["rule_pack"], dueregard::BUILTIN_PACK);
    assert_eq!(
        report["engine"]["rule_pack_version"],
        env!("CARGO_PKG_VERSION")
    );
    let text = stdout(&run(&[EXAMPLES[0]]));
    let heading = format!(
        "checked with {} {}",
        dueregard::BUILTIN_PACK,
        env!("CARGO_PKG_VERSION")
    );
    assert!(text.contains(&heading), "{text}");
}

#[test]
fn several_files_give_an_array_naming_each_file() {
    let output = run(&["--format", "json", EXAMPLES[4], EXAMPLES[5]]);
    let entries: Value = serde_json::from_slice(&output.stdout).unwrap();
    let entries = entries.as_array().unwrap();
    assert_eq!(entries.len(), 2);
    let validator = report_validator();
    for (entry, path) in entries.iter().zip([EXAMPLES[4], EXAMPLES[5]]) {
        assert_eq!(entry["path"], path);
        assert_valid_report(&validator, &entry["report"]);
    }
    // Each report is the one that file gives alone.
    let expected = std::fs::read_to_string(
        root().join("examples/drafts/expected/sexual-orientation-monitoring-guide.report.json"),
    )
    .unwrap();
    assert_eq!(
        entries[1]["report"],
        serde_json::from_str::<Value>(&expected).unwrap()
    );
}

#[test]
fn check_is_the_default_subcommand() {
    let short = run(&[EXAMPLES[0]]);
    let long = run(&["check", EXAMPLES[0]]);
    assert_eq!(short.status.code(), long.status.code());
    assert_eq!(short.stdout, long.stdout);
    assert!(!short.stdout.is_empty());
}

#[test]
fn text_labels_agree_with_the_summary_and_the_json_report() {
    for path in EXAMPLES {
        let text = stdout(&run(&[path]));
        let report: Value = only_report(&run(&["--format", "json", path]));
        let labels = |label: &str| {
            text.lines()
                .filter(|l| l.split_whitespace().next() == Some(label))
                .count()
        };
        let findings = |bucket: &str, waived: bool, severity: Option<&str>| {
            report[bucket]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f.get("waiver").is_some() == waived)
                .filter(|f| severity.is_none_or(|s| f["severity"] == s))
                .count()
        };
        let (errors, warnings, notes) = (labels("ERROR"), labels("WARNING"), labels("NOTE"));
        let (review, waived) = (labels("REVIEW"), labels("WAIVED"));
        assert_eq!(
            errors,
            findings("violations", false, Some("error")),
            "{path}"
        );
        assert_eq!(
            warnings,
            findings("violations", false, Some("warning")),
            "{path}"
        );
        assert_eq!(notes, findings("violations", false, Some("info")), "{path}");
        assert_eq!(review, findings("needs_review", false, None), "{path}");
        assert_eq!(
            waived,
            findings("violations", true, None) + findings("needs_review", true, None),
            "{path}"
        );
        let plural = |n: usize, word: &str| {
            if n == 1 {
                format!("1 {word}")
            } else {
                format!("{n} {word}s")
            }
        };
        let summary = format!(
            "Summary: to change: {}, {}, {}; to review: {review}; waived: {waived}.",
            plural(errors, "error"),
            plural(warnings, "warning"),
            plural(notes, "note")
        );
        assert!(text.contains(&summary), "{path}: {summary} not in\n{text}");
        assert_eq!(report["summary"]["blocking"], errors, "{path}");
    }
}

#[test]
fn a_waived_finding_is_labelled_and_counted_as_waived() {
    let output = run(&["tests/corpus/waiver-applied/draft.json"]);
    let text = stdout(&output);
    assert!(text.lines().any(|l| l.starts_with("WAIVED ")), "{text}");
    assert!(text.contains("waived: 1."), "{text}");
    assert!(text.contains("Waived: "), "{text}");
}

#[test]
fn findings_name_their_place_in_words_and_as_a_pointer() {
    let text = stdout(&run(&[EXAMPLES[0]]));
    assert!(
        text.contains("Equality impact assessment › Sex › evidence  [/eia/groups/7/evidence]"),
        "{text}"
    );
    assert!(
        text.contains("Section ‘4. Entitlement’, line 1, column 80  [/sections/3/text]"),
        "{text}"
    );
    let form = stdout(&run(&[EXAMPLES[3]]));
    assert!(form.contains("Field ‘"), "{form}");
    assert!(form.contains("’ › options  [/fields/"), "{form}");
    assert!(form.contains("Framework: 4."), "{form}");
}

#[test]
fn markdown_positions_are_lines_of_the_file() {
    let path = EXAMPLES[5];
    let source = std::fs::read_to_string(root().join(path)).unwrap();
    let lines: Vec<&str> = source.lines().collect();
    let text = stdout(&run(&[path]));
    let mut checked = 0;
    let mut rows = text.lines().peekable();
    while let Some(row) = rows.next() {
        let Some((_, position)) = row.split_once(", line ") else {
            continue;
        };
        let (line, rest) = position.split_once(", column ").unwrap();
        let column: usize = rest.split_whitespace().next().unwrap().parse().unwrap();
        let line: usize = line.parse().unwrap();
        // The excerpt (two lines down) quotes the text around the finding.
        rows.next();
        let excerpt = rows.next().unwrap();
        let at: String = lines[line - 1].chars().skip(column - 1).take(8).collect();
        assert!(
            excerpt.contains(&at),
            "line {line}, column {column} reads {at:?}, not in {excerpt}"
        );
        checked += 1;
    }
    assert!(checked >= 3, "{text}");
}

#[test]
fn each_pillar_gives_its_status_with_a_reason() {
    let text = stdout(&run(&[EXAMPLES[2]]));
    let pillars = text
        .split("Framework pillars (self-assessment scale, on evidence):\n")
        .nth(1)
        .unwrap();
    let known = [
        "Not in place (red)",
        "Work in progress (amber)",
        "In place (green)",
        "No issues found",
        "Not assessed",
    ];
    let heads: Vec<&str> = pillars
        .lines()
        .filter(|l| l.starts_with("  ") && !l.starts_with("    "))
        .collect();
    assert_eq!(heads.len(), 6, "{pillars}");
    for head in heads {
        assert!(known.iter().any(|k| head.ends_with(k)), "{head}");
    }
    // Under each pillar, each assessed element with the reason for its status.
    let reasons: Vec<&str> = pillars.lines().filter(|l| l.starts_with("    ")).collect();
    assert!(reasons.len() >= 6, "{pillars}");
    for reason in reasons {
        assert!(reason.len() > 30, "a reason, not only a status: {reason}");
    }
}

#[test]
fn exit_code_zero_when_nothing_blocks() {
    let path = scratch(
        "clean.txt",
        b"Staff may take leave to care for anyone they regard as family.",
    );
    let output = run(&[&path]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn kind_overrides_the_drafts_own() {
    let path = scratch(
        "kind.txt",
        b"Staff may take leave to care for anyone they regard as family.",
    );
    let path = path.to_str().unwrap();
    // As a workforce policy the text needs an equality impact assessment.
    let output = run(&["--format", "json", "--kind", "workforce_policy", path]);
    assert_eq!(output.status.code(), Some(1));
    let report: Value = only_report(&output);
    assert_eq!(report["draft"]["kind"], "workforce_policy");
    assert!(
        report["violations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "eia-present")
    );
    // A JSON draft's kind is overridden too.
    let output = run(&[
        "--format",
        "json",
        "--kind",
        "patient_information",
        EXAMPLES[0],
    ]);
    let report: Value = only_report(&output);
    assert_eq!(report["draft"]["kind"], "patient_information");
    assert_usage_error(
        &run(&["--kind", "policy", EXAMPLES[0]]),
        "use one of workforce_policy, clinical_policy",
    );
}

#[test]
fn as_of_is_checked_and_shown() {
    let text = stdout(&run(&["--as-of", "2027-01-31", EXAMPLES[0]]));
    assert!(text.contains(" as of 2027-01-31"), "{text}");
    assert_usage_error(
        &run(&["--as-of", "2027-02-30", EXAMPLES[0]]),
        "no day 30 in month 2",
    );
    assert_usage_error(&run(&["--as-of", "31/01/2027", EXAMPLES[0]]), "YYYY-MM-DD");
}

#[test]
fn output_goes_to_the_file_named() {
    let dir = scratch_dir("output");
    let target = dir.join("report.json");
    let to_file = run(&[
        OsStr::new("--format"),
        OsStr::new("json"),
        OsStr::new("--output"),
        target.as_os_str(),
        OsStr::new(EXAMPLES[0]),
    ]);
    assert_eq!(to_file.status.code(), Some(0), "{}", stderr(&to_file));
    assert!(to_file.stdout.is_empty());
    let to_stdout = run(&["--format", "json", EXAMPLES[0]]);
    assert_eq!(std::fs::read(&target).unwrap(), to_stdout.stdout);

    let nowhere = dir.join("no-such-folder").join("report.json");
    assert_usage_error(
        &run(&[
            OsStr::new("-o"),
            nowhere.as_os_str(),
            OsStr::new(EXAMPLES[0]),
        ]),
        "cannot write the output to",
    );
}

#[test]
fn one_unreadable_file_among_good_ones_is_named_and_the_rest_are_printed() {
    let output = run(&[EXAMPLES[0], "examples/drafts/missing.json", EXAMPLES[4]]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains("examples/drafts/missing.json: no such file"),
        "{err}"
    );
    let text = stdout(&output);
    assert!(text.starts_with(EXAMPLES[0]), "{text}");
    assert!(text.contains(&format!("\n{}\n", EXAMPLES[4])), "{text}");

    let output = run(&["--format", "json", EXAMPLES[0], "missing.md", EXAMPLES[4]]);
    assert_eq!(output.status.code(), Some(2));
    let entries: Value = serde_json::from_slice(&output.stdout).unwrap();
    let paths: Vec<&Value> = entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["path"])
        .collect();
    assert_eq!(paths, [EXAMPLES[0], EXAMPLES[4]]);
}

#[test]
fn a_folder_says_it_is_a_folder() {
    assert_usage_error(
        &run(&["examples/drafts"]),
        "examples/drafts: is a folder, not a draft; pass --recursive",
    );
}

#[test]
fn recursive_checks_the_drafts_in_a_folder_and_its_subfolders() {
    let dir = scratch_dir("recursive");
    std::fs::create_dir_all(dir.join("b-sub")).unwrap();
    std::fs::create_dir_all(dir.join(".hidden")).unwrap();
    let text = b"Staff may take leave to care for anyone they regard as family.";
    for name in ["c.md", "a.txt", "b-sub/d.txt", ".hidden/e.txt", "notes.odt"] {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let output = run(&[
        OsStr::new("--format"),
        OsStr::new("json"),
        OsStr::new("-r"),
        dir.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let entries: Value = serde_json::from_slice(&output.stdout).unwrap();
    let names: Vec<String> = entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            Path::new(e["path"].as_str().unwrap())
                .strip_prefix(&dir)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(names, ["a.txt", "b-sub/d.txt", "c.md"]);
}

#[test]
fn help_documents_folders_and_exit_codes() {
    for args in [&["--help"][..], &["check", "--help"][..]] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(0));
        let help = stdout(&output);
        assert!(help.contains("Exit codes: 0 ok, 1"), "{help}");
    }
    let help = stdout(&run(&["check", "--help"]));
    assert!(help.contains("--recursive"), "{help}");
    assert!(help.contains("--as-of <YYYY-MM-DD>"), "{help}");
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_a_one_line_error() {
    use std::os::unix::ffi::OsStrExt;
    let dir = scratch_dir("not-utf8");
    let name = dir.join(OsStr::from_bytes(b"caf\xe9.txt"));
    std::fs::write(&name, b"Leave for carers.").unwrap();
    assert_usage_error(&run(&[name.as_os_str()]), "file name is not valid UTF-8");
}

#[cfg(target_os = "linux")]
#[test]
fn an_endless_rule_pack_is_refused_at_the_pack_limit() {
    assert_usage_error(
        &run(&["--rule-pack", "/dev/zero", EXAMPLES[0]]),
        "rule pack /dev/zero: over the limit of 2097152 bytes",
    );
}

#[test]
fn a_rule_pack_over_2_mib_is_refused() {
    let mut pack = br#"{"name": "Big", "version": "1", "disable": [], "x": ""#.to_vec();
    pack.resize(3 * 1024 * 1024, b' ');
    let path = scratch("big-pack.json", &pack);
    assert_usage_error(
        &run(&[
            OsStr::new("--rule-pack"),
            path.as_os_str(),
            OsStr::new(EXAMPLES[0]),
        ]),
        "over the limit of 2097152 bytes",
    );
}

#[test]
fn truncated_json_is_exit_2_with_position() {
    let path = scratch(
        "truncated.json",
        br#"{"title": "Leave", "sections": [{"id": "a", "te"#,
    );
    assert_usage_error(&run(&[path]), "not valid JSON at line 1");
}

#[test]
fn wrong_types_name_the_json_pointer() {
    let path = scratch(
        "wrong.json",
        br#"{"title": "Leave", "sections": [{"id": "a", "text": 42}]}"#,
    );
    assert_usage_error(&run(&[path]), "/sections/0/text");
}

#[test]
fn a_50_mb_file_is_refused_without_loading_it() {
    let path = scratch("huge.md", &vec![b'a'; 50 * 1024 * 1024]);
    let output = run(&[&path]);
    std::fs::remove_file(&path).ok();
    assert_usage_error(&output, "over the limit of 10485760 bytes");
}

#[test]
fn deeply_nested_json_is_refused() {
    let json = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    let path = scratch("deep.json", json.as_bytes());
    assert_usage_error(&run(&[path]), "nests deeper than");
}

#[test]
fn invalid_utf8_markdown_is_refused() {
    let path = scratch("latin1.md", b"# Policy\n\nCaf\xe9 opening hours\n");
    assert_usage_error(&run(&[path]), "not valid UTF-8");
}

#[test]
fn usage_errors_are_exit_2() {
    assert_usage_error(&run::<&str>(&[]), "no file given");
    let xml = run(&["--format", "xml", "a.json"]);
    assert_usage_error(
        &xml,
        "[possible values: text, json, sarif, html, xlsx, csv]",
    );
    assert!(!stderr(&xml).contains("Some("), "{}", stderr(&xml));
    assert_usage_error(
        &run(&["--bogus", "a.json"]),
        "unexpected argument '--bogus'",
    );
    assert_usage_error(&run(&["missing.json"]), "missing.json: no such file");
    assert_usage_error(&run(&["draft.odt"]), "unsupported file type");
}

#[test]
fn a_bad_rule_pack_is_exit_2_naming_the_rule() {
    let pack = scratch(
        "pack.json",
        br#"{"name": "Trust pack", "version": "1", "disable": ["no-such-rule"]}"#,
    );
    let output = run(&[
        OsStr::new("--rule-pack"),
        pack.as_os_str(),
        OsStr::new("examples/drafts/perinatal-service-leaflet.json"),
    ]);
    assert_usage_error(&output, "no-such-rule");
}

#[test]
fn review_dates_are_judged_as_of_the_date_given() {
    let draft = "examples/drafts/health-equity-action-plan.json";
    let passed = |as_of: &str| -> bool {
        let output = run(&["check", "--format", "json", "--as-of", as_of, draft]);
        only_report(&output)["violations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| {
                f["rule"] == "eia-sign-off-review"
                    && f["message"]
                        .as_str()
                        .unwrap()
                        .contains("(2027-03-31) has passed")
            })
    };
    assert!(!passed("2027-03-31"), "due on the day, not past");
    assert!(passed("2027-04-01"));
    // An impossible date is a usage error, named.
    assert_usage_error(
        &run(&["check", "--as-of", "2027-02-30", draft]),
        "2027-02-30",
    );
}
