//! Term rules: every phrase of every term rule, with their exceptions and
//! conditions, compiled into one Aho-Corasick automaton. A text is scanned
//! once whatever the number of rules, so a pack with ten times the terms
//! does not take ten times as long.

use std::collections::{BTreeMap, BTreeSet};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::error::RulePackError;
use crate::model::pack_limits::{MAX_PATTERNS, MAX_PHRASE_BYTES, MAX_TERM_BYTES};
use crate::model::{Applicability, Examples, TermRuleSpec};
use crate::rules::{Family, RuleKind, RuleMeta};
use crate::text::{Sentences, is_whole_word, quoted_ranges};

/// What a pattern in the automaton means; one string can mean several things.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Term,
    Exception,
    Nearby,
    Document,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PatternUse {
    role: Role,
    rule: usize,
    entry: usize,
}

/// A term found in a text, before document-level conditions are applied.
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
    uses: Vec<Vec<PatternUse>>,
    pub specs: Vec<TermRuleSpec>,
}

/// What one scan of one text found.
#[derive(Debug, Default)]
pub(crate) struct TextScan {
    pub hits: Vec<TermHit>,
    /// (rule, entry) pairs whose `unless_document` phrases occur in this text.
    pub document_conditions: BTreeSet<(usize, usize)>,
}

impl TermMatcher {
    /// Compiles term rules; `pointer_base` locates them in the pack for errors.
    pub fn compile(specs: Vec<TermRuleSpec>, pointers: &[String]) -> Result<Self, RulePackError> {
        let mut index: BTreeMap<String, usize> = BTreeMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut uses: Vec<Vec<PatternUse>> = Vec::new();
        for (rule, spec) in specs.iter().enumerate() {
            let pointer = &pointers[rule];
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
                            let id = *index.entry(variant.clone()).or_insert_with(|| {
                                patterns.push(variant);
                                uses.push(Vec::new());
                                patterns.len() - 1
                            });
                            let used = PatternUse { role, rule, entry };
                            if !uses[id].contains(&used) {
                                uses[id].push(used);
                            }
                        }
                    }
                }
            }
        }
        let phrase_bytes: usize = patterns.iter().map(String::len).sum();
        if phrase_bytes > MAX_PHRASE_BYTES {
            return Err(RulePackError::Invalid {
                pointer: "/term_rules".into(),
                message: format!(
                    "the phrases come to {phrase_bytes} bytes (with their hyphenated spellings), over the limit of {MAX_PHRASE_BYTES}"
                ),
            });
        }
        if patterns.len() > MAX_PATTERNS {
            return Err(RulePackError::Invalid {
                pointer: "/term_rules".into(),
                message: format!(
                    "{} phrases, over the limit of {MAX_PATTERNS}",
                    patterns.len()
                ),
            });
        }
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

    /// Scans one text: whole-word term hits that no exception covers, no
    /// quotation contains and no nearby phrase excuses, leftmost-longest per rule.
    pub fn scan(&self, text: &str) -> TextScan {
        let mut scan = TextScan::default();
        let mut terms: Vec<TermHit> = Vec::new();
        let mut exceptions: Vec<(usize, usize, usize, usize)> = Vec::new();
        let mut nearby: Vec<(usize, usize, usize)> = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let (start, end) = (m.start(), m.end());
            if !text.is_char_boundary(start)
                || !text.is_char_boundary(end)
                || !is_whole_word(text, start, end)
            {
                continue;
            }
            for u in &self.uses[m.pattern().as_usize()] {
                match u.role {
                    Role::Term => terms.push(TermHit {
                        rule: u.rule,
                        entry: u.entry,
                        start,
                        end,
                    }),
                    Role::Exception => exceptions.push((u.rule, u.entry, start, end)),
                    Role::Nearby => nearby.push((u.rule, u.entry, start)),
                    Role::Document => {
                        scan.document_conditions.insert((u.rule, u.entry));
                    }
                }
            }
        }
        if terms.is_empty() {
            return scan;
        }
        // Every check below is a binary search, so a text with many hits and
        // many exceptions still costs about one pass.
        let quotes = quoted_ranges(text);
        exceptions.sort_unstable_by_key(|&(_, _, start, _)| start);
        let mut nearby_at: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
        for (rule, entry, at) in nearby {
            nearby_at.entry((rule, entry)).or_default().push(at);
        }
        let sentences = (!nearby_at.is_empty()).then(|| Sentences::new(text));
        terms.retain(|hit| {
            // An exception containing the hit starts at most MAX_TERM_BYTES before it.
            let first = exceptions.partition_point(|e| e.2 + MAX_TERM_BYTES < hit.start);
            let last = exceptions.partition_point(|e| e.2 <= hit.start);
            let excepted = exceptions[first..last].iter().any(|&(rule, entry, s, e)| {
                rule == hit.rule && entry == hit.entry && s <= hit.start && hit.end <= e
            });
            let entry = &self.specs[hit.rule].entries[hit.entry];
            let quoted = entry.quotes_exempt && {
                let i = quotes.partition_point(|&(s, _)| s <= hit.start);
                i > 0 && hit.end <= quotes[i - 1].1
            };
            let excused = match (nearby_at.get(&(hit.rule, hit.entry)), &sentences) {
                (Some(positions), Some(sentences)) => {
                    let (from, to) = sentences.around(hit.start);
                    let i = positions.partition_point(|&at| at < from);
                    positions.get(i).is_some_and(|&at| at < to)
                }
                _ => false,
            };
            !(excepted || quoted || excused)
        });
        // Leftmost-longest, without overlaps, within each rule.
        terms.sort_by_key(|h| (h.rule, h.start, std::cmp::Reverse(h.end)));
        let mut last: Option<(usize, usize)> = None;
        for hit in terms {
            if let Some((rule, end)) = last {
                if rule == hit.rule && hit.start < end {
                    continue;
                }
            }
            last = Some((hit.rule, hit.end));
            scan.hits.push(hit);
        }
        // Across rules too, the longer phrase wins: "mother or father" is one
        // family-wording finding, not that plus a perinatal one for "mother".
        scan.hits
            .sort_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.rule));
        let mut cover: Option<(usize, usize)> = None;
        scan.hits.retain(|h| match cover {
            Some((start, end)) if h.end <= end && (h.start, h.end) != (start, end) => false,
            Some((_, end)) if h.end <= end => true,
            _ => {
                cover = Some((h.start, h.end));
                true
            }
        });
        scan.hits.sort_by_key(|h| (h.start, h.rule, h.end));
        scan
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

/// Phrases are matched with single spaces and ignoring ASCII case.
fn normalise(phrase: &str) -> String {
    phrase.split_whitespace().collect::<Vec<_>>().join(" ")
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
    fn case_follows_the_text() {
        assert_eq!(match_case("Chairman", "chair"), "Chair");
        assert_eq!(match_case("BAME", "ethnic minority"), "ethnic minority");
        assert_eq!(match_case("HE OR SHE", "they"), "THEY");
        assert_eq!(match_case("he or she", "they"), "they");
    }
}
