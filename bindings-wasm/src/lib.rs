//! # dueregard-wasm
//!
//! The WebAssembly binding: a thin [wasm-bindgen] layer over
//! [`dueregard::json_api`]. It only moves JSON text across the boundary and
//! turns [`ErrorInfo`]s into JavaScript `Error`s; every rule lives in the core,
//! so the same draft gives the same report, byte for byte, as the Rust crate.
//!
//! From JavaScript (`bindings-wasm/pkg`, built by `bindings-wasm/build.sh`):
//!
//! ```js
//! const { Checker } = require("./bindings-wasm/pkg");
//! const checker = new Checker();                 // or new Checker(rulePack)
//! const report = checker.check({ title: "Leave", kind: "workforce_policy",
//!   sections: [{ id: "scope", text: "Leave for a husband or wife." }] });
//! const session = checker.session(draft);        // incremental editing
//! session.update("scope", "Leave for a spouse or partner.");
//! ```
//!
//! Errors are thrown as `Error`s whose message names the JSON Pointer and the
//! problem, with `error` (`draft`, `rule_pack` or `options`), `kind` and
//! `pointer` properties. The crate compiles natively too, so
//! `cargo test --workspace` builds it; the JavaScript-facing functions only
//! work on `wasm32`.
//!
//! [wasm-bindgen]: https://rustwasm.github.io/docs/wasm-bindgen/

// Feature `documents` (on by default): checkFile, checkFileJson, annotateDocx.
#[cfg(feature = "documents")]
mod annotate;
mod diff;
#[cfg(feature = "documents")]
mod file;
// Feature `organisation` (on by default): organisation, organisationJson, renderOrganisation.
#[cfg(feature = "organisation")]
mod organisation;

use std::sync::Arc;

use dueregard::{Engine, ErrorInfo, display_pointer, json_api};
use js_sys::{JSON, Reflect};
use wasm_bindgen::prelude::*;

// The input and output types, generated from schemas/ by types/generate.mjs,
// go into the package's .d.ts so `check` returns a typed `Report`.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("../types/dueregard.d.ts");

/// A compiled rule pack: build one per page and check any number of drafts.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Checker {
    engine: Arc<Engine>,
}

#[wasm_bindgen]
impl Checker {
    /// Compiles a checker from a rule pack (a JSON string or an object), or
    /// from the built-in en-GB pack when none is given. `options.as_of`
    /// ("YYYY-MM-DD") judges review dates against that date; without it they
    /// are not judged.
    ///
    /// @throws {DueregardError} `error: "rule_pack"` when the pack is invalid, `"options"` for bad options.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(
            js_name = "rulePack",
            unchecked_optional_param_type = "RulePack | string | null"
        )]
        rule_pack: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CheckerOptions | null")] options: JsValue,
    ) -> Result<Checker, JsValue> {
        let pack = if rule_pack.is_null_or_undefined() {
            None
        } else {
            Some(json_text(&rule_pack, Input::RulePack).map_err(|e| js_error(&e))?)
        };
        let as_of = checker_as_of(&options).map_err(|e| js_error(&e))?;
        let engine = json_api::engine(pack.as_deref())
            .and_then(|engine| json_api::with_as_of(engine, as_of.as_deref()))
            .map_err(|e| js_error(&e))?;
        Ok(Checker {
            engine: Arc::new(engine),
        })
    }

    /// The date review dates are judged against, or null.
    #[wasm_bindgen(getter, js_name = "asOf")]
    pub fn as_of(&self) -> Option<String> {
        self.engine.as_of().map(|d| d.as_str().to_owned())
    }

    /// Checks a draft (an object, or its JSON text) and returns the report.
    ///
    /// @throws {DueregardError} `error: "draft"` when the draft is not valid.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn check(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Draft | string")] draft: JsValue,
    ) -> Result<JsValue, JsValue> {
        parse(self.check_value(&draft))
    }

    /// Checks a draft given as JSON text and returns the report as compact
    /// JSON text, exactly as the Rust core serialises it.
    ///
    /// @throws {TypeError} when `draftJson` is not a string.
    #[wasm_bindgen(js_name = "checkJson")]
    pub fn check_json(
        &self,
        #[wasm_bindgen(js_name = "draftJson", unchecked_param_type = "string")] draft_json: JsValue,
    ) -> Result<String, JsValue> {
        let draft_json = string_arg(&draft_json, "checkJson", "draftJson")?;
        json_api::check(&self.engine, &draft_json).map_err(|e| js_error(&e))
    }

    /// Checks plain text or Markdown (`{ markdown: true }`), with an optional
    /// title, and returns the report. Markdown headings become sections.
    ///
    /// @throws {TypeError} when `text` is not a string.
    #[wasm_bindgen(js_name = "checkText", unchecked_return_type = "Report")]
    pub fn check_text(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CheckTextOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let text = string_arg(&text, "checkText", "text")?;
        parse(self.check_text_inner(&text, &options))
    }

    /// As `checkText`, returning the report as compact JSON text.
    #[wasm_bindgen(js_name = "checkTextJson")]
    pub fn check_text_json(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CheckTextOptions")] options: JsValue,
    ) -> Result<String, JsValue> {
        let text = string_arg(&text, "checkTextJson", "text")?;
        self.check_text_inner(&text, &options)
    }

    /// Starts an incremental editing session over a draft (an object or JSON
    /// text): `update(sectionId, text)` then re-checks only that section.
    pub fn session(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Draft | string")] draft: JsValue,
    ) -> Result<EditSession, JsValue> {
        let text = json_text(&draft, Input::Draft).map_err(|e| js_error(&e))?;
        json_api::session_new(self.engine.clone(), &text)
            .map(|inner| EditSession { inner })
            .map_err(|e| js_error(&e))
    }

    /// The framework's pillars, elements and scales (including the
    /// self-assessment traffic light), for building UIs.
    #[wasm_bindgen(unchecked_return_type = "Framework")]
    pub fn framework(&self) -> Result<JsValue, JsValue> {
        framework()
    }

    /// Metadata of every rule in this checker's pack.
    #[wasm_bindgen(unchecked_return_type = "RuleMeta[]")]
    pub fn rules(&self) -> Result<JsValue, JsValue> {
        JSON::parse(&json_api::rules(&self.engine))
    }
}

