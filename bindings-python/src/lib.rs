//! The Python binding: a thin PyO3 layer over [`dueregard::json_api`].
//!
//! Only strings and bytes cross the boundary. The Python side of the package
//! (`python/dueregard/`) turns a dict, JSON text or a file into bytes (a
//! [`Prepared`] draft), and wraps the report JSON the core returns in its
//! `Report` class; this file compiles engines, checks drafts with the GIL
//! released, and turns the core's [`ErrorInfo`] into the package's typed
//! exceptions. There is no rule logic here.
//!
//! The core is not expected to panic, but a panic must never reach Python as
//! a `PanicException` (which is not an `Exception`): every call into the core,
//! and every method as a whole, runs under [`std::panic::catch_unwind`], and
//! a panic becomes `dueregard.InternalError` (a `RuntimeError`).

mod organisation;

use std::num::NonZeroUsize;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};

use dueregard::{Engine, ErrorInfo, Format, json_api, panic_message};
use pyo3::exceptions::{PyException, PyOverflowError, PyRuntimeError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyBytes, PyList, PyString};

mod annotate;
mod arrow;

/// The Python modules this layer calls back into (pure Python, in the wheel).
const INPUTS: &str = "dueregard._inputs";
const ERRORS: &str = "dueregard._errors";
const REPORT: &str = "dueregard.report";
const ARROW: &str = "dueregard._arrow";

/// Most threads `check_many` starts. More than the machine's cores only adds
/// switching; the bound keeps a mistyped `threads=10**9` from trying to
/// start a billion threads (or sizing a chunk by it).
const MAX_THREADS: usize = 256;

/// Drafts per thread in each of `check_many`'s chunks: enough that starting
/// threads costs well under 1% of a chunk's checking, few enough that a
/// chunk's reports stay small.
const CHUNK_PER_THREAD: usize = 64;

/// How the core reads a draft's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Draft JSON (from a dict, a JSON string, or a `.json` file).
    Json,
    /// Markdown from a file, titled by the file's stem unless it has a heading.
    Markdown,
    /// Plain text from a file, titled by the file's stem.
    Text,
    /// A Word .docx document, recognised into a draft.
    Docx,
    /// An HTML page, recognised into a draft.
    Html,
}

/// A draft ready for the core, made by `dueregard._inputs.prepare`. The bytes
/// stay in the Python `bytes` object (no copy); `PyBackedBytes` may be read
/// with the GIL released.
#[derive(Debug)]
struct Prepared<B = PyBackedBytes> {
    kind: Kind,
    bytes: B,
    title: String,
    /// The file the draft came from, for error messages.
    path: Option<String>,
}

/// Why a check gave no report.
#[derive(Debug)]
enum Failure {
    /// Bad input, as the core describes it.
    Core(ErrorInfo),
    /// The core panicked: a bug, reported as a RuntimeError.
    Panic(String),
}

impl From<ErrorInfo> for Failure {
    fn from(info: ErrorInfo) -> Self {
        Failure::Core(info)
    }
}

/// Runs `f` and turns a panic into a [`Failure::Panic`].
fn guarded<T>(f: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => Err(Failure::Panic(panic_message(payload.as_ref()))),
    }
}

/// Checks one prepared draft; the report is the core's compact JSON.
fn check_one<B: AsRef<[u8]>>(engine: &Engine, draft: &Prepared<B>) -> Result<String, Failure> {
    let format = match draft.kind {
        Kind::Json => Format::Json,
        Kind::Markdown => Format::Markdown,
        Kind::Text => Format::Text,
        Kind::Docx => Format::Docx,
        Kind::Html => Format::Html,
    };
    guarded(|| {
        Ok(json_api::check_bytes(
            engine,
            draft.bytes.as_ref(),
            format,
            &draft.title,
        )?)
    })
}

/// Runs a whole method body and turns a panic anywhere in it (not only in the
/// core) into `dueregard.InternalError`, so pyo3 never raises `PanicException`.
fn shielded<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => Err(internal_error(py, &panic_message(payload.as_ref()))),
    }
}

