//! Where each part of a recognised draft came from in the document, and the
//! `location.place` each finding gets from it: "table 2 › row 5" for a
//! table row, "paragraph 12, character 41" for words in a Word paragraph,
//! "line 40, column 7" for words in an HTML page (the words themselves, found
//! by walking the page's source from the element they were read from).

use std::collections::BTreeMap;

use crate::model::Report;
use crate::read::document::Source;

/// Where the parts of a recognised draft came from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Places {
    /// Draft JSON Pointer ("/eia/groups/3", "/fields/0", "/sections/2") to
    /// the place in the document it was read from ("table 2 › row 5").
    pointers: BTreeMap<String, String>,
    /// For each section, where each piece of its text came from, in order.
    sections: Vec<SectionSources>,
    /// The HTML page's source, to find a finding's words in it.
    html: Option<String>,
}

/// Where a section's heading and each piece of its text came from.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct SectionSources {
    pub heading: Option<Source>,
    pub pieces: Vec<Piece>,
}

/// A piece of a section's text: from byte `at` of the section's text, after
/// `skip` bytes the reader added (a list item's "- "), the text of the block
/// at `source`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Piece {
    pub at: usize,
    pub skip: usize,
    pub source: Source,
}

impl Places {
    /// The place a draft pointer was read from, if recorded.
    pub fn get(&self, pointer: &str) -> Option<&String> {
        self.pointers.get(pointer)
    }

    /// Every pointer and its place.
    pub fn pointers(&self) -> &BTreeMap<String, String> {
        &self.pointers
    }

    pub(super) fn insert(&mut self, pointer: String, place: String) {
        self.pointers.insert(pointer, place);
    }

    pub(super) fn insert_first(&mut self, pointer: &str, place: impl FnOnce() -> String) {
        self.pointers
            .entry(pointer.to_owned())
            .or_insert_with(place);
    }

    pub(super) fn set_sections(&mut self, sections: Vec<SectionSources>) {
        self.sections = sections;
    }

    /// Keeps the HTML page's source, so findings in its text land on their
    /// own line and column rather than their element's.
    pub fn with_html_source(mut self, source: &str) -> Places {
        self.html = Some(source.to_owned());
        self
    }

    /// The place of a finding at `pointer`, with `span` (bytes of the text
    /// there, for findings in text): the words themselves where they can be
    /// found, else the nearest part of the draft that was placed.
    pub fn place(&self, pointer: &str, text: Option<&str>, span: Option<usize>) -> Option<String> {
        if let Some(found) = self.words_place(pointer, text, span) {
            return Some(found);
        }
        let mut pointer = pointer;
        loop {
            if let Some(place) = self.pointers.get(pointer) {
                return Some(place.clone());
            }
            match pointer.rfind('/') {
                Some(i) if i > 0 => pointer = &pointer[..i],
                _ => return None,
            }
        }
    }

    /// For a span in a section's heading or text: the place of those words.
    fn words_place(
        &self,
        pointer: &str,
        text: Option<&str>,
        start: Option<usize>,
    ) -> Option<String> {
        let start = start?;
        let text = text?;
        let (source, from) = self.words_source(pointer, start)?;
        let within = text.get(from..start)?;
        Some(match source {
            Source::Docx(place) => {
                format!(
                    "{}, character {}",
                    place.describe(),
                    within.chars().count() + 1
                )
            }
            Source::Html(place) => {
                let html = self.html.as_deref()?;
                let offset = html_offset(html, place.offset, within)?;
                let (line, column) = line_column(html, offset);
                format!("line {line}, column {column}")
            }
        })
    }

    /// Where the piece of a section's heading or text holding byte `start`
    /// came from, and where that piece's own text starts in the section's.
    fn words_source(&self, pointer: &str, start: usize) -> Option<(&Source, usize)> {
        let mut tokens = pointer.split('/').skip(1);
        let (Some("sections"), Some(index), Some(part), None) =
            (tokens.next(), tokens.next(), tokens.next(), tokens.next())
        else {
            return None;
        };
        let sources = self.sections.get(index.parse::<usize>().ok()?)?;
        match part {
            "heading" => Some((sources.heading.as_ref()?, 0)),
            "text" => {
                let i = sources
                    .pieces
                    .partition_point(|p| p.at <= start)
                    .checked_sub(1)?;
                let piece = &sources.pieces[i];
                Some((&piece.source, (piece.at + piece.skip).min(start)))
            }
            _ => None,
        }
    }

    /// For an HTML page: the byte range in the page of a finding at
    /// `pointer` with `span` in `text` (the section text there), and whether
    /// it is the finding's own words (else the start of the element it was
    /// read from, or `None` when nothing was placed).
    pub fn html_range(
        &self,
        pointer: &str,
        text: Option<&str>,
        span: Option<(usize, usize)>,
    ) -> Option<(usize, usize, bool)> {
        let html = self.html.as_deref()?;
        if let (Some(text), Some((start, end))) = (text, span)
            && let Some((Source::Html(place), from)) = self.words_source(pointer, start)
            && let Some(before) = text.get(from..start)
            && let Some(through) = text.get(from..end)
            && let Some(start) = html_offset(html, place.offset, before)
            && let Some(end) = html_walk(html, place.offset, through)
        {
            return Some((start, end.max(start), true));
        }
        // "line 12, column 5" or "line 12, column 5 (caption)": the element.
        let place = self.place(pointer, None, None)?;
        let (line, rest) = place.strip_prefix("line ")?.split_once(", column ")?;
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let offset = byte_offset(html, line.parse().ok()?, rest[..digits].parse().ok()?)?;
        Some((offset, offset, false))
    }
}

/// Sets `location.place` on each finding in `report`: its words' place for
/// a finding in a section's text, else that of the nearest part of the draft
/// it points into ("/eia/groups/3/evidence" is placed at "/eia/groups/3").
pub fn apply_places(places: &Places, draft: &crate::model::Draft, report: &mut Report) {
    for finding in report
        .violations
        .iter_mut()
        .chain(report.needs_review.iter_mut())
    {
        let location = &finding.location;
        let text = section_text(draft, &location.path);
        let start = location.span.map(|s| s.start);
        finding.location.place = places.place(&location.path, text, start);
    }
}

/// The heading or text of a section a pointer names.
pub(crate) fn section_text<'d>(draft: &'d crate::model::Draft, pointer: &str) -> Option<&'d str> {
    let mut tokens = pointer.split('/').skip(1);
    let (Some("sections"), Some(index), Some(part)) = (tokens.next(), tokens.next(), tokens.next())
    else {
        return None;
    };
    let section = draft.sections.get(index.parse::<usize>().ok()?)?;
    match part {
        "heading" => Some(&section.heading),
        "text" => Some(&section.text),
        _ => None,
    }
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
