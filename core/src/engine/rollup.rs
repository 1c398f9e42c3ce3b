//! The summary counts and the roll-up of findings to the framework's 17
//! elements and 6 pillars.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::framework;
use crate::model::{
    Draft, ElementFinding, ElementStatus, Evidence, Finding, FrameworkStatus, PillarStatus,
    RuleFailure, RuleOutcome, Severity, Summary,
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

/// What the checks concluded, as the roll-up reads it.
pub(crate) struct Outcomes<'a> {
    pub violations: &'a [Finding],
    pub needs_review: &'a [Finding],
    pub passes: &'a [RuleOutcome],
    pub errors: &'a [RuleFailure],
    /// Where a passing rule found its evidence, by rule id, where known.
    pub evidence_paths: &'a BTreeMap<String, String>,
}

/// Per element: the evidence, the gaps and a status, by the rule documented
/// on [`FrameworkStatus`].
pub(crate) fn roll_up(draft: &Draft, metas: &[RuleMeta], out: &Outcomes<'_>) -> Vec<ElementStatus> {
    let passed: BTreeMap<&str, &RuleOutcome> =
        out.passes.iter().map(|p| (p.rule.as_str(), p)).collect();
    let failed: BTreeSet<&str> = out.errors.iter().map(|e| e.rule.as_str()).collect();
    // Rules with at least one unwaived finding, of either kind: they did not pass.
    let open: BTreeSet<&str> = out
        .violations
        .iter()
        .chain(out.needs_review)
        .filter(|f| f.waiver.is_none())
        .map(|f| f.rule.as_str())
        .collect();
    let with_findings: BTreeSet<&str> = out
        .violations
        .iter()
        .chain(out.needs_review)
        .map(|f| f.rule.as_str())
        .collect();

    // Which elements each finding is on, as bits, worked out once rather
    // than once per element.
    let violation_bits = element_bits(out.violations);
    let review_bits = element_bits(out.needs_review);
    framework::ELEMENTS
        .iter()
        .enumerate()
        .map(|(index, element)| {
            let mask = 1u32 << index;
            let short = |f: &Finding| ElementFinding {
                rule: f.rule.clone(),
                severity: f.severity,
                message: f.message.clone(),
                path: f.location.path.clone(),
                fingerprint: f.fingerprint.clone(),
            };
            let on_element = |(_, bits): &(&Finding, &u32)| *bits & mask != 0;
            let unwaived = |findings: &[Finding], bits: &[u32]| -> Vec<ElementFinding> {
                findings
                    .iter()
                    .zip(bits)
                    .filter(on_element)
                    .filter(|(f, _)| f.waiver.is_none())
                    .map(|(f, _)| short(f))
                    .collect()
            };
            let gaps = unwaived(out.violations, &violation_bits);
            let review = unwaived(out.needs_review, &review_bits);
            let waived: Vec<ElementFinding> = out
                .violations
                .iter()
                .zip(&violation_bits)
                .chain(out.needs_review.iter().zip(&review_bits))
                .filter(on_element)
                .filter(|(f, _)| f.waiver.is_some())
                .map(|(f, _)| short(f))
                .collect();

            let serving: Vec<&RuleMeta> = metas
                .iter()
                .filter(|m| m.elements.iter().any(|e| e == element.id))
                .collect();
            let ran = serving.iter().any(|m| {
                passed.contains_key(m.id.as_str()) || with_findings.contains(m.id.as_str())
            });
            let failed_here: Vec<&str> = serving
                .iter()
                .map(|m| m.id.as_str())
                .filter(|id| failed.contains(id))
                .collect();
            let evidencing = serving
                .iter()
                .filter(|m| m.evidences.iter().any(|e| e == element.id));
            let mut evidence = Vec::new();
            let mut pending = Vec::new();
            for meta in evidencing {
                let id = meta.id.as_str();
                if let Some(pass) = passed.get(id) {
                    evidence.push(Evidence {
                        rule: meta.id.clone(),
                        reason: pass.reason.clone(),
                        path: out.evidence_paths.get(id).cloned(),
                    });
                } else if open.contains(id) || failed.contains(id) {
                    pending.push(id);
                }
            }
            let status = if !ran {
                FrameworkStatus::NotAssessed
            } else if !gaps.is_empty() {
                if evidence.is_empty() {
                    FrameworkStatus::NotInPlace
                } else {
                    FrameworkStatus::WorkInProgress
                }
            } else if evidence.is_empty() {
                FrameworkStatus::NoIssuesFound
            } else if pending.is_empty() {
                FrameworkStatus::InPlace
            } else {
                FrameworkStatus::WorkInProgress
            };
            let can_evidence = serving
                .iter()
                .any(|m| m.evidences.iter().any(|e| e == element.id));
            let reason = element_reason(ElementFacts {
                draft,
                status,
                evidence: &evidence,
                gaps: &gaps,
                review: &review,
                pending: &pending,
                failed: &failed_here,
                can_evidence,
            });
            ElementStatus {
                id: element.id.into(),
                pillar: element.pillar,
                title: element.title.into(),
                status,
                reason,
                evidence,
                gaps,
                review,
                waived,
            }
        })
        .collect()
}

