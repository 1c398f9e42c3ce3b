//! Checks shared by the fuzz targets: every report must hold together, not
//! just come back without a panic.

#![allow(dead_code)]

use dueregard::{Draft, Finding, Report};

/// A small draft with a few sections, used where a target needs one.
pub const SMALL_DRAFT: &str = r#"{
  "title": "Carers leave",
  "kind": "workforce_policy",
  "sections": [
    {"id": "purpose", "heading": "Purpose", "text": "This policy sets out leave for staff who care for someone."},
    {"id": "scope", "heading": "Scope", "text": "Leave to care for a husband or wife, or his/her children."},
    {"id": "contact", "heading": "Contact", "text": "Ask the chairman of the staff network."}
  ]
}"#;

/// Every span and fix edit points inside the text it names, on character
/// boundaries, and its UTF-16, code-point and line/column forms agree with
/// its byte offsets.
pub fn check_report(draft: &Draft, report: &Report) {
    let value = serde_json::to_value(draft).expect("a draft always serialises");
    for finding in report.violations.iter().chain(&report.needs_review) {
        check_finding(&value, finding);
    }
    // The report always serialises.
    let json = report.to_json();
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
}

fn text_at<'v>(value: &'v serde_json::Value, path: &str) -> Option<&'v str> {
    if path.is_empty() {
        return None;
    }
    value.pointer(path).and_then(|v| v.as_str())
}

fn check_finding(value: &serde_json::Value, finding: &Finding) {
    let location = &finding.location;
    if let Some(span) = &location.span {
        let text = text_at(value, &location.path).unwrap_or_else(|| {
            panic!(
                "{}: span given but {} is not a text of the draft",
                finding.rule, location.path
            )
        });
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "{}: span {span:?} outside text of {} bytes",
            finding.rule,
            text.len()
        );
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{}: span {span:?} not on char boundaries",
            finding.rule
        );
        let before = &text[..span.start];
        let inside = &text[span.start..span.end];
        assert_eq!(
            span.utf16_start,
            before.encode_utf16().count(),
            "{}: utf16_start",
            finding.rule
        );
        assert_eq!(
            span.utf16_end - span.utf16_start,
            inside.encode_utf16().count(),
            "{}: utf16_end",
            finding.rule
        );
        assert_eq!(
            span.char_start,
            before.chars().count(),
            "{}: char_start",
            finding.rule
        );
        assert_eq!(
            span.char_end - span.char_start,
            inside.chars().count(),
            "{}: char_end",
            finding.rule
        );
        // Lines end at LF, CRLF or a CR alone.
        let breaks: Vec<usize> = before
            .char_indices()
            .filter(|&(i, c)| c == '\n' || (c == '\r' && !text[i + 1..].starts_with('\n')))
            .map(|(i, _)| i + 1)
            .collect();
        let line = 1 + breaks.len();
        assert_eq!(span.line, line, "{}: line", finding.rule);
        let line_start = breaks.last().copied().unwrap_or(0);
        assert_eq!(
            span.column,
            1 + text[line_start..span.start].chars().count(),
            "{}: column",
            finding.rule
        );
    }
    if let Some(fix) = &finding.fix {
        for edit in &fix.edits {
            let text = text_at(value, &edit.path).unwrap_or_else(|| {
                panic!(
                    "{}: edit on {} which is not a text of the draft",
                    finding.rule, edit.path
                )
            });
            assert!(
                edit.start <= edit.end && edit.end <= text.len(),
                "{}: edit outside text",
                finding.rule
            );
            assert!(
                text.is_char_boundary(edit.start) && text.is_char_boundary(edit.end),
                "{}: edit not on char boundaries",
                finding.rule
            );
            assert_eq!(
                edit.utf16_start,
                text[..edit.start].encode_utf16().count(),
                "{}: edit utf16_start",
                finding.rule
            );
            assert_eq!(
                edit.utf16_end,
                text[..edit.end].encode_utf16().count(),
                "{}: edit utf16_end",
                finding.rule
            );
        }
    }
}
