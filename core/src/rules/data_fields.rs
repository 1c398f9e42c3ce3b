//! Data collection rules (framework pillar 4) over the fields a form collects.

use crate::model::Severity;
use crate::model::{Draft, Field, FieldKind};
use crate::rules::{
    RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};
use crate::text::is_whole_word;

pub(crate) fn rules() -> Vec<Box<dyn StructuralRule>> {
    vec![
        Box::new(GenderTwoOptions),
        Box::new(SexualOrientationMissing),
        Box::new(TitleWithoutMx),
        Box::new(PreferNotToSay),
    ]
}

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

/// Whether a field other than `except` asks about gender.
fn asks_gender_elsewhere(draft: &Draft, except: &str) -> bool {
    draft
        .fields
        .iter()
        .any(|f| f.id != except && mentions(&f.label, "gender"))
}

pub(super) fn no_fields(draft: &Draft) -> Option<Verdict> {
    draft
        .fields
        .is_empty()
        .then(|| Verdict::NotApplicable("the draft collects no data fields".into()))
}

struct GenderTwoOptions;

const BINARY: [&str; 8] = ["male", "female", "man", "woman", "m", "f", "he", "she"];

/// Options that decline or catch all, which do not make a question less binary.
fn is_decline_or_bare_other(option: &str) -> bool {
    let lower = option.trim().to_ascii_lowercase();
    lower == "other" || lower.contains("prefer not") || lower.contains("not stated")
}

impl StructuralRule for GenderTwoOptions {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-gender-two-options",
            name: "Gender asked with two options only",
            severity: Severity::Warning,
            advisory: false,
            elements: &["4.1", "3.2"],
            tags: &["data", "forms"],
            rationale: "A gender question offering only male and female leaves non-binary people no true answer, and a form that asks one question for both sex and gender records neither well. NHS data standards code gender identity with non-binary and not-listed options, and GOV.UK's pattern asks sex and gender identity as separate, optional questions.",
            source: sources::GOVUK_EQUALITY,
            fires: &[
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"g","label":"Gender","kind":"single_choice","options":["Male","Female"]}]}"#,
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"g","label":"Gender","kind":"single_choice","options":["He","She","Other"]}]}"#,
            ],
            passes: &[
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"g","label":"What is your gender?","kind":"single_choice","options":["Male (including trans man)","Female (including trans woman)","Non-binary","Other (please describe)","Prefer not to say"]}]}"#,
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"s","label":"Sexual health clinic attended","kind":"single_choice","options":["Yes","No"]}]}"#,
            ],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        if let Some(v) = no_fields(draft) {
            return v;
        }
        let findings = draft
            .fields
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                is_choice(f) && asks_sex_or_gender(f) && !asks_orientation(f) && !asks_trans_history(f)
            })
            // A two-option sex question is the GOV.UK pattern when gender
            // identity is asked separately.
            .filter(|(_, f)| mentions(&f.label, "gender") || !asks_gender_elsewhere(draft, &f.id))
            .filter(|(_, f)| {
                // Two gendered answers, perhaps a bare "Other" (the "he/she/other"
                // the framework's pilot sites were stuck with), nothing else.
                let answers: Vec<String> = f
                    .options
                    .iter()
                    .filter(|o| !is_decline_or_bare_other(o))
                    .map(|o| o.trim().to_ascii_lowercase())
                    .collect();
                answers.len() == 2 && answers.iter().all(|o| BINARY.contains(&o.as_str()))
            })
            .map(|(i, f)| {
                RawFinding::violation(
                    format!("/fields/{i}/options"),
                    format!("{:?} offers only two options. Ask sex and gender identity as separate questions, and offer non-binary, not listed (with a way to describe) and prefer not to say.", f.label),
                )
                .suggest("Male (including trans man) / Female (including trans woman) / Non-binary / Other (please describe) / Prefer not to say")
            })
            .collect();
        Verdict::findings(findings, "gender questions offer more than two options")
    }
}

struct SexualOrientationMissing;

