//! Waivers: a waived finding stays in the report, marked waived, because due
//! regard has to be recorded.

use super::finding::{Placed, structural_finding};
use crate::model::{AppliedWaiver, Draft, Finding, RuleOutcome, Severity, Waiver};
use crate::rules::{RawFinding, WAIVER_RULE};

/// A waiver with a reason covers its rule's findings (in one section, or one
/// span of a section's text, if it names one). Findings about waivers
/// themselves cannot be waived. Returns the index of each waiver with a
/// reason that covers no finding at all, so the report can say so.
pub(crate) fn apply_waivers(draft: &Draft, placed: &mut [Placed]) -> Vec<usize> {
    let mut unused = Vec::new();
    for (index, waiver) in draft.waivers.iter().enumerate() {
        if waiver.reason.trim().is_empty() {
            continue;
        }
        let mut covers_any = false;
        for p in placed.iter_mut() {
            let f = &mut p.finding;
            if f.rule != waiver.rule || f.rule == WAIVER_RULE || !in_scope(waiver, f) {
                continue;
            }
            // A finding two waivers cover counts for both, but keeps the first.
            covers_any = true;
            if f.waiver.is_none() {
                f.waiver = Some(AppliedWaiver {
                    reason: waiver.reason.clone(),
                    approved_by: waiver.approved_by.clone(),
                });
            }
        }
        if !covers_any {
            unused.push(index);
        }
    }
    unused
}

fn in_scope(waiver: &Waiver, finding: &Finding) -> bool {
    let location = &finding.location;
    let in_section = waiver
        .section
        .as_ref()
        .is_none_or(|s| location.section.as_ref() == Some(s));
    let in_span = waiver.span.is_none_or(|within| {
        waiver.section.is_some()
            && location.path.ends_with("/text")
            && location
                .span
                .is_some_and(|s| s.start >= within.start && s.end <= within.end)
    });
    in_section && in_span
}

impl super::Engine {
    /// A note in `needs_review` for each waiver that covers nothing: the text
    /// it was written for has probably changed, and a stale waiver would
    /// silently cover a new finding later. Waivers naming no rule of the pack
    /// are reported by the waiver rule already, so they are left out here.
    pub(crate) fn unused_waiver_notes(
        &self,
        draft: &Draft,
        unused: &[usize],
        placed: &mut Vec<Placed>,
        passes: &mut Vec<RuleOutcome>,
    ) {
        let Some((order, meta)) = self
            .structural
            .iter()
            .enumerate()
            .find_map(|(order, (_, m))| {
                let meta = &self.metas[*m];
                (meta.id == WAIVER_RULE).then_some((order, meta))
            })
        else {
            return;
        };
        let mut noted = false;
        for &index in unused {
            let Some(waiver) = draft.waivers.get(index) else {
                continue;
            };
            if !self.known_rules.contains(&waiver.rule) {
                continue;
            }
            let scope = match (&waiver.section, waiver.span) {
                (Some(section), Some(_)) => {
                    format!(" in the paragraph it marks in section {section:?}")
                }
                (Some(section), None) => format!(" in section {section:?}"),
                (None, _) => String::new(),
            };
            let message = format!(
                "The waiver of {:?} covers no finding{scope}: the text it was written for may have changed. Remove it, or check the rule and section it names.",
                waiver.rule
            );
            let raw = RawFinding::review(format!("/waivers/{index}"), message);
            // After the rule's own findings, in waiver order.
            let mut note = structural_finding(
                draft,
                meta,
                raw,
                None,
                (1, order, usize::MAX / 2 + index),
                1,
            );
            note.finding.severity = Severity::Info;
            placed.push(note);
            noted = true;
        }
        if noted {
            passes.retain(|outcome| outcome.rule != WAIVER_RULE);
        }
    }
}
