//! `data-title-without-mx`: title options include Mx.

use crate::model::Severity;
use crate::model::{Draft, Field};
use crate::rules::data::fields::{is_choice, no_fields};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

pub(crate) struct DataTitleWithoutMx;

impl StructuralRule for DataTitleWithoutMx {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-title-without-mx",
            name: "Title options without Mx",
            family: Family::DataCollection,
            severity: Severity::Warning,
            advisory: false,
            elements: &["4.1", "3.2"],
            tags: &["data", "forms"],
            rationale: "A list of titles without Mx forces non-binary people to pick a gendered title, and titles are then wrongly used to infer sex. Offer Mx, and never infer sex or gender from a title.",
            source: sources::GOVUK_EQUALITY,
            fires: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"t","label":"Title","kind":"single_choice","options":["Mr","Mrs","Miss","Ms"]}]}"#],
            passes: &[
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"t","label":"Title","kind":"single_choice","options":["Mr","Mrs","Miss","Ms","Mx","Dr"]}]}"#,
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"j","label":"Job title","kind":"text"}]}"#,
            ],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        if let Some(v) = no_fields(draft) {
            return v;
        }
        let titles: Vec<(usize, &Field)> = draft
            .fields
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                is_choice(f)
                    && f.label
                        .trim()
                        .trim_end_matches(['?', ':'])
                        .eq_ignore_ascii_case("title")
            })
            .collect();
        if titles.is_empty() {
            return Verdict::NotApplicable("the form does not ask for a title".into());
        }
        let findings = titles
            .into_iter()
            .filter(|(_, f)| {
                !f.options
                    .iter()
                    .any(|o| o.trim().trim_end_matches('.').eq_ignore_ascii_case("mx"))
            })
            .map(|(i, _)| {
                RawFinding::violation(
                    format!("/fields/{i}/options"),
                    "The title options do not include Mx.",
                )
                .suggest("Mx")
            })
            .collect();
        Verdict::findings(findings, "title options include Mx")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&DataTitleWithoutMx);
    }
    fn form(fields: &str) -> String {
        format!(r#"{{"title":"Registration","kind":"data_collection_form","fields":[{fields}]}}"#)
    }

    #[test]
    fn suggests_mx_at_the_options() {
        let found = findings(
            &DataTitleWithoutMx,
            &form(r#"{"id":"t","label":"Title:","kind":"single_choice","options":["Mr","Ms"]}"#),
        );
        assert_eq!(paths(&found), [("/fields/0/options", false)]);
        assert_eq!(found[0].suggestions, ["Mx"]);
    }

    #[test]
    fn mx_with_a_full_stop_counts() {
        let found = findings(
            &DataTitleWithoutMx,
            &form(r#"{"id":"t","label":"Title","kind":"single_choice","options":["Mr.","Mx."]}"#),
        );
        assert!(found.is_empty(), "{found:?}");
    }
}
