//! Recognition on the fixtures in tests/fixtures (MANIFEST.md says what a
//! recogniser should find in each).

#![cfg(all(feature = "docx", feature = "html"))]

use dueregard::read::recognise::{Recognition, recognise};
use dueregard::read::{DocumentLimits, read_docx, read_html};
use dueregard::{DraftKind, Group, Impact};

fn docx(name: &str) -> Recognition {
    let path = format!(
        "{}/../tests/fixtures/docx/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    recognise(
        &read_docx(&bytes, &DocumentLimits::default()).unwrap_or_else(|e| panic!("{name}: {e}")),
    )
}

fn html(name: &str) -> Recognition {
    let path = format!(
        "{}/../tests/fixtures/html/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    recognise(
        &read_html(&bytes, &DocumentLimits::default()).unwrap_or_else(|e| panic!("{name}: {e}")),
    )
}

fn group(r: &Recognition, g: Group) -> &dueregard::GroupAssessment {
    let eia = r.draft.eia.as_ref().expect("an EIA was read");
    eia.groups
        .iter()
        .find(|a| a.group == g)
        .unwrap_or_else(|| panic!("no {g:?} row"))
}

#[test]
fn policy_with_ticked_eia_screening_table() {
    let r = docx("policy_eia_screening_ticks.docx");
    assert_eq!(r.draft.title, "Flexible Working Policy");
    assert_eq!(r.draft.kind, DraftKind::WorkforcePolicy);
    assert_eq!(r.draft.owner.as_deref(), Some("Head of Workforce Policy"));
    assert_eq!(
        r.draft.dates.decision.as_ref().map(|d| d.as_str()),
        Some("2026-03-14")
    );
    assert_eq!(
        r.draft.dates.review.as_ref().map(|d| d.as_str()),
        Some("2029-03-01")
    );
    let sex = group(&r, Group::Sex);
    assert_eq!(
        sex.label.as_deref(),
        Some("Gender (Male, Female and Transsexual)")
    );
    assert_eq!(sex.impact, Impact::Neutral);
    assert_eq!(group(&r, Group::Age).impact, Impact::Positive);
    assert_eq!(group(&r, Group::Disability).impact, Impact::Positive);
    assert_eq!(group(&r, Group::GenderReassignment).impact, Impact::Neutral);
    let marriage = group(&r, Group::MarriageAndCivilPartnership);
    assert_eq!(
        marriage.label.as_deref(),
        Some("Marriage & civil partnership")
    );
    assert_eq!(marriage.evidence, None, "no evidence written for marriage");
    assert_eq!(
        group(&r, Group::Race).label.as_deref(),
        Some("Race (including Gypsy, Roma and Traveller)")
    );
    let orientation = group(&r, Group::SexualOrientation);
    assert!(
        orientation
            .evidence
            .as_deref()
            .unwrap_or("")
            .starts_with("No data held")
    );
    assert_eq!(group(&r, Group::Carers).impact, Impact::Positive);
    let eia = r.draft.eia.as_ref().unwrap();
    for g in Group::PROTECTED {
        assert!(eia.groups.iter().any(|a| a.group == g), "{g:?} covered");
    }
    assert_eq!(r.recognised.eia_rows, 10);
    assert_eq!(r.recognised.eia_rows_with_evidence, 9);
    // Rows 2-11 of table 2; the sex row is the fourth row.
    assert_eq!(
        r.places.get("/eia/groups/2").map(String::as_str),
        Some("table 2 › row 4")
    );
}

