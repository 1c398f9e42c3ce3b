//! `data-small-numbers`: reporting L, G, B, T and Q figures separately (framework
//! 4.3) soon produces counts small enough to identify people.

use crate::model::{PackOptions, Severity};
use crate::rules::data::caseless;
use crate::rules::data::figures::{counts, sentences_naming};
use crate::rules::{
    Family, RuleMeta, SectionScan, SectionText, SectionTextRule, StaticMeta, sources,
};
use crate::text::is_whole_word;

pub(crate) struct DataSmallNumbers;

/// Numbers one to nine written as words; digits standing alone are too
/// often a section or step number. The shared read of a section finds them
/// (`rules/section_text.rs`), with [`ABOUT_COUNTS`].
pub(crate) const NUMBER_WORDS: [&str; 9] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

/// A number word or a word about counts, where the shared read of a section
/// found it (any ASCII case, whole word or not, every occurrence).
#[derive(Debug, Clone, Copy)]
pub(crate) struct CountWord {
    pub start: usize,
    pub end: usize,
    /// One to nine for a number word; 0 for a word about counts.
    pub n: u32,
}

/// What a sentence naming a group holds.
#[derive(Debug, Default, PartialEq)]
struct SentenceWords {
    /// It is about disclosure control itself ("even a count of two or
    /// three"), not reporting a count.
    about_counts: bool,
    /// Numbers written as words that count people: ((offset, length), n),
    /// offsets in the sentence, in order.
    numbers: Vec<((usize, usize), u32)>,
}

/// What `sentence`, at `from` in its section, holds, from the count words
/// the section's read found (in order of start).
fn read_words(sentence: &str, from: usize, words: &[CountWord]) -> SentenceWords {
    let end = from + sentence.len();
    let words = &words[words.partition_point(|w| w.start < from)..];
    let words = &words[..words.partition_point(|w| w.start < end)];
    let mut read = SentenceWords::default();
    // No word holds a sentence end, so one starting in the sentence ends in
    // it; and no number word can overlap itself, so these are the ones a
    // search word by word in the sentence finds.
    for w in words {
        let (at, to) = (w.start - from, w.end - from);
        if w.n == 0 {
            read.about_counts = true;
        } else if counts_people(sentence, at, to, w.n == 1) {
            read.numbers.push(((at, to - at), w.n));
        }
    }
    read.numbers.sort_unstable();
    read
}

/// Whether the number word at `at..end` counts people.
fn counts_people(text: &str, at: usize, end: usize, one: bool) -> bool {
    let hyphenated = text.as_bytes().get(end) == Some(&b'-');
    // "one of the", "no one", "one or more", "at least one", "one to
    // one": not counts of people.
    let after = &text[end..];
    let before = &text[..at];
    let pronoun = one
        && (caseless::starts_with(after, " of")
            || caseless::starts_with(after, " or more")
            || caseless::starts_with(after, " another")
            || caseless::starts_with(after, " to one")
            || caseless::ends_with(before, "no ")
            || caseless::ends_with(before, "at least ")
            || caseless::ends_with(before, "one to "));
    // "two weeks", "three times": a duration or a frequency.
    let unit = TIME_UNITS.iter().any(|u| {
        after
            .strip_prefix(' ')
            .and_then(|rest| caseless::strip_prefix(rest, u))
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphabetic()))
    });
    is_whole_word(text, at, end) && !hyphenated && !pronoun && !unit
}

/// Words that make a sentence about disclosure control, not a report.
pub(crate) const ABOUT_COUNTS: [&str; 6] = [
    "count of",
    "counts of",
    "fewer than",
    "less than",
    "threshold",
    "suppress",
];

/// Words after a number that make it a duration or a frequency.
const TIME_UNITS: [&str; 14] = [
    "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
    "year", "years", "times", "sessions",
];

/// Words for people after a group word: "3 trans members" is a count of
/// people; "2 LGBTQ+ networks" is not.
const PEOPLE: [&str; 22] = [
    "people",
    "person",
    "members",
    "member",
    "staff",
    "colleagues",
    "employees",
    "patients",
    "respondents",
    "users",
    "service",
    "men",
    "women",
    "students",
    "participants",
    "individuals",
    "adults",
    "children",
    "clients",
    "nurses",
    "doctors",
    "residents",
];

