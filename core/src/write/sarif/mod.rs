//! Reports as SARIF 2.1.0, the format code scanning, editors and review
//! tools read: one run, the pack's rules in `tool.driver.rules` with help
//! text and absolute documentation links, and one result per finding.
//!
//! How a report maps:
//! - `violations` take their level from severity (error, warning, note);
//!   `needs_review` findings are level `note`, whatever their severity, with
//!   `properties.needsReview: true` and the severity in `properties.severity`,
//!   so a viewer never shows a judgement call as an error.
//! - The fingerprint is `partialFingerprints["dueregard/v1"]`.
//! - A waiver is a suppression of kind `inSource` (it is written in the
//!   draft), status `accepted`, with the reason as its justification.
//! - A safe fix becomes a SARIF fix, when the source is given and the edit
//!   can be placed in it exactly.
//! - With a baseline, each result has `baselineState` `unchanged` or `new`.
//! - A rule that failed to run, and findings left out past the report's
//!   limit, are tool execution notifications, not results.
//! - Columns and `charOffset`/`charLength` count UTF-16 code units
//!   (`columnKind: utf16CodeUnits`). Where the draft lacks something the
//!   region is the start of the file (or the title), with
//!   `properties.exactLocation: false`; JSON drafts add the pointer as a
//!   logical location (kind `member`, or `element` for an array item).

mod log;
mod rules;
mod uri;

use std::collections::BTreeMap;

pub use log::*;
use serde_json::json;

use super::baseline::Baseline;
use super::places::{Place, SourcePlaces};
use crate::model::{Applicability, Finding, Report};
use crate::read::Format;
use crate::rules::RuleMeta;
use rules::{descriptor, descriptor_from_finding, level, sentence};
use uri::{SOURCE_ROOT_ID, artifact_location, file_uri};

/// Where rule documentation lives unless told otherwise: `docs/rules.md` in
/// the repository, whose headings are the rule ids.
pub const DEFAULT_DOC_BASE_URL: &str =
    concat!(env!("CARGO_PKG_REPOSITORY"), "/blob/main/docs/rules.md");

/// The key of dueregard's fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "dueregard/v1";

/// The official schema's address, written as the log's `$schema`.
pub const SARIF_SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// One checked file: its path as the caller names it, its source if read
/// (for line and column positions, snippets and fixes), and its report.
#[derive(Debug, Clone, Copy)]
pub struct SarifArtifact<'a> {
    pub path: &'a str,
    /// The file's text and the format it was read as.
    pub source: Option<(Format, &'a str)>,
    pub report: &'a Report,
}

/// Choices that are not in the reports.
#[derive(Debug, Clone)]
pub struct SarifOptions<'a> {
    /// Rule documentation; a rule's `helpUri` is this, `#`, and its id.
    pub doc_base_url: String,
    /// The absolute folder relative paths are from; when given, artifact
    /// URIs carry `uriBaseId` `SRCROOT` and the run says where that is.
    pub source_root: Option<String>,
    /// Findings accepted earlier: each result gets a `baselineState`.
    pub baseline: Option<&'a Baseline>,
}

impl Default for SarifOptions<'_> {
    fn default() -> Self {
        SarifOptions {
            doc_base_url: DEFAULT_DOC_BASE_URL.into(),
            source_root: None,
            baseline: None,
        }
    }
}

/// A rule's documentation link: the base, `#`, and the rule id.
pub fn help_url(doc_base_url: &str, rule: &str) -> String {
    format!("{}#{rule}", doc_base_url.trim_end_matches('#'))
}

impl SarifLog {
    /// The log as indented JSON, with a final line break.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("a SARIF log always serialises");
        text.push('\n');
        text
    }
}

