//! `policy-facilities-services-code`: a workforce policy on staff facilities
//! cites the EHRC code for services, which does not cover workplaces.

use crate::model::{Audience, Draft, DraftKind, Severity};
use crate::rules::phrases::PhraseList;
use crate::rules::services::{find, has_any, sentences};
use crate::rules::{
    Family, RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
    sources::further,
};

pub(crate) struct PolicyFacilitiesServicesCode;

/// Ways of naming the EHRC code for services.
pub(crate) static SERVICES_CODE: PhraseList = PhraseList::new(&[
    "services, public functions and associations",
    "code of practice for services",
    "services code of practice",
    "services code",
    "code of practice on services",
]);

/// Staff facilities the workplace regulations cover.
static FACILITIES: PhraseList = PhraseList::new(&[
    "toilet",
    "toilets",
    "changing room",
    "changing rooms",
    "changing facilities",
    "showers",
    "shower",
    "washrooms",
    "lockers",
    "facilities",
]);

/// A workforce policy, or a policy written only for staff.
fn for_staff(draft: &Draft) -> bool {
    draft.kind == DraftKind::WorkforcePolicy
        || (!draft.audience.is_empty() && draft.audience.iter().all(|a| *a == Audience::Staff))
}

impl StructuralRule for PolicyFacilitiesServicesCode {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "policy-facilities-services-code",
            name: "Staff facilities policy citing the services code",
            family: Family::Services,
            severity: Severity::Warning,
            advisory: false,
            elements: &["1.2", "3.1"],
            tags: &["legal", "workforce", "single-sex"],
            rationale: "The EHRC's code of practice for services, public functions and associations (the draft laid on 21 May 2026) is guidance for service providers, public functions and associations. It does not apply to employers' duties to staff: workplace toilets, washrooms and changing rooms are governed by the Workplace (Health, Safety and Welfare) Regulations 1992 and their guidance, read with the Equality Act as the Supreme Court interpreted it in For Women Scotland [2025] UKSC 16, and the EHRC's employment code has its own timetable. A workforce policy that cites the services code for staff facilities rests on guidance that does not cover them.",
            source: sources::SERVICES_CODE,
            fires: &[
                r#"{"title":"Staff changing facilities","kind":"workforce_policy","sections":[{"id":"a","text":"This policy follows the EHRC Code of Practice for services, public functions and associations when deciding who may use the staff changing rooms."}]}"#,
            ],
            passes: &[
                r#"{"title":"Staff changing facilities","kind":"workforce_policy","sections":[{"id":"a","text":"Staff changing rooms are provided in line with the Workplace (Health, Safety and Welfare) Regulations 1992."}]}"#,
                r#"{"title":"Outpatient toilets","kind":"service_design","sections":[{"id":"a","text":"Patient toilets follow the EHRC Code of Practice for services, public functions and associations."}]}"#,
            ],
        }
        .to_meta()
        .citing(&[further::SERVICES_CODE_SUMMARY, further::CODE_IN_FORCE])
    }

    fn check(&self, draft: &Draft, cx: &RuleContext<'_>) -> Verdict {
        if !for_staff(draft) {
            return Verdict::NotApplicable(
                "the draft is not a workforce policy; the services code may apply to it".into(),
            );
        }
        let mut cites_code = false;
        let mut findings = Vec::new();
        for (i, section) in draft.sections.iter().enumerate() {
            // Only a sentence citing the code counts, and a sentence holds
            // what its section holds: most sections never name the code.
            if !cx.section_may_hold(i, &section.text, &SERVICES_CODE) {
                continue;
            }
            let all = sentences(&section.text);
            let about_facilities = all.iter().any(|s| has_any(&s.lower, &FACILITIES))
                || has_any(&section.heading.to_ascii_lowercase(), &FACILITIES);
            for sentence in &all {
                let Some((at, len)) = SERVICES_CODE
                    .phrases()
                    .iter()
                    .find_map(|c| find(&sentence.lower, c).first().map(|&at| (at, c.len())))
                else {
                    continue;
                };
                cites_code = true;
                if about_facilities {
                    let start = sentence.start + at;
                    findings.push(
                        RawFinding::violation(
                            format!("/sections/{i}/text"),
                            "This workforce policy cites the EHRC code for services, public functions and associations for staff facilities. That code covers services, not workplaces: staff toilets and changing rooms fall under the Workplace (Health, Safety and Welfare) Regulations 1992 and their guidance, read with the Equality Act as interpreted in For Women Scotland [2025] UKSC 16. Cite those instead, and take advice.",
                        )
                        .at(start, start + len),
                    );
                }
            }
        }
        if !cites_code {
            return Verdict::NotApplicable("the policy does not cite the code for services".into());
        }
        Verdict::findings(
            findings,
            "the services code is not cited for staff facilities",
        )
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn its_phrase_lists_are_found_as_one_search_found_them() {
        crate::rules::phrases::assert_cannot_overlap(FACILITIES.phrases());
        crate::rules::phrases::assert_cannot_overlap(SERVICES_CODE.phrases());
    }
    use super::*;
    use crate::rules::testing::{examples_behave, findings, not_applicable, paths};

    #[test]
    fn its_examples_behave_as_stated() {
        examples_behave(&PolicyFacilitiesServicesCode);
    }

    #[test]
    fn points_at_the_citation_in_a_section_about_facilities() {
        let draft = r#"{"title":"Uniform and changing","kind":"workforce_policy","sections":[{"id":"u","text":"Uniform is laundered on site."},{"id":"c","heading":"Changing rooms","text":"Access follows the services code. Lockers are provided."}]}"#;
        let found = findings(&PolicyFacilitiesServicesCode, draft);
        assert_eq!(paths(&found), [("/sections/1/text", false)]);
        assert_eq!(found[0].span, Some((19, 32)));
    }

    #[test]
    fn a_citation_about_something_else_is_not_flagged() {
        let draft = r#"{"title":"Volunteering","kind":"workforce_policy","sections":[{"id":"v","text":"Volunteers who help patients follow the services code when giving information."}]}"#;
        assert!(findings(&PolicyFacilitiesServicesCode, draft).is_empty());
        let patients = r#"{"title":"Toilets","kind":"service_design","sections":[{"id":"v","text":"Toilets follow the services code."}]}"#;
        assert!(not_applicable(&PolicyFacilitiesServicesCode, patients));
    }
}
