//! A session update that returns only what changed in the report: findings
//! added, removed and moved (by fingerprint), and the summary, outcomes,
//! elements and pillars that changed. For a long draft this is a few hundred
//! bytes to build, cross the boundary and parse, where the whole report is
//! hundreds of kilobytes.

use dueregard::json_api;
use wasm_bindgen::prelude::*;

use super::{EditSession, js_error, parse, string_arg};

#[wasm_bindgen(js_class = "Session")]
impl EditSession {
    /// Replaces one section's text, re-checks only that section and returns
    /// what changed in the report since the session last gave one (a
    /// `ReportDiff`; `applyReportDiff` in the intranet form shows how to
    /// apply it to the report you hold).
    ///
    /// @throws {DueregardError} when no section has that id or the text is too large.
    /// @throws {TypeError} when `sectionId` or `text` is not a string.
    #[wasm_bindgen(js_name = "updateDiff", unchecked_return_type = "ReportDiff")]
    pub fn update_diff(
        &mut self,
        #[wasm_bindgen(js_name = "sectionId", unchecked_param_type = "string")] section_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsValue> {
        parse(self.diff_json(&section_id, &text, "updateDiff"))
    }

    /// As `updateDiff`, returning compact JSON text.
    #[wasm_bindgen(js_name = "updateDiffJson")]
    pub fn update_diff_json(
        &mut self,
        #[wasm_bindgen(js_name = "sectionId", unchecked_param_type = "string")] section_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<String, JsValue> {
        self.diff_json(&section_id, &text, "updateDiffJson")
    }
}

impl EditSession {
    fn diff_json(
        &mut self,
        section_id: &JsValue,
        text: &JsValue,
        method: &str,
    ) -> Result<String, JsValue> {
        let section_id = string_arg(section_id, method, "sectionId")?;
        let text = string_arg(text, method, "text")?;
        json_api::session_update_diff(&mut self.inner, &section_id, &text).map_err(|e| js_error(&e))
    }
}
