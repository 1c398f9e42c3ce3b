//! Engine behaviour a user relies on: waivers, fingerprints, fixes, positions,
//! rule packs and the element roll-up.

use dueregard::{Applicability, Draft, Engine, Finding, FrameworkStatus, Report, Severity};

fn draft(json: &str) -> Draft {
    Draft::from_json(json).unwrap_or_else(|e| panic!("{e}"))
}

fn findings<'r>(report: &'r Report, rule: &str) -> Vec<&'r Finding> {
    report
        .violations
        .iter()
        .chain(&report.needs_review)
        .filter(|f| f.rule == rule)
        .collect()
}

const PRONOUNS: &str = "term-binary-pronouns";

#[test]
fn a_waiver_with_a_reason_marks_the_finding_and_clears_the_gate() {
    let engine = Engine::new();
    let text = "Each applicant must say whether he or she is married.";
    let base = format!(r#"{{"title":"t","sections":[{{"id":"s","text":"{text}"}}]"#);
    let unwaived = engine.check(&draft(&format!("{base}}}")));
    assert!(findings(&unwaived, PRONOUNS)[0].waiver.is_none());

    let waived = engine.check(&draft(&format!(
        r#"{base},"waivers":[{{"rule":"{PRONOUNS}","reason":"Quoted from the 2009 policy","approved_by":"EDI lead"}}]}}"#
    )));
    let finding = findings(&waived, PRONOUNS)[0];
    assert_eq!(
        finding.waiver.as_ref().unwrap().reason,
        "Quoted from the 2009 policy"
    );
    assert_eq!(waived.summary.waived, 1);
    assert!(findings(&waived, "waiver-recorded").is_empty());
}

#[test]
fn a_waiver_without_a_reason_does_not_apply_and_is_a_blocking_finding() {
    let engine = Engine::new();
    let report = engine.check(&draft(&format!(
        r#"{{"title":"t","sections":[{{"id":"s","text":"he or she"}}],"waivers":[{{"rule":"{PRONOUNS}","reason":" ","approved_by":"x"}}]}}"#
    )));
    assert!(findings(&report, PRONOUNS)[0].waiver.is_none());
    let waiver = findings(&report, "waiver-recorded");
    assert_eq!(waiver.len(), 1);
    assert_eq!(waiver[0].severity, Severity::Error);
    assert_eq!(waiver[0].location.path, "/waivers/0/reason");
    assert!(!report.passes_gate());
}

#[test]
fn a_section_waiver_covers_only_that_section() {
    let engine = Engine::new();
    let report = engine.check(&draft(&format!(
        r#"{{"title":"t","sections":[{{"id":"a","text":"he or she"}},{{"id":"b","text":"he or she"}}],
            "waivers":[{{"rule":"{PRONOUNS}","reason":"quoted","approved_by":"x","section":"a"}}]}}"#
    )));
    let found = findings(&report, PRONOUNS);
    assert_eq!(found.len(), 2);
    assert!(found[0].waiver.is_some() && found[1].waiver.is_none());
}

