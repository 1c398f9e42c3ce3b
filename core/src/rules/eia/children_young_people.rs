//! `eia-children-young-people`: children and young people are considered.

use crate::model::Severity;
use crate::model::{Audience, Draft, Group};
use crate::rules::eia::assessment;
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, blank, sources,
};

pub(crate) struct EiaChildrenYoungPeople;

impl StructuralRule for EiaChildrenYoungPeople {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-children-young-people",
            name: "Children and young people considered",
            family: Family::Eia,
            severity: Severity::Warning,
            advisory: false,
            elements: &["5.2"],
            tags: &["eia", "children"],
            rationale: "The framework asks organisations to listen and respond to the needs of LGBTQ+ children and young people, particularly around mental health. When a draft is for children and young people, the assessment should rest on evidence about them and on hearing from them.",
            source: sources::FRAMEWORK,
            fires: &[r#"{"title":"t","kind":"service_design","audience":["children_and_young_people"],"eia":{"groups":[{"group":"age","impact":"neutral"}]}}"#],
            passes: &[r#"{"title":"t","kind":"service_design","audience":["children_and_young_people"],"eia":{"groups":[{"group":"age","impact":"positive","evidence":"CAMHS waiting list data 2025"}],"engagement":[{"with":"Youth LGBTQ+ group","kind":"focus_group","lgbtq_led":true}]}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        if !draft.audience.contains(&Audience::ChildrenAndYoungPeople) {
            return Verdict::NotApplicable("the draft is not for children and young people".into());
        }
        let eia = match assessment(draft) {
            Ok(eia) => eia,
            Err(verdict) => return verdict,
        };
        let mut findings = Vec::new();
        let age_evidence = eia
            .groups
            .iter()
            .any(|g| g.group == Group::Age && !blank(&g.evidence));
        if !age_evidence {
            findings.push(RawFinding::violation(
                "/eia/groups",
                "The draft is for children and young people, but the assessment has no evidence on age. Say what is known about their needs, LGBTQ+ young people's included.",
            ));
        }
        let young = [
            "young", "youth", "children", "camhs", "pupil", "student", "school",
        ];
        let heard = eia.engagement.iter().any(|e| {
            let with = e.with.to_ascii_lowercase();
            young.iter().any(|w| with.contains(w))
        });
        if !heard {
            findings.push(RawFinding::violation(
                "/eia/engagement",
                "The draft is for children and young people, but no engagement with them is recorded.",
            ));
        }
        Verdict::findings(
            findings,
            "children and young people's needs are evidenced and they were heard",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, not_applicable, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&EiaChildrenYoungPeople);
    }

    #[test]
    fn no_age_evidence_and_no_young_voices_are_two_findings() {
        let found = findings(
            &EiaChildrenYoungPeople,
            r#"{"title":"t","kind":"service_design","audience":["children_and_young_people"],"eia":{"engagement":[{"with":"Adult patient panel","kind":"meeting"}]}}"#,
        );
        assert_eq!(
            paths(&found),
            [("/eia/groups", false), ("/eia/engagement", false)]
        );
    }

    #[test]
    fn a_draft_not_for_children_is_not_applicable() {
        assert!(not_applicable(
            &EiaChildrenYoungPeople,
            r#"{"title":"t","kind":"service_design","eia":{}}"#
        ));
    }
}
