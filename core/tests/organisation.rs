//! `dueregard organisation`, end to end: the workbook over the example drafts
//! (read back from its XML here, and with openpyxl when Python has it), the
//! self-assessment cross-check, progress against a previous report, and bad
//! input as one line with exit code 2.

use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn run<S: AsRef<OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dueregard"))
        .arg("organisation")
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

fn scratch_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dueregard-org-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The example drafts as the shell would list `examples/drafts/*.json`.
fn example_drafts() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root().join("examples/drafts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            format!(
                "examples/drafts/{}",
                p.file_name().unwrap().to_str().unwrap()
            )
        })
        .collect();
    files.sort();
    files
}

fn json_of(output: &Output) -> Value {
    assert!(
        output.status.code() == Some(0) || output.status.code() == Some(1),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn assert_one_line_error(output: &Output, needle: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(output.stdout.is_empty());
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains(needle), "{needle:?} not in {stderr}");
}

/// A Python with openpyxl: the tests' virtual environment (made by
/// bindings-python/test.sh) if it is there, else python3.
fn python_with_openpyxl() -> Option<PathBuf> {
    [
        root().join(".venv-python/bin/python"),
        PathBuf::from("python3"),
    ]
    .into_iter()
    .find(|python| {
        Command::new(python)
            .args(["-c", "import openpyxl"])
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

#[test]
fn xlsx_over_the_example_drafts_has_the_17_elements_in_the_checklist_sheet() {
    let dir = scratch_dir("xlsx");
    let book = dir.join("organisation.xlsx");
    let mut args = vec![
        "--format".to_owned(),
        "xlsx".into(),
        "--as-of".into(),
        "2026-11-30".into(),
        "--output".into(),
        book.to_str().unwrap().into(),
    ];
    args.extend(example_drafts());
    let output = run(&args);
    // The registration form blocks an approval gate: exit 1, as for check.
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stdout.is_empty());

    // Read back from the workbook's XML (always runs).
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&book).unwrap()).unwrap();
    let mut read = |name: &str| {
        let mut text = String::new();
        zip.by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    let workbook = read("xl/workbook.xml");
    assert!(
        workbook.contains("name=\"Progress checklist\" sheetId=\"1\""),
        "{workbook}"
    );
    assert!(workbook.contains("name=\"Findings\" sheetId=\"2\""));
    assert!(workbook.contains("name=\"Waiver register\" sheetId=\"3\""));
    let sheet = read("xl/worksheets/sheet1.xml");
    assert_eq!(sheet.matches("<row ").count(), 4 + 6 + 17);

    // And as an analyst opens it, with openpyxl, where Python has it.
    let Some(python) = python_with_openpyxl() else {
        eprintln!(
            "skipped the openpyxl read: no Python with openpyxl (bash bindings-python/test.sh makes one); the XML read above ran"
        );
        return;
    };
    let script = r#"
import re, sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
assert wb.sheetnames[:3] == ["Progress checklist", "Findings", "Waiver register"], wb.sheetnames
ws = wb["Progress checklist"]
ids = [row[8] for row in ws.iter_rows(values_only=True) if isinstance(row[8], str) and re.fullmatch(r"\d\.\d", row[8])]
recs = [row[0] for row in ws.iter_rows(values_only=True) if isinstance(row[0], str) and re.match(r"\d\.\d ", row[0])]
assert len(ids) == 17 and len(recs) == 17, (ids, recs)
print(" ".join(ids))
"#;
    let out = Command::new(&python)
        .arg("-c")
        .arg(script)
        .arg(&book)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "openpyxl: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "1.1 1.2 1.3 1.4 2.1 2.2 2.3 3.1 3.2 4.1 4.2 4.3 5.1 5.2 5.3 6.1 6.2"
    );
}

#[test]
fn a_contradicted_self_assessment_claim_is_flagged() {
    let dir = scratch_dir("claims");
    let claims = dir.join("claims.csv");
    std::fs::write(
        &claims,
        "element,claimed,note\n4.1,In place,Registration form v2\n5.1,Work in progress,\n",
    )
    .unwrap();
    let mut args = vec![
        "--format".to_owned(),
        "json".into(),
        "--self-assessment".into(),
        claims.to_str().unwrap().into(),
    ];
    args.extend(example_drafts());
    let report = json_of(&run(&args));
    let checks = report["self_assessment"].as_array().unwrap();
    assert_eq!(checks.len(), 2);
    assert_eq!(checks[0]["element"], "4.1");
    assert_eq!(checks[0]["agrees"], false);
    assert_eq!(checks[0]["outcome"], "contradicted");
    assert_eq!(
        checks[0]["documents"],
        serde_json::json!(["examples/drafts/patient-registration-form.json"])
    );
    let message = checks[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("4.1 claimed in place; New Patient Registration Form:"),
        "{message}"
    );
    assert!(
        message.contains("\"Gender\" offers only two answers"),
        "{message}"
    );
    assert_eq!(checks[1]["agrees"], true, "{}", checks[1]);
    // The text view names it too.
    let mut text_args = vec![
        "--self-assessment".to_owned(),
        claims.to_str().unwrap().into(),
    ];
    text_args.extend(example_drafts());
    let text = String::from_utf8(run(&text_args).stdout).unwrap();
    assert!(
        text.contains("Self-assessment: 1 of 2 claims contradicted"),
        "{text}"
    );
}

#[test]
fn previous_gives_progress() {
    let dir = scratch_dir("previous");
    let form = dir.join("form.json");
    let before = dir.join("before.json");
    std::fs::copy(
        root().join("examples/drafts/patient-registration-form.json"),
        &form,
    )
    .unwrap();
    let first = run(&[
        "--format",
        "json",
        "--as-of",
        "2026-06-01",
        "--output",
        before.to_str().unwrap(),
        form.to_str().unwrap(),
    ]);
    assert_eq!(
        first.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    // The form is rewritten: sexual orientation asked, every question optional with a purpose.
    std::fs::copy(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/evidenced-form.json"),
        &form,
    )
    .unwrap();
    let report = json_of(&run(&[
        "--format",
        "json",
        "--as-of",
        "2026-11-30",
        "--previous",
        before.to_str().unwrap(),
        form.to_str().unwrap(),
    ]));
    let e41 = report["elements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "4.1")
        .unwrap();
    assert_eq!(e41["status"], "in_place");
    assert_eq!(e41["progress"]["previous"], "not_in_place");
    assert_eq!(e41["progress"]["progress"], "significant");
    let fixed: Vec<&str> = e41["progress"]["fixed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(fixed.contains(&"data-gender-two-options"), "{fixed:?}");
    let action = e41["progress"]["action_to_date"].as_str().unwrap();
    assert!(action.starts_with("Fixed since 2026-06-01:"), "{action}");
    assert_eq!(report["previous"]["as_of"], "2026-06-01");

    // The checklist CSV carries the progress column.
    let csv = String::from_utf8(
        run(&[
            "--format",
            "csv",
            "--previous",
            before.to_str().unwrap(),
            form.to_str().unwrap(),
        ])
        .stdout,
    )
    .unwrap();
    let row = csv
        .lines()
        .find(|l| l.starts_with("\"4.1 ") || l.starts_with("4.1 "))
        .unwrap();
    assert!(row.contains("Significant progress"), "{row}");
}

#[test]
fn html_and_no_excerpts() {
    let mut args = vec!["--format".to_owned(), "html".into(), "--no-excerpts".into()];
    args.extend(example_drafts());
    let output = run(&args);
    let html = String::from_utf8(output.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
    assert_eq!(html.matches("<tr id=\"element-").count(), 17);
    for file in example_drafts() {
        let name = Path::new(&file).file_name().unwrap().to_str().unwrap();
        assert!(
            !html.contains(name),
            "{name} is named despite --no-excerpts"
        );
    }
    assert!(html.contains("Document 1"));
}

#[test]
fn bad_input_is_one_line_and_exit_code_2() {
    let dir = scratch_dir("bad");
    let claims = dir.join("claims.csv");
    std::fs::write(&claims, "element,claimed\n9.9,in place\n").unwrap();
    let draft = "examples/drafts/bereavement-leave-policy.json";
    assert_one_line_error(
        &run(&["--self-assessment", claims.to_str().unwrap(), draft]),
        "\"9.9\" is not one of the framework's elements",
    );
    let previous = dir.join("previous.json");
    std::fs::write(&previous, r#"{"format_version": 7}"#).unwrap();
    assert_one_line_error(
        &run(&["--previous", previous.to_str().unwrap(), draft]),
        "format version 7",
    );
    assert_one_line_error(&run::<&str>(&[]), "no file given");
    assert_one_line_error(
        &run(&[
            "--self-assessment",
            dir.join("missing.csv").to_str().unwrap(),
            draft,
        ]),
        "no such file",
    );
    // A missing document is named; the others still make the view (exit 2).
    let output = run(&["--format", "json", "examples/drafts/nope.json", draft]);
    assert_eq!(output.status.code(), Some(2));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["summary"]["documents"], 1);
    // check refuses the organisation formats.
    let check = Command::new(env!("CARGO_BIN_EXE_dueregard"))
        .args(["check", "--format", "xlsx", draft])
        .current_dir(root())
        .output()
        .unwrap();
    assert_one_line_error(&check, "html, xlsx and csv are for dueregard organisation");
}
