//! Term rules: every phrase of every term rule, with their exceptions and
//! conditions, compiled into one Aho-Corasick automaton. A text is scanned
//! once whatever the number of rules, so a pack with ten times the terms
//! does not take ten times as long.
//!
//! Time and memory stay linear in the text whatever a pack contains: a
//! phrase is one pattern however its case is written, one phrase serves at
//! most [`MAX_PHRASE_USES`] entries, and the scan (in `scan.rs`) holds only a
//! window of the text's matches at a time, handing each hit on as it is
//! decided. Phrases match across any run of white space (`haystack.rs`).

mod haystack;
mod scan;

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::error::RulePackError;
use crate::model::pack_limits::{MAX_PATTERNS, MAX_PHRASE_BYTES, MAX_PHRASE_USES, MAX_TERM_BYTES};
use crate::model::{Applicability, Examples, TermRuleSpec};
use crate::rules::{Family, RuleKind, RuleMeta};

pub(crate) use scan::DocumentConditions;

/// What a pattern in the automaton means; one string can mean several things.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Term,
    Exception,
    Nearby,
    Document,
}

/// Everything one pattern stands for, grouped so a match costs one step per
/// rule rather than one per entry.
#[derive(Debug, Default)]
struct PatternUses {
    /// As a term: each rule, with its entries that list the phrase, in order.
    terms: Vec<(usize, Vec<usize>)>,
    /// As an exception, a nearby phrase or a document phrase: (rule, entry), sorted.
    exceptions: Vec<(usize, usize)>,
    nearby: Vec<(usize, usize)>,
    document: Vec<(usize, usize)>,
    /// How many (role, rule, entry) uses in all, for the limit.
    count: usize,
}

impl PatternUses {
    /// Adds a use; false if it was there already.
    fn add(&mut self, role: Role, rule: usize, entry: usize) -> bool {
        let list = match role {
            Role::Term => {
                let at = match self.terms.iter().position(|(r, _)| *r == rule) {
                    Some(at) => at,
                    None => {
                        self.terms.push((rule, Vec::new()));
                        self.terms.len() - 1
                    }
                };
                let entries = &mut self.terms[at].1;
                if entries.contains(&entry) {
                    return false;
                }
                entries.push(entry);
                self.count += 1;
                return true;
            }
            Role::Exception => &mut self.exceptions,
            Role::Nearby => &mut self.nearby,
            Role::Document => &mut self.document,
        };
        match list.binary_search(&(rule, entry)) {
            Ok(_) => false,
            Err(at) => {
                list.insert(at, (rule, entry));
                self.count += 1;
                true
            }
        }
    }
}

/// A term found in a text, before document-level conditions are applied.
/// `start..end` is in the text as written (a trailing combining mark is
/// part of the hit, so a fix never strands it on another letter).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TermHit {
    pub rule: usize,
    pub entry: usize,
    pub start: usize,
    pub end: usize,
}

/// The compiled term rules.
#[derive(Debug)]
pub(crate) struct TermMatcher {
    automaton: AhoCorasick,
    uses: Vec<PatternUses>,
    /// The longest pattern, in bytes: how far back a scan must keep matches.
    longest: usize,
    pub specs: Vec<TermRuleSpec>,
}

