//! `partnership-decision-process`: an agreed, shared way to make decisions.

use crate::model::Draft;
use crate::model::Severity;
use crate::rules::partnership::{AGREEMENT, per_partner};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

pub(crate) struct PartnershipDecisionProcess;

impl StructuralRule for PartnershipDecisionProcess {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "partnership-decision-process",
            name: "An agreed way to make decisions",
            family: Family::Partnership,
            severity: Severity::Warning,
            advisory: false,
            elements: &["6.1"],
            tags: &["partnership"],
            rationale: "Partners who cannot shape key decisions are being consulted, not working in partnership. The guide recommends agreeing at the start how decisions and edits to materials are made, so both sides contribute and disagreements have a route.",
            source: sources::PARTNERSHIP_GUIDE,
            fires: &[r#"{"title":"t","kind":"partnership_agreement","partners":[{"name":"Rainbow Health Collective"}]}"#],
            passes: &[AGREEMENT],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        const SHARED: [&str; 11] = [
            "joint",
            "jointly",
            "both",
            "agree",
            "agreed",
            "agreement",
            "consensus",
            "co-chair",
            "together",
            "shared",
            "each partner",
        ];
        per_partner(
            draft,
            "each partnership has an agreed, shared decision process",
            |i, p| {
                let path = format!("/partners/{i}/decision_process");
                match p.decision_process.as_deref().map(str::trim) {
                    None | Some("") => Some(RawFinding::violation(
                        path,
                        format!(
                            "The agreement does not say how decisions are made with {}. Agree how both sides contribute to key decisions and edits.",
                            p.name
                        ),
                    )),
                    Some(process) => {
                        let lower = process.to_lowercase();
                        (!SHARED.iter().any(|w| lower.contains(w))).then(|| {
                        RawFinding::review(
                            path,
                            format!("The decision process does not say how {} shares in decisions. Check that both sides can shape key decisions, not only be consulted.", p.name),
                        )
                    })
                    }
                }
            },
        )
    }

    fn evidences(&self) -> &'static [&'static str] {
        // Partners who share in decisions shape what is designed or commissioned
        // (6.1); checked per partner, so it needs a partner to pass.
        &["6.1"]
    }

    fn evidence_at(&self) -> Option<&'static str> {
        Some("/partners")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&PartnershipDecisionProcess);
    }

    #[test]
    fn a_one_sided_process_needs_review() {
        let found = findings(
            &PartnershipDecisionProcess,
            r#"{"title":"t","kind":"partnership_agreement","partners":[{"name":"A","decision_process":"The trust board decides"},{"name":"B","decision_process":"  "}]}"#,
        );
        assert_eq!(
            paths(&found),
            [
                ("/partners/0/decision_process", true),
                ("/partners/1/decision_process", false),
            ]
        );
    }
}
