//! The check command: checks drafts and prints a report for a policy author
//! (text) or for a pipeline (JSON, per schemas/report.schema.json).
//!
//!     cargo run --release --example check -- [--format text|json] [--rule-pack PACK.json] FILE...
//!
//! FILE is `.json` (a draft), `.md` or `.txt`. Exit code 0 when no draft has an
//! unwaived error-severity violation, 1 when one does, 2 on bad input or usage
//! (with a one-line error on stderr).

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use dueregard::{Draft, Engine, Finding, Format, Report, Severity, framework};

const USAGE: &str = "usage: check [--format text|json] [--rule-pack PACK.json] FILE... (FILE is a draft as .json, or text as .md or .txt)";

struct Options {
    json: bool,
    rule_pack: Option<String>,
    files: Vec<String>,
}

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("check: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<ExitCode, String> {
    let options = parse_args(args)?;
    let engine = match &options.rule_pack {
        None => Engine::new(),
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
            Engine::from_pack_json(&text).map_err(|e| format!("{path}: {e}"))?
        }
    };
    // Read and check every file before printing, so bad input never leaves half a report.
    let mut checked = Vec::new();
    for path in &options.files {
        let draft = read_draft(path, &engine).map_err(|e| format!("{path}: {e}"))?;
        let report = engine.check(&draft);
        checked.push((path, draft, report));
    }
    let blocked = checked.iter().any(|(_, _, r)| !r.passes_gate());
    let mut out = String::new();
    if options.json {
        let reports: Vec<&Report> = checked.iter().map(|(_, _, r)| r).collect();
        out = if reports.len() == 1 {
            reports[0].to_json_pretty()
        } else {
            serde_json::to_string_pretty(&reports).map_err(|e| e.to_string())?
        };
        out.push('\n');
    } else {
        for (path, draft, report) in &checked {
            render_text(&mut out, path, draft, report);
        }
    }
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`check ... | head`) is not an error worth reporting.
    let _ = stdout.write_all(out.as_bytes());
    Ok(if blocked {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn parse_args(args: Vec<String>) -> Result<Options, String> {
    let mut options = Options {
        json: false,
        rule_pack: None,
        files: Vec::new(),
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" => match args.next().as_deref() {
                Some("json") => options.json = true,
                Some("text") => options.json = false,
                other => {
                    return Err(format!(
                        "--format takes text or json, not {other:?}; {USAGE}"
                    ));
                }
            },
            "--rule-pack" => {
                options.rule_pack = Some(
                    args.next()
                        .ok_or_else(|| format!("--rule-pack needs a file; {USAGE}"))?,
                )
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}; {USAGE}"));
            }
            _ => options.files.push(arg),
        }
    }
    if options.files.is_empty() {
        return Err(format!("no file given; {USAGE}"));
    }
    Ok(options)
}

fn read_draft(path: &str, engine: &Engine) -> Result<Draft, String> {
    let path_ref = Path::new(path);
    let ext = path_ref.extension().and_then(|e| e.to_str()).unwrap_or("");
    let format = Format::from_extension(ext)
        .ok_or_else(|| format!("unsupported file type {ext:?}; use .json, .md or .txt"))?;
    let limit = engine.limits().max_bytes;
    let file = std::fs::File::open(path_ref).map_err(|e| e.to_string())?;
    // Read at most one byte past the limit, so a huge file is refused without loading it.
    let mut bytes = Vec::new();
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() > limit {
        return Err(format!(
            "the file is over the limit of {limit} bytes; split it into smaller drafts"
        ));
    }
    let title = path_ref.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    Draft::from_bytes(&bytes, format, title, engine.limits()).map_err(|e| e.to_string())
}

/// Where a finding sits, as a heading a policy author recognises.
fn place(draft: &Draft, finding: &Finding) -> String {
    if let Some(id) = &finding.location.section {
        let heading = draft
            .sections
            .iter()
            .find(|s| &s.id == id)
            .map(|s| s.heading.as_str())
            .filter(|h| !h.is_empty());
        return match heading {
            Some(h) => format!("Section “{h}”"),
            None => format!("Section {id}"),
        };
    }
    let path = &finding.location.path;
    let top = path.split('/').nth(1).unwrap_or("");
    match top {
        "title" => "Title".into(),
        "fields" => {
            let label = path
                .split('/')
                .nth(2)
                .and_then(|i| i.parse::<usize>().ok())
                .and_then(|i| draft.fields.get(i))
                .map(|f| f.label.as_str());
            match label {
                Some(l) => format!("Form field “{l}”"),
                None => "Form fields".into(),
            }
        }
        "eia" => "Equality impact assessment".into(),
        "dates" => "Dates".into(),
        "waivers" => "Waivers".into(),
        "partners" => "Partners".into(),
        "sections" => "The draft as a whole".into(),
        _ => "Draft".into(),
    }
}

