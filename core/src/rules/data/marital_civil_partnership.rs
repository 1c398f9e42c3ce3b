//! `data-marital-civil-partnership`: marital status includes civil partnership.

use crate::model::Draft;
use crate::model::Severity;
use crate::rules::data::fields::{is_choice, mentions, select};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

pub(crate) struct DataMaritalCivilPartnership;

impl StructuralRule for DataMaritalCivilPartnership {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-marital-civil-partnership",
            name: "Marital status without civil partnership",
            family: Family::DataCollection,
            severity: Severity::Warning,
            advisory: false,
            elements: &["4.1", "3.2"],
            tags: &["data", "forms"],
            rationale: "Marriage and civil partnership is a protected characteristic, and civil partnerships are open to same-sex and opposite-sex couples. A marital status list without civil partnership leaves those couples no true answer.",
            source: sources::PROTECTED,
            fires: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"m","label":"Marital status","kind":"single_choice","options":["Single","Married","Divorced","Widowed"]}]}"#],
            passes: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"m","label":"Marital or civil partnership status","kind":"single_choice","options":["Single","Married","In a civil partnership","Divorced or dissolved","Widowed or surviving civil partner","Prefer not to say"]}]}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let fields = match select(
            draft,
            |f| {
                is_choice(f)
                    && (mentions(&f.label, "marital") || mentions(&f.label, "relationship status"))
            },
            "the form does not ask marital status",
        ) {
            Ok(fields) => fields,
            Err(v) => return v,
        };
        let findings = fields
            .into_iter()
            .filter(|(_, f)| {
                !f.options
                    .iter()
                    .any(|o| o.to_ascii_lowercase().contains("civil partner"))
            })
            .map(|(i, f)| {
                RawFinding::violation(
                    format!("/fields/{i}/options"),
                    format!("{:?} has no civil partnership option.", f.label),
                )
                .suggest("In a civil partnership")
            })
            .collect();
        Verdict::findings(findings, "marital status includes civil partnership")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&DataMaritalCivilPartnership);
    }
    fn form(fields: &str) -> String {
        format!(r#"{{"title":"Registration","kind":"data_collection_form","fields":[{fields}]}}"#)
    }

    #[test]
    fn suggests_the_civil_partnership_option() {
        let found = findings(
            &DataMaritalCivilPartnership,
            &form(
                r#"{"id":"m","label":"Relationship status","kind":"single_choice","options":["Single","Married"]}"#,
            ),
        );
        assert_eq!(paths(&found), [("/fields/0/options", false)]);
        assert_eq!(
            found[0].message,
            "\"Relationship status\" has no civil partnership option."
        );
        assert_eq!(found[0].suggestions, ["In a civil partnership"]);
    }
}
