//! Waivers: a waived finding stays in the report, marked waived, because due
//! regard has to be recorded.

use super::finding::Placed;
use crate::model::{AppliedWaiver, Draft};

/// A waiver with a reason covers its rule's findings (in one section, if it
/// names one). Findings about waivers themselves cannot be waived.
pub(crate) fn apply_waivers(draft: &Draft, placed: &mut [Placed]) {
    for waiver in draft.waivers.iter().filter(|w| !w.reason.trim().is_empty()) {
        for p in placed.iter_mut() {
            let f = &mut p.finding;
            let in_scope = waiver
                .section
                .as_ref()
                .is_none_or(|s| f.location.section.as_ref() == Some(s));
            if f.rule == waiver.rule
                && f.rule != crate::rules::WAIVER_RULE
                && in_scope
                && f.waiver.is_none()
            {
                f.waiver = Some(AppliedWaiver {
                    reason: waiver.reason.clone(),
                    approved_by: waiver.approved_by.clone(),
                });
            }
        }
    }
}
