//! `data-sex-gender-conflated`: sex and gender are asked as separate questions.

use crate::model::Draft;
use crate::model::Severity;
use crate::rules::data::fields::{
    asks_sex_only, asks_sex_or_gender, asks_trans_history, gender_used_for_sex, mentions, select,
};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
    sources::further,
};

pub(crate) struct DataSexGenderConflated;

/// Answers that describe gender identity, not sex.
const GENDER_IDENTITY_ANSWERS: [&str; 7] = [
    "non-binary",
    "nonbinary",
    "including trans",
    "genderqueer",
    "gender fluid",
    "genderfluid",
    "agender",
];

impl StructuralRule for DataSexGenderConflated {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-sex-gender-conflated",
            name: "Sex and gender identity mixed in one question",
            family: Family::DataCollection,
            severity: Severity::Warning,
            advisory: false,
            elements: &["4.1"],
            tags: &["data", "forms"],
            rationale: "Sex and gender identity are different things: the Sullivan review recommends that a sex question ask about sex and that gender identity be a separate variable, and the PRSB data items hold sex at birth and gender identity separately. A question labelled \"sex/gender\", a \"Gender\" field used for what the form or the draft calls sex (such as screening invitations), and a \"Sex\" field offering gender identity answers (such as non-binary) all get answers that mean different things to different people, so the data says little about either.",
            source: sources::SULLIVAN,
            fires: &[
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"g","label":"Sex/Gender","kind":"single_choice","options":["Male","Female","Prefer not to say"]}]}"#,
                r#"{"title":"Screening recall","kind":"data_collection_form","fields":[{"id":"g","label":"Gender","kind":"single_choice","options":["Male","Female"],"purpose":"We use this to send you the right screening invitations."}]}"#,
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"s","label":"Sex","kind":"single_choice","options":["Male","Female","Non-binary"]}]}"#,
            ],
            passes: &[
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"s","label":"Sex registered at birth","kind":"text"},{"id":"g","label":"Gender identity","kind":"text"}]}"#,
                r#"{"title":"Screening recall","kind":"data_collection_form","fields":[{"id":"s","label":"What is your sex?","kind":"single_choice","options":["Female","Male"],"purpose":"We use this to send you the right screening invitations."}]}"#,
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"g","label":"Gender","kind":"single_choice","options":["Male","Female","Non-binary","Prefer not to say"],"purpose":"Optional, for equality monitoring."}]}"#,
            ],
        }
        .to_meta()
        .citing(&[further::PRSB, further::GENDER_IDENTITY_CODE])
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let fields = match select(
            draft,
            asks_sex_or_gender,
            "the form asks no sex or gender question",
        ) {
            Ok(fields) => fields,
            Err(v) => return v,
        };
        let mut findings = Vec::new();
        for (i, f) in fields {
            if mentions(&f.label, "sex") && mentions(&f.label, "gender") && !asks_trans_history(f) {
                findings.push(RawFinding::violation(
                    format!("/fields/{i}/label"),
                    format!("{:?} asks about sex and gender in one question. Ask them separately, and say why each is needed.", f.label),
                ));
            } else if gender_used_for_sex(draft, f) {
                findings.push(
                    RawFinding::violation(
                        format!("/fields/{i}/label"),
                        format!("{:?} is used for what the form or draft calls sex (for example screening invitations). Ask \"What is your sex?\", and ask gender identity, if it is needed, as a separate, optional question.", f.label),
                    )
                    .suggest("What is your sex?"),
                );
            } else if asks_sex_only(f) {
                let answer = f.options.iter().find(|o| {
                    let lower = o.to_ascii_lowercase();
                    GENDER_IDENTITY_ANSWERS.iter().any(|w| lower.contains(w))
                });
                if let Some(answer) = answer {
                    findings.push(RawFinding::violation(
                        format!("/fields/{i}/options"),
                        format!("{:?} asks about sex but offers a gender identity answer ({answer:?}). Ask sex with sex answers, and gender identity as a separate, optional question.", f.label),
                    ));
                }
            }
        }
        Verdict::findings(
            findings,
            "sex and gender identity are asked as separate questions",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&DataSexGenderConflated);
    }
    fn form(fields: &str) -> String {
        format!(r#"{{"title":"Registration","kind":"data_collection_form","fields":[{fields}]}}"#)
    }

    #[test]
    fn points_at_the_label() {
        let found = findings(
            &DataSexGenderConflated,
            &form(r#"{"id":"g","label":"Sex or gender","kind":"text"}"#),
        );
        assert_eq!(paths(&found), [("/fields/0/label", false)]);
    }

    #[test]
    fn a_gender_field_the_draft_calls_sex_is_flagged_at_its_label() {
        let draft = r#"{"title":"Recall","kind":"data_collection_form","sections":[{"id":"a","text":"We use your sex to send breast and cervical screening invitations."}],"fields":[{"id":"g","label":"Gender","kind":"single_choice","options":["Male","Female"]}]}"#;
        assert_eq!(
            paths(&findings(&DataSexGenderConflated, draft)),
            [("/fields/0/label", false)]
        );
    }

    #[test]
    fn a_sex_field_offering_gender_identity_answers_is_flagged_at_its_options() {
        let found = findings(
            &DataSexGenderConflated,
            &form(
                r#"{"id":"s","label":"Sex","kind":"single_choice","options":["Female","Male","Female (including trans woman)"]}"#,
            ),
        );
        assert_eq!(paths(&found), [("/fields/0/options", false)]);
        let plain = form(
            r#"{"id":"s","label":"Sex","kind":"single_choice","options":["Female","Male","Prefer not to say"]}"#,
        );
        assert!(findings(&DataSexGenderConflated, &plain).is_empty());
    }

    #[test]
    fn the_trans_history_question_names_both_and_is_not_flagged() {
        let found = findings(
            &DataSexGenderConflated,
            &form(
                r#"{"id":"t","label":"Is your gender the same as the sex you were registered at birth?","kind":"single_choice","options":["Yes","No"]}"#,
            ),
        );
        assert!(found.is_empty(), "{found:?}");
    }
}
