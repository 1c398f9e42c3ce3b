//! Question design rules (framework 4.1 and 4.2): how equality questions are
//! worded and what they offer, beyond whether they are asked at all.

use crate::model::Severity;
use crate::model::{Audience, Draft, Field};
use crate::rules::data_fields::{
    asks_orientation, asks_sex_or_gender, asks_trans_history, is_choice, is_demographic, mentions,
    no_fields,
};
use crate::rules::{
    RawFinding, RuleContext, RuleMeta, StaticMeta, StructuralRule, Verdict, sources,
};

pub(crate) fn rules() -> Vec<Box<dyn StructuralRule>> {
    vec![
        Box::new(TransStatusMixed),
        Box::new(SexGenderConflated),
        Box::new(BareOther),
        Box::new(MaritalCivilPartnership),
        Box::new(PurposeStated),
        Box::new(OrientationAge),
        Box::new(NextOfKin),
    ]
}

/// Fields matching `select`, or why the rule does not apply.
fn select<'d>(
    draft: &'d Draft,
    select: impl Fn(&Field) -> bool,
    none: &str,
) -> Result<Vec<(usize, &'d Field)>, Verdict> {
    if let Some(v) = no_fields(draft) {
        return Err(v);
    }
    let chosen: Vec<(usize, &Field)> = draft
        .fields
        .iter()
        .enumerate()
        .filter(|(_, f)| select(f))
        .collect();
    if chosen.is_empty() {
        return Err(Verdict::NotApplicable(none.into()));
    }
    Ok(chosen)
}

struct TransStatusMixed;

impl StructuralRule for TransStatusMixed {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-trans-status-mixed",
            name: "Trans status mixed into another question",
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

struct SexGenderConflated;

impl StructuralRule for SexGenderConflated {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-sex-gender-conflated",
            name: "Sex and gender asked as one question",
            severity: Severity::Warning,
            advisory: false,
            elements: &["4.1"],
            tags: &["data", "forms"],
            rationale: "Sex and gender identity are different things, and NHS data standards record them separately. One question labelled \"sex/gender\" gets answers that mean different things to different people, so the data says little about either.",
            source: sources::GOVUK_EQUALITY,
            fires: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"g","label":"Sex/Gender","kind":"single_choice","options":["Male","Female","Prefer not to say"]}]}"#],
            passes: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"s","label":"Sex registered at birth","kind":"text"},{"id":"g","label":"Gender identity","kind":"text"}]}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let fields = match select(
            draft,
            asks_sex_or_gender,
            "the form asks no sex or gender question",
        ) {
            Ok(fields) => fields,
            Err(v) => return v,
        };
        let findings = fields
            .into_iter()
            .filter(|(_, f)| {
                mentions(&f.label, "sex") && mentions(&f.label, "gender") && !asks_trans_history(f)
            })
            .map(|(i, f)| {
                RawFinding::violation(
                    format!("/fields/{i}/label"),
                    format!("{:?} asks about sex and gender in one question. Ask them separately, and say why each is needed.", f.label),
                )
            })
            .collect();
        Verdict::findings(findings, "sex and gender are asked separately")
    }
}

struct BareOther;

fn is_bare_other(option: &str) -> bool {
    let lower = option
        .trim()
        .trim_end_matches(['.', ':'])
        .to_ascii_lowercase();
    matches!(lower.as_str(), "other" | "any other" | "others")
}

impl StructuralRule for BareOther {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-bare-other",
            name: "A bare \"Other\" with no way to describe",
            severity: Severity::Info,
            advisory: false,
            elements: &["4.2"],
            tags: &["data", "forms"],
            rationale: "An \"Other\" option with nowhere to say what it means tells the organisation nothing and tells the person they do not fit. Offer a way to describe, as the NHS and census categories do (\"Other, please describe\").",
            source: sources::GOVUK_EQUALITY,
            fires: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"r","label":"Religion or belief","kind":"single_choice","options":["No religion","Christian","Muslim","Other","Prefer not to say"]}]}"#],
            passes: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"r","label":"Religion or belief","kind":"single_choice","options":["No religion","Christian","Muslim","Other (please describe)","Prefer not to say"]}]}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let fields = match select(
            draft,
            |f| is_choice(f) && is_demographic(f),
            "the form has no equality monitoring choice questions",
        ) {
            Ok(fields) => fields,
            Err(v) => return v,
        };
        let findings = fields
            .into_iter()
            .flat_map(|(i, f)| {
                f.options
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| is_bare_other(o))
                    .map(move |(j, _)| {
                        RawFinding::violation(
                            format!("/fields/{i}/options/{j}"),
                            format!(
                                "{:?} offers a bare \"Other\". Add a way to describe.",
                                f.label
                            ),
                        )
                        .suggest("Other (please describe)")
                    })
            })
            .collect();
        Verdict::findings(findings, "every \"Other\" lets people describe themselves")
    }
}

struct MaritalCivilPartnership;

