//! The organisation view over the example drafts: elements from evidence
//! across documents, the self-assessment cross-check, progress against an
//! earlier report, the waiver register, review dates, `no_excerpts`, and the
//! writers (JSON against its schema, HTML, CSV, and the workbook read back).

use std::io::Read;
use std::path::{Path, PathBuf};

use dueregard::organisation::{
    self, CrossCheckOutcome, OrganisationOptions, OrganisationReport, parse_self_assessment, write,
};
use dueregard::{Date, Draft, Engine, Format, FrameworkStatus, Progress, Report};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn report_of(engine: &Engine, path: &Path) -> Report {
    let bytes = std::fs::read(path).unwrap();
    let ext = path.extension().unwrap().to_str().unwrap();
    let stem = path.file_stem().unwrap().to_str().unwrap();
    let draft = Draft::from_bytes(
        &bytes,
        Format::from_extension(ext).unwrap(),
        stem,
        engine.limits(),
    )
    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    engine.check(&draft)
}

/// Every example draft, named by its file name.
fn examples() -> Vec<(String, Report)> {
    let engine = Engine::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("examples/drafts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_str().unwrap().to_owned(),
                report_of(&engine, p),
            )
        })
        .collect()
}

fn fixture(name: &str) -> (String, Report) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    (name.to_owned(), report_of(&Engine::new(), &path))
}

fn element<'r>(report: &'r OrganisationReport, id: &str) -> &'r organisation::OrganisationElement {
    report.elements.iter().find(|e| e.id == id).unwrap()
}

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

#[test]
fn elements_follow_the_evidence_across_documents() {
    let items = examples();
    let report = organisation::organisation(&items, &OrganisationOptions::default());
    assert_eq!(report.elements.len(), 17);
    assert_eq!(report.pillars.len(), 6);
    assert_eq!(report.documents.len(), items.len());
    let findings: usize = items
        .iter()
        .map(|(_, r)| r.violations.len() + r.needs_review.len())
        .sum();
    assert_eq!(report.findings.len(), findings);
    for e in &report.elements {
        // Each document that evidences or contradicts the element says so in its own report.
        for d in &e.evidenced_by {
            let (_, r) = items.iter().find(|(n, _)| *n == d.document).unwrap();
            let mine = r.elements.iter().find(|x| x.id == e.id).unwrap();
            assert_eq!(mine.evidence, d.evidence);
        }
        for d in &e.contradicted_by {
            assert!(!d.gaps.is_empty());
        }
        let expected = if e.evidenced_by.is_empty() && !e.contradicted_by.is_empty() {
            Some(FrameworkStatus::NotInPlace)
        } else if !e.evidenced_by.is_empty() && !e.contradicted_by.is_empty() {
            Some(FrameworkStatus::WorkInProgress)
        } else {
            None
        };
        if let Some(expected) = expected {
            assert_eq!(e.status, expected, "{e:?}");
        }
        if e.status == FrameworkStatus::InPlace {
            assert!(
                !e.evidenced_by.is_empty() && e.contradicted_by.is_empty(),
                "{e:?}"
            );
        }
    }
    // 5.1: the partnership agreement and others evidence it, but the
    // registration form's EIA has no LGBTQ+ engagement: work in progress.
    let e51 = element(&report, "5.1");
    assert_eq!(e51.status, FrameworkStatus::WorkInProgress, "{e51:?}");
    assert!(
        e51.contradicted_by
            .iter()
            .any(|d| d.document == "patient-registration-form.json")
    );
    // Nothing can show leadership from these documents: the one workforce
    // policy (the Word example) only has it to review.
    assert_eq!(
        element(&report, "1.1").status,
        FrameworkStatus::NoIssuesFound
    );
}

#[test]
fn an_element_is_in_place_when_documents_show_it_and_none_contradicts_it() {
    let items = vec![
        fixture("evidenced-form.json"),
        fixture("evidenced-service.json"),
    ];
    let report = organisation::organisation(&items, &OrganisationOptions::default());
    for id in ["3.1", "4.1", "4.2", "5.1"] {
        let e = element(&report, id);
        assert_eq!(e.status, FrameworkStatus::InPlace, "{e:?}");
        assert!(e.contradicted_by.is_empty());
    }
    // Add the registration form: its gaps contradict 4.1.
    let mut more = items.clone();
    more.push(
        examples()
            .into_iter()
            .find(|(n, _)| n == "patient-registration-form.json")
            .unwrap(),
    );
    let report = organisation::organisation(&more, &OrganisationOptions::default());
    assert_eq!(
        element(&report, "4.1").status,
        FrameworkStatus::WorkInProgress
    );
}

