//! What the organisation view reads: reports with document names, a
//! self-assessment (JSON or CSV) and an earlier organisation report. Each
//! reader gives a typed error that says where the problem is.

use schemars::JsonSchema;
use serde::Deserialize;

use super::model::{Claim, ORGANISATION_FORMAT_VERSION, OrganisationReport};
use crate::date::Date;
use crate::error::{ErrorInfo, display_pointer};
use crate::model::Report;
use crate::model::framework::{self, SelfAssessment};
use crate::read::{JsonProblem, deserialize_with_pointer};

/// The most self-assessment claims read (there are 17 elements; a file with
/// far more is not a self-assessment).
const MAX_CLAIMS: usize = 1_000;

/// Why an organisation input could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrganisationError {
    /// The self-assessment file is wrong.
    #[error("self-assessment {at}: {message}")]
    SelfAssessment {
        /// A JSON Pointer for JSON input, `line N` for CSV.
        at: String,
        message: String,
    },
    /// The previous organisation report is wrong.
    #[error("previous report {pointer}: {message}", pointer = display_pointer(pointer))]
    Previous { pointer: String, message: String },
    /// The documents and options given to the JSON entry are wrong.
    #[error("organisation input {pointer}: {message}", pointer = display_pointer(pointer))]
    Input { pointer: String, message: String },
}

impl OrganisationError {
    /// The error as a serialisable value for the bindings.
    pub fn to_info(&self) -> ErrorInfo {
        let (kind, pointer) = match self {
            OrganisationError::SelfAssessment { at, .. } => ("self_assessment", at),
            OrganisationError::Previous { pointer, .. } => ("previous", pointer),
            OrganisationError::Input { pointer, .. } => ("invalid", pointer),
        };
        ErrorInfo {
            error: "organisation",
            kind,
            pointer: Some(pointer.clone()),
            message: self.to_string(),
        }
    }
}

/// One document and its report, as the JSON entry takes them.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NamedReport {
    /// The document's name: a file name or a title. `path` is read as its
    /// alias, so `dueregard check --format json` output can be passed as it is.
    #[serde(alias = "path")]
    pub document: String,
    /// Its report, as `check` gave it (schemas/report.schema.json).
    pub report: Report,
}

/// Everything the organisation view takes, as one JSON value: what
/// `json_api::organisation` and the Python binding pass
/// (schemas/organisation-input.schema.json).
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganisationInput {
    /// The documents, in the order to list them.
    pub documents: Vec<NamedReport>,
    /// The organisation's own self-assessment.
    #[serde(default)]
    pub self_assessment: Option<Vec<Claim>>,
    /// An earlier organisation report (this format), to measure progress.
    #[serde(default)]
    pub previous: Option<OrganisationReport>,
    /// The date to compare review dates with.
    #[serde(default)]
    pub as_of: Option<Date>,
    /// Leave document text and names out.
    #[serde(default)]
    pub no_excerpts: bool,
}

impl OrganisationInput {
    /// Reads the JSON entry's input.
    pub fn from_json(json: &str) -> Result<OrganisationInput, OrganisationError> {
        let input: OrganisationInput = deserialize_with_pointer(json).map_err(|p| {
            json_error(p, |pointer, message| OrganisationError::Input {
                pointer,
                message,
            })
        })?;
        if let Some(claims) = &input.self_assessment {
            validate_claims(claims, |i| format!("/self_assessment/{i}/element"))?;
        }
        if let Some(previous) = &input.previous {
            check_version(previous.format_version).map_err(|message| OrganisationError::Input {
                pointer: "/previous/format_version".into(),
                message,
            })?;
        }
        Ok(input)
    }
}

fn json_error(
    problem: JsonProblem,
    make: impl Fn(String, String) -> OrganisationError,
) -> OrganisationError {
    match problem {
        JsonProblem::Syntax {
            line,
            column,
            message,
        } => make(
            String::new(),
            format!("not valid JSON at line {line}, column {column}: {message}"),
        ),
        JsonProblem::Invalid {
            pointer, message, ..
        } => make(pointer, message),
    }
}

