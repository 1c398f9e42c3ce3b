//! `data-gender-two-options`: a gender question offers more than two options.

use crate::model::Draft;
use crate::model::Severity;
use crate::rules::data::fields::{
    asks_orientation, asks_sex_or_gender, asks_trans_history, is_choice, mentions, no_fields,
};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

pub(crate) struct DataGenderTwoOptions;

const BINARY: [&str; 8] = ["male", "female", "man", "woman", "m", "f", "he", "she"];

/// Options that decline or catch all, which do not make a question less binary.
fn is_decline_or_bare_other(option: &str) -> bool {
    let lower = option.trim().to_ascii_lowercase();
    lower == "other" || lower.contains("prefer not") || lower.contains("not stated")
}

impl StructuralRule for DataGenderTwoOptions {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-gender-two-options",
            name: "Gender asked with two options only",
            family: Family::DataCollection,
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

/// Whether a field other than `except` asks about gender.
fn asks_gender_elsewhere(draft: &Draft, except: &str) -> bool {
    draft
        .fields
        .iter()
        .any(|f| f.id != except && mentions(&f.label, "gender"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&DataGenderTwoOptions);
    }
    fn form(fields: &str) -> String {
        format!(r#"{{"title":"Registration","kind":"data_collection_form","fields":[{fields}]}}"#)
    }

    #[test]
    fn points_at_the_options_and_suggests_inclusive_ones() {
        let found = findings(
            &DataGenderTwoOptions,
            &form(
                r#"{"id":"n","label":"Name","kind":"text"},{"id":"g","label":"Gender","kind":"single_choice","options":["M","F","Prefer not to say"]}"#,
            ),
        );
        assert_eq!(paths(&found), [("/fields/1/options", false)]);
        assert!(found[0].suggestions[0].contains("Non-binary"));
    }

    #[test]
    fn a_two_option_sex_question_beside_a_gender_question_is_the_govuk_pattern() {
        let found = findings(
            &DataGenderTwoOptions,
            &form(
                r#"{"id":"s","label":"Sex","kind":"single_choice","options":["Female","Male"]},{"id":"g","label":"Gender identity","kind":"text"}"#,
            ),
        );
        assert!(found.is_empty(), "{found:?}");
    }
}
