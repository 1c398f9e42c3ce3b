//! Small numbers: reporting L, G, B, T and Q figures separately (framework
//! 4.3) soon produces counts small enough to identify people.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::model::{PackOptions, Severity};
use crate::rules::{RuleMeta, SectionScan, SectionTextRule, StaticMeta, sources};
use crate::text::is_whole_word;

pub(crate) fn rules() -> Vec<Box<dyn SectionTextRule>> {
    vec![Box::new(SmallNumbers), Box::new(Aggregated)]
}

struct SmallNumbers;

/// Counts written as `n=3`, `n = 3` or `(n=3)`: the form reports use for a
/// cell size, so a small one is a count of people, not a date or a page.
fn counts(text: &str) -> impl Iterator<Item = (usize, u64)> + '_ {
    let bytes = text.as_bytes();
    // Start from each '=' (rare, and found by a fast byte search), then look
    // back for the "n" and forward for the digits.
    text.match_indices('=').filter_map(move |(eq, _)| {
        let mut i = eq;
        while i > 0 && bytes[i - 1] == b' ' {
            i -= 1;
        }
        let n_at = i.checked_sub(1)?;
        let starts_word = n_at == 0 || !bytes[n_at - 1].is_ascii_alphanumeric();
        if !(starts_word && (bytes[n_at] == b'n' || bytes[n_at] == b'N')) {
            return None;
        }
        let mut j = eq + 1;
        while j < bytes.len() && bytes[j] == b' ' {
            j += 1;
        }
        let digits_end = j + bytes[j..].iter().take_while(|b| b.is_ascii_digit()).count();
        if digits_end == j || digits_end - j > 9 {
            return None;
        }
        if bytes.get(digits_end).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'.' || *b == b',') {
            // "n=4.5" or "n=4,000" is not a small count.
            if !matches!(bytes.get(digits_end), Some(b'.' | b',') if bytes.get(digits_end + 1).is_none_or(|b| !b.is_ascii_digit())) {
                return None;
            }
        }
        text[j..digits_end].parse().ok().map(|n| (n_at, n))
    })
}

/// Numbers one to nine written as words, with their (offset, length) in
/// `lower`; digits standing alone are too often a section or step number.
fn small_number_words(lower: &str) -> Vec<((usize, usize), u32)> {
    const WORDS: [&str; 9] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    let mut found = Vec::new();
    for (n, word) in (1u32..).zip(WORDS) {
        for (at, m) in lower.match_indices(word) {
            let end = at + m.len();
            let hyphenated = lower.as_bytes().get(end) == Some(&b'-');
            // "one of the", "no one": not counts.
            let pronoun =
                n == 1 && (lower[end..].starts_with(" of") || lower[..at].ends_with("no "));
            if is_whole_word(lower, at, end) && !hyphenated && !pronoun {
                found.push(((at, m.len()), n));
            }
        }
    }
    found.sort_unstable();
    found
}