/// `dueregard.InternalError` for a panic; a plain RuntimeError if even the
/// package's own module cannot be imported.
fn internal_error(py: Python<'_>, message: &str) -> PyErr {
    let built = py
        .import(ERRORS)
        .and_then(|errors| errors.call_method1("_internal", (message,)));
    match built {
        Ok(exc) => PyErr::from_value(exc),
        Err(_) => PyRuntimeError::new_err(format!(
            "dueregard's core failed unexpectedly ({message}); this is a bug in dueregard"
        )),
    }
}

/// `dueregard.OptionsError` (a ValueError) for an argument out of range.
fn options_error(py: Python<'_>, message: String) -> PyErr {
    let built = py.import(ERRORS).and_then(|errors| {
        let kwargs = pyo3::types::PyDict::new(py);
        kwargs.set_item("kind", "invalid")?;
        errors
            .getattr("OptionsError")?
            .call((message.clone(),), Some(&kwargs))
    });
    match built {
        Ok(exc) => PyErr::from_value(exc),
        Err(err) => err,
    }
}

/// `check_many`'s `threads`: None for one per core, else a whole number from
/// 1 to [`MAX_THREADS`]. Anything else is an `OptionsError`, before anything
/// is allocated by it.
fn thread_count(py: Python<'_>, threads: Option<&Bound<'_, PyAny>>) -> PyResult<usize> {
    let Some(threads) = threads.filter(|t| !t.is_none()) else {
        return Ok(std::thread::available_parallelism()
            .map_or(1, NonZeroUsize::get)
            .min(MAX_THREADS));
    };
    let out_of_range = |shown: String| {
        options_error(
            py,
            format!("threads must be a whole number from 1 to {MAX_THREADS}, not {shown}"),
        )
    };
    if threads.is_instance_of::<pyo3::types::PyBool>() {
        return Err(out_of_range(threads.repr()?.to_string()));
    }
    match threads.extract::<i64>() {
        Ok(n) if (1..=MAX_THREADS as i64).contains(&n) => Ok(n as usize),
        Ok(n) => Err(out_of_range(n.to_string())),
        // An int too large for 64 bits.
        Err(err) if err.is_instance_of::<PyOverflowError>(py) => {
            Err(out_of_range(threads.repr()?.to_string()))
        }
        Err(_) => Err(out_of_range(format!("a {}", threads.get_type().name()?))),
    }
}

/// Checks every item on up to `threads` scoped threads pulling from one
/// queue, and returns the results in input order. A thread the system will
/// not start is simply not used: the others (or this one) check its share.
fn check_all<B: AsRef<[u8]> + Sync>(
    engine: &Engine,
    items: &[&Prepared<B>],
    threads: usize,
) -> Vec<Result<String, Failure>> {
    if threads <= 1 || items.len() <= 1 {
        return items.iter().map(|i| check_one(engine, i)).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut mine = Vec::new();
        loop {
            let at = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(at) else { break };
            mine.push((at, check_one(engine, item)));
        }
        mine
    };
    let mut done: Vec<(usize, Result<String, Failure>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map_while(|_| std::thread::Builder::new().spawn_scoped(scope, work).ok())
            .collect();
        // Whatever the started threads leave (all of it, if none started).
        let here = work();
        workers
            .into_iter()
            .flat_map(|w| {
                // check_one catches panics, so a worker cannot die; stay total anyway.
                w.join().unwrap_or_else(|payload| {
                    vec![(
                        usize::MAX,
                        Err(Failure::Panic(panic_message(payload.as_ref()))),
                    )]
                })
            })
            .chain(here)
            .collect()
    });
    done.sort_by_key(|(at, _)| *at);
    let mut results: Vec<Result<String, Failure>> = Vec::with_capacity(items.len());
    let mut done = done.into_iter().peekable();
    for at in 0..items.len() {
        match done.next_if(|(i, _)| *i == at) {
            Some((_, result)) => results.push(result),
            None => results.push(Err(Failure::Panic(
                "a worker thread stopped before checking this draft".to_owned(),
            ))),
        }
    }
    results
}

