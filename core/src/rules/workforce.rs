//! Workforce rules (framework elements 1.1 to 1.4, 2.1 and 2.2) for workforce
//! policies: the staff network, routes to support, visible leadership and
//! allyship, and training co-delivered with LGBTQ+ organisations.
//!
//! These look for what a policy says, so they are advisory: a missing mention
//! is something to consider, not an error.

use crate::model::Severity;
use crate::model::{Draft, DraftKind};
use crate::rules::{
    RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};
use crate::text::is_whole_word;

pub(crate) fn rules() -> Vec<Box<dyn StructuralRule>> {
    vec![
        Box::new(Concept(&STAFF_NETWORK)),
        Box::new(Concept(&SUPPORT_ROUTES)),
        Box::new(Concept(&LEADERSHIP)),
        Box::new(Concept(&TRAINING_CO_DELIVERED)),
        Box::new(Concept(&INTERSECTIONAL_LEARNING)),
    ]
}

/// Whether any section heading or text mentions one of `phrases` as whole words.
fn mentions_any(draft: &Draft, phrases: &[&str]) -> bool {
    draft.sections.iter().any(|s| {
        [&s.heading, &s.text].into_iter().any(|text| {
            let lower = text.to_lowercase();
            phrases.iter().any(|p| {
                lower
                    .match_indices(p)
                    .any(|(i, m)| is_whole_word(&lower, i, i + m.len()))
            })
        })
    })
}

/// Whether the title or a section heading mentions one of `phrases`.
fn about(draft: &Draft, phrases: &[&str]) -> bool {
    let mut headings = draft.title.to_lowercase();
    for section in &draft.sections {
        headings.push('\n');
        headings.push_str(&section.heading.to_lowercase());
    }
    phrases.iter().any(|p| {
        headings
            .match_indices(p)
            .any(|(i, m)| is_whole_word(&headings, i, i + m.len()))
    })
}

/// A workforce rule: in a workforce policy (whose title or headings mention
/// `when`, if given), look for any of `evidence`; without it, a needs-review finding.
struct ConceptSpec {
    meta: StaticMeta,
    /// The rule applies only if the title or a heading mentions one of these
    /// (empty: always): what the policy is about, not every passing mention.
    when: &'static [&'static str],
    when_reason: &'static str,
    evidence: &'static [&'static str],
    /// Engagement with an LGBTQ+-led group also counts as evidence.
    engagement_counts: bool,
    gap: &'static str,
    pass: &'static str,
}

struct Concept(&'static ConceptSpec);

impl StructuralRule for Concept {
    fn meta(&self) -> RuleMeta {
        self.0.meta.to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let spec = self.0;
        if draft.kind != DraftKind::WorkforcePolicy {
            return Verdict::NotApplicable("the draft is not a workforce policy".into());
        }
        if !spec.when.is_empty() && !about(draft, spec.when) {
            return Verdict::NotApplicable(spec.when_reason.into());
        }
        let engaged = spec.engagement_counts
            && draft
                .eia
                .as_ref()
                .is_some_and(|e| e.engagement.iter().any(|g| g.lgbtq_led));
        if engaged || mentions_any(draft, spec.evidence) {
            return Verdict::pass(spec.pass);
        }
        Verdict::findings(vec![RawFinding::review("/sections", spec.gap)], "")
    }
}

static STAFF_NETWORK: ConceptSpec = ConceptSpec {
    meta: StaticMeta {
        id: "workforce-staff-network",
        name: "The LGBTQ+ staff network has a place in the policy",
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

static SUPPORT_ROUTES: ConceptSpec = ConceptSpec {
    meta: StaticMeta {
        id: "workforce-support-routes",
        name: "Routes to support are named",
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

static LEADERSHIP: ConceptSpec = ConceptSpec {
    meta: StaticMeta {
        id: "workforce-leadership-allyship",
        name: "Leaders' part in inclusion is stated",
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

static TRAINING_CO_DELIVERED: ConceptSpec = ConceptSpec {
    meta: StaticMeta {
        id: "workforce-training-co-delivered",
        name: "Training co-delivered with LGBTQ+ people",
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

static INTERSECTIONAL_LEARNING: ConceptSpec = ConceptSpec {
    meta: StaticMeta {
        id: "workforce-intersectional-learning",
        name: "Learning that is safe and intersectional",
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

    const WORKFORCE: &str = r#"{"title":"Flexible working policy","kind":"workforce_policy","sections":[{"id":"a","text":"#;

    #[test]
    fn mentions_are_whole_words_in_any_section() {
        let draft = Draft::from_json(&format!(
            "{WORKFORCE}\"Speak to your union representative.\"}}]}}"
        ))
        .unwrap();
        assert!(mentions_any(&draft, &["union representative"]));
        assert!(!mentions_any(&draft, &["union rep"]));
        assert!(!mentions_any(&draft, &["ally"]));
    }
}
