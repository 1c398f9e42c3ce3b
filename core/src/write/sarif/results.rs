//! One finding as a SARIF result: level, message, places, fingerprint,
//! suppression, fix and baseline state.

use std::collections::BTreeMap;

use serde_json::json;

use super::log::*;
use super::rules::{level, sentence};
use super::{FINGERPRINT_KEY, SarifArtifact, SarifOptions};
use crate::model::{Applicability, Finding};
use crate::read::Format;
use crate::write::places::{Place, SourcePlaces};

pub(super) fn result(
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
            fully_qualified_name: finding.location.path.to_string(),
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
        rule_id: finding.rule.to_string(),
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
            finding.fingerprint.to_string(),
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

pub(super) fn mime_type(format: Format) -> &'static str {
    match format {
        Format::Json => "application/json",
        Format::Markdown => "text/markdown",
        Format::Text => "text/plain",
        Format::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Format::Html => "text/html",
    }
}
