//! Equality impact assessment rules (framework element 3.1 and the Public
//! Sector Equality Duty): the assessment exists, covers every protected
//! characteristic with evidence, mitigates what it finds, engages the people
//! affected, and is done before the decision. The `engagement-*` rules read
//! the assessment's engagement record, so they live here too.
//!
//! One file per rule: `eia-psed-aims` is `psed_aims.rs`, `engagement-feedback-given`
//! is `engagement_feedback_given.rs`.

mod before_decision;
mod characteristics;
mod children_young_people;
mod engagement;
mod engagement_feedback_given;
mod engagement_lived_experience_paid;
mod evidence;
mod gender_for_sex;
mod gender_reassignment_wording;
mod negative_mitigated;
mod no_impact_everywhere;
mod present;
mod psed_aims;
mod sign_off_review;
mod trans_third_option;
mod wider_groups;

pub(crate) use before_decision::EiaBeforeDecision;
pub(crate) use characteristics::EiaCharacteristics;
pub(crate) use children_young_people::EiaChildrenYoungPeople;
pub(crate) use engagement::EiaEngagement;
pub(crate) use engagement_feedback_given::EngagementFeedbackGiven;
pub(crate) use engagement_lived_experience_paid::EngagementLivedExperiencePaid;
pub(crate) use evidence::EiaEvidence;
pub(crate) use gender_for_sex::EiaGenderForSex;
pub(crate) use gender_reassignment_wording::EiaGenderReassignmentWording;
pub(crate) use negative_mitigated::EiaNegativeMitigated;
pub(crate) use no_impact_everywhere::EiaNoImpactEverywhere;
pub(crate) use present::EiaPresent;
pub(crate) use psed_aims::EiaPsedAims;
pub(crate) use sign_off_review::EiaSignOffReview;
pub(crate) use trans_third_option::EiaTransThirdOption;
pub(crate) use wider_groups::EiaWiderGroups;

use crate::model::{Draft, Eia};
use crate::rules::phrases::{PhraseGroups, PhraseList};
use crate::rules::{RuleContext, Verdict};

/// The EIA, or why the rule does not apply. Kinds that do not make policy
/// (patient information, forms, other) need no EIA of their own.
fn assessment(draft: &Draft) -> Result<&Eia, Verdict> {
    match &draft.eia {
        Some(eia) => Ok(eia),
        None if draft.kind.needs_eia() => Err(Verdict::NotApplicable(
            "the draft has no equality impact assessment yet (see eia-present)".into(),
        )),
        None => Err(Verdict::NotApplicable(format!(
            "a {} has no equality impact assessment attached",
            draft.kind.as_str()
        ))),
    }
}

/// A sentence of a section that lists the Equality Act's protected
/// characteristics: five or more of them, or three or more with the words
/// "protected characteristics". A list of what a report is broken down by
/// ("age, sex, gender identity and disability") is not one.
pub(super) struct ActList<'a> {
    /// The section's index.
    pub section: usize,
    /// Where the sentence starts in the section's text.
    pub start: usize,
    /// The sentence, ASCII-lowercased.
    pub lower: &'a str,
}

/// A sentence of one section's text that lists the Act's characteristics.
/// The engine finds these with the section's other scans, so a session
/// re-reads only the section edited, and three rules share one reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ActSentence {
    /// Where the sentence starts in the section's text.
    pub start: usize,
    /// The sentence, ASCII-lowercased.
    pub lower: String,
}

/// The Act's characteristics, each as the words that name it.
pub(crate) static CHARACTERISTICS: PhraseGroups = PhraseGroups::new(&[
    &["age"],
    &["disability"],
    &["race"],
    &["religion", "belief"],
    &["sexual orientation"],
    &["pregnancy", "maternity"],
    &["marriage", "civil partnership"],
    &["gender reassignment"],
    &["sex"],
]);

/// Words one of which every list of the Act's characteristics contains: a
/// section naming none has no list (`rules/section_text.rs` finds the lists).
pub(crate) static LIST_WORDS: PhraseList = PhraseList::new(&[
    "disability",
    "religion",
    "belief",
    "sexual orientation",
    "pregnancy",
    "maternity",
    "marriage",
    "civil partnership",
    "gender reassignment",
    "protected characteristic",
]);

/// Every sentence in the draft's sections that lists the Act's
/// characteristics, from the sentences the engine found per section.
pub(super) fn act_lists<'a>(cx: &RuleContext<'a>) -> Vec<ActList<'a>> {
    cx.act_lists
        .iter()
        .enumerate()
        .flat_map(|(section, found)| {
            found.iter().map(move |s| ActList {
                section,
                start: s.start,
                lower: &s.lower,
            })
        })
        .collect()
}

/// How many times `word` occurs in `lower` as a whole word.
pub(super) fn words(lower: &str, word: &str) -> usize {
    word_positions(lower, word).len()
}

/// Where `word` occurs in `lower` as a whole word.
pub(super) fn word_positions(lower: &str, word: &str) -> Vec<usize> {
    lower
        .match_indices(word)
        .filter(|(i, m)| crate::text::is_whole_word(lower, *i, i + m.len()))
        .map(|(i, _)| i)
        .collect()
}

/// Words for trans people or gender identity, where the Act says gender
/// reassignment.
pub(super) const TRANS_WORDS: [&str; 6] = [
    "transgender",
    "trans",
    "transsexual",
    "gender identity",
    "trans people",
    "trans and non-binary",
];

/// A sex or gender item that lists trans people as a third option, such as
/// "Gender (Male, Female and Transgender)": the byte range of that item in
/// `lower`.
pub(super) fn third_option(lower: &str) -> Option<(usize, usize)> {
    ["gender", "sex"].iter().find_map(|word| {
        word_positions(lower, word).into_iter().find_map(|at| {
            let rest = &lower[at + word.len()..];
            let item_end = rest
                .find([';', ')', '\n'])
                .map_or(rest.len(), |i| i + usize::from(rest.as_bytes()[i] == b')'));
            let item = &rest[..item_end];
            let both =
                (words(item, "male") > 0 || words(item, "men") > 0 || words(item, "man") > 0)
                    && (words(item, "female") > 0
                        || words(item, "women") > 0
                        || words(item, "woman") > 0);
            let trans = ["transgender", "trans", "transsexual"]
                .iter()
                .any(|w| words(item, w) > 0);
            (both && trans).then_some((at, at + word.len() + item_end))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_characteristics_are_found_as_one_search_found_them() {
        crate::rules::phrases::assert_cannot_overlap(&CHARACTERISTICS.phrases());
    }
}
