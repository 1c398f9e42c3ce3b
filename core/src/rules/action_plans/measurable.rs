//! `actions-measurable`: every action has an owner, a due date and a measure.

use crate::model::Severity;
use crate::model::{Draft, Eia, Impact};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, blank, list,
    sources,
};

pub(crate) struct ActionsMeasurable;

impl StructuralRule for ActionsMeasurable {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "actions-measurable",
            name: "Every action has an owner, a date and a measure",
            family: Family::ActionPlans,
            severity: Severity::Warning,
            advisory: false,
            elements: &["5.3"],
            tags: &["actions", "action-plan"],
            rationale: "The framework asks for targeted interventions with measurable outcomes. An action without an owner, a due date or a measure cannot be followed up, so it rarely happens.",
            source: sources::FRAMEWORK,
            fires: &[r#"{"title":"t","kind":"action_plan","eia":{"actions":[{"id":"A1","description":"Raise awareness of trans health needs"}]}}"#],
            passes: &[r#"{"title":"t","kind":"action_plan","eia":{"actions":[{"id":"A1","description":"Train reception teams","owner":"Practice manager","due":"2027-01-31","measure":"90% of reception staff trained"}]}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let Some(eia) = draft.eia.as_ref().filter(|e| !e.actions.is_empty()) else {
            return Verdict::NotApplicable("the draft has no actions".into());
        };
        let findings = (0..eia.actions.len())
            .filter_map(|k| {
                let missing = missing_parts(eia, k);
                let action = &eia.actions[k];
                let mitigates: Vec<&str> = eia
                    .groups
                    .iter()
                    .filter(|g| g.impact == Impact::Negative && g.actions.contains(&action.id))
                    .map(|g| g.group.label())
                    .collect();
                let context = if mitigates.is_empty() {
                    String::new()
                } else {
                    format!(
                        ", which mitigates the negative impact on {},",
                        list(&mitigates)
                    )
                };
                (!missing.is_empty()).then(|| {
                    RawFinding::violation(
                        format!("/eia/actions/{k}"),
                        format!("Action {:?}{context} has no {}.", action.id, list(&missing)),
                    )
                })
            })
            .collect();
        Verdict::findings(
            findings,
            "every action has an owner, a due date and a measure",
        )
    }
}

/// What action `index` lacks, of an owner, a due date and a measure.
fn missing_parts(eia: &Eia, index: usize) -> Vec<&'static str> {
    let action = &eia.actions[index];
    let mut missing = Vec::new();
    if blank(&action.owner) {
        missing.push("owner");
    }
    if action.due.is_none() {
        missing.push("due date");
    }
    if blank(&action.measure) {
        missing.push("measure");
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&ActionsMeasurable);
    }

    #[test]
    fn lists_what_each_action_lacks() {
        let found = findings(
            &ActionsMeasurable,
            r#"{"title":"t","kind":"action_plan","eia":{"actions":[{"id":"A1","description":"Raise awareness"},{"id":"A2","description":"d","owner":"o","due":"2027-01-31","measure":"m"}]}}"#,
        );
        assert_eq!(paths(&found), [("/eia/actions/0", false)]);
        assert_eq!(
            found[0].message,
            "Action \"A1\" has no owner, due date and measure."
        );
    }

    #[test]
    fn an_action_mitigating_a_negative_impact_says_so() {
        let found = findings(
            &ActionsMeasurable,
            r#"{"title":"t","kind":"action_plan","eia":{"groups":[{"group":"age","impact":"negative","actions":["A1"]}],"actions":[{"id":"A1","description":"d","owner":"o","due":"2027-01-31"}]}}"#,
        );
        assert_eq!(
            found[0].message,
            "Action \"A1\", which mitigates the negative impact on age, has no measure."
        );
    }
}
