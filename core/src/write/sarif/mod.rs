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
mod results;
mod rules;
mod uri;

use std::collections::BTreeMap;

pub use log::*;
use serde_json::json;

use super::baseline::Baseline;
use super::places::SourcePlaces;
use crate::model::Report;
use crate::read::Format;
use crate::rules::RuleMeta;
use results::{mime_type, result};
use rules::{descriptor, descriptor_from_finding, sentence};
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
    let mut builder = SarifBuilder::new(rules, options.clone());
    for artifact in artifacts {
        builder.add(artifact);
    }
    builder.finish()
}

/// Builds a SARIF log one file at a time, so a caller checking many files
/// holds one report and source at a time, and only the results between them.
#[derive(Debug)]
pub struct SarifBuilder<'o> {
    options: SarifOptions<'o>,
    descriptors: Vec<ReportingDescriptor>,
    index: BTreeMap<String, usize>,
    results: Vec<SarifResult>,
    notifications: Vec<Notification>,
    files: Vec<Artifact>,
    pack: Option<(String, String)>,
}

impl<'o> SarifBuilder<'o> {
    /// A log for the pack's `rules`.
    pub fn new(rules: &[RuleMeta], options: SarifOptions<'o>) -> SarifBuilder<'o> {
        let descriptors: Vec<ReportingDescriptor> =
            rules.iter().map(|m| descriptor(m, &options)).collect();
        let index = descriptors
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i))
            .collect();
        SarifBuilder {
            options,
            descriptors,
            index,
            results: Vec::new(),
            notifications: Vec::new(),
            files: Vec::new(),
            pack: None,
        }
    }

    /// Adds one checked file: an artifact, a result per finding, and a
    /// notification per rule that failed to run.
    pub fn add(&mut self, artifact: &SarifArtifact<'_>) {
        let places = artifact
            .source
            .map(|(format, source)| SourcePlaces::new(format, source));
        let location = self.add_artifact(artifact.path, artifact.source.map(|(f, _)| f));
        let report = artifact.report;
        self.pack.get_or_insert_with(|| {
            (
                report.engine.rule_pack.clone(),
                report.engine.rule_pack_version.clone(),
            )
        });
        let buckets = [(&report.violations, false), (&report.needs_review, true)];
        for (findings, review) in buckets {
            for finding in findings {
                let rule_index = match self.index.get(finding.rule.as_str()) {
                    Some(&i) => i,
                    None => {
                        let d = descriptor_from_finding(finding, &self.options);
                        self.descriptors.push(d);
                        self.index
                            .insert(finding.rule.to_string(), self.descriptors.len() - 1);
                        self.descriptors.len() - 1
                    }
                };
                let result = result(
                    finding,
                    review,
                    rule_index,
                    &location,
                    places.as_ref(),
                    artifact,
                    &self.options,
                );
                self.results.push(result);
            }
        }
        for failure in &report.errors {
            let rule = self
                .index
                .get(&failure.rule)
                .map(|&i| ReportingDescriptorReference {
                    id: failure.rule.clone(),
                    index: i,
                });
            let text = format!(
                "The rule {} failed to run: {}",
                failure.rule, failure.message
            );
            self.notify("error", text, rule, &location);
        }
        if report.summary.omitted > 0 {
            let text = format!(
                "{} findings were left out past the report's limit; they still count towards the gate.",
                report.summary.omitted
            );
            self.notify("warning", text, None, &location);
        }
    }

    /// Records a file that could not be checked, as an error notification.
    pub fn add_unreadable(&mut self, path: &str, message: &str) {
        let location = self.add_artifact(path, None);
        self.notify(
            "error",
            format!("{path} was not checked: {message}"),
            None,
            &location,
        );
    }

    fn add_artifact(&mut self, path: &str, format: Option<Format>) -> ArtifactLocation {
        let location = artifact_location(path, self.files.len(), &self.options);
        self.files.push(Artifact {
            location: ArtifactLocation {
                index: None,
                ..location.clone()
            },
            mime_type: format.map(mime_type),
            encoding: format.map(|_| "utf-8"),
        });
        location
    }

    fn notify(
        &mut self,
        level: &'static str,
        text: String,
        associated_rule: Option<ReportingDescriptorReference>,
        location: &ArtifactLocation,
    ) {
        self.notifications.push(Notification {
            level,
            message: Message {
                text: sentence(&text),
            },
            associated_rule,
            locations: vec![Location {
                physical_location: PhysicalLocation {
                    artifact_location: location.clone(),
                    region: None,
                },
                logical_locations: Vec::new(),
            }],
        });
    }

    /// The log.
    pub fn finish(self) -> SarifLog {
        let mut driver_properties = PropertyBag::new();
        if let Some((pack, version)) = self.pack.filter(|(pack, _)| !pack.is_empty()) {
            driver_properties.insert("rulePack".into(), json!(pack));
            driver_properties.insert("rulePackVersion".into(), json!(version));
        }
        let original_uri_base_ids = self
            .options
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
                        rules: self.descriptors,
                        properties: driver_properties,
                    },
                },
                invocations: vec![Invocation {
                    execution_successful: true,
                    tool_execution_notifications: self.notifications,
                }],
                original_uri_base_ids,
                artifacts: self.files,
                results: self.results,
                column_kind: "utf16CodeUnits",
            }],
        }
    }
}
