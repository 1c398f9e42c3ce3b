//! `data-trans-status-mixed`: trans status is not an answer mixed into another question.

use crate::model::Draft;
use crate::model::Severity;
use crate::rules::data::fields::{
    asks_orientation, asks_sex_or_gender, is_choice, mentions, select,
};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

pub(crate) struct DataTransStatusMixed;

impl StructuralRule for DataTransStatusMixed {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-trans-status-mixed",
            name: "Trans status mixed into another question",
            family: Family::DataCollection,
            severity: Severity::Warning,
            advisory: false,
            elements: &["4.1", "3.2"],
            tags: &["data", "forms"],
            rationale: "Offering \"transgender\" beside \"male\" and \"female\", or among sexual orientations, treats being trans as a gender or an orientation of its own. A trans woman is a woman; whether a person's gender matches the sex they were registered with at birth is a separate, optional question.",
            source: sources::GOVUK_EQUALITY,
            fires: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"g","label":"Gender","kind":"single_choice","options":["Male","Female","Transgender","Prefer not to say"]}]}"#],
            passes: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"g","label":"Gender","kind":"single_choice","options":["Male (including trans man)","Female (including trans woman)","Non-binary","Prefer not to say"]},{"id":"t","label":"Is your gender the same as the sex you were registered at birth?","kind":"single_choice","options":["Yes","No","Prefer not to say"]}]}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let fields = match select(
            draft,
            |f| is_choice(f) && (asks_sex_or_gender(f) || asks_orientation(f)),
            "the form asks no sex, gender or orientation question with options",
        ) {
            Ok(fields) => fields,
            Err(v) => return v,
        };
        let trans_option = |o: &String| {
            ["transgender", "trans", "transsexual"]
                .iter()
                .any(|w| mentions(o, w))
                && !o.to_ascii_lowercase().contains("including")
        };
        let findings = fields
            .into_iter()
            .filter(|(_, f)| f.options.iter().any(trans_option))
            .map(|(i, f)| {
                RawFinding::violation(
                    format!("/fields/{i}/options"),
                    format!("{:?} lists trans as an answer of its own. Ask gender identity with inclusive options, and trans history as a separate optional question.", f.label),
                )
                .suggest("Is your gender the same as the sex you were registered at birth? Yes / No / Prefer not to say")
            })
            .collect();
        Verdict::findings(findings, "trans status is not mixed into other questions")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&DataTransStatusMixed);
    }
    fn form(fields: &str) -> String {
        format!(r#"{{"title":"Registration","kind":"data_collection_form","fields":[{fields}]}}"#)
    }

    #[test]
    fn trans_as_a_sexual_orientation_is_flagged_too() {
        let found = findings(
            &DataTransStatusMixed,
            &form(
                r#"{"id":"o","label":"Sexual orientation","kind":"single_choice","options":["Gay","Straight","Trans"]}"#,
            ),
        );
        assert_eq!(paths(&found), [("/fields/0/options", false)]);
        assert!(
            found[0]
                .message
                .starts_with("\"Sexual orientation\" lists trans as an answer of its own.")
        );
    }

    #[test]
    fn inclusive_options_that_mention_trans_are_not_flagged() {
        let found = findings(
            &DataTransStatusMixed,
            &form(
                r#"{"id":"g","label":"Gender","kind":"single_choice","options":["Female (including trans women)","Male (including trans men)"]}"#,
            ),
        );
        assert!(found.is_empty(), "{found:?}");
    }
}
