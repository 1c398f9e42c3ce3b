//! Writing reports for other tools: SARIF 2.1.0 for code scanning and
//! review tools, baselines that let a gate fail only on new findings, and
//! the places in a source file that both, and the language server, point at.
//!
//! Everything here is a pure function of reports and source text: the
//! command does the reading and writing of files.

#[cfg(feature = "docx")]
pub mod annotate;
pub mod baseline;
mod json_places;
pub mod places;
pub mod sarif;

pub use baseline::{Baseline, BaselineEntry, BaselineError, GateSplit};
pub use places::{Place, SourcePlaces};
pub use sarif::{SarifArtifact, SarifBuilder, SarifOptions, sarif_log};