/// A count in digits just before a group word and a word for people:
/// "3 trans members", "4 bisexual respondents". Gives (start, end, n).
fn digit_count_before(
    text: &str,
    group_start: usize,
    group_end: usize,
) -> Option<(usize, usize, u64)> {
    let bytes = text.as_bytes();
    let mut i = group_start;
    while i > 0 && bytes[i - 1] == b' ' {
        i -= 1;
    }
    if i == group_start {
        return None;
    }
    let digits_end = i;
    while i > 0 && bytes[i - 1].is_ascii_digit() {
        i -= 1;
    }
    let standalone = i == 0
        || !(bytes[i - 1].is_ascii_alphanumeric() || matches!(bytes[i - 1], b'.' | b',' | b'-'));
    if i == digits_end || digits_end - i > 6 || !standalone {
        return None;
    }
    let rest = text[group_end..].trim_start();
    let next = &rest[..rest.bytes().take_while(u8::is_ascii_alphabetic).count()];
    if !PEOPLE.iter().any(|word| word.eq_ignore_ascii_case(next)) {
        return None;
    }
    text[i..digits_end].parse().ok().map(|n| (i, digits_end, n))
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
            fires: &[
                r#"{"title":"Report","kind":"action_plan","sections":[{"id":"data","text":"Trans service users reported longer waits (n=4)."}]}"#,
                r#"{"title":"Network","kind":"action_plan","sections":[{"id":"data","text":"There are 3 trans members in the steering group."}]}"#,
                r#"{"title":"Survey","kind":"action_plan","sections":[{"id":"data","text":"Two trans patients complained about being misgendered."}]}"#,
            ],
            passes: &[
                r#"{"title":"Report","kind":"action_plan","sections":[{"id":"data","text":"Bisexual service users reported longer waits (n=42). See section 4 of the 2025 report."}]}"#,
                r#"{"title":"Panel","kind":"action_plan","sections":[{"id":"p","text":"One or more members of the LGBTQ+ staff network will sit on the panel."}]}"#,
                r#"{"title":"Panel","kind":"action_plan","sections":[{"id":"p","text":"Trans patients should be offered at least one follow-up appointment within two weeks."}]}"#,
                r#"{"title":"Networks","kind":"action_plan","sections":[{"id":"p","text":"The 2 LGBTQ+ networks merged in 2024."}]}"#,
            ],
        }
        .to_meta()
    }

    fn scan(&self, read: &SectionText<'_>, options: &PackOptions) -> SectionScan {
        let text = read.text;
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
        for (from, sentence, words) in sentences_naming(text, 0, read.group_words()) {
            let words_in = read_words(sentence, from, read.count_words());
            if words_in.about_counts || counts(sentence).next().is_some() {
                continue;
            }
            for g in words {
                if let Some((start, end, n)) = digit_count_before(text, g.start, g.end) {
                    scan.relevant = true;
                    if n > 0 && n < threshold {
                        scan.findings.push((
                            start,
                            end,
                            format!("A count of {n} about a small group could identify people if published. Suppress or combine it in published figures."),
                        ));
                    }
                }
            }
            for (word, n) in words_in.numbers {
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
    use crate::rules::data::caseless::tests::text_from;
    use crate::rules::testing::{scan, section_examples_behave};
    use proptest::prelude::*;

    // As they were, reading lowercased copies: what the helpers must agree with.
    fn small_number_words_before(lower: &str) -> Vec<((usize, usize), u32)> {
        const WORDS: [&str; 9] = [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        ];
        let mut found = Vec::new();
        for (n, word) in (1u32..).zip(WORDS) {
            for (at, m) in lower.match_indices(word) {
                let end = at + m.len();
                let hyphenated = lower.as_bytes().get(end) == Some(&b'-');
                // "one of the", "no one", "one or more", "at least one", "one to
                // one": not counts of people.
                let after = &lower[end..];
                let before = &lower[..at];
                let pronoun = n == 1
                    && (after.starts_with(" of")
                        || after.starts_with(" or more")
                        || after.starts_with(" another")
                        || after.starts_with(" to one")
                        || before.ends_with("no ")
                        || before.ends_with("at least ")
                        || before.ends_with("one to "));
                // "two weeks", "three times": a duration or a frequency.
                let unit = TIME_UNITS.iter().any(|u| {
                    after
                        .strip_prefix(' ')
                        .and_then(|rest| rest.strip_prefix(u))
                        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphabetic()))
                });
                if is_whole_word(lower, at, end) && !hyphenated && !pronoun && !unit {
                    found.push(((at, m.len()), n));
                }
            }
        }
        found.sort_unstable();
        found
    }
    fn digit_count_before_before(
        text: &str,
        group_start: usize,
        group_end: usize,
    ) -> Option<(usize, usize, u64)> {
        let bytes = text.as_bytes();
        let mut i = group_start;
        while i > 0 && bytes[i - 1] == b' ' {
            i -= 1;
        }
        if i == group_start {
            return None;
        }
        let digits_end = i;
        while i > 0 && bytes[i - 1].is_ascii_digit() {
            i -= 1;
        }
        let standalone = i == 0
            || !(bytes[i - 1].is_ascii_alphanumeric()
                || matches!(bytes[i - 1], b'.' | b',' | b'-'));
        if i == digits_end || digits_end - i > 6 || !standalone {
            return None;
        }
        let rest = text[group_end..].trim_start().to_ascii_lowercase();
        let next: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        if !PEOPLE.contains(&next.as_str()) {
            return None;
        }
        text[i..digits_end].parse().ok().map(|n| (i, digits_end, n))
    }

    #[test]
    fn no_number_word_can_overlap_itself() {
        // So every occurrence one pass finds is one `match_indices` finds.
        for word in NUMBER_WORDS {
            assert!(
                (1..word.len()).all(|k| word[..k] != word[word.len() - k..]),
                "{word}"
            );
        }
    }

    fn counts_text() -> impl Strategy<Value = String> {
        text_from(&[
            "count of",
            "counts",
            "fewer than",
            "less than",
            "threshold",
            "suppress",
            "one",
            "two",
            "three",
            "nine",
            "ten",
            " of",
            " or more",
            " another",
            " to one",
            "no ",
            "at least ",
            "one to ",
            " weeks",
            " week",
            " times",
            "-",
            " ",
            "3 ",
            "12 ",
            "1234567 ",
            "trans",
            "gay",
            " members",
            " people",
            " peoples",
            "x",
            ".",
        ])
    }

    proptest! {
        #[test]
        fn number_words_agree_with_reading_a_lowercased_copy(text in counts_text()) {
            let lower = text.to_ascii_lowercase();
            prop_assert_eq!(
                read_words(&text, 0, crate::rules::SectionText::read(&text).count_words()),
                SentenceWords {
                    about_counts: ABOUT_COUNTS.iter().any(|w| lower.contains(w)),
                    numbers: small_number_words_before(&lower),
                }
            );
        }

        #[test]
        fn digit_counts_agree_with_reading_a_lowercased_copy(text in counts_text()) {
            for word in crate::rules::SectionText::read(&text).group_words() {
                prop_assert_eq!(
                    digit_count_before(&text, word.start, word.end),
                    digit_count_before_before(&text, word.start, word.end)
                );
            }
        }
    }

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

    #[test]
    fn one_or_more_is_not_a_count_but_digits_before_a_group_of_people_are() {
        for quiet in [
            "One or more members of the LGBTQ+ staff network will sit on the panel.",
            "Each panel includes one or more trans people.",
            "Trans patients are offered at least one follow-up.",
            "Trans staff can ask for one to one support.",
            "Gay and bisexual men are offered the vaccine two weeks apart.",
            "The 2 LGBTQ+ networks merged in 2024.",
            "Section 3 sets out how trans staff can change their name.",
        ] {
            assert!(
                scan(&DataSmallNumbers, &report(quiet)).is_empty(),
                "{quiet}"
            );
        }
        let found = scan(
            &DataSmallNumbers,
            &report("There are 3 trans members and 12 gay members."),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "3");
        let found = scan(
            &DataSmallNumbers,
            &report("4 bisexual respondents said so."),
        );
        assert_eq!(found[0].0, "4");
    }
}
