//! `eia-before-decision`: the assessment is completed before the decision.

use crate::model::Draft;
use crate::model::Severity;
use crate::rules::eia::assessment;
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

pub(crate) struct EiaBeforeDecision;

impl StructuralRule for EiaBeforeDecision {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-before-decision",
            name: "Assessment completed before the decision",
            family: Family::Eia,
            severity: Severity::Error,
            advisory: false,
            elements: &["3.1"],
            tags: &["eia", "psed", "timing"],
            rationale: "Due regard has to be paid before and at the time a decision is taken; an assessment dated after the decision reads as a justification written afterwards. The framework asks for the assessment to be a development tool, not a review.",
            source: sources::BROWN,
            fires: &[r#"{"title":"t","kind":"clinical_policy","dates":{"decision":"2026-05-01"},"eia":{"completed_on":"2026-06-10"}}"#],
            passes: &[r#"{"title":"t","kind":"clinical_policy","dates":{"decision":"2026-05-01"},"eia":{"completed_on":"2026-04-02"}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let eia = match assessment(draft) {
            Ok(eia) => eia,
            Err(verdict) => return verdict,
        };
        let (Some(done), Some(decision)) = (&eia.completed_on, &draft.dates.decision) else {
            let finding = RawFinding::review(
                if eia.completed_on.is_none() {
                    "/eia/completed_on"
                } else {
                    "/dates/decision"
                },
                "Record when the assessment was completed and when the decision is due, so the record shows it came first.",
            );
            return Verdict::findings(vec![finding], "");
        };
        if done > decision {
            let finding = RawFinding::violation(
                "/eia/completed_on",
                format!(
                    "The assessment was completed on {done}, after the decision on {decision}. Revisit the decision in the light of the assessment, and record that you did."
                ),
            );
            return Verdict::findings(vec![finding], "");
        }
        Verdict::pass(format!(
            "the assessment ({done}) came before the decision ({decision})"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&EiaBeforeDecision);
    }

    #[test]
    fn an_assessment_after_the_decision_is_a_violation_with_both_dates() {
        let found = findings(
            &EiaBeforeDecision,
            r#"{"title":"t","kind":"clinical_policy","dates":{"decision":"2026-05-01"},"eia":{"completed_on":"2026-06-10"}}"#,
        );
        assert_eq!(paths(&found), [("/eia/completed_on", false)]);
        assert!(
            found[0].message.starts_with(
                "The assessment was completed on 2026-06-10, after the decision on 2026-05-01."
            ),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_missing_date_asks_for_review_where_it_is_missing() {
        let no_completion = findings(
            &EiaBeforeDecision,
            r#"{"title":"t","kind":"clinical_policy","dates":{"decision":"2026-05-01"},"eia":{}}"#,
        );
        assert_eq!(paths(&no_completion), [("/eia/completed_on", true)]);
        let no_decision = findings(
            &EiaBeforeDecision,
            r#"{"title":"t","kind":"clinical_policy","eia":{"completed_on":"2026-04-02"}}"#,
        );
        assert_eq!(paths(&no_decision), [("/dates/decision", true)]);
    }
}
