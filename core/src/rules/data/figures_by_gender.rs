//! `data-figures-by-gender`: figures broken down by "gender" say whether
//! that means sex or gender identity.

use crate::model::{PackOptions, Severity};
use crate::rules::data::caseless;
use crate::rules::data::fields::mentions;
use crate::rules::data::figures::{has_figure, may_hold_figure, sentences};
use crate::rules::phrases::PhraseList;
use crate::rules::{
    Family, RuleMeta, SectionScan, SectionText, SectionTextRule, StaticMeta, sources,
    sources::further,
};
use crate::text::is_whole_word;

pub(crate) struct DataFiguresByGender;

/// Words after "gender" that make it a name or another concept, not a
/// breakdown: "gender identity", "gender pay gap" (the statutory name).
const NOT_A_BREAKDOWN: [&str; 13] = [
    "identity",
    "identities",
    "reassignment",
    "pay",
    "clinic",
    "clinics",
    "service",
    "services",
    "dysphoria",
    "incongruence",
    "recognition",
    "neutral",
    "-neutral",
];

/// The word this rule is about, which the shared read of a section looks
/// for: most sections never say it.
pub(crate) static GENDER: PhraseList = PhraseList::new(&["gender"]);

/// Words that make a sentence a breakdown by gender.
const BREAKDOWN: [&str; 9] = [
    "by gender",
    "gender breakdown",
    "gender split",
    "gender profile",
    "gender mix",
    "gender balance",
    "gender distribution",
    "split by gender",
    "broken down by gender",
];

/// "gender" used for a breakdown: the word's offset in `sentence`.
fn gender_breakdown(sentence: &str) -> Option<usize> {
    let said = BREAKDOWN.iter().any(|b| caseless::contains(sentence, b))
        || (["female", "male", "women", "men"]
            .iter()
            .any(|w| mentions(sentence, w)));
    if !said {
        return None;
    }
    caseless::find_iter(sentence, "gender")
        .filter(|&at| is_whole_word(sentence, at, at + "gender".len()))
        .find(|&at| {
            let after = sentence[at + "gender".len()..].trim_start_matches(' ');
            !NOT_A_BREAKDOWN.iter().any(|w| {
                caseless::strip_prefix(after, w)
                    .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphabetic()))
            })
        })
}

impl SectionTextRule for DataFiguresByGender {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-figures-by-gender",
            name: "Figures by \"gender\" that do not say sex or gender identity",
            family: Family::DataCollection,
            severity: Severity::Info,
            advisory: true,
            elements: &["4.3"],
            tags: &["data", "reporting"],
            rationale: "\"Gender\" is used for sex and for gender identity, and the two are different: the Sullivan review found that public data often does not say which it holds, so figures cannot be compared or relied on. A breakdown of figures \"by gender\" should say whether it means sex (as the Equality Act's characteristic is named) or gender identity, and how the data was collected.",
            source: sources::SULLIVAN,
            fires: &[
                r#"{"title":"Staff survey","kind":"action_plan","sections":[{"id":"r","text":"Staff survey results by gender: 62% of female and 58% of male staff would recommend the trust."}]}"#,
                r#"{"title":"Referrals","kind":"action_plan","sections":[{"id":"r","text":"The gender breakdown of referrals was 71% female and 29% male."}]}"#,
            ],
            passes: &[
                r#"{"title":"Staff survey","kind":"action_plan","sections":[{"id":"r","text":"Results by sex: 62% of women and 58% of men would recommend the trust."}]}"#,
                r#"{"title":"Staff survey","kind":"action_plan","sections":[{"id":"r","text":"Results by gender identity: 12% of respondents said their gender identity differs from their sex registered at birth."}]}"#,
                r#"{"title":"Pay","kind":"action_plan","sections":[{"id":"r","text":"The mean gender pay gap is 12.4%."}]}"#,
                r#"{"title":"Clinic","kind":"action_plan","sections":[{"id":"r","text":"The gender identity clinic saw 1,240 new referrals in 2025."}]}"#,
            ],
        }
        .to_meta()
        .citing(&[further::GSS_SEX])
    }

    fn scan(&self, read: &SectionText<'_>, _: &PackOptions) -> SectionScan {
        let text = read.text;
        let mut scan = SectionScan::default();
        // A finding is "gender" in a sentence with a figure.
        if !read.may_hold(&GENDER) || !may_hold_figure(read) {
            return scan;
        }
        for paragraph_start in paragraph_starts(text) {
            let paragraph_end = text[paragraph_start..]
                .find("\n\n")
                .map_or(text.len(), |i| paragraph_start + i);
            let paragraph = &text[paragraph_start..paragraph_end];
            // A paragraph that says sex or gender identity has said which.
            if mentions(paragraph, "sex") || caseless::contains(paragraph, "gender identity") {
                continue;
            }
            for (from, sentence) in sentences(paragraph) {
                if !has_figure(sentence) {
                    continue;
                }
                if let Some(at) = gender_breakdown(sentence) {
                    scan.relevant = true;
                    let start = paragraph_start + from + at;
                    scan.findings.push((
                        start,
                        start + "gender".len(),
                        "These figures are broken down by \"gender\" without saying whether that means sex or gender identity. Say which, and how the data was collected.".into(),
                    ));
                }
            }
        }
        scan
    }

    fn not_applicable(&self) -> &'static str {
        "the draft gives no figures broken down by gender"
    }

    fn pass_reason(&self, _: &PackOptions) -> String {
        "figures broken down by gender say whether they mean sex or gender identity".into()
    }
}

/// Where each paragraph (text between blank lines) starts.
fn paragraph_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices("\n\n").map(|(i, _)| i + 2))
        .filter(|&i| i < text.len())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::data::caseless::tests::text_from;
    use crate::rules::testing::{scan, section_examples_behave};
    use proptest::prelude::*;

    // As it was, reading a lowercased copy: what `gender_breakdown` must agree with.
    fn gender_breakdown_before(lower: &str) -> Option<usize> {
        let said = BREAKDOWN.iter().any(|b| lower.contains(b))
            || (["female", "male", "women", "men"]
                .iter()
                .any(|w| mentions(lower, w)));
        if !said {
            return None;
        }
        lower
            .match_indices("gender")
            .map(|(at, _)| at)
            .filter(|&at| is_whole_word(lower, at, at + "gender".len()))
            .find(|&at| {
                let after = lower[at + "gender".len()..].trim_start_matches(' ');
                !NOT_A_BREAKDOWN.iter().any(|w| {
                    after
                        .strip_prefix(w)
                        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphabetic()))
                })
            })
    }

    proptest! {
        #[test]
        fn gender_breakdown_agrees_with_reading_a_lowercased_copy(
            text in text_from(&[
                "gender", "by gender", "gender split", " identity", " pay", "-neutral", " ",
                "  ", "female", "male", "women", "men", "x", "s", "62%",
            ])
        ) {
            prop_assert_eq!(
                gender_breakdown(&text),
                gender_breakdown_before(&text.to_ascii_lowercase())
            );
        }
    }

    #[test]
    fn its_examples_behave_as_stated() {
        section_examples_behave(&DataFiguresByGender);
    }

    #[test]
    fn points_at_the_word_and_stays_quiet_where_the_paragraph_says_sex() {
        let draft = r#"{"title":"t","kind":"action_plan","sections":[{"id":"a","text":"By gender, 64% of female staff agreed.\n\nBy gender (sex recorded on ESR), 64% of female staff agreed."}]}"#;
        let found = scan(&DataFiguresByGender, draft);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "gender");
    }
}
