//! SARIF output: every example, corpus case and labelled draft gives a log
//! that validates against the official SARIF 2.1.0 schema (vendored in
//! tests/data), and the log says what the report says: rules with absolute
//! help links, levels, places in the file, fingerprints, waivers as
//! suppressions, safe fixes as fixes, baseline states.
//!
//! With `DUEREGARD_SARIF_OUT=DIR` the logs are also written to DIR, for
//! `tests/sarif-validate.sh` to check with Microsoft's SARIF multitool.

use std::path::{Path, PathBuf};

use dueregard::write::sarif::{FINGERPRINT_KEY, SarifArtifact, SarifOptions, sarif_log};
use dueregard::write::{Baseline, SourcePlaces};
use dueregard::{Draft, Engine, Format, Limits, Report};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A checked file: its path from the repository root, format, text and report.
struct Checked {
    path: String,
    format: Format,
    source: String,
    draft: Draft,
    report: Report,
}

fn check_file(engine: &Engine, relative: &str) -> Checked {
    let path = root().join(relative);
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let format = Format::from_extension(ext).unwrap();
    let source = std::fs::read_to_string(&path).unwrap();
    let title = path.file_stem().unwrap().to_string_lossy();
    let draft = Draft::from_bytes(source.as_bytes(), format, &title, &Limits::default()).unwrap();
    Checked {
        path: relative.to_owned(),
        format,
        source,
        report: engine.check(&draft),
        draft,
    }
}

fn files_in(folder: &str, ext: &[&str]) -> Vec<String> {
    let mut found: Vec<String> = std::fs::read_dir(root().join(folder))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ext.contains(&e))
        })
        .map(|p| format!("{folder}/{}", p.file_name().unwrap().to_string_lossy()))
        .collect();
    found.sort();
    found
}

/// Every example draft, corpus case and labelled draft, and the inline waiver fixtures.
fn every_fixture() -> Vec<String> {
    let mut all = files_in("examples/drafts", &["json", "md", "txt"]);
    let mut cases: Vec<PathBuf> = std::fs::read_dir(root().join("tests/corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        for draft in files_in(&format!("tests/corpus/{name}"), &["json", "md", "txt"]) {
            if !draft.ends_with("expected.json") {
                all.push(draft);
            }
        }
    }
    all.extend(
        files_in("tests/labelled/drafts", &["json", "md", "txt"])
            .into_iter()
            .filter(|f| !f.ends_with(".labels.json")),
    );
    all.extend(files_in("core/tests/data/inline-waivers", &["md", "txt"]));
    all
}

fn log_for(checked: &[Checked], options: &SarifOptions<'_>) -> Value {
    let artifacts: Vec<SarifArtifact<'_>> = checked
        .iter()
        .map(|c| SarifArtifact {
            path: &c.path,
            source: Some((c.format, &c.source)),
            report: &c.report,
        })
        .collect();
    let log = sarif_log(&artifacts, Engine::new().rules(), options);
    serde_json::from_str(&log.to_json()).unwrap()
}

fn schema() -> jsonschema::Validator {
    let text =
        std::fs::read_to_string(root().join("core/tests/data/sarif-schema-2.1.0.json")).unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, log: &Value, name: &str) {
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:#?}");
}

fn write_out(name: &str, log: &Value) {
    if let Some(dir) = std::env::var_os("DUEREGARD_SARIF_OUT") {
        let dir = Path::new(&dir);
        std::fs::create_dir_all(dir).unwrap();
        let file = name.replace(['/', '.'], "_") + ".sarif";
        std::fs::write(dir.join(file), serde_json::to_string_pretty(log).unwrap()).unwrap();
    }
}

