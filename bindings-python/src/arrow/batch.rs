//! The output of checking rows: findings and a summary per row, built up in
//! Rust vectors and handed to Python as Arrow buffers (little-endian integers,
//! validity bitmaps, string and list offsets) in a dict of `bytes`.

use std::collections::HashMap;

use dueregard::Report;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

/// Strings seen so far, each with a small code: a column's categories.
#[derive(Debug, Default)]
pub(super) struct Vocab {
    codes: HashMap<String, i32>,
    pub(super) names: Vec<String>,
}

impl Vocab {
    pub(super) fn code(&mut self, name: &str) -> i32 {
        if let Some(code) = self.codes.get(name) {
            return *code;
        }
        let code = i32::try_from(self.names.len()).unwrap_or(i32::MAX);
        self.codes.insert(name.to_owned(), code);
        self.names.push(name.to_owned());
        code
    }
}

/// Text values laid end to end, with where each ends.
#[derive(Debug, Default)]
pub(super) struct Texts {
    pub(super) data: Vec<u8>,
    pub(super) ends: Vec<usize>,
    pub(super) valid: Vec<bool>,
}

impl Texts {
    pub(super) fn push(&mut self, text: Option<&str>) {
        self.data.extend_from_slice(text.unwrap_or("").as_bytes());
        self.ends.push(self.data.len());
        self.valid.push(text.is_some());
    }

    pub(super) fn append(&mut self, other: Texts) {
        let shift = self.data.len();
        self.data.extend(other.data);
        self.ends.extend(other.ends.into_iter().map(|e| e + shift));
        self.valid.extend(other.valid);
    }
}

/// The output for a run of consecutive rows: findings (one per finding, in
/// row order, violations before findings to review) and a summary per row.
/// Categorical columns hold codes into this batch's own vocabularies.
#[derive(Debug, Default)]
pub(super) struct Batch {
    // -- findings --
    pub(super) doc: Vec<i64>,
    pub(super) rule: Vec<i32>,
    pub(super) severity: Vec<i32>,
    pub(super) bucket: Vec<i32>,
    /// Element codes of all findings, end to end; `element_ends` splits them.
    pub(super) element: Vec<i32>,
    pub(super) element_ends: Vec<usize>,
    pub(super) message: Texts,
    pub(super) start: Vec<i64>,
    pub(super) end: Vec<i64>,
    pub(super) has_span: Vec<bool>,
    pub(super) rules: Vocab,
    pub(super) severities: Vocab,
    pub(super) buckets: Vocab,
    pub(super) elements: Vocab,
    // -- summary, one per row --
    pub(super) violations: Vec<i64>,
    pub(super) needs_review: Vec<i64>,
    pub(super) blocking: Vec<i64>,
    pub(super) passes_gate: Vec<bool>,
    pub(super) error: Texts,
}

pub(super) fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl Batch {
    pub(super) fn rows(&self) -> usize {
        self.violations.len()
    }

    pub(super) fn push_row(&mut self, row: usize, outcome: Result<Report, String>) {
        let report = match outcome {
            Ok(report) => report,
            Err(message) => {
                self.violations.push(0);
                self.needs_review.push(0);
                self.blocking.push(0);
                self.passes_gate.push(false);
                self.error.push(Some(&message));
                return;
            }
        };
        let doc = count(row);
        for (bucket, findings) in [
            ("violations", &report.violations),
            ("needs_review", &report.needs_review),
        ] {
            let bucket = self.buckets.code(bucket);
            for f in findings {
                self.doc.push(doc);
                self.rule.push(self.rules.code(&f.rule));
                self.severity
                    .push(self.severities.code(f.severity.as_str()));
                self.bucket.push(bucket);
                for element in f.elements.iter() {
                    let code = self.elements.code(element);
                    self.element.push(code);
                }
                self.element_ends.push(self.element.len());
                self.message.push(Some(&f.message));
                let span = f.location.span.as_ref();
                self.start.push(span.map_or(0, |s| count(s.char_start)));
                self.end.push(span.map_or(0, |s| count(s.char_end)));
                self.has_span.push(span.is_some());
            }
        }
        let s = &report.summary;
        self.violations.push(count(s.violations));
        self.needs_review.push(count(s.needs_review));
        self.blocking.push(count(s.blocking));
        self.passes_gate.push(report.passes_gate());
        self.error.push(None);
    }

    /// The largest of the sizes Arrow's 32-bit offsets bound.
    pub(super) fn size(&self) -> usize {
        self.message
            .data
            .len()
            .max(self.error.data.len())
            .max(self.element.len())
    }

    /// Appends the next run of rows, recoding its categories into this batch's.
    pub(super) fn append(&mut self, other: Batch) {
        fn recode(into: &mut Vocab, from: &Vocab) -> Vec<i32> {
            from.names.iter().map(|name| into.code(name)).collect()
        }
        fn mapped(codes: Vec<i32>, map: &[i32]) -> impl Iterator<Item = i32> + '_ {
            codes.into_iter().map(|c| {
                usize::try_from(c)
                    .ok()
                    .and_then(|c| map.get(c))
                    .copied()
                    .unwrap_or(c)
            })
        }
        let rules = recode(&mut self.rules, &other.rules);
        let severities = recode(&mut self.severities, &other.severities);
        let buckets = recode(&mut self.buckets, &other.buckets);
        let elements = recode(&mut self.elements, &other.elements);
        self.doc.extend(other.doc);
        self.rule.extend(mapped(other.rule, &rules));
        self.severity.extend(mapped(other.severity, &severities));
        self.bucket.extend(mapped(other.bucket, &buckets));
        let shift = self.element.len();
        self.element.extend(mapped(other.element, &elements));
        self.element_ends
            .extend(other.element_ends.into_iter().map(|e| e + shift));
        self.message.append(other.message);
        self.start.extend(other.start);
        self.end.extend(other.end);
        self.has_span.extend(other.has_span);
        self.violations.extend(other.violations);
        self.needs_review.extend(other.needs_review);
        self.blocking.extend(other.blocking);
        self.passes_gate.extend(other.passes_gate);
        self.error.append(other.error);
    }
}
/// Arrow's validity (or boolean) bitmap: bit `i` of byte `i / 8`, least significant first.
pub(super) fn bitmap(bits: &[bool]) -> Vec<u8> {
    let mut out = vec![0u8; bits.len().div_ceil(8)];
    for (i, _) in bits.iter().enumerate().filter(|(_, b)| **b) {
        out[i / 8] |= 1 << (i % 8);
    }
    out
}

