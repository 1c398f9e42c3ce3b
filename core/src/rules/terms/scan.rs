//! Scanning one text for term hits, in bounded memory.
//!
//! The automaton reports matches in order of where they end. A term match is
//! a candidate until the scan is a pattern's length past its start: by then
//! every exception that could contain it, and every longer match at the same
//! start, has been seen. Candidates are then decided start by start (the
//! exceptions, quotations and nearby phrases of their entries, the longest
//! hit per rule), then hits of different rules on overlapping words are
//! folded into the strongest (`fold.rs`) and handed to the caller, so only a
//! window of matches is ever held, whatever the text and the pack contain.
//! Nearby and paragraph phrases are looked for sentence by sentence or
//! paragraph by paragraph, when a candidate needs them.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use aho_corasick::Input;

use super::fold::Folder;
use super::haystack::Haystack;
use super::paragraphs::{paragraph_around, paragraph_starts};
use super::{PatternUses, TermHit, TermMatcher};
use crate::rules::SECTION_PHRASES as PHRASES;
use crate::rules::SectionText;
use crate::text::{Sentences, is_whole_word, quoted_ranges};

/// (rule, entry) pairs whose `unless_document` phrases a text contains.
pub(crate) type DocumentConditions = BTreeSet<(usize, usize)>;

/// (rule, entry) pairs a nearby phrase excuses in one sentence or paragraph.
type Excused = BTreeSet<(usize, usize)>;

/// The span last looked in for condition phrases, and what they excuse there.
type Looked = Option<((usize, usize), Excused)>;

/// A term match not yet decided: the pattern and where it ends. The rules
/// it may be a hit of are the pattern's, looked at only when deciding.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    pattern: usize,
    end: usize,
}

/// An exception match, kept while a candidate it could contain is pending.
#[derive(Debug, Clone, Copy)]
struct ExceptionMatch {
    pattern: usize,
    start: usize,
    end: usize,
}

/// What deciding candidates needs from the whole text, built when first needed.
struct Context<'m, 't> {
    matcher: &'m TermMatcher,
    text: &'t str,
    hay: &'t Haystack,
    quotes: Option<Vec<(usize, usize)>>,
    sentences: Option<Sentences>,
    paragraphs: Option<Vec<usize>>,
    /// The sentence last looked in for nearby phrases, and the (rule, entry)
    /// pairs they excuse there.
    nearby: Looked,
    /// The same for the paragraph and its `unless_in_paragraph` phrases.
    in_paragraph: Looked,
}

impl TermMatcher {
    /// Scans one text: whole-word term hits that no exception covers, no
    /// quotation contains and no nearby phrase excuses, leftmost-longest per
    /// rule and then across rules. Each hit goes to `emit` in order of start
    /// (then rule); the document conditions the text contains are returned.
    /// With `read` (a section's text), the section read's phrases are
    /// recorded in it as well, where they occur in the text as written.
    pub fn scan(
        &self,
        text: &str,
        mut read: Option<&mut SectionText<'_>>,
        emit: &mut dyn FnMut(TermHit),
    ) -> DocumentConditions {
        let hay = Haystack::new(text);
        let mut cx = Context {
            matcher: self,
            text,
            hay: &hay,
            quotes: None,
            sentences: None,
            paragraphs: None,
            nearby: None,
            in_paragraph: None,
        };
        let mut documents: BTreeSet<usize> = BTreeSet::new();
        let mut pending: BTreeMap<usize, Vec<Candidate>> = BTreeMap::new();
        let mut exceptions: VecDeque<ExceptionMatch> = VecDeque::new();
        let mut decider = Decider::new(self.specs.len());
        for m in self.automaton.find_overlapping_iter(hay.text()) {
            let (start, end) = (m.start(), m.end());
            // Everything starting a pattern's length before this match is settled.
            let settled = end.saturating_sub(self.longest);
            while let Some(entry) = pending.first_entry() {
                if *entry.key() >= settled {
                    break;
                }
                let (at, candidates) = entry.remove_entry();
                decider.decide(&mut cx, at, candidates, &mut exceptions, emit);
            }
            // Nothing still to decide starts before `settled`, so an exception
            // ending there contains nothing that is left.
            while exceptions.front().is_some_and(|e| e.end <= settled) {
                exceptions.pop_front();
            }
            if !hay.text().is_char_boundary(start) || !hay.text().is_char_boundary(end) {
                continue;
            }
            let (from, to) = (hay.original_position(start), hay.original_position(end));
            let pattern = m.pattern().as_usize();
            let uses = &self.uses[pattern];
            if let (Some(phrase), Some(read)) = (uses.section, read.as_deref_mut()) {
                // As written, not as squeezed: "changing  room" over a double
                // space is a term's match but not the section read's.
                if text[from..to].eq_ignore_ascii_case(&hay.text()[start..end]) {
                    read.record(&PHRASES[phrase].1, from, to);
                }
            }
            if !is_whole_word(text, from, to) {
                continue;
            }
            if !uses.document.is_empty() {
                documents.insert(pattern);
            }
            if !uses.exceptions.is_empty() {
                exceptions.push_back(ExceptionMatch {
                    pattern,
                    start,
                    end,
                });
            }
            if !uses.terms.is_empty() {
                pending
                    .entry(start)
                    .or_default()
                    .push(Candidate { pattern, end });
            }
        }
        while let Some((at, candidates)) = pending.pop_first() {
            decider.decide(&mut cx, at, candidates, &mut exceptions, emit);
        }
        decider.folder.flush(self, emit);
        documents
            .into_iter()
            .flat_map(|p| self.uses[p].document.iter().copied())
            .collect()
    }
}

