//! `eia-trans-third-option`: an assessment lists trans people as a third
//! option under sex or gender.

use crate::model::{Draft, Severity};
use crate::rules::eia::{act_lists, third_option};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

pub(crate) struct EiaTransThirdOption;

const MESSAGE: &str = "This lists trans people as a third option under sex or gender. Sex (section 11) and gender reassignment (section 7) are separate protected characteristics: assess sex in its own row and trans people's needs under gender reassignment, rather than as a third option.";

impl StructuralRule for EiaTransThirdOption {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "eia-trans-third-option",
            name: "Trans people as a third option under sex or gender",
            family: Family::Eia,
            severity: Severity::Warning,
            advisory: false,
            elements: &["3.1", "4.1"],
            tags: &["eia", "psed", "wording"],
            rationale: "Sex and gender reassignment are separate protected characteristics in the Equality Act 2010 (sections 11 and 7). A row such as \"Gender (Male, Female and Transsexual)\" puts one characteristic inside the other as a third option, so neither is assessed properly. NHS data guidance likewise records trans status as its own item, a relationship to gender rather than a gender option.",
            source: sources::EQA_S7_NOTES,
            fires: &[
                r#"{"title":"t","kind":"clinical_policy","eia":{"groups":[{"group":"sex","label":"Gender (Male, Female and Transsexual)","impact":"neutral","evidence":"e"}]}}"#,
                r#"{"title":"t","kind":"clinical_policy","sections":[{"id":"a","text":"Characteristics assessed: age; disability; gender (male, female, transgender); race; religion or belief; sexual orientation; pregnancy and maternity."}]}"#,
            ],
            passes: &[
                r#"{"title":"t","kind":"clinical_policy","eia":{"groups":[{"group":"sex","label":"Sex (men and women)","impact":"neutral","evidence":"e"},{"group":"gender_reassignment","label":"Gender reassignment","impact":"neutral","evidence":"e"}]}}"#,
            ],
        }
        .to_meta()
        .citing(&[sources::further::EQA_S11])
    }

    fn check(&self, draft: &Draft, cx: &RuleContext<'_>) -> Verdict {
        let mut findings = Vec::new();
        let mut looked = false;
        if let Some(eia) = &draft.eia {
            for (i, g) in eia.groups.iter().enumerate() {
                let Some(label) = &g.label else { continue };
                looked = true;
                if third_option(&label.to_ascii_lowercase()).is_some() {
                    findings.push(RawFinding::violation(
                        format!("/eia/groups/{i}/label"),
                        MESSAGE,
                    ));
                }
            }
        }
        for list in act_lists(cx) {
            looked = true;
            if let Some((from, to)) = third_option(list.lower) {
                findings.push(
                    RawFinding::violation(format!("/sections/{}/text", list.section), MESSAGE)
                        .at(list.start + from, list.start + to),
                );
            }
        }
        if !looked {
            return Verdict::NotApplicable(
                "the draft has no labelled assessment rows and no list of the Act's characteristics".into(),
            );
        }
        Verdict::findings(
            findings,
            "trans people are not listed as a third option under sex or gender",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&EiaTransThirdOption);
    }

    #[test]
    fn the_span_covers_the_item() {
        let text = "Characteristics assessed: age; disability; gender (male, female, transgender); race; religion or belief; sexual orientation.";
        let draft = format!(
            r#"{{"title":"t","kind":"clinical_policy","sections":[{{"id":"a","text":"{text}"}}]}}"#
        );
        let found = findings(&EiaTransThirdOption, &draft);
        let (start, end) = found[0].span.unwrap();
        assert_eq!(&text[start..end], "gender (male, female, transgender)");
    }
}
