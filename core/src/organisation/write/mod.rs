//! Writers for the organisation report: text for a terminal, the framework's
//! checklist as CSV, one self-contained accessible HTML page, and (with the
//! `xlsx` feature) an Excel workbook. JSON is `OrganisationReport::to_json`.

mod html;
#[cfg(feature = "xlsx")]
mod xlsx;

pub use html::html;
#[cfg(feature = "xlsx")]
pub use xlsx::{WorkbookError, xlsx};

use std::fmt::Write as _;

use super::model::{CrossCheckOutcome, OrganisationElement, OrganisationReport};

/// One row of the framework's progress checklist, as every writer shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistRow {
    /// The element id, e.g. `4.1`.
    pub element: String,
    /// Its pillar.
    pub pillar: u8,
    /// "4.1 " and the framework's recommendation, as the checklist prints it.
    pub recommendation: String,
    /// The progress label ("Moderate progress"), or empty without a previous report.
    pub progress: String,
    /// What was done since the previous report, or the current state without one.
    pub action_to_date: String,
    /// The status found, as a label ("Work in progress").
    pub status: String,
    /// Each document's evidence, "document: reason (rule)".
    pub evidence: String,
    /// Each gap to act on, "document: message (rule)".
    pub gaps: String,
    /// The organisation's claim, as a label, or empty.
    pub claimed: String,
    /// The cross-check of the claim, in one line, or empty.
    pub cross_check: String,
}

/// The checklist's 17 rows, in the framework's order.
pub fn checklist(report: &OrganisationReport) -> Vec<ChecklistRow> {
    report
        .elements
        .iter()
        .map(|e| {
            let claim = report.self_assessment.iter().find(|c| c.element == e.id);
            ChecklistRow {
                element: e.id.clone(),
                pillar: e.pillar,
                recommendation: format!("{} {}", e.id, e.recommendation),
                progress: e
                    .progress
                    .as_ref()
                    .and_then(|p| p.progress)
                    .map(|p| p.label().to_owned())
                    .unwrap_or_default(),
                action_to_date: e
                    .progress
                    .as_ref()
                    .map_or_else(|| capitalise(&e.reason), |p| p.action_to_date.clone()),
                status: e.status.label().to_owned(),
                evidence: evidence_text(e),
                gaps: gaps_text(e),
                claimed: claim
                    .map(|c| c.claimed.label().to_owned())
                    .unwrap_or_default(),
                cross_check: claim.map(|c| c.message.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn evidence_text(e: &OrganisationElement) -> String {
    e.evidenced_by
        .iter()
        .flat_map(|d| {
            d.evidence
                .iter()
                .map(move |v| format!("{}: {} ({})", d.document, v.reason, v.rule))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn gaps_text(e: &OrganisationElement) -> String {
    e.contradicted_by
        .iter()
        .flat_map(|d| {
            d.gaps
                .iter()
                .map(move |g| format!("{}: {} ({})", d.document, g.message, g.rule))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The checklist's column headings, as the CSV and the workbook write them.
pub const CHECKLIST_HEADINGS: [&str; 9] = [
    "Pillars and recommendations",
    "Progress",
    "Action to date",
    "Status found",
    "Evidence",
    "Gaps to act on",
    "Claimed",
    "Cross-check",
    "Element",
];

/// The framework's progress checklist as CSV: a header row, then 17 rows.
pub fn csv(report: &OrganisationReport) -> String {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail; a failure would be a bug in the csv crate.
    let _ = writer.write_record(CHECKLIST_HEADINGS);
    for row in checklist(report) {
        let _ = writer.write_record([
            row.recommendation.as_str(),
            &row.progress,
            &row.action_to_date,
            &row.status,
            &row.evidence,
            &row.gaps,
            &row.claimed,
            &row.cross_check,
            &row.element,
        ]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The report for a terminal: counts, pillars, each element with its reason,
/// and what the organisation should look at first.
pub fn text(report: &OrganisationReport) -> String {
    let mut out = String::new();
    let s = &report.summary;
    let _ = writeln!(
        out,
        "Organisation view of {} documents{}: {} to change ({} blocking), {} to review, {} waived.",
        s.documents,
        report
            .as_of
            .as_ref()
            .map(|d| format!(" as of {d}"))
            .unwrap_or_default(),
        s.violations,
        s.blocking,
        s.needs_review,
        s.waived
    );
    let _ = writeln!(out, "\nPillars:");
    for p in &report.pillars {
        let _ = writeln!(out, "  {} {:<68} {}", p.number, p.title, p.status.label());
    }
    let _ = writeln!(out, "\nElements:");
    for e in &report.elements {
        let progress = e
            .progress
            .as_ref()
            .and_then(|p| p.progress)
            .map(|p| format!(" [{}]", p.label()))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {} {}{progress}: {}",
            e.id,
            e.status.label(),
            e.reason
        );
    }
    let contradicted: Vec<_> = report
        .self_assessment
        .iter()
        .filter(|c| c.outcome == CrossCheckOutcome::Contradicted)
        .collect();
    if !report.self_assessment.is_empty() {
        let _ = writeln!(
            out,
            "\nSelf-assessment: {} of {} claims contradicted by the documents.",
            contradicted.len(),
            report.self_assessment.len()
        );
        for c in &report.self_assessment {
            if c.outcome != CrossCheckOutcome::Agrees {
                let _ = writeln!(out, "  {}", c.message);
            }
        }
    }
    if !report.past_review.is_empty() {
        let _ = writeln!(out, "\nPast their review date:");
        for r in &report.past_review {
            let _ = writeln!(out, "  {} (review due {})", r.document, r.review);
        }
    }
    if !report.waivers.is_empty() {
        let _ = writeln!(out, "\nWaivers ({}):", report.waivers.len());
        for w in &report.waivers {
            let _ = writeln!(
                out,
                "  {} {}: {} (approved by {})",
                w.document,
                w.rule,
                w.reason,
                w.approved_by.as_deref().unwrap_or(if w.approved {
                    "someone named"
                } else {
                    "nobody named"
                })
            );
        }
    }
    let _ = writeln!(out, "\n{}", report.attribution);
    out
}
