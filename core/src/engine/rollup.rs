//! The summary counts and the roll-up of findings to the framework's 17
//! elements and 6 pillars.

use std::collections::BTreeSet;

use crate::model::framework::{self, SelfAssessment};
use crate::model::{
    Draft, ElementStatus, Finding, PillarStatus, RuleFailure, RuleOutcome, Severity, Summary,
};
use crate::rules::RuleMeta;

pub(crate) fn summarise(
    violations: &[Finding],
    needs_review: &[Finding],
    passes: &[RuleOutcome],
    inapplicable: &[RuleOutcome],
    errors: &[RuleFailure],
) -> Summary {
    let mut summary = Summary {
        violations: violations.len(),
        needs_review: needs_review.len(),
        passes: passes.len(),
        inapplicable: inapplicable.len(),
        errors: errors.len(),
        ..Summary::default()
    };
    for f in violations.iter().chain(needs_review) {
        match f.severity {
            Severity::Error => summary.error_findings += 1,
            Severity::Warning => summary.warning_findings += 1,
            Severity::Info => summary.info_findings += 1,
        }
        summary.waived += usize::from(f.waiver.is_some());
    }
    summary.blocking = violations
        .iter()
        .filter(|f| f.severity == Severity::Error && f.waiver.is_none())
        .count();
    summary
}

/// Per element: which rules evidence it, which find gaps, and a status on the
/// framework's self-assessment scale.
pub(crate) fn roll_up(
    draft: &Draft,
    metas: &[RuleMeta],
    violations: &[Finding],
    needs_review: &[Finding],
    passes: &[RuleOutcome],
    errors: &[RuleFailure],
) -> Vec<ElementStatus> {
    let unwaived_rules = |findings: &[Finding]| -> BTreeSet<String> {
        findings
            .iter()
            .filter(|f| f.waiver.is_none())
            .map(|f| f.rule.clone())
            .collect()
    };
    let gap_rules = unwaived_rules(violations);
    let review_rules = unwaived_rules(needs_review);
    let passed: BTreeSet<&str> = passes.iter().map(|p| p.rule.as_str()).collect();
    let failed: BTreeSet<&str> = errors.iter().map(|e| e.rule.as_str()).collect();

    framework::ELEMENTS
        .iter()
        .map(|element| {
            let serving = metas
                .iter()
                .filter(|m| m.elements.iter().any(|e| e == element.id));
            let (mut evidence, mut gaps, mut review) = (Vec::new(), Vec::new(), Vec::new());
            let mut failed_here = Vec::new();
            for meta in serving {
                let id = meta.id.as_str();
                if gap_rules.contains(id) {
                    gaps.push(meta.id.clone());
                } else if review_rules.contains(id) {
                    review.push(meta.id.clone());
                } else if passed.contains(id) {
                    evidence.push(meta.id.clone());
                } else if failed.contains(id) {
                    failed_here.push(meta.id.clone());
                }
            }
            let (status, reason) = element_verdict(draft, &evidence, &gaps, &review, &failed_here);
            ElementStatus {
                id: element.id.into(),
                pillar: element.pillar,
                title: element.title.into(),
                status,
                evidence,
                gaps,
                review,
                reason,
            }
        })
        .collect()
}

fn element_verdict(
    draft: &Draft,
    evidence: &[String],
    gaps: &[String],
    review: &[String],
    failed: &[String],
) -> (Option<SelfAssessment>, String) {
    let names = |ids: &[String]| ids.join(", ");
    let failed_note = if failed.is_empty() {
        String::new()
    } else {
        format!(" ({} failed to run, so this is incomplete)", names(failed))
    };
    if evidence.is_empty() && gaps.is_empty() && review.is_empty() {
        let reason = format!(
            "no rule that applies to a {} speaks to this element{failed_note}",
            draft.kind.as_str()
        );
        return (None, reason);
    }
    let (status, reason) = if !gaps.is_empty() && evidence.is_empty() {
        let mut reason = format!("not yet shown: {} found gaps", names(gaps));
        if !review.is_empty() {
            reason.push_str(&format!("; {} need review", names(review)));
        }
        (SelfAssessment::NotInPlace, reason)
    } else if !gaps.is_empty() {
        (
            SelfAssessment::WorkInProgress,
            format!(
                "partly shown ({} passed), but {} found gaps",
                names(evidence),
                names(gaps)
            ),
        )
    } else if !review.is_empty() {
        (
            SelfAssessment::WorkInProgress,
            format!("no gaps, but {} need a person to review", names(review)),
        )
    } else {
        (
            SelfAssessment::InPlace,
            format!("shown: {} passed", names(evidence)),
        )
    };
    (Some(status), format!("{reason}{failed_note}"))
}

pub(crate) fn pillar_status(
    elements: &[ElementStatus],
    violations: &[Finding],
    needs_review: &[Finding],
) -> Vec<PillarStatus> {
    framework::PILLARS
        .iter()
        .map(|pillar| {
            let touches = |f: &&Finding| {
                f.waiver.is_none()
                    && f.elements
                        .iter()
                        .any(|e| pillar.elements.contains(&e.as_str()))
            };
            PillarStatus {
                number: pillar.number,
                title: pillar.title.into(),
                status: elements
                    .iter()
                    .filter(|e| e.pillar == pillar.number)
                    .filter_map(|e| e.status)
                    .min(),
                violations: violations.iter().filter(touches).count(),
                needs_review: needs_review.iter().filter(touches).count(),
            }
        })
        .collect()
}
