//! `dueregard annotate`: the Word round trip. Reads IN.docx, writes OUT.docx
//! with the findings as comments and fixes as tracked changes, and prints
//! the report (text, or JSON with the comments written).

use std::io::Write;

use dueregard::write::annotate::{AnnotateOptions, AnnotateOutput, Fixes, annotate_docx};

use crate::Outcome;
use crate::args::{AnnotateArgs, FixesArg, OutputFormat};
use crate::check::{doc_base_url, engine};
use crate::files::{self, CappedReadError};
use crate::{text, today};

pub fn run(args: &AnnotateArgs) -> Result<Outcome, String> {
    let common = &args.common;
    let Some(output) = &common.output else {
        return Err(
            "no --output given; usage: dueregard annotate [--fixes none|safe|all] --output OUT.docx IN.docx".into(),
        );
    };
    if common.format == OutputFormat::Sarif {
        return Err(
            "annotate prints text or json; use dueregard check --format sarif for SARIF".into(),
        );
    }
    let engine = engine(common)?;
    let name = args.input.display().to_string();
    let bytes = files::read_capped(&args.input, engine.limits().max_bytes).map_err(|e| {
        format!(
            "{name}: {}",
            match e {
                CappedReadError::TooLarge => format!(
                    "the file is over the limit of {} bytes",
                    engine.limits().max_bytes
                ),
                CappedReadError::Io(e) => files::io_message(&e),
            }
        )
    })?;
    let options = AnnotateOptions {
        fixes: match args.fixes {
            FixesArg::None => Fixes::None,
            FixesArg::Safe => Fixes::Safe,
            FixesArg::All => Fixes::All,
        },
        kind: common.kind,
        as_of: common.as_of.clone(),
        title: args
            .input
            .file_stem()
            .and_then(|s| s.to_str())
            .map(str::to_owned),
        doc_base_url: Some(doc_base_url(common)),
    };
    let annotated = annotate_docx(&engine, &bytes, &options).map_err(|e| format!("{name}: {e}"))?;
    std::fs::write(output, &annotated.bytes).map_err(|e| {
        format!(
            "cannot write the annotated document to {}: {}",
            output.display(),
            files::io_message(&e)
        )
    })?;
    let printed = match common.format {
        OutputFormat::Json => {
            let out = AnnotateOutput {
                report: annotated.report.clone(),
                annotations: annotated.annotations.clone(),
            };
            serde_json::to_string(&out).unwrap_or_default() + "\n"
        }
        _ => {
            let read = files::ReadDraft {
                path: name.clone(),
                draft: annotated.draft.clone(),
                section_lines: None,
                format: dueregard::Format::Docx,
                recognition: None,
                source: String::new(),
            };
            let as_of = common.as_of.clone().unwrap_or_else(today::today);
            let mut out = text::render(&read, &annotated.report, &as_of);
            out.push_str(&format!(
                "Wrote {} with {} comment{} ({} tracked change{}).\n",
                output.display(),
                annotated.annotations.len(),
                if annotated.annotations.len() == 1 {
                    ""
                } else {
                    "s"
                },
                annotated
                    .annotations
                    .iter()
                    .filter(|a| a.tracked_change)
                    .count(),
                if annotated
                    .annotations
                    .iter()
                    .filter(|a| a.tracked_change)
                    .count()
                    == 1
                {
                    ""
                } else {
                    "s"
                },
            ));
            out
        }
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe means the reader has what it wants.
    let _ = stdout
        .write_all(printed.as_bytes())
        .and_then(|()| stdout.flush());
    Ok(if annotated.report.passes_gate() {
        Outcome::Clear
    } else {
        Outcome::Blocked
    })
}