#[test]
fn clinical_policy_with_impact_in_words() {
    let r = docx("policy_eia_screening_words.docx");
    assert_eq!(r.draft.title, "Chaperone Policy");
    assert_eq!(r.draft.kind, DraftKind::ClinicalPolicy);
    let trans = group(&r, Group::GenderReassignment);
    assert_eq!(trans.impact, Impact::Negative);
    assert!(trans.evidence.is_some(), "a reason is given");
    assert_eq!(group(&r, Group::Disability).impact, Impact::Positive);
    assert_eq!(
        group(&r, Group::Race).label.as_deref(),
        Some("Race / ethnicity")
    );
    assert_eq!(
        group(&r, Group::Veterans).label.as_deref(),
        Some("Armed forces veterans")
    );
    assert_eq!(
        group(&r, Group::Age).impact,
        Impact::Neutral,
        "\"none\" reads as neutral"
    );
    assert_eq!(r.recognised.eia_rows, 11);
}

#[test]
fn full_eia_with_actions_and_sign_off() {
    let r = docx("full_eia_with_actions.docx");
    let eia = r.draft.eia.as_ref().unwrap();
    assert_eq!(
        eia.assessor.as_deref(),
        Some("Service Manager, Community Podiatry")
    );
    assert_eq!(
        eia.completed_on.as_ref().map(|d| d.as_str()),
        Some("2026-01-09")
    );
    assert_eq!(group(&r, Group::Age).impact, Impact::Negative);
    assert_eq!(group(&r, Group::Race).impact, Impact::Positive);
    assert_eq!(
        group(&r, Group::Deprivation).label.as_deref(),
        Some("Deprivation (Core20PLUS5)")
    );
    assert_eq!(group(&r, Group::Deprivation).impact, Impact::Negative);
    assert!(group(&r, Group::Sex).evidence.is_some());
    assert_eq!(eia.groups.len(), 10);
    assert_eq!(eia.actions.len(), 4);
    let a = &eia.actions[2];
    assert_eq!(
        a.description,
        "Start recording sexual orientation at referral"
    );
    assert_eq!(a.owner.as_deref(), Some("Clinical Systems Lead"));
    assert_eq!(a.due.as_ref().map(|d| d.as_str()), Some("2026-07-31"));
    assert_eq!(
        a.measure.as_deref(),
        Some("Field completed on 80% of referrals")
    );
    assert_eq!(
        r.places.get("/eia/actions/2").map(String::as_str),
        Some("table 3 › row 4")
    );
}

#[test]
fn action_plan_with_two_header_rows() {
    let r = docx("action_plan_table.docx");
    assert_eq!(r.draft.kind, DraftKind::ActionPlan);
    let actions = &r.draft.eia.as_ref().unwrap().actions;
    let ids: Vec<&str> = actions.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["1.1", "1.2", "2.1", "2.2", "3.1"]);
    assert_eq!(
        actions[2].description,
        "Record sexual orientation and gender identity at first contact"
    );
    assert!(
        actions.iter().all(|a| a.owner.is_some()),
        "each action has a lead"
    );
}

#[test]
fn document_control_values() {
    let r = docx("document_control_table.docx");
    assert_eq!(r.draft.owner.as_deref(), Some("Deputy Chief Nurse"));
    assert_eq!(
        r.draft.dates.decision.as_ref().map(|d| d.as_str()),
        Some("2026-09-01")
    );
    assert_eq!(
        r.draft.dates.review.as_ref().map(|d| d.as_str()),
        Some("2028-09-01")
    );
    let r = docx("special_leave_policy.docx");
    assert_eq!(r.draft.owner.as_deref(), Some("HR Business Partner"));
    assert_eq!(
        r.draft.dates.decision.as_ref().map(|d| d.as_str()),
        Some("2025-06-03")
    );
    assert_eq!(r.draft.kind, DraftKind::WorkforcePolicy);
    assert!(
        r.draft.eia.is_none(),
        "an EIA claimed in one line has no table to read"
    );
}

fn field<'a>(r: &'a Recognition, label: &str) -> &'a dueregard::Field {
    r.draft
        .fields
        .iter()
        .find(|f| f.label == label)
        .unwrap_or_else(|| {
            panic!(
                "no field {label:?} in {:?}",
                r.draft.fields.iter().map(|f| &f.label).collect::<Vec<_>>()
            )
        })
}

