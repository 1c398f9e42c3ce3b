//! Waivers: a waived finding stays in the report, marked waived, because due
//! regard has to be recorded. Which waivers take effect is decided once, by
//! the same test the `waiver-recorded` rule reports on
//! ([`crate::rules::waiver_takes_effect`]), and applies alike to the
//! findings listed and to those counted past the findings limit.

use super::finding::Placed;
use crate::model::{AppliedWaiver, Draft, Severity, Waiver};
use crate::rules::{WAIVER_RULE, waiver_takes_effect};

/// The waivers of a draft that take effect.
#[derive(Debug)]
pub(crate) struct Waivers<'d> {
    effective: Vec<&'d Waiver>,
}

impl<'d> Waivers<'d> {
    /// `severity` gives the severity of a rule in this pack (None: no such rule).
    pub fn new(draft: &'d Draft, severity: impl Fn(&str) -> Option<Severity>) -> Self {
        Waivers {
            effective: draft
                .waivers
                .iter()
                .filter(|w| waiver_takes_effect(w, severity(&w.rule)))
                .collect(),
        }
    }

    /// The waiver covering a finding of `rule` in `section`, if any. Findings
    /// about waivers themselves cannot be waived.
    pub fn covering(&self, rule: &str, section: Option<&str>) -> Option<&'d Waiver> {
        if rule == WAIVER_RULE {
            return None;
        }
        self.effective
            .iter()
            .copied()
            .find(|w| w.rule == rule && w.section.as_deref().is_none_or(|s| section == Some(s)))
    }

    /// Marks every listed finding a waiver covers.
    pub fn apply(&self, placed: &mut [Placed]) {
        for p in placed.iter_mut() {
            let f = &mut p.finding;
            if f.waiver.is_some() {
                continue;
            }
            if let Some(w) = self.covering(&f.rule, f.location.section.as_deref()) {
                f.waiver = Some(AppliedWaiver {
                    reason: w.reason.clone(),
                    approved_by: w.approved_by.clone(),
                });
            }
        }
    }
}
