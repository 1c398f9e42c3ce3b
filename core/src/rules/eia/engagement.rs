//! `eia-engagement`: the people affected are engaged, LGBTQ+ voices included.

use crate::model::Draft;
use crate::model::Severity;
use crate::rules::eia::assessment;
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

pub(crate) struct EiaEngagement;

impl StructuralRule for EiaEngagement {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-engagement",
            name: "People affected engaged, LGBTQ+ voices included",
            family: Family::Eia,
            severity: Severity::Warning,
            advisory: false,
            elements: &["5.1", "6.1"],
            tags: &["eia", "co-production"],
            rationale: "The framework asks that LGBTQ+ voices are included when services are designed and commissioned. An assessment with no engagement, or with none led by LGBTQ+ people, is judging the impact on people it has not asked.",
            source: sources::FRAMEWORK,
            fires: &[
                r#"{"title":"t","kind":"service_design","eia":{"assessor":"a"}}"#,
                r#"{"title":"t","kind":"service_design","eia":{"engagement":[{"with":"Patient panel","kind":"meeting"}]}}"#,
            ],
            passes: &[r#"{"title":"t","kind":"service_design","eia":{"engagement":[{"with":"Local LGBTQ+ health collective","kind":"co_production","lgbtq_led":true}]}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let eia = match assessment(draft) {
            Ok(eia) => eia,
            Err(verdict) => return verdict,
        };
        if eia.engagement.is_empty() {
            let finding = RawFinding::violation(
                "/eia/engagement",
                "No engagement is recorded. Record who was asked, how and when, including an LGBTQ+ group or network.",
            );
            return Verdict::findings(vec![finding], "");
        }
        if !eia.engagement.iter().any(|e| e.lgbtq_led) {
            let finding = RawFinding::violation(
                "/eia/engagement",
                "None of the engagement recorded was with an LGBTQ+-led group. Ask the LGBTQ+ staff network or a local LGBTQ+ organisation.",
            );
            return Verdict::findings(vec![finding], "");
        }
        Verdict::pass("engagement is recorded, including with an LGBTQ+-led group")
    }

    fn evidences(&self) -> &'static [&'static str] {
        // Engagement recorded with an LGBTQ+-led group is LGBTQ+ voices included
        // (5.1). Not 6.1: an engagement record does not show a community
        // organisation's knowledge shaping the design; partnership rules do.
        &["5.1"]
    }

    fn evidence_at(&self) -> Option<&'static str> {
        Some("/eia/engagement")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&EiaEngagement);
    }

    #[test]
    fn no_engagement_and_no_lgbtq_led_engagement_say_different_things() {
        let none = findings(
            &EiaEngagement,
            r#"{"title":"t","kind":"service_design","eia":{"assessor":"a"}}"#,
        );
        assert_eq!(paths(&none), [("/eia/engagement", false)]);
        assert!(none[0].message.starts_with("No engagement is recorded."));
        let not_led = findings(
            &EiaEngagement,
            r#"{"title":"t","kind":"service_design","eia":{"engagement":[{"with":"Patient panel","kind":"meeting"}]}}"#,
        );
        assert!(
            not_led[0]
                .message
                .starts_with("None of the engagement recorded was with an LGBTQ+-led group."),
            "{}",
            not_led[0].message
        );
    }
}