#[test]
fn a_contradicted_self_assessment_claim_is_named() {
    let items = examples();
    let claims = parse_self_assessment(
        "element,claimed,note\n4.1,In place,New registration form\n5.1,work in progress,\n1.1,in place,Our chief executive speaks at Pride\n2.3,not in place,\n",
    )
    .unwrap();
    let report = organisation::organisation(
        &items,
        &OrganisationOptions {
            self_assessment: Some(claims),
            ..OrganisationOptions::default()
        },
    );
    assert_eq!(report.self_assessment.len(), 4);
    let c41 = &report.self_assessment[0];
    assert_eq!(c41.element, "4.1");
    assert!(!c41.agrees);
    assert_eq!(c41.outcome, CrossCheckOutcome::Contradicted);
    // The Word example's EIA puts trans people under sex as a third option (4.1 too).
    assert_eq!(
        c41.documents,
        [
            "flexible-working-policy.docx",
            "patient-registration-form.json"
        ]
    );
    assert!(
        c41.message
            .starts_with("4.1 claimed in place; Flexible Working Policy: ")
            && c41.message.contains("; New Patient Registration Form: "),
        "{}",
        c41.message
    );
    assert!(
        c41.message.contains("\"Gender\" offers only two answers"),
        "{}",
        c41.message
    );
    assert_eq!(c41.note.as_deref(), Some("New registration form"));
    // Claimed work in progress, and it is: the documents agree.
    assert!(
        report.self_assessment[1].agrees,
        "{:?}",
        report.self_assessment[1]
    );
    // Leadership cannot be shown by documents: not shown, not contradicted.
    assert_eq!(
        report.self_assessment[2].outcome,
        CrossCheckOutcome::NotShown
    );
    assert!(!report.self_assessment[2].agrees);
    assert_eq!(report.summary.contradicted_claims, 1);
}

#[test]
fn previous_gives_progress_with_the_action_to_date() {
    let before_items = vec![(
        "registration.json".to_owned(),
        examples()
            .into_iter()
            .find(|(n, _)| n == "patient-registration-form.json")
            .unwrap()
            .1,
    )];
    let before = organisation::organisation(
        &before_items,
        &OrganisationOptions {
            as_of: Some(date("2026-06-01")),
            ..OrganisationOptions::default()
        },
    );
    // Through JSON, as the command reads --previous.
    let previous = organisation::parse_previous(&before.to_json_pretty()).unwrap();
    assert_eq!(previous, before);

    // The form rewritten: the same name, every gap on 4.1 and 4.2 closed.
    let after_items = vec![(
        "registration.json".to_owned(),
        fixture("evidenced-form.json").1,
    )];
    let after = organisation::organisation(
        &after_items,
        &OrganisationOptions {
            previous: Some(previous.clone()),
            as_of: Some(date("2026-11-30")),
            ..OrganisationOptions::default()
        },
    );
    let p41 = element(&after, "4.1").progress.as_ref().unwrap();
    assert_eq!(p41.previous, FrameworkStatus::NotInPlace);
    assert_eq!(p41.progress, Some(Progress::Significant));
    assert!(
        p41.fixed
            .iter()
            .any(|f| f.rule == "data-gender-two-options"),
        "{p41:?}"
    );
    assert!(
        p41.action_to_date
            .starts_with("Fixed since 2026-06-01: registration.json:"),
        "{}",
        p41.action_to_date
    );
    assert_eq!(
        after.previous.as_ref().unwrap().as_of,
        Some(date("2026-06-01"))
    );

    // The same documents again: nothing fixed, no progress.
    let same = organisation::organisation(
        &before_items,
        &OrganisationOptions {
            previous: Some(previous.clone()),
            ..OrganisationOptions::default()
        },
    );
    let p42 = element(&same, "4.2").progress.as_ref().unwrap();
    assert_eq!(p42.progress, Some(Progress::NoProgress), "{p42:?}");
    assert!(p42.fixed.is_empty() && p42.new_gaps == 0);

    // One gap closed of several: moderate.
    let form =
        std::fs::read_to_string(root().join("examples/drafts/patient-registration-form.json"))
            .unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&form).unwrap();
    // Marital status gains a civil partnership option.
    value["fields"][6]["options"]
        .as_array_mut()
        .unwrap()
        .push("In a civil partnership".into());
    let engine = Engine::new();
    let one_fixed = engine.check(&Draft::from_json(&value.to_string()).unwrap());
    let moderate = organisation::organisation(
        &[("registration.json".to_owned(), one_fixed)],
        &OrganisationOptions {
            previous: Some(previous),
            ..OrganisationOptions::default()
        },
    );
    let p41 = element(&moderate, "4.1").progress.as_ref().unwrap();
    assert_eq!(p41.progress, Some(Progress::Moderate), "{p41:?}");
    assert_eq!(p41.fixed.len(), 1, "{p41:?}");
    assert_eq!(p41.fixed[0].rule, "data-marital-civil-partnership");
}

