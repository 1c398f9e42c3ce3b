//! `data-purpose-stated`: an equality question says why it is asked, and that it is optional.

use crate::model::Draft;
use crate::model::Severity;
use crate::rules::data::fields::{OptOut, UNKNOWN_USE, is_demographic, opt_out, select};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
    sources::further,
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
            rationale: "People answer equality questions more often, and more truthfully, when the form says why the question is asked and that answering is optional, as GOV.UK's equality information pattern asks. It also gives staff the words to explain it, which the framework found was what held data collection back. This is about monitoring questions: a clinical record's sex is kept for care such as screening (PRSB data items) and is not optional, so the rule leaves clinical and administrative records alone, and is advisory for a sex or gender question whose use is not stated or inferable from its purpose.",
            source: sources::GOVUK_EQUALITY,
            fires: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"e","label":"Ethnic group","kind":"text","required":true}]}"#],
            passes: &[
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"e","label":"Ethnic group","kind":"text","purpose":"Optional. We use this to check our services reach everyone fairly."}]}"#,
                r#"{"title":"GP registration","kind":"data_collection_form","fields":[{"id":"s","label":"What is your sex?","kind":"single_choice","options":["Female","Male"],"required":true,"purpose":"So we can invite you for the right screening."}]}"#,
            ],
        }
        .to_meta()
        .citing(&[further::PRSB])
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
        let fields: Vec<_> = fields
            .into_iter()
            // "If no, you can write in your gender identity" belongs to the
            // question before it: one finding for the question, not two.
            .filter(|(_, f)| !f.label.trim_start().to_ascii_lowercase().starts_with("if "))
            .map(|(i, f)| (i, f, opt_out(f)))
            .filter(|(_, _, o)| *o != OptOut::NotApplicable)
            .collect();
        if fields.is_empty() {
            return Verdict::NotApplicable(
                "the form's equality questions are clinical or administrative records".into(),
            );
        }
        for (i, field, opt) in fields {
            let mut raw = Vec::new();
            let purpose = field.purpose.as_deref().unwrap_or("").trim();
            if purpose.is_empty() {
                raw.push((
                    format!("/fields/{i}/purpose"),
                    format!("{:?} does not say why it is asked.", field.label),
                    "State the purpose, and that answering is optional.",
                ));
            } else if !optional_words
                .iter()
                .any(|w| purpose.to_lowercase().contains(w))
            {
                raw.push((
                    format!("/fields/{i}/purpose"),
                    format!(
                        "{:?} says why it is asked but not that answering is optional.",
                        field.label
                    ),
                    "Say so.",
                ));
            }
            if field.required {
                raw.push((
                    format!("/fields/{i}/required"),
                    format!("{:?} is an equality question but is required.", field.label),
                    "Make it optional.",
                ));
            }
            findings.extend(raw.into_iter().map(|(path, found, advice)| match opt {
                OptOut::Advisory => RawFinding::review(
                    path,
                    format!(
                        "{found} If it is an equality monitoring question: {}{UNKNOWN_USE}",
                        advice.to_lowercase()
                    ),
                ),
                _ => RawFinding::violation(path, format!("{found} {advice}")),
            }));
        }
        Verdict::findings(
            findings,
            "every equality question states its purpose and is optional",
        )
    }

    fn evidences(&self) -> &'static [&'static str] {
        // Equality questions that say why they are asked and that answering is
        // optional are a safe, inclusive way to collect the data (4.2);
        // not applicable without equality questions.
        &["4.2"]
    }

    fn evidence_at(&self) -> Option<&'static str> {
        Some("/fields")
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
    fn a_clinical_records_sex_is_never_told_to_become_optional() {
        let stated = form(
            r#"{"id":"s","label":"Sex","kind":"single_choice","options":["Female","Male"],"required":true,"use":"clinical_record"}"#,
        );
        assert!(crate::rules::testing::not_applicable(
            &DataPurposeStated,
            &stated
        ));
        let unknown = findings(
            &DataPurposeStated,
            &form(
                r#"{"id":"s","label":"Sex","kind":"single_choice","options":["Female","Male"],"required":true}"#,
            ),
        );
        assert_eq!(
            paths(&unknown),
            [("/fields/0/purpose", true), ("/fields/0/required", true)]
        );
    }

    #[test]
    fn a_write_in_follow_up_is_part_of_its_question() {
        // The registration page's gender identity question, with a write-in
        // for "No".
        let found = findings(
            &DataPurposeStated,
            &form(
                r#"{"id":"n","label":"Full name","kind":"text","required":true},{"id":"g","label":"Is the gender you identify with the same as your sex registered at birth?","kind":"single_choice","options":["Yes","No"]},{"id":"w","label":"If no, you can write in your gender identity","kind":"text"}"#,
            ),
        );
        assert_eq!(paths(&found), [("/fields/1/purpose", false)]);
        assert!(
            found[0]
                .message
                .starts_with("\"Is the gender you identify with"),
            "{}",
            found[0].message
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
