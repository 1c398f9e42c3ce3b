//! Partnership rules (framework elements 6.1 and 6.2, and the tips in the
//! National LGBT Partnership's 2025 guide): how an agreement with a community
//! organisation pays, names, decides, credits and protects its partner.
//!
//! One file per rule: `partnership-payment-terms` is `payment_terms.rs`.

mod backlash_plan;
mod credit;
mod decision_process;
mod named_leads;
mod partners_named;
mod payment_terms;

pub(crate) use backlash_plan::PartnershipBacklashPlan;
pub(crate) use credit::PartnershipCredit;
pub(crate) use decision_process::PartnershipDecisionProcess;
pub(crate) use named_leads::PartnershipNamedLeads;
pub(crate) use partners_named::PartnershipPartnersNamed;
pub(crate) use payment_terms::PartnershipPaymentTerms;

use crate::model::{Draft, DraftKind, Partner};
use crate::rules::{RawFinding, Verdict};

/// The partners, or why partnership rules do not apply.
fn partners(draft: &Draft) -> Result<&[Partner], Verdict> {
    if draft.partners.is_empty() {
        return Err(Verdict::NotApplicable(
            if draft.kind == DraftKind::PartnershipAgreement {
                "the agreement names no partner yet (see partnership-partners-named)".into()
            } else {
                "the draft names no community partners".into()
            },
        ));
    }
    Ok(&draft.partners)
}

/// Runs `check` on each partner (at most one finding each), or says why the
/// rule does not apply.
fn per_partner(
    draft: &Draft,
    pass: &str,
    check: impl Fn(usize, &Partner) -> Option<RawFinding>,
) -> Verdict {
    match partners(draft) {
        Ok(list) => {
            let findings = list
                .iter()
                .enumerate()
                .filter_map(|(i, p)| check(i, p))
                .collect();
            Verdict::findings(findings, pass)
        }
        Err(verdict) => verdict,
    }
}

/// An agreement every partnership rule passes: the example most rules give.
const AGREEMENT: &str = r#"{"title":"Outreach partnership","kind":"partnership_agreement","partners":[{"name":"Rainbow Health Collective","lgbtq_led":true,"partner_lead":"Sam Okafor, director","our_lead":"Head of sexual health","payment_terms":"Paid monthly in advance","decision_process":"Joint steering group; changes agreed by both leads","credit":"Named as co-designer on all materials"}],"sections":[{"id":"risk","text":"If the project attracts anti-LGBTQ+ backlash we will agree a safety plan and a joint communications plan."}]}"#;
