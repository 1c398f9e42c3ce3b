//! `partnership-payment-terms`: partners know when and how they are paid.

use crate::model::Draft;
use crate::model::Severity;
use crate::rules::partnership::{AGREEMENT, per_partner};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

pub(crate) struct PartnershipPaymentTerms;

impl StructuralRule for PartnershipPaymentTerms {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "partnership-payment-terms",
            name: "Partners know when and how they are paid",
            family: Family::Partnership,
            severity: Severity::Warning,
            advisory: false,
            elements: &["6.2"],
            tags: &["partnership", "funding"],
            rationale: "Small community groups can run short of money when payment comes late or in a way their structure cannot handle. The National LGBT Partnership's guide asks for clear payment expectations from the start; partners report that monthly payment in advance works, and quarterly payment in arrears is what strains them.",
            source: sources::PARTNERSHIP_GUIDE,
            fires: &[
                r#"{"title":"t","kind":"partnership_agreement","partners":[{"name":"Rainbow Health Collective"}]}"#,
                r#"{"title":"t","kind":"partnership_agreement","partners":[{"name":"Rainbow Health Collective","payment_terms":"Invoices paid quarterly in arrears"}]}"#,
            ],
            passes: &[AGREEMENT],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        per_partner(
            draft,
            "every partner is paid in advance on stated terms",
            |i, partner| {
                let path = format!("/partners/{i}/payment_terms");
                let terms = partner
                    .payment_terms
                    .as_deref()
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_ascii_lowercase);
                let in_advance = |terms: &str| {
                    !terms.contains("arrears")
                        && [
                            "advance",
                            "upfront",
                            "up front",
                            "on signing",
                            "at the start of",
                        ]
                        .iter()
                        .any(|w| terms.contains(w))
                };
                let finding = match terms {
                    None => RawFinding::violation(
                        path,
                        format!(
                            "The agreement does not say when or how {} is paid.",
                            partner.name
                        ),
                    ),
                    Some(terms) if !in_advance(&terms) => RawFinding::review(
                        path,
                        format!(
                            "{} is not paid in advance. Community partners report that monthly payment in advance is what keeps small groups solvent; check these terms with them.",
                            partner.name
                        ),
                    ),
                    Some(_) => return None,
                };
                Some(finding.suggest("Paid monthly in advance"))
            },
        )
    }

    fn evidences(&self) -> &'static [&'static str] {
        // Paying partners in advance on stated terms is what keeps a small
        // LGBTQ+ organisation in a lasting relationship (6.2).
        &["6.2"]
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
        examples_behave(&PartnershipPaymentTerms);
    }

    #[test]
    fn no_terms_is_a_violation_arrears_need_review() {
        let found = findings(
            &PartnershipPaymentTerms,
            r#"{"title":"t","kind":"partnership_agreement","partners":[{"name":"A"},{"name":"B","payment_terms":"Paid in advance, then quarterly in arrears"},{"name":"C","payment_terms":"Paid up front on signing"}]}"#,
        );
        assert_eq!(
            paths(&found),
            [
                ("/partners/0/payment_terms", false),
                ("/partners/1/payment_terms", true)
            ]
        );
        assert_eq!(
            found[0].message,
            "The agreement does not say when or how A is paid."
        );
        assert!(
            found
                .iter()
                .all(|f| f.suggestions == ["Paid monthly in advance"])
        );
    }

    #[test]
    fn a_draft_with_no_partners_is_not_applicable() {
        assert!(not_applicable(
            &PartnershipPaymentTerms,
            r#"{"title":"t","kind":"service_design"}"#
        ));
    }
}
