//! Where each part of a recognised draft came from in the document, and the
//! `location.place` each finding gets from it: "table 2 › row 5" for a
//! table row, "paragraph 12, character 41" for words in a Word paragraph,
//! "line 40, column 7" for words in an HTML page (the words themselves, found
//! by walking the page's source from the element they were read from).
//!
//! Everything here is read from the recognition's own record of where text
//! came from ([`super::SectionOrigins`], which the Word annotate writer
//! anchors its comments by too) and its pointer → place map.

use super::{Recognition, TextOrigin};
use crate::model::{Draft, Report};
use crate::read::document::Source;

impl Recognition {
    /// The place of a finding at `pointer` with a span starting at byte
    /// `span_start` of the text there: the words themselves where they can
    /// be found, else the nearest part of the draft that was placed
    /// ("/eia/groups/3/evidence" is placed at "/eia/groups/3").
    pub fn place(&self, pointer: &str, span_start: Option<usize>) -> Option<String> {
        if let Some(found) = span_start.and_then(|start| self.words_place(pointer, start)) {
            return Some(found);
        }
        let mut pointer = pointer;
        loop {
            if let Some(place) = self.places.get(pointer) {
                return Some(place.clone());
            }
            match pointer.rfind('/') {
                Some(i) if i > 0 => pointer = &pointer[..i],
                _ => return None,
            }
        }
    }

    /// For a span in a section's heading or text: the place of those words.
    fn words_place(&self, pointer: &str, start: usize) -> Option<String> {
        let (source, before) = self.words_source(pointer, start)?;
        Some(match source {
            Source::Docx(place) => {
                format!(
                    "{}, character {}",
                    place.describe(),
                    before.chars().count() + 1
                )
            }
            Source::Html(place) => {
                let html = self.html_page.as_deref()?;
                let offset = html_offset(html, place.offset, &before)?;
                let (line, column) = line_column(html, offset);
                format!("line {line}, column {column}")
            }
        })
    }

    /// Where the text at byte `start` of a section's heading or text, or
    /// of a field's label, was read from, and the text read from there
    /// before it.
    fn words_source(&self, pointer: &str, start: usize) -> Option<(&Source, String)> {
        if let Some(index) = field_label(pointer) {
            let label = &self.draft.fields.get(index)?.label;
            let origins = self.label_origins.get(&index)?;
            // Words before the first stretch (the heading a label is read
            // under) were not read from the label's cell.
            if origins.first()?.start > start {
                return None;
            }
            return stretch_source(label, origins, start);
        }
        let (index, part) = section_part(pointer)?;
        let section = self.draft.sections.get(index)?;
        let origins = self.origins.get(index)?;
        match part {
            "heading" => Some((
                origins.heading.as_ref()?,
                section.heading.get(..start)?.to_owned(),
            )),
            "text" => stretch_source(&section.text, &origins.text, start),
            _ => None,
        }
    }

    /// The text a finding's span is in (a section's text or a field's
    /// label, as `draft` has it) and the stretches it was read in, for
    /// tracing its words into the document.
    pub fn traced_text<'a>(
        &'a self,
        draft: &'a Draft,
        pointer: &str,
    ) -> Option<(&'a str, &'a [TextOrigin])> {
        if let Some(index) = field_label(pointer) {
            let origins = self.label_origins.get(&index)?;
            return Some((draft.fields.get(index)?.label.as_str(), origins));
        }
        match section_part(pointer)? {
            (index, "text") => Some((
                draft.sections.get(index)?.text.as_str(),
                &self.origins.get(index)?.text,
            )),
            _ => None,
        }
    }

    /// For an HTML page: the byte range in the page of a finding at
    /// `pointer` with `span` (bytes of the text there), and whether it is
    /// the finding's own words (else the start of the element it was read
    /// from, or `None` when nothing was placed).
    pub fn html_range(
        &self,
        pointer: &str,
        span: Option<(usize, usize)>,
    ) -> Option<(usize, usize, bool)> {
        let html = self.html_page.as_deref()?;
        if let Some((start, end)) = span
            && let Some((Source::Html(place), before)) = self.words_source(pointer, start)
            && let Some(words) = text_at(&self.draft, pointer).and_then(|t| t.get(start..end))
            && let Some(start) = html_offset(html, place.offset, &before)
            && let Some(end) = html_walk(html, place.offset, &(before + words))
        {
            return Some((start, end.max(start), true));
        }
        // "line 12, column 5" or "line 12, column 5 (caption)": the element.
        let place = self.place(pointer, None)?;
        let (line, rest) = place.strip_prefix("line ")?.split_once(", column ")?;
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let offset = byte_offset(html, line.parse().ok()?, rest[..digits].parse().ok()?)?;
        Some((offset, offset, false))
    }
}

/// Sets `location.place` on each finding in `report`: its words' place for
/// a finding in a section's heading or text, else that of the nearest part
/// of the draft it points into.
pub fn apply_places(recognition: &Recognition, report: &mut Report) {
    for finding in report
        .violations
        .iter_mut()
        .chain(report.needs_review.iter_mut())
    {
        let location = &finding.location;
        let start = location.span.map(|s| s.start);
        finding.location.place = recognition.place(&location.path, start);
    }
}

/// The section and part ("heading" or "text") a pointer names.
fn section_part(pointer: &str) -> Option<(usize, &str)> {
    let mut tokens = pointer.split('/').skip(1);
    let (Some("sections"), Some(index), Some(part), None) =
        (tokens.next(), tokens.next(), tokens.next(), tokens.next())
    else {
        return None;
    };
    Some((index.parse().ok()?, part))
}

