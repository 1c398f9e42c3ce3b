//! The report: findings in axe-core's buckets, a summary, and the roll-up to
//! the framework's 17 elements and 6 pillars.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use std::sync::Arc;

use crate::model::{Applicability, FrameworkStatus, Severity, SharedList, SharedText, SourceRef};
use crate::text::TextSpan;

/// The result of checking one draft. The same draft and rule pack always give
/// byte-identical JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    /// The report format's version: it changes whenever a field is added,
    /// removed or changes meaning (see CHANGELOG.md), so a reader can check
    /// it knows the shape before it reads on.
    pub format_version: u32,
    /// The engine and rule pack that produced the report.
    pub engine: EngineInfo,
    /// The draft checked.
    pub draft: DraftInfo,
    /// Counts, and whether an approval gate would pass.
    pub summary: Summary,
    /// Findings that need a change.
    pub violations: Vec<Finding>,
    /// Findings a person must judge: context decides, or guidance is contested.
    pub needs_review: Vec<Finding>,
    /// Rules that ran and found what they look for done well.
    pub passes: Vec<RuleOutcome>,
    /// Rules that do not apply to this draft, with the reason.
    pub inapplicable: Vec<RuleOutcome>,
    /// Rules that failed to run. Never mixed into the other buckets.
    pub errors: Vec<RuleFailure>,
    /// The framework's 17 demonstrable elements, each with a status.
    pub elements: Vec<ElementStatus>,
    /// The framework's 6 pillars, each with a status.
    pub pillars: Vec<PillarStatus>,
    /// For a Word or HTML document: what was read from it (EIA rows, form
    /// fields, actions) and what could not be placed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recognised: Option<crate::read::recognise::Recognised>,
}

/// One document's report, named: what `dueregard check --format json` writes,
/// as an array with one entry per file, so every report says which file it is
/// for. Reports themselves carry no paths, so the same draft gives the same
/// report wherever it is stored.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct DocumentReport {
    /// The document, as named on the command line or found in a folder.
    pub path: String,
    pub report: Report,
}

/// The version of the report format this engine writes. Version 1 had no
/// `format_version` field; version 3 gives every element and pillar a status
/// on evidence, with the evidence and gaps behind it (see CHANGELOG.md).
pub const REPORT_FORMAT_VERSION: u32 = 3;

/// The engine and rule pack versions, so a report can be reproduced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EngineInfo {
    /// The dueregard version.
    pub version: String,
    /// The rule pack's name.
    pub rule_pack: String,
    /// The rule pack's version.
    pub rule_pack_version: String,
    /// For a pack built on the built-in rules: the date the built-in rules'
    /// legal and NHS guidance was last checked at its sources. Absent for a
    /// pack that does not extend the built-in rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance_as_of: Option<String>,
}

/// What was checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DraftInfo {
    /// The draft's title.
    pub title: String,
    /// The draft's kind, as in the input.
    pub kind: String,
    /// When the draft is due for review (`dates.review`), if it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Date>,
}

/// Counts per bucket and severity.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Summary {
    /// Number of violations (waived ones included).
    pub violations: usize,
    /// Number of findings needing review (waived ones included).
    pub needs_review: usize,
    /// Number of rules that passed.
    pub passes: usize,
    /// Number of rules that did not apply.
    pub inapplicable: usize,
    /// Number of rules that failed to run.
    pub errors: usize,
    /// Findings of severity error, in either bucket.
    pub error_findings: usize,
    /// Findings of severity warning.
    pub warning_findings: usize,
    /// Findings of severity info.
    pub info_findings: usize,
    /// Findings covered by a waiver.
    pub waived: usize,
    /// Unwaived error-severity violations: what blocks an approval gate.
    pub blocking: usize,
    /// Findings not listed because the report reached its limit
    /// (`Limits::max_findings`); zero for any realistic draft.
    pub omitted: usize,
}

/// One thing the draft should change or a person should look at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    /// The rule's id.
    pub rule: SharedText,
    /// The rule's name.
    pub name: SharedText,
    /// How much it matters; `error` blocks an approval gate.
    pub severity: Severity,
    /// What was found, in one sentence.
    pub message: SharedText,
    /// Why it matters, in plain English.
    pub explanation: SharedText,
    /// The framework elements (e.g. `3.2`) the rule serves.
    pub elements: SharedList<String>,
    /// Where the guidance comes from.
    pub source: Arc<SourceRef>,
    /// Where the rule is documented (relative to the project's docs).
    pub help: SharedText,
    /// Where in the draft.
    pub location: Location,
    /// The text around the finding, when it is in text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
    /// Wording to consider, best first.
    #[serde(default, skip_serializing_if = "<[String]>::is_empty")]
    pub suggestions: SharedList<String>,
    /// An edit that applies the first suggestion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// Other rules that matched the same words; this finding, the strongest,
    /// stands for them (e.g. a slur quoted and unquoted, or a single-sex
    /// mention inside a sentence about accommodation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_matched: Vec<SharedText>,
    /// The waiver that covers this finding, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiver: Option<AppliedWaiver>,
    /// Stable across edits elsewhere in the draft: rule, place and text, not offsets.
    pub fingerprint: SharedText,
}

