//! `services-accommodation-gender-identity`: a sentence that allocates wards,
//! bays or facilities by gender identity or presentation, or lets trans
//! people use the facilities of the other sex, is a legal question to raise.

use crate::model::{PackOptions, Severity};
use crate::rules::phrases::PhraseList;
use crate::rules::services::{find, has_any, sentences};
use crate::rules::{
    Family, RuleMeta, SectionScan, SectionText, SectionTextRule, StaticMeta, sources,
    sources::further,
};

pub(crate) struct ServicesAccommodationGenderIdentity;

/// Words for accommodation and facilities that can be single-sex.
pub(crate) static FACILITIES: PhraseList = PhraseList::new(&[
    "accommodated",
    "accommodate",
    "accommodation",
    "ward",
    "wards",
    "bay",
    "bays",
    "bed",
    "beds",
    "toilet",
    "toilets",
    "lavatory",
    "lavatories",
    "changing room",
    "changing rooms",
    "changing facilities",
    "changing area",
    "changing areas",
    "changing",
    "facilities",
    "facility",
    "shower",
    "showers",
    "washroom",
    "washrooms",
    "bathroom",
    "bathrooms",
    "dormitory",
    "dormitories",
    "single-sex",
    "single sex",
    "women-only",
    "spaces",
]);

/// What a person's accommodation might be allocated by, other than sex.
const BASES: [&str; 21] = [
    "gender identity",
    "gender presentation",
    "gender they present",
    "gender that they present",
    "how they present",
    "gender they identify",
    "gender that they identify",
    "gender he identifies",
    "gender she identifies",
    "gender they live",
    "self-identified gender",
    "self identified gender",
    "self-identification",
    "self-identify",
    "lived gender",
    "affirmed gender",
    "acquired gender",
    "preferred gender",
    "how they identify",
    "identify as",
    "identifies as",
];

/// Words just after a basis that make it a name, not an allocation ("the
/// gender identity clinic").
const NOT_A_BASIS: [&str; 7] = [
    " clinic",
    " service",
    " services",
    " team",
    " development",
    " disorder",
    " network",
];

/// Words that tie an allocation to a basis: "based on their gender identity".
static CONNECTORS: PhraseList = PhraseList::new(&[
    "according to",
    "in line with",
    "based on",
    "on the basis of",
    "in accordance with",
    "match",
    "matches",
    "matching",
    "reflect",
    "reflects",
    "reflecting",
    "consistent with",
    "of their",
    "of his",
    "of her",
    "follows",
    "follow",
    "by their",
    "aligned with",
    "corresponds to",
    "correspond to",
    "corresponding to",
    "that fits",
    "appropriate to",
    "in keeping with",
]);

/// Trans people named as the ones using a facility.
pub(crate) static TRANS_PEOPLE: PhraseList = PhraseList::new(&[
    "trans woman",
    "trans women",
    "trans man",
    "trans men",
    "transgender woman",
    "transgender women",
    "transgender man",
    "transgender men",
    "trans female",
    "trans male",
    "trans patient",
    "trans patients",
    "trans staff",
    "trans people",
    "trans person",
    "transgender patients",
    "transgender people",
    "transgender staff",
    "identify as",
    "identifies as",
]);

/// Words that mark a facility for one sex: "the female changing rooms".
const SEXED: [&str; 11] = [
    "female", "women's", "womens", "women", "ladies", "ladies'", "male", "men's", "mens", "men",
    "gents",
];

/// A basis of allocation tied to it by a connector within a few words.
fn allocates_by_identity(lower: &str) -> bool {
    BASES.iter().any(|basis| {
        find(lower, basis).into_iter().any(|at| {
            let after = &lower[at + basis.len()..];
            let named = NOT_A_BASIS.iter().any(|w| after.starts_with(w));
            let window = &lower[at.saturating_sub(48)..at];
            let window = window
                .char_indices()
                .map(|(i, _)| i)
                .find(|&i| window.is_char_boundary(i))
                .map_or(window, |i| &window[i..]);
            !named && has_any(window, &CONNECTORS)
        })
    })
}

/// A facility marked for one sex: a sex word followed, within three words,
/// by a facility word.
fn sexed_facility(lower: &str) -> bool {
    SEXED.iter().any(|marker| {
        find(lower, marker).into_iter().any(|at| {
            let rest = &lower[at + marker.len()..];
            let next: String = rest
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            has_any(&next, &FACILITIES)
        })
    })
}