#[test]
fn fingerprints_survive_edits_elsewhere_and_tell_repeats_apart() {
    let engine = Engine::new();
    let before = engine.check(&draft(
        r#"{"title":"t","sections":[{"id":"a","text":"he or she, and he or she"},{"id":"b","text":"x"}]}"#,
    ));
    let after = engine.check(&draft(
        r#"{"title":"t","sections":[{"id":"a","text":"New opening sentence. he or she, and he or she"},{"id":"b","text":"y"}]}"#,
    ));
    let prints = |r: &Report| {
        findings(r, PRONOUNS)
            .iter()
            .map(|f| f.fingerprint.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(prints(&before), prints(&after));
    assert_ne!(prints(&before)[0], prints(&before)[1]);
}

#[test]
fn locations_agree_across_encodings_and_fixes_apply_cleanly() {
    let engine = Engine::new();
    let text = "Équipe 🏳️‍🌈: if he or she asks, help.";
    let d = draft(&format!(
        r#"{{"title":"t","sections":[{{"id":"s","text":"{text}"}}]}}"#
    ));
    let report = engine.check(&d);
    let finding = findings(&report, PRONOUNS)[0];
    let span = finding.location.span.unwrap();
    assert_eq!(&text[span.start..span.end], "he or she");
    assert_eq!(span.utf16_start, text[..span.start].encode_utf16().count());
    assert_eq!(span.char_start, text[..span.start].chars().count());
    assert_eq!((span.line, span.column), (1, span.char_start + 1));
    assert_eq!(finding.location.path, "/sections/0/text");

    let fix = finding.fix.as_ref().expect("a fix is offered");
    assert_ne!(fix.applicability, Applicability::None);
    let edit = &fix.edits[0];
    let mut fixed = text.to_owned();
    fixed.replace_range(edit.start..edit.end, &edit.replacement);
    let again = engine.check(&Draft::from_text("t", &fixed).unwrap());
    assert!(findings(&again, PRONOUNS).is_empty(), "{fixed}");
}

#[test]
fn reports_are_byte_identical_for_the_same_input() {
    let engine = Engine::new();
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/drafts/health-equity-action-plan.json"
    ))
    .unwrap();
    let a = engine.check_json(&json).unwrap().to_json();
    let b = Engine::new().check_json(&json).unwrap().to_json();
    assert_eq!(a, b);
}

#[test]
fn rule_packs_disable_reweight_and_add_terms() {
    let pack = r#"{
        "name": "Northshire Trust", "version": "2026.1",
        "disable": ["eia-psed-aims"],
        "severity": {"term-binary-pronouns": "error"},
        "term_rules": [{
            "id": "trust-service-names", "name": "Old service names", "severity": "info",
            "elements": ["2.3"], "message": "“{term}” is the service's old name.",
            "rationale": "The gender identity service was renamed in 2025; the old name confuses people looking for it.",
            "source": {"title": "Trust naming policy", "url": "https://intranet.invalid/naming", "checked": "2026-11-01"},
            "entries": [{"terms": ["gender dysphoria clinic"], "suggestions": ["gender identity service"], "fix": "safe"}]
        }]
    }"#;
    let engine = Engine::from_pack_json(pack).unwrap();
    assert_eq!(engine.pack(), ("Northshire Trust", "2026.1"));
    assert!(engine.rules().iter().all(|r| r.id != "eia-psed-aims"));
    let report = engine.check(
        &Draft::from_text(
            "t",
            "Refer to the gender dysphoria clinic if he or she asks.",
        )
        .unwrap(),
    );
    assert_eq!(findings(&report, "trust-service-names").len(), 1);
    assert_eq!(findings(&report, PRONOUNS)[0].severity, Severity::Error);
    assert_eq!(report.engine.rule_pack, "Northshire Trust");
}

#[test]
fn rule_pack_errors_name_the_rule_and_field() {
    let cases = [
        (
            r#"{"name":"p","version":"1","severity":{"nope":"error"}}"#,
            "/severity/nope",
        ),
        (
            r#"{"name":"p","version":"1","term_rules":[{"id":"Bad Id","name":"n","severity":"info","elements":["2.3"],"message":"m","rationale":"r","source":{"title":"t","url":"u","checked":"c"},"entries":[{"terms":["x"]}]}]}"#,
            "/term_rules/0/id",
        ),
        (
            r#"{"name":"p","version":"1","term_rules":[{"id":"a","name":"n","severity":"info","elements":["7.1"],"message":"m","rationale":"r","source":{"title":"t","url":"u","checked":"c"},"entries":[{"terms":["x"]}]}]}"#,
            "/term_rules/0/elements/0",
        ),
        (
            r#"{"name":"p","version":"1","term_rules":[{"id":"a","name":"n","severity":"info","elements":["2.3"],"message":"m","rationale":"r","source":{"title":"t","url":"u","checked":"c"},"entries":[{"terms":[""]}]}]}"#,
            "/term_rules/0/entries/0/terms/0",
        ),
        (
            r#"{"name":"p","version":"1","options":{"small_number_threshold":"ten"}}"#,
            "/options/small_number_threshold",
        ),
        (
            r#"{"name":"p","version":"1","extends":"builtin"}"#,
            "/extends",
        ),
    ];
    for (json, pointer) in cases {
        let err = Engine::from_pack_json(json).unwrap_err();
        assert_eq!(err.pointer(), pointer, "{err}");
    }
}

