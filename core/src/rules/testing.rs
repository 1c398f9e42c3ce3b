//! Test helpers for the rule files: run one rule over a draft written as
//! JSON, with the built-in pack's options, and check its own examples.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use crate::engine::Engine;
use crate::model::Draft;
use crate::model::{PackOptions, Severity};
use crate::rules::{RawFinding, RuleContext, SectionTextRule, StructuralRule, Verdict};

/// The ids of every built-in rule with its severity, for the waiver rule.
static KNOWN_RULES: LazyLock<BTreeMap<String, Severity>> = LazyLock::new(|| {
    Engine::new()
        .rules()
        .iter()
        .map(|r| (r.id.clone(), r.severity))
        .collect()
});

fn draft(json: &str) -> Draft {
    Draft::from_json(json).unwrap_or_else(|e| panic!("not a valid draft: {e}\n{json}"))
}

/// What `rule` concludes about a draft.
pub(crate) fn run(rule: &dyn StructuralRule, json: &str) -> Verdict {
    run_with(rule, json, &PackOptions::default())
}

/// What `rule` concludes about a draft under other pack options.
pub(crate) fn run_with(rule: &dyn StructuralRule, json: &str, options: &PackOptions) -> Verdict {
    run_in(rule, json, options, None)
}

/// What `rule` concludes about a draft checked as of `as_of`.
pub(crate) fn run_as_of(rule: &dyn StructuralRule, json: &str, as_of: &str) -> Verdict {
    let as_of = crate::date::Date::parse(as_of).expect("a valid test date");
    run_in(rule, json, &PackOptions::default(), Some(&as_of))
}

fn run_in(
    rule: &dyn StructuralRule,
    json: &str,
    options: &PackOptions,
    as_of: Option<&crate::date::Date>,
) -> Verdict {
    let draft = draft(json);
    let found: Vec<Vec<crate::rules::ActSentence>> = draft
        .sections
        .iter()
        .map(|s| crate::rules::SectionText::read(&s.text).act_lists())
        .collect();
    let act_lists: Vec<&[crate::rules::ActSentence]> = found.iter().map(Vec::as_slice).collect();
    let cx = RuleContext {
        options,
        known_rules: &KNOWN_RULES,
        as_of,
        act_lists: &act_lists,
        section_gates: &[],
    };
    rule.check(&draft, &cx)
}

/// The findings `rule` gives on a draft; fails if the rule does not apply.
pub(crate) fn findings(rule: &dyn StructuralRule, json: &str) -> Vec<RawFinding> {
    match run(rule, json) {
        Verdict::Checked { findings, .. } => findings,
        Verdict::NotApplicable(why) => {
            panic!("{} does not apply ({why}) to {json}", rule.meta().id)
        }
    }
}

/// The findings as (path, review), for assertions on where they point.
pub(crate) fn paths(findings: &[RawFinding]) -> Vec<(&str, bool)> {
    findings
        .iter()
        .map(|f| (f.path.as_str(), f.review))
        .collect()
}

/// Whether `rule` says it does not apply to a draft.
pub(crate) fn not_applicable(rule: &dyn StructuralRule, json: &str) -> bool {
    matches!(run(rule, json), Verdict::NotApplicable(_))
}

/// Each of the rule's `fires` examples gives a finding, each `passes` example none.
pub(crate) fn examples_behave(rule: &dyn StructuralRule) {
    let meta = rule.meta();
    assert!(!meta.examples.fires.is_empty(), "{}: no example", meta.id);
    for example in &meta.examples.fires {
        assert!(
            !findings(rule, example).is_empty(),
            "{} should fire on {example}",
            meta.id
        );
    }
    for example in &meta.examples.passes {
        if let Verdict::Checked { findings, .. } = run(rule, example) {
            assert!(
                findings.is_empty(),
                "{} must not fire on {example}: {findings:?}",
                meta.id
            );
        }
    }
}

/// What a section text rule finds in every section of a draft, as (found
/// text, message).
pub(crate) fn scan(rule: &dyn SectionTextRule, json: &str) -> Vec<(String, String)> {
    let options = PackOptions::default();
    draft(json)
        .sections
        .iter()
        .flat_map(|s| {
            rule.scan(&crate::rules::SectionText::read(&s.text), &options)
                .findings
                .into_iter()
                .map(|(start, end, message)| (s.text[start..end].to_owned(), message))
        })
        .collect()
}

/// A section text rule's examples behave as stated.
pub(crate) fn section_examples_behave(rule: &dyn SectionTextRule) {
    let meta = rule.meta();
    assert!(!meta.examples.fires.is_empty(), "{}: no example", meta.id);
    for example in &meta.examples.fires {
        assert!(
            !scan(rule, example).is_empty(),
            "{} should fire on {example}",
            meta.id
        );
    }
    for example in &meta.examples.passes {
        let found = scan(rule, example);
        assert!(
            found.is_empty(),
            "{} must not fire on {example}: {found:?}",
            meta.id
        );
    }
}