/// Whether a sentence allocates accommodation or facilities by gender
/// identity, or lets trans people use the facilities of one sex.
pub(super) fn accommodates_by_identity(lower: &str) -> bool {
    let facility = has_any(lower, &FACILITIES);
    let by_identity = facility && allocates_by_identity(lower);
    let trans_in_sexed = has_any(lower, &TRANS_PEOPLE) && sexed_facility(lower);
    by_identity || trans_in_sexed
}

impl SectionTextRule for ServicesAccommodationGenderIdentity {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "services-accommodation-gender-identity",
            name: "Accommodation or facilities allocated by gender identity",
            family: Family::Services,
            severity: Severity::Warning,
            advisory: true,
            elements: &["3.1", "3.2"],
            tags: &["legal", "contested", "single-sex"],
            rationale: "On 16 April 2025 the Supreme Court held in For Women Scotland v Scottish Ministers [2025] UKSC 16 that \"sex\", \"man\" and \"woman\" in the Equality Act 2010 mean biological sex. The EHRC's draft code of practice for services, laid before Parliament on 21 May 2026, reads the Act that way and says that a service which admits trans people of the opposite sex is no longer a single-sex service under the Act; it advises offering single-sex and mixed or single-occupancy facilities where possible. Check whether the code is now in force. It covers services, not workplaces: staff toilets and changing rooms fall under the workplace regulations. NHS England is revising its same-sex accommodation guidance to match. The 2022 framework's advice to accommodate people by gender presentation predates the judgment, and the NHS Confederation withdrew its trans-inclusive facilities guidance in June 2025. A sentence that allocates wards, bays or facilities by gender identity or presentation, or lets trans people use the facilities of the other sex, therefore raises a legal question: this check cites the sources and asks for legal review; it does not decide the answer.",
            source: sources::FWS,
            fires: &[
                r#"{"title":"Ward policy","kind":"clinical_policy","sections":[{"id":"a","text":"Patients will be accommodated based on their gender identity."}]}"#,
                r#"{"title":"Changing","kind":"workforce_policy","sections":[{"id":"a","text":"Trans women may use the female changing rooms."}]}"#,
                r#"{"title":"Ward policy","kind":"clinical_policy","sections":[{"id":"a","text":"Trans patients are placed on the ward that matches their gender presentation."}]}"#,
                r#"{"title":"Toilets","kind":"workforce_policy","sections":[{"id":"a","text":"Staff may use the toilets that match the gender they identify with."}]}"#,
                r#"{"title":"Ward policy","kind":"clinical_policy","sections":[{"id":"a","text":"A trans man can be cared for in a male bay if he wishes."}]}"#,
                r#"{"title":"Unit","kind":"clinical_policy","sections":[{"id":"a","text":"Bed allocation on the unit follows the patient's self-identified gender."}]}"#,
            ],
            passes: &[
                r#"{"title":"Ward policy","kind":"clinical_policy","sections":[{"id":"a","text":"Trans patients can ask for a side room."}]}"#,
                r#"{"title":"Ward policy","kind":"clinical_policy","sections":[{"id":"a","text":"Staff will respect each patient's gender identity and use the name they ask for."}]}"#,
                r#"{"title":"Toilets","kind":"service_design","sections":[{"id":"a","text":"The ward has gender-neutral toilets that anyone can use."}]}"#,
                r#"{"title":"Estates","kind":"service_design","sections":[{"id":"a","text":"The female changing rooms are being refurbished in March."}]}"#,
                r#"{"title":"Toilets","kind":"service_design","sections":[{"id":"a","text":"Single-occupancy toilets are available to anyone who prefers them, including trans and non-binary people."}]}"#,
                r#"{"title":"Feedback","kind":"service_design","sections":[{"id":"a","text":"A patient told us: \"I was put in a bay that matched my gender identity.\""}]}"#,
                r#"{"title":"Clinic","kind":"service_design","sections":[{"id":"a","text":"The gender identity clinic has moved next to ward 4."}]}"#,
            ],
        }
        .to_meta()
        .citing(&[
            further::SERVICES_CODE_SUMMARY,
            further::CODE_IN_FORCE,
            further::SAME_SEX_ACCOMMODATION,
            further::CONFEDERATION_WITHDRAWAL,
        ])
        .contested("Since the judgment, some organisations hold that single-sex wards and facilities must be allocated by biological sex, as the EHRC's draft code reads the Act; others aim to keep trans-inclusive arrangements, pending final guidance or on a different legal view, and campaign groups on both sides dispute the code. This rule is advisory: it flags the sentence, cites the judgment and the code, and asks for legal review and a recorded rationale; it does not say which arrangement is right.")
    }

    fn scan(&self, text: &SectionText<'_>, _: &PackOptions) -> SectionScan {
        let mut scan = SectionScan::default();
        // A sentence that fires names a facility or trans people, and a
        // sentence holds what the text holds: most texts hold neither.
        if !text.may_hold(&FACILITIES) && !text.may_hold(&TRANS_PEOPLE) {
            return scan;
        }
        for sentence in sentences(text.text) {
            if !accommodates_by_identity(&sentence.lower) {
                continue;
            }
            scan.relevant = true;
            scan.findings.push((
                sentence.start,
                sentence.end,
                "This sentence allocates accommodation or facilities by gender identity, or lets trans people use the facilities of the other sex. Since For Women Scotland [2025] UKSC 16, \"sex\" in the Equality Act 2010 means biological sex, and the EHRC's draft services code (laid 21 May 2026; check whether it is in force) says a service that admits trans people of the opposite sex is no longer single-sex under the Act. Staff facilities fall under the workplace regulations instead. Take legal advice, and record the reasoning and the alternatives (side rooms, single-occupancy facilities) in the equality impact assessment.".into(),
            ));
        }
        scan
    }

    fn not_applicable(&self) -> &'static str {
        "no sentence says how accommodation or facilities are allocated by gender identity"
    }

    fn pass_reason(&self, _: &PackOptions) -> String {
        "no sentence allocates accommodation or facilities by gender identity".into()
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn its_phrase_lists_are_found_as_one_search_found_them() {
        for list in [&FACILITIES, &CONNECTORS, &TRANS_PEOPLE] {
            crate::rules::phrases::assert_cannot_overlap(list.phrases());
        }
    }
    use super::*;
    use crate::rules::testing::{scan, section_examples_behave};

    #[test]
    fn its_examples_behave_as_stated() {
        section_examples_behave(&ServicesAccommodationGenderIdentity);
    }

    #[test]
    fn the_finding_covers_the_sentence_and_cites_the_judgment_and_the_code() {
        let text =
            "Visiting is from 2pm. Trans women can use the women's toilets and showers. Call us.";
        let draft = format!(
            r#"{{"title":"t","kind":"clinical_policy","sections":[{{"id":"a","text":"{text}"}}]}}"#
        );
        let found = scan(&ServicesAccommodationGenderIdentity, &draft);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].0,
            "Trans women can use the women's toilets and showers."
        );
        assert!(found[0].1.contains("[2025] UKSC 16"));
        assert!(found[0].1.contains("services code"));
        assert!(found[0].1.contains("legal advice"));
    }

    #[test]
    fn the_message_and_rationale_assert_no_position() {
        let meta = ServicesAccommodationGenderIdentity.meta();
        for text in [
            meta.rationale.as_str(),
            meta.contested.as_deref().unwrap_or(""),
        ] {
            let lower = text.to_lowercase();
            for claim in [
                "trans women are women",
                "a trans woman is a woman",
                "trans women are men",
            ] {
                assert!(!lower.contains(claim), "{claim}");
            }
        }
        assert!(meta.advisory);
    }

    #[test]
    fn more_ways_of_saying_it() {
        for fires in [
            "Patients are accommodated on single-sex wards according to their gender identity.",
            "Trans staff may use the changing facilities of their affirmed gender.",
            "Pre-op trans women can be accommodated in single rooms on female wards.",
            "People who cross-dress can use the changing room that matches how they present.",
            "Patients who identify as women may use the ladies toilets.",
        ] {
            assert!(
                accommodates_by_identity(&fires.to_ascii_lowercase()),
                "{fires}"
            );
        }
        for quiet in [
            "Trans women are at higher risk of some conditions, and the clinic offers advice.",
            "The trust's gender identity clinic has moved to the outpatient building.",
            "Patients are cared for on single-sex wards wherever possible.",
            "Men's health checks run on Tuesdays; trans men are welcome to book.",
        ] {
            assert!(
                !accommodates_by_identity(&quiet.to_ascii_lowercase()),
                "{quiet}"
            );
        }
    }
}
