//! Registry tests: every rule is documented, sourced and tied to the
//! framework, and every example it gives behaves as stated.

use std::collections::BTreeSet;

use dueregard::{Date, Draft, Engine, Family, Report, RuleKind, RuleMeta, framework};

fn example_report(engine: &Engine, rule: &RuleMeta, example: &str) -> Report {
    let draft = match rule.kind {
        RuleKind::Term => Draft::from_text("Example", example).expect("example text is a draft"),
        RuleKind::Structural => Draft::from_json(example).unwrap_or_else(|e| {
            panic!("{}: example is not a valid draft: {e}\n{example}", rule.id)
        }),
    };
    engine.check(&draft)
}

fn fired(report: &Report, rule: &str) -> bool {
    report
        .violations
        .iter()
        .chain(&report.needs_review)
        .any(|f| f.rule == rule)
}

#[test]
fn rule_ids_are_unique_and_kebab_case() {
    let engine = Engine::new();
    let mut seen = BTreeSet::new();
    for rule in engine.rules() {
        assert!(
            seen.insert(rule.id.clone()),
            "duplicate rule id {}",
            rule.id
        );
        assert!(
            rule.id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{} is not kebab-case",
            rule.id
        );
    }
}

#[test]
fn every_rule_is_documented_sourced_and_tied_to_the_framework() {
    for rule in Engine::new().rules() {
        let id = &rule.id;
        assert!(rule.name.len() > 5, "{id}: name too short");
        assert!(
            rule.rationale.len() > 60,
            "{id}: rationale too short to explain why"
        );
        assert!(
            rule.source.url.starts_with("https://"),
            "{id}: source needs a URL"
        );
        assert!(!rule.source.title.is_empty(), "{id}: source needs a title");
        assert!(
            Date::parse(&rule.source.checked).is_ok(),
            "{id}: checked date {:?}",
            rule.source.checked
        );
        assert!(
            !rule.elements.is_empty(),
            "{id}: serves no framework element"
        );
        for element in &rule.elements {
            assert!(
                framework::element(element).is_some(),
                "{id}: unknown element {element}"
            );
        }
        assert!(
            !rule.examples.fires.is_empty(),
            "{id}: no example that fires"
        );
        assert!(
            !rule.examples.passes.is_empty(),
            "{id}: no example that must not fire"
        );
    }
}

#[test]
fn every_example_behaves_as_stated() {
    let engine = Engine::new();
    let mut failures = Vec::new();
    for rule in engine.rules() {
        for example in &rule.examples.fires {
            let report = example_report(&engine, rule, example);
            if !fired(&report, &rule.id) {
                failures.push(format!("{} should fire on: {example}", rule.id));
            }
        }
        for example in &rule.examples.passes {
            let report = example_report(&engine, rule, example);
            if fired(&report, &rule.id) {
                failures.push(format!("{} must not fire on: {example}", rule.id));
            }
            if report.errors.iter().any(|e| e.rule == rule.id) {
                failures.push(format!("{} failed to run on: {example}", rule.id));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} examples misbehave:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_builtin_pack_has_the_rules_the_product_promises() {
    let engine = Engine::new();
    let rules = engine.rules();
    let terms = rules.iter().filter(|r| r.kind == RuleKind::Term).count();
    let eia = rules
        .iter()
        .filter(|r| r.kind == RuleKind::Structural && r.tags.iter().any(|t| t == "eia"))
        .count();
    assert!(terms >= 10, "{terms} term rules");
    assert!(eia >= 5, "{eia} structural EIA rules");
}

#[test]
fn every_element_has_a_rule_that_speaks_to_it() {
    // Every rule can both pass (evidence for its elements) and find (a gap).
    let engine = Engine::new();
    for element in framework::ELEMENTS.iter() {
        let serving = engine
            .rules()
            .iter()
            .filter(|r| r.elements.iter().any(|e| e == element.id))
            .count();
        assert!(serving > 0, "element {} has no rule", element.id);
    }
}

#[test]
fn the_readme_rule_table_counts_each_family() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("README.md is readable");
    // From "## The rules" to the next heading: the paragraph and the family table.
    let section = readme
        .split_once("\n## The rules\n")
        .and_then(|(_, rest)| rest.split("\n#").next())
        .expect("README.md has a section \"The rules\"");
    let engine = Engine::new();
    let rules = engine.rules();
    let total = format!("has {} rules", rules.len());
    assert!(section.contains(&total), "README should say it {total}");
    for family in Family::ALL {
        let label = family.label();
        let row = section
            .lines()
            .find(|l| l.starts_with(&format!("| {label} |")))
            .unwrap_or_else(|| panic!("README's rule table has no row for {label}"));
        let cell = row.split('|').nth(2).unwrap_or("").trim();
        let count = rules.iter().filter(|r| r.family == family).count();
        assert!(
            cell.starts_with(&format!("{count} ")) || cell == count.to_string(),
            "README counts {cell:?} {label} rules; there are {count}"
        );
    }
    let phrases: usize = rules.iter().filter_map(|r| r.terms).sum();
    assert!(
        section.contains(&format!("{phrases} phrases")),
        "README should count {phrases} phrases"
    );
}