#[test]
fn registration_form_with_tick_boxes() {
    let r = docx("registration_form_ticks.docx");
    assert_eq!(r.draft.kind, DraftKind::DataCollectionForm);
    assert_eq!(field(&r, "Title").options, ["Mr", "Mrs", "Miss", "Ms"]);
    assert_eq!(field(&r, "Gender").options, ["Male", "Female"]);
    assert!(
        !field(&r, "Marital status")
            .options
            .iter()
            .any(|o| o.to_lowercase().contains("civil"))
    );
    assert_eq!(field(&r, "Sex (M/F)").options, ["M", "F"]);
    assert!(field(&r, "Mother's name").options.is_empty());
    assert_eq!(r.recognised.fields, r.draft.fields.len());
}

#[test]
fn monitoring_form_one_option_per_line() {
    let r = docx("monitoring_form_nhs_standard.docx");
    assert_eq!(r.draft.kind, DraftKind::DataCollectionForm);
    assert!(
        r.draft.eia.is_none(),
        "monitoring questions are not an EIA table"
    );
    assert_eq!(
        field(&r, "What is your sex?").options,
        ["Female", "Male", "Prefer not to say"]
    );
    let orientation = r
        .draft
        .fields
        .iter()
        .find(|f| f.options.iter().any(|o| o == "Heterosexual or Straight"))
        .expect("the sexual orientation question");
    assert_eq!(orientation.options.len(), 6);
    assert!(
        orientation
            .purpose
            .as_deref()
            .unwrap_or("")
            .contains("optional"),
        "purpose from \"Answering is optional\": {:?}",
        orientation.purpose
    );
    assert_eq!(field(&r, "Gender (M/F)").options, ["M", "F"]);
}

#[test]
fn html_registration_form() {
    let r = html("registration_form.html");
    assert_eq!(r.draft.kind, DraftKind::DataCollectionForm);
    assert_eq!(r.draft.fields.len(), 9);
    assert!(field(&r, "Title").options.iter().any(|o| o == "Mx"));
    assert!(!field(&r, "Title").required);
    assert!(field(&r, "Full name").required);
    let sex = field(&r, "What is your sex?");
    assert_eq!(sex.options, ["Female", "Male", "Prefer not to say"]);
    assert!(sex.purpose.is_some());
    assert!(
        r.places
            .get("/fields/0")
            .is_some_and(|p| p.starts_with("line "))
    );
}

#[test]
fn html_controls_laid_out_in_a_table() {
    let r = html("legacy_table_form.html");
    assert_eq!(r.draft.kind, DraftKind::DataCollectionForm);
    let gender = field(&r, "Gender");
    assert_eq!(gender.options, ["M", "F"]);
    assert!(field(&r, "Title").options.iter().all(|o| o != "Mx"));
}

#[test]
fn intranet_policy_page_eia_and_control() {
    let r = html("intranet_policy_page.html");
    assert_eq!(r.draft.owner.as_deref(), Some("Head of Nursing Standards"));
    assert_eq!(
        r.draft.dates.decision.as_ref().map(|d| d.as_str()),
        Some("2026-08-12")
    );
    assert_eq!(group(&r, Group::Disability).impact, Impact::Positive);
    assert_eq!(
        group(&r, Group::GenderReassignment).impact,
        Impact::Positive
    );
    assert_eq!(group(&r, Group::Sex).impact, Impact::Neutral);
    let eia = r.draft.eia.as_ref().unwrap();
    assert_eq!(eia.groups.len(), 6);
    assert!(
        !eia.groups.iter().any(|g| g.group == Group::Race),
        "race not assessed"
    );
}

