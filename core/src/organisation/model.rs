//! The organisation report: what a set of documents shows about the
//! framework's 17 elements, with the checklist, waivers and reviews the
//! framework and the duty ask an organisation to keep.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::model::framework::{Progress, SelfAssessment};
use crate::model::{ElementFinding, Evidence, FrameworkStatus, Severity};

/// The version of the organisation report format. It changes whenever a field
/// is added, removed or changes meaning (see CHANGELOG.md).
pub const ORGANISATION_FORMAT_VERSION: u32 = 1;

/// An organisation's view across its documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OrganisationReport {
    /// This format's version.
    pub format_version: u32,
    /// The date the report is as of: review dates are compared with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// Whether document text and names were left out (documents are then
    /// called "Document 1", "Document 2" in input order).
    pub no_excerpts: bool,
    /// The rule packs the documents were checked with, as "name version".
    pub rule_packs: Vec<String>,
    /// Counts across documents.
    pub summary: OrganisationSummary,
    /// Each document checked, in input order.
    pub documents: Vec<DocumentEntry>,
    /// The framework's 17 elements, from the evidence across documents.
    pub elements: Vec<OrganisationElement>,
    /// The framework's 6 pillars, from their elements.
    pub pillars: Vec<OrganisationPillar>,
    /// Every finding, in every document.
    pub findings: Vec<OrganisationFinding>,
    /// Every waived finding: due regard recorded.
    pub waivers: Vec<WaiverEntry>,
    /// Documents whose review date has passed as of `as_of`.
    pub past_review: Vec<ReviewEntry>,
    /// The self-assessment cross-check: empty when no self-assessment was given.
    pub self_assessment: Vec<CrossCheck>,
    /// The earlier report progress is measured against, if one was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<PreviousInfo>,
    /// Credit for the framework text quoted in this report.
    pub attribution: String,
}

/// Counts across documents.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct OrganisationSummary {
    /// Documents checked.
    pub documents: usize,
    /// Findings that need a change (waived ones included).
    pub violations: usize,
    /// Findings a person must judge (waived ones included).
    pub needs_review: usize,
    /// Unwaived error-severity violations.
    pub blocking: usize,
    /// Waived findings.
    pub waived: usize,
    /// Documents past their review date.
    pub past_review: usize,
    /// Elements in place, across documents.
    pub elements_in_place: usize,
    /// Self-assessment claims the documents contradict.
    pub contradicted_claims: usize,
}

/// One document, as checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DocumentEntry {
    /// The document's name as given (a file name), or "Document N".
    pub document: String,
    /// The draft's title; absent with `no_excerpts`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The draft's kind.
    pub kind: String,
    /// Its review date, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Date>,
    /// Findings that need a change.
    pub violations: usize,
    /// Findings to review.
    pub needs_review: usize,
    /// Unwaived error-severity violations.
    pub blocking: usize,
}

/// One element across documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OrganisationElement {
    /// The element id, e.g. `4.1`.
    pub id: String,
    /// Its pillar.
    pub pillar: u8,
    /// Its title, quoted from the framework.
    pub title: String,
    /// The framework's recommendation, quoted.
    pub recommendation: String,
    /// In place when a document evidences it in place and none has a gap
    /// against it; work in progress when there is evidence and gaps (or
    /// incomplete evidence); not in place when there are gaps and no
    /// evidence; no issues found when documents ran the rules and neither;
    /// not assessed when no document was assessed for it.
    pub status: FrameworkStatus,
    /// Why, in one line.
    pub reason: String,
    /// Documents whose evidence supports the element.
    pub evidenced_by: Vec<DocumentEvidence>,
    /// Documents with gaps against the element: what to act on.
    pub contradicted_by: Vec<DocumentGaps>,
    /// Findings to review against the element, across documents.
    pub needs_review: usize,
    /// Progress since the previous report, when one was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<ElementProgress>,
}

/// A document's evidence for an element.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DocumentEvidence {
    /// The document.
    pub document: String,
    /// The document's own status for the element.
    pub status: FrameworkStatus,
    /// What passed, and where.
    pub evidence: Vec<Evidence>,
}

