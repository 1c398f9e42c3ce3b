//! `eia-evidence`: each impact judgement rests on evidence.

use crate::model::Severity;
use crate::model::{Draft, Impact};
use crate::rules::eia::assessment;
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, blank, sources,
};

pub(crate) struct EiaEvidence;

impl StructuralRule for EiaEvidence {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-evidence",
            name: "Each impact judgement rests on evidence",
            family: Family::Eia,
            severity: Severity::Warning,
            advisory: false,
            elements: &["3.1", "2.1"],
            tags: &["eia", "evidence"],
            rationale: "An impact of \"neutral\" or \"none\" with nothing behind it is the box-ticking the courts warn against. Say what the judgement rests on (data, research, what people told you), or say why there is no evidence and how you will get it.",
            source: sources::BROWN,
            fires: &[r#"{"title":"t","kind":"workforce_policy","eia":{"groups":[{"group":"sexual_orientation","impact":"neutral"}]}}"#],
            passes: &[r#"{"title":"t","kind":"workforce_policy","eia":{"groups":[{"group":"sexual_orientation","impact":"neutral","evidence":"Staff network reviewed the draft; no differential effect found"}]}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let eia = match assessment(draft) {
            Ok(eia) => eia,
            Err(verdict) => return verdict,
        };
        if eia.groups.is_empty() {
            return Verdict::NotApplicable(
                "the assessment has no groups yet (see eia-characteristics)".into(),
            );
        }
        let mut findings = Vec::new();
        for (i, assessed) in eia.groups.iter().enumerate() {
            let path = format!("/eia/groups/{i}/evidence");
            let name = assessed.group.label();
            match assessed.impact {
                // Unknown, with what is missing said and an action to find it, is honest.
                Impact::Unknown if !blank(&assessed.evidence) && !assessed.actions.is_empty() => {}
                Impact::Unknown => findings.push(RawFinding::review(
                    format!("/eia/groups/{i}/impact"),
                    format!("The impact on {name} is marked unknown. Record what evidence is missing and the action that will find it."),
                )),
                _ if !blank(&assessed.evidence) => {}
                Impact::Negative => findings.push(RawFinding::violation(
                    path,
                    format!("The negative impact on {name} has no evidence recorded. Say what shows it, so the mitigation can be judged against it."),
                )),
                Impact::Neutral | Impact::Positive => findings.push(RawFinding::review(
                    path,
                    format!("The impact on {name} is judged {} with no evidence. Say what the judgement rests on, or why there is none.", impact_word(assessed.impact)),
                )),
            }
        }
        Verdict::findings(findings, "every impact judgement records its evidence")
    }

    fn evidences(&self) -> &'static [&'static str] {
        // Judgements that rest on evidence are what make the assessment count as
        // consideration (3.1); not applicable without rows, so never vacuous. Not
        // 2.1: evidence in one assessment does not show what staff understand.
        &["3.1"]
    }

    fn evidence_at(&self) -> Option<&'static str> {
        Some("/eia/groups")
    }
}

fn impact_word(impact: Impact) -> &'static str {
    match impact {
        Impact::Positive => "positive",
        Impact::Negative => "negative",
        Impact::Neutral => "neutral",
        Impact::Unknown => "unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&EiaEvidence);
    }

    fn groups(groups: &str) -> String {
        format!(r#"{{"title":"t","kind":"workforce_policy","eia":{{"groups":[{groups}]}}}}"#)
    }

    #[test]
    fn a_negative_impact_without_evidence_is_a_violation_others_need_review() {
        let found = findings(
            &EiaEvidence,
            &groups(
                r#"{"group":"age","impact":"negative"},{"group":"sex","impact":"positive"},{"group":"race","impact":"unknown"}"#,
            ),
        );
        assert_eq!(
            paths(&found),
            [
                ("/eia/groups/0/evidence", false),
                ("/eia/groups/1/evidence", true),
                ("/eia/groups/2/impact", true),
            ]
        );
        assert!(
            found[1]
                .message
                .contains("judged positive with no evidence"),
            "{}",
            found[1].message
        );
    }

    #[test]
    fn unknown_with_what_is_missing_and_an_action_is_honest() {
        let found = findings(
            &EiaEvidence,
            &groups(
                r#"{"group":"race","impact":"unknown","evidence":"No ethnicity data yet","actions":["A1"]}"#,
            ),
        );
        assert!(found.is_empty(), "{found:?}");
    }
}
