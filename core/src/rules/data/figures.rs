//! Figures in text: counts written as `n=4`, sentences, and the words that
//! name LGBTQ+ groups. `data-small-numbers` and `data-lgbtq-aggregated` share
//! them, so both cut sentences and find groups the same way.

use super::caseless;
use crate::rules::SectionText;
use crate::rules::phrases::PhraseList;

/// Counts written as `n=3`, `n = 3` or `(n=3)`: the form reports use for a
/// cell size, so a small one is a count of people, not a date or a page.
pub(super) fn counts(text: &str) -> impl Iterator<Item = (usize, u64)> + '_ {
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

/// A percentage or a count.
pub(super) fn has_figure(sentence: &str) -> bool {
    sentence.contains('%')
        || caseless::contains(sentence, "per cent")
        || counts(sentence).next().is_some()
}

/// "per cent", which the shared read of a section looks for.
pub(crate) static PER_CENT: PhraseList = PhraseList::new(&["per cent"]);

/// Whether a section may hold a figure: every one [`has_figure`] finds has a
/// `%`, a count's `=` or the words "per cent". Most sections have none of
/// them, and are never cut into sentences.
pub(super) fn may_hold_figure(read: &SectionText<'_>) -> bool {
    memchr::memchr2(b'%', b'=', read.text.as_bytes()).is_some() || read.may_hold(&PER_CENT)
}

/// Acronyms that put several groups in one figure.
pub(crate) const UMBRELLA: [&str; 7] = [
    "lgbtq+", "lgbtq", "lgbt+", "lgbt", "lgbtqia+", "lgb", "lgbtqi+",
];
/// Words that show a figure is broken down.
pub(crate) const SEPARATE: [&str; 7] = [
    "lesbian",
    "gay",
    "bisexual",
    "trans",
    "queer",
    "non-binary",
    "asexual",
];

/// Byte ranges of sentences (split at . ! ? and line breaks).
pub(super) fn sentences(text: &str) -> impl Iterator<Item = (usize, &str)> {
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
pub(super) fn sentence_around(text: &str, at: usize) -> (usize, &str) {
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

/// The sentences of `text` (cut as [`sentences`] cuts them) that name a
/// group, each once and in order: `(start, sentence, its group words)`.
/// `words` are sorted by start, all in `text`, and their offsets are in the
/// section, where `text` starts at `offset`. Only these sentences are cut,
/// however long the text.
pub(super) fn sentences_naming<'a>(
    text: &'a str,
    offset: usize,
    words: &'a [GroupWord],
) -> impl Iterator<Item = (usize, &'a str, &'a [GroupWord])> {
    let mut rest = words;
    std::iter::from_fn(move || {
        let first = rest.first()?;
        let (from, sentence) = sentence_around(text, first.start - offset);
        let end = offset + from + sentence.len();
        let (named, after) = rest.split_at(rest.partition_point(|g| g.start < end));
        rest = after;
        Some((from, sentence, named))
    })
}

/// A group named in a text: an umbrella acronym ("LGBTQ+") or one group
/// ("bisexual"). The shared read of a section's text finds them
/// (`rules/section_text.rs`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct GroupWord {
    pub start: usize,
    pub end: usize,
    pub umbrella: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::SectionText;
    use crate::rules::data::caseless::tests::text_from;
    use proptest::prelude::*;

    fn figures_text() -> impl Strategy<Value = String> {
        text_from(&[
            "per cent", "per", " cent", "percent", "%", "n=4", "n = 12", "=", "n", "4", " ", ". ",
            "\n", "\n\n", "!", "lgbtq+", "lgbt", "trans", "gay", "people", "x",
        ])
    }

    proptest! {
        #[test]
        fn has_figure_agrees_with_reading_a_lowercased_copy(text in figures_text()) {
            // As it was: a lowercased copy of each sentence.
            let lower = text.to_ascii_lowercase();
            let before =
                lower.contains('%') || lower.contains("per cent") || counts(&text).next().is_some();
            prop_assert_eq!(has_figure(&text), before);
            // Any sentence's figure is one the whole text may hold.
            if sentences(&text).any(|(_, sentence)| has_figure(sentence)) {
                prop_assert!(may_hold_figure(&SectionText::read(&text)));
            }
        }

        #[test]
        fn sentences_naming_are_the_sentences_holding_group_words(
            text in figures_text(),
            lead in 0..3usize,
        ) {
            // As the rules filtered them: every sentence, every group word.
            let read = SectionText::read(&text);
            let words = read.group_words();
            let before: Vec<(usize, &str, Vec<usize>)> = sentences(&text)
                .filter_map(|(from, sentence)| {
                    let starts: Vec<usize> = words
                        .iter()
                        .filter(|g| g.start >= from && g.start < from + sentence.len())
                        .map(|g| g.start)
                        .collect();
                    (!starts.is_empty()).then_some((from, sentence, starts))
                })
                .collect();
            let now: Vec<(usize, &str, Vec<usize>)> = sentences_naming(&text, 0, words)
                .map(|(from, sentence, named)| (from, sentence, named.iter().map(|g| g.start).collect()))
                .collect();
            prop_assert_eq!(&now, &before);
            // A part of a section: offsets in the section, sentences cut in the part.
            let section = format!("{}{text}", "x.".repeat(lead));
            let read = SectionText::read(&section);
            let in_part: Vec<GroupWord> =
                read.group_words().iter().copied().filter(|g| g.start >= 2 * lead).collect();
            let part: Vec<(usize, &str, Vec<usize>)> = sentences_naming(&text, 2 * lead, &in_part)
                .map(|(from, sentence, named)| {
                    (from, sentence, named.iter().map(|g| g.start - 2 * lead).collect())
                })
                .collect();
            prop_assert_eq!(&part, &before);
        }
    }

    #[test]
    fn finds_cell_sizes_only() {
        let found: Vec<u64> = counts("waits (n=4), N = 12; n=4.5; ann=3; n=4,000; n=7.")
            .map(|(_, n)| n)
            .collect();
        assert_eq!(found, [4, 12, 7]);
    }
}
