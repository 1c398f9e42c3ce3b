//! Which NHS Equality Delivery System 2022 domains each built-in rule's
//! findings speak to, so an organisation can file them as EDS evidence.
//! Mapped by domain (Domain 1 commissioned or provided services, Domain 2
//! workforce health and well-being, Domain 3 inclusive leadership); EDS's
//! outcome-level wording was not re-read, so no rule claims an outcome.

use crate::model::EdsDomain::{self, InclusiveLeadership, Services, WorkforceHealthAndWellbeing};
use crate::rules::{Family, RuleMeta};

/// The domains of a built-in rule, by id where it differs from its family.
pub(crate) fn builtin_domains(meta: &RuleMeta) -> Vec<EdsDomain> {
    let by_id: &[EdsDomain] = match meta.id.as_str() {
        "eia-before-decision" | "eia-sign-off-review" => &[InclusiveLeadership, Services],
        "workforce-leadership-allyship" => &[InclusiveLeadership, WorkforceHealthAndWellbeing],
        "services-accommodation-gender-identity" => &[Services, WorkforceHealthAndWellbeing],
        "policy-facilities-services-code" => &[WorkforceHealthAndWellbeing],
        "term-trans-slurs" | "term-slurs" | "term-slur-quoted" | "term-disability-offensive" => {
            &[Services, WorkforceHealthAndWellbeing]
        }
        _ => match meta.family {
            Family::Workforce => &[WorkforceHealthAndWellbeing],
            Family::Waivers => &[],
            Family::Language
            | Family::Eia
            | Family::DataCollection
            | Family::Services
            | Family::Partnership
            | Family::ActionPlans => &[Services],
        },
    };
    by_id.to_vec()
}
