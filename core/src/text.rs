//! Positions in text: byte, UTF-16 and code-point offsets, lines and columns,
//! excerpts, quotations and paragraphs.

use std::cell::Cell;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where a finding is in a piece of text, in every encoding a caller may use:
/// bytes for Rust, UTF-16 code units for JavaScript, code points for Python.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
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

/// Line starts with running UTF-16 and code-point counts, plus a cursor at
/// the last offset asked for. Spans asked for in order cost a scan of the
/// text between them, so all the spans of a text cost one pass over it,
/// however long its lines.
#[derive(Debug)]
pub struct LineIndex<'t> {
    text: &'t str,
    ascii: bool,
    /// (byte offset, utf16 offset, char offset) of each line start.
    lines: Vec<(usize, usize, usize)>,
    /// (byte offset, utf16 offset, char offset) of the last position located.
    cursor: Cell<(usize, usize, usize)>,
}

impl<'t> LineIndex<'t> {
    /// Indexes `text` in one pass.
    pub fn new(text: &'t str) -> Self {
        let ascii = text.is_ascii();
        let mut lines = vec![(0, 0, 0)];
        // A line ends at LF, CRLF, or a CR alone (old Mac files), as editors show it.
        let bytes = text.as_bytes();
        let ends_line = |i: usize| match bytes[i] {
            b'\n' => true,
            b'\r' => bytes.get(i + 1) != Some(&b'\n'),
            _ => false,
        };
        if ascii {
            lines.extend(
                memchr::memchr2_iter(b'\n', b'\r', bytes)
                    .filter(|&i| ends_line(i))
                    .map(|i| (i + 1, i + 1, i + 1)),
            );
        } else {
            let (mut utf16, mut chars) = (0, 0);
            for (i, c) in text.char_indices() {
                utf16 += c.len_utf16();
                chars += 1;
                if ends_line(i) {
                    lines.push((i + 1, utf16, chars));
                }
            }
        }
        LineIndex {
            text,
            ascii,
            lines,
            cursor: Cell::new((0, 0, 0)),
        }
    }

    /// The span of bytes `start..end`, which must lie on character boundaries.
    pub fn span(&self, start: usize, end: usize) -> TextSpan {
        let (line, utf16_start, char_start, line_chars) = self.locate(start);
        let (_, utf16_end, char_end, _) = self.locate(end);
        TextSpan {
            start,
            end,
            utf16_start,
            utf16_end,
            char_start,
            char_end,
            line,
            column: char_start - line_chars + 1,
        }
    }

    /// (line from 1, utf16 offset, char offset, char offset of the line start).
    fn locate(&self, offset: usize) -> (usize, usize, usize, usize) {
        let index = self.lines.partition_point(|&(b, _, _)| b <= offset) - 1;
        let line_start = self.lines[index];
        if self.ascii {
            return (index + 1, offset, offset, line_start.2);
        }
        // Scan forward from the cursor when it is on the way, else from the line start.
        let cursor = self.cursor.get();
        let from = if cursor.0 <= offset && cursor.0 >= line_start.0 {
            cursor
        } else {
            line_start
        };
        let prefix = &self.text[from.0..offset];
        let utf16 = from.1 + prefix.chars().map(char::len_utf16).sum::<usize>();
        let chars = from.2 + prefix.chars().count();
        self.cursor.set((offset, utf16, chars));
        (index + 1, utf16, chars, line_start.2)
    }
}

