//! Where a finding is in the file its draft was read from: line and column
//! (UTF-16, as SARIF's `utf16CodeUnits` and the language server protocol
//! count), and byte and UTF-16 offsets from the start of the file.
//!
//! A finding's location names a JSON Pointer into the draft and a span within
//! the text there. [`SourcePlaces::locate`] is the one place that turns that
//! into a place in the file: Markdown and text by re-reading the file's
//! layout, JSON by looking the pointer up in the file's text.

use serde::Serialize;

use super::json_places::{JsonPlaces, escape_in_string};
use crate::inline_waivers::find_inline_waivers;
use crate::model::{Edit, Location};
use crate::read::{Format, MarkdownLayout, split_markdown_with_layout};

/// A range of the source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Place {
    /// Byte offset of the start in the file.
    pub start: usize,
    /// Byte offset just past the end.
    pub end: usize,
    /// Line of the start, from 1.
    pub start_line: usize,
    /// Column of the start, from 1, in UTF-16 code units.
    pub start_column: usize,
    /// Line of the end, from 1.
    pub end_line: usize,
    /// Column just past the end, from 1, in UTF-16 code units.
    pub end_column: usize,
    /// UTF-16 offset of the start from the start of the file.
    pub utf16_offset: usize,
    /// Length in UTF-16 code units.
    pub utf16_length: usize,
    /// True when the place is the finding's own text or part of the draft;
    /// false when it is the nearest thing that could be found (the start of
    /// the file for something the draft lacks).
    pub exact: bool,
}

/// A source file, read once so findings can be placed in it.
#[derive(Debug)]
pub struct SourcePlaces<'s> {
    source: &'s str,
    /// Byte offset and UTF-16 offset of each line start.
    lines: Vec<(usize, usize)>,
    layout: Layout<'s>,
}

#[derive(Debug)]
enum Layout<'s> {
    /// Markdown or plain text: sections and waiver comments.
    Sections {
        layout: MarkdownLayout,
        /// Byte range in the file of each inline waiver, in draft order.
        waivers: Vec<(usize, usize)>,
    },
    Json(JsonPlaces<'s>),
    /// An HTML page, read and recognised again to find where each part of
    /// the draft came from in it.
    Html(Box<crate::read::recognise::Recognition>),
    /// A format whose places are not known yet: everything is at the start.
    Unknown,
}

