//! The approval gate cannot be spoofed (issue 15, items 1 and 2).
//!
//! A waiver takes effect only with a real reason (at least 6 visible
//! letters) and, for an error-severity rule, a named approver; anything less
//! is itself a blocking finding. Past the findings limit, waivers and
//! document-wide conditions apply to the findings counted as to those listed,
//! and only unwaived errors block.
//!
//! There is no `dueregard` command binary in this crate yet, so these run
//! through the library, which the command and both bindings call.

use dueregard::{Engine, Finding, Report};
use serde_json::{Value, json};

/// An error-severity rule of the built-in pack, and a word it finds.
const SLURS: &str = "term-trans-slurs";
const SLUR: &str = "tranny";

fn check(engine: &Engine, draft: &Value) -> Report {
    engine
        .check_json(&draft.to_string())
        .unwrap_or_else(|e| panic!("{e}"))
}

fn findings<'r>(report: &'r Report, rule: &str) -> Vec<&'r Finding> {
    report
        .violations
        .iter()
        .chain(&report.needs_review)
        .filter(|f| f.rule == rule)
        .collect()
}

fn with_waiver(text: &str, waiver: Value) -> Value {
    json!({
        "title": "Staff guidance",
        "kind": "other",
        "sections": [{"id": "s", "text": text}],
        "waivers": [waiver],
    })
}

#[test]
fn a_real_reason_and_a_named_approver_waive_an_error() {
    // Quoted words are someone else's: use an unquoted one so the rule fires.
    let report_unquoted = check(
        &Engine::new(),
        &with_waiver(
            &format!("Never call anyone a {SLUR}."),
            json!({"rule": SLURS, "reason": "Quoted from the 1998 leaflet to show what changed", "approved_by": "EDI lead"}),
        ),
    );
    // The waiver takes effect and covers the finding: nothing to say about it.
    assert!(findings(&report_unquoted, "waiver-recorded").is_empty());
    let slur = findings(&report_unquoted, SLURS);
    assert_eq!(slur.len(), 1);
    assert!(slur[0].waiver.is_some());
    assert_eq!(report_unquoted.summary.blocking, 0);
    assert!(report_unquoted.passes_gate());
}

/// Every reason the issue found clearing the gate, and a few more.
const SPOOFED_REASONS: &[&str] = &[
    "\u{200B}",
    "\u{200B}\u{200C}\u{2060}\u{FEFF}",
    "\u{3164}\u{3164}\u{3164}\u{3164}\u{3164}\u{3164}\u{3164}",
    "\u{2800}\u{2800}\u{2800}\u{2800}\u{2800}\u{2800}\u{2800}",
    "\u{0}\u{0}\u{0}",
    ".",
    "N/A",
    "ok",
    "\u{202E}\u{115F}\u{1160}\u{FFA0}\u{200D}\u{00AD}",
];

#[test]
fn an_invisible_or_empty_reason_waives_nothing_and_blocks() {
    let engine = Engine::new();
    for reason in SPOOFED_REASONS {
        let report = check(
            &engine,
            &with_waiver(
                &format!("Never call anyone a {SLUR}."),
                json!({"rule": SLURS, "reason": reason, "approved_by": "EDI lead"}),
            ),
        );
        assert!(
            findings(&report, SLURS)[0].waiver.is_none(),
            "{reason:?} waived"
        );
        let recorded = findings(&report, "waiver-recorded");
        assert_eq!(recorded.len(), 1, "{reason:?}");
        assert_eq!(recorded[0].location.path, "/waivers/0/reason");
        assert!(
            recorded[0].message.contains("does not take effect"),
            "{}",
            recorded[0].message
        );
        assert_eq!(report.summary.blocking, 2, "{reason:?}");
        assert!(!report.passes_gate(), "{reason:?} cleared the gate");
    }
}

#[test]
fn a_reason_in_any_script_counts() {
    let report = check(
        &Engine::new(),
        &with_waiver(
            &format!("Never call anyone a {SLUR}."),
            json!({"rule": SLURS, "reason": "引用外部报告的原文", "approved_by": "李"}),
        ),
    );
    assert!(findings(&report, SLURS)[0].waiver.is_some());
    assert!(report.passes_gate());
}

#[test]
fn an_error_waiver_without_an_approver_waives_nothing_and_blocks() {
    let engine = Engine::new();
    for approver in [None, Some(""), Some("\u{200B}\u{3164}"), Some("-")] {
        let mut waiver = json!({"rule": SLURS, "reason": "Quoted from the 1998 leaflet"});
        if let Some(a) = approver {
            waiver["approved_by"] = json!(a);
        }
        let report = check(
            &engine,
            &with_waiver(&format!("Never call anyone a {SLUR}."), waiver),
        );
        assert!(findings(&report, SLURS)[0].waiver.is_none(), "{approver:?}");
        let recorded = findings(&report, "waiver-recorded");
        assert_eq!(recorded.len(), 1);
        assert_eq!(recorded[0].location.path, "/waivers/0/approved_by");
        assert!(
            report.violations.contains(recorded[0]),
            "a violation, not a review"
        );
        assert!(!report.passes_gate(), "{approver:?}");
    }
}

