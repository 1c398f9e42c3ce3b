//! `eia-negative-mitigated`: negative impacts are mitigated by actions in the plan.

use crate::model::Severity;
use crate::model::{Draft, Impact};
use crate::rules::eia::assessment;
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, blank, sources,
};

pub(crate) struct EiaNegativeMitigated;

impl StructuralRule for EiaNegativeMitigated {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-negative-mitigated",
            name: "Negative impacts mitigated by owned, dated, measurable actions",
            family: Family::Eia,
            severity: Severity::Error,
            advisory: false,
            elements: &["3.1", "5.3"],
            tags: &["eia", "actions"],
            rationale: "Finding a negative impact is the start of the work. The assessment should say how the impact is removed or reduced (or why it is justified), and tie that to actions someone owns, with a date and a way to tell they worked.",
            source: sources::PSED,
            fires: &[
                r#"{"title":"t","kind":"service_design","eia":{"groups":[{"group":"gender_reassignment","impact":"negative","evidence":"Trans patients report being misgendered at reception"}]}}"#,
                r#"{"title":"t","kind":"service_design","eia":{"groups":[{"group":"age","impact":"negative","evidence":"e","mitigation":"m","actions":["A9"]}]}}"#,
            ],
            passes: &[r#"{"title":"t","kind":"service_design","eia":{"groups":[{"group":"gender_reassignment","impact":"negative","evidence":"e","mitigation":"Reception staff record and use the name a patient gives","actions":["A1"]}],
                "actions":[{"id":"A1","description":"Update the booking system to hold a chosen name","owner":"Head of digital","due":"2027-03-31","measure":"Audit of 50 bookings shows chosen name used in 95%"}]}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let eia = match assessment(draft) {
            Ok(eia) => eia,
            Err(verdict) => return verdict,
        };
        if !eia.groups.iter().any(|g| g.impact == Impact::Negative) {
            return Verdict::NotApplicable("the assessment records no negative impact".into());
        }
        // A whole-assessment mitigation section and an action plan of owned,
        // dated, measured actions answer a negative impact even when the
        // table does not link them row by row: saying "no mitigation" then
        // would be wrong. Whether they answer it well is for a reviewer.
        let mitigation_section = draft.sections.iter().any(|s| {
            s.heading.to_ascii_lowercase().contains("mitigat") && !s.text.trim().is_empty()
        });
        // Only where the form links no row to an action at all, and mitigates
        // in a section of its own: a row left unlinked in a form that links
        // others has no action.
        let unlinked_plan = mitigation_section
            && eia.groups.iter().all(|g| g.actions.is_empty())
            && eia
                .actions
                .iter()
                .any(|a| !blank(&a.owner) && a.due.is_some() && !blank(&a.measure));
        let mut findings = Vec::new();
        for (i, assessed) in eia.groups.iter().enumerate() {
            if assessed.impact != Impact::Negative {
                continue;
            }
            let name = assessed.group.label();
            if blank(&assessed.mitigation) && !mitigation_section {
                findings.push(RawFinding::violation(
                    format!("/eia/groups/{i}/mitigation"),
                    format!("The negative impact on {name} has no mitigation. Say how it will be removed or reduced, or why it is justified."),
                ));
            }
            if assessed.actions.is_empty() && !unlinked_plan {
                findings.push(RawFinding::violation(
                    format!("/eia/groups/{i}/actions"),
                    format!("The negative impact on {name} has no action. Add at least one action with an owner, a due date and a measure."),
                ));
            }
            for (j, id) in assessed.actions.iter().enumerate() {
                let path = format!("/eia/groups/{i}/actions/{j}");
                if !eia.actions.iter().any(|a| &a.id == id) {
                    findings.push(RawFinding::violation(
                        path,
                        format!("The mitigation for {name} refers to action {id:?}, which is not in the action plan."),
                    ));
                }
            }
        }
        Verdict::findings(
            findings,
            "every negative impact has a mitigation and actions in the plan",
        )
    }

    fn evidences(&self) -> &'static [&'static str] {
        // A negative impact found and answered by actions in the plan is the
        // assessment doing its job (3.1). Not applicable when no negative
        // impact is recorded, so never vacuous. Not 5.3: nothing shows the
        // actions use insight from LGBTQ+ service users.
        &["3.1"]
    }

    fn evidence_at(&self) -> Option<&'static str> {
        Some("/eia/groups")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, not_applicable, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&EiaNegativeMitigated);
    }

    #[test]
    fn an_impact_with_no_mitigation_and_no_action_gets_both_findings() {
        let found = findings(
            &EiaNegativeMitigated,
            r#"{"title":"t","kind":"service_design","eia":{"groups":[{"group":"sex","impact":"neutral"},{"group":"age","impact":"negative","evidence":"e"}]}}"#,
        );
        assert_eq!(
            paths(&found),
            [
                ("/eia/groups/1/mitigation", false),
                ("/eia/groups/1/actions", false)
            ]
        );
    }

    #[test]
    fn an_action_missing_from_the_plan_is_named() {
        let found = findings(
            &EiaNegativeMitigated,
            r#"{"title":"t","kind":"service_design","eia":{"groups":[{"group":"age","impact":"negative","evidence":"e","mitigation":"m","actions":["A9"]}]}}"#,
        );
        assert_eq!(paths(&found), [("/eia/groups/0/actions/0", false)]);
        assert_eq!(
            found[0].message,
            "The mitigation for age refers to action \"A9\", which is not in the action plan."
        );
    }

    #[test]
    fn a_mitigation_section_and_an_action_plan_answer_an_unlinked_row() {
        // The shape of a full NHS EIA form: the impact table, then a
        // "Mitigation" section and an action plan not tied to rows.
        let form = r#"{"title":"t","kind":"service_design","sections":[{"id":"m","heading":"Section 4: Mitigation","text":"People unable to reach their feet remain eligible."}],"eia":{"groups":[{"group":"age","impact":"negative","evidence":"e"}],"actions":[{"id":"A1","description":"Keep the exception","owner":"Service Manager","due":"2026-04-01","measure":"Exception in the published criteria"}]}}"#;
        assert!(findings(&EiaNegativeMitigated, form).is_empty());
        // Without the plan's action complete, the missing action is still found.
        let no_owner = form.replace(r#""owner":"Service Manager","#, "");
        assert_eq!(
            paths(&findings(&EiaNegativeMitigated, &no_owner)),
            [("/eia/groups/0/actions", false)]
        );
        // A row's own mitigation with a plan whose actions are about other
        // things (no mitigation section): the row still has no action.
        let own = r#"{"title":"t","kind":"workforce_policy","eia":{"groups":[{"group":"religion_or_belief","impact":"negative","evidence":"e","mitigation":"The FAQ says the policy governs conduct, not belief."}],"actions":[{"id":"A1","description":"Publish transition guidance","owner":"People Advice Team Manager","due":"2027-02-28","measure":"120 managers briefed"}]}}"#;
        assert_eq!(
            paths(&findings(&EiaNegativeMitigated, own)),
            [("/eia/groups/0/actions", false)]
        );
        // A heading that only names mitigation, with nothing under it, is not one.
        let empty = form.replace("People unable to reach their feet remain eligible.", "");
        assert_eq!(
            paths(&findings(&EiaNegativeMitigated, &empty)),
            [
                ("/eia/groups/0/mitigation", false),
                ("/eia/groups/0/actions", false)
            ]
        );
    }

    #[test]
    fn no_negative_impact_means_nothing_to_mitigate() {
        assert!(not_applicable(
            &EiaNegativeMitigated,
            r#"{"title":"t","kind":"service_design","eia":{"groups":[{"group":"age","impact":"neutral"}]}}"#
        ));
    }
}