/// The end of the `n = 4` written at `start`.
fn count_end(text: &str, start: usize) -> usize {
    let rest = &text.as_bytes()[start..];
    let digits_start = rest.iter().position(u8::is_ascii_digit).unwrap_or(0);
    let digits = rest[digits_start..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    start + digits_start + digits
}

impl SectionTextRule for SmallNumbers {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-small-numbers",
            name: "Counts small enough to identify people",
            severity: Severity::Warning,
            advisory: true,
            elements: &["4.3"],
            tags: &["data", "disclosure"],
            rationale: "Looking at lesbian, gay, bisexual, trans and queer figures separately is what the framework asks, and it quickly gives very small counts. Published below the threshold (10 by default, set in the rule pack), a count can point to a person; suppress or combine it before publication, and keep the detail for internal analysis.",
            source: sources::FRAMEWORK,
            fires: &[r#"{"title":"Report","kind":"action_plan","sections":[{"id":"data","text":"Trans service users reported longer waits (n=4)."}]}"#],
            passes: &[r#"{"title":"Report","kind":"action_plan","sections":[{"id":"data","text":"Bisexual service users reported longer waits (n=42). See section 4 of the 2025 report."}]}"#],
        }
        .to_meta()
    }

    fn scan(&self, text: &str, options: &PackOptions) -> SectionScan {
        let threshold = u64::from(options.small_number_threshold);
        let mut scan = SectionScan::default();
        for (at, n) in counts(text) {
            scan.relevant = true;
            if n > 0 && n < threshold {
                scan.findings.push((
                    at,
                    count_end(text, at),
                    format!("A count of {n} is below {threshold} and could identify people if published. Suppress or combine it in published figures."),
                ));
            }
        }
        // Counts written as words, in a sentence about a small group:
        // "Four complaints came from trans patients." Only sentences that
        // name a group are read further.
        let groups = group_words(text);
        if groups.is_empty() {
            return scan;
        }
        let mut last_sentence = None;
        for group in &groups {
            let (from, sentence) = sentence_around(text, group.start);
            if last_sentence == Some(from) {
                continue;
            }
            last_sentence = Some(from);
            let lower = sentence.to_ascii_lowercase();
            // A sentence about disclosure control itself ("even a count of
            // two or three") is not reporting a count.
            let about_counts = [
                "count of",
                "counts of",
                "fewer than",
                "less than",
                "threshold",
                "suppress",
            ]
            .iter()
            .any(|w| lower.contains(w));
            if about_counts || counts(sentence).next().is_some() {
                continue;
            }
            for (word, n) in small_number_words(&lower) {
                scan.relevant = true;
                if u64::from(n) < threshold {
                    let start = from + word.0;
                    scan.findings.push((
                        start,
                        start + word.1,
                        format!("A count of {n} about a small group could identify people if published. Suppress or combine it in published figures."),
                    ));
                }
            }
        }
        scan
    }

    fn not_applicable(&self) -> &'static str {
        "the draft reports no counts about small groups"
    }

    fn pass_reason(&self, options: &PackOptions) -> String {
        format!(
            "every count reported is {} or more",
            options.small_number_threshold
        )
    }
}

struct Aggregated;

/// Acronyms that put several groups in one figure.
const UMBRELLA: [&str; 7] = [
    "lgbtq+", "lgbtq", "lgbt+", "lgbt", "lgbtqia+", "lgb", "lgbtqi+",
];
/// Words that show a figure is broken down.
const SEPARATE: [&str; 7] = [
    "lesbian",
    "gay",
    "bisexual",
    "trans",
    "queer",
    "non-binary",
    "asexual",
];

/// Byte ranges of sentences (split at . ! ? and line breaks).
fn sentences(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| is_sentence_end(b))
        .map(|(i, _)| i + 1)
        .chain([text.len()])
        .filter_map(move |end| {
            let from = start;
            start = end;
            (end > from).then(|| (from, &text[from..end]))
        })
}

fn is_sentence_end(byte: u8) -> bool {
    matches!(byte, b'.' | b'!' | b'?' | b'\n')
}

/// The sentence (as `sentences` cuts them) around byte `at`.
fn sentence_around(text: &str, at: usize) -> (usize, &str) {
    let bytes = text.as_bytes();
    let from = bytes[..at]
        .iter()
        .rposition(|&b| is_sentence_end(b))
        .map_or(0, |i| i + 1);
    let to = bytes[at..]
        .iter()
        .position(|&b| is_sentence_end(b))
        .map_or(text.len(), |i| at + i + 1);
    (from, &text[from..to])
}

