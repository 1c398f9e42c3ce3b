//! `data-gender-two-options`: a gender question offers more than two options.

use crate::model::Severity;
use crate::model::{Draft, Field};
use crate::rules::data::fields::{
    asks_gender_identity, asks_orientation, asks_sex_only, asks_trans_history, gender_used_for_sex,
    is_choice, mentions, no_fields,
};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
    sources::further,
};

pub(crate) struct DataGenderTwoOptions;

const BINARY: [&str; 8] = ["male", "female", "man", "woman", "m", "f", "he", "she"];

/// The answers of the NHS Gender Identity Code, for a separate, optional
/// gender identity question.
const GENDER_IDENTITY_CODE: &str = "Male (including trans man) / Female (including trans woman) / Non-binary / Other (not listed, please describe) / Prefer not to say";

/// The GOV.UK pair: a sex question, and an optional question on whether
/// gender identity is the same as sex registered at birth.
const GOVUK_PAIR: &str = "What is your sex? Female / Male; then, optional: Is the gender you identify with the same as your sex registered at birth? Yes / No / Prefer not to say";

/// Options that decline or catch all, which do not make a question less binary.
fn is_decline_or_bare_other(option: &str) -> bool {
    let lower = option.trim().to_ascii_lowercase();
    lower == "other" || lower.contains("prefer not") || lower.contains("not stated")
}

/// Two gendered answers, perhaps a bare "Other" (the "he/she/other" the
/// framework's pilot sites were stuck with), nothing else.
fn two_answers(field: &Field) -> bool {
    let answers: Vec<String> = field
        .options
        .iter()
        .filter(|o| !is_decline_or_bare_other(o))
        .map(|o| o.trim().to_ascii_lowercase())
        .collect();
    answers.len() == 2 && answers.iter().all(|o| BINARY.contains(&o.as_str()))
}

impl StructuralRule for DataGenderTwoOptions {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-gender-two-options",
            name: "A \"Gender\" question with two answers",
            family: Family::DataCollection,
            severity: Severity::Warning,
            advisory: false,
            elements: &["4.1", "3.2"],
            tags: &["data", "forms"],
            rationale: "Sex and gender identity are different things, and a question that does not say which it asks records neither well: the Sullivan review recommends that a sex question ask about sex and that gender identity be a separate variable, and NHS data items (PRSB, April 2026) hold sex and gender identity separately. A \"Gender\" question with only male and female has not decided which it means. If it means sex, ask \"What is your sex?\"; if gender identity is needed too, ask it separately and optionally (GOV.UK: \"Is the gender you identify with the same as your sex registered at birth?\"), and use the NHS Gender Identity Code's answers only in a separate gender identity question. The rule never fires on a question about sex.",
            source: sources::SULLIVAN,
            fires: &[
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"g","label":"Gender","kind":"single_choice","options":["Male","Female"]}]}"#,
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"g","label":"Gender","kind":"single_choice","options":["He","She","Other"]}]}"#,
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"g","label":"What is your gender identity?","kind":"single_choice","options":["Male","Female","Prefer not to say"]}]}"#,
            ],
            passes: &[
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"s","label":"What is your sex?","kind":"single_choice","options":["Female","Male"]}]}"#,
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"s","label":"Sex","kind":"single_choice","options":["Male","Female"],"required":true}]}"#,
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"g","label":"What is your gender identity?","kind":"single_choice","options":["Male (including trans man)","Female (including trans woman)","Non-binary","Other (please describe)","Prefer not to say"]}]}"#,
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"s","label":"Sexual health clinic attended","kind":"single_choice","options":["Yes","No"]}]}"#,
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"t","label":"Is the gender you identify with the same as your sex registered at birth?","kind":"single_choice","options":["Yes","No"]}]}"#,
            ],
        }
        .to_meta()
        .citing(&[
            further::GOVUK_EQUALITY_QUESTIONS,
            further::PRSB,
            further::GENDER_IDENTITY_CODE,
            further::HL12992,
            further::GSS_SEX,
        ])
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        if let Some(v) = no_fields(draft) {
            return v;
        }
        let sex_asked = draft.fields.iter().any(asks_sex_only);
        let findings = draft
            .fields
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                is_choice(f)
                    && mentions(&f.label, "gender")
                    && !mentions(&f.label, "sex")
                    && !asks_orientation(f)
                    && !asks_trans_history(f)
                    // A "Gender" field used for sex is data-sex-gender-conflated's.
                    && !gender_used_for_sex(draft, f)
                    && two_answers(f)
            })
            .map(|(i, f)| {
                let path = format!("/fields/{i}/options");
                if asks_gender_identity(f) || sex_asked {
                    RawFinding::violation(
                        path,
                        format!("{:?} asks gender identity with only two answers. Keep it a separate, optional question, and offer the NHS Gender Identity Code's answers.", f.label),
                    )
                    .suggest(GENDER_IDENTITY_CODE)
                } else {
                    RawFinding::violation(
                        path,
                        format!("{:?} offers only two answers and does not say whether it asks sex or gender identity. Decide which the form needs: for sex, ask \"What is your sex?\"; for gender identity as well, add a separate, optional question.", f.label),
                    )
                    .suggest(GOVUK_PAIR)
                }
            })
            .collect();
        Verdict::findings(
            findings,
            "no gender question is left with two answers and an unclear meaning",
        )
    }
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
        assert!(found[0].message.contains("sex or gender identity"));
        assert!(found[0].suggestions[0].contains("What is your sex?"));
        assert!(!found[0].suggestions[0].contains("trans man"));
    }

    #[test]
    fn never_fires_on_a_question_about_sex() {
        for label in ["Sex", "What is your sex?", "Sex registered at birth"] {
            let found = findings(
                &DataGenderTwoOptions,
                &form(&format!(
                    r#"{{"id":"s","label":"{label}","kind":"single_choice","options":["Female","Male"]}}"#
                )),
            );
            assert!(found.is_empty(), "{label}: {found:?}");
        }
    }

    #[test]
    fn a_gender_question_beside_a_sex_question_is_gender_identity() {
        let found = findings(
            &DataGenderTwoOptions,
            &form(
                r#"{"id":"s","label":"What is your sex?","kind":"single_choice","options":["Female","Male"]},{"id":"g","label":"Gender","kind":"single_choice","options":["Male","Female"]}"#,
            ),
        );
        assert_eq!(paths(&found), [("/fields/1/options", false)]);
        assert!(found[0].suggestions[0].contains("Male (including trans man)"));
    }

    #[test]
    fn a_gender_field_used_for_screening_is_left_to_the_conflation_rule() {
        let found = findings(
            &DataGenderTwoOptions,
            &form(
                r#"{"id":"g","label":"Gender","kind":"single_choice","options":["Male","Female"],"purpose":"We use this to send screening invitations."}"#,
            ),
        );
        assert!(found.is_empty(), "{found:?}");
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
