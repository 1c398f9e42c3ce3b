//! `data-bare-other`: every "Other" lets people describe themselves.

use crate::model::Draft;
use crate::model::Severity;
use crate::rules::data::fields::{is_choice, is_demographic, select};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

pub(crate) struct DataBareOther;

fn is_bare_other(option: &str) -> bool {
    let lower = option
        .trim()
        .trim_end_matches(['.', ':'])
        .to_ascii_lowercase();
    matches!(lower.as_str(), "other" | "any other" | "others")
}

impl StructuralRule for DataBareOther {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-bare-other",
            name: "A bare \"Other\" with no way to describe",
            family: Family::DataCollection,
            severity: Severity::Info,
            advisory: false,
            elements: &["4.2"],
            tags: &["data", "forms"],
            rationale: "An \"Other\" option with nowhere to say what it means tells the organisation nothing and tells the person they do not fit. Offer a way to describe, as the NHS and census categories do (\"Other, please describe\").",
            source: sources::GOVUK_EQUALITY,
            fires: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"r","label":"Religion or belief","kind":"single_choice","options":["No religion","Christian","Muslim","Other","Prefer not to say"]}]}"#],
            passes: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"r","label":"Religion or belief","kind":"single_choice","options":["No religion","Christian","Muslim","Other (please describe)","Prefer not to say"]}]}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let fields = match select(
            draft,
            |f| is_choice(f) && is_demographic(f),
            "the form has no equality monitoring choice questions",
        ) {
            Ok(fields) => fields,
            Err(v) => return v,
        };
        let findings = fields
            .into_iter()
            .flat_map(|(i, f)| {
                f.options
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| is_bare_other(o))
                    .map(move |(j, _)| {
                        RawFinding::violation(
                            format!("/fields/{i}/options/{j}"),
                            format!(
                                "{:?} offers a bare \"Other\". Add a way to describe.",
                                f.label
                            ),
                        )
                        .suggest("Other (please describe)")
                    })
            })
            .collect();
        Verdict::findings(findings, "every \"Other\" lets people describe themselves")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&DataBareOther);
    }
    fn form(fields: &str) -> String {
        format!(r#"{{"title":"Registration","kind":"data_collection_form","fields":[{fields}]}}"#)
    }

    #[test]
    fn points_at_each_bare_other_option() {
        let found = findings(
            &DataBareOther,
            &form(
                r#"{"id":"e","label":"Ethnic group","kind":"single_choice","options":["White","Any other:","Mixed","Other (please describe)","Prefer not to say"]}"#,
            ),
        );
        assert_eq!(paths(&found), [("/fields/0/options/1", false)]);
        assert_eq!(found[0].suggestions, ["Other (please describe)"]);
    }
}
