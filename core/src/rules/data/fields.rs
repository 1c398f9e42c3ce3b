//! What a form field asks, read from its label and options: the helpers the
//! data collection rules share, so each rule recognises a question the same way.

use crate::model::{Draft, Field, FieldKind};
use crate::rules::Verdict;
use crate::text::is_whole_word;

/// Whether `text` contains `word` as a whole word, ignoring ASCII case.
pub(super) fn mentions(text: &str, word: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower
        .match_indices(word)
        .any(|(i, m)| is_whole_word(&lower, i, i + m.len()))
}

pub(super) fn is_choice(field: &Field) -> bool {
    matches!(
        field.kind,
        FieldKind::SingleChoice | FieldKind::MultipleChoice
    ) && !field.options.is_empty()
}

pub(super) fn asks_sex_or_gender(field: &Field) -> bool {
    mentions(&field.label, "gender") || mentions(&field.label, "sex")
}

pub(super) fn asks_orientation(field: &Field) -> bool {
    mentions(&field.label, "sexual orientation")
        || mentions(&field.label, "how you think of yourself")
}

/// Questions about a protected characteristic, where a person may not want
/// to answer. A care preference ("would you like a clinician of a particular
/// sex?") is not monitoring, and the trans history question is its own thing.
pub(super) fn is_demographic(field: &Field) -> bool {
    let preference = ["would you like", "preference", "prefer a", "chaperone"]
        .iter()
        .any(|w| field.label.to_ascii_lowercase().contains(w));
    !preference
        && (asks_sex_or_gender(field)
            || asks_orientation(field)
            || [
                "ethnicity",
                "ethnic",
                "religion",
                "belief",
                "disability",
                "trans",
                "marital",
                "civil partnership",
                "relationship status",
            ]
            .iter()
            .any(|w| mentions(&field.label, w)))
}

/// The recommended trans history question: "Is your gender the same as the
/// sex you were registered at birth?"
pub(super) fn asks_trans_history(field: &Field) -> bool {
    ["registered at birth", "assigned at birth", "sex at birth"]
        .iter()
        .any(|w| field.label.to_ascii_lowercase().contains(w))
        && mentions(&field.label, "gender")
}

pub(super) fn no_fields(draft: &Draft) -> Option<Verdict> {
    draft
        .fields
        .is_empty()
        .then(|| Verdict::NotApplicable("the draft collects no data fields".into()))
}

/// Fields matching `select`, or why the rule does not apply.
pub(super) fn select<'d>(
    draft: &'d Draft,
    select: impl Fn(&Field) -> bool,
    none: &str,
) -> Result<Vec<(usize, &'d Field)>, Verdict> {
    if let Some(v) = no_fields(draft) {
        return Err(v);
    }
    let chosen: Vec<(usize, &Field)> = draft
        .fields
        .iter()
        .enumerate()
        .filter(|(_, f)| select(f))
        .collect();
    if chosen.is_empty() {
        return Err(Verdict::NotApplicable(none.into()));
    }
    Ok(chosen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_whole_words_only() {
        assert!(mentions("Sex at birth", "sex"));
        assert!(!mentions("Sexual health", "sex"));
        assert!(mentions("What is your GENDER?", "gender"));
    }

    #[test]
    fn demographic_questions_are_recognised() {
        let field = |label: &str| Field {
            id: "f".into(),
            label: label.into(),
            kind: FieldKind::SingleChoice,
            options: vec!["a".into()],
            required: false,
            purpose: None,
            field_use: None,
        };
        assert!(is_demographic(&field("Ethnic group")));
        assert!(is_demographic(&field("Sexual orientation")));
        assert!(!is_demographic(&field("Preferred appointment time")));
    }
}
