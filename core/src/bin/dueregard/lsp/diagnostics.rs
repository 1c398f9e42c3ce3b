//! Findings as diagnostics, and their fixes as code actions.

use std::collections::HashMap;
use std::str::FromStr;

use dueregard::framework;
use dueregard::write::SourcePlaces;
use dueregard::write::sarif::help_url;
use dueregard::{Applicability, Finding, Report, Severity};
use lsp_types::{
    CodeAction, CodeActionKind, CodeDescription, Diagnostic, DiagnosticRelatedInformation,
    DiagnosticSeverity, Location, NumberOrString, Position, Range, TextEdit, Uri, WorkspaceEdit,
};
use serde_json::json;

use super::document::Document;
use super::encoding::{Encoding, Lines};

/// What every diagnostic's `source` says.
const SOURCE: &str = "dueregard";

/// One diagnostic per finding; a document that cannot be read gets one
/// diagnostic saying why.
pub fn diagnostics(
    document: &Document,
    report: Option<&Report>,
    encoding: Encoding,
    doc_base_url: &str,
) -> Vec<Diagnostic> {
    if let Some(problem) = &document.problem {
        return vec![Diagnostic {
            range: Range::default(),
            severity: Some(DiagnosticSeverity::ERROR),
            source: Some(SOURCE.into()),
            message: format!("dueregard cannot check this document: {problem}"),
            ..Diagnostic::default()
        }];
    }
    let Some(report) = report else {
        return Vec::new();
    };
    let places = SourcePlaces::new(document.format, &document.text);
    let lines = Lines::new(&document.text);
    findings(report)
        .map(|(finding, review)| {
            let place = places.locate(&finding.location);
            let range = Range::new(
                lines.position(place.start, encoding),
                lines.position(place.end, encoding),
            );
            diagnostic(finding, review, range, &document.uri, doc_base_url)
        })
        .collect()
}

/// Every finding, and whether it is one to review.
fn findings(report: &Report) -> impl Iterator<Item = (&Finding, bool)> {
    let violations = report.violations.iter().map(|f| (f, false));
    violations.chain(report.needs_review.iter().map(|f| (f, true)))
}

fn diagnostic(
    finding: &Finding,
    review: bool,
    range: Range,
    uri: &Uri,
    doc_base_url: &str,
) -> Diagnostic {
    let severity = match (&finding.waiver, review, finding.severity) {
        (Some(_), _, _) => DiagnosticSeverity::HINT,
        (None, true, _) | (None, false, Severity::Info) => DiagnosticSeverity::INFORMATION,
        (None, false, Severity::Warning) => DiagnosticSeverity::WARNING,
        (None, false, Severity::Error) => DiagnosticSeverity::ERROR,
    };
    let mut message = finding.message.to_string();
    if review {
        message.push_str(" (for a person to judge)");
    }
    if !finding.suggestions.is_empty() {
        message.push_str(&format!("\nConsider: {}", finding.suggestions.join("; ")));
    }
    if let Some(waiver) = &finding.waiver {
        message = format!("Waived ({}): {message}", waiver.reason);
    }
    // Each framework element the rule serves, named where the finding is.
    let related = finding
        .elements
        .iter()
        .map(|id| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), range),
            message: match framework::element(id) {
                Some(element) => format!("Framework element {id}: {}", element.title),
                None => format!("Framework element {id}"),
            },
        })
        .collect::<Vec<_>>();
    Diagnostic {
        range,
        severity: Some(severity),
        code: Some(NumberOrString::String(finding.rule.to_string())),
        code_description: Uri::from_str(&help_url(doc_base_url, &finding.rule))
            .ok()
            .map(|href| CodeDescription { href }),
        source: Some(SOURCE.into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: Some(json!({ "fingerprint": finding.fingerprint })),
    }
}

/// Quick fixes for the findings whose range meets `range`: a safe fix is the
/// preferred one; a fix a person should read is offered, not preferred.
pub fn code_actions(
    document: &Document,
    report: &Report,
    range: Range,
    encoding: Encoding,
    doc_base_url: &str,
) -> Vec<CodeAction> {
    let places = SourcePlaces::new(document.format, &document.text);
    let lines = Lines::new(&document.text);
    let to_range = |start: usize, end: usize| {
        Range::new(
            lines.position(start, encoding),
            lines.position(end, encoding),
        )
    };
    let mut actions = Vec::new();
    for (finding, review) in findings(report) {
        let Some(fix) = &finding.fix else { continue };
        if !matches!(
            fix.applicability,
            Applicability::Safe | Applicability::Unsafe
        ) {
            continue;
        }
        let place = places.locate(&finding.location);
        let found = to_range(place.start, place.end);
        if !overlaps(found, range) {
            continue;
        }
        let edits: Option<Vec<TextEdit>> = fix
            .edits
            .iter()
            .map(|edit| {
                let (place, text) = places.locate_edit(edit)?;
                Some(TextEdit::new(to_range(place.start, place.end), text))
            })
            .collect();
        let Some(edits) = edits else { continue };
        let diagnostic = diagnostic(finding, review, found, &document.uri, doc_base_url);
        actions.push(CodeAction {
            title: fix.title.clone(),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic]),
            edit: Some(WorkspaceEdit {
                changes: Some(HashMap::from([(document.uri.clone(), edits)])),
                ..WorkspaceEdit::default()
            }),
            is_preferred: Some(fix.applicability == Applicability::Safe),
            ..CodeAction::default()
        });
    }
    actions
}

/// Whether two ranges share a position (touching counts, so a cursor at
/// either end of a word gets its fix).
fn overlaps(a: Range, b: Range) -> bool {
    let before = |x: Position, y: Position| (x.line, x.character) < (y.line, y.character);
    !before(a.end, b.start) && !before(b.end, a.start)
}
