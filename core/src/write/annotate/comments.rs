//! word/comments.xml: dueregard's comments, each a few short paragraphs,
//! added after the comments people wrote.

use super::scan::escape;
use super::{AUTHOR, INITIALS};
use crate::model::{Finding, Report, Severity};
use crate::read::ReadError;

/// The comments part for a document that had none.
const NEW_PART: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n",
    "<w:comments xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"></w:comments>"
);

/// One comment element: `paragraphs` become the comment's paragraphs.
pub(super) fn comment_xml(id: u32, date: &str, paragraphs: &[String]) -> String {
    let mut xml =
        format!("<w:comment w:id=\"{id}\" w:author=\"{AUTHOR}\"{date} w:initials=\"{INITIALS}\">");
    for (i, text) in paragraphs.iter().enumerate() {
        xml.push_str("<w:p>");
        if i == 0 {
            xml.push_str("<w:r><w:annotationRef/></w:r>");
        }
        xml.push_str(&format!(
            "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            escape(&text.replace(['\n', '\t'], " "))
        ));
    }
    xml.push_str("</w:comment>");
    xml
}

/// Adds comment elements at the end of the comments part (a new one when
/// `existing` is `None`).
pub(super) fn append(existing: Option<&str>, comments: &str) -> Result<String, ReadError> {
    let part = existing.unwrap_or(NEW_PART);
    let cannot = |why: &str| ReadError::CannotAnnotate {
        part: "word/comments.xml".into(),
        why: why.into(),
    };
    if !part.contains("xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"")
        && !part.contains("xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"")
    {
        return Err(cannot("its root element does not bind the w: prefix"));
    }
    if let Some(at) = part.rfind("</w:comments>") {
        return Ok(format!("{}{comments}{}", &part[..at], &part[at..]));
    }
    // `<w:comments .../>`: no comments yet.
    let trimmed = part.trim_end();
    match trimmed.strip_suffix("/>") {
        Some(open) if open.rfind("<w:comments").is_some() => {
            Ok(format!("{}>{comments}</w:comments>", open.trim_end()))
        }
        _ => Err(cannot("its root element is not w:comments")),
    }
}

/// A finding's comment: what was found, what to write instead, the fix,
/// the framework elements and where the rule is documented.
pub(super) fn finding_text(
    finding: &Finding,
    report: &Report,
    tracked: bool,
    doc_base_url: &str,
) -> Vec<String> {
    let review = report.needs_review.iter().any(|f| std::ptr::eq(f, finding));
    let lead = match (review, finding.severity) {
        (true, _) => "To review",
        (false, Severity::Error) => "Error",
        (false, Severity::Warning) => "Warning",
        (false, Severity::Info) => "Note",
    };
    let mut paragraphs = vec![format!("{lead}: {}", finding.message)];
    match &finding.suggestions[..] {
        [] => {}
        [one] => paragraphs.push(format!("Suggestion: {one}")),
        many => paragraphs.push(format!(
            "Suggestions: {}",
            many.iter().take(3).cloned().collect::<Vec<_>>().join("; ")
        )),
    }
    if let Some(fix) = &finding.fix {
        paragraphs.push(if tracked {
            format!("{} (a tracked change: accept or reject it).", fix.title)
        } else {
            format!("Fix: {}.", fix.title)
        });
    }
    let elements: Vec<String> = finding
        .elements
        .iter()
        .map(|id| match report.elements.iter().find(|e| &e.id == id) {
            Some(element) => format!("{id} {}", element.title),
            None => id.clone(),
        })
        .collect();
    if !elements.is_empty() {
        paragraphs.push(format!("Framework: {}", elements.join("; ")));
    }
    paragraphs.push(format!(
        "Rule {} ({}): {doc_base_url}#{}",
        finding.rule, finding.name, finding.rule
    ));
    paragraphs
}
