//! The native half of `Checker.check_arrow` (the Python half is
//! `python/dueregard/_arrow.py`).
//!
//! Python hands over one slice of a text column as Arrow lays it out (the
//! values' UTF-8 bytes and `n + 1` 64-bit offsets, as in `large_string`), plus
//! a code per row saying whether to check it. The rows are checked here with
//! the GIL released, on a few threads, and the findings and the per-row summary
//! go back as Arrow buffers (`bytes`) that pyarrow wraps without building a
//! Python object per row or per finding, nor a JSON report per row.
//!
//! No Arrow crate: the Rust Arrow bridges pin an older pyo3 than this binding's,
//! and the buffers needed here are few and simple (little-endian integers,
//! validity bitmaps, string offsets).

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};

use dueregard::{Draft, DraftKind, Engine, Format, Report};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::PyDict;

use crate::{Checker, Failure, guarded};

mod batch;

use batch::{Batch, to_dict};

/// Rows a thread takes from the shared queue at a time: enough to make the
/// queue and the merge cheap, few enough that two threads finish together.
const BLOCK_ROWS: usize = 128;

/// Most bytes of message or error text, or element entries, in one part of
/// the output: Arrow's `string` and `list` offsets are 32-bit.
const PART_LIMIT: usize = i32::MAX as usize;

/// The column as Python passes it, borrowed for the length of one call.
#[derive(Debug, Clone, Copy)]
struct Column<'a> {
    /// The values' bytes, from offset `base` of the original data buffer.
    data: &'a [u8],
    /// `rows + 1` little-endian i64 offsets into the original data buffer.
    offsets: &'a [u8],
    base: i64,
    /// Per row: 0 to check it; `k > 0` not to, with `notes[k - 1]` as its error.
    skip: &'a [u8],
    notes: &'a [String],
    /// Per row: a little-endian i32 index into `kinds`, or -1 for the default.
    kind_codes: Option<&'a [u8]>,
    kinds: &'a [Result<DraftKind, String>],
}

fn le_i64(bytes: &[u8], at: usize) -> Option<i64> {
    let b = bytes.get(at.checked_mul(8)?..at.checked_mul(8)?.checked_add(8)?)?;
    Some(i64::from_le_bytes(b.try_into().ok()?))
}

fn le_i32(bytes: &[u8], at: usize) -> Option<i32> {
    let b = bytes.get(at.checked_mul(4)?..at.checked_mul(4)?.checked_add(4)?)?;
    Some(i32::from_le_bytes(b.try_into().ok()?))
}

impl Column<'_> {
    fn rows(&self) -> usize {
        self.skip.len()
    }

    /// The row's bytes, or why it is not checked.
    fn text(&self, row: usize) -> Result<&[u8], String> {
        let code = self.skip.get(row).copied().unwrap_or(0);
        if code > 0 {
            return Err(self
                .notes
                .get(usize::from(code) - 1)
                .cloned()
                .unwrap_or_else(|| {
                    format!("this row was not checked (code {code}); this is a bug in dueregard")
                }));
        }
        let at = |i: usize| {
            le_i64(self.offsets, i)
                .and_then(|o| o.checked_sub(self.base))
                .and_then(|o| usize::try_from(o).ok())
        };
        at(row)
            .zip(at(row + 1))
            .and_then(|(start, end)| self.data.get(start..end))
            .ok_or_else(|| {
                "the text column's offsets do not fit its data; this is a bug in dueregard"
                    .to_owned()
            })
    }

    /// The kind to check the row as: `None` is a plain text's default.
    fn kind(&self, row: usize) -> Result<Option<DraftKind>, String> {
        let Some(codes) = self.kind_codes else {
            return Ok(None);
        };
        let code = le_i32(codes, row).unwrap_or(-1);
        match usize::try_from(code) {
            Err(_) => Ok(None),
            Ok(i) => match self.kinds.get(i) {
                Some(Ok(kind)) => Ok(Some(*kind)),
                Some(Err(message)) => Err(message.clone()),
                None => Err(format!(
                    "kind code {code} has no name; this is a bug in dueregard"
                )),
            },
        }
    }
}

/// Reads a kind's name as a draft's `kind` field, so a bad name gets the
/// core's own message (which lists the kinds there are).
fn parse_kind(name: &str) -> Result<DraftKind, String> {
    let json = format!(
        r#"{{"title":"kind","kind":{}}}"#,
        serde_json::to_string(name).unwrap_or_default()
    );
    Draft::from_json(&json)
        .map(|draft| draft.kind)
        .map_err(|e| format!("kind {name:?}: {}", e.to_info().message))
}

