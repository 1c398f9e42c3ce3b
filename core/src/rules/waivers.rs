//! The waiver rule: a waiver is a recorded decision, so it needs a reason and
//! must name a rule that exists.

use crate::model::Draft;
use crate::model::Severity;
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

/// The id of the rule that checks waivers; its own findings cannot be waived.
pub(crate) const WAIVER_RULE: &str = "waiver-recorded";

pub(crate) struct WaiverRecorded;

impl StructuralRule for WaiverRecorded {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: WAIVER_RULE,
            name: "Waivers give a reason and name a real rule",
            family: Family::Waivers,
            severity: Severity::Error,
            advisory: false,
            elements: &["3.1"],
            tags: &["governance", "waivers"],
            rationale: "Deciding that a check does not apply is part of paying due regard, and the record of that decision is what shows it was made. A waiver with no reason records nothing, so it does not take effect.",
            source: sources::BROWN,
            fires: &[
                r#"{"title":"t","waivers":[{"rule":"term-binary-pronouns","reason":"  "}]}"#,
                r#"{"title":"t","waivers":[{"rule":"no-such-rule","reason":"Legacy wording","approved_by":"EDI lead"}]}"#,
            ],
            passes: &[r#"{"title":"t","waivers":[{"rule":"term-binary-pronouns","reason":"Quoted from the 1998 scheme for comparison","approved_by":"EDI lead"}]}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, cx: &RuleContext<'_>) -> Verdict {
        if draft.waivers.is_empty() {
            return Verdict::NotApplicable("the draft waives no rules".into());
        }
        let mut findings = Vec::new();
        for (i, waiver) in draft.waivers.iter().enumerate() {
            if !cx.known_rules.contains(&waiver.rule) {
                findings.push(RawFinding::violation(
                    format!("/waivers/{i}/rule"),
                    format!("The waiver names {:?}, which is not a rule in this pack, so it waives nothing.", waiver.rule),
                ));
            } else if waiver.reason.trim().is_empty() {
                findings.push(RawFinding::violation(
                    format!("/waivers/{i}/reason"),
                    format!("The waiver of {:?} gives no reason, so it does not take effect. Record why the rule does not apply here.", waiver.rule),
                ));
            }
            if waiver
                .approved_by
                .as_deref()
                .is_none_or(|a| a.trim().is_empty())
            {
                findings.push(RawFinding::review(
                    format!("/waivers/{i}/approved_by"),
                    format!(
                        "The waiver of {:?} does not say who approved it.",
                        waiver.rule
                    ),
                ));
            }
        }
        Verdict::findings(findings, "every waiver gives a reason and names a rule")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&WaiverRecorded);
    }

    #[test]
    fn a_waiver_without_a_reason_or_approver() {
        let found = findings(
            &WaiverRecorded,
            r#"{"title":"t","waivers":[{"rule":"term-binary-pronouns","reason":"  "}]}"#,
        );
        assert_eq!(
            paths(&found),
            [
                ("/waivers/0/reason", false),
                ("/waivers/0/approved_by", true)
            ]
        );
        assert!(
            found[0].message.contains("does not take effect"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_waiver_of_an_unknown_rule_waives_nothing() {
        let found = findings(
            &WaiverRecorded,
            r#"{"title":"t","waivers":[{"rule":"no-such-rule","reason":"r","approved_by":"EDI lead"}]}"#,
        );
        assert_eq!(paths(&found), [("/waivers/0/rule", false)]);
        assert_eq!(
            found[0].message,
            "The waiver names \"no-such-rule\", which is not a rule in this pack, so it waives nothing."
        );
    }
}
