//! Inline waivers in Markdown and plain text behave exactly as the same
//! waivers written in a JSON draft; waivers that cover nothing are noted.

use dueregard::{Draft, Engine, Finding, Report};

fn all(report: &Report) -> impl Iterator<Item = &Finding> {
    report.violations.iter().chain(&report.needs_review)
}

/// (rule, section, waiver reason) of every finding, in report order.
fn waived(report: &Report) -> Vec<(String, Option<String>, Option<String>)> {
    all(report)
        .map(|f| {
            (
                f.rule.to_string(),
                f.location.section.as_deref().map(str::to_owned),
                f.waiver.as_ref().map(|w| w.reason.clone()),
            )
        })
        .collect()
}

const MARKDOWN: &str = "# Leave\n\n## Scope\n\nAsk if he or she needs leave.\n\n## History\n\n<!-- dueregard: waive term-binary-pronouns because quoting the 2009 scheme; approved by EDI lead -->\nThe 2009 scheme said he or she must apply in writing.\n";

#[test]
fn a_markdown_waiver_gives_the_same_report_as_the_same_waiver_in_json() {
    let engine = Engine::new();
    let from_markdown = Draft::from_markdown(MARKDOWN).unwrap();
    assert_eq!(from_markdown.waivers.len(), 1);
    let waiver = &from_markdown.waivers[0];
    assert_eq!(waiver.rule, "term-binary-pronouns");
    assert_eq!(waiver.reason, "quoting the 2009 scheme");
    assert_eq!(waiver.approved_by.as_deref(), Some("EDI lead"));
    assert_eq!(waiver.section.as_deref(), Some("history"));

    let json = serde_json::json!({
        "title": "Leave",
        "sections": [
            {"id": "scope", "heading": "Scope", "text": from_markdown.sections[0].text},
            {"id": "history", "heading": "History", "text": from_markdown.sections[1].text}
        ],
        "waivers": [{"rule": "term-binary-pronouns", "reason": "quoting the 2009 scheme",
                     "approved_by": "EDI lead", "section": "history"}]
    });
    let from_json = Draft::from_json(&json.to_string()).unwrap();
    let (md, js) = (engine.check(&from_markdown), engine.check(&from_json));
    assert_eq!(md, js, "same draft, same report, byte for byte");
    assert_eq!(
        waived(&md),
        [
            ("term-binary-pronouns".into(), Some("scope".into()), None),
            (
                "term-binary-pronouns".into(),
                Some("history".into()),
                Some("quoting the 2009 scheme".into())
            ),
        ]
    );
}

#[test]
fn a_text_waiver_covers_the_whole_text() {
    let text = "<!-- dueregard: waive term-binary-pronouns because the note quotes the Act; approved by Legal -->\nHe or she may appeal. His or her appeal is heard within 28 days.\n";
    let report = Engine::new().check(&Draft::from_text("note", text).unwrap());
    let pronouns: Vec<_> = all(&report)
        .filter(|f| f.rule == "term-binary-pronouns")
        .collect();
    assert_eq!(pronouns.len(), 2);
    assert!(pronouns.iter().all(|f| f.waiver.is_some()));
    assert!(report.passes_gate());
}

#[test]
fn waive_next_covers_one_paragraph() {
    let markdown = "# T\n\n## Roles\n\n<!-- dueregard: waive-next term-gendered-roles because statutory title; approved by Trust Secretary -->\nThe Chairman approves this policy.\n\nThe chairman of the panel is elected.\n";
    let report = Engine::new().check(&Draft::from_markdown(markdown).unwrap());
    let roles: Vec<bool> = all(&report)
        .filter(|f| f.rule == "term-gendered-roles")
        .map(|f| f.waiver.is_some())
        .collect();
    assert_eq!(roles, [true, false]);
}

#[test]
fn waivers_with_no_reason_or_an_unknown_rule_are_findings_and_waive_nothing() {
    let markdown = "# T\n\n## A\n\n<!-- dueregard: waive term-binary-pronouns -->\n<!-- dueregard: waive no-such-rule because renamed; approved by EDI lead -->\nAsk if he or she needs help.\n";
    let report = Engine::new().check(&Draft::from_markdown(markdown).unwrap());
    let pronoun = all(&report)
        .find(|f| f.rule == "term-binary-pronouns")
        .unwrap();
    assert!(pronoun.waiver.is_none());
    let mut notes: Vec<(&str, &str)> = all(&report)
        .filter(|f| f.rule == "waiver-recorded")
        .map(|f| (f.location.path.as_str(), f.message.as_str()))
        .collect();
    notes.sort();
    let paths: Vec<&str> = notes.iter().map(|(p, _)| *p).collect();
    // No reason; no approver (a review); a rule the pack does not have.
    assert_eq!(
        paths,
        [
            "/waivers/0/approved_by",
            "/waivers/0/reason",
            "/waivers/1/rule"
        ]
    );
    assert!(notes.iter().all(|(_, m)| !m.contains("covers no finding")));
}

#[test]
fn a_waiver_that_covers_nothing_is_an_info_note_for_json_and_inline_waivers() {
    let engine = Engine::new();
    let json = r#"{"title": "t", "sections": [{"id": "a", "text": "Nothing to waive here."}],
        "waivers": [{"rule": "term-binary-pronouns", "reason": "old quote", "approved_by": "EDI lead", "section": "a"}]}"#;
    let report = engine.check_json(json).unwrap();
    let note = all(&report)
        .find(|f| f.rule == "waiver-recorded")
        .expect("a note");
    assert_eq!(note.location.path, "/waivers/0");
    assert_eq!(note.severity, dueregard::Severity::Info);
    assert!(report.needs_review.iter().any(|f| f == note));
    assert!(
        note.message.contains("covers no finding"),
        "{}",
        note.message
    );
    assert!(report.passes.iter().all(|p| p.rule != "waiver-recorded"));
    assert!(report.passes_gate(), "a note never blocks");

    let markdown = "# T\n\n## A\n\n<!-- dueregard: waive term-binary-pronouns because old quote; approved by EDI lead -->\nNothing to waive here.\n";
    let inline = engine.check(&Draft::from_markdown(markdown).unwrap());
    let inline_note = all(&inline).find(|f| f.rule == "waiver-recorded").unwrap();
    assert_eq!(inline_note.message, note.message);

    // Once the waiver covers something, the note goes and the rule passes again.
    let used = json.replace("Nothing to waive here.", "Ask if he or she needs help.");
    let report = engine.check_json(&used).unwrap();
    assert!(all(&report).all(|f| f.rule != "waiver-recorded"));
    assert!(report.passes.iter().any(|p| p.rule == "waiver-recorded"));
}

#[test]
fn an_editing_session_sees_inline_waivers_when_the_draft_is_read_again() {
    use std::sync::Arc;
    let engine = Arc::new(Engine::new());
    let plain = MARKDOWN.replace(
        "<!-- dueregard: waive term-binary-pronouns because quoting the 2009 scheme; approved by EDI lead -->\n",
        "",
    );
    let mut session =
        dueregard::Session::new(engine.clone(), Draft::from_markdown(&plain).unwrap());
    assert!(all(&session.report()).all(|f| f.waiver.is_none()));
    let report = session.set_draft(Draft::from_markdown(MARKDOWN).unwrap());
    assert_eq!(
        report,
        engine.check(&Draft::from_markdown(MARKDOWN).unwrap())
    );
    assert_eq!(all(&report).filter(|f| f.waiver.is_some()).count(), 1);
}
