//! `workforce-support-routes`: routes to support are named.

use crate::model::Severity;
use crate::rules::workforce::ConceptSpec;
use crate::rules::{Family, StaticMeta, sources};

pub(crate) static WORKFORCE_SUPPORT_ROUTES: ConceptSpec = ConceptSpec {
    meta: StaticMeta {
        id: "workforce-support-routes",
        name: "Routes to support are named",
        family: Family::Workforce,
        severity: Severity::Info,
        advisory: true,
        elements: &["1.3"],
        tags: &["workforce"],
        rationale: "LGBTQ+ staff facing distress, exclusion or conflict from patients or colleagues need to know where to turn. The framework's pilot sites made support visible: freedom to speak up guardians, staff networks, HR and union representatives.",
        source: sources::FRAMEWORK,
        fires: &[
            r#"{"title":"Uniform policy","kind":"workforce_policy","sections":[{"id":"a","text":"Staff wear the uniform provided."}]}"#,
        ],
        passes: &[
            r#"{"title":"Uniform policy","kind":"workforce_policy","sections":[{"id":"a","text":"Concerns can be raised with a Freedom to Speak Up Guardian or a trade union representative."}]}"#,
        ],
    },
    when: &[],
    when_reason: "",
    evidence: &[
        "freedom to speak up",
        "speak up guardian",
        "employee assistance",
        "trade union",
        "union representative",
        "staff side",
        "occupational health",
        "wellbeing service",
        "staff network",
    ],
    engagement_counts: false,
    gap: "The policy does not say where staff can get support or raise a concern. Consider naming the Freedom to Speak Up Guardian, the staff networks and trade union representatives.",
    pass: "the policy names routes to support",
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, paths};
    use crate::rules::workforce::Concept;

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&Concept(&WORKFORCE_SUPPORT_ROUTES));
    }

    #[test]
    fn a_gap_needs_review_on_the_sections() {
        let json = r#"{"title":"Uniform policy","kind":"workforce_policy","sections":[{"id":"a","text":"Staff wear the uniform."}]}"#;
        let found = findings(&Concept(&WORKFORCE_SUPPORT_ROUTES), json);
        assert_eq!(paths(&found), [("/sections", true)]);
    }
}