impl StructuralRule for SexualOrientationMissing {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-sexual-orientation-missing",
            name: "Sexual orientation not asked where demographics are",
            severity: Severity::Warning,
            advisory: false,
            elements: &["4.1"],
            tags: &["data", "forms", "monitoring"],
            rationale: "The framework asks organisations to seek sexual orientation information proactively from everyone they serve, and NHS England's information standard gives the question and categories for people aged 16 and over. A form that collects other equality data but not this one leaves LGB people invisible in the figures.",
            source: sources::SO_STANDARD,
            fires: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"e","label":"Ethnic group","kind":"single_choice","options":["White","Mixed","Asian","Black","Other","Prefer not to say"]}]}"#],
            passes: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"e","label":"Ethnic group","kind":"text"},{"id":"so","label":"Which of the following best describes how you think of yourself? (sexual orientation, 16 and over)","kind":"single_choice","options":["Heterosexual or straight","Gay or lesbian","Bisexual","Other sexual orientation not listed","Not sure","Prefer not to say"]}]}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        if let Some(v) = no_fields(draft) {
            return v;
        }
        if !draft.fields.iter().any(is_demographic) {
            return Verdict::NotApplicable("the form collects no equality monitoring data".into());
        }
        if draft.fields.iter().any(asks_orientation) {
            return Verdict::pass(
                "sexual orientation is asked alongside the other equality questions",
            );
        }
        let finding = RawFinding::violation(
            "/fields",
            "The form asks equality questions but not sexual orientation. Add the NHS standard question for people aged 16 and over, optional, with prefer not to say.",
        )
        .suggest("Which of the following options best describes how you think of yourself? Heterosexual or straight / Gay or lesbian / Bisexual / Other sexual orientation not listed / Not sure / Prefer not to say");
        Verdict::findings(vec![finding], "")
    }
}

struct TitleWithoutMx;

impl StructuralRule for TitleWithoutMx {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-title-without-mx",
            name: "Title options without Mx",
            severity: Severity::Warning,
            advisory: false,
            elements: &["4.1", "3.2"],
            tags: &["data", "forms"],
            rationale: "A list of titles without Mx forces non-binary people to pick a gendered title, and titles are then wrongly used to infer sex. Offer Mx, and never infer sex or gender from a title.",
            source: sources::GOVUK_EQUALITY,
            fires: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"t","label":"Title","kind":"single_choice","options":["Mr","Mrs","Miss","Ms"]}]}"#],
            passes: &[
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"t","label":"Title","kind":"single_choice","options":["Mr","Mrs","Miss","Ms","Mx","Dr"]}]}"#,
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"j","label":"Job title","kind":"text"}]}"#,
            ],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        if let Some(v) = no_fields(draft) {
            return v;
        }
        let titles: Vec<(usize, &Field)> = draft
            .fields
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                is_choice(f)
                    && f.label
                        .trim()
                        .trim_end_matches(['?', ':'])
                        .eq_ignore_ascii_case("title")
            })
            .collect();
        if titles.is_empty() {
            return Verdict::NotApplicable("the form does not ask for a title".into());
        }
        let findings = titles
            .into_iter()
            .filter(|(_, f)| {
                !f.options
                    .iter()
                    .any(|o| o.trim().trim_end_matches('.').eq_ignore_ascii_case("mx"))
            })
            .map(|(i, _)| {
                RawFinding::violation(
                    format!("/fields/{i}/options"),
                    "The title options do not include Mx.",
                )
                .suggest("Mx")
            })
            .collect();
        Verdict::findings(findings, "title options include Mx")
    }
}

struct PreferNotToSay;

impl StructuralRule for PreferNotToSay {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-prefer-not-to-say",
            name: "Equality questions without prefer not to say",
            severity: Severity::Warning,
            advisory: false,
            elements: &["4.2"],
            tags: &["data", "forms"],
            rationale: "Equality monitoring questions are voluntary. Without a way to decline, people either skip the form or give an answer that is not true, and staff are put in the position of pressing for it. NHS standards code \"not stated\" for people who choose not to answer.",
            source: sources::GOVUK_EQUALITY,
            fires: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"r","label":"Religion or belief","kind":"single_choice","options":["No religion","Christian","Muslim","Hindu","Jewish","Sikh","Buddhist","Other"]}]}"#],
            passes: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"r","label":"Religion or belief","kind":"single_choice","options":["No religion","Christian","Muslim","Other (please describe)","Prefer not to say"]}]}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        if let Some(v) = no_fields(draft) {
            return v;
        }
        let demographic: Vec<(usize, &Field)> = draft
            .fields
            .iter()
            .enumerate()
            .filter(|(_, f)| is_choice(f) && is_demographic(f))
            .collect();
        if demographic.is_empty() {
            return Verdict::NotApplicable(
                "the form has no equality monitoring choice questions".into(),
            );
        }
        let declines = [
            "prefer not to say",
            "prefer not to answer",
            "not stated",
            "rather not say",
        ];
        let findings = demographic
            .into_iter()
            .filter(|(_, f)| {
                !f.options.iter().any(|o| {
                    let lower = o.to_ascii_lowercase();
                    declines.iter().any(|d| lower.contains(d))
                })
            })
            .map(|(i, f)| {
                RawFinding::violation(
                    format!("/fields/{i}/options"),
                    format!(
                        "{:?} gives no way to decline. Add \"Prefer not to say\".",
                        f.label
                    ),
                )
                .suggest("Prefer not to say")
            })
            .collect();
        Verdict::findings(findings, "every equality question offers prefer not to say")
    }
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