/// A document's gaps against an element.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DocumentGaps {
    /// The document.
    pub document: String,
    /// The document's own status for the element.
    pub status: FrameworkStatus,
    /// The unwaived violations.
    pub gaps: Vec<ElementFinding>,
}

/// The framework's progress checklist for one element.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ElementProgress {
    /// The element's status in the previous report.
    pub previous: FrameworkStatus,
    /// On the framework's progress scale: significant when the element came
    /// into place or every earlier gap was closed with none opened; moderate
    /// when a gap was closed or the status rose; no progress otherwise.
    /// Absent when the element was in place at both dates, or assessed at neither.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
    /// The action to date, in one paragraph, from what was fixed since.
    pub action_to_date: String,
    /// Earlier gaps no longer found (matched by fingerprint).
    pub fixed: Vec<FixedFinding>,
    /// Gaps found now that were not found before.
    pub new_gaps: usize,
}

/// An earlier gap that is no longer found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FixedFinding {
    /// The document it was in.
    pub document: String,
    /// The rule.
    pub rule: String,
    /// What was found then.
    pub message: String,
    /// Its fingerprint.
    pub fingerprint: String,
}

/// One pillar across documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OrganisationPillar {
    /// The pillar number.
    pub number: u8,
    /// Its title, quoted.
    pub title: String,
    /// From its elements, by the same rule as a single report's pillars.
    pub status: FrameworkStatus,
    /// Each element's status, in one line.
    pub reason: String,
}

/// One finding in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OrganisationFinding {
    /// The document.
    pub document: String,
    /// `violations` or `needs_review`.
    pub bucket: String,
    /// The rule.
    pub rule: String,
    /// The rule's name.
    pub name: String,
    /// How much it matters.
    pub severity: Severity,
    /// The elements it is against.
    pub elements: Vec<String>,
    /// What was found; with `no_excerpts`, the rule's name (messages can
    /// quote the document).
    pub message: String,
    /// JSON Pointer into the document.
    pub path: String,
    /// The text around it; absent with `no_excerpts`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
    /// Whether a waiver covers it.
    pub waived: bool,
    /// Its fingerprint.
    pub fingerprint: String,
}

/// A waived finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WaiverEntry {
    /// The document.
    pub document: String,
    /// The rule waived.
    pub rule: String,
    /// The rule's name.
    pub name: String,
    /// The elements the finding is against.
    pub elements: Vec<String>,
    /// Why it was waived.
    pub reason: String,
    /// Who approved it; absent when nobody is named (or with `no_excerpts`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
    /// Whether anyone is named as approving it.
    pub approved: bool,
    /// What was found.
    pub message: String,
    /// Where.
    pub path: String,
}

/// A document past its review date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReviewEntry {
    /// The document.
    pub document: String,
    /// Its review date.
    pub review: Date,
}

/// One self-assessment claim, as given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// The element, e.g. `4.1`.
    pub element: String,
    /// Where the organisation says it stands.
    pub claimed: SelfAssessment,
    /// What the organisation offers as evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A claim checked against the documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CrossCheck {
    /// The element.
    pub element: String,
    /// What was claimed.
    pub claimed: SelfAssessment,
    /// What the documents show.
    pub found: FrameworkStatus,
    /// Whether the documents bear the claim out.
    pub agrees: bool,
    /// How the claim compares with the documents.
    pub outcome: CrossCheckOutcome,
    /// The documents that decide the outcome: those with gaps when a claim is
    /// contradicted, those with evidence otherwise.
    pub documents: Vec<String>,
    /// In one line, e.g. "4.1 claimed in place; Patient registration form:
    /// The form asks equality questions but not sexual orientation."
    pub message: String,
    /// The organisation's evidence note, as given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How a claim compares with what the documents show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CrossCheckOutcome {
    /// The documents show what is claimed.
    Agrees,
    /// The documents have gaps against a claim of progress.
    Contradicted,
    /// The documents neither show nor contradict the claim.
    NotShown,
    /// The documents show more than is claimed.
    Understated,
}

/// The earlier report progress is measured against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PreviousInfo {
    /// Its date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// How many documents it covered.
    pub documents: usize,
    /// Whether findings were matched by fingerprint alone, because one of
    /// the two reports left document names out.
    pub matched_by_fingerprint_only: bool,
}
