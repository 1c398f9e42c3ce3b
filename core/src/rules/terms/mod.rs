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

use std::borrow::Cow;
use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::error::RulePackError;
use crate::model::pack_limits::{MAX_PATTERNS, MAX_PHRASE_BYTES, MAX_PHRASE_USES, MAX_TERM_BYTES};
use crate::model::{Applicability, Examples, TermRuleSpec};
use crate::rules::SECTION_PHRASES as PHRASES;
use crate::rules::{Family, RuleKind, RuleMeta};

pub(crate) use scan::DocumentConditions;

mod fold;
#[cfg(test)]
mod forms;
mod paragraphs;

/// What a pattern in the automaton means; one string can mean several things.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Term,
    Exception,
    Nearby,
    Paragraph,
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
    paragraph: Vec<(usize, usize)>,
    document: Vec<(usize, usize)>,
    /// As a phrase of the section read: its index in `section_text::PHRASES`.
    section: Option<usize>,
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
            Role::Paragraph => &mut self.paragraph,
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
    /// Other rules whose phrases matched the same words; this hit, the
    /// strongest, stands for them.
    pub also: Vec<usize>,
}

/// The compiled term rules.
#[derive(Debug)]
pub(crate) struct TermMatcher {
    automaton: AhoCorasick,
    uses: Vec<PatternUses>,
    /// The longest pattern, in bytes: how far back a scan must keep matches.
    longest: usize,
    pub specs: Vec<TermRuleSpec>,
    /// Rules switched off (opt-in rules whose option is not set), by index.
    off: Vec<bool>,
}

/// The most pattern bytes (the built-in phrases and the section read's come
/// to about 40 KB) compiled into a DFA; more are compiled into an NFA.
const DFA_MAX_PATTERN_BYTES: usize = 64 * 1024;

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
                    (
                        Role::Paragraph,
                        "unless_in_paragraph",
                        &item.unless_in_paragraph,
                    ),
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
                            Role::Nearby | Role::Paragraph | Role::Document => vec![key],
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
        // How far back term matches are kept: the term phrases' longest (the
        // section read's phrases are recorded as they come, never kept).
        let longest = patterns.iter().map(String::len).max().unwrap_or(0);
        // The section read's phrases ride in the same automaton, so a
        // section's text is read once for its terms and its section rules.
        // They are not the pack's, so no pack limit counts them.
        for (i, (phrase, _)) in PHRASES.iter().enumerate() {
            let phrase = phrase.to_ascii_lowercase();
            let id = *index.entry(phrase.clone()).or_insert_with(|| {
                patterns.push(phrase);
                uses.push(PatternUses::default());
                patterns.len() - 1
            });
            uses[id].section = Some(i);
        }
        // Every pattern is in ASCII lower case, and so is the haystack
        // (`Haystack`), so the automaton need not fold case. Folding case, a
        // DFA of the built-in phrases had been no faster than the default
        // contiguous NFA; not folding, it scans the 100,000-word benchmark
        // 15% faster, for 3.5 ms more to compile and 3.4 MB. Past the cut-off
        // (a large pack) it would cost too much to build: the NFA then.
        let pattern_bytes: usize = patterns.iter().map(String::len).sum();
        let kind = if pattern_bytes <= DFA_MAX_PATTERN_BYTES {
            AhoCorasickKind::DFA
        } else {
            AhoCorasickKind::ContiguousNFA
        };
        let automaton = AhoCorasickBuilder::new()
            .kind(Some(kind))
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .map_err(|e| RulePackError::Invalid {
                pointer: "/term_rules".into(),
                message: format!("the phrases could not be compiled: {e}"),
            })?;
        let off = vec![false; specs.len()];
        Ok(TermMatcher {
            automaton,
            uses,
            longest,
            specs,
            off,
        })
    }

    /// Switches rules off by index: they find nothing and fold nothing.
    pub fn switch_off(&mut self, off: &[bool]) {
        self.off = off.to_vec();
        self.off.resize(self.specs.len(), false);
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
            // Term rules never evidence: no bad words is not a good policy.
            evidences: Vec::new(),
            tags: spec.tags.clone(),
            rationale: spec.rationale.clone(),
            source: spec.source.clone(),
            examples: Examples {
                fires: spec.examples.fires.clone(),
                passes: spec.examples.passes.clone(),
            },
            fix: best_fix(spec),
            terms: Some(spec.entries.iter().map(|e| e.terms.len()).sum()),
            see_also: spec.see_also.clone(),
            contested: spec.contested.clone(),
            opt_in: None,
            eds_domains: spec.eds_domains.clone(),
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
/// Borrowed when it is already so (most hits are), as no allocation is needed.
pub(crate) fn squeeze_whitespace(text: &str) -> Cow<'_, str> {
    let squeezed = !text.starts_with(char::is_whitespace)
        && !text.ends_with(char::is_whitespace)
        && !text.contains("  ")
        && text.chars().all(|c| c == ' ' || !c.is_whitespace());
    if squeezed {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
    }
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
mod tests;
