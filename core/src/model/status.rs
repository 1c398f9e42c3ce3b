//! Where a draft, or an organisation's set of documents, stands on one of the
//! framework's elements or pillars: the framework's three self-assessment
//! levels, given only on positive evidence, and two honest answers for when
//! there is none.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::framework::SelfAssessment;

/// The status of an element or pillar.
///
/// For one element of one draft:
///
/// | status | evidence | unwaived violations on the element |
/// |---|---|---|
/// | `in_place` | every rule that can evidence the element and applied passed (at least one) | none |
/// | `work_in_progress` | at least one evidencing rule passed | some, or another evidencing rule has not passed |
/// | `not_in_place` | none | some |
/// | `no_issues_found` | none | none (rules ran and found no gap) |
/// | `not_assessed` | no rule that serves the element applied to the draft | |
///
/// Needs-review findings are listed beside the status and never make a gap.
/// A rule with findings has not passed, so it gives no evidence; when a rule
/// that could evidence the element has only needs-review findings, evidence
/// from other rules is incomplete and the element is `work_in_progress`, not
/// `in_place`. A waived finding neither evidences nor blocks.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FrameworkStatus {
    /// Positive evidence that the element's recommendation is met, and no
    /// unwaived violation against it (green).
    InPlace,
    /// Some evidence, and something still to do: a violation, or evidence
    /// another rule has not yet given (amber).
    WorkInProgress,
    /// Violations and no evidence (red).
    NotInPlace,
    /// The rules that apply ran and found no gap, but nothing shows the
    /// element in place. Not a pass: absence of bad words is not evidence.
    NoIssuesFound,
    /// No rule that serves the element applies to what was checked.
    NotAssessed,
}

impl FrameworkStatus {
    /// Every status, from the strongest to no status at all.
    pub const ALL: [FrameworkStatus; 5] = [
        FrameworkStatus::InPlace,
        FrameworkStatus::WorkInProgress,
        FrameworkStatus::NotInPlace,
        FrameworkStatus::NoIssuesFound,
        FrameworkStatus::NotAssessed,
    ];

    /// The name used in JSON, e.g. `work_in_progress`.
    pub fn as_str(self) -> &'static str {
        match self {
            FrameworkStatus::InPlace => "in_place",
            FrameworkStatus::WorkInProgress => "work_in_progress",
            FrameworkStatus::NotInPlace => "not_in_place",
            FrameworkStatus::NoIssuesFound => "no_issues_found",
            FrameworkStatus::NotAssessed => "not_assessed",
        }
    }

    /// A label for people: the framework's own for its three levels.
    pub fn label(self) -> &'static str {
        match self.level() {
            Some(level) => level.label(),
            None if self == FrameworkStatus::NoIssuesFound => "No issues found",
            None => "Not assessed",
        }
    }

    /// `"green"`, `"amber"` or `"red"` for the framework's levels; `"grey"`
    /// for no issues found and `"none"` for not assessed.
    pub fn traffic_light(self) -> &'static str {
        match self.level() {
            Some(level) => level.traffic_light(),
            None if self == FrameworkStatus::NoIssuesFound => "grey",
            None => "none",
        }
    }

    /// The framework's self-assessment level, for the three statuses that are
    /// one; `None` for no issues found and not assessed.
    pub fn level(self) -> Option<SelfAssessment> {
        match self {
            FrameworkStatus::InPlace => Some(SelfAssessment::InPlace),
            FrameworkStatus::WorkInProgress => Some(SelfAssessment::WorkInProgress),
            FrameworkStatus::NotInPlace => Some(SelfAssessment::NotInPlace),
            FrameworkStatus::NoIssuesFound | FrameworkStatus::NotAssessed => None,
        }
    }

    /// Whether evidence stands behind the status (in place, work in progress).
    pub fn has_evidence(self) -> bool {
        matches!(
            self,
            FrameworkStatus::InPlace | FrameworkStatus::WorkInProgress
        )
    }
}

/// One status spelled out for bindings, as in the framework catalogue.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct StatusLevel {
    /// The value as it appears in JSON, e.g. `"no_issues_found"`.
    pub value: FrameworkStatus,
    /// Human-readable name, e.g. "No issues found".
    pub label: &'static str,
    /// `"green"`, `"amber"`, `"red"`, `"grey"` or `"none"`.
    pub traffic_light: &'static str,
}

/// Every status, spelled out.
pub fn status_scale() -> [StatusLevel; 5] {
    FrameworkStatus::ALL.map(|value| StatusLevel {
        value,
        label: value.label(),
        traffic_light: value.traffic_light(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_as_snake_case() {
        for status in FrameworkStatus::ALL {
            let json = serde_json::to_string(&status).unwrap();
            assert_eq!(json, format!("\"{}\"", status.as_str()));
            assert_eq!(
                serde_json::from_str::<FrameworkStatus>(&json).unwrap(),
                status
            );
        }
    }

    #[test]
    fn only_the_framework_levels_have_a_level_and_a_colour() {
        let levels: Vec<_> = FrameworkStatus::ALL.iter().map(|s| s.level()).collect();
        assert_eq!(
            levels,
            [
                Some(SelfAssessment::InPlace),
                Some(SelfAssessment::WorkInProgress),
                Some(SelfAssessment::NotInPlace),
                None,
                None
            ]
        );
        let lights: Vec<_> = status_scale().iter().map(|l| l.traffic_light).collect();
        assert_eq!(lights, ["green", "amber", "red", "grey", "none"]);
        assert_eq!(FrameworkStatus::NoIssuesFound.label(), "No issues found");
        assert_eq!(FrameworkStatus::InPlace.label(), "In place");
    }
}
