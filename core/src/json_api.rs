//! The JSON-string entry points the WebAssembly and Python bindings call, so
//! each binding only moves strings across its boundary and stays thin.
//!
//! Every function returns JSON text on success and an [`ErrorInfo`] on
//! failure; none panics on any input.

use std::sync::Arc;

use crate::engine::Engine;
use crate::engine::Session;
use crate::error::ErrorInfo;
use crate::model::Draft;
use crate::organisation::OrganisationInput;
use crate::read::Format;

/// The largest rule pack accepted, in bytes: a binding reading a pack from
/// a file reads no further than this.
pub const MAX_RULE_PACK_BYTES: usize = crate::model::pack_limits::MAX_PACK_BYTES;

/// Compiles an engine from a rule pack in JSON, or the built-in pack for `None`.
pub fn engine(rule_pack_json: Option<&str>) -> Result<Engine, ErrorInfo> {
    match rule_pack_json {
        None => Ok(Engine::new()),
        Some(json) => Engine::from_pack_json(json).map_err(|e| e.to_info()),
    }
}

/// The engine judging review dates against `as_of` ("YYYY-MM-DD"), as the
/// command does with today's date; without one, review dates are not judged,
/// so a report depends only on its input.
///
/// ```
/// use dueregard::json_api;
///
/// let engine = json_api::with_as_of(json_api::engine(None).unwrap(), Some("2026-11-30")).unwrap();
/// assert_eq!(engine.as_of().map(|d| d.as_str()), Some("2026-11-30"));
/// let bad = json_api::with_as_of(json_api::engine(None).unwrap(), Some("2026-02-30")).unwrap_err();
/// assert_eq!((bad.error, bad.kind), ("options", "invalid"));
/// ```
pub fn with_as_of(engine: Engine, as_of: Option<&str>) -> Result<Engine, ErrorInfo> {
    let as_of = as_of
        .map(|text| {
            crate::Date::parse(text).map_err(|why| ErrorInfo {
                error: "options",
                kind: "invalid",
                pointer: Some("/as_of".into()),
                message: format!("as_of: {why}"),
            })
        })
        .transpose()?;
    Ok(engine.with_as_of(as_of))
}

/// Checks a draft given as bytes in any format dueregard reads; returns the
/// report as compact JSON. This is the one entry both bindings use for
/// checking: `title` names a plain-text draft (a document's own title wins).
///
/// ```
/// use dueregard::{Format, json_api};
///
/// let engine = json_api::engine(None).unwrap();
/// let report = json_api::check_bytes(&engine, b"Ask if he or she needs leave.", Format::Text, "Leave").unwrap();
/// assert!(report.contains("term-binary-pronouns"));
/// ```
pub fn check_bytes(
    engine: &Engine,
    bytes: &[u8],
    format: Format,
    title: &str,
) -> Result<String, ErrorInfo> {
    if matches!(format, Format::Docx | Format::Html) {
        let vocabulary = engine.recognise_vocabulary();
        return crate::read::recognise_bytes_with(
            bytes,
            format,
            title,
            engine.limits(),
            &vocabulary,
        )
        .map(|recognition| {
            let mut report = engine.check(&recognition.draft);
            recognition.apply_to(&mut report);
            report.to_json()
        })
        .map_err(|e| e.to_info());
    }
    Draft::from_bytes(bytes, format, title, engine.limits())
        .map(|draft| engine.check(&draft).to_json())
        .map_err(|e| e.to_info())
}

/// Checks a draft given as JSON; returns the report as compact JSON.
pub fn check(engine: &Engine, draft_json: &str) -> Result<String, ErrorInfo> {
    check_bytes(engine, draft_json.as_bytes(), Format::Json, "")
}

/// Checks Markdown (`markdown = true`) or plain text; returns the report as JSON.
pub fn check_text(
    engine: &Engine,
    title: &str,
    text: &str,
    markdown: bool,
) -> Result<String, ErrorInfo> {
    let format = if markdown {
        Format::Markdown
    } else {
        Format::Text
    };
    check_bytes(engine, text.as_bytes(), format, title)
}

/// Starts an editing session over a draft given as JSON.
pub fn session_new(engine: Arc<Engine>, draft_json: &str) -> Result<Session, ErrorInfo> {
    Draft::from_json_with(draft_json, engine.limits())
        .map(|draft| Session::new(engine, draft))
        .map_err(|e| e.to_info())
}

/// Replaces one section's text; returns the whole report as JSON.
pub fn session_update(
    session: &mut Session,
    section_id: &str,
    text: &str,
) -> Result<String, ErrorInfo> {
    session
        .update_section(section_id, text)
        .map(|report| report.to_json())
        .map_err(|e| e.to_info())
}

/// Replaces one section's text; returns what changed in the report as JSON
/// (schemas/report-diff.schema.json), see [`Session::update_section_diff`].
pub fn session_update_diff(
    session: &mut Session,
    section_id: &str,
    text: &str,
) -> Result<String, ErrorInfo> {
    session
        .update_section_diff(section_id, text)
        .map(|diff| diff.to_json())
        .map_err(|e| e.to_info())
}