/// The Python exception for a failure: the package's typed errors for bad
/// input, RuntimeError for a panic.
fn to_pyerr(
    py: Python<'_>,
    failure: Failure,
    path: Option<&str>,
    index: Option<usize>,
) -> PyResult<PyErr> {
    match failure {
        Failure::Core(info) => {
            let errors = py.import(ERRORS)?;
            let exc =
                errors.call_method1("_from_native", (json_api::error_json(&info), path, index))?;
            Ok(PyErr::from_value(exc))
        }
        Failure::Panic(message) => Ok(internal_error(py, &message)),
    }
}

fn fail<T>(py: Python<'_>, failure: Failure, path: Option<&str>) -> PyResult<T> {
    Err(to_pyerr(py, failure, path, None)?)
}

/// Wraps the core's report JSON in `dueregard.report.Report`. It crosses as
/// UTF-8 bytes: the Report decodes them to `str` only when first asked, since
/// building a Python str from non-ASCII text costs as much as a fifth of a check.
fn new_report<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import(REPORT)?
        .getattr("Report")?
        .call1((PyBytes::new(py, json.as_bytes()),))
}

/// Asks `dueregard._inputs.prepare` to turn any accepted draft into bytes
/// (reading a file only up to `max_bytes`).
fn prepare(
    inputs: &Bound<'_, PyModule>,
    draft: &Bound<'_, PyAny>,
    max_bytes: usize,
    format: Option<&str>,
) -> PyResult<Prepared> {
    let prepared = inputs.call_method1("prepare", (draft, max_bytes, format))?;
    let (kind, bytes, title, path): (String, PyBackedBytes, String, Option<String>) =
        prepared.extract()?;
    let kind = match kind.as_str() {
        "json" => Kind::Json,
        "markdown" => Kind::Markdown,
        "text" => Kind::Text,
        "docx" => Kind::Docx,
        "html" => Kind::Html,
        other => {
            return Err(PyRuntimeError::new_err(format!(
                "dueregard._inputs.prepare gave an unknown kind {other:?}"
            )));
        }
    };
    Ok(Prepared {
        kind,
        bytes,
        title,
        path,
    })
}

/// A compiled rule pack, ready to check any number of drafts.
///
/// Immutable and thread-safe: build one and reuse it. It pickles by its rule
/// pack's JSON text, so it can be sent to worker processes.
#[pyclass(frozen, module = "dueregard", name = "Checker")]
#[derive(Debug)]
struct Checker {
    engine: Engine,
    /// The rule pack's JSON text, or `None` for the built-in pack.
    rule_pack: Option<String>,
}

#[pymethods]
impl Checker {
    #[new]
    #[pyo3(signature = (rule_pack = None, as_of = None))]
    fn new(
        py: Python<'_>,
        rule_pack: Option<&Bound<'_, PyAny>>,
        as_of: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        shielded(py, || {
            let inputs = py.import(INPUTS)?;
            let text: Option<String> = match rule_pack {
                None => None,
                Some(pack) => inputs
                    .call_method1("rule_pack_text", (pack, json_api::MAX_RULE_PACK_BYTES))?
                    .extract()?,
            };
            let as_of: Option<String> = match as_of.filter(|a| !a.is_none()) {
                None => None,
                Some(date) => inputs
                    .call_method1("date_text", (date, "as_of"))?
                    .extract()?,
            };
            let compiled = py.detach(|| {
                guarded(|| {
                    let engine = json_api::engine(text.as_deref())?;
                    Ok(json_api::with_as_of(engine, as_of.as_deref())?)
                })
            });
            match compiled {
                Ok(engine) => Ok(Checker {
                    engine,
                    rule_pack: text,
                }),
                Err(failure) => fail(py, failure, None),
            }
        })
    }

