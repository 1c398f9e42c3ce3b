//! `eia-wider-groups`: the NHS's wider groups are considered.

use crate::model::Severity;
use crate::model::{Draft, DraftKind};
use crate::rules::eia::assessment;
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, list, sources,
};

pub(crate) struct EiaWiderGroups;

impl StructuralRule for EiaWiderGroups {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-wider-groups",
            name: "The NHS's wider groups considered",
            family: Family::Eia,
            severity: Severity::Info,
            advisory: true,
            elements: &["3.1"],
            tags: &["eia", "health-inequalities"],
            rationale: "NHS bodies also have health inequalities duties, and NHS equality assessments usually look beyond the nine protected characteristics: carers, people in the most deprived areas (Core20PLUS5), and inclusion health groups. The rule pack sets which groups are expected (by default carers, deprivation and inclusion health groups).",
            source: sources::NHS_INEQUALITIES,
            fires: &[r#"{"title":"t","kind":"service_design","eia":{"groups":[{"group":"carers","impact":"neutral","evidence":"e"}]}}"#],
            passes: &[r#"{"title":"t","kind":"service_design","eia":{"groups":[{"group":"carers","impact":"neutral","evidence":"e"},{"group":"deprivation","impact":"positive","evidence":"e"},{"group":"inclusion_health","impact":"unknown"}]}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, cx: &RuleContext<'_>) -> Verdict {
        // Health inequalities duties are about the people a service serves,
        // not the organisation's own staff.
        if draft.kind == DraftKind::WorkforcePolicy {
            return Verdict::NotApplicable(
                "a workforce policy is assessed for staff, not for health inequalities".into(),
            );
        }
        let eia = match assessment(draft) {
            Ok(eia) => eia,
            Err(verdict) => return verdict,
        };
        if cx.options.wider_groups.is_empty() {
            return Verdict::NotApplicable("the rule pack expects no wider groups".into());
        }
        let missing: Vec<&str> = cx
            .options
            .wider_groups
            .iter()
            .filter(|g| !eia.groups.iter().any(|a| a.group == **g))
            .map(|g| g.label())
            .collect();
        if missing.is_empty() {
            return Verdict::pass("the wider groups the pack expects are assessed");
        }
        let finding = RawFinding::review(
            "/eia/groups",
            format!(
                "The assessment does not consider {}. NHS health inequalities duties usually expect these groups to be considered too.",
                list(&missing)
            ),
        );
        Verdict::findings(vec![finding], "")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PackOptions;
    use crate::rules::testing::{examples_behave, findings, not_applicable, paths, run_with};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&EiaWiderGroups);
    }

    #[test]
    fn names_the_wider_groups_not_assessed() {
        let found = findings(
            &EiaWiderGroups,
            r#"{"title":"t","kind":"service_design","eia":{"groups":[{"group":"carers","impact":"neutral","evidence":"e"}]}}"#,
        );
        assert_eq!(paths(&found), [("/eia/groups", true)]);
        assert!(
            found[0].message.starts_with(
                "The assessment does not consider deprivation and inclusion health groups."
            ),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn workforce_policies_and_packs_expecting_no_groups_are_not_applicable() {
        assert!(not_applicable(
            &EiaWiderGroups,
            r#"{"title":"t","kind":"workforce_policy","eia":{}}"#
        ));
        let options = PackOptions {
            wider_groups: Vec::new(),
            ..PackOptions::default()
        };
        let verdict = run_with(
            &EiaWiderGroups,
            r#"{"title":"t","kind":"service_design","eia":{}}"#,
            &options,
        );
        assert!(matches!(verdict, Verdict::NotApplicable(_)), "{verdict:?}");
    }
}
