//! `Checker.annotate`: the Word round trip from Python. The document comes
//! in as a path or bytes; the annotated .docx goes back as bytes (and to
//! `output` when given). The core does the work under the same guard as a
//! check, with the GIL released.

use std::io::Read;

use dueregard::Engine;
use dueregard::write::annotate::{AnnotateOptions, Fixes, annotate_docx};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::PyBytes;

use crate::{Failure, fail, guarded};

pub(crate) fn annotate<'py>(
    engine: &Engine,
    py: Python<'py>,
    document: &Bound<'py, PyAny>,
    output: Option<&Bound<'py, PyAny>>,
    fixes: &str,
) -> PyResult<Bound<'py, PyBytes>> {
    let fixes = match fixes {
        "none" => Fixes::None,
        "safe" => Fixes::Safe,
        "all" => Fixes::All,
        other => {
            return Err(PyValueError::new_err(format!(
                "fixes must be \"none\", \"safe\" or \"all\", not {other:?}"
            )));
        }
    };
    let (bytes, path): (Vec<u8>, Option<String>) = match document.extract::<PyBackedBytes>() {
        Ok(bytes) => (bytes.to_vec(), None),
        Err(_) => {
            // A path (str or os.PathLike); read at most one byte past the limit.
            let path: String = py
                .import("os")?
                .call_method1("fspath", (document,))?
                .extract()?;
            let limit = engine.limits().max_bytes as u64;
            let mut bytes = Vec::new();
            std::fs::File::open(&path)?
                .take(limit + 1)
                .read_to_end(&mut bytes)?;
            (bytes, Some(path))
        }
    };
    let title = path.as_deref().and_then(|p| {
        std::path::Path::new(p)
            .file_stem()
            .and_then(|s| s.to_str())
            .map(str::to_owned)
    });
    let options = AnnotateOptions {
        fixes,
        title,
        ..AnnotateOptions::default()
    };
    let result = py.detach(|| {
        guarded(|| {
            annotate_docx(engine, &bytes, &options)
                .map(|annotated| annotated.bytes)
                .map_err(|e| Failure::Core(e.to_info()))
        })
    });
    let annotated = match result {
        Ok(annotated) => annotated,
        Err(failure) => return fail(py, failure, path.as_deref()),
    };
    if let Some(output) = output {
        let target: String = py
            .import("os")?
            .call_method1("fspath", (output,))?
            .extract()?;
        std::fs::write(&target, &annotated)?;
    }
    Ok(PyBytes::new(py, &annotated))
}
