//! The rule registry. Term rules are data (`terms/en-gb.json`, compiled into
//! one automaton by `terms/`); structural rules are code, one file per rule
//! in the folder of its family (`eia-psed-aims` is `eia/psed_aims.rs`, struct
//! `EiaPsedAims`).
//!
//! - `meta.rs`: what is known about a rule before it runs ([`RuleMeta`], [`Family`]);
//! - `contract.rs`: what a rule sees and returns;
//! - `sources.rs`: the sources rules cite;
//! - one folder per family, whose `mod.rs` holds what its rules share.
//!
//! Adding a term rule: an entry in `terms/en-gb.json`. Adding a structural
//! rule: its file, a `mod` and `use` line in its family's `mod.rs`, and a line
//! below (the lists are in report order). Adding a family: a [`Family`]
//! variant, its folder, and its `mod` line here.

mod action_plans;
mod contract;
mod data;
mod eds;
mod eia;
mod language;
mod meta;
mod partnership;
pub(crate) mod phrases;
mod section_text;
mod services;
pub(crate) mod sources;
mod terms;
#[cfg(test)]
mod testing;
mod waivers;
mod workforce;

pub(crate) use contract::{
    RawFinding, RuleContext, SectionScan, SectionTextRule, StructuralRule, Verdict, blank, list,
};
pub(crate) use eds::builtin_domains;
pub(crate) use eia::ActSentence;
pub(crate) use meta::StaticMeta;
pub use meta::{Family, RuleKind, RuleMeta};
pub(crate) use section_text::{Gates, PHRASES as SECTION_PHRASES, SectionText};
pub(crate) use terms::{DocumentConditions, TermHit, TermMatcher, match_case, squeeze_whitespace};
pub(crate) use waivers::{WAIVER_RULE, waiver_takes_effect};

use crate::model::PackOptions;
use workforce::Concept;

/// The built-in structural rules, in report order.
pub(crate) fn builtin_structural() -> Vec<Box<dyn StructuralRule>> {
    vec![
        Box::new(language::DraftAlmostEmpty),
        Box::new(eia::EiaPresent),
        Box::new(eia::EiaCharacteristics),
        Box::new(eia::EiaEvidence),
        Box::new(eia::EiaNoImpactEverywhere),
        Box::new(eia::EiaGenderForSex),
        Box::new(eia::EiaGenderReassignmentWording),
        Box::new(eia::EiaTransThirdOption),
        Box::new(eia::EiaNegativeMitigated),
        Box::new(eia::EiaBeforeDecision),
        Box::new(eia::EiaEngagement),
        Box::new(eia::EiaPsedAims),
        Box::new(eia::EiaSignOffReview),
        Box::new(action_plans::ActionsMeasurable),
        Box::new(action_plans::ActionsVagueMeasure),
        Box::new(eia::EiaWiderGroups),
        Box::new(eia::EiaChildrenYoungPeople),
        Box::new(eia::EngagementFeedbackGiven),
        Box::new(eia::EngagementLivedExperiencePaid),
        Box::new(data::DataGenderTwoOptions),
        Box::new(data::DataSexualOrientationMissing),
        Box::new(data::DataTitleWithoutMx),
        Box::new(data::DataPreferNotToSay),
        Box::new(data::DataTransStatusMixed),
        Box::new(data::DataSexGenderConflated),
        Box::new(data::DataBareOther),
        Box::new(data::DataMaritalCivilPartnership),
        Box::new(data::DataPurposeStated),
        Box::new(data::DataOrientationAge),
        Box::new(data::DataNextOfKinFamilyOnly),
        Box::new(partnership::PartnershipPartnersNamed),
        Box::new(partnership::PartnershipPaymentTerms),
        Box::new(partnership::PartnershipNamedLeads),
        Box::new(partnership::PartnershipDecisionProcess),
        Box::new(partnership::PartnershipCredit),
        Box::new(partnership::PartnershipBacklashPlan),
        Box::new(Concept(&workforce::WORKFORCE_STAFF_NETWORK)),
        Box::new(Concept(&workforce::WORKFORCE_SUPPORT_ROUTES)),
        Box::new(Concept(&workforce::WORKFORCE_LEADERSHIP_ALLYSHIP)),
        Box::new(Concept(&workforce::WORKFORCE_TRAINING_CO_DELIVERED)),
        Box::new(Concept(&workforce::WORKFORCE_INTERSECTIONAL_LEARNING)),
        Box::new(services::PolicyFacilitiesServicesCode),
        Box::new(waivers::WaiverRecorded),
    ]
}

/// The built-in section text rules, in report order.
pub(crate) fn builtin_section_rules() -> Vec<Box<dyn SectionTextRule>> {
    vec![
        Box::new(data::DataSmallNumbers),
        Box::new(data::DataLgbtqAggregated),
        Box::new(data::DataFiguresByGender),
        Box::new(services::ServicesAccommodationGenderIdentity),
        Box::new(services::PolicyUnder18RecordChanges),
    ]
}

/// Reads whether a rule-pack option is switched on.
pub(crate) type OptionIsOn = fn(&PackOptions) -> bool;

/// Rules that are off unless a rule-pack option switches them on: the
/// option's name, and whether it is on. Contested wording is opt-in, so an
/// organisation chooses it rather than the checker choosing for it.
pub(crate) fn opt_in(id: &str) -> Option<(&'static str, OptionIsOn)> {
    match id {
        "term-perinatal-additive" => Some(("additive_perinatal_wording", |o| {
            o.additive_perinatal_wording
        })),
        _ => None,
    }
}

/// Rules a rule's finding stands for when theirs lies inside its span: the
/// engine folds those into it and names them in `also_matched`.
pub(crate) fn subsumes(id: &str) -> &'static [&'static str] {
    match id {
        "services-accommodation-gender-identity" => &["term-single-sex-services"],
        _ => &[],
    }
}

/// The built-in term catalogue, a rule pack in JSON.
pub(crate) const BUILTIN_TERMS_JSON: &str = include_str!("terms/en-gb.json");

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;

    #[test]
    fn each_rule_is_in_the_family_its_id_names() {
        for rule in Engine::new().rules() {
            let expected = match rule.id.split('-').next().unwrap_or("") {
                "term" | "draft" => Family::Language,
                "eia" | "engagement" => Family::Eia,
                "data" => Family::DataCollection,
                "partnership" => Family::Partnership,
                "workforce" => Family::Workforce,
                "actions" => Family::ActionPlans,
                "waiver" => Family::Waivers,
                "services" | "policy" => Family::Services,
                other => panic!("{}: no family for the prefix {other:?}", rule.id),
            };
            assert_eq!(rule.family, expected, "{}", rule.id);
        }
    }
}
