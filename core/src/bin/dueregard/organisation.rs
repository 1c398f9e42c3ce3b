//! `dueregard organisation`: checks every document named, keeps each report,
//! and writes the organisation's view across them (the library's
//! `organisation` module does the work; this reads the files and writes the
//! output). Progress is shown on stderr when it is a terminal.

use std::io::{self, IsTerminal, Write};

use dueregard::organisation::{self, OrganisationOptions, write};
use dueregard::{Date, Report};

use crate::Outcome;
use crate::args::{OrganisationArgs, OutputFormat};
use crate::check::{engine, output, stopped};
use crate::files::{self, Inputs};
use crate::today;

const USAGE: &str =
    "usage: dueregard organisation [OPTIONS] FILE... (see dueregard organisation --help)";

/// A self-assessment is a short table; an earlier report, one per organisation.
const MAX_SELF_ASSESSMENT_BYTES: usize = 1024 * 1024;
const MAX_PREVIOUS_BYTES: usize = 256 * 1024 * 1024;

/// Runs the organisation view. `Err` is a problem that stops the run before
/// any output (usage, rule pack, self-assessment, previous report, output file).
const SARIF_IS_FOR_CHECK: &str =
    "--format sarif is for dueregard check; the organisation view is text, json, html, xlsx or csv";

pub fn run(args: &OrganisationArgs) -> Result<Outcome, String> {
    if args.files.is_empty() {
        return Err(format!("no file given; {USAGE}"));
    }
    let common = &args.common;
    if common.format == OutputFormat::Xlsx && common.output.is_none() && io::stdout().is_terminal()
    {
        return Err("--format xlsx writes a workbook; name it with --output FILE.xlsx".into());
    }
    if common.format == OutputFormat::Sarif {
        return Err(SARIF_IS_FOR_CHECK.into());
    }
    let engine = engine(common)?;
    let self_assessment = match &args.self_assessment {
        None => None,
        Some(path) => {
            let text = files::read_text(path, "self-assessment", MAX_SELF_ASSESSMENT_BYTES)?;
            Some(
                organisation::parse_self_assessment(&text)
                    .map_err(|e| format!("{}: {e}", path.display()))?,
            )
        }
    };
    let previous = match &args.previous {
        None => None,
        Some(path) => {
            let text = files::read_text(path, "previous report", MAX_PREVIOUS_BYTES)?;
            Some(
                organisation::parse_previous(&text)
                    .map_err(|e| format!("{}: {e}", path.display()))?,
            )
        }
    };
    let as_of: Date = common.as_of.clone().unwrap_or_else(today::today);

    let mut progress = Progress::new();
    let mut outcome = Outcome::Clear;
    let mut items: Vec<(String, Report)> = Vec::new();
    let vocabulary = engine.recognise_vocabulary();
    for input in Inputs::new(&args.files, args.recursive) {
        let read = input
            .map_err(|(folder, e)| format!("{}: {e}", folder.display()))
            .and_then(|path| files::read_draft(&path, engine.limits(), &vocabulary));
        let mut read = match read {
            Ok(read) => read,
            Err(message) => {
                progress.clear();
                eprintln!("dueregard: {message}");
                outcome = Outcome::BadInput;
                continue;
            }
        };
        if let Some(kind) = common.kind {
            read.set_kind(kind, &vocabulary);
        }
        let report = engine.check(&read.draft);
        if !report.passes_gate() {
            outcome = outcome.max(Outcome::Blocked);
        }
        progress.checked(items.len() + 1, &read.path);
        items.push((read.path, report));
    }
    progress.clear();

    let view = organisation::organisation(
        &items,
        &OrganisationOptions {
            self_assessment,
            previous,
            as_of: Some(as_of),
            no_excerpts: args.no_excerpts,
        },
    );
    let bytes = match common.format {
        OutputFormat::Text => write::text(&view).into_bytes(),
        OutputFormat::Json => {
            let mut json = view.to_json_pretty();
            json.push('\n');
            json.into_bytes()
        }
        OutputFormat::Html => write::html(&view).into_bytes(),
        OutputFormat::Csv => write::csv(&view).into_bytes(),
        OutputFormat::Xlsx => write::xlsx(&view).map_err(|e| e.to_string())?,
        // Refused before any document is read; kept here so the match stays total.
        OutputFormat::Sarif => return Err(SARIF_IS_FOR_CHECK.into()),
    };
    let mut out = output(common)?;
    if let Err(stop) = out.write_all(&bytes).and_then(|()| out.flush()) {
        return stopped(stop, common, outcome);
    }
    Ok(outcome)
}

/// "checked 12: policies/leave.json" on one line of a terminal's stderr,
/// rewritten as each document is checked; nothing when stderr is not a terminal.
struct Progress {
    on: bool,
    shown: bool,
}

impl Progress {
    fn new() -> Progress {
        Progress {
            on: io::stderr().is_terminal(),
            shown: false,
        }
    }

    fn checked(&mut self, count: usize, path: &str) {
        if !self.on {
            return;
        }
        let name: String = path
            .chars()
            .rev()
            .take(60)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let mut err = io::stderr().lock();
        let _ = write!(err, "\r\x1b[2Kchecked {count}: {name}");
        let _ = err.flush();
        self.shown = true;
    }

    fn clear(&mut self) {
        if self.shown {
            let mut err = io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
            self.shown = false;
        }
    }
}
