//! The organisation view for Python: three string functions over
//! [`dueregard::json_api`], called by `dueregard/organisation.py`, which
//! builds the input JSON from reports and wraps the result in DataFrames.
//! The work runs with the GIL released; a core error becomes the package's
//! `OrganisationError`, a panic a `RuntimeError`.

use dueregard::json_api;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::{fail, guarded};

/// The organisation report as JSON, from the input JSON
/// (schemas/organisation-input.schema.json).
#[pyfunction]
fn organisation_json(py: Python<'_>, input_json: &str) -> PyResult<String> {
    match py.detach(|| guarded(|| Ok(json_api::organisation(input_json)?))) {
        Ok(json) => Ok(json),
        Err(failure) => fail(py, failure, None),
    }
}

/// A self-assessment (JSON or CSV text) as a JSON array of claims.
#[pyfunction]
fn self_assessment_json(py: Python<'_>, text: &str) -> PyResult<String> {
    match guarded(|| Ok(json_api::self_assessment(text)?)) {
        Ok(json) => Ok(json),
        Err(failure) => fail(py, failure, None),
    }
}

/// An organisation report rendered as `text`, `csv`, `html` or `xlsx` bytes.
#[pyfunction]
fn organisation_render<'py>(
    py: Python<'py>,
    report_json: &str,
    format: &str,
) -> PyResult<Bound<'py, PyBytes>> {
    match py.detach(|| guarded(|| Ok(json_api::organisation_render(report_json, format)?))) {
        Ok(bytes) => Ok(PyBytes::new(py, &bytes)),
        Err(failure) => fail(py, failure, None),
    }
}

/// Adds the organisation functions to the native module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(organisation_json, m)?)?;
    m.add_function(wrap_pyfunction!(self_assessment_json, m)?)?;
    m.add_function(wrap_pyfunction!(organisation_render, m)?)?;
    Ok(())
}
