//! `workforce-leadership-allyship`: leaders' part in inclusion is stated.

use crate::model::Severity;
use crate::rules::workforce::ConceptSpec;
use crate::rules::{Family, StaticMeta, sources};

pub(crate) static WORKFORCE_LEADERSHIP_ALLYSHIP: ConceptSpec = ConceptSpec {
    meta: StaticMeta {
        id: "workforce-leadership-allyship",
        name: "Leaders' part in inclusion is stated",
        family: Family::Workforce,
        severity: Severity::Info,
        advisory: true,
        elements: &["1.1", "1.4"],
        tags: &["workforce", "leadership"],
        rationale: "The framework asks for visible LGBTQ+ leaders and for leaders who are not LGBTQ+ to model allyship, with staff networks sponsored at executive level. An inclusion or equality policy shows this when it says what senior leaders do, not only what staff do.",
        source: sources::FRAMEWORK,
        fires: &[
            r#"{"title":"Inclusion policy","kind":"workforce_policy","sections":[{"id":"a","text":"This policy sets out our approach to inclusion at work."}]}"#,
        ],
        passes: &[
            r#"{"title":"Inclusion policy","kind":"workforce_policy","sections":[{"id":"a","text":"Our approach to inclusion is led by an executive sponsor who reports to the board."}]}"#,
            r#"{"title":"Annual leave policy","kind":"workforce_policy","sections":[{"id":"a","text":"Staff book annual leave with their manager."}]}"#,
        ],
    },
    when: &[
        "inclusion",
        "inclusive",
        "equality",
        "diversity",
        "lgbtq+",
        "lgbt+",
        "lgbt",
    ],
    when_reason: "the policy's title and headings are not about inclusion or equality",
    evidence: &[
        "executive sponsor",
        "senior leader",
        "senior leaders",
        "board member",
        "board members",
        "ally",
        "allies",
        "allyship",
        "role model",
        "role models",
    ],
    engagement_counts: false,
    gap: "The policy does not say what senior leaders do to make inclusion real. Consider naming the executive sponsor, and how leaders show allyship.",
    pass: "the policy states the part leaders play",
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, not_applicable};
    use crate::rules::workforce::Concept;

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&Concept(&WORKFORCE_LEADERSHIP_ALLYSHIP));
    }

    #[test]
    fn applies_only_to_policies_about_inclusion() {
        let json = r#"{"title":"Annual leave policy","kind":"workforce_policy","sections":[{"id":"a","text":"Book leave."}]}"#;
        assert!(not_applicable(
            &Concept(&WORKFORCE_LEADERSHIP_ALLYSHIP),
            json
        ));
    }
}
