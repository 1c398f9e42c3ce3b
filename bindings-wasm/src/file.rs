//! `checker.checkFile(bytes, name)` and `checkFileJson`: a Word document, an
//! HTML page, Markdown, text or a JSON draft from its bytes, through the
//! core's readers (feature `documents`, on by default; the lean browser
//! package is built without it).

use dueregard::{Engine, ErrorInfo, json_api};
use wasm_bindgen::prelude::*;

use crate::{Checker, js_error, js_type, parse, string_arg};

#[wasm_bindgen]
impl Checker {
    /// Checks a file given as bytes (from `<input type=file>`: `new
    /// Uint8Array(await file.arrayBuffer())`): a Word `.docx`, an HTML page,
    /// Markdown, text or a JSON draft, chosen by `name`'s extension. Nothing
    /// leaves the page. A Word or HTML report carries `recognised`.
    ///
    /// @throws {TypeError} when `bytes` is not a Uint8Array or ArrayBuffer, or `name` not a string.
    #[wasm_bindgen(js_name = "checkFile", unchecked_return_type = "Report")]
    pub fn check_file(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
    ) -> Result<JsValue, JsValue> {
        let bytes = bytes_arg(&bytes, "checkFile", "bytes")?;
        let name = string_arg(&name, "checkFile", "name")?;
        parse(check_file_json(&self.engine, &bytes, &name).map_err(|e| js_error(&e)))
    }

    /// As `checkFile`, returning the report as compact JSON text, exactly as
    /// the Rust core serialises it.
    #[wasm_bindgen(js_name = "checkFileJson")]
    pub fn check_file_json(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
    ) -> Result<String, JsValue> {
        let bytes = bytes_arg(&bytes, "checkFileJson", "bytes")?;
        let name = string_arg(&name, "checkFileJson", "name")?;
        check_file_json(&self.engine, &bytes, &name).map_err(|e| js_error(&e))
    }
}

/// A file's bytes from a `Uint8Array` or an `ArrayBuffer`, copied into
/// WebAssembly memory, or a `TypeError` naming the method and the argument.
pub(crate) fn bytes_arg(value: &JsValue, method: &str, name: &str) -> Result<Vec<u8>, JsValue> {
    if let Some(array) = value.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(array.to_vec());
    }
    if value.is_instance_of::<js_sys::ArrayBuffer>() {
        return Ok(js_sys::Uint8Array::new(value).to_vec());
    }
    let got = if value.is_null() {
        "null".to_owned()
    } else {
        js_type(value)
    };
    Err(js_sys::TypeError::new(&format!(
        "{method}: {name} must be a Uint8Array or an ArrayBuffer, not {got}"
    ))
    .into())
}

/// The report for a file's bytes, its format from the file name's extension.
fn check_file_json(engine: &Engine, bytes: &[u8], name: &str) -> Result<String, ErrorInfo> {
    let ext = name.rsplit_once('.').map_or("", |(_, ext)| ext);
    let format = dueregard::Format::from_extension(ext).ok_or_else(|| ErrorInfo {
        error: "options",
        kind: "unsupported_format",
        pointer: None,
        message: format!(
            "{name}: unsupported file type {ext:?}; use .docx, .html, .md, .txt or .json"
        ),
    })?;
    let title = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    json_api::check_bytes(engine, bytes, format, title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_file_reads_word_by_its_extension() {
        let engine = Engine::new();
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/docx/policy_eia_screening_ticks.docx"
        ))
        .unwrap();
        let report = check_file_json(&engine, &bytes, "policy.docx").unwrap();
        assert!(report.contains(r#""eia_rows":10"#), "{report}");
        let err = check_file_json(&engine, &bytes, "policy.pdfx").unwrap_err();
        assert_eq!(err.kind, "unsupported_format");
        let legacy = check_file_json(&engine, b"%PDF-1.7", "policy.docx").unwrap_err();
        assert_eq!(legacy.kind, "pdf", "{}", legacy.message);
    }
}
