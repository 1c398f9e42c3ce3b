//! `data-purpose-stated`: an equality question says why it is asked, and that it is optional.

use crate::model::Draft;
use crate::model::Severity;
use crate::rules::data::fields::{is_demographic, select};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

pub(crate) struct DataPurposeStated;

impl StructuralRule for DataPurposeStated {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-purpose-stated",
            name: "Why an equality question is asked, and that it is optional",
            family: Family::DataCollection,
            severity: Severity::Warning,
            advisory: false,
            elements: &["4.2"],
            tags: &["data", "forms"],
            rationale: "People answer equality questions more often, and more truthfully, when the form says why the question is asked and that answering is optional. It also gives staff the words to explain it, which the framework found was what held data collection back.",
            source: sources::GOVUK_EQUALITY,
            fires: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"e","label":"Ethnic group","kind":"text","required":true}]}"#],
            passes: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"e","label":"Ethnic group","kind":"text","purpose":"Optional. We use this to check our services reach everyone fairly."}]}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let fields = match select(
            draft,
            is_demographic,
            "the form has no equality monitoring questions",
        ) {
            Ok(fields) => fields,
            Err(v) => return v,
        };
        let optional_words = [
            "optional",
            "you do not have to",
            "you don't have to",
            "you don’t have to",
            "prefer not",
            "voluntary",
            "choose not",
            "do not need to answer",
        ];
        let mut findings = Vec::new();
        for (i, field) in fields {
            let purpose = field.purpose.as_deref().unwrap_or("").trim();
            if purpose.is_empty() {
                findings.push(RawFinding::violation(
                    format!("/fields/{i}/purpose"),
                    format!("{:?} does not say why it is asked. State the purpose, and that answering is optional.", field.label),
                ));
            } else if !optional_words
                .iter()
                .any(|w| purpose.to_lowercase().contains(w))
            {
                findings.push(RawFinding::violation(
                    format!("/fields/{i}/purpose"),
                    format!(
                        "{:?} says why it is asked but not that answering is optional. Say so.",
                        field.label
                    ),
                ));
            }
            if field.required {
                findings.push(RawFinding::violation(
                    format!("/fields/{i}/required"),
                    format!(
                        "{:?} is an equality question but is required. Make it optional.",
                        field.label
                    ),
                ));
            }
        }
        Verdict::findings(
            findings,
            "every equality question states its purpose and is optional",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&DataPurposeStated);
    }
    fn form(fields: &str) -> String {
        format!(r#"{{"title":"Registration","kind":"data_collection_form","fields":[{fields}]}}"#)
    }

    #[test]
    fn no_purpose_and_required_are_two_findings() {
        let found = findings(
            &DataPurposeStated,
            &form(r#"{"id":"e","label":"Ethnic group","kind":"text","required":true}"#),
        );
        assert_eq!(
            paths(&found),
            [("/fields/0/purpose", false), ("/fields/0/required", false)]
        );
    }

    #[test]
    fn a_purpose_that_does_not_say_optional_is_named() {
        let found = findings(
            &DataPurposeStated,
            &form(
                r#"{"id":"e","label":"Ethnic group","kind":"text","purpose":"To check our services reach everyone."}"#,
            ),
        );
        assert_eq!(
            found[0].message,
            "\"Ethnic group\" says why it is asked but not that answering is optional. Say so."
        );
    }
}
