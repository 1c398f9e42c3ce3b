//! The document's kind from its title and headings.

use super::vocabulary::{Vocabulary, any_word};
use crate::model::DraftKind;

/// Guesses the kind: the title first, then the headings; a policy is
/// clinical or workforce by its words; a document of form fields and
/// nothing else recognised is a data collection form.
pub(super) fn guess(
    title: &str,
    headings: &[&str],
    vocabulary: &Vocabulary,
    has_fields: bool,
) -> DraftKind {
    let headings_text = headings.join("\n");
    for text in [title, headings_text.as_str()] {
        if let Some(kind) = vocabulary
            .kinds
            .iter()
            .find(|k| any_word(text, &k.words))
            .map(|k| k.kind)
        {
            return kind;
        }
        if any_word(text, &vocabulary.policy_words) {
            let clinical = any_word(title, &vocabulary.clinical_words)
                || (!any_word(title, &vocabulary.policy_words)
                    && any_word(&headings_text, &vocabulary.clinical_words));
            return if clinical {
                DraftKind::ClinicalPolicy
            } else {
                DraftKind::WorkforcePolicy
            };
        }
    }
    if has_fields {
        DraftKind::DataCollectionForm
    } else {
        DraftKind::Other
    }
}
