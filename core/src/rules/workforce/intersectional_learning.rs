//! `workforce-intersectional-learning`: learning is safe and intersectional.

use crate::model::Severity;
use crate::rules::workforce::ConceptSpec;
use crate::rules::{Family, StaticMeta, sources};

pub(crate) static WORKFORCE_INTERSECTIONAL_LEARNING: ConceptSpec = ConceptSpec {
    meta: StaticMeta {
        id: "workforce-intersectional-learning",
        name: "Learning that is safe and intersectional",
        family: Family::Workforce,
        severity: Severity::Info,
        advisory: true,
        elements: &["2.2"],
        tags: &["workforce", "training"],
        rationale: "The framework asks for a safe space where staff can learn and ask questions, particularly where protected characteristics intersect; its pilot sites ran LGBTQ+ training alongside anti-racism training.",
        source: sources::FRAMEWORK,
        fires: &[
            r#"{"title":"Induction policy","kind":"workforce_policy","sections":[{"id":"a","text":"All new starters complete LGBTQ+ awareness training."}]}"#,
        ],
        passes: &[
            r#"{"title":"Induction policy","kind":"workforce_policy","sections":[{"id":"a","text":"LGBTQ+ awareness training runs alongside anti-racism training, in a safe space to ask questions."}]}"#,
        ],
    },
    when: &["training", "learning", "induction", "development"],
    when_reason: "no heading of the policy is about training",
    evidence: &[
        "anti-racism",
        "anti-racist",
        "intersectional",
        "intersectionality",
        "intersect",
        "safe space",
        "ask questions",
    ],
    engagement_counts: false,
    gap: "The policy covers training but not whether it is intersectional or a safe place to ask questions. Consider running LGBTQ+ learning alongside anti-racism learning.",
    pass: "learning is intersectional and safe to ask questions in",
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, not_applicable};
    use crate::rules::workforce::Concept;

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&Concept(&WORKFORCE_INTERSECTIONAL_LEARNING));
    }

    #[test]
    fn other_kinds_of_draft_are_not_applicable() {
        let json = r#"{"title":"Training plan","kind":"service_design","sections":[{"id":"a","text":"t"}]}"#;
        assert!(not_applicable(
            &Concept(&WORKFORCE_INTERSECTIONAL_LEARNING),
            json
        ));
    }
}
