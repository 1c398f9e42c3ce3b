//! `engagement-feedback-given`: the people engaged are told how their input was used.

use crate::model::Draft;
use crate::model::Severity;
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, blank, sources,
};

pub(crate) struct EngagementFeedbackGiven;

impl StructuralRule for EngagementFeedbackGiven {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "engagement-feedback-given",
            name: "People told how their input was used",
            family: Family::Eia,
            severity: Severity::Info,
            advisory: true,
            elements: &["5.1", "5.3"],
            tags: &["eia", "co-production"],
            rationale: "Groups who give their time and expertise want to know what difference it made; partners in the 2025 guide describe being asked and then hearing nothing, and being brought in earlier next time when they were told. Recording how feedback was given back keeps the relationship honest.",
            source: sources::PARTNERSHIP_GUIDE,
            fires: &[r#"{"title":"t","kind":"service_design","eia":{"engagement":[{"with":"Trans patient panel","kind":"focus_group","lgbtq_led":true}]}}"#],
            passes: &[r#"{"title":"t","kind":"service_design","eia":{"engagement":[{"with":"Trans patient panel","kind":"focus_group","lgbtq_led":true,"feedback_given":"Wrote to the panel in May with the changes made and those not made, and why"}]}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let Some(eia) = draft.eia.as_ref().filter(|e| !e.engagement.is_empty()) else {
            return Verdict::NotApplicable("no engagement is recorded".into());
        };
        let findings = eia
            .engagement
            .iter()
            .enumerate()
            .filter(|(_, e)| blank(&e.feedback_given))
            .map(|(i, e)| {
                RawFinding::review(
                    format!("/eia/engagement/{i}/feedback_given"),
                    format!(
                        "The record does not say how {} heard what was done with their input.",
                        e.with
                    ),
                )
            })
            .collect();
        Verdict::findings(
            findings,
            "everyone engaged was told how their input was used",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&EngagementFeedbackGiven);
    }

    #[test]
    fn names_who_was_not_told() {
        let found = findings(
            &EngagementFeedbackGiven,
            r#"{"title":"t","kind":"service_design","eia":{"engagement":[{"with":"Youth forum","kind":"meeting","feedback_given":"Letter in May"},{"with":"Trans patient panel","kind":"focus_group"}]}}"#,
        );
        assert_eq!(paths(&found), [("/eia/engagement/1/feedback_given", true)]);
        assert_eq!(
            found[0].message,
            "The record does not say how Trans patient panel heard what was done with their input."
        );
    }
}
