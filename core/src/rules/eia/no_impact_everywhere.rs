//! `eia-no-impact-everywhere`: an assessment that says "no impact" for
//! every characteristic, with nothing behind it.

use crate::model::{Draft, Group, Impact, Severity};
use crate::rules::eia::assessment;
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

pub(crate) struct EiaNoImpactEverywhere;

/// Evidence that says nothing beyond the judgement itself.
fn says_nothing(evidence: Option<&str>) -> bool {
    let Some(text) = evidence else { return true };
    let plain: String = text
        .to_ascii_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ' || *c == '/')
        .collect();
    let plain = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    plain.is_empty()
        || [
            "no impact",
            "no impact identified",
            "no impacts identified",
            "no known impact",
            "no differential impact",
            "none",
            "none identified",
            "none known",
            "n/a",
            "na",
            "not applicable",
            "nil",
            "no evidence",
            "neutral",
            "no effect",
        ]
        .contains(&plain.as_str())
}

impl StructuralRule for EiaNoImpactEverywhere {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-no-impact-everywhere",
            name: "\"No impact\" for every characteristic, without evidence",
            family: Family::Eia,
            severity: Severity::Warning,
            advisory: false,
            elements: &["3.1", "2.1"],
            tags: &["eia", "evidence"],
            rationale: "An assessment that finds no impact on any characteristic, and gives nothing but \"no impact\", \"N/A\" or \"none\" for each, is the box-ticking the courts warn against: due regard is paid with rigour and an open mind, on the specific likely impacts. A draft worth assessing usually affects some group differently; if it truly does not, say what shows it.",
            source: sources::BROWN,
            fires: &[r#"{"title":"t","kind":"clinical_policy","eia":{"groups":[
                {"group":"age","impact":"neutral","evidence":"No impact"},{"group":"disability","impact":"neutral","evidence":"N/A"},
                {"group":"gender_reassignment","impact":"neutral","evidence":"None"},{"group":"pregnancy_and_maternity","impact":"neutral"},
                {"group":"race","impact":"neutral","evidence":"No impact."},{"group":"religion_or_belief","impact":"neutral","evidence":"none identified"},
                {"group":"sex","impact":"neutral","evidence":"No impact"},{"group":"sexual_orientation","impact":"neutral","evidence":"No impact"}]}}"#],
            passes: &[r#"{"title":"t","kind":"clinical_policy","eia":{"groups":[
                {"group":"age","impact":"neutral","evidence":"No impact"},{"group":"disability","impact":"positive","evidence":"Easy-read version agreed with the disability network"},
                {"group":"gender_reassignment","impact":"neutral","evidence":"None"},{"group":"pregnancy_and_maternity","impact":"neutral"},
                {"group":"race","impact":"neutral","evidence":"No impact"},{"group":"religion_or_belief","impact":"neutral","evidence":"none identified"},
                {"group":"sex","impact":"neutral","evidence":"No impact"},{"group":"sexual_orientation","impact":"neutral","evidence":"No impact"}]}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let eia = match assessment(draft) {
            Ok(eia) => eia,
            Err(verdict) => return verdict,
        };
        let protected: Vec<_> = eia
            .groups
            .iter()
            .filter(|g| Group::PROTECTED.contains(&g.group))
            .collect();
        if protected.len() < 5 {
            return Verdict::NotApplicable(
                "the assessment covers too few characteristics to judge (see eia-characteristics)"
                    .into(),
            );
        }
        let blanket = protected
            .iter()
            .all(|g| g.impact == Impact::Neutral && says_nothing(g.evidence.as_deref()));
        if !blanket {
            return Verdict::pass("the assessment finds or evidences an impact somewhere");
        }
        Verdict::findings(
            vec![RawFinding::violation(
                "/eia/groups",
                format!(
                    "The assessment records no impact for all {} characteristics it covers, with no evidence beyond \"no impact\" or \"N/A\". Say what each judgement rests on (data, research, what people told you), or what is missing and how you will find it.",
                    protected.len()
                ),
            )],
            "",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::examples_behave;

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&EiaNoImpactEverywhere);
    }

    #[test]
    fn boilerplate_says_nothing_and_a_reason_does() {
        for text in [
            None,
            Some(""),
            Some("No impact."),
            Some("N/A"),
            Some("None identified"),
        ] {
            assert!(says_nothing(text), "{text:?}");
        }
        assert!(!says_nothing(Some(
            "Staff survey 2025 shows no difference by age"
        )));
    }
}