/// The line around `start..end`, shortened to about `width` bytes either
/// side. Looks only at that window, so it costs the same on any line length.
pub fn excerpt(text: &str, start: usize, end: usize, width: usize) -> String {
    let window_start = floor_boundary(text, start.saturating_sub(width));
    let window_end = ceil_boundary(text, (end + width).min(text.len()));
    let bytes = text.as_bytes();
    let from = memchr::memrchr2(b'\n', b'\r', &bytes[window_start..start])
        .map_or(window_start, |i| window_start + i + 1);
    let to = memchr::memchr2(b'\n', b'\r', &bytes[end..window_end]).map_or(window_end, |i| end + i);
    let is_break = |b: u8| b == b'\n' || b == b'\r';
    // Room for the text and an ellipsis (three bytes) at each end.
    let mut out = String::with_capacity(to - from + 6);
    if from == window_start && from > 0 && !is_break(text.as_bytes()[from - 1]) {
        out.push('…');
    }
    out.push_str(text[from..to].trim());
    if to == window_end && to < text.len() && !is_break(text.as_bytes()[to]) {
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

/// Byte ranges inside quotation marks: double (straight or curly) and single
/// (curly, or straight at word edges, so apostrophes in "patient's" or
/// "don’t" are not taken for quotes). Never runs past a paragraph break; an
/// unclosed quote quotes nothing. Ranges are sorted by start and disjoint.
pub fn quoted_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut double: Option<usize> = None;
    let mut single: Option<usize> = None;
    // Only quote marks and line breaks matter, so visit just those bytes
    // (curly quotes and apostrophes all start with the byte 0xE2), found
    // with a vectorised search rather than byte by byte.
    let bytes = text.as_bytes();
    let mut marks: Vec<usize> = memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes).collect();
    marks.extend(memchr::memchr2_iter(b'\n', b'\r', bytes));
    marks.sort_unstable();
    for i in marks {
        let Some(c) = text[i..].chars().next() else {
            continue;
        };
        let previous = text[..i].chars().next_back();
        let next = text[i + c.len_utf8()..].chars().next();
        let word_after = next.is_some_and(char::is_alphanumeric);
        let space_before = previous.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
        match c {
            // A blank line (LF, CRLF or CR line endings) ends a paragraph.
            '\n' if text[..i].trim_end_matches('\r').ends_with(['\n', '\r']) => {
                (double, single) = (None, None)
            }
            '\r' if next != Some('\n') && text[..i].ends_with(['\n', '\r']) => {
                (double, single) = (None, None)
            }
            '“' => double = Some(i + c.len_utf8()),
            '"' if double.is_none() => double = Some(i + 1),
            '"' | '”' => {
                if let Some(from) = double.take() {
                    ranges.push((from, i));
                    single = single.filter(|&s| s < from);
                }
            }
            '‘' => single = single.or(Some(i + c.len_utf8())),
            '\'' if single.is_none() && space_before && word_after => single = Some(i + 1),
            '’' | '\''
                if single.is_some()
                    && !word_after
                    && previous.is_some_and(|p| !p.is_whitespace()) =>
            {
                // "patients’ records": a plural possessive closes only if a
                // quote is open, which is the best plain text allows.
                if let Some(from) = single.take() {
                    ranges.push((from, i));
                }
            }
            _ => {}
        }
    }
    ranges.sort_unstable();
    // Keep the ranges disjoint: a single-quoted span inside a double-quoted
    // one is already covered by it.
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (from, to) in ranges {
        match merged.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
}

/// Sentence boundaries: after . ! or ? followed by white space and then
/// anything but a lowercase letter, and at line breaks (LF, CR). "s.7" and "e.g. this"
/// inside a sentence do not end it.
#[derive(Debug)]
pub struct Sentences {
    /// Byte offset where each sentence after the first begins.
    starts: Vec<usize>,
    len: usize,
}

impl Sentences {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let starts = bytes
            .iter()
            .enumerate()
            .filter(|&(i, &b)| {
                b == b'\n'
                    || b == b'\r'
                    || (matches!(b, b'.' | b'!' | b'?')
                        && bytes.get(i + 1).is_some_and(|n| n.is_ascii_whitespace())
                        && !bytes[i + 1..]
                            .iter()
                            .find(|n| !n.is_ascii_whitespace())
                            .is_some_and(u8::is_ascii_lowercase))
            })
            .map(|(i, _)| i + 1)
            .collect();
        Sentences {
            starts,
            len: text.len(),
        }
    }

    /// The byte range of the sentence containing `offset`.
    pub fn around(&self, offset: usize) -> (usize, usize) {
        let next = self.starts.partition_point(|&s| s <= offset);
        let start = next.checked_sub(1).map_or(0, |i| self.starts[i]);
        let end = self.starts.get(next).copied().unwrap_or(self.len);
        (start, end)
    }
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
    fn single_quotes_at_word_edges_but_not_apostrophes() {
        let text =
            "The patient's notes say ‘I don’t want my mother told’ and 'ask the chairman' too.";
        let quoted: Vec<&str> = quoted_ranges(text)
            .iter()
            .map(|&(a, b)| &text[a..b])
            .collect();
        assert_eq!(quoted, ["I don’t want my mother told", "ask the chairman"]);
    }

    #[test]
    fn sentences_end_at_stops_followed_by_space() {
        let text = "Under s.7 of the Act, e.g. this. Transsexual patients\nnew line";
        let s = Sentences::new(text);
        let at = text.find("Transsexual").unwrap();
        assert_eq!(
            &text[{
                let (a, b) = s.around(at);
                a..b
            }],
            " Transsexual patients\n"
        );
        assert_eq!(
            &text[{
                let (a, b) = s.around(3);
                a..b
            }],
            "Under s.7 of the Act, e.g. this."
        );
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
    fn cr_only_line_endings_are_line_breaks() {
        let text = "one\rtwo\r\nthree\nfour";
        let index = LineIndex::new(text);
        for (word, line) in [("two", 2), ("three", 3), ("four", 4)] {
            let at = text.find(word).unwrap();
            let span = index.span(at, at + word.len());
            assert_eq!((span.line, span.column), (line, 1), "{word}");
        }
        assert_eq!(excerpt(text, 4, 7, 60), "two");
        let s = Sentences::new(text);
        assert_eq!(s.around(5), (4, 8));
        // A quote left open does not run past a blank line of CRs.
        let quoted_text = "“open\r\rclosed” and “yes”";
        let quoted: Vec<&str> = quoted_ranges(quoted_text)
            .iter()
            .map(|&(a, b)| &quoted_text[a..b])
            .collect();
        assert_eq!(quoted, ["yes"]);
    }

    #[test]
    fn whole_words_only() {
        assert!(!is_whole_word("Manchester", 0, 3));
        assert!(is_whole_word("a man's", 2, 5));
        assert!(!is_whole_word("human", 2, 5));
    }
}
