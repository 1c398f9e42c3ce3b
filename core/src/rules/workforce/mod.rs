//! Workforce rules (framework elements 1.1 to 1.4, 2.1 and 2.2) for workforce
//! policies: the staff network, routes to support, visible leadership and
//! allyship, and training co-delivered with LGBTQ+ organisations.
//!
//! These look for what a policy says, so they are advisory: a missing mention
//! is something to consider, not an error. Each rule is a [`ConceptSpec`] (what
//! to look for, and what to say without it) in its own file:
//! `workforce-staff-network` is `staff_network.rs`.

mod intersectional_learning;
mod leadership_allyship;
mod staff_network;
mod support_routes;
mod training_co_delivered;

pub(crate) use intersectional_learning::WORKFORCE_INTERSECTIONAL_LEARNING;
pub(crate) use leadership_allyship::WORKFORCE_LEADERSHIP_ALLYSHIP;
pub(crate) use staff_network::WORKFORCE_STAFF_NETWORK;
pub(crate) use support_routes::WORKFORCE_SUPPORT_ROUTES;
pub(crate) use training_co_delivered::WORKFORCE_TRAINING_CO_DELIVERED;

use crate::model::{Draft, DraftKind};
use crate::rules::{RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict};
use crate::text::is_whole_word;

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
pub(crate) struct ConceptSpec {
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

pub(crate) struct Concept(pub &'static ConceptSpec);

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