/// Where a finding is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Location {
    /// RFC 6901 JSON Pointer into the draft, e.g. `/sections/2/text` or `/eia/groups`.
    pub path: SharedText,
    /// The section id, for findings in a section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<SharedText>,
    /// The span within the text at `path`, for findings in text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<TextSpan>,
    /// For a Word or HTML document, where in it the finding is, as a person
    /// counts ("table 2 › row 4", "line 40, column 7").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

/// A suggested edit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Fix {
    /// What the fix does, e.g. `Replace with “trans”`.
    pub title: String,
    /// Whether it can be applied without a person reading it.
    pub applicability: Applicability,
    /// The edits, each within the text at its `path`.
    pub edits: Vec<Edit>,
}

/// Replace bytes `start..end` of the text at `path` with `replacement`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Edit {
    /// JSON Pointer to the text edited.
    pub path: SharedText,
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset just past the end.
    pub end: usize,
    /// UTF-16 offset of the start (JavaScript).
    pub utf16_start: usize,
    /// UTF-16 offset just past the end (JavaScript).
    pub utf16_end: usize,
    /// The new text.
    pub replacement: String,
}

/// A waiver as applied to a finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AppliedWaiver {
    /// Why the rule is waived here.
    pub reason: String,
    /// Who approved it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
}

/// A rule that passed or did not apply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RuleOutcome {
    /// The rule's id.
    pub rule: String,
    /// The rule's name.
    pub name: String,
    /// The framework elements the rule serves.
    pub elements: Vec<String>,
    /// What the draft shows (for a pass) or why the rule does not apply.
    pub reason: String,
}

/// A rule that failed to run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RuleFailure {
    /// The rule's id.
    pub rule: String,
    /// What went wrong.
    pub message: String,
}

/// One of the framework's 17 elements, as this draft evidences it: a status,
/// and the evidence and gaps it rests on, so the reason is one line away.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ElementStatus {
    /// The element id, e.g. `3.2`.
    pub id: String,
    /// The pillar it belongs to.
    pub pillar: u8,
    /// The element's title, quoted from the framework.
    pub title: String,
    /// Where the draft stands: in place, work in progress, not in place, no
    /// issues found or not assessed, by the rule documented on `FrameworkStatus`.
    pub status: FrameworkStatus,
    /// Why the status is what it is, in one line.
    pub reason: String,
    /// Rules whose pass shows the element's recommendation met: what passed,
    /// and where.
    pub evidence: Vec<Evidence>,
    /// Unwaived violations against the element: what to act on.
    pub gaps: Vec<ElementFinding>,
    /// Unwaived findings a person must judge; they never make a gap.
    pub review: Vec<ElementFinding>,
    /// Waived findings against the element, which neither evidence nor block.
    pub waived: Vec<ElementFinding>,
}

/// A rule's pass that evidences an element.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Evidence {
    /// The rule's id.
    pub rule: String,
    /// What the draft shows: the rule's pass reason.
    pub reason: String,
    /// Where the evidence is, as a JSON Pointer into the draft, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// A finding against an element, in short: the full finding is in the
/// report's `violations` or `needs_review` with the same fingerprint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ElementFinding {
    /// The rule's id.
    pub rule: SharedText,
    /// How much it matters.
    pub severity: Severity,
    /// What was found.
    pub message: SharedText,
    /// JSON Pointer into the draft.
    pub path: SharedText,
    /// The finding's fingerprint.
    pub fingerprint: SharedText,
}

/// One of the framework's 6 pillars.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PillarStatus {
    /// The pillar number, 1 to 6.
    pub number: u8,
    /// The pillar's title, quoted from the framework.
    pub title: String,
    /// From its elements: in place only if every assessed element is; not
    /// assessed if none is; otherwise work in progress if any element has
    /// evidence, not in place if any has gaps, else no issues found.
    pub status: FrameworkStatus,
    /// Why, in one line: each assessed element's status.
    pub reason: String,
    /// Violations against its elements.
    pub violations: usize,
    /// Findings to review against its elements.
    pub needs_review: usize,
}

impl Report {
    /// Whether an approval gate would pass: no unwaived error-severity violation.
    pub fn passes_gate(&self) -> bool {
        self.summary.blocking == 0
    }

    /// The report as JSON, compact. Deterministic for the same input.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a report always serialises")
    }

    /// The report as indented JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report always serialises")
    }
}
