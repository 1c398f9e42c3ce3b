//! `engagement-lived-experience-paid`: lived-experience contributors are paid for their time.

use crate::model::Severity;
use crate::model::{Draft, Engagement, EngagementKind};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

pub(crate) struct EngagementLivedExperiencePaid;

impl StructuralRule for EngagementLivedExperiencePaid {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "engagement-lived-experience-paid",
            name: "Lived-experience contributors paid for their time",
            family: Family::Eia,
            severity: Severity::Warning,
            advisory: false,
            elements: &["5.1", "6.2"],
            tags: &["eia", "co-production", "funding"],
            rationale: "Co-production asks people to share their own experience, often of harm, and to give time that professionals are paid for. The partnership guide asks for lived experience to be remunerated and gathered in a trauma-informed way; an unpaid ask of a small community group is one the group may not be able to afford.",
            source: sources::PARTNERSHIP_GUIDE,
            fires: &[r#"{"title":"t","kind":"service_design","eia":{"engagement":[{"with":"Trans patient panel","kind":"co_production","lgbtq_led":true,"remunerated":false}]}}"#],
            passes: &[r#"{"title":"t","kind":"service_design","eia":{"engagement":[{"with":"Trans patient panel","kind":"co_production","lgbtq_led":true,"remunerated":true}]}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        // Staff networks and unions take part in work time; the duty to pay is
        // to people from outside who give their time and experience.
        let internal = ["staff", "employee", "union", "colleague", "workforce"];
        let lived = |e: &Engagement| {
            matches!(
                e.kind,
                EngagementKind::CoProduction
                    | EngagementKind::FocusGroup
                    | EngagementKind::Interview
            ) && !internal
                .iter()
                .any(|w| e.with.to_ascii_lowercase().contains(w))
        };
        let Some(eia) = draft
            .eia
            .as_ref()
            .filter(|e| e.engagement.iter().any(&lived))
        else {
            return Verdict::NotApplicable(
                "no co-production, focus group or interview with people from outside the organisation is recorded".into(),
            );
        };
        let mut findings = Vec::new();
        for (i, e) in eia.engagement.iter().enumerate().filter(|(_, e)| lived(e)) {
            let path = format!("/eia/engagement/{i}/remunerated");
            match e.remunerated {
                Some(true) => {}
                Some(false) => findings.push(RawFinding::violation(
                    path,
                    format!(
                        "{} gave their lived experience unpaid. Pay contributors for their time.",
                        e.with
                    ),
                )),
                None => findings.push(RawFinding::review(
                    path,
                    format!(
                        "The record does not say whether {} were paid for their time.",
                        e.with
                    ),
                )),
            }
        }
        Verdict::findings(findings, "lived-experience contributors were paid")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, not_applicable, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&EngagementLivedExperiencePaid);
    }

    #[test]
    fn unpaid_is_a_violation_unknown_needs_review() {
        let found = findings(
            &EngagementLivedExperiencePaid,
            r#"{"title":"t","kind":"service_design","eia":{"engagement":[{"with":"Trans patient panel","kind":"co_production","remunerated":false},{"with":"Carers group","kind":"interview"}]}}"#,
        );
        assert_eq!(
            paths(&found),
            [
                ("/eia/engagement/0/remunerated", false),
                ("/eia/engagement/1/remunerated", true)
            ]
        );
        assert!(
            found[0]
                .message
                .starts_with("Trans patient panel gave their lived experience unpaid.")
        );
    }

    #[test]
    fn staff_taking_part_in_work_time_are_not_asked_about() {
        assert!(not_applicable(
            &EngagementLivedExperiencePaid,
            r#"{"title":"t","kind":"service_design","eia":{"engagement":[{"with":"LGBTQ+ staff network","kind":"focus_group","lgbtq_led":true}]}}"#
        ));
    }
}
