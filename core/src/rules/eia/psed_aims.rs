//! `eia-psed-aims`: the three aims of the equality duty are addressed.

use crate::model::Draft;
use crate::model::Severity;
use crate::rules::eia::assessment;
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, blank, sources,
};

pub(crate) struct EiaPsedAims;

impl StructuralRule for EiaPsedAims {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-psed-aims",
            name: "The three aims of the equality duty addressed",
            family: Family::Eia,
            severity: Severity::Warning,
            advisory: false,
            elements: &["3.1"],
            tags: &["eia", "psed"],
            rationale: "Section 149 asks for due regard to three aims: eliminating discrimination, harassment and victimisation; advancing equality of opportunity; and fostering good relations. An assessment should say how the draft serves each.",
            source: sources::PSED,
            fires: &[r#"{"title":"t","kind":"commissioning","eia":{"aims":{"eliminate_discrimination":"Complaints route named"}}}"#],
            passes: &[r#"{"title":"t","kind":"commissioning","eia":{"aims":{"eliminate_discrimination":"a","advance_equality":"b","foster_good_relations":"c"}}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let eia = match assessment(draft) {
            Ok(eia) => eia,
            Err(verdict) => return verdict,
        };
        let aims = [
            (
                "eliminate_discrimination",
                "eliminating discrimination, harassment and victimisation",
                &eia.aims.eliminate_discrimination,
            ),
            (
                "advance_equality",
                "advancing equality of opportunity",
                &eia.aims.advance_equality,
            ),
            (
                "foster_good_relations",
                "fostering good relations",
                &eia.aims.foster_good_relations,
            ),
        ];
        let findings = aims
            .iter()
            .filter(|(_, _, text)| blank(text))
            .map(|(key, words, _)| {
                RawFinding::violation(
                    format!("/eia/aims/{key}"),
                    format!("The assessment does not say how the draft serves the duty's aim of {words}."),
                )
            })
            .collect();
        Verdict::findings(findings, "all three aims of the duty are addressed")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&EiaPsedAims);
    }

    #[test]
    fn each_unaddressed_aim_is_its_own_finding() {
        let found = findings(
            &EiaPsedAims,
            r#"{"title":"t","kind":"commissioning","eia":{"aims":{"eliminate_discrimination":"Complaints route named","advance_equality":"  "}}}"#,
        );
        assert_eq!(
            paths(&found),
            [
                ("/eia/aims/advance_equality", false),
                ("/eia/aims/foster_good_relations", false),
            ]
        );
        assert!(
            found[1]
                .message
                .ends_with("aim of fostering good relations."),
            "{}",
            found[1].message
        );
    }
}
