//! The command line: subcommands, the option set every subcommand shares, and
//! errors from the parser turned into one line on stderr.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{Args, Parser, Subcommand, ValueEnum};
use dueregard::{Date, DraftKind};

use crate::Outcome;

const ABOUT: &str = "Checks health and care policy drafts against the NHS Confederation's \
Health and Care LGBTQ+ Inclusion Framework and what an equality impact assessment needs.";

const AFTER_HELP: &str = "`dueregard FILE...` is short for `dueregard check FILE...`.\n\
Exit codes: 0 ok, 1 an approval gate is blocked (an unwaived error-severity violation), \
2 bad input or usage (one line on stderr per problem).";

const CHECK_AFTER_HELP: &str = "\
FILE is a draft as .json (schemas/draft.schema.json), or text as .md, .markdown or .txt.\n\
--format sarif writes one SARIF 2.1.0 log for all the files, for code scanning and review tools.\n\
--baseline reports every finding but fails the gate only on findings not in the baseline,\n\
matched by file path and fingerprint; --write-baseline records this run's findings as one.\n\
To check a folder, pass --recursive, or let the shell list the files (drafts/*.json).\n\
--format json prints an array of {\"path\": FILE, \"report\": REPORT}, one entry per draft read,\n\
however many files were named (schemas/check-output.schema.json).\n\
A file that cannot be read is named on stderr and the others are still checked (exit 2).\n\
Exit codes: 0 ok, 1 an approval gate is blocked, 2 bad input or usage.";

#[derive(Debug, Parser)]
#[command(name = "dueregard", version, about = ABOUT, after_help = AFTER_HELP)]
#[command(override_usage = "dueregard [check] [OPTIONS] FILE...\n       dueregard <COMMAND>")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

const ORGANISATION_AFTER_HELP: &str = "\
Checks every FILE and writes the organisation's view across them: each of the framework's 17\n\
elements from the evidence in all the documents (which show it, which contradict it, the gaps\n\
to act on), the progress checklist, a waiver register and documents past their review date.\n\
--format: text, json (schemas/organisation-report.schema.json), html (one accessible page),\n\
xlsx (a workbook: checklist, findings, waiver register; needs --output), csv (the checklist).\n\
--self-assessment FILE: JSON (schemas/self-assessment.schema.json) or CSV with the columns\n\
element, claimed, note; each claim the documents contradict is named.\n\
--previous FILE: an earlier `organisation --format json` report; gives progress per element.\n\
Exit codes: 0 ok, 1 a document blocks an approval gate, 2 bad input or usage.";

/// The subcommands. Each flattens [`CommonArgs`], so options mean the same
/// everywhere; annotated copies and a language server are to join them here.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check drafts and print a report for each (the default subcommand).
    #[command(after_help = CHECK_AFTER_HELP)]
    Check(CheckArgs),
    /// Write a copy of a Word document with the findings as comments and fixes as tracked changes.
    #[command(after_help = ANNOTATE_AFTER_HELP)]
    Annotate(AnnotateArgs),
    /// Run the language server on standard input and output, for editors.
    #[cfg(feature = "lsp")]
    #[command(after_help = LSP_AFTER_HELP)]
    Lsp(LspArgs),
    /// The organisation's view across a set of documents, against the framework.
    #[command(after_help = ORGANISATION_AFTER_HELP)]
    Organisation(OrganisationArgs),
}

#[cfg(feature = "lsp")]
const LSP_AFTER_HELP: &str = "\
Speaks the Language Server Protocol over standard input and output: diagnostics for Markdown\n\
and plain text as they are edited, and quick fixes. Editors start it; see the README for\n\
VS Code and Neovim. The editor's settings (initializationOptions, or workspace/configuration\n\
section \"dueregard\") may set \"rulePack\" and \"docBaseUrl\", overriding these options.";

impl Command {
    /// Every subcommand's name, to tell `dueregard FILE` from `dueregard SUBCOMMAND`.
    const NAMES: &'static [&'static str] = &["annotate", "check", "organisation", "help", "lsp"];
}

/// Options every subcommand takes.
#[derive(Debug, Clone, Args)]
pub struct CommonArgs {
    /// How to print: text for a person, json for a pipeline; `organisation` also writes html, xlsx and csv.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,

    /// Use this rule pack (schemas/rule-pack.schema.json; at most 2 MiB) instead of the built-in en-GB pack.
    #[arg(long, value_name = "PACK.json")]
    pub rule_pack: Option<PathBuf>,

    /// Check every draft as this kind (e.g. workforce_policy, patient_information), whatever its file says; an unknown kind lists them all.
    #[arg(long, value_name = "KIND", value_parser = parse_kind)]
    pub kind: Option<DraftKind>,

    /// The date to judge dates against [default: today]: a review date before it is a finding (eia-sign-off-review). Printed in the text report.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<Date>,

