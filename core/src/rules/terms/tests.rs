//! The term matcher: compiling packs, and what a scan finds (whole words,
//! exceptions, conditions, folding, white space and case).

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

fn hits(matcher: &TermMatcher, text: &str) -> Vec<TermHit> {
    let mut hits = Vec::new();
    matcher.scan(text, None, &mut |hit| hits.push(hit));
    hits
}

fn found(matcher: &TermMatcher, text: &str) -> Vec<String> {
    hits(matcher, text)
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
fn phrases_match_across_any_run_of_white_space_with_exact_spans() {
    let m = TermMatcher::compile(
        vec![
            spec("a", &["he or she", "husband or wife"], &[], &[]),
            spec("b", &["mother"], &["mother tongue"], &[]),
        ],
        &["/0".into(), "/1".into()],
    )
    .unwrap();
    for text in [
        "ask if he or\nshe needs it",
        "ask if he  or she needs it",
        "ask if he\tor she needs it",
        "ask if he or\u{a0}she needs it",
        "ask if he or\r\n   she needs it",
    ] {
        let found = found(&m, text);
        assert_eq!(found.len(), 1, "{text:?}");
        assert_eq!(squeeze_whitespace(&found[0]), "he or she", "{text:?}");
        assert!(
            found[0].starts_with("he") && found[0].ends_with("she"),
            "{text:?}"
        );
    }
    assert_eq!(found(&m, "a husband or\nwife"), ["husband or\nwife"]);
    // Exceptions match across white space too.
    assert!(found(&m, "in their mother\ntongue").is_empty());
}

#[test]
fn a_combining_mark_after_a_hit_is_part_of_it() {
    let m = TermMatcher::compile(vec![spec("a", &["chairman"], &[], &[])], &["/0".into()]).unwrap();
    let text = "the chairman\u{301}\u{323} said";
    assert_eq!(found(&m, text), ["chairman\u{301}\u{323}"]);
}

#[test]
fn case_variants_are_one_pattern() {
    let m = TermMatcher::compile(
        vec![spec("a", &["He", "he", "HE", "hE"], &[], &[])],
        &["/0".into()],
    )
    .unwrap();
    // One pattern for the term; the rest are the section read's phrases.
    let terms = m.uses.iter().filter(|u| !u.terms.is_empty()).count();
    assert_eq!(terms, 1);
    assert_eq!(m.uses.len(), 1 + crate::rules::SECTION_PHRASES.len());
    assert_eq!(found(&m, "he said; He said"), ["he", "He"]);
}

#[test]
fn a_phrase_serving_too_many_entries_is_rejected_at_the_entry_past_the_limit() {
    let mut rule = spec("a", &["a"], &[], &[]);
    let entry = rule.entries[0].clone();
    rule.entries = vec![entry; 50_000];
    let err = TermMatcher::compile(vec![rule], &["/term_rules/0".into()]).unwrap_err();
    assert_eq!(
        err.pointer(),
        format!("/term_rules/0/entries/{MAX_PHRASE_USES}/terms/0")
    );
    assert!(err.to_string().contains("more than 32 entries"), "{err}");
}

#[test]
fn many_rules_on_one_word_are_decided_as_the_scan_goes() {
    // 32 rules all on "a": every occurrence is 32 hits, folded into one that
    // names the other 31, handed on one start at a time; nothing is held for
    // the whole text.
    let rules: Vec<TermRuleSpec> = (0..MAX_PHRASE_USES)
        .map(|i| spec(&format!("r{i}"), &["a"], &[], &[]))
        .collect();
    let pointers: Vec<String> = (0..rules.len()).map(|i| format!("/{i}")).collect();
    let m = TermMatcher::compile(rules, &pointers).unwrap();
    let text = "a ".repeat(10_000);
    let mut count = 0usize;
    let mut last = (0, 0);
    m.scan(&text, None, &mut |hit| {
        assert!((hit.start, hit.rule) >= last, "hits come in order");
        last = (hit.start, hit.rule);
        assert_eq!(hit.also.len(), MAX_PHRASE_USES - 1);
        count += 1;
    });
    assert_eq!(count, 10_000);
}

#[test]
fn the_phrase_budget_counts_only_the_packs_own_phrases() {
    let big: Vec<String> = (0..6_000).map(|i| format!("{i:0>180}")).collect();
    let big: Vec<&str> = big.iter().map(String::as_str).collect();
    // About 1.08 MB of phrases: over the budget as the pack's own...
    let own = TermMatcher::compile(vec![spec("a", &big, &[], &[])], &["/term_rules/0".into()]);
    assert!(own.unwrap_err().to_string().contains("over the limit"));
    // ...but not as built-in ones, which the budget does not count.
    let builtin = TermMatcher::compile(
        vec![spec("a", &big, &[], &[])],
        &["(built-in)/term_rules/0".into()],
    );
    assert!(builtin.is_ok());
}

#[test]
fn case_follows_the_text() {
    assert_eq!(match_case("Chairman", "chair"), "Chair");
    assert_eq!(match_case("BAME", "ethnic minority"), "ethnic minority");
    assert_eq!(match_case("HE OR SHE", "they"), "THEY");
    assert_eq!(match_case("he or she", "they"), "they");
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
    assert_eq!(hits(&m, "a mother or father")[0].also, [1]);
    // A stronger rule wins even with the shorter phrase.
    let mut strong = spec("c", &["mother"], &[], &[]);
    strong.severity = crate::model::Severity::Error;
    let m = TermMatcher::compile(
        vec![spec("a", &["mother or father"], &[], &[]), strong],
        &["/0".into(), "/1".into()],
    )
    .unwrap();
    let hits = hits(&m, "a mother or father");
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
    let hits = hits(&m, "a mother or father, or a mother");
    assert_eq!(hits.len(), 1);
    assert!(hits[0].also.is_empty());
}

mod section_read {
    //! The section read recorded by the term scan is the read a pass of its
    //! own gives (`SectionText::read`), whatever terms share its phrases.
    use super::*;
    use crate::rules::SectionText;
    use proptest::prelude::*;

    fn shared_read<'t>(matcher: &TermMatcher, text: &'t str) -> SectionText<'t> {
        let mut read = SectionText::start(text);
        matcher.scan(text, Some(&mut read), &mut |_| {});
        read.finish()
    }

    fn matchers() -> &'static [TermMatcher] {
        static MATCHERS: std::sync::LazyLock<Vec<TermMatcher>> = std::sync::LazyLock::new(|| {
            vec![
                // No term rules: the automaton holds the section read's phrases alone.
                TermMatcher::compile(vec![], &[]).unwrap(),
                // Terms that are also section phrases, or contain or overlap them.
                TermMatcher::compile(
                    vec![
                        spec(
                            "a",
                            &["trans", "changing room", "lgbt"],
                            &["trans women"],
                            &[],
                        ),
                        spec("b", &["gay", "sexual orientation", "sex"], &[], &["age"]),
                    ],
                    &["/term_rules/0".into(), "/term_rules/1".into()],
                )
                .unwrap(),
                // The built-in rules.
                crate::engine::Engine::new().terms,
            ]
        });
        &MATCHERS
    }

    /// Pieces that exercise case, wrapping, hyphens, squeezing and words
    /// inside longer words.
    const PIECES: [&str; 28] = [
        "Trans",
        " women",
        " may use the ",
        "changing",
        "  ",
        "\n",
        "\u{a0}",
        "room",
        "s",
        "LGBTQ+",
        "lgbt",
        " gay",
        "-",
        "bisexual",
        " age, disability, race, religion or belief, sex",
        " sexual orientation",
        "é",
        "TRANSPORT",
        " under 18",
        ". ",
        "protected characteristic",
        "non-binary",
        "sexual",
        "orientation",
        " gender reassignment",
        " Two",
        " fewer than",
        "3 per cent",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn the_term_scan_records_what_a_read_of_its_own_finds(
            picks in proptest::collection::vec(0..PIECES.len(), 0..24)
        ) {
            let text: String = picks.iter().map(|&i| PIECES[i]).collect();
            let own = SectionText::read(&text);
            for matcher in matchers() {
                let shared = shared_read(matcher, &text);
                prop_assert_eq!(format!("{shared:?}"), format!("{own:?}"));
            }
        }
    }

    #[test]
    fn a_phrase_wrapped_over_a_line_is_a_term_but_not_a_section_phrase() {
        let m = &matchers()[1];
        let text = "the changing\nroom and Trans  women";
        let read = shared_read(m, text);
        assert_eq!(
            format!("{read:?}"),
            format!("{:?}", SectionText::read(text))
        );
        // The term still finds the wrapped phrase.
        assert!(found(m, text).contains(&"changing\nroom".to_owned()));
    }
}