#[test]
fn a_warning_waiver_without_an_approver_still_takes_effect_with_a_review_note() {
    let report = check(
        &Engine::new(),
        &with_waiver(
            "Ask if he or she needs leave.",
            json!({"rule": "term-binary-pronouns", "reason": "Quoted from the 2009 policy"}),
        ),
    );
    assert!(
        findings(&report, "term-binary-pronouns")[0]
            .waiver
            .is_some()
    );
    let recorded = findings(&report, "waiver-recorded");
    assert_eq!(recorded.len(), 1);
    assert!(report.needs_review.contains(recorded[0]));
}

/// A draft with `hits` occurrences of the slur spread over `sections` sections.
fn many_slurs(hits: usize, sections: usize, waivers: Value) -> Value {
    let per = hits / sections;
    let sections: Vec<Value> = (0..sections)
        .map(|i| json!({"id": format!("s{i}"), "text": format!("{SLUR} ").repeat(per)}))
        .collect();
    json!({"title": "t", "kind": "other", "sections": sections, "waivers": waivers})
}

#[test]
fn past_the_limit_a_waived_error_does_not_block_however_its_hits_are_split() {
    let engine = Engine::new();
    let waiver = json!([{"rule": SLURS, "reason": "Quoted as a list of banned words", "approved_by": "EDI lead"}]);
    for sections in [1, 2, 4] {
        let report = check(&engine, &many_slurs(20_000, sections, waiver.clone()));
        assert_eq!(
            report.violations.len() + report.summary.omitted,
            20_000,
            "{sections} sections"
        );
        assert_eq!(report.summary.omitted, 10_000, "{sections} sections");
        assert_eq!(report.summary.blocking, 0, "{sections} sections");
        assert!(report.passes_gate(), "{sections} sections");
    }
    // Unwaived, every hit blocks, listed or not.
    for sections in [1, 2] {
        let report = check(&engine, &many_slurs(20_000, sections, json!([])));
        assert_eq!(report.summary.blocking, 20_000, "{sections} sections");
    }
}

#[test]
fn past_the_limit_a_section_waiver_covers_only_its_section() {
    let waiver = json!([{"rule": SLURS, "section": "s0", "reason": "Quoted as a list of banned words", "approved_by": "EDI lead"}]);
    let report = check(&Engine::new(), &many_slurs(30_000, 2, waiver));
    // s0's 15,000 are waived; s1's 15,000 block, listed or counted.
    assert_eq!(report.summary.blocking, 15_000);
}

/// A pack with one error rule that a document-wide phrase switches off.
fn conditional_pack() -> Engine {
    let pack = json!({
        "name": "trust", "version": "1",
        "term_rules": [{
            "id": "local-old-name", "name": "Old service name", "severity": "error",
            "elements": ["2.3"], "message": "“{term}” is the old name.", "rationale": "Renamed in 2025.",
            "source": {"title": "Trust style guide", "url": "https://example.invalid", "checked": "2026-11-30"},
            "entries": [{"terms": ["oldname"], "unless_document": ["formerly known as"]}]
        }]
    });
    Engine::from_pack_json(&pack.to_string()).unwrap()
}

#[test]
fn past_the_limit_a_document_condition_cancels_counted_hits_too() {
    let engine = conditional_pack();
    let text = "oldname ".repeat(20_000);
    let without = check(
        &engine,
        &json!({"title": "t", "kind": "other", "sections": [{"id": "a", "text": text}]}),
    );
    assert_eq!(without.summary.blocking, 20_000);
    let with = check(
        &engine,
        &json!({"title": "t", "kind": "other", "sections": [
            {"id": "a", "text": text},
            {"id": "b", "text": "The service formerly known as oldname."}
        ]}),
    );
    assert!(findings(&with, "local-old-name").is_empty());
    assert_eq!(with.summary.omitted, 0);
    assert_eq!(with.summary.blocking, 0);
    assert!(with.passes_gate());
}

#[test]
fn advisory_hits_a_text_does_not_read_do_not_count_as_omitted() {
    // Advisory wording rules do not read the assessment's answers. Once this
    // answer's slurs fill the list, its 5,000 "mother"s are still not
    // findings: neither listed nor counted as omitted.
    let draft = |evidence: String| {
        json!({
            "title": "t", "kind": "other",
            "sections": [{"id": "a", "text": "Clinic hours."}],
            "eia": {"groups": [{"group": "sex", "impact": "neutral", "evidence": evidence}]}
        })
    };
    let slurs = format!("{SLUR} ").repeat(10_000);
    let engine = Engine::new();
    let plain = check(&engine, &draft(slurs.clone()));
    let with_mothers = check(
        &engine,
        &draft(format!("{slurs}{}", "mother ".repeat(5_000))),
    );
    assert!(findings(&with_mothers, "term-perinatal-additive").is_empty());
    assert_eq!(with_mothers.summary.omitted, plain.summary.omitted);
    assert!(
        plain.summary.omitted < 100,
        "only the structural findings past the limit"
    );
}

#[test]
fn a_rule_whose_hits_are_all_counted_is_not_reported_as_passing() {
    let engine = Engine::new();
    // The first section fills the list with slurs; the second's pronouns are only counted.
    let draft = json!({"title": "t", "kind": "other", "sections": [
        {"id": "a", "text": format!("{SLUR} ").repeat(10_000)},
        {"id": "b", "text": "he or she ".repeat(5)}
    ]});
    let report = check(&engine, &draft);
    assert_eq!(report.summary.omitted, 5);
    assert!(
        report
            .passes
            .iter()
            .all(|p| p.rule != "term-binary-pronouns")
    );
}