impl StructuralRule for MaritalCivilPartnership {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-marital-civil-partnership",
            name: "Marital status without civil partnership",
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

struct PurposeStated;

impl StructuralRule for PurposeStated {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-purpose-stated",
            name: "Why an equality question is asked, and that it is optional",
            severity: Severity::Warning,
            advisory: false,
            elements: &["4.2"],
            tags: &["data", "forms"],
            rationale: "People answer equality questions more often, and more truthfully, when the form says why the question is asked and that answering is optional. It also gives staff the words to explain it, which the framework found was what held data collection back.",
            source: sources::GOVUK_EQUALITY,
            fires: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"e","label":"Ethnic group","kind":"text","required":true}]}"#],
            passes: &[r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"e","label":"Ethnic group","kind":"text","purpose":"Optional. We use this to check our services reach everyone fairly."}]}"#],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        let fields = match select(
            draft,
            is_demographic,
            "the form has no equality monitoring questions",
        ) {
            Ok(fields) => fields,
            Err(v) => return v,
        };
        let optional_words = [
            "optional",
            "you do not have to",
            "you don't have to",
            "you don’t have to",
            "prefer not",
            "voluntary",
            "choose not",
            "do not need to answer",
        ];
        let mut findings = Vec::new();
        for (i, field) in fields {
            let purpose = field.purpose.as_deref().unwrap_or("").trim();
            if purpose.is_empty() {
                findings.push(RawFinding::violation(
                    format!("/fields/{i}/purpose"),
                    format!("{:?} does not say why it is asked. State the purpose, and that answering is optional.", field.label),
                ));
            } else if !optional_words
                .iter()
                .any(|w| purpose.to_lowercase().contains(w))
            {
                findings.push(RawFinding::violation(
                    format!("/fields/{i}/purpose"),
                    format!(
                        "{:?} says why it is asked but not that answering is optional. Say so.",
                        field.label
                    ),
                ));
            }
            if field.required {
                findings.push(RawFinding::violation(
                    format!("/fields/{i}/required"),
                    format!(
                        "{:?} is an equality question but is required. Make it optional.",
                        field.label
                    ),
                ));
            }
        }
        Verdict::findings(
            findings,
            "every equality question states its purpose and is optional",
        )
    }
}

struct OrientationAge;

impl StructuralRule for OrientationAge {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-orientation-age",
            name: "Sexual orientation asked of children",
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

struct NextOfKin;

/// Relationship words that are all family by blood or marriage.
const KIN_ONLY: [&str; 14] = [
    "spouse",
    "husband",
    "wife",
    "parent",
    "mother",
    "father",
    "child",
    "son",
    "daughter",
    "brother",
    "sister",
    "brother or sister",
    "sibling",
    "other relative",
];

impl StructuralRule for NextOfKin {
    fn meta(&self) -> RuleMeta {
        StaticMeta {
            id: "data-next-of-kin-family-only",
            name: "Next of kin limited to a spouse or blood relative",
            severity: Severity::Warning,
            advisory: false,
            elements: &["3.2", "4.1"],
            tags: &["data", "forms", "family"],
            rationale: "Next of kin has no legal definition in England: it is whoever the person names. A form that asks for a husband, wife or nearest relative, or offers only family relationships, leaves out partners, chosen family and friends, who for many LGBTQ+ people are the ones who should be called.",
            source: sources::NHS_NEXT_OF_KIN,
            fires: &[
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"k","label":"Next of kin (your husband, wife or nearest relative)","kind":"text"}]}"#,
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"k","label":"Next of kin relationship","kind":"single_choice","options":["Spouse","Parent","Child","Brother or sister","Other relative"]}]}"#,
            ],
            passes: &[
                r#"{"title":"Registration","kind":"data_collection_form","fields":[{"id":"k","label":"Next of kin: anyone you would like us to contact","kind":"text"},{"id":"r","label":"Their relationship to you","kind":"single_choice","options":["Partner","Spouse or civil partner","Family member","Friend","Someone else (please describe)"]}]}"#,
            ],
        }
        .to_meta()
    }

    fn check(&self, draft: &Draft, _: &RuleContext<'_>) -> Verdict {
        if let Some(v) = no_fields(draft) {
            return v;
        }
        let about_kin = |f: &Field| {
            mentions(&f.label, "next of kin") || mentions(&f.label, "relationship to you")
        };
        if !draft.fields.iter().any(about_kin) {
            return Verdict::NotApplicable("the form does not ask for a next of kin".into());
        }
        let mut findings = Vec::new();
        for (i, field) in draft
            .fields
            .iter()
            .enumerate()
            .filter(|(_, f)| about_kin(f))
        {
            let label_limits = ["husband", "wife", "spouse", "relative", "blood relative"]
                .iter()
                .any(|w| mentions(&field.label, w));
            if label_limits {
                findings.push(
                    RawFinding::violation(
                        format!("/fields/{i}/label"),
                        format!("{:?} limits next of kin to a spouse or relative. Ask for anyone the person would like contacted.", field.label),
                    )
                    .suggest("Next of kin: anyone you would like us to contact"),
                );
            }
            let kin_only = !field.options.is_empty()
                && field.options.iter().all(|o| {
                    let lower = o.trim().to_ascii_lowercase();
                    KIN_ONLY
                        .iter()
                        .any(|k| lower == *k || lower == format!("{k}s"))
                });
            if kin_only {
                findings.push(
                    RawFinding::violation(
                        format!("/fields/{i}/options"),
                        format!("{:?} offers only family relationships. Add partner, friend and someone else.", field.label),
                    )
                    .suggest("Partner / Spouse or civil partner / Family member / Friend / Someone else (please describe)"),
                );
            }
        }
        Verdict::findings(findings, "next of kin can be anyone the person names")
    }
}