/// Checks one row as plain text; a failure is the row's error message.
fn check_row(engine: &Engine, column: &Column<'_>, row: usize) -> Result<Report, String> {
    let text = column.text(row)?;
    let kind = column.kind(row)?;
    let checked = guarded(|| {
        let mut draft =
            Draft::from_bytes(text, Format::Text, "", engine.limits()).map_err(|e| e.to_info())?;
        if let Some(kind) = kind {
            draft.kind = kind;
        }
        Ok(engine.check(&draft))
    });
    checked.map_err(|failure| match failure {
        Failure::Core(info) => info.message,
        Failure::Panic(message) => format!(
            "dueregard's core failed unexpectedly ({message}); this is a bug in dueregard, \
             please report it with the text that caused it"
        ),
    })
}

/// Checks rows `from..to`.
fn check_block(engine: &Engine, column: &Column<'_>, from: usize, to: usize) -> Batch {
    let mut batch = Batch::default();
    for row in from..to {
        batch.push_row(row, check_row(engine, column, row));
    }
    batch
}

/// Checks every row on `threads` scoped threads taking blocks from one queue,
/// and joins the blocks in row order into parts small enough for Arrow's
/// 32-bit offsets (one part for any realistic slice).
fn check_column(engine: &Engine, column: &Column<'_>, threads: usize) -> Vec<Batch> {
    let rows = column.rows();
    let blocks = rows.div_ceil(BLOCK_ROWS);
    let block = |b: usize| {
        check_block(
            engine,
            column,
            b * BLOCK_ROWS,
            rows.min((b + 1) * BLOCK_ROWS),
        )
    };
    let mut done: Vec<(usize, Batch)> = if threads <= 1 || blocks <= 1 {
        (0..blocks).map(|b| (b, block(b))).collect()
    } else {
        let next = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads.min(blocks))
                .map(|_| {
                    scope.spawn(|| {
                        let mut mine = Vec::new();
                        loop {
                            let b = next.fetch_add(1, Ordering::Relaxed);
                            if b >= blocks {
                                break;
                            }
                            mine.push((b, block(b)));
                        }
                        mine
                    })
                })
                .collect();
            workers
                .into_iter()
                // check_row catches panics, so a worker cannot die; a block
                // lost anyway is filled in with errors below.
                .flat_map(|w| w.join().unwrap_or_default())
                .collect()
        })
    };
    done.sort_by_key(|(b, _)| *b);
    let mut done = done.into_iter().peekable();
    let mut parts: Vec<Batch> = vec![Batch::default()];
    for b in 0..blocks {
        let next = done.next_if(|(at, _)| *at == b).map(|(_, batch)| batch);
        let batch = next.unwrap_or_else(|| {
            let mut lost = Batch::default();
            for row in b * BLOCK_ROWS..rows.min((b + 1) * BLOCK_ROWS) {
                let message = "a worker thread stopped before checking this row".to_owned();
                lost.push_row(row, Err(message));
            }
            lost
        });
        let last = parts
            .last_mut()
            .filter(|p| p.size() + batch.size() <= PART_LIMIT);
        match last {
            Some(part) => part.append(batch),
            None => parts.push(batch),
        }
    }
    parts
}

/// Checks a slice of a text column (see [`Column`]) on at most `threads`
/// threads, never more than the machine's cores; returns its parts' buffers.
#[pyfunction]
#[pyo3(name = "_check_text_column")]
#[allow(clippy::too_many_arguments)] // one call from dueregard._arrow, argument per buffer
fn check_text_column<'py>(
    py: Python<'py>,
    checker: &Bound<'py, Checker>,
    data: PyBackedBytes,
    offsets: PyBackedBytes,
    base: i64,
    skip: PyBackedBytes,
    notes: Vec<String>,
    kind_codes: Option<PyBackedBytes>,
    kinds: Vec<String>,
    threads: usize,
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    let rows = skip.len();
    if offsets.len() != 8 * (rows + 1) {
        return Err(PyValueError::new_err(format!(
            "{rows} rows need {} bytes of offsets, not {}",
            8 * (rows + 1),
            offsets.len()
        )));
    }
    if let Some(codes) = &kind_codes
        && codes.len() != 4 * rows
    {
        return Err(PyValueError::new_err(format!(
            "{rows} rows need {} bytes of kind codes, not {}",
            4 * rows,
            codes.len()
        )));
    }
    let kinds: Vec<Result<DraftKind, String>> = kinds.iter().map(|k| parse_kind(k)).collect();
    let cores = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    let threads = threads.clamp(1, cores);
    let engine = &checker.get().engine;
    let column = Column {
        data: &data,
        offsets: &offsets,
        base,
        skip: &skip,
        notes: &notes,
        kind_codes: kind_codes.as_deref(),
        kinds: &kinds,
    };
    let parts = py.detach(|| check_column(engine, &column, threads));
    parts.iter().map(|part| to_dict(py, part)).collect()
}

