//! `checker.annotateDocx(bytes, options)`: the Word round trip in the page.
//! The core's `annotate_docx` writes the author's own document back with one
//! Word comment per finding and safe fixes as tracked changes; this layer only
//! reads the options and moves bytes across the boundary, so the bytes equal
//! what `dueregard annotate` writes for the same document and options.

use dueregard::write::annotate::AnnotateOptions;
use dueregard::{ErrorInfo, annotate_docx};
use wasm_bindgen::prelude::*;

use crate::file::bytes_arg;
use crate::{Checker, Input, js_error, json_text};

#[wasm_bindgen]
impl Checker {
    /// The Word document (`.docx` bytes: a `Uint8Array` or `ArrayBuffer`)
    /// annotated: each finding as a Word comment on the words it is about,
    /// safe fixes as tracked changes by "dueregard" (`fixes`: `"safe"`, the
    /// default; `"all"`; `"none"` for comments only) and a summary comment on
    /// the title. Annotating an annotated document replaces dueregard's own
    /// comments and changes. Options: `fixes`, `kind`, `as_of` (a date for
    /// the comments; none by default), `title` (for a document without one,
    /// e.g. the file name's stem, as the command uses), `doc_base_url`.
    ///
    /// @throws {DueregardError} `error: "draft"` when the document cannot be read, `"options"` for bad options.
    #[wasm_bindgen(js_name = "annotateDocx")]
    pub fn annotate_docx(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "AnnotateOptions | string")]
        options: JsValue,
    ) -> Result<js_sys::Uint8Array, JsValue> {
        let bytes = bytes_arg(&bytes, "annotateDocx", "bytes")?;
        let options = annotate_options(&options).map_err(|e| js_error(&e))?;
        annotate_docx(&self.engine, &bytes, &options)
            .map(|annotated| js_sys::Uint8Array::from(annotated.bytes.as_slice()))
            .map_err(|e| js_error(&e.to_info()))
    }
}

/// The options, from an object or JSON text (schemas/annotate-options.schema.json).
fn annotate_options(options: &JsValue) -> Result<AnnotateOptions, ErrorInfo> {
    if options.is_null_or_undefined() {
        return Ok(AnnotateOptions::default());
    }
    let text = json_text(options, Input::AnnotateOptions)?;
    serde_json::from_str(&text).map_err(|e| ErrorInfo {
        error: "options",
        kind: "invalid",
        pointer: None,
        message: format!("annotateDocx options: {e}"),
    })
}