impl Checker {
    fn check_value(&self, draft: &JsValue) -> Result<String, JsValue> {
        let text = json_text(draft, Input::Draft).map_err(|e| js_error(&e))?;
        json_api::check(&self.engine, &text).map_err(|e| js_error(&e))
    }

    fn check_text_inner(&self, text: &str, options: &JsValue) -> Result<String, JsValue> {
        let (title, markdown) = text_options(options).map_err(|e| js_error(&e))?;
        json_api::check_text(&self.engine, &title, text, markdown).map_err(|e| js_error(&e))
    }
}

/// An editing session: a draft being written, with each text's findings
/// cached so an edit re-checks only what changed. Every method returns the
/// whole report.
#[wasm_bindgen(js_name = "Session")]
#[derive(Debug)]
pub struct EditSession {
    inner: dueregard::Session,
}

#[wasm_bindgen(js_class = "Session")]
impl EditSession {
    /// Replaces one section's text, re-checks only that section and returns
    /// the whole report.
    ///
    /// @throws {DueregardError} when no section has that id or the text is too large.
    /// @throws {TypeError} when `sectionId` or `text` is not a string.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn update(
        &mut self,
        #[wasm_bindgen(js_name = "sectionId", unchecked_param_type = "string")] section_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsValue> {
        let section_id = string_arg(&section_id, "update", "sectionId")?;
        let text = string_arg(&text, "update", "text")?;
        parse(
            json_api::session_update(&mut self.inner, &section_id, &text).map_err(|e| js_error(&e)),
        )
    }

    /// As `update`, returning compact JSON text.
    #[wasm_bindgen(js_name = "updateJson")]
    pub fn update_json(
        &mut self,
        #[wasm_bindgen(js_name = "sectionId", unchecked_param_type = "string")] section_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<String, JsValue> {
        let section_id = string_arg(&section_id, "updateJson", "sectionId")?;
        let text = string_arg(&text, "updateJson", "text")?;
        json_api::session_update(&mut self.inner, &section_id, &text).map_err(|e| js_error(&e))
    }

    /// Replaces the whole draft (a heading, a field or the EIA changed),
    /// re-checking only texts that changed, and returns the report.
    #[wasm_bindgen(js_name = "setDraft", unchecked_return_type = "Report")]
    pub fn set_draft(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Draft | string")] draft: JsValue,
    ) -> Result<JsValue, JsValue> {
        parse(self.set_draft_json(draft))
    }

    /// As `setDraft`, returning compact JSON text.
    #[wasm_bindgen(js_name = "setDraftJson")]
    pub fn set_draft_json(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Draft | string")] draft: JsValue,
    ) -> Result<String, JsValue> {
        let text = json_text(&draft, Input::Draft).map_err(|e| js_error(&e))?;
        json_api::session_set_draft(&mut self.inner, &text).map_err(|e| js_error(&e))
    }

    /// The report for the draft as it stands.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn report(&self) -> Result<JsValue, JsValue> {
        JSON::parse(&json_api::session_report(&self.inner))
    }

    /// As `report`, as compact JSON text.
    #[wasm_bindgen(js_name = "reportJson")]
    pub fn report_json(&self) -> String {
        json_api::session_report(&self.inner)
    }
}

