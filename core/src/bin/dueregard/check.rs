//! `dueregard check`: reads each draft, checks it and prints its report
//! before reading the next, so memory stays at one draft however many are
//! named. A file that cannot be read is named on stderr and the rest are
//! still checked.

use std::fs::File;
use std::io::{self, BufWriter, Write};

use dueregard::Engine;

use crate::Outcome;
use crate::args::{CheckArgs, CommonArgs, OutputFormat};
use crate::files::{self, Inputs};
use crate::json::JsonWriter;
use crate::{text, today};

const USAGE: &str = "usage: dueregard check [OPTIONS] FILE... (see dueregard check --help)";

/// Runs the check. `Err` is a problem that stops the run before any report
/// (usage, rule pack, output file), as one line.
pub fn run(args: &CheckArgs) -> Result<Outcome, String> {
    if args.files.is_empty() {
        return Err(format!("no file given; {USAGE}"));
    }
    let common = &args.common;
    if !matches!(common.format, OutputFormat::Text | OutputFormat::Json) {
        return Err(format!(
            "check writes --format text or json; html, xlsx and csv are for dueregard organisation; {USAGE}"
        ));
    }
    let engine = engine(common)?;
    let as_of = common.as_of.clone().unwrap_or_else(today::today);
    let mut out = output(common)?;
    let mut json = JsonWriter::default();

    let mut outcome = Outcome::Clear;
    for input in Inputs::new(&args.files, args.recursive) {
        let read = input
            .map_err(|(folder, e)| format!("{}: {e}", folder.display()))
            .and_then(|path| files::read_draft(&path, engine.limits()));
        let mut read = match read {
            Ok(read) => read,
            Err(message) => {
                eprintln!("dueregard: {message}");
                outcome = Outcome::BadInput;
                continue;
            }
        };
        if let Some(kind) = common.kind {
            read.draft.kind = kind;
        }
        let report = engine.check(&read.draft);
        if !report.passes_gate() {
            outcome = outcome.max(Outcome::Blocked);
        }
        let written = match common.format {
            OutputFormat::Text => out.write_all(text::render(&read, &report, &as_of).as_bytes()),
            OutputFormat::Json => json.write(&mut out, &read.path, &report),
            // Refused above.
            OutputFormat::Html | OutputFormat::Xlsx | OutputFormat::Csv => Ok(()),
        };
        if let Err(stop) = written.and_then(|()| out.flush()) {
            return stopped(stop, common, outcome);
        }
        // `read` and `report` are dropped here, before the next file is read.
    }
    if common.format == OutputFormat::Json {
        if let Err(stop) = json.finish(&mut out).and_then(|()| out.flush()) {
            return stopped(stop, common, outcome);
        }
    }
    Ok(outcome)
}

pub fn engine(common: &CommonArgs) -> Result<Engine, String> {
    match &common.rule_pack {
        None => Ok(Engine::new()),
        Some(path) => {
            let json = files::read_rule_pack(path)?;
            Engine::from_pack_json(&json).map_err(|e| format!("{}: {e}", path.display()))
        }
    }
}

pub fn output(common: &CommonArgs) -> Result<Box<dyn Write>, String> {
    Ok(match &common.output {
        None => Box::new(BufWriter::new(io::stdout().lock())),
        Some(path) => {
            let file = File::create(path).map_err(|e| {
                format!(
                    "cannot write the output to {}: {}",
                    path.display(),
                    files::io_message(&e)
                )
            })?;
            Box::new(BufWriter::new(file))
        }
    })
}

/// Writing failed. A closed pipe (`dueregard ... | head`) means the reader
/// has what it wants: stop quietly. Anything else (a full disk) is an error.
pub fn stopped(error: io::Error, common: &CommonArgs, outcome: Outcome) -> Result<Outcome, String> {
    if error.kind() == io::ErrorKind::BrokenPipe && common.output.is_none() {
        return Ok(outcome);
    }
    let target = common
        .output
        .as_ref()
        .map_or_else(|| "standard output".to_owned(), |p| p.display().to_string());
    Err(format!(
        "cannot write to {target}: {}",
        files::io_message(&error)
    ))
}
