//! One read of a section's text, shared by the section text rules and the
//! finder of sentences that list the Act's characteristics.
//!
//! Asked rule by rule, "does this phrase list occur in the text at all?" and
//! "where are the words naming LGBTQ+ groups?" were a pass over the text
//! each: seven passes, a third of the time a long draft took to check. The
//! phrases they ask about ([`PHRASES`]) now ride in the term rules'
//! automaton (`terms/mod.rs`), so the term scan a section's text gets anyway
//! also records them ([`SectionText::record`]) and each question is answered
//! from what it found. [`SectionText::read`], a pass of its own, gives the
//! same answers for rule tests and as the reference the shared pass is
//! tested against. Numbers written as words, which `data-small-numbers`
//! looked for with a search per word in each sentence naming a group, are
//! found here too.

use std::sync::LazyLock;

use super::data::{
    ABOUT_COUNTS, CountWord, GENDER, GroupWord, NUMBER_WORDS, PER_CENT, SEPARATE, UMBRELLA,
};
use super::eia::{ActSentence, CHARACTERISTICS, LIST_WORDS};
use super::phrases::PhraseList;
use super::services::{FACILITIES, RECORD_CHANGES, SERVICES_CODE, TRANS_PEOPLE, UNDER_18};
use crate::text::{Sentences, is_whole_word};

/// The lists whose presence one read records. A list not here is still
/// answered by [`SectionText::may_hold`], with a pass of its own.
static GATES: [&PhraseList; 8] = [
    &FACILITIES,
    &TRANS_PEOPLE,
    &RECORD_CHANGES,
    &UNDER_18,
    &LIST_WORDS,
    &SERVICES_CODE,
    &PER_CENT,
    &GENDER,
];

/// Which of the lists one read records occur in a text. A session keeps
/// these per section, so a structural rule asking of every section (as
/// `policy-facilities-services-code` does) reads none of them again on a
/// keystroke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Gates(u32);

impl Gates {
    /// Whether any phrase of `list` occurs anywhere in `text` (the text these
    /// were read from), in any ASCII case, whole words or not.
    pub fn may_hold(self, list: &PhraseList, text: &str) -> bool {
        match GATES.iter().position(|gate| std::ptr::eq(*gate, list)) {
            Some(i) => self.0 & (1 << i) != 0,
            None => list.may_occur_in(text),
        }
    }
}

/// A section's text, with what one pass over it found.
#[derive(Debug)]
pub(crate) struct SectionText<'t> {
    pub text: &'t str,
    /// Bit `i`: a phrase of `GATES[i]` occurs somewhere, in any ASCII case,
    /// whole words or not.
    gates: Gates,
    /// Group words as whole words, the longest at each start, in order.
    groups: Vec<GroupWord>,
    /// Names of the Act's characteristics as whole words: (start, end, group).
    characteristics: Vec<(usize, usize, usize)>,
    /// Number words and words about counts, anywhere, in order of start.
    count_words: Vec<CountWord>,
}

/// What a phrase of the section read stands for (a phrase can stand for
/// several things: "sexual orientation" is a gate word and a characteristic).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Use {
    Gate(usize),
    Group {
        umbrella: bool,
    },
    Characteristic(usize),
    /// A number word (1 to 9) or a word about counts (0).
    Count(u32),
}

/// The section read's phrases (lowercase ASCII, each once) and what each
/// stands for.
pub(crate) static PHRASES: LazyLock<Vec<(&'static str, Vec<Use>)>> = LazyLock::new(|| {
    let mut phrases: Vec<(&'static str, Vec<Use>)> = Vec::new();
    let mut add = |phrase: &'static str, used: Use| match phrases.iter().position(|p| p.0 == phrase)
    {
        Some(i) => phrases[i].1.push(used),
        None => phrases.push((phrase, vec![used])),
    };
    for (i, list) in GATES.iter().enumerate() {
        for phrase in list.phrases() {
            add(phrase, Use::Gate(i));
        }
    }
    for phrase in UMBRELLA {
        add(phrase, Use::Group { umbrella: true });
    }
    for phrase in SEPARATE {
        add(phrase, Use::Group { umbrella: false });
    }
    for (group, names) in CHARACTERISTICS.groups().iter().enumerate() {
        for phrase in *names {
            add(phrase, Use::Characteristic(group));
        }
    }
    for (n, word) in (1..).zip(NUMBER_WORDS) {
        add(word, Use::Count(n));
    }
    for phrase in ABOUT_COUNTS {
        add(phrase, Use::Count(0));
    }
    phrases
});

impl<'t> SectionText<'t> {
    /// Nothing found yet: [`Self::record`] each occurrence of a phrase of
    /// [`PHRASES`], then [`Self::finish`].
    pub fn start(text: &'t str) -> Self {
        SectionText {
            text,
            gates: Gates(0),
            groups: Vec::new(),
            characteristics: Vec::new(),
            count_words: Vec::new(),
        }
    }