/// Replaces the whole draft, reusing what is unchanged; returns the report as JSON.
pub fn session_set_draft(session: &mut Session, draft_json: &str) -> Result<String, ErrorInfo> {
    let limits = *session.engine().limits();
    Draft::from_json_with(draft_json, &limits)
        .map(|draft| session.set_draft(draft).to_json())
        .map_err(|e| e.to_info())
}

/// The session's current report as JSON.
pub fn session_report(session: &Session) -> String {
    session.report().to_json()
}

/// The organisation view: takes `{documents: [{document, report}],
/// self_assessment, previous, as_of, no_excerpts}` as JSON
/// (schemas/organisation-input.schema.json) and returns the organisation
/// report as compact JSON (schemas/organisation-report.schema.json).
pub fn organisation(input_json: &str) -> Result<String, ErrorInfo> {
    let input = OrganisationInput::from_json(input_json).map_err(|e| e.to_info())?;
    let (items, options) = input.into_parts();
    Ok(crate::organisation::organisation(&items, &options).to_json())
}

/// Reads a self-assessment (JSON or CSV text); returns its claims as a JSON
/// array (schemas/self-assessment.schema.json).
pub fn self_assessment(text: &str) -> Result<String, ErrorInfo> {
    let claims = crate::organisation::parse_self_assessment(text).map_err(|e| e.to_info())?;
    Ok(serde_json::to_string(&claims).unwrap_or_default())
}

/// Renders an organisation report given as JSON: `format` is `text`, `csv`,
/// `html`, or (with the `xlsx` feature) `xlsx`. Returns the bytes.
pub fn organisation_render(report_json: &str, format: &str) -> Result<Vec<u8>, ErrorInfo> {
    use crate::organisation::write;
    let report = crate::organisation::parse_previous(report_json).map_err(|e| {
        let mut info = e.to_info();
        info.kind = "invalid";
        info.message = info
            .message
            .replacen("previous report", "organisation report", 1);
        info
    })?;
    let bad_format = |format: &str| ErrorInfo {
        error: "options",
        kind: "invalid",
        pointer: None,
        message: format!("unknown format {format:?}; use text, csv, html or xlsx"),
    };
    match format {
        "text" => Ok(write::text(&report).into_bytes()),
        "csv" => Ok(write::csv(&report).into_bytes()),
        "html" => Ok(write::html(&report).into_bytes()),
        #[cfg(feature = "xlsx")]
        "xlsx" => write::xlsx(&report).map_err(|e| ErrorInfo {
            error: "organisation",
            kind: "write",
            pointer: None,
            message: e.to_string(),
        }),
        other => Err(bad_format(other)),
    }
}

/// The framework's pillars, elements and scales as JSON.
pub fn framework() -> String {
    serde_json::to_string(&crate::model::framework::catalogue()).unwrap_or_default()
}

/// The engine's rules' metadata as a JSON array.
pub fn rules(engine: &Engine) -> String {
    serde_json::to_string(engine.rules()).unwrap_or_default()
}

/// An error as JSON, for bindings that throw it as text.
pub fn error_json(error: &ErrorInfo) -> String {
    serde_json::to_string(error).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_carry_kind_and_pointer() {
        let engine = Engine::new();
        let err = check(&engine, r#"{"title": "t", "kind": "memo"}"#).unwrap_err();
        assert_eq!((err.error, err.kind), ("draft", "invalid"));
        assert_eq!(err.pointer.as_deref(), Some("/kind"));
        assert!(err.message.contains("workforce_policy"), "{}", err.message);
        let json = error_json(&err);
        assert!(json.contains("\"pointer\":\"/kind\""), "{json}");
    }

    #[test]
    fn bad_rule_pack_is_a_typed_error() {
        let err = engine(Some(r#"{"name":"x","version":"1","disable":["nope"]}"#)).unwrap_err();
        assert_eq!(err.error, "rule_pack");
        assert_eq!(err.pointer.as_deref(), Some("/disable/0"));
    }

    #[test]
    fn a_title_counts_towards_the_size_limit() {
        let engine = Engine::new().with_limits(crate::Limits {
            max_bytes: 100,
            ..crate::Limits::default()
        });
        let title = "t".repeat(90);
        assert!(check_text(&engine, &title, "ten bytes.", false).is_ok());
        let err = check_text(&engine, &title, "eleven byte", true).unwrap_err();
        assert_eq!(err.kind, "too_large");
        assert!(err.message.contains("101 bytes"), "{}", err.message);
        assert!(!err.message.contains("Limits::"), "{}", err.message);
    }

    #[test]
    fn text_and_framework_round_trip_as_json() {
        let engine = Engine::new();
        let report = check_text(&engine, "Note", "Dear ladies and gentlemen", false).unwrap();
        assert!(report.contains("\"violations\""));
        let framework: serde_json::Value = serde_json::from_str(&framework()).unwrap();
        assert_eq!(framework["elements"].as_array().map(Vec::len), Some(17));
        let rules: serde_json::Value = serde_json::from_str(&rules(&engine)).unwrap();
        assert!(rules.as_array().is_some_and(|r| r.len() >= 15));
    }
}
