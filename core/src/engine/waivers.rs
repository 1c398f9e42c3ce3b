//! Waivers: a waived finding stays in the report, marked waived, because due
//! regard has to be recorded. Which waivers take effect is decided once, by
//! the same test the `waiver-recorded` rule reports on
//! ([`crate::rules::waiver_takes_effect`]), and applies alike to the
//! findings listed and to those counted past the findings limit.

use super::finding::{Placed, structural_finding};
use crate::model::{AppliedWaiver, Draft, Finding, RuleOutcome, Severity, Waiver};
use crate::rules::{RawFinding, WAIVER_RULE, waiver_takes_effect};

/// The waivers of a draft that take effect, with their index in the draft
/// and the pointers ("/fields/3") of the fields they name.
#[derive(Debug)]
pub(crate) struct Waivers<'d> {
    effective: Vec<(usize, &'d Waiver, Vec<String>)>,
}

impl<'d> Waivers<'d> {
    /// `severity` gives the severity of a rule in this pack (None: no such rule).
    pub fn new(draft: &'d Draft, severity: impl Fn(&str) -> Option<Severity>) -> Self {
        Waivers {
            effective: draft
                .waivers
                .iter()
                .enumerate()
                .filter(|(_, w)| waiver_takes_effect(w, severity(&w.rule)))
                .map(|(i, w)| (i, w, field_pointers(draft, w)))
                .collect(),
        }
    }

    /// The waiver covering findings of `rule` in `section` that were counted
    /// past the findings limit, if any. Those have no span, so a waiver that
    /// names a span never covers them: they keep blocking, the safe side.
    /// Findings about waivers themselves cannot be waived.
    pub fn covering_counted(&self, rule: &str, section: Option<&str>) -> Option<&'d Waiver> {
        if rule == WAIVER_RULE {
            return None;
        }
        self.effective.iter().map(|(_, w, _)| *w).find(|w| {
            w.rule == rule
                && w.span.is_none()
                && w.fields.is_empty()
                && w.section.as_deref().is_none_or(|s| section == Some(s))
        })
    }

    /// Marks every listed finding a waiver covers (a finding two waivers cover
    /// keeps the first). Returns the draft index of each effective waiver that
    /// covers no listed finding, so the report can say so.
    pub fn apply(&self, placed: &mut [Placed]) -> Vec<usize> {
        let covered = self.mark(placed);
        self.unused(|k| covered[k])
    }

    /// As [`Waivers::apply`], returning for each effective waiver (in
    /// order) whether it covers any of `placed`.
    pub fn mark(&self, placed: &mut [Placed]) -> Vec<bool> {
        let mut covered = vec![false; self.effective.len()];
        for (k, &(_, waiver, _)) in self.effective.iter().enumerate() {
            for p in placed.iter_mut() {
                if !self.covers(k, &p.finding) {
                    continue;
                }
                covered[k] = true;
                if p.finding.waiver.is_none() {
                    p.finding.waiver = Some(AppliedWaiver {
                        reason: waiver.reason.clone(),
                        approved_by: waiver.approved_by.clone(),
                    });
                }
            }
        }
        covered
    }

    /// The number of waivers that take effect.
    pub fn count(&self) -> usize {
        self.effective.len()
    }

    /// Whether effective waiver `k` covers a listed finding.
    pub fn covers(&self, k: usize, f: &Finding) -> bool {
        let (_, waiver, fields) = &self.effective[k];
        f.rule == waiver.rule && f.rule != WAIVER_RULE && in_scope(waiver, fields, f)
    }

    /// The draft index of each effective waiver that `covered` says covers nothing.
    pub fn unused(&self, covered: impl Fn(usize) -> bool) -> Vec<usize> {
        (0..self.effective.len())
            .filter(|&k| !covered(k))
            .map(|k| self.effective[k].0)
            .collect()
    }
}

/// "/fields/3" for each field of the draft a waiver names.
fn field_pointers(draft: &Draft, waiver: &Waiver) -> Vec<String> {
    draft
        .fields
        .iter()
        .enumerate()
        .filter(|(_, f)| waiver.fields.contains(&f.id))
        .map(|(i, _)| format!("/fields/{i}"))
        .collect()
}

/// Whether a finding is within a waiver's scope: on a field it names
/// (`fields`, their pointers), or in its section and span.
fn in_scope(waiver: &Waiver, fields: &[String], finding: &Finding) -> bool {
    let location = &finding.location;
    let on_field = fields.iter().any(|field| {
        location
            .path
            .strip_prefix(field.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    });
    if on_field {
        return true;
    }
    if !waiver.fields.is_empty() && waiver.section.is_none() {
        // Those fields only.
        return false;
    }
    let in_section = waiver
        .section
        .as_ref()
        .is_none_or(|s| location.section.as_deref() == Some(s.as_str()));
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
                let meta = &self.finding_metas[*m];
                (meta.rule == WAIVER_RULE).then_some((order, meta))
            })
        else {
            return;
        };
        let mut noted = false;
        for &index in unused {
            let Some(waiver) = draft.waivers.get(index) else {
                continue;
            };
            if !self.known_rules.contains_key(&waiver.rule) {
                continue;
            }
            let scope = match (&waiver.section, waiver.span) {
                _ if !waiver.fields.is_empty() => format!(
                    " on the form field{} it marks ({})",
                    if waiver.fields.len() == 1 { "" } else { "s" },
                    waiver.fields.join(", ")
                ),
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
