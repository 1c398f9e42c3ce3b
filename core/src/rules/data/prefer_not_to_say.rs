//! `data-prefer-not-to-say`: every equality question lets people decline.

use crate::model::Severity;
use crate::model::{Draft, Field};
use crate::rules::data::fields::{
    OptOut, UNKNOWN_USE, is_choice, is_demographic, no_fields, opt_out,
};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
    sources::further,
};

pub(crate) struct DataPreferNotToSay;

impl StructuralRule for DataPreferNotToSay {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-prefer-not-to-say",
            name: "Equality questions without prefer not to say",
            family: Family::DataCollection,
            severity: Severity::Warning,
            advisory: false,
            elements: &["4.2"],
            tags: &["data", "forms"],
            rationale: "Equality monitoring questions are voluntary, and GOV.UK's equality information pattern asks forms to make clear that they are optional. Without a way to decline, people either skip the form or give an answer that is not true, and staff are put in the position of pressing for it; NHS standards code \"not stated\" for people who choose not to answer. A clinical record's sex is different: the PRSB data items keep sex at birth in the record for care such as screening, with \"not known\" codes rather than an opt-out. So the rule applies to monitoring questions (a field's `use`, or a purpose that says monitoring, equality or optional); it leaves clinical and administrative records alone; and for a sex or gender question whose use is not stated or inferable it is advisory.",
            source: sources::GOVUK_EQUALITY,
            fires: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"r","label":"Religion or belief","kind":"single_choice","options":["No religion","Christian","Muslim","Hindu","Jewish","Sikh","Buddhist","Other"]}]}"#],
            passes: &[
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"r","label":"Religion or belief","kind":"single_choice","options":["No religion","Christian","Muslim","Other (please describe)","Prefer not to say"]}]}"#,
                r#"{"title":"GP registration","kind":"data_collection_form","fields":[{"id":"s","label":"What is your sex?","kind":"single_choice","options":["Female","Male"],"required":true,"purpose":"So we can invite you for the right screening."}]}"#,
                r#"{"title":"GP registration","kind":"data_collection_form","fields":[{"id":"s","label":"Sex","kind":"single_choice","options":["Female","Male","Not known"],"use":"clinical_record"}]}"#,
            ],
        }
        .to_meta()
        .citing(&[further::PRSB])
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        if let Some(v) = no_fields(draft) {
            return v;
        }
        let demographic: Vec<(usize, &Field)> = draft
            .fields
            .iter()
            .enumerate()
            .filter(|(_, f)| is_choice(f) && is_demographic(f))
            .collect();
        if demographic.is_empty() {
            return Verdict::NotApplicable(
                "the form has no equality monitoring choice questions".into(),
            );
        }
        let declines = [
            "prefer not to say",
            "prefer not to answer",
            "not stated",
            "rather not say",
        ];
        let monitoring: Vec<(usize, &Field, OptOut)> = demographic
            .into_iter()
            .map(|(i, f)| (i, f, opt_out(f)))
            .filter(|(_, _, o)| *o != OptOut::NotApplicable)
            .collect();
        if monitoring.is_empty() {
            return Verdict::NotApplicable(
                "the form's equality questions are clinical or administrative records, which use their own \"not known\" codes".into(),
            );
        }
        // Where the form marks the questions that must be answered, one it
        // leaves unmarked can be left blank, so "no way to decline" would be
        // wrong; "Prefer not to say" still records a decline as not stated.
        let marks_required = draft.fields.iter().any(|f| f.required);
        let findings = monitoring
            .into_iter()
            .filter(|(_, f, _)| {
                !f.options.iter().any(|o| {
                    let lower = o.to_ascii_lowercase();
                    declines.iter().any(|d| lower.contains(d))
                })
            })
            .map(|(i, f, o)| {
                let path = format!("/fields/{i}/options");
                if marks_required && !f.required {
                    return RawFinding::review(
                        path,
                        format!(
                            "{:?} is optional, so it can be left blank, but it has no \"Prefer not to say\". Offering one records a decline as \"not stated\" rather than leaving it unknown.",
                            f.label
                        ),
                    )
                    .suggest("Prefer not to say");
                }
                let message = format!(
                    "{:?} gives no way to decline. Add \"Prefer not to say\".",
                    f.label
                );
                match o {
                    OptOut::Advisory => RawFinding::review(
                        path,
                        format!(
                            "{:?} gives no way to decline. If it is an equality monitoring question, add \"Prefer not to say\".{UNKNOWN_USE}",
                            f.label
                        ),
                    ),
                    _ => RawFinding::violation(path, message),
                }
                .suggest("Prefer not to say")
            })
            .collect();
        Verdict::findings(findings, "every equality question offers prefer not to say")
    }

    fn evidences(&self) -> &'static [&'static str] {
        // A way to decline on every equality question is part of the safe and
        // inclusive collection 4.2 asks for; not applicable without one.
        &["4.2"]
    }

    fn evidence_at(&self) -> Option<&'static str> {
        Some("/fields")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{examples_behave, findings, not_applicable, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&DataPreferNotToSay);
    }
    fn form(fields: &str) -> String {
        format!(r#"{{"title":"Registration","kind":"data_collection_form","fields":[{fields}]}}"#)
    }

    #[test]
    fn names_the_question_with_no_way_to_decline() {
        let found = findings(
            &DataPreferNotToSay,
            &form(
                r#"{"id":"e","label":"Ethnic group","kind":"single_choice","options":["White","Other","I would rather not say"]},{"id":"r","label":"Religion","kind":"single_choice","options":["None","Christian"]}"#,
            ),
        );
        assert_eq!(paths(&found), [("/fields/1/options", false)]);
        assert_eq!(
            found[0].message,
            "\"Religion\" gives no way to decline. Add \"Prefer not to say\"."
        );
    }

    #[test]
    fn a_clinical_records_sex_is_never_told_to_offer_an_opt_out() {
        let screening = form(
            r#"{"id":"s","label":"What is your sex?","kind":"single_choice","options":["Female","Male"],"purpose":"We use this to send the right screening invitations."}"#,
        );
        assert!(not_applicable(&DataPreferNotToSay, &screening));
        let stated = form(
            r#"{"id":"s","label":"Sex","kind":"single_choice","options":["Female","Male"],"use":"clinical_record"},{"id":"r","label":"Religion","kind":"single_choice","options":["None","Christian"]}"#,
        );
        assert_eq!(
            paths(&findings(&DataPreferNotToSay, &stated)),
            [("/fields/1/options", false)]
        );
    }

    #[test]
    fn a_sex_question_of_unknown_use_gets_advice_not_a_violation() {
        let found = findings(
            &DataPreferNotToSay,
            &form(r#"{"id":"s","label":"Sex","kind":"single_choice","options":["Female","Male"]}"#),
        );
        assert_eq!(paths(&found), [("/fields/0/options", true)]);
        assert!(
            found[0].message.contains("not known"),
            "{}",
            found[0].message
        );
        let monitoring = form(
            r#"{"id":"s","label":"Sex","kind":"single_choice","options":["Female","Male"],"use":"monitoring"}"#,
        );
        assert_eq!(
            paths(&findings(&DataPreferNotToSay, &monitoring)),
            [("/fields/0/options", false)]
        );
    }

    #[test]
    fn an_optional_question_is_not_told_it_gives_no_way_to_decline() {
        // The registration page's gender identity question: "(optional)" on a
        // form whose other questions are marked required.
        let page = form(
            r#"{"id":"n","label":"Full name","kind":"text","required":true},{"id":"g","label":"Is the gender you identify with the same as your sex registered at birth?","kind":"single_choice","options":["Yes","No"]},{"id":"r","label":"Religion","kind":"single_choice","options":["None","Christian"],"required":true}"#,
        );
        let found = findings(&DataPreferNotToSay, &page);
        assert_eq!(
            paths(&found),
            [("/fields/1/options", true), ("/fields/2/options", false)],
            "the optional question gets advice, the required one a violation"
        );
        assert!(
            found[0]
                .message
                .contains("is optional, so it can be left blank")
                && !found[0].message.contains("no way to decline")
                && !found[0].message.contains("screening"),
            "{}",
            found[0].message
        );
        let unmarked = form(
            r#"{"id":"g","label":"Is the gender you identify with the same as your sex registered at birth?","kind":"single_choice","options":["Yes","No"]}"#,
        );
        assert_eq!(
            paths(&findings(&DataPreferNotToSay, &unmarked)),
            [("/fields/0/options", false)],
            "a form that marks nothing required says nothing about optional"
        );
    }

    #[test]
    fn a_care_preference_is_not_monitoring() {
        assert!(not_applicable(
            &DataPreferNotToSay,
            &form(
                r#"{"id":"c","label":"Would you like a clinician of a particular sex?","kind":"single_choice","options":["Yes","No"]}"#
            )
        ));
    }
}
