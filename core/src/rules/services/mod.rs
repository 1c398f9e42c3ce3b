//! What a policy says about single-sex services and facilities, and about
//! records: the places where the law and NHS guidance changed in 2025-26
//! (For Women Scotland [2025] UKSC 16, the EHRC's draft services code, the
//! under-18s record suspension). The rules cite and ask for review; none
//! asserts a position on the questions the judgment left contested.
//!
//! One file per rule; what they share (reading sentences, finding words) is
//! below.

mod accommodation_gender_identity;
mod facilities_services_code;
mod under18_record_changes;

pub(crate) use accommodation_gender_identity::ServicesAccommodationGenderIdentity;
pub(crate) use facilities_services_code::PolicyFacilitiesServicesCode;
pub(crate) use under18_record_changes::PolicyUnder18RecordChanges;
// The lists the shared read of a section's text looks for.
pub(super) use accommodation_gender_identity::{FACILITIES, TRANS_PEOPLE};
pub(super) use facilities_services_code::SERVICES_CODE;
pub(super) use under18_record_changes::{RECORD_CHANGES, UNDER_18};

use crate::rules::phrases::PhraseList;
use crate::text::{Sentences, is_whole_word, quoted_ranges};

/// A sentence of a text: its byte range, trimmed, and its text lowercased
/// (ASCII only, so offsets agree with the original).
pub(super) struct Sentence {
    pub start: usize,
    pub end: usize,
    pub lower: String,
}

/// The sentences of a text, trimmed, with quoted speech blanked out of
/// `lower` so words inside quotation marks are never matched.
pub(super) fn sentences(text: &str) -> Vec<Sentence> {
    let cuts = Sentences::new(text);
    let quotes = quoted_ranges(text);
    let mut lower_text = text.to_ascii_lowercase().into_bytes();
    for (from, to) in quotes {
        for b in &mut lower_text[from..to] {
            if b.is_ascii() {
                *b = b' ';
            }
        }
    }
    let lower_text = String::from_utf8(lower_text).unwrap_or_else(|_| text.to_ascii_lowercase());
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let (from, to) = cuts.around(at);
        let slice = &text[from..to];
        let lead = slice.len() - slice.trim_start().len();
        let trail = slice.len() - slice.trim_end().len();
        if from + lead < to - trail {
            out.push(Sentence {
                start: from + lead,
                end: to - trail,
                lower: lower_text[from + lead..to - trail].to_owned(),
            });
        }
        at = to.max(at + 1);
        while at < text.len() && !text.is_char_boundary(at) {
            at += 1;
        }
    }
    out
}

/// Where `phrase` (lowercase) occurs in `lower` as whole words.
pub(super) fn find(lower: &str, phrase: &str) -> Vec<usize> {
    lower
        .match_indices(phrase)
        .filter(|(i, m)| is_whole_word(lower, *i, i + m.len()))
        .map(|(i, _)| i)
        .collect()
}

/// Whether any of `phrases` occurs in `lower` as whole words.
pub(super) fn has_any(lower: &str, phrases: &PhraseList) -> bool {
    phrases.any_in(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_trimmed_and_quotes_are_blanked() {
        let text = "First one.  A patient said: \"the ward was fine\". Last";
        let found = sentences(text);
        assert_eq!(found.len(), 3);
        assert_eq!(&text[found[0].start..found[0].end], "First one.");
        assert!(!found[1].lower.contains("ward"));
        assert_eq!(&text[found[2].start..found[2].end], "Last");
        static ONE: PhraseList = PhraseList::new(&["one"]);
        assert!(has_any(&found[0].lower, &ONE));
        assert!(!has_any("someone", &ONE));
    }
}
