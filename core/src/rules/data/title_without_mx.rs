//! `data-title-without-mx`: title options include Mx.

use crate::model::Severity;
use crate::model::{Draft, Field};
use crate::rules::data::fields::{is_choice, no_fields};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
    sources::further,
};

pub(crate) struct DataTitleWithoutMx;

impl StructuralRule for DataTitleWithoutMx {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-title-without-mx",
            name: "Title asked from a fixed list",
            family: Family::DataCollection,
            severity: Severity::Info,
            advisory: true,
            elements: &["4.1", "3.2"],
            tags: &["data", "forms"],
            rationale: "A fixed list of titles makes everyone pick one, including people who use a title not on it (Dr, Rev, Mx) or none, and titles are then wrongly used to guess sex or gender. GOV.UK's design system says never to use a title to guess gender, and its names pattern advises not asking for a title unless the service needs it, or asking for it as optional free text. Offering Mx is one way to include people who use it. Advisory: whether a title is needed is the service's call.",
            source: sources::GOVUK_GENDER_OR_SEX,
            fires: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"t","label":"Title","kind":"single_choice","options":["Mr","Mrs","Miss","Ms"]}]}"#],
            passes: &[
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"t","label":"Title","kind":"single_choice","options":["Mr","Mrs","Miss","Ms","Mx","Dr"]}]}"#,
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"t","label":"Title (optional)","kind":"text"}]}"#,
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"t","label":"Title","kind":"single_choice","options":["Mr","Mrs","Ms","Dr","Other (please write it)"]}]}"#,
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"j","label":"Job title","kind":"text"}]}"#,
            ],
        }
        .to_meta()
        .citing(&[further::GOVUK_NAMES])
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
                !f.options.iter().any(|o| {
                    let lower = o.trim().trim_end_matches('.').to_ascii_lowercase();
                    lower == "mx" || (lower.starts_with("other") && lower.len() > "other".len())
                })
            })
            .map(|(i, _)| {
                RawFinding::review(
                    format!("/fields/{i}/options"),
                    "The title is chosen from a fixed list with no Mx and no way to write another. Ask for a title only if the service needs it, as optional free text, or add Mx and \"Other (please write it)\"; never use a title to guess sex or gender.",
                )
                .suggest("Title (optional), as free text")
                .suggest("Mx")
            })
            .collect();
        Verdict::findings(
            findings,
            "titles are free text, or the list includes Mx or a way to write another",
        )
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
    fn suggests_free_text_or_mx_at_the_options() {
        let found = findings(
            &DataTitleWithoutMx,
            &form(r#"{"id":"t","label":"Title:","kind":"single_choice","options":["Mr","Ms"]}"#),
        );
        assert_eq!(paths(&found), [("/fields/0/options", true)]);
        assert_eq!(
            found[0].suggestions,
            ["Title (optional), as free text", "Mx"]
        );
        assert!(found[0].message.contains("never use a title to guess"));
    }

    #[test]
    fn a_way_to_write_another_title_counts() {
        let found = findings(
            &DataTitleWithoutMx,
            &form(
                r#"{"id":"t","label":"Title","kind":"single_choice","options":["Mr","Ms","Other (please specify)"]}"#,
            ),
        );
        assert!(found.is_empty(), "{found:?}");
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
