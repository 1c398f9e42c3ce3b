//! What changed in a report between two checks of a draft being edited: the
//! findings added, removed and moved (by fingerprint), and whichever of the
//! summary, outcomes, elements and pillars changed. A keystroke in a long
//! draft usually moves a few findings and changes nothing else, so the diff
//! is a few hundred bytes where the report is hundreds of kilobytes.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{
    DraftInfo, ElementStatus, Finding, Fix, Location, PillarStatus, Report, RuleFailure,
    RuleOutcome, Summary,
};

/// The version of the diff format. It changes whenever a field is added,
/// removed or changes meaning (see CHANGELOG.md).
pub const REPORT_DIFF_FORMAT_VERSION: u32 = 1;

/// The changes that turn the report an editing session last gave into the
/// report for the draft as it now stands.
///
/// To apply it to the previous report, in this order:
/// 1. remove from `violations` and `needs_review` every finding whose
///    fingerprint is in `removed`;
/// 2. for each of `moved`, set the finding's `location`, `excerpt` and `fix`;
/// 3. insert each of `added` at its `index` in its `bucket` (they come in
///    ascending index per bucket, so inserting in order gives the new list);
/// 4. replace `draft`, `summary`, `passes`, `inapplicable` and `errors` when
///    present, and each element (by `id`) and pillar (by `number`) listed.
///
/// A finding whose fingerprint stays but whose words change (its message, a
/// waiver) is removed and added again; one that only shifts in its text is
/// moved. [`ReportDiff::apply`] does all of this.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct ReportDiff {
    /// The diff format's version ([`REPORT_DIFF_FORMAT_VERSION`]).
    pub format_version: u32,
    /// The report format the diff applies to (the report's `format_version`).
    pub report_format_version: u32,
    /// Fingerprints of findings no longer in the report, or added again below.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<String>,
    /// Findings still in the report that now sit elsewhere in their text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub moved: Vec<MovedFinding>,
    /// Findings new to the report, with where they go.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<AddedFinding>,
    /// The draft's title, kind or review date, when changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<DraftInfo>,
    /// The summary, when any count changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
    /// Every pass, when the passes changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passes: Option<Vec<RuleOutcome>>,
    /// Every inapplicable rule, when they changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inapplicable: Option<Vec<RuleOutcome>>,
    /// Every rule failure, when they changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<RuleFailure>>,
    /// The elements whose status, reason, evidence or findings changed, whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elements: Vec<ElementStatus>,
    /// The pillars that changed, whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pillars: Vec<PillarStatus>,
}

/// Which list of the report a finding is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Bucket {
    /// `violations`
    Violations,
    /// `needs_review`
    NeedsReview,
}

/// A finding new to the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AddedFinding {
    /// The list it goes in.
    pub bucket: Bucket,
    /// Its position in that list in the new report, from 0.
    pub index: usize,
    pub finding: Finding,
}

/// A finding that kept its fingerprint and its words but sits elsewhere:
/// text was typed or deleted before it in the same text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MovedFinding {
    /// The finding's fingerprint.
    pub fingerprint: String,
    /// Where it is now.
    pub location: Location,
    /// The text around it now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
    /// Its fix, with the edit's offsets where it now is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

impl ReportDiff {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty()
            && self.moved.is_empty()
            && self.added.is_empty()
            && self.draft.is_none()
            && self.summary.is_none()
            && self.passes.is_none()
            && self.inapplicable.is_none()
            && self.errors.is_none()
            && self.elements.is_empty()
            && self.pillars.is_empty()
    }

    /// The diff as compact JSON. Deterministic for the same input.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a report diff always serialises")
    }

    /// Applies the diff to the report it was made against, giving the new
    /// report (the steps are on [`ReportDiff`]).
    pub fn apply(&self, report: &mut Report) {
        if !self.removed.is_empty() {
            let removed: std::collections::HashSet<&str> =
                self.removed.iter().map(String::as_str).collect();
            report
                .violations
                .retain(|f| !removed.contains(f.fingerprint.as_str()));
            report
                .needs_review
                .retain(|f| !removed.contains(f.fingerprint.as_str()));
        }
        if !self.moved.is_empty() {
            let moved: std::collections::HashMap<&str, &MovedFinding> = self
                .moved
                .iter()
                .map(|m| (m.fingerprint.as_str(), m))
                .collect();
            for finding in report.violations.iter_mut().chain(&mut report.needs_review) {
                if let Some(m) = moved.get(finding.fingerprint.as_str()) {
                    finding.location = m.location.clone();
                    finding.excerpt = m.excerpt.clone();
                    finding.fix = m.fix.clone();
                }
            }
        }
        for added in &self.added {
            let list = match added.bucket {
                Bucket::Violations => &mut report.violations,
                Bucket::NeedsReview => &mut report.needs_review,
            };
            let at = added.index.min(list.len());
            list.insert(at, added.finding.clone());
        }
        replace(&mut report.draft, &self.draft);
        replace(&mut report.summary, &self.summary);
        replace(&mut report.passes, &self.passes);
        replace(&mut report.inapplicable, &self.inapplicable);
        replace(&mut report.errors, &self.errors);
        for element in &self.elements {
            if let Some(old) = report.elements.iter_mut().find(|e| e.id == element.id) {
                *old = element.clone();
            }
        }
        for pillar in &self.pillars {
            if let Some(old) = report
                .pillars
                .iter_mut()
                .find(|p| p.number == pillar.number)
            {
                *old = pillar.clone();
            }
        }
    }
}

/// Sets `target` to `source` when there is one.
fn replace<T: Clone>(target: &mut T, source: &Option<T>) {
    if let Some(value) = source {
        *target = value.clone();
    }
}
