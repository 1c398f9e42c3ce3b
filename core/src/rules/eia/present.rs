//! `eia-present`: an equality impact assessment is written with the draft.

use crate::model::Draft;
use crate::model::Severity;
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};
use crate::text::is_whole_word;

const MINIMAL: &str = r#"{"title":"Visiting policy","kind":"clinical_policy"}"#;

pub(crate) struct EiaPresent;

impl StructuralRule for EiaPresent {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-present",
            name: "Equality impact assessment written with the draft",
            family: Family::Eia,
            severity: Severity::Error,
            advisory: false,
            elements: &["3.1"],
            tags: &["eia", "psed"],
            rationale: "A policy or service change needs an equality impact assessment, and it needs it while the draft can still change: the framework's pilot sites used the assessment as a development tool, and the courts read the duty as one met before a decision, not after.",
            source: sources::BROWN,
            fires: &[MINIMAL],
            passes: &[r#"{"title":"Visiting policy","kind":"clinical_policy","eia":{"assessor":"EDI lead"}}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        if !draft.kind.needs_eia() {
            return Verdict::NotApplicable(format!(
                "a {} is covered by the assessment of the policy it serves",
                draft.kind.as_str()
            ));
        }
        match draft.eia {
            Some(_) => {
                Verdict::pass("an equality impact assessment is being written with the draft")
            }
            None if claims_an_assessment(draft) => Verdict::findings(
                vec![RawFinding::violation(
                    "/eia",
                    "The draft says an equality impact assessment was done, but it is not attached and its findings are not recorded here. Attach it, or record its findings per characteristic, so the assessment can be read with the draft.",
                )],
                "",
            ),
            None => Verdict::findings(
                vec![RawFinding::violation(
                    "/eia",
                    "This draft has no equality impact assessment. Start one now, while the draft can still change.",
                )],
                "",
            ),
        }
    }
}

/// Whether the draft's text says an assessment was carried out ("An EIA was
/// completed; no negative impact was found."), though none is recorded.
fn claims_an_assessment(draft: &Draft) -> bool {
    const NAMES: [&str; 4] = [
        "eia",
        "equality impact assessment",
        "equality analysis",
        "equality impact analysis",
    ];
    const DONE: [&str; 6] = [
        "completed",
        "carried out",
        "undertaken",
        "was done",
        "has been done",
        "has been assessed",
    ];
    draft.sections.iter().any(|section| {
        section.text.split(['.', ';', '\n']).any(|sentence| {
            let lower = sentence.to_ascii_lowercase();
            NAMES.iter().any(|n| {
                lower
                    .match_indices(n)
                    .any(|(i, m)| is_whole_word(&lower, i, i + m.len()))
            }) && DONE.iter().any(|d| lower.contains(d))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, not_applicable, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&EiaPresent);
    }

    #[test]
    fn a_missing_assessment_is_an_error_at_eia() {
        let found = findings(&EiaPresent, MINIMAL);
        assert_eq!(paths(&found), [("/eia", false)]);
    }

    #[test]
    fn an_assessment_claimed_but_not_attached_is_called_that() {
        // The special leave policy's one-line EIA statement.
        let claimed = r#"{"title":"Special Leave Policy","kind":"workforce_policy","sections":[{"id":"e","heading":"Equality Impact Assessment","text":"An EIA was completed; no negative impact was found."}]}"#;
        let found = findings(&EiaPresent, claimed);
        assert_eq!(paths(&found), [("/eia", false)]);
        assert!(
            found[0]
                .message
                .contains("says an equality impact assessment was done")
                && found[0].message.contains("not attached"),
            "{}",
            found[0].message
        );
        let silent = r#"{"title":"Special Leave Policy","kind":"workforce_policy","sections":[{"id":"e","heading":"Leave","text":"Leave is agreed with the line manager. The policy will be reviewed in 2027."}]}"#;
        assert!(
            findings(&EiaPresent, silent)[0]
                .message
                .starts_with("This draft has no equality impact assessment")
        );
    }

    #[test]
    fn kinds_that_make_no_policy_need_no_assessment() {
        assert!(not_applicable(
            &EiaPresent,
            r#"{"title":"Leaflet","kind":"patient_information"}"#
        ));
    }
}
