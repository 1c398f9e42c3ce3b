//! `eia-characteristics`: every protected characteristic is assessed.

use crate::model::Severity;
use crate::model::{Draft, Group};
use crate::rules::eia::assessment;
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, list, sources,
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
            rationale: "The duty covers all nine protected characteristics. A characteristic left out of the assessment is one nobody considered, and gender reassignment and sexual orientation are the two most often skipped.",
            source: sources::PROTECTED,
            fires: &[r#"{"title":"t","kind":"workforce_policy","eia":{"groups":[{"group":"age","impact":"neutral","evidence":"Staff survey 2025"}]}}"#],
            passes: &[r#"{"title":"t","kind":"workforce_policy","eia":{"groups":[
                {"group":"age","impact":"neutral"},{"group":"disability","impact":"neutral"},
                {"group":"gender_reassignment","impact":"neutral"},{"group":"marriage_and_civil_partnership","impact":"neutral"},
                {"group":"pregnancy_and_maternity","impact":"neutral"},{"group":"race","impact":"neutral"},
                {"group":"religion_or_belief","impact":"neutral"},{"group":"sex","impact":"neutral"},
                {"group":"sexual_orientation","impact":"neutral"}]}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let eia = match assessment(draft) {
            Ok(eia) => eia,
            Err(verdict) => return verdict,
        };
        let missing: Vec<&str> = Group::PROTECTED
            .iter()
            .filter(|g| !eia.groups.iter().any(|a| a.group == **g))
            .map(|g| g.label())
            .collect();
        if missing.is_empty() {
            return Verdict::pass("all nine protected characteristics are assessed");
        }
        let message = format!(
            "The assessment does not consider {}. Add {} with an impact and the evidence for it.",
            list(&missing),
            if missing.len() == 1 { "it" } else { "each" }
        );
        Verdict::findings(vec![RawFinding::violation("/eia/groups", message)], "")
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
