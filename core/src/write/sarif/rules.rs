//! The pack's rules as SARIF reporting descriptors, with help text and
//! absolute documentation links.

use serde_json::json;

use super::log::{MultiformatMessage, PropertyBag, ReportingConfiguration, ReportingDescriptor};
use super::{SarifOptions, help_url};
use crate::model::{Finding, Severity};
use crate::rules::RuleMeta;

pub(super) fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

pub(super) fn descriptor(meta: &RuleMeta, options: &SarifOptions<'_>) -> ReportingDescriptor {
    let help_uri = help_url(&options.doc_base_url, &meta.id);
    let elements = meta.elements.join(", ");
    let text = format!(
        "{}\n\nSource: {} ({}).\nFramework elements: {elements}.\nDocumentation: {help_uri}",
        meta.rationale, meta.source.title, meta.source.url
    );
    let markdown = format!(
        "{}\n\nSource: [{}]({}).\n\nFramework elements: {elements}.\n\n[Documentation]({help_uri})",
        meta.rationale, meta.source.title, meta.source.url
    );
    // Tags must be unique; the family is often a tag already.
    let mut tags: Vec<String> = Vec::new();
    for tag in ["dueregard", meta.family.as_str()]
        .into_iter()
        .chain(meta.tags.iter().map(String::as_str))
    {
        if !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_owned());
        }
    }
    let properties = PropertyBag::from([
        ("tags".into(), json!(tags)),
        ("family".into(), json!(meta.family.as_str())),
        ("elements".into(), json!(meta.elements)),
        ("advisory".into(), json!(meta.advisory)),
        (
            "precision".into(),
            json!(if meta.advisory { "medium" } else { "high" }),
        ),
    ]);
    ReportingDescriptor {
        id: meta.id.clone(),
        name: pascal_case(&meta.id),
        short_description: MultiformatMessage {
            text: sentence(&meta.name),
            markdown: None,
        },
        full_description: MultiformatMessage {
            text: sentence(&meta.rationale),
            markdown: None,
        },
        help: MultiformatMessage {
            text,
            markdown: Some(markdown),
        },
        help_uri,
        default_configuration: ReportingConfiguration {
            level: if meta.advisory {
                "note"
            } else {
                level(meta.severity)
            },
        },
        properties,
    }
}

/// For a finding whose rule the caller did not list (a report from another pack).
pub(super) fn descriptor_from_finding(
    finding: &Finding,
    options: &SarifOptions<'_>,
) -> ReportingDescriptor {
    let help_uri = help_url(&options.doc_base_url, &finding.rule);
    ReportingDescriptor {
        id: finding.rule.to_string(),
        name: pascal_case(&finding.rule),
        short_description: MultiformatMessage {
            text: sentence(&finding.name),
            markdown: None,
        },
        full_description: MultiformatMessage {
            text: sentence(&finding.explanation),
            markdown: None,
        },
        help: MultiformatMessage {
            text: format!("{}\n\nDocumentation: {help_uri}", finding.explanation),
            markdown: None,
        },
        help_uri,
        default_configuration: ReportingConfiguration {
            level: level(finding.severity),
        },
        properties: PropertyBag::from([
            ("tags".into(), json!(["dueregard"])),
            ("elements".into(), json!(finding.elements)),
        ]),
    }
}

/// SARIF asks for messages that end with a full stop.
pub(super) fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '!', '?']) || text.is_empty() {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

/// `term-trans-outdated` -> `TermTransOutdated`: SARIF's rule `name` is an identifier.
fn pascal_case(id: &str) -> String {
    id.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_sentences() {
        assert_eq!(pascal_case("term-trans-outdated"), "TermTransOutdated");
        assert_eq!(sentence("Done"), "Done.");
        assert_eq!(sentence("Done?"), "Done?");
    }
}
