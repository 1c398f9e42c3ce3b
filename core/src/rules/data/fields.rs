//! What a form field asks, read from its label and options: the helpers the
//! data collection rules share, so each rule recognises a question the same way.

use super::caseless;
use crate::model::{Draft, Field, FieldKind, FieldUse};
use crate::rules::Verdict;
use crate::text::is_whole_word;

/// Whether `text` contains `word` as a whole word, ignoring ASCII case.
pub(super) fn mentions(text: &str, word: &str) -> bool {
    caseless::find_iter(text, word).any(|i| is_whole_word(text, i, i + word.len()))
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

/// A question about sex that does not mention gender ("What is your sex?").
pub(super) fn asks_sex_only(field: &Field) -> bool {
    mentions(&field.label, "sex") && !mentions(&field.label, "gender")
}

/// A question about gender identity, said in so many words.
pub(super) fn asks_gender_identity(field: &Field) -> bool {
    let lower = field.label.to_ascii_lowercase();
    lower.contains("gender identity") || lower.contains("identify")
}

/// Purposes that make a field part of a person's clinical record: the PRSB
/// data items keep sex in the record for care such as screening.
const CLINICAL_PURPOSES: [&str; 11] = [
    "screening",
    "nhs record",
    "medical record",
    "health record",
    "clinical record",
    "patient record",
    "gp record",
    "clinical care",
    "your care",
    "your treatment",
    "clinically",
];

/// Words that turn a clinical purpose round ("does not affect your care").
const NEGATIONS: [&str; 6] = ["not", "never", "separately", "separate", "doesn't", "won't"];

/// Purposes that make a field an equality monitoring question.
const MONITORING_PURPOSES: [&str; 6] = [
    "monitoring",
    "equality",
    "equalities",
    "optional",
    "voluntary",
    "you do not have to",
];

/// What a field's answer is for: as stated in `use`, or inferred from its
/// purpose (screening, the NHS record or clinical care mean a clinical
/// record; monitoring, equality or "optional" mean monitoring). `None` when
/// neither is stated nor inferred.
pub(super) fn field_use(field: &Field) -> Option<FieldUse> {
    if field.field_use.is_some() {
        return field.field_use;
    }
    let purpose = field.purpose.as_deref()?.to_lowercase();
    // "Answering does not affect your care" and "stored separately from your
    // records" say the opposite of a clinical use: only a sentence that names
    // a clinical use without negating it counts.
    let clinical = purpose.split(['.', ';', '\n']).any(|sentence| {
        CLINICAL_PURPOSES.iter().any(|w| sentence.contains(w))
            && !NEGATIONS.iter().any(|n| mentions(sentence, n))
    });
    if clinical {
        Some(FieldUse::ClinicalRecord)
    } else if MONITORING_PURPOSES.iter().any(|w| purpose.contains(w)) {
        Some(FieldUse::Monitoring)
    } else {
        None
    }
}

/// How the opt-out rules (`data-prefer-not-to-say`, `data-purpose-stated`)
/// treat a field: a clinical or administrative record is not theirs to judge
/// (records use "not known" codes, not opt-outs); a sex or gender question
/// whose use is neither stated nor inferable gets advisory findings, because
/// it may be a clinical record; anything else is read as monitoring unless
/// its `use` says otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum OptOut {
    NotApplicable,
    Advisory,
    Applies,
}

pub(super) fn opt_out(field: &Field) -> OptOut {
    // Only sex is kept in the clinical record whether or not a person wants
    // to give it (PRSB); other characteristics stay voluntary even when used
    // for care, so their use is inferred from the purpose only for sex.
    let inferred = if asks_sex_or_gender(field) {
        field_use(field)
    } else {
        field.field_use
    };
    // Gender identity, and whether it matches sex registered at birth, are
    // optional items even in a clinical record (PRSB): never the record's sex.
    let gender_identity = asks_gender_identity(field) || asks_trans_history(field);
    match inferred {
        Some(FieldUse::ClinicalRecord | FieldUse::Administrative) => OptOut::NotApplicable,
        Some(FieldUse::Monitoring) => OptOut::Applies,
        None if asks_sex_or_gender(field) && !gender_identity => OptOut::Advisory,
        None => OptOut::Applies,
    }
}

/// What the advisory version of an opt-out finding adds.
pub(super) const UNKNOWN_USE: &str = " If it records sex for the person's care (a clinical record, e.g. for screening), it is not optional and uses \"not known\" codes instead; set the field's use to say which it is.";

