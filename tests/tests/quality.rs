//! Precision and recall per rule family, measured on labelled data written
//! from a reviewer's point of view (what should be flagged), not from the
//! engine's output:
//! - tests/labelled/sentences.jsonl: short passages checked as plain text,
//!   each with the set of rules expected to fire;
//! - tests/labelled/drafts/<name>.json with <name>.labels.json: full drafts
//!   with every finding expected, as rule and JSON Pointer (and the matched
//!   text for term rules).
//!
//! Fails when any family with enough labelled findings to measure falls below
//! 0.9 precision or recall. `cargo test -p dueregard-conformance --test quality -- --nocapture`
//! prints the table the README quotes.

use std::collections::BTreeMap;

use dueregard::{Draft, Engine, Finding, Report};
use dueregard_conformance::root;
use serde::Deserialize;

#[derive(Deserialize)]
struct Sentence {
    text: String,
    fires: Vec<String>,
}

#[derive(Deserialize)]
struct Labels {
    expect: Vec<Expected>,
}

#[derive(Deserialize)]
struct Expected {
    rule: String,
    path: String,
    #[serde(default)]
    term: Option<String>,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    hit: usize,
    false_alarm: usize,
    missed: usize,
}

impl Counts {
    fn precision(self) -> f64 {
        ratio(self.hit, self.hit + self.false_alarm)
    }
    fn recall(self) -> f64 {
        ratio(self.hit, self.hit + self.missed)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Each rule's family, from its metadata, named as the README's table names
/// it ("data collection").
fn families(engine: &Engine) -> BTreeMap<String, String> {
    engine
        .rules()
        .iter()
        .map(|r| (r.id.clone(), r.family.as_str().replace('_', " ")))
        .collect()
}

/// What the report asks someone to act on: a waived finding is a decision
/// already recorded, not something the labels expect.
fn findings(report: &Report) -> impl Iterator<Item = &Finding> {
    report
        .violations
        .iter()
        .chain(&report.needs_review)
        .filter(|f| f.waiver.is_none())
}

/// The text a finding points at, for matching a label's `term`.
fn matched_text(draft: &serde_json::Value, finding: &Finding) -> Option<String> {
    let span = finding.location.span?;
    let text = draft.pointer(&finding.location.path)?.as_str()?;
    text.get(span.start..span.end).map(str::to_owned)
}

fn measure(counts: &mut BTreeMap<String, Counts>, misses: &mut Vec<String>) {
    let engine = Engine::new();
    let families = families(&engine);
    // A label naming a rule the engine does not have still counts, as a miss.
    let family = |rule: &str| {
        families
            .get(rule)
            .cloned()
            .unwrap_or_else(|| "other".into())
    };

    let sentences = std::fs::read_to_string(root().join("tests/labelled/sentences.jsonl"))
        .expect("tests/labelled/sentences.jsonl is readable");
    for (n, line) in sentences
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let sentence: Sentence = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("sentences.jsonl line {}: {e}", n + 1));
        let report = engine.check(&Draft::from_text("sentence", &sentence.text).unwrap());
        let mut found: Vec<&str> = findings(&report).map(|f| f.rule.as_str()).collect();
        found.sort_unstable();
        found.dedup();
        for rule in &sentence.fires {
            let c = counts.entry(family(rule)).or_default();
            if found.contains(&rule.as_str()) {
                c.hit += 1;
            } else {
                c.missed += 1;
                misses.push(format!(
                    "missed {rule} in sentence {}: {}",
                    n + 1,
                    sentence.text
                ));
            }
        }
        for rule in found
            .iter()
            .filter(|r| !sentence.fires.iter().any(|e| e == *r))
        {
            counts.entry(family(rule)).or_default().false_alarm += 1;
            misses.push(format!(
                "false alarm {rule} in sentence {}: {}",
                n + 1,
                sentence.text
            ));
        }
    }

    let dir = root().join("tests/labelled/drafts");
    let mut drafts: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/labelled/drafts is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|e| e == "json")
                && !p.to_string_lossy().ends_with(".labels.json")
        })
        .collect();
    drafts.sort();
    for path in drafts {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let draft = Draft::from_json(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let labels: Labels = serde_json::from_str(
            &std::fs::read_to_string(dir.join(format!("{name}.labels.json"))).unwrap(),
        )
        .unwrap_or_else(|e| panic!("{name}.labels.json: {e}"));
        let report = engine.check(&draft);
        let value = serde_json::to_value(&draft).expect("a draft serialises");
        let mut unmatched: Vec<&Finding> = findings(&report).collect();
        for expected in &labels.expect {
            let position = unmatched.iter().position(|f| {
                f.rule == expected.rule
                    && f.location.path == expected.path
                    && expected.term.as_ref().is_none_or(|term| {
                        matched_text(&value, f).is_some_and(|t| t.eq_ignore_ascii_case(term))
                    })
            });
            let c = counts.entry(family(&expected.rule)).or_default();
            match position {
                Some(i) => {
                    unmatched.remove(i);
                    c.hit += 1;
                }
                None => {
                    c.missed += 1;
                    misses.push(format!(
                        "missed {} at {} in {name}",
                        expected.rule, expected.path
                    ));
                }
            }
        }
        for f in unmatched {
            counts.entry(family(&f.rule)).or_default().false_alarm += 1;
            misses.push(format!(
                "false alarm {} at {} in {name}: {}",
                f.rule, f.location.path, f.message
            ));
        }
    }
}

#[test]
fn the_labelled_corpus_is_big_enough_to_mean_something() {
    let text = std::fs::read_to_string(root().join("tests/labelled/sentences.jsonl")).unwrap();
    let sentences: Vec<Sentence> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let quiet = sentences.iter().filter(|s| s.fires.is_empty()).count();
    assert!(sentences.len() >= 300, "{} sentences", sentences.len());
    assert!(
        quiet * 3 >= sentences.len(),
        "only {quiet} of {} must not fire",
        sentences.len()
    );
    let drafts = std::fs::read_dir(root().join("tests/labelled/drafts"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().to_string_lossy().ends_with(".labels.json"))
        })
        .count();
    assert!(drafts >= 10, "{drafts} labelled drafts");
}

#[test]
fn every_rule_family_keeps_precision_and_recall_above_0_9() {
    let mut counts = BTreeMap::new();
    let mut misses = Vec::new();
    measure(&mut counts, &mut misses);
    println!("| family | labelled | found | precision | recall |\n|---|---|---|---|---|");
    let mut total = Counts::default();
    let mut failing = Vec::new();
    for (family, c) in &counts {
        println!(
            "| {family} | {} | {} | {:.3} | {:.3} |",
            c.hit + c.missed,
            c.hit + c.false_alarm,
            c.precision(),
            c.recall()
        );
        total.hit += c.hit;
        total.false_alarm += c.false_alarm;
        total.missed += c.missed;
        // A family needs a few labelled findings before a ratio means anything.
        if c.hit + c.missed >= 5 && (c.precision() < 0.9 || c.recall() < 0.9) {
            failing.push(family.clone());
        }
    }
    println!(
        "| all | {} | {} | {:.3} | {:.3} |",
        total.hit + total.missed,
        total.hit + total.false_alarm,
        total.precision(),
        total.recall()
    );
    for line in &misses {
        println!("{line}");
    }
    assert!(
        failing.is_empty(),
        "below 0.9 precision or recall: {failing:?}"
    );
    assert!(total.hit > 0, "no labelled findings were measured");
}
