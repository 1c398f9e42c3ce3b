//! Equality impact assessment rules (framework element 3.1 and the Public
//! Sector Equality Duty): the assessment exists, covers every protected
//! characteristic with evidence, mitigates what it finds, engages the people
//! affected, and is done before the decision. The `engagement-*` rules read
//! the assessment's engagement record, so they live here too.
//!
//! One file per rule: `eia-psed-aims` is `psed_aims.rs`, `engagement-feedback-given`
//! is `engagement_feedback_given.rs`.

mod before_decision;
mod characteristics;
mod children_young_people;
mod engagement;
mod engagement_feedback_given;
mod engagement_lived_experience_paid;
mod evidence;
mod negative_mitigated;
mod present;
mod psed_aims;
mod sign_off_review;
mod wider_groups;

pub(crate) use before_decision::EiaBeforeDecision;
pub(crate) use characteristics::EiaCharacteristics;
pub(crate) use children_young_people::EiaChildrenYoungPeople;
pub(crate) use engagement::EiaEngagement;
pub(crate) use engagement_feedback_given::EngagementFeedbackGiven;
pub(crate) use engagement_lived_experience_paid::EngagementLivedExperiencePaid;
pub(crate) use evidence::EiaEvidence;
pub(crate) use negative_mitigated::EiaNegativeMitigated;
pub(crate) use present::EiaPresent;
pub(crate) use psed_aims::EiaPsedAims;
pub(crate) use sign_off_review::EiaSignOffReview;
pub(crate) use wider_groups::EiaWiderGroups;

use crate::model::{Draft, Eia};
use crate::rules::Verdict;

/// The EIA, or why the rule does not apply. Kinds that do not make policy
/// (patient information, forms, other) need no EIA of their own.
fn assessment(draft: &Draft) -> Result<&Eia, Verdict> {
    match &draft.eia {
        Some(eia) => Ok(eia),
        None if draft.kind.needs_eia() => Err(Verdict::NotApplicable(
            "the draft has no equality impact assessment yet (see eia-present)".into(),
        )),
        None => Err(Verdict::NotApplicable(format!(
            "a {} has no equality impact assessment attached",
            draft.kind.as_str()
        ))),
    }
}
