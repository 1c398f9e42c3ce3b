//! The `dueregard` command: checks policy drafts from the command line.
//!
//! All file reading and writing happens here; the library does no I/O.
//! Exit codes, for every subcommand: 0 ok, 1 an approval gate is blocked
//! (an unwaived error-severity violation), 2 bad input or usage.

mod annotate;
mod args;
mod check;
mod files;
mod json;
#[cfg(feature = "lsp")]
mod lsp;
mod organisation;
mod places;
mod text;
mod today;

use std::process::ExitCode;

use args::Command;

/// How a run ended, as the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// Every draft was read and none blocks an approval gate.
    Clear = 0,
    /// A draft has an unwaived error-severity violation.
    Blocked = 1,
    /// Bad input or usage; wins over a blocked gate.
    BadInput = 2,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> ExitCode {
        ExitCode::from(outcome as u8)
    }
}

fn main() -> ExitCode {
    let cli = match args::parse(std::env::args_os()) {
        Ok(cli) => cli,
        Err(exit) => return exit,
    };
    let result = match cli.command {
        Command::Check(check) => check::run(&check),
        Command::Annotate(annotate) => annotate::run(&annotate),
        #[cfg(feature = "lsp")]
        Command::Lsp(lsp) => lsp::run(&lsp),
        Command::Organisation(args) => organisation::run(&args),
    };
    match result {
        Ok(outcome) => outcome.into(),
        Err(message) => {
            eprintln!("dueregard: {message}");
            Outcome::BadInput.into()
        }
    }
}
