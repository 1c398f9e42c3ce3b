//! `data-small-numbers`: reporting L, G, B, T and Q figures separately (framework
//! 4.3) soon produces counts small enough to identify people.

use crate::model::{PackOptions, Severity};
use crate::rules::data::figures::{counts, group_words, sentence_around};
use crate::rules::{Family, RuleMeta, SectionScan, SectionTextRule, StaticMeta, sources};
use crate::text::is_whole_word;

pub(crate) struct DataSmallNumbers;

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

impl SectionTextRule for DataSmallNumbers {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-small-numbers",
            name: "Counts small enough to identify people",
            family: Family::DataCollection,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{scan, section_examples_behave};

    #[test]
    fn its_examples_behave_as_stated() {
        section_examples_behave(&DataSmallNumbers);
    }
    fn report(text: &str) -> String {
        format!(
            r#"{{"title":"Report","kind":"action_plan","sections":[{{"id":"data","text":"{text}"}}]}}"#
        )
    }

    #[test]
    fn a_cell_size_below_the_threshold_is_found_where_it_is_written() {
        let found = scan(
            &DataSmallNumbers,
            &report("Trans patients waited longer (n = 4)."),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "n = 4");
        assert!(
            found[0].1.starts_with("A count of 4 is below 10"),
            "{}",
            found[0].1
        );
    }

    #[test]
    fn a_count_in_words_about_a_group_is_found_but_not_a_pronoun_or_a_threshold() {
        let found = scan(
            &DataSmallNumbers,
            &report("Four complaints came from trans patients."),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "Four");
        assert!(
            scan(
                &DataSmallNumbers,
                &report("No one who is trans was turned away.")
            )
            .is_empty()
        );
        assert!(
            scan(
                &DataSmallNumbers,
                &report("Suppress counts of gay patients below five.")
            )
            .is_empty()
        );
    }
}
