//! Unit tests of the term matcher: whole words, exceptions, conditions,
//! folding and case.

use super::*;
use crate::model::{Severity, SourceRef, TermEntry};

fn spec(id: &str, terms: &[&str], exceptions: &[&str], nearby: &[&str]) -> TermRuleSpec {
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
    TermRuleSpec {
        id: id.into(),
        name: id.into(),
        severity: Severity::Warning,
        advisory: false,
        elements: vec!["2.3".into()],
        tags: vec![],
        message: "{term}".into(),
        rationale: "r".into(),
        source: SourceRef {
            title: "t".into(),
            url: "u".into(),
            checked: "2026-11-24".into(),
        },
        entries: vec![TermEntry {
            terms: strings(terms),
            suggestions: vec!["x".into()],
            fix: Applicability::Safe,
            exceptions: strings(exceptions),
            unless_nearby: strings(nearby),
            unless_in_paragraph: vec![],
            unless_document: vec![],
            quotes_exempt: true,
            quoted_speech_exempt: false,
            note: None,
        }],
        examples: Examples::default(),
        see_also: vec![],
        contested: None,
        eds_domains: vec![],
    }
}

fn found(matcher: &TermMatcher, text: &str) -> Vec<String> {
    matcher
        .scan(text)
        .hits
        .iter()
        .map(|h| text[h.start..h.end].to_owned())
        .collect()
}

#[test]
fn whole_words_exceptions_quotes_and_nearby() {
    let m = TermMatcher::compile(
        vec![
            spec("a", &["mother", "man"], &["mother tongue"], &[]),
            spec("b", &["transsexual"], &[], &["Equality Act"]),
        ],
        &["/0".into(), "/1".into()],
    )
    .unwrap();
    assert_eq!(found(&m, "Mother's wishes; Manchester; human"), ["Mother"]);
    assert!(found(&m, "an interpreter in their mother tongue").is_empty());
    assert!(found(&m, "she said “my mother came”").is_empty());
    assert!(found(&m, "the Equality Act says transsexual person").is_empty());
    assert_eq!(
        found(&m, "Equality Act 2010. Transsexual patients"),
        ["Transsexual"]
    );
}

#[test]
fn hyphens_and_spaces_are_interchangeable() {
    let m = TermMatcher::compile(
        vec![spec("a", &["mentally ill", "wheelchair-bound"], &[], &[])],
        &["/0".into()],
    )
    .unwrap();
    assert_eq!(
        found(&m, "mentally-ill and wheelchair bound"),
        ["mentally-ill", "wheelchair bound"]
    );
}

#[test]
fn a_paragraph_condition_covers_the_whole_paragraph_and_no_further() {
    let mut rule = spec("a", &["BME"], &[], &[]);
    rule.entries[0].unless_in_paragraph = vec!["WRES".into()];
    let m = TermMatcher::compile(vec![rule], &["/0".into()]).unwrap();
    assert!(found(&m, "Our WRES data follows. BME staff were 18%.").is_empty());
    assert!(found(&m, "Our WRES data:\nBME staff were 18%.").is_empty());
    assert_eq!(
        found(&m, "Our WRES data follows.\n\nBME staff were 18%."),
        ["BME"]
    );
    assert_eq!(
        found(&m, "BME staff were 18%.\n \nThe WRES report is out."),
        ["BME"]
    );
}

#[test]
fn overlapping_phrases_of_different_rules_fold_into_the_strongest() {
    let m = TermMatcher::compile(
        vec![
            spec("a", &["mother or father"], &[], &[]),
            spec("b", &["mother"], &[], &[]),
        ],
        &["/0".into(), "/1".into()],
    )
    .unwrap();
    assert_eq!(
        found(&m, "a mother or father, or a mother"),
        ["mother or father", "mother"]
    );
    assert_eq!(m.scan("a mother or father").hits[0].also, [1]);
    // A stronger rule wins even with the shorter phrase.
    let mut strong = spec("c", &["mother"], &[], &[]);
    strong.severity = crate::model::Severity::Error;
    let m = TermMatcher::compile(
        vec![spec("a", &["mother or father"], &[], &[]), strong],
        &["/0".into(), "/1".into()],
    )
    .unwrap();
    let hits = m.scan("a mother or father").hits;
    assert_eq!(
        (hits.len(), hits[0].rule, hits[0].also.clone()),
        (1, 1, vec![0])
    );
}

#[test]
fn a_rule_switched_off_finds_nothing_and_folds_nothing() {
    let mut m = TermMatcher::compile(
        vec![
            spec("a", &["mother or father"], &[], &[]),
            spec("b", &["mother"], &[], &[]),
        ],
        &["/0".into(), "/1".into()],
    )
    .unwrap();
    m.switch_off(&[false, true]);
    let hits = m.scan("a mother or father, or a mother").hits;
    assert_eq!(hits.len(), 1);
    assert!(hits[0].also.is_empty());
}

#[test]
fn longest_phrase_wins_within_a_rule() {
    let m = TermMatcher::compile(
        vec![spec("a", &["he or she", "he"], &[], &[])],
        &["/0".into()],
    )
    .unwrap();
    assert_eq!(found(&m, "if he or she asks"), ["he or she"]);
}

#[test]
fn empty_or_huge_phrases_are_rejected_with_a_pointer() {
    let long = "x".repeat(MAX_TERM_BYTES + 1);
    let err = TermMatcher::compile(
        vec![spec("a", &[&long], &[], &[])],
        &["/term_rules/0".into()],
    )
    .unwrap_err();
    assert_eq!(err.pointer(), "/term_rules/0/entries/0/terms/0");
    let err = TermMatcher::compile(
        vec![spec("a", &["  "], &[], &[])],
        &["/term_rules/0".into()],
    )
    .unwrap_err();
    assert!(err.to_string().contains("rule \"a\""), "{err}");
}

#[test]
fn every_term_rule_is_language_whatever_its_id() {
    let m = TermMatcher::compile(
        vec![spec("my-trust-wording", &["x"], &[], &[])],
        &["/0".into()],
    )
    .unwrap();
    let families: Vec<Family> = m.metas().map(|meta| meta.family).collect();
    assert_eq!(families, [Family::Language]);
}

#[test]
fn case_follows_the_text() {
    assert_eq!(match_case("Chairman", "chair"), "Chair");
    assert_eq!(match_case("BAME", "ethnic minority"), "ethnic minority");
    assert_eq!(match_case("HE OR SHE", "they"), "THEY");
    assert_eq!(match_case("he or she", "they"), "they");
}
