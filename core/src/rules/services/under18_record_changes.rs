//! `policy-under18-record-changes`: a policy that describes NHS-number or
//! gender-marker changes for under-18s as available, when they were stopped
//! in March 2025.

use crate::model::{PackOptions, Severity};
use crate::rules::phrases::PhraseList;
use crate::rules::services::{has_any, sentences};
use crate::rules::{
    Family, RuleMeta, SectionScan, SectionText, SectionTextRule, StaticMeta, sources,
    sources::further,
};

pub(crate) struct PolicyUnder18RecordChanges;

/// Changes to the demographic record that were stopped for under-18s.
pub(crate) static RECORD_CHANGES: PhraseList = PhraseList::new(&[
    "gender marker",
    "gender markers",
    "sex marker",
    "sex markers",
    "new nhs number",
    "nhs number",
    "nhs numbers",
    "gender on their record",
    "gender on the record",
]);

/// Words for people under 18.
pub(crate) static UNDER_18: PhraseList = PhraseList::new(&[
    "under 18",
    "under-18",
    "under 18s",
    "under-18s",
    "under the age of 18",
    "child",
    "children",
    "young people",
    "young person",
    "minors",
    "adolescents",
    "teenagers",
    "aged 16",
    "aged 17",
    "16 and 17",
    "pupils",
]);

/// Words that describe the change as available.
static AVAILABLE: PhraseList = PhraseList::new(&[
    "can",
    "may",
    "will be",
    "are able",
    "is able",
    "able to",
    "on request",
    "be issued",
    "be changed",
    "is issued",
]);

/// Words that say it is not available.
static NOT_AVAILABLE: PhraseList = PhraseList::new(&[
    "cannot",
    "can't",
    "can not",
    "not be",
    "no longer",
    "stopped",
    "suspended",
    "paused",
    "not changed",
    "has not",
    "have not",
    "not available",
    "not possible",
    "will not",
    "do not",
    "does not",
]);

impl SectionTextRule for PolicyUnder18RecordChanges {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "policy-under18-record-changes",
            name: "NHS-number or gender-marker changes described as available to under-18s",
            family: Family::Services,
            severity: Severity::Warning,
            advisory: true,
            elements: &["3.1", "5.2"],
            tags: &["records", "children"],
            rationale: "Following the Sullivan review, the Secretary of State for Health and Social Care directed in March 2025 that the process for changing NHS numbers and gender markers for children and young people under 18 be stopped (Primary Care Support England). Under-18s can still change their name and title. A policy that describes these changes as available to under-18s is out of date; advisory, because the direction could change: check the current PCSE process.",
            source: sources::PCSE_UNDER_18,
            fires: &[
                r#"{"title":"Records","kind":"clinical_policy","sections":[{"id":"a","text":"Young people under 18 can ask their GP to change the gender marker on their NHS record."}]}"#,
                r#"{"title":"Records","kind":"clinical_policy","sections":[{"id":"a","text":"Children who transition can be issued a new NHS number on request."}]}"#,
            ],
            passes: &[
                r#"{"title":"Records","kind":"clinical_policy","sections":[{"id":"a","text":"Since March 2025, gender markers and NHS numbers cannot be changed for patients under 18."}]}"#,
                r#"{"title":"Records","kind":"clinical_policy","sections":[{"id":"a","text":"Adults can ask their GP practice to change the gender marker on their record."}]}"#,
                r#"{"title":"Records","kind":"clinical_policy","sections":[{"id":"a","text":"Young people under 18 can change the name and title on their record."}]}"#,
            ],
        }
        .to_meta()
        .citing(&[further::UNDER_18_HL7340, further::UNDER_18_HANSARD])
    }

    fn scan(&self, text: &SectionText<'_>, _: &PackOptions) -> SectionScan {
        let mut scan = SectionScan::default();
        // A sentence holds what the text holds: most texts hold neither list.
        if !text.may_hold(&RECORD_CHANGES) || !text.may_hold(&UNDER_18) {
            return scan;
        }
        for sentence in sentences(text.text) {
            let lower = &sentence.lower;
            if !(has_any(lower, &RECORD_CHANGES) && has_any(lower, &UNDER_18)) {
                continue;
            }
            scan.relevant = true;
            if has_any(lower, &AVAILABLE) && !has_any(lower, &NOT_AVAILABLE) {
                scan.findings.push((
                    sentence.start,
                    sentence.end,
                    "This describes NHS-number or gender-marker changes as available to under-18s. The Secretary of State directed in March 2025 that these changes stop for children and young people under 18 (they can still change their name and title). Check the current Primary Care Support England process and update the wording.".into(),
                ));
            }
        }
        scan
    }

    fn not_applicable(&self) -> &'static str {
        "the draft does not discuss record changes for under-18s"
    }

    fn pass_reason(&self, _: &PackOptions) -> String {
        "record changes for under-18s are not described as available".into()
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn its_phrase_lists_are_found_as_one_search_found_them() {
        for list in [&RECORD_CHANGES, &UNDER_18, &AVAILABLE, &NOT_AVAILABLE] {
            crate::rules::phrases::assert_cannot_overlap(list.phrases());
        }
    }
    use super::*;
    use crate::rules::testing::section_examples_behave;

    #[test]
    fn its_examples_behave_as_stated() {
        section_examples_behave(&PolicyUnder18RecordChanges);
    }
}