/// Builds the SARIF log for checked files. `rules` is the engine's
/// (`Engine::rules()`); a finding of a rule not among them still gets a
/// rule entry, built from the finding.
pub fn sarif_log(
    artifacts: &[SarifArtifact<'_>],
    rules: &[RuleMeta],
    options: &SarifOptions<'_>,
) -> SarifLog {
    let mut descriptors: Vec<ReportingDescriptor> =
        rules.iter().map(|m| descriptor(m, options)).collect();
    let mut index: BTreeMap<String, usize> = descriptors
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.clone(), i))
        .collect();
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    let mut files = Vec::new();
    for (artifact_index, artifact) in artifacts.iter().enumerate() {
        let places = artifact
            .source
            .map(|(format, source)| SourcePlaces::new(format, source));
        let location = artifact_location(artifact.path, artifact_index, options);
        files.push(Artifact {
            location: ArtifactLocation {
                index: None,
                ..location.clone()
            },
            mime_type: artifact.source.map(|(format, _)| mime_type(format)),
            encoding: artifact.source.map(|_| "utf-8"),
        });
        let report = artifact.report;
        let buckets = [(&report.violations, false), (&report.needs_review, true)];
        for (findings, review) in buckets {
            for finding in findings {
                let rule_index = *index.entry(finding.rule.clone()).or_insert_with(|| {
                    descriptors.push(descriptor_from_finding(finding, options));
                    descriptors.len() - 1
                });
                results.push(result(
                    finding,
                    review,
                    rule_index,
                    &location,
                    places.as_ref(),
                    artifact,
                    options,
                ));
            }
        }
        let here = vec![Location {
            physical_location: PhysicalLocation {
                artifact_location: location.clone(),
                region: None,
            },
            logical_locations: Vec::new(),
        }];
        for failure in &report.errors {
            notifications.push(Notification {
                level: "error",
                message: Message {
                    text: format!(
                        "The rule {} failed to run: {}",
                        failure.rule, failure.message
                    ),
                },
                associated_rule: index
                    .get(&failure.rule)
                    .map(|&i| ReportingDescriptorReference {
                        id: failure.rule.clone(),
                        index: i,
                    }),
                locations: here.clone(),
            });
        }
        if report.summary.omitted > 0 {
            notifications.push(Notification {
                level: "warning",
                message: Message {
                    text: format!(
                        "{} findings were left out past the report's limit; they still count towards the gate.",
                        report.summary.omitted
                    ),
                },
                associated_rule: None,
                locations: here,
            });
        }
    }
    let (pack, pack_version) = artifacts.first().map_or(("", ""), |a| {
        (
            a.report.engine.rule_pack.as_str(),
            a.report.engine.rule_pack_version.as_str(),
        )
    });
    let mut driver_properties = PropertyBag::new();
    if !pack.is_empty() {
        driver_properties.insert("rulePack".into(), json!(pack));
        driver_properties.insert("rulePackVersion".into(), json!(pack_version));
    }
    let original_uri_base_ids = options
        .source_root
        .as_deref()
        .map(|root| {
            let mut uri = file_uri(root);
            if !uri.ends_with('/') {
                uri.push('/');
            }
            let base = ArtifactLocation {
                uri,
                uri_base_id: None,
                index: None,
            };
            BTreeMap::from([(SOURCE_ROOT_ID.to_owned(), base)])
        })
        .unwrap_or_default();
    SarifLog {
        schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: ToolComponent {
                    name: "dueregard".into(),
                    version: env!("CARGO_PKG_VERSION").into(),
                    semantic_version: env!("CARGO_PKG_VERSION").into(),
                    information_uri: env!("CARGO_PKG_REPOSITORY").into(),
                    rules: descriptors,
                    properties: driver_properties,
                },
            },
            invocations: vec![Invocation {
                execution_successful: true,
                tool_execution_notifications: notifications,
            }],
            original_uri_base_ids,
            artifacts: files,
            results,
            column_kind: "utf16CodeUnits",
        }],
    }
}