/// Decides candidates start by start, keeping what leftmost-longest needs.
struct Decider {
    /// Per rule, where its last hit ended (haystack positions).
    last_end: Vec<usize>,
    /// The hits at one start: (rule, end, entry). Reused from start to start.
    hits: Vec<(usize, usize, usize)>,
    /// Per rule, whether it has its hit at the start being decided (reset after).
    decided: Vec<bool>,
    /// Hits on overlapping words, waiting to be folded into the strongest.
    folder: Folder,
}

impl Decider {
    fn new(rules: usize) -> Self {
        Decider {
            last_end: vec![0; rules],
            hits: Vec::new(),
            decided: vec![false; rules],
            folder: Folder::default(),
        }
    }

    fn decide(
        &mut self,
        cx: &mut Context<'_, '_>,
        start: usize,
        mut candidates: Vec<Candidate>,
        exceptions: &mut VecDeque<ExceptionMatch>,
        emit: &mut dyn FnMut(TermHit),
    ) {
        // An exception ending at or before `start` cannot contain anything from here on.
        while exceptions.front().is_some_and(|e| e.end <= start) {
            exceptions.pop_front();
        }
        // Per rule, the longest surviving candidate, with its entry: longest
        // first, so a rule is decided by its longest candidate that survives.
        // (The matches at one start arrive shortest first; a few at most.)
        candidates.sort_unstable_by_key(|c| std::cmp::Reverse(c.end));
        let hits = &mut self.hits;
        hits.clear();
        let decided = &mut self.decided;
        for c in &candidates {
            for (rule, entries) in &cx.matcher.uses[c.pattern].terms {
                if decided[*rule] || cx.matcher.off[*rule] {
                    continue;
                }
                if let Some(entry) = cx.surviving_entry(*rule, entries, c.end, start, exceptions) {
                    decided[*rule] = true;
                    hits.push((*rule, c.end, entry));
                }
            }
        }
        for &(rule, _, _) in hits.iter() {
            decided[rule] = false;
        }
        // Leftmost-longest without overlaps within each rule.
        let last_end = &mut self.last_end;
        hits.retain(|&(rule, _, _)| start >= last_end[rule]);
        for &(rule, end, _) in hits.iter() {
            last_end[rule] = end;
        }
        // Across rules, overlapping hits fold into the strongest (in the
        // order `fold.rs` expects: longest first at one start).
        hits.sort_unstable_by_key(|&(rule, end, _)| (std::cmp::Reverse(end), rule));
        let from = cx.hay.original_position(start);
        for &(rule, end, entry) in hits.iter() {
            let to = with_marks(cx.text, cx.hay.original_position(end));
            let hit = TermHit {
                rule,
                entry,
                start: from,
                end: to,
                also: Vec::new(),
            };
            self.folder.push(cx.matcher, hit, emit);
        }
    }
}

