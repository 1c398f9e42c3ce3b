//! JSON Schemas for every input and output, generated from the Rust types.
//! The committed copies in `schemas/` are checked against these by a test.

use schemars::generate::SchemaSettings;
use schemars::schema_for;

use crate::model::Draft;
use crate::model::RulePack;
use crate::model::{DocumentReport, Report, ReportDiff};
use crate::organisation::{Claim, OrganisationInput, OrganisationReport};
use crate::write::Baseline;

/// (file name, schema as pretty JSON) for each schema in `schemas/`.
pub fn all() -> Vec<(&'static str, String)> {
    let pretty = |schema: schemars::Schema| {
        let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
        text.push('\n');
        text
    };
    // Output types are described as serialised, so optional fields are not required.
    let output = || SchemaSettings::default().for_serialize().into_generator();
    vec![
        ("baseline.schema.json", pretty(schema_for!(Baseline))),
        ("draft.schema.json", pretty(schema_for!(Draft))),
        (
            "report.schema.json",
            pretty(output().into_root_schema_for::<Report>()),
        ),
        // What a session's `update_section_diff` returns (wasm `updateDiff`).
        (
            "report-diff.schema.json",
            pretty(output().into_root_schema_for::<ReportDiff>()),
        ),
        (
            "check-output.schema.json",
            pretty(output().into_root_schema_for::<Vec<DocumentReport>>()),
        ),
        ("rule-pack.schema.json", pretty(schema_for!(RulePack))),
        (
            "organisation-report.schema.json",
            pretty(output().into_root_schema_for::<OrganisationReport>()),
        ),
        // The JSON form of a self-assessment (CSV has the same three columns).
        (
            "self-assessment.schema.json",
            pretty(schema_for!(Vec<Claim>)),
        ),
        // What json_api::organisation and the Python binding take: reports
        // with document names, and the options.
        (
            "organisation-input.schema.json",
            pretty(schema_for!(OrganisationInput)),
        ),
        #[cfg(feature = "docx")]
        (
            "annotate-options.schema.json",
            pretty(schema_for!(crate::write::annotate::AnnotateOptions)),
        ),
        #[cfg(feature = "docx")]
        (
            "annotate-output.schema.json",
            pretty(output().into_root_schema_for::<crate::write::annotate::AnnotateOutput>()),
        ),
    ]
}
