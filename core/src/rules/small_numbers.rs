//! Small numbers: reporting L, G, B, T and Q figures separately (framework
//! 4.3) soon produces counts small enough to identify people.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::pack::{PackOptions, Severity};
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
    (0..bytes.len()).filter_map(move |i| {
        let starts_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if !(starts_word && (bytes[i] == b'n' || bytes[i] == b'N')) {
            return None;
        }
        let mut j = i + 1;
        while j < bytes.len() && bytes[j] == b' ' {
            j += 1;
        }
        if bytes.get(j) != Some(&b'=') {
            return None;
        }
        j += 1;
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
        text[j..digits_end].parse().ok().map(|n| (i, n))
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
        // "Four complaints came from trans patients."
        if !names_a_group(text) {
            return scan;
        }
        for (from, sentence) in sentences(text) {
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
            if about_counts
                || counts(sentence).next().is_some()
                || !SEPARATE
                    .iter()
                    .chain(&UMBRELLA)
                    .any(|w| whole_word_at(&lower, w).is_some())
            {
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
    text.match_indices(['.', '!', '?', '\n'])
        .map(|(i, _)| i + 1)
        .chain([text.len()])
        .filter_map(move |end| {
            let from = start;
            start = end;
            (end > from).then(|| (from, &text[from..end]))
        })
}

fn whole_word_at(lower: &str, word: &str) -> Option<usize> {
    lower
        .match_indices(word)
        .find(|(i, m)| is_whole_word(lower, *i, i + m.len()))
        .map(|(i, _)| i)
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
        if !names_a_group(text) {
            return scan;
        }
        // A figure is broken down when its paragraph also gives a figure
        // for a named group.
        let mut paragraph_start = 0;
        for paragraph in text.split("\n\n") {
            let here = paragraph_start;
            paragraph_start += paragraph.len() + 2;
            let sentences: Vec<(usize, &str)> = sentences(paragraph).collect();
            let broken_down = sentences.iter().any(|(_, sentence)| {
                let lower = sentence.to_ascii_lowercase();
                has_figure(sentence) && SEPARATE.iter().any(|w| whole_word_at(&lower, w).is_some())
            });
            for (from, sentence) in sentences {
                let lower = sentence.to_ascii_lowercase();
                let Some(at) = UMBRELLA
                    .iter()
                    .find_map(|w| whole_word_at(&lower, w).map(|i| (i, w.len())))
                else {
                    continue;
                };
                if !has_figure(sentence) {
                    continue;
                }
                scan.relevant = true;
                if !broken_down {
                    let start = here + from + at.0;
                    scan.findings.push((
                        start,
                        start + at.1,
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

/// Whether a text names any LGBTQ+ group at all: one pass, so sections that
/// do not are skipped before the per-sentence work.
fn names_a_group(text: &str) -> bool {
    static GROUPS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(SEPARATE.iter().chain(&UMBRELLA))
            .expect("a handful of fixed words compile")
    });
    GROUPS
        .find_overlapping_iter(text)
        .any(|m| is_whole_word(text, m.start(), m.end()))
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