#[test]
fn every_fixture_gives_a_valid_log_that_matches_its_report() {
    let engine = Engine::new();
    let validator = schema();
    let fixtures = every_fixture();
    assert!(fixtures.len() >= 25, "only {} fixtures", fixtures.len());
    for relative in &fixtures {
        let checked = check_file(&engine, relative);
        let log = log_for(std::slice::from_ref(&checked), &SarifOptions::default());
        assert_valid(&validator, &log, relative);
        write_out(relative, &log);

        let run = &log["runs"][0];
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        let results = run["results"].as_array().unwrap();
        let report = &checked.report;
        let findings: Vec<_> = report
            .violations
            .iter()
            .chain(&report.needs_review)
            .collect();
        assert_eq!(
            results.len(),
            findings.len(),
            "{relative}: one result per finding"
        );
        let places = SourcePlaces::new(checked.format, &checked.source);
        let draft_json = serde_json::to_value(&checked.draft).unwrap();
        for (result, finding) in results.iter().zip(&findings) {
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(
                rules[index]["id"],
                finding.rule.as_str(),
                "{relative}: ruleIndex"
            );
            assert_eq!(result["ruleId"], finding.rule.as_str());
            assert_eq!(
                result["partialFingerprints"][FINGERPRINT_KEY],
                finding.fingerprint.as_str()
            );
            let region = &result["locations"][0]["physicalLocation"]["region"];
            let place = places.locate(&finding.location);
            assert_eq!(
                region["startLine"], place.start_line,
                "{relative}: {}",
                finding.rule
            );
            assert_eq!(region["charOffset"], place.utf16_offset);
            // A finding in text is placed on its own words in the file.
            if let Some(span) = finding.location.span {
                let text = draft_json
                    .pointer(&finding.location.path)
                    .and_then(Value::as_str)
                    .unwrap();
                let words = &text[span.start..span.end];
                let snippet = region["snippet"]["text"].as_str().unwrap_or("");
                let unescaped = match checked.format {
                    Format::Json => {
                        serde_json::from_str::<String>(&format!("\"{snippet}\"")).unwrap()
                    }
                    _ => snippet.to_owned(),
                };
                assert_eq!(unescaped, words, "{relative}: {}", finding.rule);
            }
            assert_eq!(result["suppressions"].is_array(), finding.waiver.is_some());
        }
    }
}

#[test]
fn rules_carry_help_text_absolute_links_levels_and_framework_elements() {
    let engine = Engine::new();
    let checked = check_file(&engine, "examples/drafts/bereavement-leave-policy.json");
    let options = SarifOptions {
        doc_base_url: "https://docs.example.org/dueregard/rules.html".into(),
        ..SarifOptions::default()
    };
    let log = log_for(&[checked], &options);
    let driver = &log["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "dueregard");
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), engine.rules().len());
    for (rule, meta) in rules.iter().zip(engine.rules()) {
        assert_eq!(rule["id"], meta.id);
        assert_eq!(
            rule["helpUri"],
            format!("https://docs.example.org/dueregard/rules.html#{}", meta.id)
        );
        assert!(
            rule["help"]["text"]
                .as_str()
                .unwrap()
                .contains(&meta.rationale)
        );
        assert_eq!(rule["properties"]["family"], meta.family.as_str());
        assert_eq!(
            rule["properties"]["elements"],
            serde_json::json!(meta.elements)
        );
        let expected = match (meta.advisory, meta.severity.as_str()) {
            (true, _) | (false, "info") => "note",
            (false, s) => s,
        };
        assert_eq!(
            rule["defaultConfiguration"]["level"], expected,
            "{}",
            meta.id
        );
    }
    // The default links go to docs/rules.md in the repository, anchored by id.
    let log = log_for(
        &[check_file(&engine, "tests/corpus/title-only/draft.json")],
        &SarifOptions::default(),
    );
    let first = &log["runs"][0]["tool"]["driver"]["rules"][0];
    let uri = first["helpUri"].as_str().unwrap();
    assert!(
        uri.starts_with("https://")
            && uri.ends_with(&format!("docs/rules.md#{}", first["id"].as_str().unwrap())),
        "{uri}"
    );
}

#[test]
fn a_waiver_is_a_suppression_with_its_justification() {
    let engine = Engine::new();
    let log = log_for(
        &[check_file(
            &engine,
            "tests/corpus/waiver-applied/draft.json",
        )],
        &SarifOptions::default(),
    );
    let results = log["runs"][0]["results"].as_array().unwrap();
    let waived: Vec<&Value> = results
        .iter()
        .filter(|r| r["suppressions"].is_array())
        .collect();
    assert_eq!(waived.len(), 1);
    let suppression = &waived[0]["suppressions"][0];
    assert_eq!(suppression["kind"], "inSource");
    assert_eq!(suppression["status"], "accepted");
    assert_eq!(
        suppression["justification"],
        "Quotes the 2009 policy verbatim for comparison"
    );
    assert_eq!(suppression["properties"]["approvedBy"], "Head of Equality");
    // A JSON draft names the finding's pointer as a logical location too.
    let logical = &waived[0]["locations"][0]["logicalLocations"][0];
    assert_eq!(logical["fullyQualifiedName"], "/sections/0/text");
    assert_eq!(logical["kind"], "member");
}