#[test]
fn a_pack_without_the_builtin_rules_checks_only_its_own() {
    let engine =
        Engine::from_pack_json(r#"{"name":"empty","version":"0","extends_builtin":false}"#)
            .unwrap();
    assert!(engine.rules().is_empty());
    let report = engine.check(&Draft::from_text("t", "he or she").unwrap());
    assert!(
        report.violations.is_empty()
            && report
                .elements
                .iter()
                .all(|e| e.status == FrameworkStatus::NotAssessed)
    );
}

#[test]
fn elements_roll_up_to_the_framework_scale() {
    let engine = Engine::new();
    let report = engine.check(&draft(
        r#"{"title":"t","kind":"service_design","eia":{"engagement":[{"with":"Patient panel"}]}}"#,
    ));
    assert_eq!(report.elements.len(), 17);
    assert_eq!(report.pillars.len(), 6);
    let e51 = report.elements.iter().find(|e| e.id == "5.1").unwrap();
    assert_eq!(e51.status, FrameworkStatus::NotInPlace, "{e51:?}");
    assert!(e51.gaps.iter().any(|g| g.rule == "eia-engagement"));
    // A service design draft has no leadership rule: no status, not a failure.
    let e11 = report.elements.iter().find(|e| e.id == "1.1").unwrap();
    assert_eq!(e11.status, FrameworkStatus::NotAssessed);
    let p5 = report.pillars.iter().find(|p| p.number == 5).unwrap();
    assert_eq!(p5.status, FrameworkStatus::NotInPlace);
}

#[test]
fn drafts_of_kinds_without_an_eia_are_not_failed_for_lacking_one() {
    let report = Engine::new().check(&draft(
        r#"{"title":"Leaflet","kind":"patient_information"}"#,
    ));
    assert!(findings(&report, "eia-present").is_empty());
    assert!(report.inapplicable.iter().any(|o| o.rule == "eia-present"));
}

#[test]
fn oversized_rule_packs_are_refused_with_a_reason() {
    let huge = format!(
        r#"{{"name":"p","version":"1","disable":[],"term_rules":[],"x":"{}"}}"#,
        "a".repeat(3 * 1024 * 1024)
    );
    let err = Engine::from_pack_json(&huge).unwrap_err();
    assert!(err.to_string().contains("over the limit"), "{err}");

    let rule = |i: usize| {
        format!(
            r#"{{"id":"r{i}","name":"n","severity":"info","elements":["2.3"],"message":"m","rationale":"r","source":{{"title":"t","url":"u","checked":"c"}},"entries":[{{"terms":["w{i}x"]}}]}}"#
        )
    };
    let rules: Vec<String> = (0..1_001).map(rule).collect();
    let many = format!(
        r#"{{"name":"p","version":"1","term_rules":[{}]}}"#,
        rules.join(",")
    );
    let err = Engine::from_pack_json(&many).unwrap_err();
    assert_eq!(err.pointer(), "/term_rules");

    let long_phrases: Vec<String> = (0..7_000).map(|i| format!("{i:0>190}")).collect();
    let pack = serde_json::json!({"name":"p","version":"1","term_rules":[{
        "id":"big","name":"n","severity":"info","elements":["2.3"],"message":"m","rationale":"r",
        "source":{"title":"t","url":"u","checked":"c"},"entries":[{"terms": long_phrases}]}]});
    let err = Engine::from_pack_json(&pack.to_string()).unwrap_err();
    assert!(err.to_string().contains("phrases come to"), "{err}");
}