/// The framework's pillars, elements and scales, without building a checker.
#[wasm_bindgen(unchecked_return_type = "Framework")]
pub fn framework() -> Result<JsValue, JsValue> {
    JSON::parse(&json_api::framework())
}

/// Which input a value is, for error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Input {
    Draft,
    RulePack,
    /// The organisation view's documents or one of its options.
    #[cfg(feature = "organisation")]
    Organisation,
    /// An organisation report to render.
    #[cfg(feature = "organisation")]
    OrganisationReport,
    /// `annotateDocx`'s options.
    #[cfg(feature = "documents")]
    AnnotateOptions,
}

impl Input {
    fn error(self) -> &'static str {
        match self {
            Input::Draft => "draft",
            Input::RulePack => "rule_pack",
            #[cfg(feature = "organisation")]
            Input::Organisation | Input::OrganisationReport => "organisation",
            #[cfg(feature = "documents")]
            Input::AnnotateOptions => "options",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Input::Draft => "a draft",
            Input::RulePack => "a rule pack",
            #[cfg(feature = "organisation")]
            Input::Organisation => "the documents and their reports",
            #[cfg(feature = "organisation")]
            Input::OrganisationReport => "an organisation report",
            #[cfg(feature = "documents")]
            Input::AnnotateOptions => "annotate options",
        }
    }
}

/// The JSON text of an input given as a string (used as is) or as any other
/// value (serialised with `JSON.stringify`, so the core reports what is wrong
/// with it, with its pointer).
fn json_text(value: &JsValue, input: Input) -> Result<String, ErrorInfo> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    let not_json = |what: String| ErrorInfo {
        error: input.error(),
        kind: "invalid",
        pointer: Some(String::new()),
        message: format!(
            "(document): expected {} as an object or JSON text, got {what}",
            input.noun()
        ),
    };
    if value.is_undefined() || value.is_function() || value.is_symbol() {
        return Err(not_json(js_type(value)));
    }
    match JSON::stringify(value) {
        Ok(text) => JsValue::from(text)
            .as_string()
            .ok_or_else(|| not_json(js_type(value))),
        // A cycle or a BigInt: JSON.stringify's own message says which.
        Err(err) => Err(not_json(format!(
            "a value JSON cannot represent ({})",
            error_message(&err)
        ))),
    }
}

/// A string argument, or a `TypeError` naming the method and the argument.
/// wasm-bindgen's own `&str` parameters read a non-string as if it were one
/// (a trap inside WebAssembly), so strings are taken as `JsValue`s and checked
/// here. A lone surrogate becomes U+FFFD, as in every binding.
fn string_arg(value: &JsValue, method: &str, name: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| {
        let got = if value.is_null() {
            "null".to_owned()
        } else {
            js_type(value)
        };
        js_sys::TypeError::new(&format!("{method}: {name} must be a string, not {got}")).into()
    })
}

fn js_type(value: &JsValue) -> String {
    value.js_typeof().as_string().unwrap_or_default()
}

fn error_message(err: &JsValue) -> String {
    Reflect::get(err, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| format!("{err:?}"))
}