/// Per finding, a bit for each element of [`framework::ELEMENTS`] it is on.
fn element_bits(findings: &[Finding]) -> Vec<u32> {
    const _: () = assert!(framework::ELEMENTS.len() <= 32, "one bit per element");
    let bits_of = |elements: &[String]| {
        elements.iter().fold(0, |bits, e| {
            let at = framework::ELEMENTS
                .iter()
                .position(|element| element.id == e);
            at.map_or(bits, |i| bits | 1 << i)
        })
    };
    // Neighbouring findings are mostly of one rule, with the same elements.
    let mut last: Option<(&[String], u32)> = None;
    findings
        .iter()
        .map(|f| match last {
            Some((elements, bits)) if elements == f.elements.as_slice() => bits,
            _ => {
                let bits = bits_of(&f.elements);
                last = Some((&f.elements, bits));
                bits
            }
        })
        .collect()
}

struct ElementFacts<'a> {
    draft: &'a Draft,
    status: FrameworkStatus,
    evidence: &'a [Evidence],
    gaps: &'a [ElementFinding],
    review: &'a [ElementFinding],
    pending: &'a [&'a str],
    failed: &'a [&'a str],
    can_evidence: bool,
}

/// The status's reason in one line: what shows it, what stands in its way.
fn element_reason(facts: ElementFacts<'_>) -> String {
    let rules = |findings: &[ElementFinding]| {
        let ids: BTreeSet<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
        ids.into_iter().collect::<Vec<_>>().join(", ")
    };
    let shown = || {
        facts
            .evidence
            .iter()
            .map(|e| format!("{} ({})", e.reason, e.rule))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut reason = match facts.status {
        FrameworkStatus::NotAssessed => format!(
            "no rule that applies to a {} speaks to this element",
            facts.draft.kind.as_str()
        ),
        FrameworkStatus::InPlace => format!("shown: {}", shown()),
        FrameworkStatus::WorkInProgress if !facts.gaps.is_empty() => format!(
            "partly shown ({}), but {} to act on ({})",
            shown(),
            count(facts.gaps.len(), "gap", "gaps"),
            rules(facts.gaps)
        ),
        FrameworkStatus::WorkInProgress => format!(
            "partly shown ({}); not yet shown by {}",
            shown(),
            facts.pending.join(", ")
        ),
        FrameworkStatus::NotInPlace => format!(
            "not shown, and {} to act on ({})",
            count(facts.gaps.len(), "gap", "gaps"),
            rules(facts.gaps)
        ),
        FrameworkStatus::NoIssuesFound if facts.can_evidence => {
            "no gaps found, but nothing in the draft shows the element in place yet".into()
        }
        FrameworkStatus::NoIssuesFound => {
            "no gaps found; no rule can show this element in place from a draft alone".into()
        }
    };
    if !facts.review.is_empty() {
        reason.push_str(&format!(
            "; {} to review ({})",
            count(facts.review.len(), "finding", "findings"),
            rules(facts.review)
        ));
    }
    if !facts.failed.is_empty() {
        reason.push_str(&format!(
            " ({} failed to run, so this is incomplete)",
            facts.failed.join(", ")
        ));
    }
    reason
}

/// Each pillar from its elements: in place only if every assessed element
/// is; not assessed if none is; otherwise work in progress if any element has
/// evidence, not in place if any has gaps, and no issues found if neither.
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
            let mine: Vec<&ElementStatus> = elements
                .iter()
                .filter(|e| e.pillar == pillar.number)
                .collect();
            let status = pillar_from(mine.iter().map(|e| (e.status, !e.gaps.is_empty())));
            PillarStatus {
                number: pillar.number,
                title: pillar.title.into(),
                status,
                reason: pillar_reason(&mine),
                violations: violations.iter().filter(touches).count(),
                needs_review: needs_review.iter().filter(touches).count(),
            }
        })
        .collect()
}

/// The pillar rule over (status, has gaps) of each element; shared with the
/// organisation view.
pub(crate) fn pillar_from(
    elements: impl IntoIterator<Item = (FrameworkStatus, bool)>,
) -> FrameworkStatus {
    let assessed: Vec<(FrameworkStatus, bool)> = elements
        .into_iter()
        .filter(|(s, _)| *s != FrameworkStatus::NotAssessed)
        .collect();
    if assessed.is_empty() {
        FrameworkStatus::NotAssessed
    } else if assessed.iter().all(|(s, _)| *s == FrameworkStatus::InPlace) {
        FrameworkStatus::InPlace
    } else if assessed.iter().any(|(s, _)| s.has_evidence()) {
        FrameworkStatus::WorkInProgress
    } else if assessed.iter().any(|(_, gaps)| *gaps) {
        FrameworkStatus::NotInPlace
    } else {
        FrameworkStatus::NoIssuesFound
    }
}

fn pillar_reason(elements: &[&ElementStatus]) -> String {
    let parts: Vec<String> = elements
        .iter()
        .map(|e| format!("{} {}", e.id, e.status.label().to_lowercase()))
        .collect();
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use FrameworkStatus::*;

    #[test]
    fn a_pillar_is_in_place_only_if_every_assessed_element_is() {
        assert_eq!(
            pillar_from([(InPlace, false), (NotAssessed, false)]),
            InPlace
        );
        assert_eq!(
            pillar_from([(InPlace, false), (NoIssuesFound, false)]),
            WorkInProgress
        );
        assert_eq!(
            pillar_from([(InPlace, false), (NotInPlace, true)]),
            WorkInProgress
        );
        assert_eq!(
            pillar_from([(NotInPlace, true), (NoIssuesFound, false)]),
            NotInPlace
        );
        assert_eq!(
            pillar_from([(NoIssuesFound, false), (NotAssessed, false)]),
            NoIssuesFound
        );
        assert_eq!(
            pillar_from([(NotAssessed, false), (NotAssessed, false)]),
            NotAssessed
        );
        assert_eq!(pillar_from([]), NotAssessed);
    }
}
