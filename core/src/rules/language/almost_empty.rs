//! `draft-almost-empty`: a draft with almost no text says so, instead of every
//! rule passing on nothing. An empty `.txt`, a Word template with only its
//! headings, a JSON draft with a title and nothing else: no rule can find a
//! gap in words that are not there, so silence would read as a pass. No words
//! at all is an error; a few words is for review, except in a lone passage
//! of text (a comment or a sentence checked on its own), which is short by
//! nature.

use crate::model::{Draft, Severity};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

/// Fewer words than this is "almost no text": a heading or two and a line
/// ("Insert the policy here"), not a passage anyone could review.
pub(crate) const FEW_WORDS: usize = 8;

const EMPTY: &str = r#"{"title":"Visiting policy"}"#;
const TEMPLATE: &str = r#"{"title":"Visiting policy","sections":[{"id":"a","heading":"Purpose","text":"To be written."}]}"#;

pub(crate) struct DraftAlmostEmpty;

impl StructuralRule for DraftAlmostEmpty {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "draft-almost-empty",
            name: "The draft has text to check",
            family: Family::Language,
            severity: Severity::Error,
            advisory: false,
            elements: &["2.3"],
            tags: &["completeness"],
            rationale: "Every other rule looks for something in the draft's words, tables or fields; with none of them, every rule passes on nothing and the report would read like a clean bill of health. A draft with no text at all cannot be approved (an error); a document with headings, fields or an assessment and only a handful of words is flagged for someone to look at, because a blank template, a file saved in the wrong format or text locked in images all look like that. A lone passage of a few words (a comment, a sentence) is checked as it is.",
            source: sources::FRAMEWORK,
            fires: &[EMPTY, TEMPLATE],
            passes: &[
                r#"{"title":"Visiting policy","sections":[{"id":"a","text":"Visitors are welcome at any time; patients choose who visits them."}]}"#,
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"t","label":"Title","options":["Mr","Mrs","Miss","Ms","Mx","Dr","No title"]}]}"#,
            ],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let words = word_count(draft);
        let finding = match words {
            0 => RawFinding::violation(
                "/sections",
                "This document has no text: nothing could be checked. Check that the right file was given and that its text is not in images.",
            ),
            // A lone passage (a comment, a sentence checked on its own) is
            // short by nature; a document with headings, fields or an
            // assessment and almost no words is a blank template.
            n if n < FEW_WORDS && !is_one_passage(draft) => RawFinding::review(
                "/sections",
                format!(
                    "This document has almost no text ({n} word{}): nothing could be checked. Check that the right file was given and that its text is not in images.",
                    if n == 1 { "" } else { "s" }
                ),
            ),
            n if n < FEW_WORDS => {
                return Verdict::pass(format!("a passage of {n} words, checked as it is"));
            }
            _ => return Verdict::pass(format!("{words} or more words to check")),
        };
        Verdict::findings(vec![finding], "")
    }
}

/// A draft that is one passage of text and nothing else: a single section
/// without a heading, no fields, assessment or partners (plain text, a row
/// of a table of comments).
fn is_one_passage(draft: &Draft) -> bool {
    matches!(draft.sections.as_slice(), [only] if only.heading.trim().is_empty())
        && draft.fields.is_empty()
        && draft.eia.is_none()
        && draft.partners.is_empty()
}

/// Words a person wrote in the draft's body, counted up to [`FEW_WORDS`]: the
/// title does not count (a template has one), and neither do ids, kinds,
/// dates or waivers. A word is a run of non-space characters with a letter or
/// digit in it, so "|", "-" and tick boxes are not words.
fn word_count(draft: &Draft) -> usize {
    let mut texts: Vec<&str> = Vec::new();
    for section in &draft.sections {
        texts.extend([section.heading.as_str(), section.text.as_str()]);
    }
    for field in &draft.fields {
        texts.push(&field.label);
        texts.extend(field.options.iter().map(String::as_str));
        texts.extend(field.purpose.as_deref());
    }
    if let Some(eia) = &draft.eia {
        texts.extend(eia.assessor.as_deref());
        for group in &eia.groups {
            texts.extend(group.label.as_deref());
            texts.extend(group.evidence.as_deref());
            texts.extend(group.mitigation.as_deref());
            texts.extend(group.actions.iter().map(String::as_str));
        }
        for engagement in &eia.engagement {
            texts.push(&engagement.with);
            texts.extend(engagement.summary.as_deref());
            texts.extend(engagement.feedback_given.as_deref());
        }
        for action in &eia.actions {
            texts.push(&action.description);
            texts.extend(action.owner.as_deref());
            texts.extend(action.measure.as_deref());
        }
        let aims = &eia.aims;
        texts.extend(aims.eliminate_discrimination.as_deref());
        texts.extend(aims.advance_equality.as_deref());
        texts.extend(aims.foster_good_relations.as_deref());
        if let Some(sign_off) = &eia.sign_off {
            texts.push(&sign_off.name);
            texts.extend(sign_off.role.as_deref());
        }
    }
    for partner in &draft.partners {
        texts.push(&partner.name);
        texts.extend(partner.partner_lead.as_deref());
        texts.extend(partner.our_lead.as_deref());
        texts.extend(partner.payment_terms.as_deref());
        texts.extend(partner.decision_process.as_deref());
    }
    // Stops counting once there are enough: a long draft costs nothing more.
    texts
        .iter()
        .flat_map(|t| t.split_whitespace())
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(FEW_WORDS)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&DraftAlmostEmpty);
    }

    #[test]
    fn no_text_at_all_blocks_and_says_nothing_could_be_checked() {
        let found = findings(&DraftAlmostEmpty, EMPTY);
        assert_eq!(paths(&found), [("/sections", false)]);
        assert!(found[0].message.contains("no text"), "{}", found[0].message);
    }

    #[test]
    fn a_few_words_are_counted_and_sent_for_review() {
        let found = findings(&DraftAlmostEmpty, TEMPLATE);
        assert_eq!(paths(&found), [("/sections", true)]);
        assert!(
            found[0].message.contains("(4 words)"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_short_passage_on_its_own_is_checked_as_it_is_but_an_empty_one_is_not() {
        let passage = r#"{"title":"Comment","sections":[{"id":"text","text":"Ask if he or she needs leave."}]}"#;
        assert!(findings(&DraftAlmostEmpty, passage).is_empty());
        let empty = r#"{"title":"Comment","sections":[{"id":"text","text":"  "}]}"#;
        assert_eq!(
            paths(&findings(&DraftAlmostEmpty, empty)),
            [("/sections", false)]
        );
    }

    #[test]
    fn white_space_punctuation_and_tick_boxes_are_not_words() {
        let draft = r#"{"title":"A long title of many words here","sections":[{"id":"a","text":"  \n\t | - ☐ ☒ … —  "}]}"#;
        let found = findings(&DraftAlmostEmpty, draft);
        assert_eq!(paths(&found), [("/sections", false)]);
    }

    #[test]
    fn words_in_an_assessment_or_form_count() {
        let eia = r#"{"title":"T","kind":"clinical_policy","eia":{"assessor":"EDI lead","groups":[{"group":"age","impact":"neutral","evidence":"Age profile of service users from the 2025 audit."}]}}"#;
        assert!(findings(&DraftAlmostEmpty, eia).is_empty());
    }
}