#[test]
fn inline_waivers_are_suppressions_on_the_right_lines() {
    let engine = Engine::new();
    let relative = "core/tests/data/inline-waivers/visiting-policy.md";
    let log = log_for(&[check_file(&engine, relative)], &SarifOptions::default());
    let results = log["runs"][0]["results"].as_array().unwrap();
    let line_of = |r: &Value| {
        r["locations"][0]["physicalLocation"]["region"]["startLine"]
            .as_u64()
            .unwrap()
    };
    let pronouns: Vec<(u64, bool)> = results
        .iter()
        .filter(|r| r["ruleId"] == "term-binary-pronouns")
        .map(|r| (line_of(r), r["suppressions"].is_array()))
        .collect();
    // Line 5 is unwaived; lines 12 and 13 are in the waived History section;
    // line 35 is after a waiver with no reason, which has no effect.
    assert_eq!(pronouns, [(5, false), (12, true), (13, true), (35, false)]);
    let roles: Vec<(u64, bool)> = results
        .iter()
        .filter(|r| r["ruleId"] == "term-gendered-roles")
        .map(|r| (line_of(r), r["suppressions"].is_array()))
        .collect();
    // waive-next covers the Chairman paragraph only, not the one after it.
    assert!(
        roles.contains(&(20, true)) && roles.contains(&(22, false)),
        "{roles:?}"
    );
    // Findings about the waivers point at their comments.
    let waiver_lines: Vec<(u64, String)> = results
        .iter()
        .filter(|r| r["ruleId"] == "waiver-recorded")
        .map(|r| {
            (
                line_of(r),
                r["message"]["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let on = |line: u64, needle: &str| {
        waiver_lines
            .iter()
            .any(|(l, m)| *l == line && m.contains(needle))
    };
    assert!(on(26, "covers no finding"), "{waiver_lines:?}");
    assert!(on(32, "gives no reason"), "{waiver_lines:?}");
    assert!(on(33, "not a rule in this pack"), "{waiver_lines:?}");
}

#[test]
fn needs_review_is_a_note_and_safe_fixes_are_fixes() {
    let engine = Engine::new();
    let source =
        "# Note\n\nAsk patients for their preferred pronouns; ask if he or she needs help.\n";
    let draft = Draft::from_markdown(source).unwrap();
    let checked = Checked {
        path: "notes/a note.md".into(),
        format: Format::Markdown,
        source: source.into(),
        report: engine.check(&draft),
        draft,
    };
    let log = log_for(&[checked], &SarifOptions::default());
    assert_valid(&schema(), &log, "a note");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "notes/a%20note.md"
    );
    for r in results {
        if r["properties"]["needsReview"] == true {
            assert_eq!(r["level"], "note");
        }
    }
    let fixed: Vec<&Value> = results.iter().filter(|r| r["fixes"].is_array()).collect();
    assert!(!fixed.is_empty(), "a safe fix is offered");
    for r in fixed {
        let replacement = &r["fixes"][0]["artifactChanges"][0]["replacements"][0];
        let offset = replacement["deletedRegion"]["charOffset"].as_u64().unwrap() as usize;
        let length = replacement["deletedRegion"]["charLength"].as_u64().unwrap() as usize;
        // ASCII source, so UTF-16 offsets are byte offsets.
        let deleted = &source[offset..offset + length];
        assert_eq!(
            r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"],
            deleted
        );
        let inserted = replacement["insertedContent"]["text"].as_str().unwrap();
        assert!(!inserted.is_empty() && inserted != deleted);
    }
}

#[test]
fn a_baseline_marks_results_unchanged_or_new() {
    let engine = Engine::new();
    let before = "# T\n\nAsk if he or she needs help.\n";
    let after = "# T\n\nAsk if he or she needs help. The chairman agrees.\n";
    let old = engine.check(&Draft::from_markdown(before).unwrap());
    let baseline = Baseline::from_reports([("a.md", &old)]);
    let checked = Checked {
        path: "a.md".into(),
        format: Format::Markdown,
        source: after.into(),
        report: engine.check(&Draft::from_markdown(after).unwrap()),
        draft: Draft::from_markdown(after).unwrap(),
    };
    let options = SarifOptions {
        baseline: Some(&baseline),
        ..SarifOptions::default()
    };
    let log = log_for(&[checked], &options);
    assert_valid(&schema(), &log, "baseline");
    let states: Vec<(String, String)> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap().to_owned(),
                r["baselineState"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(
        states.contains(&("term-binary-pronouns".into(), "unchanged".into())),
        "{states:?}"
    );
    assert!(
        states.contains(&("term-gendered-roles".into(), "new".into())),
        "{states:?}"
    );
}