/// Adds this file's functions to the native module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(check_text_column, m)?)
}

#[cfg(test)]
mod tests {
    use super::batch::i64_bytes;
    use super::*;

    struct Owned {
        data: Vec<u8>,
        offsets: Vec<u8>,
        skip: Vec<u8>,
    }

    fn owned(texts: &[&str]) -> Owned {
        let mut data = Vec::new();
        let mut ends = vec![0i64];
        for t in texts {
            data.extend_from_slice(t.as_bytes());
            ends.push(data.len() as i64);
        }
        Owned {
            data,
            offsets: i64_bytes(&ends),
            skip: vec![0; texts.len()],
        }
    }

    fn column<'a>(o: &'a Owned, notes: &'a [String]) -> Column<'a> {
        Column {
            data: &o.data,
            offsets: &o.offsets,
            base: 0,
            skip: &o.skip,
            notes,
            kind_codes: None,
            kinds: &[],
        }
    }

    #[test]
    fn threads_and_blocks_give_the_same_batch_as_one_thread() {
        let engine = Engine::new();
        let texts: Vec<String> = (0..300)
            .map(|i| match i % 3 {
                0 => format!("Ask if he or she needs leave {i}."),
                1 => format!("Staff and their partners are welcome {i}."),
                _ => format!("Ladies and gentlemen, husband or wife {i}."),
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let o = owned(&refs);
        let one = check_column(&engine, &column(&o, &[]), 1);
        let three = check_column(&engine, &column(&o, &[]), 3);
        assert_eq!((one.len(), three.len()), (1, 1));
        let (a, b) = (&one[0], &three[0]);
        assert_eq!(a.rows(), 300);
        assert!(a.doc.len() >= 200, "{} findings", a.doc.len());
        assert_eq!(a.doc, b.doc);
        let names = |b: &Batch, codes: &[i32]| -> Vec<String> {
            codes
                .iter()
                .map(|c| b.rules.names[*c as usize].clone())
                .collect()
        };
        assert_eq!(names(a, &a.rule), names(b, &b.rule));
        assert_eq!(a.message.data, b.message.data);
        assert_eq!(a.start, b.start);
        assert_eq!(a.violations, b.violations);
    }

    #[test]
    fn spans_count_code_points_and_bad_rows_are_errors() {
        let engine = Engine::new();
        // "é" is two bytes and one code point; "👩🏽" is two code points.
        let texts = ["é 👩🏽 he or she", "ok \u{ff}", ""];
        let mut o = owned(&texts);
        // Row 1 is invalid UTF-8: replace its bytes in place.
        let start = texts[0].len();
        o.data[start + 3] = 0xff;
        o.data[start + 4] = 0xff;
        let notes = ["the text is null".to_owned()];
        o.skip[2] = 1;
        let parts = check_column(&engine, &column(&o, &notes), 2);
        let b = &parts[0];
        let first = b
            .doc
            .iter()
            .position(|d| *d == 0)
            .expect("row 0 has a finding");
        let expected_start = "é 👩🏽 ".chars().count() as i64;
        assert_eq!(b.start[first], expected_start);
        assert_eq!(
            b.end[first],
            expected_start + "he or she".chars().count() as i64
        );
        assert!(b.error.valid[1] && b.error.valid[2] && !b.error.valid[0]);
        let errors = String::from_utf8(b.error.data.clone()).unwrap();
        assert!(errors.contains("not valid UTF-8"), "{errors}");
        assert!(errors.ends_with("the text is null"), "{errors}");
    }

    #[test]
    fn a_bad_kind_is_the_cores_message_and_a_good_one_applies() {
        assert_eq!(
            parse_kind("workforce_policy"),
            Ok(DraftKind::WorkforcePolicy)
        );
        let err = parse_kind("memo\"").unwrap_err();
        assert!(err.contains("workforce_policy"), "{err}");
    }
}