/// Words in a draft's text that call a field's data sex: a sentence that
/// says "sex" and screening, invitations or the record.
pub(super) fn draft_calls_it_sex(draft: &Draft) -> bool {
    draft.sections.iter().any(|s| {
        s.text.split(['.', '\n']).any(|sentence| {
            mentions(sentence, "sex")
                && ["screening", "invitation", "recall", "record"]
                    .iter()
                    .any(|w| sentence.to_ascii_lowercase().contains(w))
        })
    })
}

/// A "Gender" field used for what the field's purpose, use or the draft's
/// text calls sex, such as screening invitations.
pub(super) fn gender_used_for_sex(draft: &Draft, field: &Field) -> bool {
    mentions(&field.label, "gender")
        && !mentions(&field.label, "sex")
        && !asks_gender_identity(field)
        && !asks_trans_history(field)
        && (field_use(field) == Some(FieldUse::ClinicalRecord)
            || field.purpose.as_deref().is_some_and(|p| mentions(p, "sex"))
            || (field_use(field).is_none() && draft_calls_it_sex(draft)))
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
        assert!(mentions("Sexé sex", "sex"));
        assert!(!mentions("Sexé", "sex"));
    }

    proptest::proptest! {
        #[test]
        fn mentions_agrees_with_reading_a_lowercased_copy(
            text in crate::rules::data::caseless::tests::text_from(&["sex", "sexual", "ual", " ", "x", "-", "1"]),
            word in proptest::sample::select(vec!["sex", "sexual", "x", "sex x"]),
        ) {
            // As it was: a lowercased copy of the text.
            let lower = text.to_ascii_lowercase();
            let before = lower
                .match_indices(word)
                .any(|(i, m)| is_whole_word(&lower, i, i + m.len()));
            proptest::prop_assert_eq!(mentions(&text, word), before);
        }
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

    #[test]
    fn use_is_read_from_the_field_or_its_purpose() {
        let field = |purpose: Option<&str>, field_use: Option<FieldUse>| Field {
            id: "s".into(),
            label: "What is your sex?".into(),
            kind: FieldKind::SingleChoice,
            options: vec!["Female".into(), "Male".into()],
            required: true,
            purpose: purpose.map(str::to_owned),
            field_use,
        };
        let screening = field(Some("So we can invite you for breast screening"), None);
        assert_eq!(field_use(&screening), Some(FieldUse::ClinicalRecord));
        assert_eq!(opt_out(&screening), OptOut::NotApplicable);
        let monitoring = field(Some("Optional; equality monitoring"), None);
        assert_eq!(opt_out(&monitoring), OptOut::Applies);
        assert_eq!(opt_out(&field(None, None)), OptOut::Advisory);
        let stated = field(Some("For screening"), Some(FieldUse::Monitoring));
        assert_eq!(opt_out(&stated), OptOut::Applies, "a stated use wins");
        let religion = Field {
            label: "What is your religion or belief?".into(),
            purpose: Some("So we can respect your beliefs in your care".into()),
            ..field(None, None)
        };
        assert_eq!(
            opt_out(&religion),
            OptOut::Applies,
            "only sex is inferred from care"
        );
    }

    fn field(label: &str, purpose: Option<&str>) -> Field {
        Field {
            id: "f".into(),
            label: label.into(),
            kind: FieldKind::SingleChoice,
            options: vec!["M".into(), "F".into()],
            required: false,
            purpose: purpose.map(str::to_owned),
            field_use: None,
        }
    }

    #[test]
    fn a_purpose_that_denies_a_clinical_use_is_not_a_clinical_record() {
        // The wording of the standard monitoring form's preamble: care and
        // records are named only to say the answers stay out of them.
        let preamble = "We ask these questions to check that our services are fair to everyone. Answering is optional and does not affect your care. Your answers are stored separately from your records.";
        let gender = field("Gender (M/F)", Some(preamble));
        assert_eq!(field_use(&gender), Some(FieldUse::Monitoring));
        assert_eq!(opt_out(&gender), OptOut::Applies);
        let care = field("Sex", Some("We use this for your care and screening."));
        assert_eq!(field_use(&care), Some(FieldUse::ClinicalRecord));
    }

    #[test]
    fn a_gender_identity_question_is_never_read_as_the_records_sex() {
        let same = field(
            "Is the gender you identify with the same as your sex registered at birth?",
            None,
        );
        assert_eq!(opt_out(&same), OptOut::Applies);
        assert_eq!(
            opt_out(&field("What is your gender identity?", None)),
            OptOut::Applies
        );
        assert_eq!(opt_out(&field("Gender", None)), OptOut::Advisory);
    }
}