/// `checkText`'s options: `{ title?: string, markdown?: boolean }`.
fn text_options(options: &JsValue) -> Result<(String, bool), ErrorInfo> {
    if options.is_null_or_undefined() {
        return Ok((String::new(), false));
    }
    let bad = |pointer: &str, expected: &str| ErrorInfo {
        error: "options",
        kind: "invalid",
        pointer: Some(pointer.to_owned()),
        message: format!("{}: expected {expected}", display_pointer(pointer)),
    };
    if !options.is_object() {
        return Err(bad("", "an object such as { title, markdown }"));
    }
    let get = |key: &str| Reflect::get(options, &JsValue::from_str(key)).unwrap_or_default();
    let title = match get("title") {
        t if t.is_null_or_undefined() => String::new(),
        t => t.as_string().ok_or_else(|| bad("/title", "a string"))?,
    };
    let markdown = match get("markdown") {
        m if m.is_null_or_undefined() => false,
        m => m
            .as_bool()
            .ok_or_else(|| bad("/markdown", "true or false"))?,
    };
    Ok((title, markdown))
}

/// Parses the core's JSON output into a JavaScript value.
fn parse(json: Result<String, JsValue>) -> Result<JsValue, JsValue> {
    JSON::parse(&json?)
}

/// An [`ErrorInfo`] as a JavaScript `Error` named `DueregardError`, with
/// `error`, `kind` and (when known) `pointer` properties.
fn js_error(info: &ErrorInfo) -> JsValue {
    let err = js_sys::Error::new(&info.message);
    err.set_name("DueregardError");
    let set = |key: &str, value: JsValue| {
        // Setting a property on a fresh Error cannot fail.
        let _ = Reflect::set(&err, &JsValue::from_str(key), &value);
    };
    set("error", JsValue::from_str(info.error));
    set("kind", JsValue::from_str(info.kind));
    if let Some(pointer) = &info.pointer {
        set("pointer", JsValue::from_str(pointer));
    }
    err.into()
}

/// An options argument: nothing (false), or an object whose keys are all
/// among `known` (true). Anything else is an options error naming the key,
/// so a misspelt option is never silently ignored. `example` shows the
/// expected shape in the message.
pub(crate) fn known_options(
    options: &JsValue,
    known: &[&str],
    example: &str,
) -> Result<bool, ErrorInfo> {
    if options.is_null_or_undefined() {
        return Ok(false);
    }
    if !options.is_object() || js_sys::Array::is_array(options) {
        return Err(options_error(
            "",
            format!("(document): expected options as an object such as {example}"),
        ));
    }
    for key in js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            return Err(options_error(
                &format!("/{key}"),
                format!(
                    "/{key}: unknown option; expected one of {}",
                    known.join(", ")
                ),
            ));
        }
    }
    Ok(true)
}

/// An `options` error at `pointer`.
pub(crate) fn options_error(pointer: &str, message: String) -> ErrorInfo {
    ErrorInfo {
        error: "options",
        kind: "invalid",
        pointer: Some(pointer.to_owned()),
        message,
    }
}

/// `new Checker`'s options: `{ as_of }` or nothing.
fn checker_as_of(options: &JsValue) -> Result<Option<String>, ErrorInfo> {
    if !known_options(options, &["as_of"], "{ as_of: \"2026-11-30\" }")? {
        return Ok(None);
    }
    let value = Reflect::get(options, &JsValue::from_str("as_of")).unwrap_or_default();
    if value.is_null_or_undefined() {
        return Ok(None);
    }
    value.as_string().map(Some).ok_or_else(|| {
        options_error(
            "/as_of",
            "/as_of: expected a date written YYYY-MM-DD".into(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_display_like_the_core() {
        assert_eq!(display_pointer(""), "(document)");
        assert_eq!(display_pointer("/markdown"), "/markdown");
    }

    #[test]
    fn inputs_name_their_error_class() {
        assert_eq!(Input::Draft.error(), "draft");
        assert_eq!(Input::RulePack.error(), "rule_pack");
        assert_eq!(Input::RulePack.noun(), "a rule pack");
    }

    #[test]
    fn the_typescript_section_declares_every_type_the_signatures_name() {
        let types = include_str!("../types/dueregard.d.ts");
        for name in [
            "Draft",
            "Report",
            "RulePack",
            "RuleMeta",
            "Framework",
            "CheckTextOptions",
            "DueregardError",
        ] {
            assert!(
                types.contains(&format!("export interface {name} "))
                    || types.contains(&format!("export type {name} ")),
                "types/dueregard.d.ts lacks {name}"
            );
        }
    }
}
