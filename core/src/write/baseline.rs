//! Baselines: the findings a team has seen and accepted for now, so an
//! approval gate fails only on findings that are new. Every finding is still
//! reported; only the gate changes.
//!
//! Entries are keyed on (document path, fingerprint). Fingerprints name the
//! rule, the section by id and the matched words, never offsets, so a
//! finding keeps its fingerprint when text above it changes.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Finding, Report, Severity};
use crate::read::{JsonProblem, Limits, check_depth, deserialize_with_pointer};

/// The baseline format this engine writes.
pub const BASELINE_VERSION: u32 = 1;

/// The findings accepted when the baseline was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// The baseline format's version (1).
    pub baseline_version: u32,
    /// The accepted findings, sorted by path then fingerprint.
    pub findings: Vec<BaselineEntry>,
}

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    /// The document, as it was named when the baseline was written. Absent
    /// when the baseline was read from a single report, which does not name
    /// its file: the entry then matches the fingerprint in any document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The finding's fingerprint.
    pub fingerprint: String,
    /// The finding's rule, for a person reading the file; not part of the key.
    pub rule: String,
}

/// Why a baseline could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BaselineError {
    /// Not JSON, or nested too deep.
    #[error("the baseline is not valid JSON: {0}")]
    NotJson(String),
    /// JSON, but neither a baseline nor reports.
    #[error(
        "{pointer}: {message}; a baseline is a file written by --write-baseline, an array of {{\"path\", \"report\"}} from --format json, or one report",
        pointer = crate::error::display_pointer(pointer)
    )]
    Shape { pointer: String, message: String },
}

/// A report's blocking findings, split by whether the baseline has them.
#[derive(Debug, Clone, PartialEq)]
pub struct GateSplit<'r> {
    /// Blocking findings the baseline accepts.
    pub baselined: Vec<&'r Finding>,
    /// Blocking findings the baseline does not have: these fail the gate.
    pub new: Vec<&'r Finding>,
    /// Blocking findings past the report's limit, not listed so not
    /// matched: counted as new, so a long report never clears the gate by accident.
    pub unlisted: usize,
}

impl GateSplit<'_> {
    /// Whether the gate passes against the baseline.
    pub fn passes(&self) -> bool {
        self.new.is_empty() && self.unlisted == 0
    }
}

#[derive(Deserialize)]
struct PathReport {
    path: String,
    report: ReportFindings,
}

/// The part of a report a baseline needs; the rest is ignored, so reports of
/// any format version can serve.
#[derive(Deserialize)]
struct ReportFindings {
    violations: Vec<FindingKey>,
    needs_review: Vec<FindingKey>,
}

#[derive(Deserialize)]
struct FindingKey {
    rule: String,
    fingerprint: String,
}

/// Reads JSON of a known shape, naming the bad field in any error.
fn read<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, BaselineError> {
    deserialize_with_pointer(json).map_err(|e| match e {
        JsonProblem::Syntax {
            line,
            column,
            message,
        } => BaselineError::NotJson(format!("line {line}, column {column}: {message}")),
        JsonProblem::Invalid {
            pointer, message, ..
        } => BaselineError::Shape { pointer, message },
    })
}

