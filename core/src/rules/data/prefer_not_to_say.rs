//! `data-prefer-not-to-say`: every equality question lets people decline.

use crate::model::Severity;
use crate::model::{Draft, Field};
use crate::rules::data::fields::{is_choice, is_demographic, no_fields};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

pub(crate) struct DataPreferNotToSay;

impl StructuralRule for DataPreferNotToSay {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-prefer-not-to-say",
            name: "Equality questions without prefer not to say",
            family: Family::DataCollection,
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
    use crate::rules::testing::{examples_behave, findings, not_applicable, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&DataPreferNotToSay);
    }
    fn form(fields: &str) -> String {
        format!(r#"{{"title":"Registration","kind":"data_collection_form","fields":[{fields}]}}"#)
    }

    #[test]
    fn names_the_question_with_no_way_to_decline() {
        let found = findings(
            &DataPreferNotToSay,
            &form(
                r#"{"id":"e","label":"Ethnic group","kind":"single_choice","options":["White","Other","I would rather not say"]},{"id":"r","label":"Religion","kind":"single_choice","options":["None","Christian"]}"#,
            ),
        );
        assert_eq!(paths(&found), [("/fields/1/options", false)]);
        assert_eq!(
            found[0].message,
            "\"Religion\" gives no way to decline. Add \"Prefer not to say\"."
        );
    }

    #[test]
    fn a_care_preference_is_not_monitoring() {
        assert!(not_applicable(
            &DataPreferNotToSay,
            &form(
                r#"{"id":"c","label":"Would you like a clinician of a particular sex?","kind":"single_choice","options":["Yes","No"]}"#
            )
        ));
    }
}
