//! Positions in text: byte, UTF-16 and code-point offsets, lines and columns,
//! excerpts, quotations and paragraphs.

use schemars::JsonSchema;
use serde::Serialize;

/// Where a finding is in a piece of text, in every encoding a caller may use:
/// bytes for Rust, UTF-16 code units for JavaScript, code points for Python.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TextSpan {
    /// Byte offset of the start (UTF-8).
    pub start: usize,
    /// Byte offset just past the end (UTF-8).
    pub end: usize,
    /// Start in UTF-16 code units (JavaScript string index).
    pub utf16_start: usize,
    /// End in UTF-16 code units.
    pub utf16_end: usize,
    /// Start in Unicode code points (Python string index).
    pub char_start: usize,
    /// End in Unicode code points.
    pub char_end: usize,
    /// Line of the start, from 1.
    pub line: usize,
    /// Column of the start in code points, from 1.
    pub column: usize,
}

/// Line starts with running UTF-16 and code-point counts, so a span costs a
/// binary search plus a scan of one line, however long the text.
#[derive(Debug)]
pub struct LineIndex<'t> {
    text: &'t str,
    ascii: bool,
    /// (byte offset, utf16 offset, char offset) of each line start.
    lines: Vec<(usize, usize, usize)>,
}

impl<'t> LineIndex<'t> {
    /// Indexes `text` in one pass.
    pub fn new(text: &'t str) -> Self {
        let ascii = text.is_ascii();
        let mut lines = vec![(0, 0, 0)];
        if ascii {
            lines.extend(
                text.bytes()
                    .enumerate()
                    .filter(|&(_, b)| b == b'\n')
                    .map(|(i, _)| (i + 1, i + 1, i + 1)),
            );
        } else {
            let (mut utf16, mut chars) = (0, 0);
            for (i, c) in text.char_indices() {
                utf16 += c.len_utf16();
                chars += 1;
                if c == '\n' {
                    lines.push((i + 1, utf16, chars));
                }
            }
        }
        LineIndex { text, ascii, lines }
    }

    /// The span of bytes `start..end`, which must lie on character boundaries.
    pub fn span(&self, start: usize, end: usize) -> TextSpan {
        let (line, col_bytes, utf16_start, char_start) = self.locate(start);
        let (_, _, utf16_end, char_end) = self.locate(end);
        let column = if self.ascii {
            col_bytes + 1
        } else {
            let line_start = start - col_bytes;
            self.text[line_start..start].chars().count() + 1
        };
        TextSpan {
            start,
            end,
            utf16_start,
            utf16_end,
            char_start,
            char_end,
            line,
            column,
        }
    }

    /// (line from 1, byte column from 0, utf16 offset, char offset) of a byte offset.
    fn locate(&self, offset: usize) -> (usize, usize, usize, usize) {
        let index = self.lines.partition_point(|&(b, _, _)| b <= offset) - 1;
        let (line_byte, line_utf16, line_chars) = self.lines[index];
        if self.ascii {
            return (index + 1, offset - line_byte, offset, offset);
        }
        let prefix = &self.text[line_byte..offset];
        let utf16 = line_utf16 + prefix.chars().map(char::len_utf16).sum::<usize>();
        let chars = line_chars + prefix.chars().count();
        (index + 1, offset - line_byte, utf16, chars)
    }
}

/// The line around `start..end`, shortened to about `width` bytes either side.
pub fn excerpt(text: &str, start: usize, end: usize, width: usize) -> String {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let from = floor_boundary(text, start.saturating_sub(width).max(line_start));
    let to = ceil_boundary(text, (end + width).min(line_end));
    let mut out = String::new();
    if from > line_start {
        out.push('…');
    }
    out.push_str(text[from..to].trim());
    if to < line_end {
        out.push('…');
    }
    out
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Byte ranges inside quotation marks (straight or curly double quotes),
/// never running past a paragraph break; an unclosed quote quotes nothing.
pub fn quoted_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut open: Option<usize> = None;
    let mut previous_newline = false;
    for (i, c) in text.char_indices() {
        match c {
            '\n' if previous_newline => open = None,
            '“' => open = Some(i + c.len_utf8()),
            '"' if open.is_none() => open = Some(i + 1),
            '"' | '”' => {
                if let Some(from) = open.take() {
                    ranges.push((from, i));
                }
            }
            _ => {}
        }
        if c != '\r' {
            previous_newline = c == '\n';
        }
    }
    ranges
}

/// The paragraph (text between blank lines) containing byte `offset`.
pub fn paragraph_around(text: &str, offset: usize) -> (usize, usize) {
    let start = text[..offset].rfind("\n\n").map_or(0, |i| i + 2);
    let end = text[offset..]
        .find("\n\n")
        .map_or(text.len(), |i| offset + i);
    (start, end)
}

/// Whether the byte before `start` and the byte at `end` are not part of a word.
pub fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_agree_across_encodings() {
        let text = "Line one\nCafé 🏳️‍🌈 he or she\n";
        let start = text.find("he or she").unwrap();
        let span = LineIndex::new(text).span(start, start + 9);
        assert_eq!(span.line, 2);
        let line = "Café 🏳️‍🌈 ";
        assert_eq!(span.column, line.chars().count() + 1);
        assert_eq!(span.char_start, text[..start].chars().count());
        assert_eq!(span.utf16_start, text[..start].encode_utf16().count());
        assert_eq!(span.utf16_end - span.utf16_start, 9);
    }

    #[test]
    fn ascii_spans_are_plain_offsets() {
        let text = "ab\ncd he\n";
        let span = LineIndex::new(text).span(6, 8);
        assert_eq!(
            (span.line, span.column, span.utf16_start, span.char_end),
            (2, 4, 6, 8)
        );
    }

    #[test]
    fn quotes_cover_only_closed_quotations_within_a_paragraph() {
        let text =
            "She said “my mother helped” and \"so did dad\".\n\nAn \"unclosed quote\n\nmother";
        let ranges = quoted_ranges(text);
        assert_eq!(ranges.len(), 2);
        assert_eq!(&text[ranges[0].0..ranges[0].1], "my mother helped");
        assert_eq!(&text[ranges[1].0..ranges[1].1], "so did dad");
    }

    #[test]
    fn excerpt_trims_long_lines_on_char_boundaries() {
        let text = format!("{}target{}", "é".repeat(100), "ü".repeat(100));
        let start = text.find("target").unwrap();
        let ex = excerpt(&text, start, start + 6, 20);
        assert!(
            ex.starts_with('…') && ex.ends_with('…') && ex.contains("target"),
            "{ex}"
        );
    }

    #[test]
    fn whole_words_only() {
        assert!(!is_whole_word("Manchester", 0, 3));
        assert!(is_whole_word("a man's", 2, 5));
        assert!(!is_whole_word("human", 2, 5));
    }
}