fn result(
    finding: &Finding,
    review: bool,
    rule_index: usize,
    artifact_location: &ArtifactLocation,
    places: Option<&SourcePlaces<'_>>,
    artifact: &SarifArtifact<'_>,
    options: &SarifOptions<'_>,
) -> SarifResult {
    let place = places.map(|p| p.locate(&finding.location));
    let json_draft = matches!(artifact.source, Some((Format::Json, _)))
        || artifact.path.to_ascii_lowercase().ends_with(".json");
    let logical_locations = match finding.location.path.rsplit('/').next() {
        Some(last) if json_draft && !finding.location.path.is_empty() => vec![LogicalLocation {
            name: last.replace("~1", "/").replace("~0", "~"),
            fully_qualified_name: finding.location.path.clone(),
            kind: if last.parse::<usize>().is_ok() {
                "element"
            } else {
                "member"
            },
        }],
        _ => Vec::new(),
    };
    let mut properties = PropertyBag::from([
        ("severity".into(), json!(finding.severity.as_str())),
        ("needsReview".into(), json!(review)),
        ("elements".into(), json!(finding.elements)),
        ("pointer".into(), json!(finding.location.path)),
        (
            "exactLocation".into(),
            json!(place.is_some_and(|p| p.exact)),
        ),
    ]);
    if let Some(section) = &finding.location.section {
        properties.insert("section".into(), json!(section));
    }
    if !finding.suggestions.is_empty() {
        properties.insert("suggestions".into(), json!(finding.suggestions));
    }
    let suppressions = finding
        .waiver
        .iter()
        .map(|w| Suppression {
            kind: "inSource",
            status: "accepted",
            justification: w.reason.clone(),
            properties: w
                .approved_by
                .iter()
                .map(|a| ("approvedBy".to_owned(), json!(a)))
                .collect(),
        })
        .collect();
    let fixes = places
        .and_then(|places| sarif_fix(finding, artifact_location, places))
        .into_iter()
        .collect();
    SarifResult {
        rule_id: finding.rule.clone(),
        rule_index,
        level: if review {
            "note"
        } else {
            level(finding.severity)
        },
        message: Message {
            text: sentence(&finding.message),
        },
        locations: vec![Location {
            physical_location: PhysicalLocation {
                artifact_location: artifact_location.clone(),
                region: Some(region(place, places)),
            },
            logical_locations,
        }],
        partial_fingerprints: BTreeMap::from([(
            FINGERPRINT_KEY.to_owned(),
            finding.fingerprint.clone(),
        )]),
        baseline_state: options.baseline.map(|b| {
            if b.contains(artifact.path, &finding.fingerprint) {
                "unchanged"
            } else {
                "new"
            }
        }),
        suppressions,
        fixes,
        properties,
    }
}

/// A SARIF region for a place; the start of the file when there is none.
fn region(place: Option<Place>, places: Option<&SourcePlaces<'_>>) -> Region {
    let Some(p) = place else {
        return Region {
            start_line: 1,
            start_column: 1,
            end_line: 1,
            end_column: 1,
            char_offset: 0,
            char_length: 0,
            snippet: None,
        };
    };
    let snippet = places
        .and_then(|s| s.source().get(p.start..p.end))
        .filter(|text| !text.is_empty())
        .map(|text| ArtifactContent {
            text: text.to_owned(),
        });
    Region {
        start_line: p.start_line,
        start_column: p.start_column,
        end_line: p.end_line,
        end_column: p.end_column,
        char_offset: p.utf16_offset,
        char_length: p.utf16_length,
        snippet,
    }
}

/// A safe fix whose every edit can be placed exactly in the source.
fn sarif_fix(
    finding: &Finding,
    artifact_location: &ArtifactLocation,
    places: &SourcePlaces<'_>,
) -> Option<SarifFix> {
    let fix = finding
        .fix
        .as_ref()
        .filter(|f| f.applicability == Applicability::Safe)?;
    let replacements = fix
        .edits
        .iter()
        .map(|edit| {
            let (place, text) = places.locate_edit(edit)?;
            Some(Replacement {
                deleted_region: Region {
                    snippet: None,
                    ..region(Some(place), None)
                },
                inserted_content: ArtifactContent { text },
            })
        })
        .collect::<Option<Vec<_>>>()?;
    if replacements.is_empty() {
        return None;
    }
    Some(SarifFix {
        description: Message {
            text: sentence(&fix.title),
        },
        artifact_changes: vec![ArtifactChange {
            artifact_location: ArtifactLocation {
                index: None,
                ..artifact_location.clone()
            },
            replacements,
        }],
    })
}

fn mime_type(format: Format) -> &'static str {
    match format {
        Format::Json => "application/json",
        Format::Markdown => "text/markdown",
        Format::Text => "text/plain",
    }
}
