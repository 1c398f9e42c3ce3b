//! The reports as JSON for a pipeline: always an array of
//! `{"path": FILE, "report": REPORT}` (schemas/check-output.schema.json),
//! whether one file was checked or many, written one entry at a time.

use std::io::{self, Write};

use dueregard::Report;
use serde::Serialize;

/// One entry of the array; the same shape as `dueregard::DocumentReport`,
/// borrowed so no report is copied.
#[derive(Debug, Serialize)]
struct FileReport<'a> {
    path: &'a str,
    report: &'a Report,
}

/// Writes reports as they are made, so no more than one is held at a time.
#[derive(Debug, Default)]
pub struct JsonWriter {
    written: usize,
}

impl JsonWriter {
    pub fn write(&mut self, out: &mut dyn Write, path: &str, report: &Report) -> io::Result<()> {
        out.write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
        serde_json::to_writer_pretty(&mut *out, &FileReport { path, report })?;
        self.written += 1;
        Ok(())
    }

    /// Closes the array (an empty one when no file could be read).
    pub fn finish(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })
    }
}
