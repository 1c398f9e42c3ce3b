//! Fixed lists of lowercase phrases that a rule looks for sentence by
//! sentence, found in one pass: searching for each phrase in turn set up a
//! substring searcher per phrase per sentence, which cost more than the whole
//! term scan on a long draft.
//!
//! A phrase counts where it occurs as whole words. The one pass sees every
//! occurrence, where a search phrase by phrase saw only leftmost ones that do
//! not overlap; the two agree for every phrase that cannot overlap itself at
//! a word boundary ("a a" could), which a test checks for every list.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use crate::text::is_whole_word;

/// Phrases in groups (a group is one thing, however it is worded). The
/// shared read of a section's text (`section_text.rs`) looks for them.
pub(crate) struct PhraseGroups {
    groups: &'static [&'static [&'static str]],
}

impl PhraseGroups {
    pub const fn new(groups: &'static [&'static [&'static str]]) -> Self {
        PhraseGroups { groups }
    }

    /// The groups, in order.
    pub fn groups(&self) -> &'static [&'static [&'static str]] {
        self.groups
    }

    /// Every phrase, for tests.
    #[cfg(test)]
    pub fn phrases(&self) -> Vec<&'static str> {
        self.groups.iter().flat_map(|g| g.iter().copied()).collect()
    }
}

/// Phrases any one of which will do.
pub(crate) struct PhraseList {
    phrases: &'static [&'static str],
    compiled: OnceLock<AhoCorasick>,
}

impl PhraseList {
    pub const fn new(phrases: &'static [&'static str]) -> Self {
        PhraseList {
            phrases,
            compiled: OnceLock::new(),
        }
    }

    /// Whether any of the phrases occurs in `lower` as whole words.
    pub fn any_in(&self, lower: &str) -> bool {
        self.automaton()
            .find_overlapping_iter(lower)
            .any(|m| is_whole_word(lower, m.start(), m.end()))
    }

    /// Whether any of the phrases occurs anywhere in `text`, in any ASCII
    /// case, whole words or not: a quick test that a text holds nothing a
    /// sentence-by-sentence search could find, before cutting it into
    /// sentences.
    pub fn may_occur_in(&self, text: &str) -> bool {
        self.automaton().is_match(text)
    }

    fn automaton(&self) -> &AhoCorasick {
        self.compiled.get_or_init(|| compile(self.phrases))
    }

    /// The phrases, in order.
    pub fn phrases(&self) -> &'static [&'static str] {
        self.phrases
    }
}

/// Phrases are lowercase; matching ignores ASCII case, which changes nothing
/// for lowercased text and lets `may_occur_in` read text as written.
fn compile(patterns: &[&str]) -> AhoCorasick {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(patterns)
        .expect("fixed phrases compile")
}

/// Whether two whole-word occurrences of `phrase` can overlap: a suffix of
/// it that starts a word (after a character that is not a letter or digit)
/// is also a prefix of it.
#[cfg(test)]
pub(crate) fn overlaps_itself(phrase: &str) -> bool {
    phrase.char_indices().skip(1).any(|(i, c)| {
        let after_break = phrase[..i]
            .chars()
            .next_back()
            .is_some_and(|b| !b.is_alphanumeric());
        c.is_alphanumeric() && after_break && phrase.starts_with(&phrase[i..])
    })
}

/// Fails for a phrase two of whose whole-word occurrences could overlap:
/// for those, one pass over the text and a search phrase by phrase differ.
#[cfg(test)]
pub(crate) fn assert_cannot_overlap(phrases: &[&str]) {
    for phrase in phrases {
        assert!(!overlaps_itself(phrase), "{phrase:?} can overlap itself");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn self_overlap_is_seen_only_at_word_boundaries() {
        assert!(overlaps_itself("a a"));
        assert!(overlaps_itself("trans and trans"));
        assert!(!overlaps_itself("showers"));
        assert!(!overlaps_itself("civil partnership"));
    }

    #[test]
    fn lists_find_whole_words_only() {
        static LIST: PhraseList = PhraseList::new(&["ward", "single sex"]);
        assert!(LIST.any_in("the ward is open"));
        assert!(LIST.any_in("a single sex bay"));
        assert!(!LIST.any_in("towards the single sexton"));
        assert!(LIST.may_occur_in("Towards the Single Sexton"));
        assert!(!LIST.may_occur_in("single\nsex"));
    }
}