impl<'s> SourcePlaces<'s> {
    /// Reads the layout of `source`, a file in `format`.
    pub fn new(format: Format, source: &'s str) -> SourcePlaces<'s> {
        let layout = match format {
            Format::Json => Layout::Json(JsonPlaces::new(source)),
            Format::Markdown => {
                // The draft was read within its limits already.
                let Ok((draft, layout)) = split_markdown_with_layout(source, usize::MAX) else {
                    return SourcePlaces::unknown(source);
                };
                let mut waivers = Vec::new();
                for (section, place) in draft.sections.iter().zip(&layout.sections) {
                    for found in find_inline_waivers(&section.text) {
                        let start = place.source_offset(found.start);
                        waivers.push((start, start + (found.end - found.start)));
                    }
                }
                Layout::Sections { layout, waivers }
            }
            Format::Text => {
                let waivers = find_inline_waivers(source)
                    .into_iter()
                    .map(|w| (w.start, w.end))
                    .collect();
                let layout = MarkdownLayout {
                    title: None,
                    sections: vec![crate::read::SectionLayout {
                        heading: None,
                        pieces: vec![(0, 0)],
                    }],
                };
                Layout::Sections { layout, waivers }
            }
            // With the built-in vocabulary: a pack's own could lay the page
            // out in other sections, and then findings fall back to their element.
            Format::Html => match crate::read::recognise_bytes(
                source.as_bytes(),
                Format::Html,
                "",
                &crate::read::Limits::default(),
            ) {
                Ok(recognition) => Layout::Html(Box::new(recognition)),
                Err(_) => Layout::Unknown,
            },
            // A Word document's places are its own (paragraph, table, row),
            // given in `location.place` by recognition: it has no lines.
            Format::Docx => Layout::Unknown,
        };
        SourcePlaces {
            source,
            lines: line_starts(source),
            layout,
        }
    }

    /// A file whose layout is not known: every place is its start.
    pub fn unknown(source: &'s str) -> SourcePlaces<'s> {
        SourcePlaces {
            source,
            lines: line_starts(source),
            layout: Layout::Unknown,
        }
    }

    /// The source text.
    pub fn source(&self) -> &'s str {
        self.source
    }

    /// Where a finding's location is in the file.
    pub fn locate(&self, location: &Location) -> Place {
        let span = location.span.map(|s| (s.start, s.end));
        let (start, end, exact) = self.byte_range(&location.path, span);
        self.place(start, end, exact)
    }

    /// Where an edit's text is in the file, and what to put there instead
    /// (escaped for a JSON string); `None` when the edit cannot be placed
    /// exactly, so no fix is offered rather than a wrong one.
    pub fn locate_edit(&self, edit: &Edit) -> Option<(Place, String)> {
        let (start, end, exact) = self.byte_range(&edit.path, Some((edit.start, edit.end)));
        if !exact {
            return None;
        }
        let replacement = match self.layout {
            Layout::Json(_) => escape_in_string(&edit.replacement),
            _ => edit.replacement.clone(),
        };
        Some((self.place(start, end, true), replacement))
    }

    /// The byte range in the file of `span` (bytes of the text at `path`),
    /// or of the thing at `path` when there is no span.
    fn byte_range(&self, path: &str, span: Option<(usize, usize)>) -> (usize, usize, bool) {
        let tokens: Vec<&str> = path.split('/').skip(1).collect();
        let start_of_file = (0, self.first_line_end(), false);
        match &self.layout {
            Layout::Unknown => start_of_file,
            Layout::Html(recognition) => {
                recognition.html_range(path, span).unwrap_or(start_of_file)
            }
            Layout::Json(json) => {
                let hit = json.find(path);
                match (hit.string, span) {
                    (Some(literal), Some((from, to))) if hit.exact => (
                        json.string_offset(literal, from),
                        json.string_offset(literal, to),
                        true,
                    ),
                    _ => (hit.start, hit.end, hit.exact),
                }
            }
            Layout::Sections { layout, waivers } => {
                let within = |range: (usize, usize)| match span {
                    Some((from, to)) if range.0 + to <= range.1 => (range.0 + from, range.0 + to),
                    _ => range,
                };
                let section =
                    |i: &str| i.parse::<usize>().ok().and_then(|i| layout.sections.get(i));
                let found = match tokens.as_slice() {
                    ["title"] => layout.title.map(within),
                    ["sections", i, "heading"] => section(i).and_then(|s| s.heading).map(within),
                    ["sections", i, "text"] => section(i).map(|s| match span {
                        Some((from, to)) => (s.source_offset(from), s.source_offset(to)),
                        None => s.heading.unwrap_or_else(|| {
                            let start = s.source_offset(0);
                            (start, self.line_end(start))
                        }),
                    }),
                    ["sections", i, ..] => section(i).map(|s| {
                        s.heading.unwrap_or_else(|| {
                            let start = s.source_offset(0);
                            (start, self.line_end(start))
                        })
                    }),
                    ["waivers", i, ..] => i
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| waivers.get(i).copied()),
                    _ => None,
                };
                match found {
                    Some((start, end)) if end <= self.source.len() && start <= end => {
                        (start, end, true)
                    }
                    _ => match layout.title {
                        Some((start, end)) => (start, end, false),
                        None => start_of_file,
                    },
                }
            }
        }
    }

    fn first_line_end(&self) -> usize {
        self.line_end(0)
    }

    /// The end of the line `offset` is on, without its line break.
    fn line_end(&self, offset: usize) -> usize {
        let rest = self.source.get(offset..).unwrap_or("");
        let len = rest.find('\n').unwrap_or(rest.len());
        offset + rest[..len].trim_end_matches('\r').len()
    }

    /// Line, column and UTF-16 offsets of a byte range, clamped to the file
    /// and to character boundaries.
    fn place(&self, start: usize, end: usize, exact: bool) -> Place {
        let start = floor_boundary(self.source, start.min(self.source.len()));
        let end = floor_boundary(self.source, end.clamp(start, self.source.len()));
        let (start_line, start_column, utf16_start) = self.position(start);
        let (end_line, end_column, utf16_end) = self.position(end);
        Place {
            start,
            end,
            start_line,
            start_column,
            end_line,
            end_column,
            utf16_offset: utf16_start,
            utf16_length: utf16_end - utf16_start,
            exact,
        }
    }

    /// (line from 1, UTF-16 column from 1, UTF-16 offset) of a byte offset.
    fn position(&self, offset: usize) -> (usize, usize, usize) {
        let line = self.lines.partition_point(|&(byte, _)| byte <= offset) - 1;
        let (line_byte, line_utf16) = self.lines[line];
        let within: usize = self.source[line_byte..offset]
            .chars()
            .map(char::len_utf16)
            .sum();
        (line + 1, within + 1, line_utf16 + within)
    }
}

