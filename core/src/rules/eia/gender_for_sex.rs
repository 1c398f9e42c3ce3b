//! `eia-gender-for-sex`: an assessment lists "gender" where the Act names
//! the characteristic sex.

use crate::model::{Draft, Group, Severity};
use crate::rules::eia::{act_lists, third_option, word_positions, words};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
    sources::further,
};

pub(crate) struct EiaGenderForSex;

/// Words after "gender" that make it another characteristic or concept.
const NOT_SEX: [&str; 4] = [" reassignment", " identity", " pay", " identities"];

const MESSAGE: &str = "The Equality Act names this characteristic sex (section 11), and \"gender\" can mean sex or gender identity. Name it \"Sex\" so the assessment says what it assessed, and assess gender reassignment in its own row.";

impl StructuralRule for EiaGenderForSex {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-gender-for-sex",
            name: "\"Gender\" where the Act says sex",
            family: Family::Eia,
            severity: Severity::Info,
            advisory: false,
            elements: &["3.1"],
            tags: &["eia", "psed", "wording"],
            rationale: "The protected characteristic in the Equality Act 2010 is sex (section 11): a reference to a man or to a woman, which the Supreme Court held in For Women Scotland [2025] UKSC 16 means biological sex. \"Gender\" is used for sex and for gender identity, so an assessment row or list that says \"gender\" does not say which it assessed. Naming it \"sex\", with gender reassignment in its own row, makes the record match the duty.",
            source: sources::FWS,
            fires: &[
                r#"{"title":"t","kind":"service_design","eia":{"groups":[{"group":"sex","label":"Gender","impact":"neutral","evidence":"Referral data by sex"}]}}"#,
                r#"{"title":"t","kind":"service_design","sections":[{"id":"a","text":"Protected characteristics: age, disability, gender, gender reassignment, marriage and civil partnership, pregnancy and maternity, race, religion or belief and sexual orientation."}]}"#,
            ],
            passes: &[
                r#"{"title":"t","kind":"service_design","eia":{"groups":[{"group":"sex","label":"Sex","impact":"neutral","evidence":"Referral data by sex"}]}}"#,
                r#"{"title":"t","kind":"service_design","sections":[{"id":"a","text":"Protected characteristics: age, disability, gender reassignment, marriage and civil partnership, pregnancy and maternity, race, religion or belief, sex and sexual orientation."}]}"#,
                r#"{"title":"t","kind":"service_design","sections":[{"id":"a","text":"We will monitor the impact on age, disability and gender."}]}"#,
            ],
        }
        .to_meta()
        .citing(&[further::EQA_S11])
    }

    fn check(&self, draft: &Draft, cx: &RuleContext<'_>) -> Verdict {
        let mut findings = Vec::new();
        let mut looked = false;
        if let Some(eia) = &draft.eia {
            for (i, g) in eia.groups.iter().enumerate() {
                let (Group::Sex, Some(label)) = (g.group, &g.label) else {
                    continue;
                };
                looked = true;
                let lower = label.to_ascii_lowercase();
                if words(&lower, "gender") > 0
                    && words(&lower, "sex") == 0
                    && third_option(&lower).is_none()
                {
                    findings.push(
                        RawFinding::violation(format!("/eia/groups/{i}/label"), MESSAGE)
                            .suggest("Sex"),
                    );
                }
            }
        }
        for list in act_lists(cx) {
            looked = true;
            if words(list.lower, "sex") > 0 {
                continue;
            }
            let third = third_option(list.lower);
            let gender = word_positions(list.lower, "gender")
                .into_iter()
                .find(|&at| {
                    let after = &list.lower[at + "gender".len()..];
                    !NOT_SEX.iter().any(|w| after.starts_with(w))
                        && third.is_none_or(|(from, to)| !(from..to).contains(&at))
                });
            if let Some(at) = gender {
                let start = list.start + at;
                findings.push(
                    RawFinding::violation(format!("/sections/{}/text", list.section), MESSAGE)
                        .at(start, start + "gender".len())
                        .suggest("sex"),
                );
            }
        }
        if !looked {
            return Verdict::NotApplicable(
                "the draft has no labelled sex row and no list of the Act's characteristics".into(),
            );
        }
        Verdict::findings(findings, "the characteristic is called sex, as in the Act")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&EiaGenderForSex);
    }

    #[test]
    fn points_at_the_word_in_a_list_and_at_the_label_in_a_row() {
        let draft = r#"{"title":"t","kind":"service_design","sections":[{"id":"a","text":"Intro. We assessed age, disability, race, religion or belief, gender and sexual orientation."}],"eia":{"groups":[{"group":"sex","label":"Gender (men and women)","impact":"neutral","evidence":"e"}]}}"#;
        let found = findings(&EiaGenderForSex, draft);
        assert_eq!(
            paths(&found),
            [("/eia/groups/0/label", false), ("/sections/0/text", false)]
        );
        assert_eq!(found[1].span, Some((62, 68)));
    }
}
