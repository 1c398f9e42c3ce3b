//! `eia-present`: an equality impact assessment is written with the draft.

use crate::model::Draft;
use crate::model::Severity;
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

const MINIMAL: &str = r#"{"title":"Visiting policy","kind":"clinical_policy"}"#;

pub(crate) struct EiaPresent;

impl StructuralRule for EiaPresent {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-present",
            name: "Equality impact assessment written with the draft",
            family: Family::Eia,
            severity: Severity::Error,
            advisory: false,
            elements: &["3.1"],
            tags: &["eia", "psed"],
            rationale: "A policy or service change needs an equality impact assessment, and it needs it while the draft can still change: the framework's pilot sites used the assessment as a development tool, and the courts read the duty as one met before a decision, not after.",
            source: sources::BROWN,
            fires: &[MINIMAL],
            passes: &[r#"{"title":"Visiting policy","kind":"clinical_policy","eia":{"assessor":"EDI lead"}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        if !draft.kind.needs_eia() {
            return Verdict::NotApplicable(format!(
                "a {} is covered by the assessment of the policy it serves",
                draft.kind.as_str()
            ));
        }
        match draft.eia {
            Some(_) => {
                Verdict::pass("an equality impact assessment is being written with the draft")
            }
            None => Verdict::findings(
                vec![RawFinding::violation(
                    "/eia",
                    "This draft has no equality impact assessment. Start one now, while the draft can still change.",
                )],
                "",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, not_applicable, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&EiaPresent);
    }

    #[test]
    fn a_missing_assessment_is_an_error_at_eia() {
        let found = findings(&EiaPresent, MINIMAL);
        assert_eq!(paths(&found), [("/eia", false)]);
    }

    #[test]
    fn kinds_that_make_no_policy_need_no_assessment() {
        assert!(not_applicable(
            &EiaPresent,
            r#"{"title":"Leaflet","kind":"patient_information"}"#
        ));
    }
}
