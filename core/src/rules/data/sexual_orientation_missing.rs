//! `data-sexual-orientation-missing`: sexual orientation is asked where other equality data is.

use crate::model::Draft;
use crate::model::Severity;
use crate::rules::data::fields::{asks_orientation, is_demographic, no_fields};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

pub(crate) struct DataSexualOrientationMissing;

impl StructuralRule for DataSexualOrientationMissing {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-sexual-orientation-missing",
            name: "Sexual orientation not asked where demographics are",
            family: Family::DataCollection,
            severity: Severity::Info,
            advisory: true,
            elements: &["4.1"],
            tags: &["data", "forms", "monitoring"],
            rationale: "The framework asks organisations to seek sexual orientation information from the people they serve, and a form that collects other equality data but not this one leaves LGB people invisible in the figures. NHS England's information standard (DCB2094) gives the question and categories for people aged 16 and over, but it provides the categories without mandating collection, so this rule is advisory: whether a form asks is the service's decision.",
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
        let finding = RawFinding::review(
            "/fields",
            "The form asks equality questions but not sexual orientation. If the service needs it, NHS England's standard (DCB2094) gives the question and categories for people aged 16 and over; it does not make asking mandatory.",
        )
        .suggest("Which of the following options best describes how you think of yourself? Heterosexual or straight / Gay or lesbian / Bisexual / Other sexual orientation not listed / Not sure / Prefer not to say");
        Verdict::findings(vec![finding], "")
    }

    fn evidences(&self) -> &'static [&'static str] {
        // A form that asks sexual orientation alongside its other equality
        // questions is proactively seeking it (4.1); it passes only when the
        // question is there. Gender identity questions are judged by the 4.1
        // rules whose violations stand in the way.
        &["4.1"]
    }

    fn evidence_at(&self) -> Option<&'static str> {
        Some("/fields")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, not_applicable, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&DataSexualOrientationMissing);
    }
    fn form(fields: &str) -> String {
        format!(r#"{{"title":"Registration","kind":"data_collection_form","fields":[{fields}]}}"#)
    }

    #[test]
    fn one_finding_on_the_fields_with_the_standard_question() {
        let found = findings(
            &DataSexualOrientationMissing,
            &form(
                r#"{"id":"d","label":"Do you consider yourself to have a disability?","kind":"text"}"#,
            ),
        );
        assert_eq!(paths(&found), [("/fields", true)]);
        assert!(found[0].suggestions[0].contains("how you think of yourself"));
    }

    #[test]
    fn a_form_without_equality_questions_is_not_applicable() {
        assert!(not_applicable(
            &DataSexualOrientationMissing,
            &form(r#"{"id":"n","label":"Name","kind":"text"}"#)
        ));
    }
}
