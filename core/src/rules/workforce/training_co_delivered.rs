//! `workforce-training-co-delivered`: training is co-delivered with LGBTQ+ people.

use crate::model::Severity;
use crate::rules::workforce::ConceptSpec;
use crate::rules::{Family, StaticMeta, sources};

pub(crate) static WORKFORCE_TRAINING_CO_DELIVERED: ConceptSpec = ConceptSpec {
    meta: StaticMeta {
        id: "workforce-training-co-delivered",
        name: "Training co-delivered with LGBTQ+ people",
        family: Family::Workforce,
        severity: Severity::Info,
        advisory: true,
        elements: &["2.1"],
        tags: &["workforce", "training"],
        rationale: "Staff need to understand the specific needs of LGBTQ+ people and the inequalities they face, trans people especially. The partnership guide's first tip is to commission inclusion training from LGBTQ+ groups; training led by LGBTQ+ people carries what a slide deck cannot.",
        source: sources::PARTNERSHIP_GUIDE,
        fires: &[
            r#"{"title":"Induction policy","kind":"workforce_policy","sections":[{"id":"a","text":"All new starters complete equality and diversity training."}]}"#,
        ],
        passes: &[
            r#"{"title":"Induction policy","kind":"workforce_policy","sections":[{"id":"a","text":"All new starters complete equality training co-delivered with a local LGBTQ+ organisation."}]}"#,
        ],
    },
    when: &["training", "learning", "induction", "development"],
    when_reason: "no heading of the policy is about training",
    evidence: &[
        "co-delivered",
        "co-deliver",
        "co-designed",
        "lived experience",
        "lgbtq+ organisation",
        "lgbtq+ organisations",
        "lgbtq+ group",
        "lgbt+ organisation",
        "led by lgbtq+",
        "led by trans",
    ],
    engagement_counts: false,
    gap: "The policy covers training but not who delivers it. Consider commissioning or co-delivering it with LGBTQ+ organisations or staff with lived experience.",
    pass: "training is co-delivered with LGBTQ+ people",
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, not_applicable};
    use crate::rules::workforce::Concept;

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&Concept(&WORKFORCE_TRAINING_CO_DELIVERED));
    }

    #[test]
    fn applies_only_where_a_heading_is_about_training() {
        let json = r#"{"title":"Uniform policy","kind":"workforce_policy","sections":[{"id":"a","text":"Training is provided."}]}"#;
        assert!(not_applicable(
            &Concept(&WORKFORCE_TRAINING_CO_DELIVERED),
            json
        ));
    }
}