impl TermMatcher {
    /// Compiles term rules; `pointers` locate them in the pack for errors
    /// (a built-in rule's pointer starts with `(built-in)`).
    pub fn compile(specs: Vec<TermRuleSpec>, pointers: &[String]) -> Result<Self, RulePackError> {
        let mut index: BTreeMap<String, usize> = BTreeMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut uses: Vec<PatternUses> = Vec::new();
        // Only the pack's own phrases count towards its budget.
        let mut pack_bytes = 0usize;
        for (rule, spec) in specs.iter().enumerate() {
            let pointer = &pointers[rule];
            let own = !pointer.starts_with("(built-in)");
            if spec.entries.is_empty() {
                return Err(rule_error(
                    pointer,
                    spec,
                    "/entries",
                    "a term rule needs at least one entry",
                ));
            }
            for (entry, item) in spec.entries.iter().enumerate() {
                if item.terms.is_empty() {
                    return Err(rule_error(
                        pointer,
                        spec,
                        &format!("/entries/{entry}/terms"),
                        "an entry needs at least one term",
                    ));
                }
                let groups = [
                    (Role::Term, "terms", &item.terms),
                    (Role::Exception, "exceptions", &item.exceptions),
                    (Role::Nearby, "unless_nearby", &item.unless_nearby),
                    (Role::Document, "unless_document", &item.unless_document),
                ];
                for (role, field, phrases) in groups {
                    for (i, phrase) in phrases.iter().enumerate() {
                        let key = normalise(phrase);
                        let at = || format!("/entries/{entry}/{field}/{i}");
                        if key.is_empty() || key.len() > MAX_TERM_BYTES {
                            return Err(rule_error(
                                pointer,
                                spec,
                                &at(),
                                &format!("a phrase must be 1 to {MAX_TERM_BYTES} bytes of text"),
                            ));
                        }
                        // "mentally ill" also finds "mentally-ill", and the other way round.
                        let variants = match role {
                            Role::Term | Role::Exception => separator_variants(&key),
                            Role::Nearby | Role::Document => vec![key],
                        };
                        for variant in variants {
                            if own {
                                pack_bytes += variant.len();
                                if pack_bytes > MAX_PHRASE_BYTES {
                                    return Err(RulePackError::Invalid {
                                        pointer: "/term_rules".into(),
                                        message: format!(
                                            "the pack's phrases come to more than {MAX_PHRASE_BYTES} bytes (with their hyphenated spellings), over the limit"
                                        ),
                                    });
                                }
                            }
                            // The automaton ignores ASCII case, so "He" and "he" are one pattern.
                            let id = *index.entry(variant.clone()).or_insert_with(|| {
                                patterns.push(variant);
                                uses.push(PatternUses::default());
                                patterns.len() - 1
                            });
                            if patterns.len() > MAX_PATTERNS {
                                return Err(RulePackError::Invalid {
                                    pointer: "/term_rules".into(),
                                    message: format!(
                                        "more than {MAX_PATTERNS} phrases (with their hyphenated spellings), over the limit"
                                    ),
                                });
                            }
                            if uses[id].add(role, rule, entry) && uses[id].count > MAX_PHRASE_USES {
                                return Err(rule_error(
                                    pointer,
                                    spec,
                                    &at(),
                                    &format!(
                                        "the phrase {:?} is used by more than {MAX_PHRASE_USES} entries of the pack's term rules (as a term, exception or condition), and every occurrence of it would cost that many; list it in fewer entries",
                                        patterns[id]
                                    ),
                                ));
                            }
                        }
                    }
                }
            }
        }
        let longest = patterns.iter().map(String::len).max().unwrap_or(0);
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .map_err(|e| RulePackError::Invalid {
                pointer: "/term_rules".into(),
                message: format!("the phrases could not be compiled: {e}"),
            })?;
        Ok(TermMatcher {
            automaton,
            uses,
            longest,
            specs,
        })
    }

    /// Metadata for every term rule, for the registry.
    pub fn metas(&self) -> impl Iterator<Item = RuleMeta> + '_ {
        self.specs.iter().map(|spec| RuleMeta {
            id: spec.id.clone(),
            name: spec.name.clone(),
            kind: RuleKind::Term,
            family: Family::Language,
            severity: spec.severity,
            advisory: spec.advisory,
            elements: spec.elements.clone(),
            tags: spec.tags.clone(),
            rationale: spec.rationale.clone(),
            source: spec.source.clone(),
            examples: Examples {
                fires: spec.examples.fires.clone(),
                passes: spec.examples.passes.clone(),
            },
            fix: best_fix(spec),
            terms: Some(spec.entries.iter().map(|e| e.terms.len()).sum()),
        })
    }
}

fn rule_error(pointer: &str, spec: &TermRuleSpec, within: &str, message: &str) -> RulePackError {
    RulePackError::Rule {
        pointer: format!("{pointer}{within}"),
        rule: spec.id.clone(),
        message: message.to_owned(),
    }
}

