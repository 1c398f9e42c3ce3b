//! JSON Schemas for every input and output, generated from the Rust types.
//! The committed copies in `schemas/` are checked against these by a test.

use schemars::generate::SchemaSettings;
use schemars::schema_for;

use crate::model::Draft;
use crate::model::Report;
use crate::model::RulePack;

/// (file name, schema as pretty JSON) for each schema in `schemas/`.
pub fn all() -> Vec<(&'static str, String)> {
    let pretty = |schema: schemars::Schema| {
        let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
        text.push('\n');
        text
    };
    vec![
        ("draft.schema.json", pretty(schema_for!(Draft))),
        // Output types are described as serialised, so optional fields are not required.
        (
            "report.schema.json",
            pretty(
                SchemaSettings::default()
                    .for_serialize()
                    .into_generator()
                    .into_root_schema_for::<Report>(),
            ),
        ),
        ("rule-pack.schema.json", pretty(schema_for!(RulePack))),
    ]
}