#[test]
fn a_table_not_understood_is_listed() {
    let r = docx("document_control_table.docx");
    assert!(
        r.recognised.unplaced.iter().any(|u| u.place == "table 2"),
        "the version history table: {:?}",
        r.recognised.unplaced
    );
    assert!(
        r.recognised
            .describe()
            .contains("1 not understood: table 2"),
        "{}",
        r.recognised.describe()
    );
}

#[test]
#[ignore = "prints every fixture's recognition, for looking at by hand"]
fn dump() {
    for entry in std::fs::read_dir(format!(
        "{}/../tests/fixtures/docx",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
    {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".docx") && !name.starts_with("long") {
            let r = docx(&name);
            println!(
                "=== {name}\n{}\n{:?}\n{:?}",
                serde_json::to_string_pretty(&r.draft).unwrap(),
                r.recognised,
                r.places
            );
        }
    }
    for entry in std::fs::read_dir(format!(
        "{}/../tests/fixtures/html",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
    {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let r = html(&name);
        println!(
            "=== {name}\n{}\n{:?}",
            serde_json::to_string_pretty(&r.draft).unwrap(),
            r.recognised
        );
    }
}

/// The command on Word and HTML files: the structural families run and the
/// summary is printed.
#[cfg(feature = "cli")]
mod command {
    use std::process::Command;

    fn check(file: &str, format: &str) -> (String, Option<i32>) {
        let output = Command::new(env!("CARGO_BIN_EXE_dueregard"))
            // As of a fixed day, so review dates in the fixtures do not
            // change the pinned reports when they pass.
            .args(["check", "--as-of", "2026-11-30", "--format", format, file])
            .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
            .output()
            .unwrap();
        (
            String::from_utf8(output.stdout).unwrap(),
            output.status.code(),
        )
    }

    fn rule_ids(bucket: &serde_json::Value) -> Vec<String> {
        bucket
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["rule"].as_str().unwrap().to_owned())
            .collect()
    }

    /// Every .docx and HTML fixture's report, from the command and from
    /// `json_api::check_bytes` (what the WebAssembly and Python bindings
    /// call), equals `tests/fixtures/expected/<folder>/<stem>.report.json`
    /// byte for byte (pretty, final newline, as the conformance corpus
    /// writes them). `DUEREGARD_BLESS=1` rewrites them.
    #[test]
    fn every_fixture_gives_its_expected_report_from_the_command_and_the_api() {
        let root = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
        let bless = std::env::var_os("DUEREGARD_BLESS").is_some();
        let engine = dueregard::Engine::new();
        let mut checked = 0;
        for folder in ["docx", "html"] {
            let dir = root.join("tests/fixtures").join(folder);
            let mut files: Vec<_> = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().and_then(|e| e.to_str()) == Some(folder))
                .collect();
            files.sort();
            for file in files {
                let relative = file
                    .strip_prefix(&root)
                    .unwrap()
                    .to_str()
                    .unwrap()
                    .to_owned();
                let (json, _) = check(&relative, "json");
                let reports: serde_json::Value = serde_json::from_str(&json).unwrap();
                assert_eq!(reports[0]["path"], relative.as_str());
                let stem = file.file_stem().unwrap().to_str().unwrap();
                let bytes = std::fs::read(&file).unwrap();
                let format = dueregard::Format::from_extension(folder).unwrap();
                let api = dueregard::json_api::check_bytes(&engine, &bytes, format, stem).unwrap();
                let value: serde_json::Value = serde_json::from_str(&api).unwrap();
                assert_eq!(
                    value, reports[0]["report"],
                    "{relative}: the API and the command differ"
                );
                // Pretty in the report's own field order, as the corpus writes
                // reports (a serde_json::Value would sort the keys).
                let report: dueregard::Report = serde_json::from_str(&api).unwrap();
                assert_eq!(report.to_json(), api, "{relative}: the report round-trips");
                let mut ours = report.to_json_pretty();
                ours.push('\n');
                let expected_path = root
                    .join("tests/fixtures/expected")
                    .join(folder)
                    .join(format!("{stem}.report.json"));
                if bless {
                    std::fs::create_dir_all(expected_path.parent().unwrap()).unwrap();
                    std::fs::write(&expected_path, &ours).unwrap();
                }
                let expected = std::fs::read_to_string(&expected_path).unwrap_or_else(|e| {
                    panic!(
                        "{}: {e} (DUEREGARD_BLESS=1 writes it)",
                        expected_path.display()
                    )
                });
                assert!(
                    ours == expected,
                    "{relative}: report differs from {}",
                    expected_path.display()
                );
                checked += 1;
            }
        }
        assert!(checked >= 24, "{checked} fixtures");
    }

    /// The README's first example output is the command's, line for line
    /// (its "…" lines stand for what it leaves out).
    #[test]
    fn the_readme_word_example_shows_the_commands_output() {
        let readme =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
        let block = readme
            .split_once("<!-- README example:")
            .and_then(|(_, rest)| rest.split_once("```text\n"))
            .and_then(|(_, rest)| rest.split_once("```"))
            .map(|(block, _)| block)
            .expect("the README shows the Word example's output");
        let output = Command::new(env!("CARGO_BIN_EXE_dueregard"))
            .args([
                "--as-of",
                "2026-11-30",
                "examples/drafts/flexible-working-policy.docx",
            ])
            .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
            .output()
            .unwrap();
        let text = String::from_utf8(output.stdout).unwrap();
        let mut lines = text.lines();
        for shown in block.lines().filter(|l| *l != "…") {
            assert!(
                lines.any(|l| l == shown),
                "the README shows a line the command does not print (in this order): {shown}\n{text}"
            );
        }
    }

    #[test]
    fn word_policy_runs_the_eia_rules() {
        let file = "tests/fixtures/docx/policy_eia_screening_ticks.docx";
        let (text, _) = check(file, "text");
        assert!(
            text.contains(
                "read your Word document: 6 sections; EIA table: 10 rows, 9 with evidence"
            ),
            "{text}"
        );
        let (json, _) = check(file, "json");
        let reports: serde_json::Value = serde_json::from_str(&json).unwrap();
        let report = &reports[0]["report"];
        assert_eq!(report["draft"]["kind"], "workforce_policy");
        // Every finding on an EIA row or a section says where it is in the document.
        for finding in report["violations"]
            .as_array()
            .unwrap()
            .iter()
            .chain(report["needs_review"].as_array().unwrap())
        {
            let path = finding["location"]["path"].as_str().unwrap();
            if path.starts_with("/eia/groups/") || path.starts_with("/sections/") {
                assert!(
                    finding["location"]["place"]
                        .as_str()
                        .is_some_and(|p| !p.is_empty()),
                    "no place for {path}"
                );
            }
        }
        let evidence = report["needs_review"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["location"]["path"] == "/eia/groups/4/evidence")
            .expect("marriage row has no evidence");
        assert_eq!(evidence["location"]["place"], "table 2 › row 6");
        assert_eq!(report["recognised"]["eia_rows"], 10);
        let ran: Vec<String> = rule_ids(&report["passes"])
            .into_iter()
            .chain(rule_ids(&report["violations"]))
            .chain(rule_ids(&report["needs_review"]))
            .collect();
        for rule in [
            "eia-present",
            "eia-characteristics",
            "eia-evidence",
            "eia-engagement",
        ] {
            assert!(ran.iter().any(|r| r == rule), "{rule} ran: {ran:?}");
        }
    }

    #[test]
    fn html_form_runs_the_data_rules() {
        let file = "tests/fixtures/html/registration_form.html";
        let (text, _) = check(file, "text");
        assert!(
            text.contains("read your web page: 1 section; read 9 form fields"),
            "{text}"
        );
        let (json, _) = check(file, "json");
        let reports: serde_json::Value = serde_json::from_str(&json).unwrap();
        let report = &reports[0]["report"];
        assert_eq!(report["draft"]["kind"], "data_collection_form");
        let ran: Vec<String> = rule_ids(&report["passes"])
            .into_iter()
            .chain(rule_ids(&report["violations"]))
            .chain(rule_ids(&report["needs_review"]))
            .collect();
        for rule in [
            "data-sexual-orientation-missing",
            "data-title-without-mx",
            "data-purpose-stated",
        ] {
            assert!(ran.iter().any(|r| r == rule), "{rule} ran: {ran:?}");
        }
    }

    #[test]
    fn a_legacy_doc_renamed_docx_is_one_line_and_exit_2() {
        let dir = std::env::temp_dir().join(format!("dueregard-recognise-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("old.docx");
        let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        bytes.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
        std::fs::write(&path, &bytes).unwrap();
        let output = Command::new(env!("CARGO_BIN_EXE_dueregard"))
            .args(["check".as_ref(), path.as_os_str()])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains("save it as .docx"), "{stderr}");
    }
}

/// A rule pack teaches recognition a trust's own wording, through json_api.
#[test]
fn a_rule_pack_extends_the_vocabulary() {
    use dueregard::{Format, json_api};
    let path = format!(
        "{}/../tests/fixtures/docx/policy_eia_screening_ticks.docx",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap();
    let kind_of = |pack: Option<&str>| {
        let engine = json_api::engine(pack).unwrap();
        let report = json_api::check_bytes(&engine, &bytes, Format::Docx, "").unwrap();
        let report: serde_json::Value = serde_json::from_str(&report).unwrap();
        report["draft"]["kind"].as_str().unwrap().to_owned()
    };
    assert_eq!(kind_of(None), "workforce_policy");
    let pack = r#"{"name": "trust", "version": "1",
        "options": {"recognise": {"kinds": [{"kind": "action_plan", "words": ["flexible working"]}]}}}"#;
    assert_eq!(kind_of(Some(pack)), "action_plan");
}

/// The findings of a checked fixture with a span, as (rule, place, path).
fn checked(folder: &str, name: &str) -> (String, Vec<(String, String, String)>) {
    let path = format!(
        "{}/../tests/fixtures/{folder}/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let format = dueregard::Format::from_extension(folder).expect("docx or html");
    let engine = dueregard::Engine::new();
    let json = dueregard::json_api::check_bytes(&engine, &bytes, format, name).unwrap();
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut found = Vec::new();
    for list in ["violations", "needs_review"] {
        for f in report[list].as_array().unwrap() {
            if f["location"].get("span").is_some() {
                found.push((
                    f["rule"].as_str().unwrap().to_owned(),
                    f["location"]["place"].as_str().unwrap_or("").to_owned(),
                    f["location"]["path"].as_str().unwrap_or("").to_owned(),
                ));
            }
        }
    }
    (String::from_utf8_lossy(&bytes).into_owned(), found)
}

/// Next of kin "(spouse or nearest relative)" is written in the table cell
/// before its control. It is reported once, on the field, at those words in
/// the page: the cell a field's question was read from is no longer also
/// section text, where the same term was reported a second time.
#[test]
fn an_html_question_in_a_table_cell_is_reported_once_at_its_words() {
    let (source, found) = checked("html", "legacy_table_form.html");
    let family: Vec<_> = found
        .iter()
        .filter(|(rule, _, _)| rule == "term-family-assumptions")
        .collect();
    assert_eq!(family.len(), 1, "next of kin limited to family: {family:?}");
    let (_, place, path) = family[0];
    assert_eq!(path, "/fields/4/label");
    let (line, column) = place
        .strip_prefix("line ")
        .and_then(|p| p.split_once(", column "))
        .map(|(l, c)| (l.parse::<usize>().unwrap(), c.parse::<usize>().unwrap()))
        .unwrap_or_else(|| panic!("not a line and column: {place}"));
    let at = from_line_and_column(&source, line, column);
    assert!(
        at.starts_with("spouse or nearest relative"),
        "{place}: {at}"
    );
    let r = html("legacy_table_form.html");
    assert!(
        !r.draft.sections[0].text.contains("spouse"),
        "{:?}",
        r.draft.sections
    );
    assert!(r.recognised.unplaced.is_empty(), "a form table, read");
}

/// Next of kin "husband / wife or nearest relative" is a question of a Word
/// form table (read under its heading, "Next of kin: ..."). It is reported
/// once, on the field, at the question's words in its cell: the rows read
/// into fields are no longer also section text, where the same term was
/// reported a second time.
#[test]
fn docx_findings_in_text_give_their_paragraph_and_character() {
    let (_, found) = checked("docx", "special_leave_policy.docx");
    let places: Vec<&str> = found.iter().map(|(_, place, _)| place.as_str()).collect();
    // "…on the death of a husband or wife": body paragraph 4, from character 54.
    assert!(places.contains(&"paragraph 4, character 54"), "{places:?}");
    let (_, form) = checked("docx", "registration_form_ticks.docx");
    let husband: Vec<_> = form
        .iter()
        .filter(|(rule, _, _)| rule == "term-relationship-assumptions")
        .map(|(_, place, path)| (place.as_str(), path.as_str()))
        .collect();
    assert_eq!(
        husband,
        [(
            "table 2 › row 1 › cell 1 › paragraph 1, character 9",
            "/fields/8/label"
        )]
    );
    let r = docx("registration_form_ticks.docx");
    assert_eq!(
        r.draft.fields[8].label,
        "Next of kin: Name of husband / wife or nearest relative"
    );
    assert!(
        r.draft.sections.iter().all(|s| !s.text.contains("husband")),
        "{:?}",
        r.draft.sections
    );
}

/// A term in an HTML form's label is reported once, on the field, at the
/// label's words in the page. The label used to be read into the section's
/// text as well, so each was reported twice, the second time placed by
/// walking the page from the control (line 33 for "Preferred pronouns").
#[test]
fn an_html_label_term_is_reported_once_at_the_labels_words() {
    let path = format!(
        "{}/../tests/fixtures/heldout/html/maternity_booking_form.html",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let source = String::from_utf8_lossy(&bytes);
    let engine = dueregard::Engine::new();
    let json =
        dueregard::json_api::check_bytes(&engine, &bytes, dueregard::Format::Html, "").unwrap();
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let findings: Vec<&serde_json::Value> = ["violations", "needs_review"]
        .iter()
        .flat_map(|list| report[list].as_array().unwrap())
        .collect();
    for (rule, path, line, column, words) in [
        (
            "term-preferred-pronouns",
            "/fields/3/label",
            28,
            29,
            "Preferred pronouns",
        ),
        (
            "term-relationship-assumptions",
            "/fields/6/label",
            52,
            42,
            "husband, wife",
        ),
    ] {
        let found: Vec<_> = findings.iter().filter(|f| f["rule"] == rule).collect();
        let places: Vec<_> = found
            .iter()
            .map(|f| (&f["location"]["path"], &f["location"]["place"]))
            .collect();
        assert_eq!(found.len(), 1, "{rule}: {places:?}");
        let location = &found[0]["location"];
        assert_eq!(location["path"], path);
        assert_eq!(
            location["place"],
            format!("line {line}, column {column}").as_str()
        );
        let at = from_line_and_column(&source, line, column);
        assert!(at.starts_with(words), "{rule}: {at}");
    }
}

/// The page's text from 1-based `line` and `column` (in characters) to the
/// end of that line: what a place says is there.
fn from_line_and_column(source: &str, line: usize, column: usize) -> String {
    source
        .lines()
        .nth(line - 1)
        .unwrap_or_else(|| panic!("no line {line}"))
        .chars()
        .skip(column - 1)
        .collect()
}