    /// An occurrence of a phrase standing for `uses` at `start..end`, in any
    /// ASCII case, whole word or not.
    pub fn record(&mut self, uses: &[Use], start: usize, end: usize) {
        let text = self.text;
        for used in uses {
            match *used {
                Use::Gate(i) => self.gates.0 |= 1 << i,
                Use::Group { umbrella } if is_whole_word(text, start, end) => {
                    self.groups.push(GroupWord {
                        start,
                        end,
                        umbrella,
                    })
                }
                Use::Characteristic(group) if is_whole_word(text, start, end) => {
                    self.characteristics.push((start, end, group))
                }
                Use::Count(n) => self.count_words.push(CountWord { start, end, n }),
                Use::Group { .. } | Use::Characteristic(_) => {}
            }
        }
    }

    /// Puts what was recorded in order, whatever order it came in.
    pub fn finish(mut self) -> Self {
        // "LGBTQ+" also holds "LGBTQ": keep the longest word at each start.
        self.groups
            .sort_by_key(|w| (w.start, std::cmp::Reverse(w.end)));
        self.groups.dedup_by_key(|w| w.start);
        self.characteristics.sort_unstable();
        // Found in order of end.
        self.count_words.sort_by_key(|w| (w.start, w.end));
        self
    }

    /// Reads `text` with an automaton of its own: for rule tests, and the
    /// reference the term scan's shared read is held to.
    #[cfg(test)]
    pub fn read(text: &'t str) -> Self {
        static READER: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(PHRASES.iter().map(|p| p.0))
                .expect("fixed phrases compile")
        });
        let mut read = SectionText::start(text);
        for m in READER.find_overlapping_iter(text) {
            read.record(&PHRASES[m.pattern().as_usize()].1, m.start(), m.end());
        }
        read.finish()
    }

    /// Whether any phrase of `list` occurs anywhere in the text, in any ASCII
    /// case, whole words or not: a quick test that the text holds nothing a
    /// sentence-by-sentence search could find.
    pub fn may_hold(&self, list: &PhraseList) -> bool {
        self.gates.may_hold(list, self.text)
    }

    /// What the read found of the lists, to keep with the section's scans.
    pub fn gates(&self) -> Gates {
        self.gates
    }

    /// The words naming LGBTQ+ groups, as [`super::data`] reads figures.
    pub fn group_words(&self) -> &[GroupWord] {
        &self.groups
    }

    /// Number words and words about counts, as [`super::data`] reads
    /// counts of people.
    pub fn count_words(&self) -> &[CountWord] {
        &self.count_words
    }

    /// The sentences that list the Act's characteristics: five of them, or
    /// three with the words "protected characteristic".
    pub fn act_lists(&self) -> Vec<ActSentence> {
        // A list names at least three characteristics; most texts name fewer
        // in all, and are never cut into sentences.
        let named_anywhere = self
            .characteristics
            .iter()
            .fold(0u32, |groups, &(_, _, group)| groups | 1 << group);
        if !self.may_hold(&LIST_WORDS) || named_anywhere.count_ones() < 3 {
            return Vec::new();
        }
        let cuts = Sentences::new(self.text);
        // Per sentence (by its start): its end, and the groups named in it.
        let mut named: std::collections::BTreeMap<usize, (usize, u32)> = Default::default();
        for &(start, end, group) in &self.characteristics {
            let (from, to) = cuts.around(start);
            if end <= to {
                named.entry(from).or_insert((to, 0)).1 |= 1 << group;
            }
        }
        named
            .into_iter()
            .filter_map(|(from, (to, groups))| {
                let lower = self.text[from..to].to_ascii_lowercase();
                let count = groups.count_ones();
                (count >= 5 || (count >= 3 && lower.contains("protected characteristic")))
                    .then_some(ActSentence { start: from, lower })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_read_answers_as_a_pass_per_list_would() {
        let texts = [
            "Trans women may use the female changing rooms.",
            "Young people under 18 can change the gender marker on their record.",
            "Age, disability, race, religion or belief and sex are covered. Marriage too.",
            "Nothing relevant here at all.",
            "TRANSPORT to the WARDS",
            "62 PER CENT of staff, by Gender.",
            "62 percent, per\ncent, engendered",
            "Genders: 4 per Cent",
            "gende r and per  cent",
            "The EHRC Services Code applies.",
        ];
        let mut held = [false; GATES.len()];
        for text in texts {
            let read = SectionText::read(text);
            for (i, list) in GATES.iter().enumerate() {
                assert_eq!(read.may_hold(list), list.may_occur_in(text), "{text}");
                held[i] |= read.may_hold(list);
            }
        }
        // Each gate is seen open, as well as shut.
        assert_eq!(held, [true; GATES.len()]);
    }

    #[test]
    fn act_lists_need_five_characteristics_in_one_sentence() {
        let text = "We considered age, disability, race, religion and sex.\nAge and race.\nProtected characteristics: age, sex, race.";
        let found = SectionText::read(text).act_lists();
        let starts: Vec<usize> = found.iter().map(|s| s.start).collect();
        assert_eq!(starts, [0, text.find("Protected").unwrap()]);
        assert_eq!(
            found[0].lower,
            "we considered age, disability, race, religion and sex."
        );
        // Split over two sentences, the same names are not a list.
        let split = SectionText::read("Age, disability and race. Religion and sex.").act_lists();
        assert!(split.is_empty());
    }
}
