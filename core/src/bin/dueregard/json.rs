//! The report as JSON for a pipeline. One FILE gives its report as is
//! (schemas/report.schema.json); several give an array of
//! `{"path": FILE, "report": REPORT}`, written one entry at a time.

use std::io::{self, Write};

use dueregard::Report;
use serde::Serialize;

/// One entry of the array printed for several files.
#[derive(Debug, Serialize)]
struct FileReport<'a> {
    /// The file the report is for, as named on the command line or found in a folder.
    path: &'a str,
    report: &'a Report,
}

/// Writes reports as they are made, so no more than one is held at a time.
#[derive(Debug)]
pub struct JsonWriter {
    several: bool,
    written: usize,
}

impl JsonWriter {
    pub fn new(several: bool) -> JsonWriter {
        JsonWriter {
            several,
            written: 0,
        }
    }

    pub fn write(&mut self, out: &mut dyn Write, path: &str, report: &Report) -> io::Result<()> {
        if self.several {
            out.write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
            serde_json::to_writer_pretty(&mut *out, &FileReport { path, report })?;
        } else {
            serde_json::to_writer_pretty(&mut *out, report)?;
            out.write_all(b"\n")?;
        }
        self.written += 1;
        Ok(())
    }

    /// Closes the array (an empty one when no file could be read).
    pub fn finish(&self, out: &mut dyn Write) -> io::Result<()> {
        match (self.several, self.written) {
            (false, _) => Ok(()),
            (true, 0) => out.write_all(b"[]\n"),
            (true, _) => out.write_all(b"\n]\n"),
        }
    }
}
