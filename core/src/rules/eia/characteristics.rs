//! `eia-characteristics`: every protected characteristic is assessed.

use crate::model::Severity;
use crate::model::{Draft, DraftKind, Group};
use crate::rules::eia::assessment;
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, list, sources,
    sources::further,
};

pub(crate) struct EiaCharacteristics;

impl StructuralRule for EiaCharacteristics {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-characteristics",
            name: "Every protected characteristic assessed",
            family: Family::Eia,
            severity: Severity::Error,
            advisory: false,
            elements: &["3.1"],
            tags: &["eia", "psed"],
            rationale: "The duty covers the protected characteristics, and a characteristic left out of the assessment is one nobody considered; gender reassignment and sexual orientation are the two most often skipped. Marriage and civil partnership is the exception: section 149(7) leaves it out of the duty except for its first aim, eliminating discrimination, which matters mainly in employment. So a workforce policy is asked to assess it, and a service or patient-facing draft is not blocked for leaving it out.",
            source: sources::PROTECTED,
            fires: &[r#"{"title":"t","kind":"workforce_policy","eia":{"groups":[{"group":"age","impact":"neutral","evidence":"Staff survey 2025"}]}}"#],
            passes: &[
                r#"{"title":"t","kind":"workforce_policy","eia":{"groups":[
                {"group":"age","impact":"neutral"},{"group":"disability","impact":"neutral"},
                {"group":"gender_reassignment","impact":"neutral"},{"group":"marriage_and_civil_partnership","impact":"neutral"},
                {"group":"pregnancy_and_maternity","impact":"neutral"},{"group":"race","impact":"neutral"},
                {"group":"religion_or_belief","impact":"neutral"},{"group":"sex","impact":"neutral"},
                {"group":"sexual_orientation","impact":"neutral"}]}}"#,
                r#"{"title":"t","kind":"service_design","eia":{"groups":[
                {"group":"age","impact":"neutral"},{"group":"disability","impact":"neutral"},
                {"group":"gender_reassignment","impact":"neutral"},
                {"group":"pregnancy_and_maternity","impact":"neutral"},{"group":"race","impact":"neutral"},
                {"group":"religion_or_belief","impact":"neutral"},{"group":"sex","impact":"neutral"},
                {"group":"sexual_orientation","impact":"neutral"}]}}"#],
        }
        .to_meta()
        .citing(&[further::S149_7])
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let eia = match assessment(draft) {
            Ok(eia) => eia,
            Err(verdict) => return verdict,
        };
        // Section 149(7): marriage and civil partnership counts only for the
        // first aim, which matters mainly for staff.
        let employment = draft.kind == DraftKind::WorkforcePolicy;
        let missing: Vec<&str> = Group::PROTECTED
            .iter()
            .filter(|g| employment || **g != Group::MarriageAndCivilPartnership)
            .filter(|g| !eia.groups.iter().any(|a| a.group == **g))
            .map(|g| g.label())
            .collect();
        if missing.is_empty() {
            let assessed_mcp = eia
                .groups
                .iter()
                .any(|a| a.group == Group::MarriageAndCivilPartnership);
            return Verdict::pass(if employment || assessed_mcp {
                "all nine protected characteristics are assessed"
            } else {
                "the eight characteristics the duty's three aims cover are assessed (marriage and civil partnership counts only for eliminating discrimination, s.149(7), mainly in employment)"
            });
        }
        let mut message = format!(
            "The assessment does not consider {}. Add {} with an impact and the evidence for it.",
            list(&missing),
            if missing.len() == 1 { "it" } else { "each" }
        );
        if missing.contains(&Group::MarriageAndCivilPartnership.label()) {
            message.push_str(" For a workforce policy, marriage and civil partnership counts for the duty's first aim, eliminating discrimination (s.149(7)).");
        }
        Verdict::findings(vec![RawFinding::violation("/eia/groups", message)], "")
    }

    fn evidences(&self) -> &'static [&'static str] {
        // An assessment that weighs all nine characteristics, gender reassignment and
        // sexual orientation included, is how a draft shows LGBTQ+ needs were
        // considered (3.1). It passes only when the nine rows are there.
        &["3.1"]
    }

    fn evidence_at(&self) -> Option<&'static str> {
        Some("/eia/groups")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, run};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&EiaCharacteristics);
    }

    #[test]
    fn names_every_missing_characteristic_in_one_finding() {
        let found = findings(
            &EiaCharacteristics,
            r#"{"title":"t","kind":"workforce_policy","eia":{"groups":[{"group":"age","impact":"neutral"}]}}"#,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, "/eia/groups");
        assert!(
            found[0]
                .message
                .starts_with("The assessment does not consider disability, gender reassignment, "),
            "{}",
            found[0].message
        );
        assert!(
            found[0]
                .message
                .contains("religion or belief, sex and sexual orientation. Add each")
        );
    }

    #[test]
    fn one_missing_characteristic_is_named_alone() {
        let groups: Vec<String> = crate::model::Group::PROTECTED
            .iter()
            .filter(|g| **g != crate::model::Group::SexualOrientation)
            .map(|g| {
                format!(
                    r#"{{"group":"{}","impact":"neutral"}}"#,
                    g.label().replace(' ', "_")
                )
            })
            .collect();
        let json = format!(
            r#"{{"title":"t","kind":"workforce_policy","eia":{{"groups":[{}]}}}}"#,
            groups.join(",")
        );
        let found = findings(&EiaCharacteristics, &json);
        assert_eq!(
            found[0].message,
            "The assessment does not consider sexual orientation. Add it with an impact and the evidence for it."
        );
    }

    #[test]
    fn marriage_and_civil_partnership_is_asked_of_workforce_policies_only() {
        let eight: Vec<String> = crate::model::Group::PROTECTED
            .iter()
            .filter(|g| **g != crate::model::Group::MarriageAndCivilPartnership)
            .map(|g| {
                format!(
                    r#"{{"group":"{}","impact":"neutral"}}"#,
                    g.label().replace(' ', "_")
                )
            })
            .collect();
        let draft = |kind: &str| {
            format!(
                r#"{{"title":"t","kind":"{kind}","eia":{{"groups":[{}]}}}}"#,
                eight.join(",")
            )
        };
        for kind in ["service_design", "clinical_policy", "commissioning"] {
            match run(&EiaCharacteristics, &draft(kind)) {
                Verdict::Checked {
                    findings,
                    pass_reason,
                } => {
                    assert!(findings.is_empty(), "{kind}: {findings:?}");
                    assert!(pass_reason.contains("s.149(7)"), "{pass_reason}");
                }
                other => panic!("{other:?}"),
            }
        }
        let found = findings(&EiaCharacteristics, &draft("workforce_policy"));
        assert!(
            found[0]
                .message
                .starts_with("The assessment does not consider marriage and civil partnership."),
            "{}",
            found[0].message
        );
        assert!(found[0].message.contains("s.149(7)"));
    }

    #[test]
    fn without_an_assessment_it_points_to_eia_present() {
        match run(
            &EiaCharacteristics,
            r#"{"title":"t","kind":"workforce_policy"}"#,
        ) {
            Verdict::NotApplicable(why) => assert!(why.contains("eia-present"), "{why}"),
            other => panic!("{other:?}"),
        }
    }
}
