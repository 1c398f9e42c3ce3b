//! `dueregard check`: reads each draft, checks it and prints its report
//! before reading the next, so memory stays at one draft however many are
//! named. A file that cannot be read is named on stderr and the rest are
//! still checked.

use std::fs::File;
use std::io::{self, BufWriter, Write};

use dueregard::Engine;
use dueregard::write::sarif::DEFAULT_DOC_BASE_URL;
use dueregard::write::{
    Baseline, BaselineEntry, GateSplit, SarifArtifact, SarifBuilder, SarifOptions,
};

use crate::Outcome;
use crate::args::{CheckArgs, CommonArgs, OutputFormat};
use crate::files::{self, Inputs};
use crate::json::JsonWriter;
use crate::{text, today};

const USAGE: &str = "usage: dueregard check [OPTIONS] FILE... (see dueregard check --help)";

/// Runs the check. `Err` is a problem that stops the run before any report
/// (usage, rule pack, baseline, output file), as one line.
pub fn run(args: &CheckArgs) -> Result<Outcome, String> {
    if args.files.is_empty() {
        return Err(format!("no file given; {USAGE}"));
    }
    let common = &args.common;
    if !matches!(
        common.format,
        OutputFormat::Text | OutputFormat::Json | OutputFormat::Sarif
    ) {
        return Err(format!(
            "check writes --format text, json or sarif; html, xlsx and csv are for dueregard organisation; {USAGE}"
        ));
    }
    let engine = engine(common)?;
    let baseline = args
        .baseline
        .as_deref()
        .map(files::read_baseline)
        .transpose()?;
    let as_of = common.as_of.clone().unwrap_or_else(today::today);
    let mut out = output(common)?;
    let mut json = JsonWriter::default();
    let mut sarif = (common.format == OutputFormat::Sarif).then(|| {
        let options = SarifOptions {
            doc_base_url: doc_base_url(common),
            source_root: None,
            baseline: baseline.as_ref(),
        };
        SarifBuilder::new(engine.rules(), options)
    });
    let mut accepted: Vec<BaselineEntry> = Vec::new();

    let mut outcome = Outcome::Clear;
    let vocabulary = engine.recognise_vocabulary();
    for input in Inputs::new(&args.files, args.recursive) {
        let read = match input {
            Ok(path) => files::read_draft(&path, engine.limits(), &vocabulary)
                .map_err(|message| (path.display().to_string(), message)),
            Err((folder, e)) => {
                let name = folder.display().to_string();
                Err((name.clone(), format!("{name}: {e}")))
            }
        };
        let mut read = match read {
            Ok(read) => read,
            Err((path, message)) => {
                eprintln!("dueregard: {message}");
                if let Some(sarif) = sarif.as_mut() {
                    sarif.add_unreadable(&path, &message);
                }
                outcome = Outcome::BadInput;
                continue;
            }
        };
        if let Some(kind) = common.kind {
            read.set_kind(kind, &vocabulary);
        }
        let mut report = engine.check(&read.draft);
        if let Some(recognition) = &read.recognition {
            recognition.apply_to(&mut report);
        }
        let gate = baseline.as_ref().map(|b| b.split(&read.path, &report));
        let blocked = match &gate {
            Some(split) => !split.passes(),
            None => !report.passes_gate(),
        };
        if blocked {
            outcome = outcome.max(Outcome::Blocked);
        }
        if args.write_baseline.is_some() {
            accepted.extend(Baseline::from_reports([(read.path.as_str(), &report)]).findings);
        }
        let written = match (common.format, sarif.as_mut()) {
            (OutputFormat::Text, _) => {
                let mut text = text::render(&read, &report, &as_of);
                if let Some(split) = &gate {
                    text.push_str(&baseline_line(split));
                }
                out.write_all(text.as_bytes())
            }
            (OutputFormat::Json, _) => json.write(&mut out, &read.path, &report),
            (OutputFormat::Sarif, Some(sarif)) => {
                sarif.add(&SarifArtifact {
                    path: &read.path,
                    source: Some((read.format, &read.source)),
                    report: &report,
                });
                Ok(())
            }
            (OutputFormat::Sarif, None) => Ok(()),
            // Refused above.
            (OutputFormat::Html | OutputFormat::Xlsx | OutputFormat::Csv, _) => Ok(()),
        };
        if let Err(stop) = written.and_then(|()| out.flush()) {
            return stopped(stop, common, outcome);
        }
        // `read` and `report` are dropped here, before the next file is read.
    }
    let finished = match (common.format, sarif) {
        (OutputFormat::Json, _) => json.finish(&mut out),
        (OutputFormat::Sarif, Some(sarif)) => out.write_all(sarif.finish().to_json().as_bytes()),
        _ => Ok(()),
    };
    if let Err(stop) = finished.and_then(|()| out.flush()) {
        return stopped(stop, common, outcome);
    }
    if let Some(path) = &args.write_baseline {
        std::fs::write(path, Baseline::from_entries(accepted).to_json()).map_err(|e| {
            format!(
                "cannot write the baseline to {}: {}",
                path.display(),
                files::io_message(&e)
            )
        })?;
    }
    Ok(outcome)
}

/// The documentation links' base: the option, or docs/rules.md in the repository.
pub fn doc_base_url(common: &CommonArgs) -> String {
    common
        .doc_base_url
        .clone()
        .unwrap_or_else(|| DEFAULT_DOC_BASE_URL.into())
}

/// After a text report: how the gate stands against the baseline.
fn baseline_line(split: &GateSplit<'_>) -> String {
    let new = split.new.len() + split.unlisted;
    format!(
        "Baseline: {} blocking finding{} accepted by the baseline, {new} new{}.\n\n",
        split.baselined.len(),
        if split.baselined.len() == 1 { "" } else { "s" },
        if new == 0 {
            "; the gate passes"
        } else {
            "; the gate is blocked"
        },
    )
}

/// The engine for the rule pack given (or the built-in one), judging review
/// dates as of `--as-of` or today.
pub fn engine(common: &CommonArgs) -> Result<Engine, String> {
    let engine = match &common.rule_pack {
        None => Engine::new(),
        Some(path) => {
            let json = files::read_rule_pack(path)?;
            Engine::from_pack_json(&json).map_err(|e| format!("{}: {e}", path.display()))?
        }
    };
    let as_of = common.as_of.clone().unwrap_or_else(today::today);
    Ok(engine.with_as_of(Some(as_of)))
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
