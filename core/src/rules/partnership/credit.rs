//! `partnership-credit`: partners are credited, not co-opted.

use crate::model::Draft;
use crate::model::Severity;
use crate::rules::partnership::{AGREEMENT, per_partner};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, blank, sources,
};

pub(crate) struct PartnershipCredit;

impl StructuralRule for PartnershipCredit {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "partnership-credit",
            name: "Partners credited, not co-opted",
            family: Family::Partnership,
            severity: Severity::Warning,
            advisory: false,
            elements: &["6.2"],
            tags: &["partnership"],
            rationale: "Community groups describe having their name kept on work whose substance was removed, so that it looked co-produced. Saying in the agreement how the partner's contribution is credited, and that it is not used without their agreement, protects the relationship the framework asks organisations to foster.",
            source: sources::PARTNERSHIP_GUIDE,
            fires: &[r#"{"title":"t","kind":"partnership_agreement","partners":[{"name":"Rainbow Health Collective"}]}"#],
            passes: &[AGREEMENT],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        per_partner(draft, "each partner's contribution is credited", |i, p| {
            blank(&p.credit).then(|| {
                RawFinding::violation(
                    format!("/partners/{i}/credit"),
                    format!("The agreement does not say how {}'s contribution is credited. Record how they are named, and that their name is not used on work they have not agreed.", p.name),
                )
            })
        })
    }

    fn evidences(&self) -> &'static [&'static str] {
        // Credit, not co-option, is how a relationship lasts (6.2).
        &["6.2"]
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
        examples_behave(&PartnershipCredit);
    }

    #[test]
    fn names_the_partner_whose_credit_is_missing() {
        let found = findings(
            &PartnershipCredit,
            r#"{"title":"t","kind":"partnership_agreement","partners":[{"name":"A","credit":"Named on all materials"},{"name":"B"}]}"#,
        );
        assert_eq!(paths(&found), [("/partners/1/credit", false)]);
        assert!(
            found[0]
                .message
                .starts_with("The agreement does not say how B's contribution is credited.")
        );
    }
}