impl SectionTextRule for Aggregated {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-lgbtq-aggregated",
            name: "LGBTQ+ figures reported as one group",
            severity: Severity::Info,
            advisory: true,
            elements: &["4.3"],
            tags: &["data", "reporting"],
            rationale: "The framework warns against aggregating LGBTQ+ data: lesbian, gay, bisexual, trans and queer people's experiences differ, and one topline figure can hide a failing for one group. Report each separately where numbers allow, suppressing counts small enough to identify people.",
            source: sources::FRAMEWORK,
            fires: &[r#"{"title":"Survey results","kind":"action_plan","sections":[{"id":"r","text":"Overall, 64% of LGBTQ+ respondents rated the service as good."}]}"#],
            passes: &[
                r#"{"title":"Survey results","kind":"action_plan","sections":[{"id":"r","text":"64% of LGBTQ+ respondents rated the service as good: 71% of gay and lesbian respondents, 58% of bisexual respondents and 41% of trans respondents."}]}"#,
                r#"{"title":"Network","kind":"workforce_policy","sections":[{"id":"r","text":"The LGBTQ+ staff network meets 12 times a year."}]}"#,
            ],
        }
        .to_meta()
    }

    fn scan(&self, text: &str, _: &PackOptions) -> SectionScan {
        let mut scan = SectionScan::default();
        let groups = group_words(text);
        if !groups.iter().any(|g| g.umbrella) {
            return scan;
        }
        let mut paragraph_start = 0;
        for paragraph in text.split("\n\n") {
            let here = paragraph_start;
            paragraph_start += paragraph.len() + 2;
            let in_paragraph = |g: &&GroupWord| g.start >= here && g.start < here + paragraph.len();
            if !groups.iter().filter(in_paragraph).any(|g| g.umbrella) {
                continue;
            }
            let sentences: Vec<(usize, &str)> = sentences(paragraph).collect();
            let words_in = |from: usize, sentence: &str| {
                let (start, end) = (here + from, here + from + sentence.len());
                groups
                    .iter()
                    .filter(move |g| g.start >= start && g.start < end)
            };
            // A figure is broken down when its paragraph also gives a figure
            // for a named group.
            let broken_down = sentences.iter().any(|&(from, sentence)| {
                words_in(from, sentence).any(|g| !g.umbrella) && has_figure(sentence)
            });
            for &(from, sentence) in &sentences {
                let Some(first) = words_in(from, sentence).find(|g| g.umbrella) else {
                    continue;
                };
                if !has_figure(sentence) {
                    continue;
                }
                scan.relevant = true;
                if !broken_down {
                    scan.findings.push((
                        first.start,
                        first.end,
                        "This figure counts LGBTQ+ people as one group. Where numbers allow, report lesbian, gay, bisexual, trans and queer people separately.".into(),
                    ));
                }
            }
        }
        scan
    }

    fn not_applicable(&self) -> &'static str {
        "the draft reports no LGBTQ+ figures"
    }

    fn pass_reason(&self, _: &PackOptions) -> String {
        "LGBTQ+ figures are broken down by group".into()
    }
}

/// A group named in a text: an umbrella acronym ("LGBTQ+") or one group
/// ("bisexual").
#[derive(Debug, Clone, Copy)]
struct GroupWord {
    start: usize,
    end: usize,
    umbrella: bool,
}

/// Every group word in a text, as whole words, in one pass of one automaton,
/// so sentences that name no group are never read word by word.
fn group_words(text: &str) -> Vec<GroupWord> {
    static GROUPS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(UMBRELLA.iter().chain(&SEPARATE))
            .expect("a handful of fixed words compile")
    });
    let mut words: Vec<GroupWord> = GROUPS
        .find_overlapping_iter(text)
        .filter(|m| is_whole_word(text, m.start(), m.end()))
        .map(|m| GroupWord {
            start: m.start(),
            end: m.end(),
            umbrella: m.pattern().as_usize() < UMBRELLA.len(),
        })
        .collect();
    // "LGBTQ+" also holds "LGBTQ": keep the longest word at each start.
    words.sort_by_key(|w| (w.start, std::cmp::Reverse(w.end)));
    words.dedup_by_key(|w| w.start);
    words
}

/// A percentage or a count.
fn has_figure(sentence: &str) -> bool {
    let lower = sentence.to_ascii_lowercase();
    lower.contains('%') || lower.contains("per cent") || counts(sentence).next().is_some()
}

#[cfg(test)]
mod tests {
    use super::counts;

    #[test]
    fn finds_cell_sizes_only() {
        let found: Vec<u64> = counts("waits (n=4), N = 12; n=4.5; ann=3; n=4,000; n=7.")
            .map(|(_, n)| n)
            .collect();
        assert_eq!(found, [4, 12, 7]);
    }
}
