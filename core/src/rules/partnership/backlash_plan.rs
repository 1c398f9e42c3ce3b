//! `partnership-backlash-plan`: the agreement is honest about the risk of backlash.

use crate::model::Draft;
use crate::model::Severity;
use crate::rules::partnership::{AGREEMENT, partners};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

pub(crate) struct PartnershipBacklashPlan;

/// Phrases that show the risk of backlash is planned for; bare "abuse" or
/// "attack" would also match "drug and alcohol abuse" or "heart attack".
const BACKLASH_WORDS: [&str; 10] = [
    "backlash",
    "online abuse",
    "abuse of staff",
    "harassment",
    "hostility",
    "hostile",
    "safety plan",
    "safety planning",
    "anti-lgbtq",
    "anti-trans",
];

impl StructuralRule for PartnershipBacklashPlan {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "partnership-backlash-plan",
            name: "Honest about the risk of backlash",
            family: Family::Partnership,
            severity: Severity::Info,
            advisory: true,
            elements: &["6.2"],
            tags: &["partnership", "safety"],
            rationale: "Anti-LGBTQ+ backlash is becoming more common, and its weight often falls on small groups staffed by the people under attack. The partnership guide asks health organisations to be honest with partners when a project is at risk, and to plan together: safety planning, spotting discriminatory rhetoric, communications that do not feed the backlash.",
            source: sources::PARTNERSHIP_GUIDE,
            fires: &[r#"{"title":"t","kind":"partnership_agreement","partners":[{"name":"Rainbow Health Collective","lgbtq_led":true}],"sections":[{"id":"a","text":"Both partners will publicise the service."}]}"#],
            passes: &[AGREEMENT],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let list = match partners(draft) {
            Ok(list) => list,
            Err(verdict) => return verdict,
        };
        if !list.iter().any(|p| p.lgbtq_led) {
            return Verdict::NotApplicable("no partner is LGBTQ+-led".into());
        }
        let mentions = draft.sections.iter().any(|s| {
            let text = s.text.to_ascii_lowercase();
            BACKLASH_WORDS.iter().any(|w| text.contains(w))
        });
        if mentions {
            return Verdict::pass("the agreement plans for the risk of backlash with its partner");
        }
        let finding = RawFinding::review(
            "/sections",
            "The agreement does not say what happens if the work attracts anti-LGBTQ+ backlash. Agree how you will support the partner: safety planning, shared communications, and honesty if the project is at risk.",
        );
        Verdict::findings(vec![finding], "")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, not_applicable, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&PartnershipBacklashPlan);
    }

    #[test]
    fn needs_review_on_the_sections() {
        let found = findings(
            &PartnershipBacklashPlan,
            r#"{"title":"t","kind":"partnership_agreement","partners":[{"name":"A","lgbtq_led":true}],"sections":[{"id":"a","text":"Support for people with drug and alcohol abuse."}]}"#,
        );
        assert_eq!(paths(&found), [("/sections", true)]);
    }

    #[test]
    fn no_lgbtq_led_partner_is_not_applicable() {
        assert!(not_applicable(
            &PartnershipBacklashPlan,
            r#"{"title":"t","kind":"partnership_agreement","partners":[{"name":"A"}]}"#
        ));
    }
}