fn check_version(version: u32) -> Result<(), String> {
    if version == 0 || version > ORGANISATION_FORMAT_VERSION {
        return Err(format!(
            "format version {version} is not one this version of dueregard reads (it reads 1 to {ORGANISATION_FORMAT_VERSION})"
        ));
    }
    Ok(())
}

/// Reads an earlier organisation report written as JSON.
pub fn parse_previous(json: &str) -> Result<OrganisationReport, OrganisationError> {
    // The version first, so a report from a later version is refused for
    // that reason rather than for a field this version does not know.
    #[derive(Deserialize)]
    struct Version {
        format_version: u32,
    }
    if let Ok(Version { format_version }) = serde_json::from_str::<Version>(json) {
        check_version(format_version).map_err(|message| OrganisationError::Previous {
            pointer: "/format_version".into(),
            message,
        })?;
    }
    let previous: OrganisationReport = deserialize_with_pointer(json).map_err(|p| {
        json_error(p, |pointer, message| OrganisationError::Previous {
            pointer,
            message,
        })
    })?;
    check_version(previous.format_version).map_err(|message| OrganisationError::Previous {
        pointer: "/format_version".into(),
        message,
    })?;
    Ok(previous)
}

/// Reads a self-assessment: JSON (an array of `{element, claimed, note}`,
/// schemas/self-assessment.schema.json) or CSV with a header row naming the
/// columns `element`, `claimed` (or `status`) and, optionally, `note` (or
/// `evidence`). Claimed values are `in_place`, `work_in_progress` and
/// `not_in_place`, or the framework's labels ("In place", "We have in place").
pub fn parse_self_assessment(text: &str) -> Result<Vec<Claim>, OrganisationError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('[') {
        let claims = deserialize_with_pointer::<Vec<Claim>>(trimmed).map_err(|p| {
            json_error(p, |at, message| OrganisationError::SelfAssessment {
                at: display_pointer(&at).to_owned(),
                message,
            })
        })?;
        validate_claims(&claims, |i| format!("/{i}/element"))?;
        Ok(claims)
    } else {
        let (claims, lines): (Vec<Claim>, Vec<u64>) = parse_csv(trimmed)?.into_iter().unzip();
        validate_claims(&claims, |i| format!("line {}", lines[i]))?;
        Ok(claims)
    }
}

fn validate_claims(
    claims: &[Claim],
    pointer: impl Fn(usize) -> String,
) -> Result<(), OrganisationError> {
    if claims.len() > MAX_CLAIMS {
        return Err(OrganisationError::SelfAssessment {
            at: "(document)".into(),
            message: format!(
                "{} claims, over the limit of {MAX_CLAIMS}; the framework has 17 elements",
                claims.len()
            ),
        });
    }
    let mut seen = std::collections::BTreeSet::new();
    for (i, claim) in claims.iter().enumerate() {
        let fail = |message: String| OrganisationError::SelfAssessment {
            at: pointer(i),
            message,
        };
        if framework::element(&claim.element).is_none() {
            return Err(fail(format!(
                "{:?} is not one of the framework's elements 1.1 to 6.2",
                claim.element
            )));
        }
        if !seen.insert(claim.element.as_str()) {
            return Err(fail(format!(
                "{} is claimed twice; give one claim per element",
                claim.element
            )));
        }
    }
    Ok(())
}

