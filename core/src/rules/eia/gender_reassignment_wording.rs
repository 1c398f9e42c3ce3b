//! `eia-gender-reassignment-wording`: an assessment says "transgender" or
//! "gender identity" where the Act says gender reassignment.

use crate::model::{Draft, Group, Severity};
use crate::rules::eia::{TRANS_WORDS, act_lists, third_option, word_positions, words};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

pub(crate) struct EiaGenderReassignmentWording;

const MESSAGE: &str = "The Equality Act's characteristic is gender reassignment (section 7): people proposing to undergo, undergoing or having undergone a process of reassigning their sex, with or without medical treatment. Name it \"Gender reassignment\" so the assessment covers the characteristic the duty names; the wider needs of trans and non-binary people can be assessed alongside it.";

impl StructuralRule for EiaGenderReassignmentWording {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-gender-reassignment-wording",
            name: "\"Transgender\" or \"gender identity\" where the Act says gender reassignment",
            family: Family::Eia,
            severity: Severity::Info,
            advisory: false,
            elements: &["3.1"],
            tags: &["eia", "psed", "wording"],
            rationale: "The protected characteristic in the Equality Act 2010 is gender reassignment (section 7). \"Gender identity\" is wider (everyone has one) and \"transgender\" is a description, so a row or list that uses them may not assess the characteristic the duty names. Naming it \"gender reassignment\" keeps the record exact; an assessment can still consider trans and non-binary people's needs more widely.",
            source: sources::EQA_S7_NOTES,
            fires: &[
                r#"{"title":"t","kind":"service_design","eia":{"groups":[{"group":"gender_reassignment","label":"Transgender","impact":"neutral","evidence":"e"}]}}"#,
                r#"{"title":"t","kind":"service_design","sections":[{"id":"a","text":"The assessment covers age, disability, race, religion or belief, sex, sexual orientation, pregnancy and maternity, marriage and civil partnership and transgender."}]}"#,
            ],
            passes: &[
                r#"{"title":"t","kind":"service_design","eia":{"groups":[{"group":"gender_reassignment","label":"Gender reassignment (trans and non-binary people)","impact":"neutral","evidence":"e"}]}}"#,
                r#"{"title":"t","kind":"service_design","sections":[{"id":"a","text":"Protected characteristics: age, disability, gender reassignment, marriage and civil partnership, pregnancy and maternity, race, religion or belief, sex and sexual orientation."}]}"#,
            ],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, cx: &RuleContext<'_>) -> Verdict {
        let mut findings = Vec::new();
        let mut looked = false;
        if let Some(eia) = &draft.eia {
            for (i, g) in eia.groups.iter().enumerate() {
                let (Group::GenderReassignment, Some(label)) = (g.group, &g.label) else {
                    continue;
                };
                looked = true;
                let lower = label.to_ascii_lowercase();
                if !lower.contains("reassignment")
                    && TRANS_WORDS.iter().any(|w| words(&lower, w) > 0)
                {
                    findings.push(
                        RawFinding::violation(format!("/eia/groups/{i}/label"), MESSAGE)
                            .suggest("Gender reassignment"),
                    );
                }
            }
        }
        for list in act_lists(cx) {
            looked = true;
            if list.lower.contains("gender reassignment") {
                continue;
            }
            let third = third_option(list.lower);
            let found = TRANS_WORDS.iter().find_map(|w| {
                word_positions(list.lower, w)
                    .into_iter()
                    .find(|&at| third.is_none_or(|(from, to)| !(from..to).contains(&at)))
                    .map(|at| (at, w.len()))
            });
            if let Some((at, len)) = found {
                let start = list.start + at;
                findings.push(
                    RawFinding::violation(format!("/sections/{}/text", list.section), MESSAGE)
                        .at(start, start + len)
                        .suggest("gender reassignment"),
                );
            }
        }
        if !looked {
            return Verdict::NotApplicable(
                "the draft has no labelled gender reassignment row and no list of the Act's characteristics".into(),
            );
        }
        Verdict::findings(
            findings,
            "the characteristic is called gender reassignment, as in the Act",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::examples_behave;

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&EiaGenderReassignmentWording);
    }
}
