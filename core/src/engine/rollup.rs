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
    let facts = RuleFacts::new(out.passes, out.errors, out.evidence_paths);
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
            let on_element = |(_, bits): &(&Finding, &u32)| *bits & mask != 0;
            let unwaived = |findings: &[Finding], bits: &[u32]| -> Vec<ElementFinding> {
                findings
                    .iter()
                    .zip(bits)
                    .filter(on_element)
                    .filter(|(f, _)| f.waiver.is_none())
                    .map(|(f, _)| element_finding(f))
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
                .map(|(f, _)| element_finding(f))
                .collect();
            let (status, reason, evidence) = element_verdict(
                draft,
                metas,
                index,
                &facts,
                &OwnFindings {
                    gaps: gaps.len(),
                    gap_rules: rules_of(&gaps),
                    review: review.len(),
                    review_rules: rules_of(&review),
                    open: &|id| open.contains(id),
                    with_findings: &|id| with_findings.contains(id),
                },
            );
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

/// A finding as an element lists it.
pub(crate) fn element_finding(f: &Finding) -> ElementFinding {
    ElementFinding {
        rule: f.rule.clone(),
        severity: f.severity,
        message: f.message.clone(),
        path: f.location.path.clone(),
        fingerprint: f.fingerprint.clone(),
    }
}

/// The rules of a list of element findings, each once, in order, joined.
fn rules_of(findings: &[ElementFinding]) -> String {
    let ids: BTreeSet<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
    ids.into_iter().collect::<Vec<_>>().join(", ")
}

/// The report's rule outcomes as every element's status reads them.
pub(crate) struct RuleFacts<'a> {
    passed: BTreeMap<&'a str, &'a RuleOutcome>,
    failed: BTreeSet<&'a str>,
    evidence_paths: &'a BTreeMap<String, String>,
}

impl<'a> RuleFacts<'a> {
    pub fn new(
        passes: &'a [RuleOutcome],
        errors: &'a [RuleFailure],
        evidence_paths: &'a BTreeMap<String, String>,
    ) -> Self {
        RuleFacts {
            passed: passes.iter().map(|p| (p.rule.as_str(), p)).collect(),
            failed: errors.iter().map(|e| e.rule.as_str()).collect(),
            evidence_paths,
        }
    }
}

/// What an element's status reads of the findings: its own gaps and
/// findings to review (how many, and of which rules, joined as
/// [`rules_of`] does), and which rules have any (unwaived) finding at all.
/// A session patching a report keeps these as running counts.
pub(crate) struct OwnFindings<'a> {
    pub gaps: usize,
    pub gap_rules: String,
    pub review: usize,
    pub review_rules: String,
    /// Whether a rule has an unwaived finding in the report.
    pub open: &'a dyn Fn(&str) -> bool,
    /// Whether a rule has any finding in the report.
    pub with_findings: &'a dyn Fn(&str) -> bool,
}

/// Element `index`'s status, its reason and its evidence.
pub(crate) fn element_verdict(
    draft: &Draft,
    metas: &[RuleMeta],
    index: usize,
    facts: &RuleFacts<'_>,
    own: &OwnFindings<'_>,
) -> (FrameworkStatus, String, Vec<Evidence>) {
    let element = &framework::ELEMENTS[index];
    let serving: Vec<&RuleMeta> = metas
        .iter()
        .filter(|m| m.elements.iter().any(|e| e == element.id))
        .collect();
    let ran = serving
        .iter()
        .any(|m| facts.passed.contains_key(m.id.as_str()) || (own.with_findings)(&m.id));
    let failed_here: Vec<&str> = serving
        .iter()
        .map(|m| m.id.as_str())
        .filter(|id| facts.failed.contains(id))
        .collect();
    let evidencing = serving
        .iter()
        .filter(|m| m.evidences.iter().any(|e| e == element.id));
    let mut evidence = Vec::new();
    let mut pending = Vec::new();
    for meta in evidencing {
        let id = meta.id.as_str();
        if let Some(pass) = facts.passed.get(id) {
            evidence.push(Evidence {
                rule: meta.id.clone(),
                reason: pass.reason.clone(),
                path: facts.evidence_paths.get(id).cloned(),
            });
        } else if (own.open)(id) || facts.failed.contains(id) {
            pending.push(id);
        }
    }
    let status = if !ran {
        FrameworkStatus::NotAssessed
    } else if own.gaps > 0 {
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
        own,
        pending: &pending,
        failed: &failed_here,
        can_evidence,
    });
    (status, reason, evidence)
}

/// Per finding, a bit for each element of [`framework::ELEMENTS`] it is on.
pub(crate) fn element_bits(findings: &[Finding]) -> Vec<u32> {
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
            Some((elements, bits)) if *elements == *f.elements => bits,
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
    own: &'a OwnFindings<'a>,
    pending: &'a [&'a str],
    failed: &'a [&'a str],
    can_evidence: bool,
}

/// The status's reason in one line: what shows it, what stands in its way.
fn element_reason(facts: ElementFacts<'_>) -> String {
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
        FrameworkStatus::WorkInProgress if facts.own.gaps > 0 => format!(
            "partly shown ({}), but {} to act on ({})",
            shown(),
            count(facts.own.gaps, "gap", "gaps"),
            facts.own.gap_rules
        ),
        FrameworkStatus::WorkInProgress => format!(
            "partly shown ({}); not yet shown by {}",
            shown(),
            facts.pending.join(", ")
        ),
        FrameworkStatus::NotInPlace => format!(
            "not shown, and {} to act on ({})",
            count(facts.own.gaps, "gap", "gaps"),
            facts.own.gap_rules
        ),
        FrameworkStatus::NoIssuesFound if facts.can_evidence => {
            "no gaps found, but nothing in the draft shows the element in place yet".into()
        }
        FrameworkStatus::NoIssuesFound => {
            "no gaps found; no rule can show this element in place from a draft alone".into()
        }
    };
    if facts.own.review > 0 {
        reason.push_str(&format!(
            "; {} to review ({})",
            count(facts.own.review, "finding", "findings"),
            facts.own.review_rules
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
    let counts: Vec<(usize, usize)> = framework::PILLARS
        .iter()
        .map(|pillar| {
            let touches = |f: &&Finding| touches_pillar(f, pillar.elements);
            (
                violations.iter().filter(touches).count(),
                needs_review.iter().filter(touches).count(),
            )
        })
        .collect();
    pillars_with_counts(elements, &counts)
}

/// Whether a finding counts against a pillar: unwaived, on one of its elements.
pub(crate) fn touches_pillar(f: &Finding, elements: &[&str]) -> bool {
    f.waiver.is_none() && f.elements.iter().any(|e| elements.contains(&e.as_str()))
}

/// Each pillar from its elements and, per pillar in order, how many
/// violations and findings to review touch it.
pub(crate) fn pillars_with_counts(
    elements: &[ElementStatus],
    counts: &[(usize, usize)],
) -> Vec<PillarStatus> {
    framework::PILLARS
        .iter()
        .zip(counts)
        .map(|(pillar, &(violations, needs_review))| {
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
                violations,
                needs_review,
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