    /// The date review dates are judged against ("YYYY-MM-DD"), or None:
    /// then they are not judged.
    #[getter]
    fn as_of(&self) -> Option<&str> {
        self.engine.as_of().map(dueregard::Date::as_str)
    }

    /// The rule pack's JSON text, or None for the built-in pack.
    #[getter]
    fn rule_pack(&self) -> Option<&str> {
        self.rule_pack.as_deref()
    }

    /// The rule pack's name, as reports show it.
    #[getter]
    fn pack_name(&self) -> &str {
        self.engine.pack().0
    }

    /// The rule pack's version, as reports show it.
    #[getter]
    fn pack_version(&self) -> &str {
        self.engine.pack().1
    }

    fn __repr__(&self) -> String {
        let (name, version) = self.engine.pack();
        format!(
            "<dueregard.Checker {name:?} {version:?}, {} rules>",
            self.engine.rules().len()
        )
    }

    /// Rebuilds from the rule pack's JSON text (or the built-in pack) and `as_of`.
    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (Option<String>, Option<String>))> {
        let this = slf.get();
        let as_of = this.engine.as_of().map(|d| d.as_str().to_owned());
        Ok((slf.get_type().into_any(), (this.rule_pack.clone(), as_of)))
    }

    /// Checks one draft: a dict, JSON text, a path to a .docx, .html, .md,
    /// .txt or .json file, or a file's bytes with `format` ("docx", "html",
    /// "markdown", "text" or "json"), which also overrides a path's extension.
    #[pyo3(signature = (draft, format = None))]
    fn check<'py>(
        &self,
        py: Python<'py>,
        draft: &Bound<'py, PyAny>,
        format: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        shielded(py, || {
            let item = prepare(&py.import(INPUTS)?, draft, self.max_bytes(), format)?;
            let result = py.detach(|| check_one(&self.engine, &item));
            match result {
                Ok(json) => new_report(py, &json),
                Err(failure) => fail(py, failure, item.path.as_deref()),
            }
        })
    }

    /// Annotates a Word document (a path or bytes): the .docx back with each
    /// finding as a comment and fixes as tracked changes (`fixes`: "none",
    /// "safe" or "all"). Returns the bytes, and writes them to `output` too.
    #[pyo3(signature = (document, output = None, fixes = "safe"))]
    fn annotate<'py>(
        &self,
        py: Python<'py>,
        document: &Bound<'py, PyAny>,
        output: Option<&Bound<'py, PyAny>>,
        fixes: &str,
    ) -> PyResult<Bound<'py, PyBytes>> {
        annotate::annotate(&self.engine, py, document, output, fixes)
    }

    /// Checks Markdown (`markdown=True`) or plain text given as a string.
    #[pyo3(signature = (text, title = None, markdown = false))]
    fn check_text<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyString>,
        title: Option<&Bound<'py, PyString>>,
        markdown: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        shielded(py, || {
            // Through the same encoder as every other draft, so a lone
            // surrogate is U+FFFD rather than a UnicodeEncodeError.
            let inputs = py.import(INPUTS)?;
            let bytes: PyBackedBytes = inputs.call_method1("_encode", (text,))?.extract()?;
            let title: String = match title {
                Some(title) => inputs.call_method1("_clean", (title,))?.extract()?,
                None => String::new(),
            };
            let draft = Prepared {
                kind: if markdown { Kind::Markdown } else { Kind::Text },
                bytes,
                title,
                path: None,
            };
            let result = py.detach(|| check_one(&self.engine, &draft));
            match result {
                Ok(json) => new_report(py, &json),
                Err(failure) => fail(py, failure, None),
            }
        })
    }

    /// Checks many drafts on `threads` threads (all cores by default, at most
    /// 256) with the GIL released; returns the reports in input order. With
    /// `on_error="return"` every draft's error (a bad draft, a missing or
    /// unreadable file, a value that is not a draft) takes its place in the
    /// list instead of being raised.
    /// `format` applies to every draft, as in `check`.
    #[pyo3(signature = (drafts, threads = None, on_error = "raise", format = None))]
    fn check_many<'py>(
        &self,
        py: Python<'py>,
        drafts: &Bound<'py, PyAny>,
        threads: Option<&Bound<'py, PyAny>>,
        on_error: &str,
        format: Option<&str>,
    ) -> PyResult<Bound<'py, PyList>> {
        shielded(py, || {
            self.check_many_inner(py, drafts, threads, on_error, format)
        })
    }

    /// The rules in this checker's pack, as a list of dicts.
    fn rules<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        shielded(py, || {
            let json = match guarded(|| Ok(json_api::rules(&self.engine))) {
                Ok(json) => json,
                Err(failure) => return fail(py, failure, None),
            };
            py.import("json")?.call_method1("loads", (json,))
        })
    }

    /// Checks a pyarrow Table or RecordBatch of plain texts, one per row;
    /// returns `(findings, summary)` tables (see `dueregard._arrow`).
    #[pyo3(
        signature = (table, text_column = "text".to_owned(), id_column = Some("id".to_owned()), kind_column = None, threads = None),
        text_signature = "(self, table, text_column='text', id_column='id', kind_column=None, threads=None)"
    )]
    fn check_arrow<'py>(
        slf: &Bound<'py, Self>,
        table: &Bound<'py, PyAny>,
        text_column: String,
        id_column: Option<String>,
        kind_column: Option<String>,
        threads: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let args = (slf, table, text_column, id_column, kind_column, threads);
        slf.py().import(ARROW)?.call_method1("check_arrow", args)
    }
}

