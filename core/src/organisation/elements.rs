//! Each element across documents, the pillars from them, and the flat lists:
//! every finding and every waiver.

use super::Doc;
use super::model::{
    DocumentEvidence, DocumentGaps, OrganisationElement, OrganisationFinding, OrganisationPillar,
    WaiverEntry,
};
use crate::engine::pillar_from;
use crate::model::framework::{self, Element};
use crate::model::{ElementFinding, Finding, FrameworkStatus, Report};

/// A finding's message, or with `no_excerpts` the rule's name (messages can
/// quote a field label, a partner's name or an action).
fn shareable(report: &Report, rule: &str, message: &str, no_excerpts: bool) -> String {
    if !no_excerpts {
        return message.to_owned();
    }
    report
        .violations
        .iter()
        .chain(&report.needs_review)
        .find(|f| f.rule == rule)
        .map_or_else(|| rule.to_owned(), |f| f.name.to_string())
}

/// One element from every document's own status for it. In place when some
/// document shows it in place and none has a gap against it; work in
/// progress with evidence and gaps, or only incomplete evidence; not in place
/// with gaps and no evidence; no issues found when documents were assessed
/// for it and show neither; not assessed when none was.
pub(super) fn element_view(
    docs: &[Doc<'_>],
    element: &Element,
    no_excerpts: bool,
) -> OrganisationElement {
    let mut evidenced_by = Vec::new();
    let mut contradicted_by = Vec::new();
    let mut needs_review = 0;
    let mut assessed = 0;
    let mut complete = false;
    for doc in docs {
        let Some(mine) = doc.report.elements.iter().find(|e| e.id == element.id) else {
            continue;
        };
        needs_review += mine.review.len();
        if mine.status != FrameworkStatus::NotAssessed {
            assessed += 1;
        }
        complete |= mine.status == FrameworkStatus::InPlace;
        if !mine.evidence.is_empty() {
            evidenced_by.push(DocumentEvidence {
                document: doc.label.clone(),
                status: mine.status,
                evidence: mine.evidence.clone(),
            });
        }
        if !mine.gaps.is_empty() {
            let mut gaps: Vec<ElementFinding> = mine
                .gaps
                .iter()
                .map(|g| ElementFinding {
                    message: shareable(doc.report, &g.rule, &g.message, no_excerpts).into(),
                    ..g.clone()
                })
                .collect();
            // Errors first: what blocks approval is what to act on first.
            gaps.sort_by_key(|g| g.severity);
            contradicted_by.push(DocumentGaps {
                document: doc.label.clone(),
                status: mine.status,
                gaps,
            });
        }
    }
    let status = match (evidenced_by.is_empty(), contradicted_by.is_empty()) {
        _ if assessed == 0 => FrameworkStatus::NotAssessed,
        (false, false) => FrameworkStatus::WorkInProgress,
        (true, false) => FrameworkStatus::NotInPlace,
        (false, true) if complete => FrameworkStatus::InPlace,
        (false, true) => FrameworkStatus::WorkInProgress,
        (true, true) => FrameworkStatus::NoIssuesFound,
    };
    let names = |list: Vec<&str>| list.join(", ");
    let shown = names(evidenced_by.iter().map(|d| d.document.as_str()).collect());
    let against = names(
        contradicted_by
            .iter()
            .map(|d| d.document.as_str())
            .collect(),
    );
    let gap_count: usize = contradicted_by.iter().map(|d| d.gaps.len()).sum();
    let reason = match status {
        FrameworkStatus::NotAssessed => {
            "no document checked is of a kind the element's rules apply to".to_owned()
        }
        FrameworkStatus::InPlace => format!("shown in {shown}; no document has a gap against it"),
        FrameworkStatus::WorkInProgress if gap_count > 0 => {
            format!("shown in {shown}; {gap_count} gaps to act on in {against}")
        }
        FrameworkStatus::WorkInProgress => {
            format!("partly shown in {shown}; evidence is not yet complete in any document")
        }
        FrameworkStatus::NotInPlace => {
            format!("not shown in any document; {gap_count} gaps to act on in {against}")
        }
        FrameworkStatus::NoIssuesFound => format!(
            "{assessed} document{} checked for it, with no gap; none shows it in place",
            if assessed == 1 { "" } else { "s" }
        ),
    };
    OrganisationElement {
        id: element.id.into(),
        pillar: element.pillar,
        title: element.title.into(),
        recommendation: element.recommendation.into(),
        status,
        reason,
        evidenced_by,
        contradicted_by,
        needs_review,
        progress: None,
    }
}

/// The pillars, by the rule a single report uses.
pub(super) fn pillars(elements: &[OrganisationElement]) -> Vec<OrganisationPillar> {
    framework::PILLARS
        .iter()
        .map(|pillar| {
            let mine: Vec<&OrganisationElement> = elements
                .iter()
                .filter(|e| e.pillar == pillar.number)
                .collect();
            OrganisationPillar {
                number: pillar.number,
                title: pillar.title.into(),
                status: pillar_from(
                    mine.iter()
                        .map(|e| (e.status, !e.contradicted_by.is_empty())),
                ),
                reason: mine
                    .iter()
                    .map(|e| format!("{} {}", e.id, e.status.label().to_lowercase()))
                    .collect::<Vec<_>>()
                    .join("; "),
            }
        })
        .collect()
}

/// Every finding in every document, in document then report order.
pub(super) fn findings(docs: &[Doc<'_>], no_excerpts: bool) -> Vec<OrganisationFinding> {
    let mut out = Vec::new();
    for doc in docs {
        let buckets: [(&str, &[Finding]); 2] = [
            ("violations", &doc.report.violations),
            ("needs_review", &doc.report.needs_review),
        ];
        for (bucket, list) in buckets {
            out.extend(list.iter().map(|f| OrganisationFinding {
                document: doc.label.clone(),
                bucket: bucket.into(),
                rule: f.rule.to_string(),
                name: f.name.to_string(),
                severity: f.severity,
                elements: f.elements.to_vec(),
                message: if no_excerpts {
                    f.name.to_string()
                } else {
                    f.message.to_string()
                },
                path: f.location.path.to_string(),
                excerpt: if no_excerpts { None } else { f.excerpt.clone() },
                waived: f.waiver.is_some(),
                fingerprint: f.fingerprint.to_string(),
            }));
        }
    }
    out
}

/// The waiver register: every waived finding.
pub(super) fn waivers(docs: &[Doc<'_>], no_excerpts: bool) -> Vec<WaiverEntry> {
    let mut out = Vec::new();
    for doc in docs {
        for f in doc.report.violations.iter().chain(&doc.report.needs_review) {
            let Some(waiver) = &f.waiver else { continue };
            let approved_by = waiver
                .approved_by
                .as_deref()
                .map(str::trim)
                .filter(|a| !a.is_empty());
            out.push(WaiverEntry {
                document: doc.label.clone(),
                rule: f.rule.to_string(),
                name: f.name.to_string(),
                elements: f.elements.to_vec(),
                reason: if no_excerpts {
                    "(recorded in the document)".into()
                } else {
                    waiver.reason.clone()
                },
                approved_by: approved_by.filter(|_| !no_excerpts).map(str::to_owned),
                approved: approved_by.is_some(),
                message: if no_excerpts {
                    f.name.to_string()
                } else {
                    f.message.to_string()
                },
                path: f.location.path.to_string(),
            });
        }
    }
    out
}