proptest::proptest! {
    #[test]
    fn squeezing_borrows_only_what_needs_no_squeezing(
        picks in proptest::collection::vec(0..8usize, 0..12)
    ) {
        const PIECES: [&str; 8] = ["he", " ", "  ", "\n", "\u{a0}", "é", "\t", "or"];
        let text: String = picks.iter().map(|&i| PIECES[i]).collect();
        let squeezed = squeeze_whitespace(&text);
        proptest::prop_assert_eq!(
            squeezed.as_ref(),
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }
}

/// The built-in phrases (and a pack of modest size) compile to a DFA; a
/// large pack to an NFA, which is far cheaper to build. Either finds the
/// same, in any ASCII case.
#[test]
fn the_built_in_phrases_make_a_dfa_and_a_large_pack_an_nfa() {
    let built_in = crate::engine::Engine::new();
    assert_eq!(
        built_in.terms.automaton.kind(),
        aho_corasick::AhoCorasickKind::DFA
    );
    let words: Vec<String> = (0..6_000)
        .map(|i| format!("phrase number {i:05}"))
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let large = TermMatcher::compile(vec![spec("a", &words, &[], &[])], &["/0".into()]).unwrap();
    assert_eq!(
        large.automaton.kind(),
        aho_corasick::AhoCorasickKind::ContiguousNFA
    );
    assert_eq!(
        found(&large, "Phrase NUMBER 01234 and phrase number 99999"),
        ["Phrase NUMBER 01234"]
    );
}