/// Claims with the line each came from.
fn parse_csv(text: &str) -> Result<Vec<(Claim, u64)>, OrganisationError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let at_line = |line: u64| format!("line {line}");
    let headers = reader
        .headers()
        .map_err(|e| OrganisationError::SelfAssessment {
            at: at_line(1),
            message: format!("not readable as CSV: {e}"),
        })?
        .clone();
    let column = |names: &[&str]| {
        headers
            .iter()
            .position(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
    };
    let missing = |what: &str| OrganisationError::SelfAssessment {
        at: at_line(1),
        message: format!(
            "the header row has no {what} column; name the columns element, claimed and (optionally) note"
        ),
    };
    let element_at = column(&["element", "id"]).ok_or_else(|| missing("element"))?;
    let claimed_at =
        column(&["claimed", "status", "claimed status"]).ok_or_else(|| missing("claimed"))?;
    let note_at = column(&["note", "evidence", "evidence note"]);
    let mut claims = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| OrganisationError::SelfAssessment {
            at: e
                .position()
                .map_or_else(|| "(document)".into(), |p| at_line(p.line())),
            message: format!("not readable as CSV: {e}"),
        })?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(str::is_empty) {
            continue;
        }
        let cell = |i: usize| record.get(i).unwrap_or("");
        let claimed = parse_claimed(cell(claimed_at)).ok_or_else(|| {
            OrganisationError::SelfAssessment {
                at: at_line(line),
                message: format!(
                    "{:?} is not a self-assessment level; use in place, work in progress or not in place",
                    cell(claimed_at)
                ),
            }
        })?;
        let note = note_at
            .map(cell)
            .filter(|n| !n.is_empty())
            .map(str::to_owned);
        claims.push((
            Claim {
                element: cell(element_at).to_owned(),
                claimed,
                note,
            },
            line,
        ));
        if claims.len() > MAX_CLAIMS {
            break;
        }
    }
    Ok(claims)
}

/// A claimed level from its JSON value or its label, in any case.
fn parse_claimed(text: &str) -> Option<SelfAssessment> {
    let words: String = text
        .trim()
        .to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    match words.as_str() {
        "in place" | "we have in place" | "green" => Some(SelfAssessment::InPlace),
        "work in progress" | "amber" => Some(SelfAssessment::WorkInProgress),
        "not in place" | "red" => Some(SelfAssessment::NotInPlace),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_self_assessment_reads_from_json_or_csv() {
        let json = r#"[{"element":"4.1","claimed":"in_place","note":"Form v3"}]"#;
        let csv = "Element,Claimed,Note\n4.1,In place,Form v3\n";
        assert_eq!(
            parse_self_assessment(json).unwrap(),
            parse_self_assessment(csv).unwrap()
        );
        let quoted = "element,status\n\"3.1\",\"We have in place\"\n\n5.1,work-in-progress\n";
        let claims = parse_self_assessment(quoted).unwrap();
        assert_eq!(claims.len(), 2);
        assert_eq!(claims[1].claimed, SelfAssessment::WorkInProgress);
    }

    #[test]
    fn bad_self_assessments_say_where() {
        let cases = [
            ("element,claimed\n9.9,in place\n", "line 2"),
            ("element,claimed\n4.1,done\n", "line 2"),
            ("element,status\n4.1,in place\n4.1,not in place\n", "line 3"),
            (r#"[{"element":"9.9","claimed":"in_place"}]"#, "/0/element"),
            ("claimed,note\nin place,x\n", "line 1"),
            (r#"[{"element":"4.1","claimed":"yes"}]"#, "/0/claimed"),
            (
                r#"[{"element":"4.1","claimed":"in_place","extra":1}]"#,
                "/0",
            ),
        ];
        for (text, at) in cases {
            let err = parse_self_assessment(text).unwrap_err();
            assert!(err.to_string().contains(at), "{text:?}: {err}");
        }
    }

    #[test]
    fn a_previous_report_of_an_unknown_version_is_refused() {
        let err = parse_previous(r#"{"format_version": 99}"#).unwrap_err();
        assert!(matches!(err, OrganisationError::Previous { .. }), "{err}");
        let err = parse_previous("[1,").unwrap_err();
        assert!(err.to_string().contains("not valid JSON"), "{err}");
    }
}