/// Every spelling of `phrase` with each space or hyphen between words as
/// either ("opposite sex couples" also finds "opposite-sex couples"). Phrases
/// with many separators get only the all-space and all-hyphen spellings, to
/// keep the automaton small.
fn separator_variants(phrase: &str) -> Vec<String> {
    let positions: Vec<usize> = phrase
        .char_indices()
        .filter(|&(_, c)| c == ' ' || c == '-')
        .map(|(i, _)| i)
        .collect();
    if positions.len() > 4 {
        return vec![
            phrase.replace(' ', "-"),
            phrase.replace('-', " "),
            phrase.to_owned(),
        ];
    }
    (0..1u32 << positions.len())
        .map(|mask| {
            let mut bytes = phrase.as_bytes().to_vec();
            for (bit, &at) in positions.iter().enumerate() {
                bytes[at] = if mask & (1 << bit) == 0 { b' ' } else { b'-' };
            }
            String::from_utf8(bytes).unwrap_or_else(|_| phrase.to_owned())
        })
        .collect()
}

/// Phrases are matched with single spaces and ignoring ASCII case, so a
/// phrase's pattern is its words, lowercased in ASCII, one space apart.
fn normalise(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

/// Text with every run of white space as one space: how a phrase found
/// across a line break or a double space is named in messages and fingerprints.
pub(crate) fn squeeze_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The best fix any entry of a rule offers, for its metadata.
fn best_fix(spec: &TermRuleSpec) -> Applicability {
    let offered = |a: Applicability| {
        spec.entries
            .iter()
            .any(|e| e.fix == a && !e.suggestions.is_empty())
    };
    [
        Applicability::Safe,
        Applicability::Unsafe,
        Applicability::DisplayOnly,
    ]
    .into_iter()
    .find(|&a| offered(a))
    .unwrap_or(Applicability::None)
}

/// Gives `replacement` the capitalisation of `found`: "Chairman" -> "Chair",
/// "HE OR SHE" -> "THEY". An acronym ("BAME") says nothing about case, so
/// its replacement is left as written.
pub(crate) fn match_case(found: &str, replacement: &str) -> String {
    let letters: Vec<char> = found.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return if found.contains(char::is_whitespace) {
            replacement.to_uppercase()
        } else {
            replacement.to_owned()
        };
    }
    if found.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = replacement.chars();
        if let Some(first) = chars.next() {
            return first.to_uppercase().chain(chars).collect();
        }
    }
    replacement.to_owned()
}

#[cfg(test)]
mod tests {
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
                unless_document: vec![],
                quotes_exempt: true,
                note: None,
            }],
            examples: Examples::default(),
        }
    }

    fn hits(matcher: &TermMatcher, text: &str) -> Vec<TermHit> {
        let mut hits = Vec::new();
        matcher.scan(text, &mut |hit| hits.push(hit));
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
    fn a_phrase_inside_another_rules_phrase_does_not_fire() {
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
        let m =
            TermMatcher::compile(vec![spec("a", &["chairman"], &[], &[])], &["/0".into()]).unwrap();
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
        assert_eq!(m.uses.len(), 1);
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
        // 32 rules all on "a": every occurrence is 32 hits, handed on one
        // start at a time; nothing is held for the whole text.
        let rules: Vec<TermRuleSpec> = (0..MAX_PHRASE_USES)
            .map(|i| spec(&format!("r{i}"), &["a"], &[], &[]))
            .collect();
        let pointers: Vec<String> = (0..rules.len()).map(|i| format!("/{i}")).collect();
        let m = TermMatcher::compile(rules, &pointers).unwrap();
        let text = "a ".repeat(10_000);
        let mut count = 0usize;
        let mut last = (0, 0);
        m.scan(&text, &mut |hit| {
            assert!((hit.start, hit.rule) >= last, "hits come in order");
            last = (hit.start, hit.rule);
            count += 1;
        });
        assert_eq!(count, 10_000 * MAX_PHRASE_USES);
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
}