impl Checker {
    /// The largest draft this checker reads (files are read only this far).
    fn max_bytes(&self) -> usize {
        self.engine.limits().max_bytes
    }

    fn check_many_inner<'py>(
        &self,
        py: Python<'py>,
        drafts: &Bound<'py, PyAny>,
        threads: Option<&Bound<'py, PyAny>>,
        on_error: &str,
        format: Option<&str>,
    ) -> PyResult<Bound<'py, PyList>> {
        let keep_errors = match on_error {
            "raise" => false,
            "return" => true,
            other => {
                return Err(options_error(
                    py,
                    format!("on_error must be \"raise\" or \"return\", not {other:?}"),
                ));
            }
        };
        let threads = thread_count(py, threads)?;
        let inputs = py.import(INPUTS)?;
        let report = py.import(REPORT)?.getattr("Report")?;
        let out = PyList::empty(py);
        // Chunks of drafts: read a chunk, check it with the GIL released, turn
        // its reports into Python objects, repeat. Only one chunk's inputs and
        // reports are held twice (as Rust and as Python values) at a time, and
        // a generator of drafts is read as it goes.
        let chunk = threads * CHUNK_PER_THREAD;
        let mut drafts = drafts.try_iter()?;
        let mut index = 0;
        loop {
            // Each draft read is either prepared for checking or, with
            // on_error="return", an error waiting for its place in the output.
            let mut slots: Vec<Result<Prepared, PyErr>> = Vec::with_capacity(chunk);
            for draft in drafts.by_ref().take(chunk) {
                let prepared = draft.and_then(|d| prepare(&inputs, &d, self.max_bytes(), format));
                match prepared {
                    Ok(item) => slots.push(Ok(item)),
                    // Only an Exception goes in place: KeyboardInterrupt and
                    // SystemExit always propagate, as does an error from the
                    // iterable itself under on_error="raise".
                    Err(err) if keep_errors && err.is_instance_of::<PyException>(py) => {
                        let at = index + slots.len();
                        if let Ok(value) = err.value(py).getattr("index")
                            && value.is_none()
                        {
                            let _ = err.value(py).setattr("index", at);
                        }
                        slots.push(Err(err));
                    }
                    Err(err) => return Err(err),
                }
            }
            if slots.is_empty() {
                break;
            }
            let items: Vec<&Prepared> = slots.iter().filter_map(|s| s.as_ref().ok()).collect();
            let threads = threads.min(items.len());
            let mut results = py
                .detach(|| check_all(&self.engine, &items, threads))
                .into_iter();
            for slot in slots {
                match slot {
                    Err(err) => out.append(err.into_value(py))?,
                    Ok(item) => match results.next() {
                        Some(Ok(json)) => {
                            out.append(report.call1((PyBytes::new(py, json.as_bytes()),))?)?
                        }
                        Some(Err(failure)) => {
                            let err = to_pyerr(py, failure, item.path.as_deref(), Some(index))?;
                            if keep_errors {
                                out.append(err.into_value(py))?;
                            } else {
                                return Err(err);
                            }
                        }
                        None => return Err(internal_error(py, "a draft's result went missing")),
                    },
                }
                index += 1;
            }
        }
        Ok(out)
    }
}

