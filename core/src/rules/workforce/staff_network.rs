//! `workforce-staff-network`: the LGBTQ+ staff network has a place in the policy.

use crate::model::Severity;
use crate::rules::workforce::ConceptSpec;
use crate::rules::{Family, StaticMeta, sources};

pub(crate) static WORKFORCE_STAFF_NETWORK: ConceptSpec = ConceptSpec {
    meta: StaticMeta {
        id: "workforce-staff-network",
        name: "The LGBTQ+ staff network has a place in the policy",
        family: Family::Workforce,
        severity: Severity::Info,
        advisory: true,
        elements: &["1.2"],
        tags: &["workforce"],
        rationale: "The framework asks for an LGBTQ+ staff network connected to decision-making and informing how the organisation works. A workforce policy shows that connection when the network helped shape it, or when the policy points staff to it for advice.",
        source: sources::FRAMEWORK,
        fires: &[
            r#"{"title":"Flexible working policy","kind":"workforce_policy","sections":[{"id":"a","text":"Managers consider every request fairly."}]}"#,
        ],
        passes: &[
            r#"{"title":"Flexible working policy","kind":"workforce_policy","sections":[{"id":"a","text":"The LGBTQ+ staff network reviewed this policy and can advise staff."}]}"#,
        ],
    },
    when: &[],
    when_reason: "",
    evidence: &[
        "staff network",
        "lgbtq+ network",
        "lgbt+ network",
        "rainbow network",
        "pride network",
    ],
    engagement_counts: true,
    gap: "The policy does not mention the LGBTQ+ staff network. Consider asking the network to review it, and pointing staff to it for advice.",
    pass: "the policy involves or signposts the LGBTQ+ staff network",
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings};
    use crate::rules::workforce::Concept;

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&Concept(&WORKFORCE_STAFF_NETWORK));
    }

    #[test]
    fn engagement_with_an_lgbtq_led_group_counts_as_involving_the_network() {
        let json = r#"{"title":"Flexible working policy","kind":"workforce_policy","sections":[{"id":"a","text":"Managers consider every request."}],"eia":{"engagement":[{"with":"Rainbow network","kind":"meeting","lgbtq_led":true}]}}"#;
        assert!(findings(&Concept(&WORKFORCE_STAFF_NETWORK), json).is_empty());
    }
}