#[test]
fn waivers_and_review_dates_are_registered() {
    let mut items = examples();
    let engine = Engine::new();
    let waived = root().join("tests/corpus/waiver-applied/draft.json");
    items.push((
        "waiver-applied.json".to_owned(),
        report_of(&engine, &waived),
    ));
    let report = organisation::organisation(
        &items,
        &OrganisationOptions {
            as_of: Some(date("2028-01-01")),
            ..OrganisationOptions::default()
        },
    );
    let waiver = report
        .waivers
        .iter()
        .find(|w| w.document == "waiver-applied.json")
        .expect("the waived finding is in the register");
    assert!(!waiver.reason.is_empty());
    assert_eq!(report.summary.waived, report.waivers.len());
    let past: Vec<&str> = report
        .past_review
        .iter()
        .map(|r| r.document.as_str())
        .collect();
    for name in [
        "community-partnership-agreement.json",
        "health-equity-action-plan.json",
        "patient-registration-form.json",
    ] {
        assert!(past.contains(&name), "{name} not in {past:?}");
    }
    assert!(!past.contains(&"bereavement-leave-policy.json"), "{past:?}");
    assert!(
        organisation::organisation(&items, &OrganisationOptions::default())
            .past_review
            .is_empty(),
        "without as_of no review date is judged"
    );
}

#[test]
fn no_excerpts_leaves_document_text_and_names_out() {
    let mut items = examples();
    let engine = Engine::new();
    let waived = root().join("tests/corpus/waiver-applied/draft.json");
    items.push((
        "waiver-applied.json".to_owned(),
        report_of(&engine, &waived),
    ));
    let report = organisation::organisation(
        &items,
        &OrganisationOptions {
            no_excerpts: true,
            self_assessment: Some(
                parse_self_assessment("element,claimed\n4.1,in place\n").unwrap(),
            ),
            ..OrganisationOptions::default()
        },
    );
    let json = report.to_json();
    for (name, r) in &items {
        assert!(!json.contains(name.as_str()), "{name} appears");
        assert!(
            !json.contains(&format!("\"{}\"", r.draft.title)),
            "{} appears",
            r.draft.title
        );
        for f in r.violations.iter().chain(&r.needs_review) {
            if let Some(excerpt) = &f.excerpt {
                assert!(
                    !json.contains(excerpt.as_str()),
                    "excerpt {excerpt:?} appears"
                );
            }
            if let Some(by) = f.waiver.as_ref().and_then(|w| w.approved_by.as_ref()) {
                assert!(!json.contains(by.as_str()), "approver {by:?} appears");
            }
        }
    }
    assert_eq!(report.documents[0].document, "Document 1");
    assert!(
        report.self_assessment[0].message.contains("Document "),
        "{}",
        report.self_assessment[0].message
    );
    assert!(report.waivers.iter().all(|w| w.approved_by.is_none()));
}