/// The framework's pillars, elements and scales, as JSON text.
#[pyfunction]
fn framework_json(py: Python<'_>) -> PyResult<String> {
    match guarded(|| Ok(json_api::framework())) {
        Ok(json) => Ok(json),
        Err(failure) => fail(py, failure, None),
    }
}

/// Panics inside the same guard every method uses, so the tests can prove a
/// panic reaches Python as `dueregard.InternalError`; no other use.
#[pyfunction]
fn _panic_for_tests(py: Python<'_>) -> PyResult<()> {
    shielded(py, || panic!("a deliberate panic, from the tests"))
}

/// The native half of the `dueregard` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Checker>()?;
    m.add_function(wrap_pyfunction!(framework_json, m)?)?;
    arrow::register(m)?;
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    m.add("MAX_THREADS", MAX_THREADS)?;
    m.add("CORE_VERSION", env!("CARGO_PKG_VERSION"))?;
    organisation::register(m)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(kind: Kind, bytes: &[u8]) -> Prepared<Vec<u8>> {
        Prepared {
            kind,
            bytes: bytes.to_vec(),
            title: "t".into(),
            path: None,
        }
    }

    #[test]
    fn threads_keep_input_order_and_match_one_by_one() {
        let engine = Engine::new();
        let items: Vec<Prepared<Vec<u8>>> = (0..25)
            .map(|i| {
                let json = format!(
                    r#"{{"title": "Draft {i}", "kind": "other", "sections": [{{"id": "s", "text": "Ask if he or she needs leave {i}."}}]}}"#
                );
                item(Kind::Json, json.as_bytes())
            })
            .collect();
        let items: Vec<&Prepared<Vec<u8>>> = items.iter().collect();
        let one: Vec<String> = check_all(&engine, &items, 1)
            .into_iter()
            .map(|r| r.unwrap())
            .collect();
        let three: Vec<String> = check_all(&engine, &items, 3)
            .into_iter()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(one, three);
        assert!(one[7].contains("Draft 7"));
    }

    #[test]
    fn invalid_utf8_is_the_cores_not_utf8_error() {
        let engine = Engine::new();
        match check_one(&engine, &item(Kind::Text, b"ok \xff")) {
            Err(Failure::Core(info)) => {
                assert_eq!((info.error, info.kind), ("draft", "not_utf8"));
                assert!(info.message.contains("offset 3"), "{}", info.message);
            }
            other => panic!("expected not_utf8, got {other:?}"),
        }
    }

    #[test]
    fn text_and_markdown_take_the_title() {
        let engine = Engine::new();
        let text = check_one(&engine, &item(Kind::Text, b"he or she")).unwrap();
        assert!(text.contains(r#""title":"t""#), "{text}");
        let md = check_one(&engine, &item(Kind::Markdown, b"# Heading\n\nhe or she")).unwrap();
        assert!(md.contains(r#""title":"Heading""#), "{md}");
    }

    #[test]
    fn a_panic_becomes_a_failure_not_an_unwind() {
        let result: Result<(), Failure> = guarded(|| panic!("boom"));
        assert!(matches!(result, Err(Failure::Panic(m)) if m == "boom"));
    }
}
