//! `data-sex-gender-conflated`: sex and gender are asked as separate questions.

use crate::model::Draft;
use crate::model::Severity;
use crate::rules::data::fields::{asks_sex_or_gender, asks_trans_history, mentions, select};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

pub(crate) struct DataSexGenderConflated;

impl StructuralRule for DataSexGenderConflated {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-sex-gender-conflated",
            name: "Sex and gender asked as one question",
            family: Family::DataCollection,
            severity: Severity::Warning,
            advisory: false,
            elements: &["4.1"],
            tags: &["data", "forms"],
            rationale: "Sex and gender identity are different things, and NHS data standards record them separately. One question labelled \"sex/gender\" gets answers that mean different things to different people, so the data says little about either.",
            source: sources::GOVUK_EQUALITY,
            fires: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"g","label":"Sex/Gender","kind":"single_choice","options":["Male","Female","Prefer not to say"]}]}"#],
            passes: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"s","label":"Sex registered at birth","kind":"text"},{"id":"g","label":"Gender identity","kind":"text"}]}"#],
        }
        .to_meta()
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
        let findings = fields
            .into_iter()
            .filter(|(_, f)| {
                mentions(&f.label, "sex") && mentions(&f.label, "gender") && !asks_trans_history(f)
            })
            .map(|(i, f)| {
                RawFinding::violation(
                    format!("/fields/{i}/label"),
                    format!("{:?} asks about sex and gender in one question. Ask them separately, and say why each is needed.", f.label),
                )
            })
            .collect();
        Verdict::findings(findings, "sex and gender are asked separately")
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