    /// Write the output to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Where the rule documentation is, for links in SARIF output: a rule's link is URL#RULE-ID [default: docs/rules.md in the repository].
    #[arg(long, value_name = "URL")]
    pub doc_base_url: Option<String>,
}

/// The output formats. `check` writes text and json; `organisation` all five.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
    /// One SARIF 2.1.0 log for every file checked.
    Sarif,
    Html,
    Xlsx,
    Csv,
}

/// The `check` subcommand's arguments.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    /// Check the drafts in each folder named and its subfolders (.json, .md, .markdown, .txt; other files and hidden entries are skipped).
    #[arg(long, short = 'r')]
    pub recursive: bool,

    /// Findings accepted earlier (a file from --write-baseline, or earlier --format json output): every finding is still reported, but only findings not in it block the gate.
    #[arg(long, value_name = "PATH")]
    pub baseline: Option<PathBuf>,

    /// Write every finding of this run to PATH as a baseline (schemas/baseline.schema.json).
    #[arg(long, value_name = "PATH")]
    pub write_baseline: Option<PathBuf>,

    /// The drafts to check (and folders, with --recursive).
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

const ANNOTATE_AFTER_HELP: &str = "\
Usage: dueregard annotate [--fixes none|safe|all] [OPTIONS] --output OUT.docx IN.docx\n\
IN.docx is read and checked as `dueregard check` does; OUT.docx is the same document with one\n\
Word comment per finding (author \"dueregard\") anchored on its words, a summary comment on the\n\
title, and fixes as tracked changes (--fixes). Waived findings get no comment. Comments and\n\
tracked changes by people are kept; dueregard's own from an earlier run are replaced, so\n\
annotating twice gives the same file. --as-of dates the comments and changes (else undated).\n\
Prints the report as text, or with --format json the report and the comments written\n\
(schemas/annotate-output.schema.json).\n\
Exit codes: 0 ok, 1 an approval gate is blocked, 2 bad input or usage.";

/// The `annotate` subcommand's arguments.
#[derive(Debug, Clone, Args)]
pub struct AnnotateArgs {
    /// The shared options; --output (required) names the annotated .docx, and the report goes to standard output.
    #[command(flatten)]
    pub common: CommonArgs,

    /// Which fixes become tracked changes: none (comments only), safe (meaning kept), or all (safe and unsafe).
    #[arg(long, value_enum, default_value_t = FixesArg::Safe)]
    pub fixes: FixesArg,

    /// The Word document to annotate.
    #[arg(value_name = "IN.docx")]
    pub input: PathBuf,
}

/// `--fixes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FixesArg {
    None,
    Safe,
    All,
}

/// The `lsp` subcommand's arguments.
#[cfg(feature = "lsp")]
#[derive(Debug, Clone, Args)]
pub struct LspArgs {
    /// Use this rule pack instead of the built-in en-GB pack, unless the editor's settings name one.
    #[arg(long, value_name = "PACK.json")]
    pub rule_pack: Option<PathBuf>,

    /// Where the rule documentation is, for each diagnostic's link: a rule's link is URL#RULE-ID.
    #[arg(long, value_name = "URL")]
    pub doc_base_url: Option<String>,
}

/// The `organisation` subcommand's arguments.
#[derive(Debug, Clone, Args)]
pub struct OrganisationArgs {
    #[command(flatten)]
    pub common: CommonArgs,

    /// Read the drafts in each folder named and its subfolders, as `check --recursive` does.
    #[arg(long, short = 'r')]
    pub recursive: bool,

    /// The organisation's own self-assessment to cross-check (JSON, or CSV with columns element, claimed, note).
    #[arg(long, value_name = "FILE")]
    pub self_assessment: Option<PathBuf>,

    /// An earlier organisation report (JSON) to measure progress against.
    #[arg(long, value_name = "FILE")]
    pub previous: Option<PathBuf>,

    /// Leave document text (messages, excerpts, waiver reasons) and names (documents, approvers) out.
    #[arg(long)]
    pub no_excerpts: bool,

    /// The documents (and folders, with --recursive).
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// Parses the command line. On `--help` or `--version` prints them and
/// returns exit code 0; on a usage error prints one line and returns 2.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Cli, ExitCode> {
    Cli::try_parse_from(with_default_subcommand(args)).map_err(|error| match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // Standard output closed early is not worth reporting.
            let _ = error.print();
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("dueregard: {}", one_line(&error.render().to_string()));
            Outcome::BadInput.into()
        }
    })
}

/// `dueregard FILE...` means `dueregard check FILE...`: put `check` in unless
/// the first argument is a subcommand or asks for help or the version.
fn with_default_subcommand(args: impl IntoIterator<Item = OsString>) -> Vec<OsString> {
    let mut args: Vec<OsString> = args.into_iter().collect();
    let first = args.get(1).and_then(|a| a.to_str());
    let explicit = first.is_some_and(|a| {
        Command::NAMES.contains(&a) || matches!(a, "-h" | "--help" | "-V" | "--version")
    });
    if !explicit {
        args.insert(1.min(args.len()), OsString::from("check"));
    }
    args
}

