//! `partnership-named-leads`: a named lead on both sides.

use crate::model::Draft;
use crate::model::Severity;
use crate::rules::partnership::{AGREEMENT, per_partner};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, blank, sources,
};

pub(crate) struct PartnershipNamedLeads;

impl StructuralRule for PartnershipNamedLeads {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "partnership-named-leads",
            name: "A named lead on both sides",
            family: Family::Partnership,
            severity: Severity::Warning,
            advisory: false,
            elements: &["6.2"],
            tags: &["partnership"],
            rationale: "A named project lead on each side, with current contact details, is how a small group finds its way around NHS systems and how problems get raised early. The partnership guide recommends it from the start of a project.",
            source: sources::PARTNERSHIP_GUIDE,
            fires: &[r#"{"title":"t","kind":"partnership_agreement","partners":[{"name":"Rainbow Health Collective","partner_lead":"Sam Okafor"}]}"#],
            passes: &[AGREEMENT],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        per_partner(
            draft,
            "each partnership has a named lead on both sides",
            |i, p| {
                let (path, side) = match (blank(&p.partner_lead), blank(&p.our_lead)) {
                    (false, false) => return None,
                    (true, true) => (format!("/partners/{i}"), "either side".to_owned()),
                    (true, false) => (
                        format!("/partners/{i}/partner_lead"),
                        format!("{}'s side", p.name),
                    ),
                    (false, true) => (format!("/partners/{i}/our_lead"), "our side".to_owned()),
                };
                Some(RawFinding::violation(
                    path,
                    format!(
                        "The partnership with {} has no named lead on {side}.",
                        p.name
                    ),
                ))
            },
        )
    }

    fn evidences(&self) -> &'static [&'static str] {
        // A named lead on both sides is a relationship, not a transaction (6.2).
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
        examples_behave(&PartnershipNamedLeads);
    }

    #[test]
    fn says_which_side_has_no_lead() {
        let found = findings(
            &PartnershipNamedLeads,
            r#"{"title":"t","kind":"partnership_agreement","partners":[{"name":"A","partner_lead":"Sam"},{"name":"B","our_lead":"Jo"},{"name":"C"}]}"#,
        );
        assert_eq!(
            paths(&found),
            [
                ("/partners/0/our_lead", false),
                ("/partners/1/partner_lead", false),
                ("/partners/2", false),
            ]
        );
        assert_eq!(
            found[0].message,
            "The partnership with A has no named lead on our side."
        );
        assert_eq!(
            found[1].message,
            "The partnership with B has no named lead on B's side."
        );
        assert_eq!(
            found[2].message,
            "The partnership with C has no named lead on either side."
        );
    }
}
