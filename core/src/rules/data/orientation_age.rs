//! `data-orientation-age`: a sexual orientation question on a form for children says who is asked.

use crate::model::Severity;
use crate::model::{Audience, Draft};
use crate::rules::data::fields::{asks_orientation, select};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

pub(crate) struct DataOrientationAge;

impl StructuralRule for DataOrientationAge {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-orientation-age",
            name: "Sexual orientation asked of children",
            family: Family::DataCollection,
            severity: Severity::Warning,
            advisory: true,
            elements: &["4.1", "5.2"],
            tags: &["data", "forms", "children"],
            rationale: "NHS England's sexual orientation monitoring standard applies to people aged 16 and over. A form for children and young people that asks the question should say who is asked, and how, with safeguarding and consent in mind.",
            source: sources::SO_STANDARD,
            fires: &[r#"{"title":"Youth service referral","kind":"data_collection_form","audience":["children_and_young_people"],"fields":[{"id":"so","label":"Sexual orientation","kind":"text","purpose":"Optional; equality monitoring"}]}"#],
            passes: &[r#"{"title":"Youth service referral","kind":"data_collection_form","audience":["children_and_young_people"],"fields":[{"id":"so","label":"Sexual orientation (asked only of people aged 16 and over)","kind":"text"}]}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        if !draft.audience.contains(&Audience::ChildrenAndYoungPeople) {
            return Verdict::NotApplicable("the form is not for children and young people".into());
        }
        let fields = match select(
            draft,
            asks_orientation,
            "the form does not ask sexual orientation",
        ) {
            Ok(fields) => fields,
            Err(v) => return v,
        };
        let findings = fields
            .into_iter()
            .filter(|(_, f)| {
                let says_age = |t: &str| t.contains("16") || t.to_ascii_lowercase().contains("sixteen");
                !says_age(&f.label) && !f.purpose.as_deref().is_some_and(says_age)
            })
            .map(|(i, f)| {
                RawFinding::review(
                    format!("/fields/{i}"),
                    format!("{:?} may be asked of children. The NHS standard applies from age 16; say who is asked, and how.", f.label),
                )
            })
            .collect();
        Verdict::findings(
            findings,
            "the sexual orientation question says it is for people aged 16 and over",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, not_applicable, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&DataOrientationAge);
    }

    fn youth_form(field: &str) -> String {
        format!(
            r#"{{"title":"Referral","kind":"data_collection_form","audience":["children_and_young_people"],"fields":[{field}]}}"#
        )
    }

    #[test]
    fn needs_review_at_the_field() {
        let found = findings(
            &DataOrientationAge,
            &youth_form(r#"{"id":"so","label":"Sexual orientation","kind":"text"}"#),
        );
        assert_eq!(paths(&found), [("/fields/0", true)]);
    }

    #[test]
    fn an_age_in_the_purpose_is_enough() {
        let found = findings(
            &DataOrientationAge,
            &youth_form(
                r#"{"id":"so","label":"Sexual orientation","kind":"text","purpose":"Optional; asked of people aged sixteen and over"}"#,
            ),
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_form_not_for_children_is_not_applicable() {
        assert!(not_applicable(
            &DataOrientationAge,
            r#"{"title":"t","kind":"data_collection_form","fields":[{"id":"so","label":"Sexual orientation","kind":"text"}]}"#
        ));
    }
}