/// The parser's message in one line: its lines joined, without the hint to
/// try `--help` (said once, at the end) or blank lines.
fn one_line(rendered: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    for line in rendered.lines().map(str::trim) {
        if line.is_empty() || line.starts_with("For more information") {
            continue;
        }
        let line = line.strip_prefix("error: ").unwrap_or(line);
        match parts.last_mut() {
            // "[possible values: text, json]" belongs to the line before it.
            Some(last) if line.starts_with('[') => {
                last.push(' ');
                last.push_str(line);
            }
            _ => parts.push(line.to_owned()),
        }
    }
    parts.push("see dueregard --help".into());
    parts.join("; ")
}

fn parse_kind(text: &str) -> Result<DraftKind, String> {
    // The draft model's own names, so this list cannot fall out of date.
    serde_json::from_value(serde_json::Value::String(text.to_owned())).map_err(|e| {
        let known = e.to_string();
        let known = known
            .split_once("expected one of ")
            .map_or(known.as_str(), |(_, names)| names);
        format!("not a kind of draft; use one of {}", known.replace('`', ""))
    })
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn files_without_a_subcommand_are_checked() {
        assert_eq!(
            with_default_subcommand(os(&["dueregard", "a.json"])),
            os(&["dueregard", "check", "a.json"])
        );
        assert_eq!(
            with_default_subcommand(os(&["dueregard", "--format", "json", "a.json"])),
            os(&["dueregard", "check", "--format", "json", "a.json"])
        );
        assert_eq!(
            with_default_subcommand(os(&["dueregard", "check", "a.json"])),
            os(&["dueregard", "check", "a.json"])
        );
        assert_eq!(
            with_default_subcommand(os(&["dueregard", "--help"])),
            os(&["dueregard", "--help"])
        );
    }

    #[test]
    fn every_option_parses_into_the_shared_set() {
        let cli = Cli::try_parse_from(os(&[
            "dueregard",
            "check",
            "--format",
            "json",
            "--kind",
            "clinical_policy",
            "--as-of",
            "2026-01-31",
            "--rule-pack",
            "p.json",
            "-o",
            "out.json",
            "-r",
            "a",
        ]))
        .unwrap();
        let Command::Check(check) = cli.command else {
            panic!("parsed as another subcommand");
        };
        assert_eq!(check.common.format, OutputFormat::Json);
        assert_eq!(check.common.kind, Some(DraftKind::ClinicalPolicy));
        assert_eq!(check.common.as_of.unwrap().as_str(), "2026-01-31");
        assert_eq!(check.common.rule_pack, Some(PathBuf::from("p.json")));
        assert_eq!(check.common.output, Some(PathBuf::from("out.json")));
        assert!(check.recursive);
        assert_eq!(check.files, vec![PathBuf::from("a")]);
    }

    #[test]
    fn organisation_takes_the_shared_options_and_its_own() {
        let cli = Cli::try_parse_from(os(&[
            "dueregard",
            "organisation",
            "--format",
            "xlsx",
            "--as-of",
            "2026-11-30",
            "--self-assessment",
            "claims.csv",
            "--previous",
            "before.json",
            "--no-excerpts",
            "-o",
            "out.xlsx",
            "a.json",
            "b.md",
        ]))
        .unwrap();
        let Command::Organisation(org) = cli.command else {
            panic!("not parsed as organisation");
        };
        assert_eq!(org.common.format, OutputFormat::Xlsx);
        assert_eq!(org.self_assessment, Some(PathBuf::from("claims.csv")));
        assert_eq!(org.previous, Some(PathBuf::from("before.json")));
        assert!(org.no_excerpts);
        assert_eq!(org.files.len(), 2);
        assert_eq!(
            with_default_subcommand(os(&["dueregard", "organisation", "a.json"])),
            os(&["dueregard", "organisation", "a.json"])
        );
    }

    #[test]
    fn an_unknown_kind_lists_the_known_ones() {
        let message = parse_kind("policy").unwrap_err();
        assert!(message.contains("workforce_policy"), "{message}");
        assert!(message.contains("partnership_agreement"), "{message}");
        assert!(!message.contains('`'), "{message}");
    }

    #[test]
    fn parser_messages_become_one_line() {
        let rendered = "error: invalid value 'xml' for '--format <FORMAT>'\n  [possible values: text, json]\n\nFor more information, try '--help'.\n";
        assert_eq!(
            one_line(rendered),
            "invalid value 'xml' for '--format <FORMAT>' [possible values: text, json]; see dueregard --help"
        );
    }
}
