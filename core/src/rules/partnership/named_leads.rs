//! `partnership-named-leads`: a named lead on both sides.

use crate::model::Draft;
use crate::pack::Severity;
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
}
