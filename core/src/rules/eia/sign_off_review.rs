//! `eia-sign-off-review`: the assessment is signed off and has a review date.

use crate::model::Draft;
use crate::model::Severity;
use crate::rules::eia::assessment;
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

pub(crate) struct EiaSignOffReview;

impl StructuralRule for EiaSignOffReview {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-sign-off-review",
            name: "Assessment signed off, with a review date",
            family: Family::Eia,
            severity: Severity::Warning,
            advisory: false,
            elements: &["3.1"],
            tags: &["eia", "governance"],
            rationale: "The duty is a continuing one and cannot be delegated: someone accountable signs the assessment off, and a review date makes sure the impacts are looked at again once the policy is in use.",
            source: sources::BROWN,
            fires: &[r#"{"title":"t","kind":"workforce_policy","eia":{"assessor":"a"}}"#],
            passes: &[r#"{"title":"t","kind":"workforce_policy","dates":{"decision":"2026-03-01","review":"2027-03-01"},"eia":{"sign_off":{"name":"Director of People","date":"2026-02-20"}}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, cx: &RuleContext<'_>) -> Verdict {
        let eia = match assessment(draft) {
            Ok(eia) => eia,
            Err(verdict) => return verdict,
        };
        let mut findings = Vec::new();
        if eia
            .sign_off
            .as_ref()
            .is_none_or(|s| s.name.trim().is_empty())
        {
            findings.push(RawFinding::violation(
                "/eia/sign_off",
                "Nobody has signed the assessment off. Name the accountable person and the date.",
            ));
        }
        match (&draft.dates.review, &draft.dates.decision) {
            (None, _) => findings.push(RawFinding::violation(
                "/dates/review",
                "There is no review date. Set one, so the impacts are looked at again once the policy is in use.",
            )),
            (Some(review), Some(decision)) if review <= decision => findings.push(RawFinding::violation(
                "/dates/review",
                format!("The review date ({review}) is not after the decision ({decision})."),
            )),
            (Some(review), _) if cx.as_of.is_some_and(|today| review < today) => {
                let today = cx.as_of.map(ToString::to_string).unwrap_or_default();
                findings.push(RawFinding::violation(
                    "/dates/review",
                    format!("The review date ({review}) has passed (as of {today}). Review the assessment against how the policy has worked in practice, and set the next date."),
                ));
            }
            _ => {}
        }
        Verdict::findings(
            findings,
            "the assessment is signed off and has a review date",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&EiaSignOffReview);
    }

    #[test]
    fn a_review_date_in_the_past_is_a_finding_only_when_checked_as_of_a_date() {
        use crate::rules::testing::{run, run_as_of};
        let json = r#"{"title":"t","kind":"workforce_policy","dates":{"decision":"2024-03-01","review":"2025-03-01"},"eia":{"sign_off":{"name":"Director of People","date":"2024-02-20"}}}"#;
        let messages = |verdict: Verdict| -> Vec<String> {
            match verdict {
                Verdict::Checked { findings, .. } => {
                    findings.into_iter().map(|f| f.message).collect()
                }
                Verdict::NotApplicable(why) => panic!("not applicable: {why}"),
            }
        };
        assert!(messages(run(&EiaSignOffReview, json)).is_empty());
        let late = messages(run_as_of(&EiaSignOffReview, json, "2026-11-30"));
        assert_eq!(late.len(), 1);
        assert!(
            late[0].contains("(2025-03-01) has passed (as of 2026-11-30)"),
            "{late:?}"
        );
        let on_time = messages(run_as_of(&EiaSignOffReview, json, "2025-03-01"));
        assert!(on_time.is_empty(), "the review date itself is not past");
    }

    #[test]
    fn no_sign_off_and_no_review_date_are_two_findings() {
        let found = findings(
            &EiaSignOffReview,
            r#"{"title":"t","kind":"workforce_policy","eia":{"assessor":"a"}}"#,
        );
        assert_eq!(
            paths(&found),
            [("/eia/sign_off", false), ("/dates/review", false)]
        );
    }

    #[test]
    fn a_review_before_the_decision_is_named() {
        let found = findings(
            &EiaSignOffReview,
            r#"{"title":"t","kind":"workforce_policy","dates":{"decision":"2026-03-01","review":"2026-01-01"},"eia":{"sign_off":{"name":"Director of People","date":"2026-02-20"}}}"#,
        );
        assert_eq!(paths(&found), [("/dates/review", false)]);
        assert_eq!(
            found[0].message,
            "The review date (2026-01-01) is not after the decision (2026-03-01)."
        );
    }
}