/// (byte offset, UTF-16 offset) of each line start, in one pass.
fn line_starts(source: &str) -> Vec<(usize, usize)> {
    let mut lines = vec![(0, 0)];
    let mut utf16 = 0;
    for (i, c) in source.char_indices() {
        utf16 += c.len_utf16();
        if c == '\n' {
            lines.push((i + 1, utf16));
        }
    }
    lines
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Draft, Engine};

    fn first(report: &crate::Report, rule: &str) -> crate::Finding {
        report
            .violations
            .iter()
            .chain(&report.needs_review)
            .find(|f| f.rule == rule)
            .unwrap_or_else(|| panic!("no {rule} finding"))
            .clone()
    }

    #[test]
    fn markdown_findings_land_on_their_words_in_the_file() {
        let source = "Intro 🏳️‍🌈 text.\n# Title\nMore preamble, he or she.\n\n## Scope\n\nCafé staff: his/her leave.\n";
        let draft = Draft::from_markdown(source).unwrap();
        let report = Engine::new().check(&draft);
        let places = SourcePlaces::new(Format::Markdown, source);
        let f = first(&report, "term-binary-pronouns");
        let place = places.locate(&f.location);
        assert!(place.exact);
        assert_eq!(&source[place.start..place.end], "he or she");
        assert_eq!((place.start_line, place.start_column), (3, 16));
        let edits: Vec<_> = report
            .violations
            .iter()
            .filter_map(|f| f.fix.as_ref())
            .flat_map(|fix| &fix.edits)
            .collect();
        assert!(!edits.is_empty());
        for edit in edits {
            let (place, replacement) = places.locate_edit(edit).unwrap();
            let i: usize = edit.path.split('/').nth(2).unwrap().parse().unwrap();
            let text = &draft.sections[i].text;
            assert_eq!(&source[place.start..place.end], &text[edit.start..edit.end]);
            assert_eq!(replacement, edit.replacement);
        }
        let all: Vec<_> = report
            .violations
            .iter()
            .map(|f| places.locate(&f.location))
            .collect();
        let slash = report
            .violations
            .iter()
            .zip(&all)
            .find(|(f, _)| f.location.section.as_deref() == Some("scope"))
            .map(|(_, p)| *p)
            .unwrap();
        assert_eq!(&source[slash.start..slash.end], "his/her");
        assert_eq!((slash.start_line, slash.start_column), (7, 13));
    }

    #[test]
    #[cfg(feature = "html")]
    fn html_findings_land_on_their_words_in_the_page() {
        let source = "<!doctype html>\n<title>Visiting</title>\n<h1>Visiting</h1>\n<p>Visitors are welcome.\n   Next of kin means the <b>husband or wife</b>\n   of the patient.</p>\n";
        let engine = Engine::new();
        let json =
            crate::json_api::check_bytes(&engine, source.as_bytes(), Format::Html, "v").unwrap();
        let report: crate::Report = serde_json::from_str(&json).unwrap();
        let f = first(&report, "term-relationship-assumptions");
        assert_eq!(f.location.place.as_deref(), Some("line 5, column 29"));
        let place = SourcePlaces::new(Format::Html, source).locate(&f.location);
        assert!(place.exact);
        assert_eq!(&source[place.start..place.end], "husband or wife");
        assert_eq!((place.start_line, place.start_column), (5, 29));
    }

    #[test]
    fn utf16_columns_count_surrogate_pairs_twice() {
        let source = "🏳️‍🌈 he or she\n";
        let report = Engine::new().check(&Draft::from_text("t", source).unwrap());
        let place = SourcePlaces::new(Format::Text, source)
            .locate(&first(&report, "term-binary-pronouns").location);
        let prefix = &source[..place.start];
        assert_eq!(place.start_column, prefix.encode_utf16().count() + 1);
        assert_eq!(place.utf16_offset, prefix.encode_utf16().count());
        assert_eq!(place.utf16_length, 9);
    }

    #[test]
    fn json_findings_point_into_the_string_in_the_file() {
        let source = "{\"title\": \"Leave\", \"kind\": \"workforce_policy\",\n \"sections\": [{\"id\": \"s\", \"text\": \"Caf\\u00e9 \\\"quote\\\" and he or she\"}]}";
        let report = Engine::new().check_json(source).unwrap();
        let places = SourcePlaces::new(Format::Json, source);
        let f = first(&report, "term-binary-pronouns");
        let place = places.locate(&f.location);
        assert_eq!(&source[place.start..place.end], "he or she");
        assert_eq!(place.start_line, 2);
        let missing = first(&report, "eia-present");
        let place = places.locate(&missing.location);
        assert_eq!((place.start_line, place.start_column), (1, 1));
    }

    #[test]
    fn waiver_findings_point_at_their_comment() {
        let source = "# T\n\n## A\n\nText <!-- dueregard: waive no-such-rule because x; approved by y --> more.\n";
        let draft = Draft::from_markdown(source).unwrap();
        let report = Engine::new().check(&draft);
        let f = first(&report, "waiver-recorded");
        let place = SourcePlaces::new(Format::Markdown, source).locate(&f.location);
        assert!(source[place.start..place.end].starts_with("<!-- dueregard: waive no-such-rule"));
        assert_eq!(place.start_line, 5);
    }
}
