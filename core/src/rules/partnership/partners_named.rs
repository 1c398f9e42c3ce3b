//! `partnership-partners-named`: a partnership agreement names its partners.

use crate::model::Severity;
use crate::model::{Draft, DraftKind};
use crate::rules::partnership::AGREEMENT;
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

pub(crate) struct PartnershipPartnersNamed;

impl StructuralRule for PartnershipPartnersNamed {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "partnership-partners-named",
            name: "A partnership agreement names its partners",
            family: Family::Partnership,
            severity: Severity::Error,
            advisory: false,
            elements: &["6.1"],
            tags: &["partnership"],
            rationale: "The framework asks organisations to use the knowledge and reach of community organisations when they design or commission services. An agreement that does not record who the partner is cannot show that, and the other partnership checks have nothing to read.",
            source: sources::FRAMEWORK,
            fires: &[r#"{"title":"Outreach partnership","kind":"partnership_agreement"}"#],
            passes: &[AGREEMENT],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        if draft.kind != DraftKind::PartnershipAgreement {
            return Verdict::NotApplicable("the draft is not a partnership agreement".into());
        }
        if draft.partners.is_empty() {
            let finding = RawFinding::violation(
                "/partners",
                "The agreement names no partner organisation. Record each partner, whether it is LGBTQ+-led, and its lead.",
            );
            return Verdict::findings(vec![finding], "");
        }
        Verdict::pass("the agreement names its community partners")
    }

    fn evidences(&self) -> &'static [&'static str] {
        // An agreement naming its community partners shows their reach being
        // used (6.1); with the shared decision process, their knowledge too.
        &["6.1"]
    }

    fn evidence_at(&self) -> Option<&'static str> {
        Some("/partners")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, not_applicable, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&PartnershipPartnersNamed);
    }

    #[test]
    fn an_agreement_without_partners_is_an_error_at_partners() {
        let found = findings(
            &PartnershipPartnersNamed,
            r#"{"title":"Outreach partnership","kind":"partnership_agreement"}"#,
        );
        assert_eq!(paths(&found), [("/partners", false)]);
    }

    #[test]
    fn other_kinds_of_draft_are_not_applicable() {
        assert!(not_applicable(
            &PartnershipPartnersNamed,
            r#"{"title":"t","kind":"service_design"}"#
        ));
    }
}
