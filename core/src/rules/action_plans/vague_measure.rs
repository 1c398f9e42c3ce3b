//! `actions-vague-measure`: a measure says what success looks like, not an activity.

use crate::model::Draft;
use crate::model::Severity;
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, blank, sources,
};

pub(crate) struct ActionsVagueMeasure;

/// Words that describe an activity or a direction, not a result.
const VAGUE: [&str; 12] = [
    "raise awareness",
    "raising awareness",
    "increase awareness",
    "improve",
    "improvement",
    "enhance",
    "promote",
    "ongoing",
    "continue",
    "continued",
    "in place",
    "completed",
];

/// A measure says how much, by when or compared with what.
fn is_measurable(measure: &str) -> bool {
    measure.bytes().any(|b| b.is_ascii_digit())
        || ["baseline", "target", "audit", "every", "all "]
            .iter()
            .any(|w| measure.to_ascii_lowercase().contains(w))
}

impl StructuralRule for ActionsVagueMeasure {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "actions-vague-measure",
            name: "Measures that say what success looks like",
            family: Family::ActionPlans,
            severity: Severity::Info,
            advisory: true,
            elements: &["5.3"],
            tags: &["actions", "action-plan"],
            rationale: "\"Raise awareness\" or \"improve access\" describe an activity or a direction, not a result anyone can check. A measure with a number, a baseline or a target date lets the people affected see whether the action worked.",
            source: sources::FRAMEWORK,
            fires: &[r#"{"title":"t","kind":"action_plan","eia":{"actions":[{"id":"A1","description":"Staff training","owner":"EDI lead","due":"2027-03-31","measure":"Raise awareness of trans patients' needs"}]}}"#],
            passes: &[r#"{"title":"t","kind":"action_plan","eia":{"actions":[{"id":"A1","description":"Staff training","owner":"EDI lead","due":"2027-03-31","measure":"80% of front-line staff trained; patient survey shows respectful care score up from 62% to 75%"}]}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let Some(eia) = draft
            .eia
            .as_ref()
            .filter(|e| e.actions.iter().any(|a| !blank(&a.measure)))
        else {
            return Verdict::NotApplicable("no action states a measure".into());
        };
        let findings = eia
            .actions
            .iter()
            .enumerate()
            .filter_map(|(k, action)| {
                let measure = action.measure.as_deref()?.trim();
                let lower = measure.to_ascii_lowercase();
                let vague = VAGUE.iter().any(|w| lower.contains(w)) && !is_measurable(measure);
                vague.then(|| {
                    RawFinding::review(
                        format!("/eia/actions/{k}/measure"),
                        format!("The measure for action {:?} (\"{measure}\") describes an activity, not a result. Say how much, compared with what, by when.", action.id),
                    )
                    .suggest("e.g. 90% of reception staff trained by March 2027; complaints about misgendering halved from the 2025-26 baseline")
                })
            })
            .collect();
        Verdict::findings(findings, "every measure states a checkable result")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&ActionsVagueMeasure);
    }

    fn measure(text: &str) -> String {
        format!(
            r#"{{"title":"t","kind":"action_plan","eia":{{"actions":[{{"id":"A1","description":"d","measure":"{text}"}}]}}}}"#
        )
    }

    #[test]
    fn an_activity_needs_review_with_an_example_of_a_result() {
        let found = findings(
            &ActionsVagueMeasure,
            &measure("Continue to promote the service"),
        );
        assert_eq!(paths(&found), [("/eia/actions/0/measure", true)]);
        assert_eq!(found[0].suggestions.len(), 1);
    }

    #[test]
    fn a_number_or_a_baseline_makes_it_a_result() {
        assert!(findings(&ActionsVagueMeasure, &measure("Improve access by 20%")).is_empty());
        assert!(
            findings(
                &ActionsVagueMeasure,
                &measure("Improve on the 2025 baseline")
            )
            .is_empty()
        );
    }
}