/// The field a "/fields/3/label" pointer names.
fn field_label(pointer: &str) -> Option<usize> {
    let mut tokens = pointer.split('/').skip(1);
    match (tokens.next(), tokens.next(), tokens.next(), tokens.next()) {
        (Some("fields"), Some(index), Some("label"), None) => index.parse().ok(),
        _ => None,
    }
}

/// Where byte `start` of a text read in `stretches` came from, and the
/// text read from there before it.
fn stretch_source<'r>(
    text: &str,
    stretches: &'r [TextOrigin],
    start: usize,
) -> Option<(&'r Source, String)> {
    let i = stretch_at(text, stretches, start)?;
    let here = &stretches[i];
    // A paragraph read as several stretches (a table cell's lines): the
    // earlier lines were read before this one.
    let first = stretches[..i]
        .iter()
        .rposition(|s| s.source != here.source || s.offset >= here.offset)
        .map_or(0, |j| j + 1);
    let mut before = String::new();
    for line in &stretches[first..i] {
        before.push_str(text.get(line.start..line.end)?);
        before.push('\n');
    }
    before.push_str(text.get(here.start.min(start)..start)?);
    Some((&here.source, before))
}

/// The heading or text of a section, or the label of a field, a pointer names.
fn text_at<'d>(draft: &'d Draft, pointer: &str) -> Option<&'d str> {
    if let Some(index) = field_label(pointer) {
        return Some(&draft.fields.get(index)?.label);
    }
    let (index, part) = section_part(pointer)?;
    let section = draft.sections.get(index)?;
    match part {
        "heading" => Some(&section.heading),
        "text" => Some(&section.text),
        _ => None,
    }
}

/// The stretch a byte of a section's text belongs to: the last one starting
/// at or before it on its line (a separator after a stretch belongs to it),
/// else the first on its line (a list item's dash belongs to its text).
fn stretch_at(text: &str, stretches: &[TextOrigin], at: usize) -> Option<usize> {
    let i = stretches.partition_point(|s| s.start <= at);
    if let Some(previous) = i.checked_sub(1).map(|j| &stretches[j])
        && !text.get(previous.end.min(at)..at)?.contains('\n')
    {
        return Some(i - 1);
    }
    let next = stretches.get(i)?;
    (!text.get(at..next.start)?.contains('\n')).then_some(i)
}

/// The byte offset in `html` of the character just after `read`, the text
/// read from the element starting at `element`: walks the source, skipping
/// tags, comments and white space, and taking an entity as one character.
/// `None` when the source does not match what was read (the reader
/// normalised something), so the element's own place is used instead.
fn html_offset(html: &str, element: usize, read: &str) -> Option<usize> {
    skip_markup(html, html_walk(html, element, read)?)
}

/// As [`html_offset`], but just after the last character of `read` (before
/// any markup or white space that follows it).
fn html_walk(html: &str, element: usize, read: &str) -> Option<usize> {
    let mut at = skip_markup(html, element)?;
    for wanted in read.chars().filter(|c| !c.is_whitespace()) {
        at = skip_markup(html, at)?;
        let rest = html.get(at..)?;
        let got = rest.chars().next()?;
        if got == '&' {
            let end = rest.get(..rest.len().min(34))?.find(';')?;
            at += end + 1;
        } else if got == wanted || (is_symbol(got) && is_symbol(wanted)) {
            at += got.len_utf8();
        } else {
            return None;
        }
    }
    Some(at)
}

/// Past any tags, comments and white space (no-break spaces written as
/// entities too) from `at`.
fn skip_markup(html: &str, mut at: usize) -> Option<usize> {
    loop {
        let rest = html.get(at..)?;
        let trimmed = rest.trim_start();
        at += rest.len() - trimmed.len();
        if let Some(space) = ["&nbsp;", "&#160;", "&#xa0;"].iter().find(|e| {
            trimmed
                .get(..e.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(e))
        }) {
            at += space.len();
        } else if trimmed.starts_with("<!--") {
            at += trimmed.find("-->")? + 3;
        } else if trimmed.starts_with('<')
            && trimmed[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!')
        {
            at += trimmed.find('>')? + 1;
        } else {
            return Some(at);
        }
    }
}

/// Tick boxes and marks the readers normalise (`✓` is read as `☒`).
fn is_symbol(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_ascii()
}

/// The byte offset of a 1-based line and column (in characters).
fn byte_offset(text: &str, line: usize, column: usize) -> Option<usize> {
    let start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let rest = text.get(start..)?;
    Some(
        start
            + rest
                .char_indices()
                .nth(column - 1)
                .map_or(rest.len(), |(i, _)| i),
    )
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].trim_end_matches('\r').chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_text_is_found_past_tags_entities_and_collapsed_white_space() {
        let html = "<p class=\"x\">Ward&nbsp;7 <b>open</b>\n   24 hours, he or she</p>";
        let offset = html_offset(html, 0, "Ward\u{a0}7 open 24 hours, ").unwrap();
        assert_eq!(&html[offset..offset + 9], "he or she");
        assert_eq!(line_column(html, offset), (2, 14));
    }

    #[test]
    fn text_the_source_does_not_have_is_not_placed() {
        assert_eq!(html_offset("<p>Hello</p>", 0, "Goodbye"), None);
    }
}
