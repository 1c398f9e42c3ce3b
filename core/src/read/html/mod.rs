//! HTML reader: html5ever (Servo's WHATWG-conformant parser) builds the
//! tree exactly as a browser would, including for broken markup; this module
//! turns it into a [`Document`] with the line and column of every block.
//!
//! html5ever reports only line numbers, so the input is fed to it one tag at
//! a time (split before each `<` that opens a start tag) and each element is
//! stamped with the offset of the chunk it was created in. An element implied
//! by the parser (a missing `<tbody>`, `<html>`) takes the place of the tag
//! that caused it. Scripts, styles, templates, `<noscript>`, hidden elements
//! and hidden inputs are not read.

mod forms;
mod groups;
mod markers;
mod sink;
mod tree;
mod walk;

use std::rc::Rc;

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{ParseOpts, parse_document};

use crate::read::document::{Document, HtmlPlace, SourceFormat};
use crate::read::document_limits::DocumentLimits;
use crate::read::error::ReadError;
use sink::{Over, Shared, Sink};

/// Reads an HTML page (UTF-8, BOM optional) into a [`Document`]: headings,
/// paragraphs, list items, tables and form fields (`<select>`, radio
/// buttons, check boxes, text inputs with their labels).
///
/// ```
/// let page = br#"<h1>Register</h1><label for="s">Sex *</label>
/// <select id="s" name="sex"><option>Female</option><option>Male</option></select>"#;
/// let doc = dueregard::read_html(page, &Default::default()).unwrap();
/// let field = doc.fields().next().unwrap();
/// assert_eq!(field.label, "Sex");
/// assert_eq!(field.options.len(), 2);
/// assert_eq!(field.source.place(), "line 2, column 1");
/// ```
pub fn read_html(bytes: &[u8], limits: &DocumentLimits) -> Result<Document, ReadError> {
    if bytes.len() > limits.max_input_bytes {
        return Err(ReadError::TooLarge {
            size: bytes.len(),
            limit: limits.max_input_bytes,
        });
    }
    let (bom, body) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (3, rest),
        None => (0, bytes),
    };
    let text = std::str::from_utf8(body).map_err(|e| ReadError::NotUtf8 {
        offset: bom + e.valid_up_to(),
    })?;

    let shared = Rc::new(Shared::default());
    let sink = Sink::new(
        Rc::clone(&shared),
        limits.max_depth,
        limits.max_html_elements,
    );
    let mut parser = parse_document(sink, ParseOpts::default());
    let mut start = 0;
    for end in tag_starts(text).chain(std::iter::once(text.len())) {
        if end > start {
            shared.offset.set(bom + start);
            parser.process(StrTendril::from_slice(&text[start..end]));
            start = end;
        }
        if let Some(over) = shared.over.get() {
            let lines = Lines::new(bytes);
            return Err(match over {
                Over::Depth { offset } => ReadError::TooDeep {
                    part: "the page".into(),
                    limit: limits.max_depth,
                    at: lines.place(offset).describe(),
                },
                Over::Elements => ReadError::TooManyElements {
                    limit: limits.max_html_elements,
                },
            });
        }
    }
    let nodes = parser.finish().into_nodes();
    let lines = Lines::new(bytes);
    walk::document(&nodes, &lines, limits.max_depth).map(|(title, blocks, comments)| Document {
        format: SourceFormat::Html,
        title,
        blocks,
        comments,
    })
}

/// Offsets of every `<` that opens a start tag (`<` then an ASCII letter).
fn tag_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .filter(move |&(i, &b)| {
            b == b'<' && i > 0 && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic)
        })
        .map(|(i, _)| i)
}

/// Line starts of the source, to turn byte offsets into line and column.
pub(crate) struct Lines<'a> {
    bytes: &'a [u8],
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        let starts = std::iter::once(0)
            .chain(
                bytes
                    .iter()
                    .enumerate()
                    .filter(|&(_, &b)| b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        Lines { bytes, starts }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub(crate) fn place(&self, offset: usize) -> HtmlPlace {
        let offset = offset.min(self.bytes.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = self.bytes[start..offset]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count()
            + 1;
        HtmlPlace {
            line,
            column,
            offset,
        }
    }
}

impl HtmlPlace {
    fn describe(&self) -> String {
        format!("line {}, column {}", self.line, self.column)
    }
}