impl Context<'_, '_> {
    /// The first of `entries` (those of `rule` listing the phrase found at
    /// `start..end`) that no exception, quotation or nearby phrase rules out.
    fn surviving_entry(
        &mut self,
        rule: usize,
        entries: &[usize],
        end: usize,
        start: usize,
        exceptions: &VecDeque<ExceptionMatch>,
    ) -> Option<usize> {
        let matcher = self.matcher;
        let spec = &matcher.specs[rule];
        for &entry in entries {
            let item = &spec.entries[entry];
            let excepted = !item.exceptions.is_empty()
                && exceptions.iter().any(|e| {
                    e.start <= start
                        && end <= e.end
                        && matcher.uses[e.pattern]
                            .exceptions
                            .binary_search(&(rule, entry))
                            .is_ok()
                });
            if excepted {
                continue;
            }
            let (from, to) = (
                self.hay.original_position(start),
                self.hay.original_position(end),
            );
            let quote = if item.quotes_exempt || item.quoted_speech_exempt {
                self.quote_around(from, to)
            } else {
                None
            };
            if let Some((q_from, q_to)) = quote {
                // Quoted speech: the quotation says more than the phrase itself.
                let speech = self.text[q_from..q_to]
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .len()
                    > to - from;
                if item.quotes_exempt || speech {
                    continue;
                }
            }
            if !item.unless_nearby.is_empty() && self.excused(rule, entry, from) {
                continue;
            }
            if !item.unless_in_paragraph.is_empty() && self.excused_in_paragraph(rule, entry, from)
            {
                continue;
            }
            return Some(entry);
        }
        None
    }

    /// The quotation containing `from..to`, if any.
    fn quote_around(&mut self, from: usize, to: usize) -> Option<(usize, usize)> {
        let quotes = self.quotes.get_or_insert_with(|| quoted_ranges(self.text));
        let i = quotes.partition_point(|&(s, _)| s <= from);
        (i > 0 && to <= quotes[i - 1].1).then(|| quotes[i - 1])
    }

    /// Whether a nearby phrase of (rule, entry) starts in the sentence around `at`.
    fn excused(&mut self, rule: usize, entry: usize, at: usize) -> bool {
        let sentences = self
            .sentences
            .get_or_insert_with(|| Sentences::new(self.text));
        let sentence = sentences.around(at);
        if self.nearby.as_ref().is_none_or(|(s, _)| *s != sentence) {
            let found = self.phrases_in(sentence, |u| &u.nearby);
            self.nearby = Some((sentence, found));
        }
        self.nearby
            .as_ref()
            .is_some_and(|(_, found)| found.contains(&(rule, entry)))
    }

    /// Whether an `unless_in_paragraph` phrase of (rule, entry) starts in the
    /// paragraph around `at`.
    fn excused_in_paragraph(&mut self, rule: usize, entry: usize, at: usize) -> bool {
        let starts = self
            .paragraphs
            .get_or_insert_with(|| paragraph_starts(self.text));
        let paragraph = paragraph_around(starts, self.text.len(), at);
        if self
            .in_paragraph
            .as_ref()
            .is_none_or(|(p, _)| *p != paragraph)
        {
            let found = self.phrases_in(paragraph, |u| &u.paragraph);
            self.in_paragraph = Some((paragraph, found));
        }
        self.in_paragraph
            .as_ref()
            .is_some_and(|(_, found)| found.contains(&(rule, entry)))
    }

    /// The (rule, entry) pairs excused by condition phrases (the ones `role`
    /// picks) starting in `from..to`.
    fn phrases_in(
        &self,
        (from, to): (usize, usize),
        role: fn(&PatternUses) -> &Vec<(usize, usize)>,
    ) -> BTreeSet<(usize, usize)> {
        let hay = self.hay.text();
        let (start, end) = (
            self.hay.haystack_position(from),
            (self.hay.haystack_position(to) + self.matcher.longest).min(hay.len()),
        );
        let mut found = BTreeSet::new();
        let input = Input::new(hay).range(start..end);
        for m in self.matcher.automaton.find_overlapping_iter(input) {
            let uses = role(&self.matcher.uses[m.pattern().as_usize()]);
            if uses.is_empty() || !hay.is_char_boundary(m.start()) || !hay.is_char_boundary(m.end())
            {
                continue;
            }
            let (s, e) = (
                self.hay.original_position(m.start()),
                self.hay.original_position(m.end()),
            );
            if (from..to).contains(&s) && is_whole_word(self.text, s, e) {
                found.extend(uses.iter().copied());
            }
        }
        found
    }
}

/// `end`, moved past any combining marks that follow it: they belong to the
/// hit's last letter, so a fix replaces them with it.
fn with_marks(text: &str, end: usize) -> usize {
    use unicode_general_category::{GeneralCategory, get_general_category};
    let marks: usize = text[end..]
        .chars()
        .take_while(|&c| {
            matches!(
                get_general_category(c),
                GeneralCategory::NonspacingMark
                    | GeneralCategory::SpacingMark
                    | GeneralCategory::EnclosingMark
            )
        })
        .map(char::len_utf8)
        .sum();
    end + marks
}