#[test]
fn the_json_validates_against_its_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/organisation-report.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let report = organisation::organisation(
        &examples(),
        &OrganisationOptions {
            as_of: Some(date("2026-11-30")),
            self_assessment: Some(
                parse_self_assessment("element,claimed\n4.1,in place\n").unwrap(),
            ),
            ..OrganisationOptions::default()
        },
    );
    let value = serde_json::to_value(&report).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    // The JSON entry the bindings call gives the same report.
    let input = serde_json::json!({
        "documents": examples().iter().map(|(n, r)| serde_json::json!({"document": n, "report": r})).collect::<Vec<_>>(),
        "self_assessment": [{"element": "4.1", "claimed": "in_place"}],
        "as_of": "2026-11-30",
    });
    let via_api = dueregard::json_api::organisation(&input.to_string()).unwrap();
    assert_eq!(via_api, report.to_json());
    let err =
        dueregard::json_api::organisation(r#"{"documents": [{"document": "a"}]}"#).unwrap_err();
    assert_eq!(err.pointer.as_deref(), Some("/documents/0"), "{err:?}");
}

#[test]
fn html_is_one_accessible_page() {
    let mut items = examples();
    // Document text that looks like markup stays text.
    items[0].0 = "<script>alert(1)</script>.json".into();
    let report = organisation::organisation(&items, &OrganisationOptions::default());
    let html = write::html(&report);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
    assert!(
        !html.contains("<script>"),
        "markup from a name was not escaped"
    );
    assert!(html.contains("<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\""));
    assert!(html.contains("<desc id=\"chart-desc\">Pillar 1:"));
    assert_eq!(html.matches("<tr id=\"element-").count(), 17);
    // Every table has a caption, and sits in a focusable region named by it,
    // so a narrow screen scrolls the table, not the page.
    let tables = html.matches("<table>").count();
    assert_eq!(html.matches("<caption id=\"caption-").count(), tables);
    assert_eq!(
        html.matches("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"caption-")
            .count(),
        tables
    );
    assert!(
        !html.contains("http://") && !html.contains("<link") && !html.contains("<script"),
        "self-contained"
    );
    let h = |level: u8| html.matches(&format!("<h{level}")).count();
    assert_eq!(h(1), 1);
    assert!(h(2) >= 5 && h(3) == 0);
}

#[test]
fn csv_is_the_checklist() {
    let report = organisation::organisation(&examples(), &OrganisationOptions::default());
    let text = write::csv(&report);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().get(0),
        Some("Pillars and recommendations")
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 17);
    assert!(
        rows[9]
            .get(0)
            .unwrap()
            .starts_with("4.1 Acknowledge that LGBTQ+ people")
    );
    assert_eq!(rows[9].get(8), Some("4.1"));
}

/// The workbook, read back from its XML: sheet names, and the 17 elements in
/// the checklist sheet. (The command's test also reads it with openpyxl when
/// Python has it.)
#[test]
fn the_workbook_has_the_checklist_findings_and_waivers() {
    let report = organisation::organisation(&examples(), &OrganisationOptions::default());
    let bytes = write::xlsx(&report).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut read = |name: &str| {
        let mut text = String::new();
        zip.by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    let workbook = read("xl/workbook.xml");
    for (i, name) in ["Progress checklist", "Findings", "Waiver register", "About"]
        .iter()
        .enumerate()
    {
        assert!(
            workbook.contains(&format!("name=\"{name}\" sheetId=\"{}\"", i + 1)),
            "{workbook}"
        );
    }
    let strings = read("xl/sharedStrings.xml");
    for e in &report.elements {
        assert!(
            strings.contains(&format!("<t>{}</t>", e.id)),
            "{} missing",
            e.id
        );
    }
    let sheet1 = read("xl/worksheets/sheet1.xml");
    // Title, note, key, headings, 6 pillar rows and 17 element rows.
    assert_eq!(sheet1.matches("<row ").count(), 4 + 6 + 17);
    let sheet2 = read("xl/worksheets/sheet2.xml");
    assert_eq!(sheet2.matches("<row ").count(), 1 + report.findings.len());
}

/// Reports come back in through JSON (the bindings pass them so): every
/// field reads back as it was written.
#[test]
fn reports_read_back_from_their_json() {
    for (name, report) in examples() {
        let back: Report =
            serde_json::from_str(&report.to_json()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(back, report, "{name}");
    }
}