pub(super) fn i64_bytes(values: &[i64]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

pub(super) fn i32_bytes(values: &[i32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// `n + 1` i32 offsets (Arrow `string` and `list`) from where each value ends.
pub(super) fn offsets(ends: &[usize]) -> Vec<u8> {
    let mut out = Vec::with_capacity(4 * (ends.len() + 1));
    out.extend_from_slice(&0i32.to_le_bytes());
    for end in ends {
        // Parts are cut at PART_LIMIT, so every end fits.
        out.extend_from_slice(&i32::try_from(*end).unwrap_or(i32::MAX).to_le_bytes());
    }
    out
}

/// A part's buffers, by name, for `dueregard._arrow` to wrap.
pub(super) fn to_dict<'py>(py: Python<'py>, b: &Batch) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    let bytes = |v: &[u8]| PyBytes::new(py, v);
    d.set_item("rows", b.rows())?;
    d.set_item("findings", b.doc.len())?;
    d.set_item("doc", bytes(&i64_bytes(&b.doc)))?;
    d.set_item("rule", bytes(&i32_bytes(&b.rule)))?;
    d.set_item("rules", &b.rules.names)?;
    d.set_item("severity", bytes(&i32_bytes(&b.severity)))?;
    d.set_item("severities", &b.severities.names)?;
    d.set_item("bucket", bytes(&i32_bytes(&b.bucket)))?;
    d.set_item("buckets", &b.buckets.names)?;
    d.set_item("element", bytes(&i32_bytes(&b.element)))?;
    d.set_item("elements", &b.elements.names)?;
    d.set_item("element_offsets", bytes(&offsets(&b.element_ends)))?;
    d.set_item("message", bytes(&b.message.data))?;
    d.set_item("message_offsets", bytes(&offsets(&b.message.ends)))?;
    d.set_item("start", bytes(&i64_bytes(&b.start)))?;
    d.set_item("end", bytes(&i64_bytes(&b.end)))?;
    d.set_item("has_span", bytes(&bitmap(&b.has_span)))?;
    let checked: Vec<bool> = b.error.valid.iter().map(|e| !e).collect();
    d.set_item("checked", bytes(&bitmap(&checked)))?;
    d.set_item("violations", bytes(&i64_bytes(&b.violations)))?;
    d.set_item("needs_review", bytes(&i64_bytes(&b.needs_review)))?;
    d.set_item("blocking", bytes(&i64_bytes(&b.blocking)))?;
    d.set_item("passes_gate", bytes(&bitmap(&b.passes_gate)))?;
    d.set_item("error", bytes(&b.error.data))?;
    d.set_item("error_offsets", bytes(&offsets(&b.error.ends)))?;
    d.set_item("has_error", bytes(&bitmap(&b.error.valid)))?;
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bitmaps_are_least_significant_bit_first() {
        assert_eq!(
            bitmap(&[true, false, false, true, false, false, false, false, true]),
            vec![0b1001, 1]
        );
        assert_eq!(offsets(&[3, 5]), i32_bytes(&[0, 3, 5]));
    }
}