impl Baseline {
    /// A baseline accepting every finding (both buckets, waived or not) of
    /// each `(path, report)`.
    pub fn from_reports<'a>(reports: impl IntoIterator<Item = (&'a str, &'a Report)>) -> Baseline {
        let findings = reports
            .into_iter()
            .flat_map(|(path, report)| {
                report
                    .violations
                    .iter()
                    .chain(&report.needs_review)
                    .map(move |f| BaselineEntry {
                        path: Some(path.to_owned()),
                        fingerprint: f.fingerprint.to_string(),
                        rule: f.rule.to_string(),
                    })
            })
            .collect();
        Baseline::sorted(findings)
    }

    /// A baseline of these entries, sorted, without duplicates.
    pub fn from_entries(findings: Vec<BaselineEntry>) -> Baseline {
        Baseline::sorted(findings)
    }

    fn sorted(mut findings: Vec<BaselineEntry>) -> Baseline {
        findings.sort();
        findings.dedup();
        Baseline {
            baseline_version: BASELINE_VERSION,
            findings,
        }
    }

    /// Reads a baseline: one written by [`Baseline::to_json`], an array of
    /// `{"path", "report"}` (the command's `--format json` for several
    /// files), or a single report (whose entries then match any document).
    pub fn from_json(json: &str) -> Result<Baseline, BaselineError> {
        check_depth(json, Limits::default().max_depth)
            .map_err(|e| BaselineError::NotJson(e.to_string()))?;
        let shape: serde_json::Value =
            serde_json::from_str(json).map_err(|e| BaselineError::NotJson(e.to_string()))?;
        let entries = |path: Option<&str>, report: ReportFindings| {
            report
                .violations
                .into_iter()
                .chain(report.needs_review)
                .map(|key| BaselineEntry {
                    path: path.map(str::to_owned),
                    fingerprint: key.fingerprint,
                    rule: key.rule,
                })
                .collect::<Vec<_>>()
        };
        // Told apart by shape, so an error names the field that is wrong.
        if shape.is_array() {
            let reports: Vec<PathReport> = read(json)?;
            let findings = reports
                .into_iter()
                .flat_map(|r| entries(Some(&r.path), r.report))
                .collect();
            return Ok(Baseline::sorted(findings));
        }
        if shape.get("baseline_version").is_some() {
            let baseline: Baseline = read(json)?;
            if baseline.baseline_version > BASELINE_VERSION {
                return Err(BaselineError::Shape {
                    pointer: "/baseline_version".into(),
                    message: format!(
                        "version {} is newer than this dueregard reads ({BASELINE_VERSION})",
                        baseline.baseline_version
                    ),
                });
            }
            return Ok(Baseline::sorted(baseline.findings));
        }
        if shape.get("violations").is_some() {
            let report: ReportFindings = read(json)?;
            return Ok(Baseline::sorted(entries(None, report)));
        }
        Err(BaselineError::Shape {
            pointer: String::new(),
            message: "expected an object with \"baseline_version\" or \"violations\", or an array"
                .into(),
        })
    }

    /// The baseline as indented JSON (see `schemas/baseline.schema.json`).
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("a baseline always serialises");
        text.push('\n');
        text
    }

    /// Whether the baseline accepts the finding with `fingerprint` in the
    /// document at `path`.
    pub fn contains(&self, path: &str, fingerprint: &str) -> bool {
        let exact = BaselineEntry {
            path: Some(path.to_owned()),
            fingerprint: fingerprint.to_owned(),
            rule: String::new(),
        };
        let at = self.findings.partition_point(|e| *e < exact);
        let here = self.findings[at..]
            .iter()
            .take_while(|e| e.path.as_deref() == Some(path))
            .any(|e| e.fingerprint == fingerprint);
        here || self
            .findings
            .iter()
            .take_while(|e| e.path.is_none())
            .any(|e| e.fingerprint == fingerprint)
    }

    /// Splits the blocking findings (unwaived, error-severity violations) of
    /// the report for the document at `path` into those the baseline accepts
    /// and the new ones.
    pub fn split<'r>(&self, path: &str, report: &'r Report) -> GateSplit<'r> {
        let blocking: Vec<&Finding> = report
            .violations
            .iter()
            .filter(|f| f.severity == Severity::Error && f.waiver.is_none())
            .collect();
        let unlisted = report.summary.blocking.saturating_sub(blocking.len());
        let (baselined, new) = blocking
            .into_iter()
            .partition(|f| self.contains(path, &f.fingerprint));
        GateSplit {
            baselined,
            new,
            unlisted,
        }
    }

    /// The documents the baseline names.
    pub fn paths(&self) -> BTreeSet<&str> {
        self.findings
            .iter()
            .filter_map(|e| e.path.as_deref())
            .collect()
    }
}
