//! The organisation's view across its documents: per element, the evidence and
//! the gaps across every document, the framework's progress checklist against
//! an earlier report, a waiver register, documents past review, and a
//! cross-check of the organisation's own self-assessment.
//!
//! Pure: it takes reports with document names (never files or paths), so the
//! command, Python and WebAssembly all call this same code.
//!
//! ```
//! use dueregard::{Draft, Engine, organisation::{self, OrganisationOptions}};
//!
//! let engine = Engine::new();
//! let form = Draft::from_json(r#"{"title": "Registration", "kind": "data_collection_form",
//!     "fields": [{"id": "g", "label": "Gender", "kind": "single_choice",
//!                 "options": ["Male", "Female"]}]}"#).unwrap();
//! let items = vec![("registration.json".to_owned(), engine.check(&form))];
//! let claims = organisation::parse_self_assessment("element,claimed\n4.1,in place\n").unwrap();
//! let report = organisation::organisation(&items, &OrganisationOptions {
//!     self_assessment: Some(claims),
//!     ..OrganisationOptions::default()
//! });
//! let check = &report.self_assessment[0];
//! assert!(!check.agrees);
//! assert!(check.message.starts_with("4.1 claimed in place; Registration:"));
//! ```

mod cross_check;
mod elements;
mod input;
mod model;
mod progress;
pub mod write;

pub use input::{
    NamedReport, OrganisationError, OrganisationInput, parse_previous, parse_self_assessment,
};
pub use model::*;

use std::collections::BTreeSet;

use crate::date::Date;
use crate::model::framework;
use crate::model::{FrameworkStatus, Report};

/// What, besides the reports, the organisation view takes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OrganisationOptions {
    /// The organisation's own self-assessment, to cross-check.
    pub self_assessment: Option<Vec<Claim>>,
    /// An earlier organisation report, to measure progress against.
    pub previous: Option<OrganisationReport>,
    /// The date review dates are compared with.
    pub as_of: Option<Date>,
    /// Leave document text (messages, excerpts, waiver reasons) and names
    /// (document titles and names, approvers) out of the report.
    pub no_excerpts: bool,
}

impl OrganisationInput {
    /// The reports with their names, and the options.
    pub fn into_parts(self) -> (Vec<(String, Report)>, OrganisationOptions) {
        let input = self;
        let items = input
            .documents
            .into_iter()
            .map(|d| (d.document, d.report))
            .collect();
        let options = OrganisationOptions {
            self_assessment: input.self_assessment,
            previous: input.previous,
            as_of: input.as_of,
            no_excerpts: input.no_excerpts,
        };
        (items, options)
    }
}

/// One document as the parts of the view read it.
pub(crate) struct Doc<'a> {
    /// The name shown in the report: as given, or "Document N".
    pub label: String,
    /// The name used in sentences: the draft's title, or the label.
    pub display: String,
    pub report: &'a Report,
}

/// Builds the organisation report from reports with document names.
pub fn organisation(
    items: &[(String, Report)],
    options: &OrganisationOptions,
) -> OrganisationReport {
    let docs: Vec<Doc<'_>> = items
        .iter()
        .enumerate()
        .map(|(i, (name, report))| {
            let label = if options.no_excerpts {
                format!("Document {}", i + 1)
            } else {
                name.clone()
            };
            let title = report.draft.title.trim();
            let display = if options.no_excerpts || title.is_empty() {
                label.clone()
            } else {
                title.to_owned()
            };
            Doc {
                label,
                display,
                report,
            }
        })
        .collect();
    let mut elements: Vec<OrganisationElement> = framework::ELEMENTS
        .iter()
        .map(|e| elements::element_view(&docs, e, options.no_excerpts))
        .collect();
    if let Some(previous) = &options.previous {
        progress::add_progress(&mut elements, previous, options);
    }
    let pillars = elements::pillars(&elements);
    let findings = elements::findings(&docs, options.no_excerpts);
    let waivers = elements::waivers(&docs, options.no_excerpts);
    let past_review: Vec<ReviewEntry> = match &options.as_of {
        Some(as_of) => docs
            .iter()
            .filter_map(|d| {
                let review = d.report.draft.review.as_ref()?;
                (review < as_of).then(|| ReviewEntry {
                    document: d.label.clone(),
                    review: review.clone(),
                })
            })
            .collect(),
        None => Vec::new(),
    };
    let self_assessment = options
        .self_assessment
        .as_deref()
        .map(|claims| cross_check::cross_check(claims, &elements, &docs))
        .unwrap_or_default();
    let documents: Vec<DocumentEntry> = docs
        .iter()
        .map(|d| DocumentEntry {
            document: d.label.clone(),
            title: (!options.no_excerpts).then(|| d.report.draft.title.clone()),
            kind: d.report.draft.kind.clone(),
            review: d.report.draft.review.clone(),
            violations: d.report.summary.violations,
            needs_review: d.report.summary.needs_review,
            blocking: d.report.summary.blocking,
        })
        .collect();
    let summary = OrganisationSummary {
        documents: docs.len(),
        violations: documents.iter().map(|d| d.violations).sum(),
        needs_review: documents.iter().map(|d| d.needs_review).sum(),
        blocking: documents.iter().map(|d| d.blocking).sum(),
        waived: waivers.len(),
        past_review: past_review.len(),
        elements_in_place: elements
            .iter()
            .filter(|e| e.status == FrameworkStatus::InPlace)
            .count(),
        contradicted_claims: self_assessment
            .iter()
            .filter(|c| c.outcome == CrossCheckOutcome::Contradicted)
            .count(),
    };
    let rule_packs: BTreeSet<String> = items
        .iter()
        .map(|(_, r)| format!("{} {}", r.engine.rule_pack, r.engine.rule_pack_version))
        .collect();
    OrganisationReport {
        format_version: ORGANISATION_FORMAT_VERSION,
        as_of: options.as_of.clone(),
        no_excerpts: options.no_excerpts,
        rule_packs: rule_packs.into_iter().collect(),
        summary,
        documents,
        elements,
        pillars,
        findings,
        waivers,
        past_review,
        self_assessment,
        previous: options.previous.as_ref().map(|p| PreviousInfo {
            as_of: p.as_of.clone(),
            documents: p.summary.documents,
            matched_by_fingerprint_only: p.no_excerpts || options.no_excerpts,
        }),
        attribution: framework::ATTRIBUTION.into(),
    }
}

impl OrganisationReport {
    /// The report as indented JSON (schemas/organisation-report.schema.json).
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("an organisation report always serialises")
    }

    /// The report as compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("an organisation report always serialises")
    }
}
