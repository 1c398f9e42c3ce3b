//! `data-next-of-kin-family-only`: next of kin can be anyone the person names.

use crate::model::Severity;
use crate::model::{Draft, Field};
use crate::rules::data::fields::{mentions, no_fields};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

pub(crate) struct DataNextOfKinFamilyOnly;

/// Relationship words that are all family by blood or marriage.
const KIN_ONLY: [&str; 14] = [
    "spouse",
    "husband",
    "wife",
    "parent",
    "mother",
    "father",
    "child",
    "son",
    "daughter",
    "brother",
    "sister",
    "brother or sister",
    "sibling",
    "other relative",
];

impl StructuralRule for DataNextOfKinFamilyOnly {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-next-of-kin-family-only",
            name: "Next of kin limited to a spouse or blood relative",
            family: Family::DataCollection,
            severity: Severity::Warning,
            advisory: false,
            elements: &["3.2", "4.1"],
            tags: &["data", "forms", "family"],
            rationale: "Next of kin has no legal definition in England: it is whoever the person names. A form that asks for a husband, wife or nearest relative, or offers only family relationships, leaves out partners, chosen family and friends, who for many LGBTQ+ people are the ones who should be called.",
            source: sources::NHS_NEXT_OF_KIN,
            fires: &[
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"k","label":"Next of kin (your husband, wife or nearest relative)","kind":"text"}]}"#,
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"k","label":"Next of kin relationship","kind":"single_choice","options":["Spouse","Parent","Child","Brother or sister","Other relative"]}]}"#,
            ],
            passes: &[
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"k","label":"Next of kin: anyone you would like us to contact","kind":"text"},{"id":"r","label":"Their relationship to you","kind":"single_choice","options":["Partner","Spouse or civil partner","Family member","Friend","Someone else (please describe)"]}]}"#,
            ],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        if let Some(v) = no_fields(draft) {
            return v;
        }
        let about_kin = |f: &Field| {
            mentions(&f.label, "next of kin") || mentions(&f.label, "relationship to you")
        };
        if !draft.fields.iter().any(about_kin) {
            return Verdict::NotApplicable("the form does not ask for a next of kin".into());
        }
        let mut findings = Vec::new();
        for (i, field) in draft
            .fields
            .iter()
            .enumerate()
            .filter(|(_, f)| about_kin(f))
        {
            let label_limits = ["husband", "wife", "spouse", "relative", "blood relative"]
                .iter()
                .any(|w| mentions(&field.label, w));
            if label_limits {
                findings.push(
                    RawFinding::violation(
                        format!("/fields/{i}/label"),
                        format!("{:?} limits next of kin to a spouse or relative. Ask for anyone the person would like contacted.", field.label),
                    )
                    .suggest("Next of kin: anyone you would like us to contact"),
                );
            }
            let kin_only = !field.options.is_empty()
                && field.options.iter().all(|o| {
                    let lower = o.trim().to_ascii_lowercase();
                    KIN_ONLY
                        .iter()
                        .any(|k| lower == *k || lower == format!("{k}s"))
                });
            if kin_only {
                findings.push(
                    RawFinding::violation(
                        format!("/fields/{i}/options"),
                        format!("{:?} offers only family relationships. Add partner, friend and someone else.", field.label),
                    )
                    .suggest("Partner / Spouse or civil partner / Family member / Friend / Someone else (please describe)"),
                );
            }
        }
        Verdict::findings(findings, "next of kin can be anyone the person names")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&DataNextOfKinFamilyOnly);
    }
    fn form(fields: &str) -> String {
        format!(r#"{{"title":"Registration","kind":"data_collection_form","fields":[{fields}]}}"#)
    }

    #[test]
    fn a_limiting_label_and_family_only_options_are_two_findings() {
        let found = findings(
            &DataNextOfKinFamilyOnly,
            &form(
                r#"{"id":"k","label":"Next of kin (nearest relative)","kind":"single_choice","options":["Parents","Siblings","Spouse"]}"#,
            ),
        );
        assert_eq!(
            paths(&found),
            [("/fields/0/label", false), ("/fields/0/options", false)]
        );
    }

    #[test]
    fn a_friend_option_opens_it_up() {
        let found = findings(
            &DataNextOfKinFamilyOnly,
            &form(
                r#"{"id":"k","label":"Next of kin","kind":"single_choice","options":["Parent","Friend"]}"#,
            ),
        );
        assert!(found.is_empty(), "{found:?}");
    }
}
