//! The organisation view for JavaScript: the core's pure organisation code
//! (`dueregard::organisation`, through `json_api`) over reports the page has
//! already made with `checkFile` or `check`, so a page can give an
//! organisation's self-assessment view with nothing uploaded. The command
//! (`dueregard organisation`) and Python call the same code.

use dueregard::{ErrorInfo, json_api};
use js_sys::{JSON, Reflect};
use wasm_bindgen::prelude::*;

use crate::{Input, js_error, json_text, known_options, string_arg};

/// The options `organisation` takes, as they are named in the organisation
/// input (schemas/organisation-input.schema.json).
const OPTIONS: [&str; 4] = ["self_assessment", "previous", "as_of", "no_excerpts"];

/// The organisation view over checked documents: per framework element, the
/// status across documents with the evidence and the gaps, the pillars, every
/// finding, the waiver register, documents past review (with `as_of`), the
/// self-assessment cross-check and progress against a previous report.
///
/// `items` is `[{ document, report }]` (`path` is read as `document`, so the
/// command's `check --format json` output can be passed as it is), or its
/// JSON text. `options`: `self_assessment` (claims, or the text of a JSON or
/// CSV self-assessment file), `previous` (an earlier organisation report),
/// `as_of` ("YYYY-MM-DD"), `no_excerpts` (leave document text and names out).
///
/// @throws {DueregardError} `error: "organisation"` or `"options"` naming the JSON Pointer.
#[wasm_bindgen(unchecked_return_type = "OrganisationReport")]
pub fn organisation(
    #[wasm_bindgen(unchecked_param_type = "OrganisationItem[] | string")] items: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "OrganisationOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    JSON::parse(&organisation_json(items, options)?)
}

/// As `organisation`, returning the report as compact JSON text, exactly as
/// the Rust core serialises it.
#[wasm_bindgen(js_name = "organisationJson")]
pub fn organisation_json(
    #[wasm_bindgen(unchecked_param_type = "OrganisationItem[] | string")] items: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "OrganisationOptions")] options: JsValue,
) -> Result<String, JsValue> {
    let input = input_json(&items, &options).map_err(|e| js_error(&e))?;
    json_api::organisation(&input).map_err(|e| js_error(&e))
}

/// An organisation report (the object, or its JSON text) as `"html"` (one
/// self-contained, accessible page with the pillar chart), `"text"` or
/// `"csv"` (the framework's checklist), exactly as the command writes them.
///
/// @throws {DueregardError} when the report is not an organisation report or the format is unknown.
#[wasm_bindgen(js_name = "renderOrganisation")]
pub fn render_organisation(
    #[wasm_bindgen(unchecked_param_type = "OrganisationReport | string")] report: JsValue,
    #[wasm_bindgen(unchecked_param_type = "\"html\" | \"text\" | \"csv\"")] format: JsValue,
) -> Result<String, JsValue> {
    let format = string_arg(&format, "renderOrganisation", "format")?;
    let report = json_text(&report, Input::OrganisationReport).map_err(|e| js_error(&e))?;
    let bytes = json_api::organisation_render(&report, &format).map_err(|e| js_error(&e))?;
    // text, csv and html are written as Rust strings; xlsx is not built for WebAssembly.
    String::from_utf8(bytes).map_err(|_| {
        js_error(&ErrorInfo {
            error: "options",
            kind: "invalid",
            pointer: None,
            message: format!("format {format:?} is not text; use html, text or csv"),
        })
    })
}

/// The organisation input's JSON text: `{"documents": items, ...options}`,
/// with a self-assessment given as file text read into claims first.
fn input_json(items: &JsValue, options: &JsValue) -> Result<String, ErrorInfo> {
    let mut text = format!("{{\"documents\":{}", json_text(items, Input::Organisation)?);
    let example = format!("{{ {} }}", OPTIONS.join(", "));
    if !known_options(options, &OPTIONS, &example)? {
        text.push('}');
        return Ok(text);
    }
    for key in OPTIONS {
        let value = Reflect::get(options, &JsValue::from_str(key)).unwrap_or_default();
        if value.is_null_or_undefined() {
            continue;
        }
        let json = match (key, value.as_string()) {
            // The text of a self-assessment file (JSON or CSV): read into claims.
            ("self_assessment", Some(file)) => json_api::self_assessment(&file)?,
            // A previous report as an object or its JSON text.
            ("previous", _) => json_text(&value, Input::Organisation)?,
            // A date or a flag: the value itself, which the core checks.
            _ => json_value(&value)?,
        };
        text.push_str(&format!(",\"{key}\":{json}"));
    }
    text.push('}');
    Ok(text)
}

/// A value as JSON (a string is quoted, unlike `json_text`).
fn json_value(value: &JsValue) -> Result<String, ErrorInfo> {
    match value.as_string() {
        Some(text) => JSON::stringify(&JsValue::from_str(&text))
            .ok()
            .and_then(|quoted| JsValue::from(quoted).as_string())
            .ok_or_else(|| ErrorInfo {
                error: "options",
                kind: "invalid",
                pointer: Some(String::new()),
                message: "(document): a string JSON cannot represent".into(),
            }),
        None => json_text(value, Input::Organisation),
    }
}