fn render_text(out: &mut String, path: &str, draft: &Draft, report: &Report) {
    let _ = writeln!(
        out,
        "{} ({})  {path}",
        report.draft.title, report.draft.kind
    );
    let _ = writeln!(
        out,
        "Checked with {} {}\n",
        report.engine.rule_pack, report.engine.rule_pack_version
    );
    let mut all: Vec<(&Finding, bool)> = report
        .violations
        .iter()
        .map(|f| (f, false))
        .chain(report.needs_review.iter().map(|f| (f, true)))
        .collect();
    // Text findings in reading order first, then the rest by place.
    let order = |f: &Finding| {
        let section = f
            .location
            .section
            .as_ref()
            .and_then(|id| draft.sections.iter().position(|s| &s.id == id))
            .unwrap_or(usize::MAX);
        let line = f.location.span.map_or(0, |s| s.line);
        (section, place(draft, f), line)
    };
    all.sort_by_key(|(f, _)| order(f));
    if all.is_empty() {
        let _ = writeln!(out, "No findings.\n");
    }
    let mut current = String::new();
    let mut explained = std::collections::BTreeSet::new();
    for (finding, review) in all {
        let heading = place(draft, finding);
        if heading != current {
            let _ = writeln!(out, "{heading}");
            current = heading;
        }
        let position = finding
            .location
            .span
            .map(|s| format!("line {}, col {}", s.line, s.column))
            .unwrap_or_else(|| finding.location.path.clone());
        let label = match (review, finding.severity) {
            (true, _) => "REVIEW ",
            (false, Severity::Error) => "ERROR  ",
            (false, Severity::Warning) => "WARNING",
            (false, Severity::Info) => "INFO   ",
        };
        let _ = writeln!(out, "  {label}  {position}: {}", finding.message);
        if let Some(excerpt) = &finding.excerpt {
            let _ = writeln!(out, "           “{excerpt}”");
        }
        if let Some(first) = finding.suggestions.first() {
            let _ = writeln!(out, "           Try: {first}");
        }
        let elements: Vec<String> = finding
            .elements
            .iter()
            .map(|id| match framework::element(id) {
                Some(e) => format!("{id} {}", e.title),
                None => id.clone(),
            })
            .collect();
        let _ = writeln!(out, "           Framework: {}", elements.join("; "));
        // The reason is the same for every finding of a rule: say it once.
        if explained.insert(&finding.rule) {
            let _ = writeln!(out, "           Why: {}", finding.explanation);
        }
        let _ = writeln!(
            out,
            "           Rule: {} ({})",
            finding.rule, finding.source.title
        );
        if let Some(w) = &finding.waiver {
            let by = w.approved_by.as_deref().unwrap_or("nobody named");
            let _ = writeln!(out, "           Waived: {} (approved by {by})", w.reason);
        }
    }
    let s = &report.summary;
    let _ = writeln!(
        out,
        "\nSummary: {} to change, {} to review ({}, {}, {}; {} waived); \
         {} passed, {} not applicable, {} failed to run.",
        s.violations,
        s.needs_review,
        plural(s.error_findings, "error"),
        plural(s.warning_findings, "warning"),
        plural(s.info_findings, "note"),
        s.waived,
        plural(s.passes, "rule"),
        s.inapplicable,
        s.errors
    );
    if s.omitted > 0 {
        let _ = writeln!(
            out,
            "{} more findings are not listed: the report stops at its limit. Fix the ones above and check again.",
            s.omitted
        );
    }
    if report.passes_gate() {
        let _ = writeln!(out, "Approval gate: clear (no unwaived errors).");
    } else {
        let _ = writeln!(
            out,
            "Approval gate: blocked by {} to fix or waive with a reason.",
            plural(s.blocking, "error")
        );
    }
    let _ = writeln!(
        out,
        "\nFramework pillars (self-assessment scale, on evidence):"
    );
    for pillar in &report.pillars {
        let status = match pillar.status.level() {
            Some(level) => format!("{} ({})", level.label(), level.traffic_light()),
            None => pillar.status.label().to_lowercase(),
        };
        let _ = writeln!(out, "  {} {:<68} {status}", pillar.number, pillar.title);
    }
    let _ = writeln!(out, "\nFramework elements:");
    for element in &report.elements {
        let _ = writeln!(
            out,
            "  {} {}: {}",
            element.id,
            element.status.label(),
            element.reason
        );
    }
    out.push('\n');
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
