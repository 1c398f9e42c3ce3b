//! A guarded XML event scanner that keeps byte offsets, so the annotator can
//! copy the part unchanged around the few places it edits. As the reader
//! does: any DTD is refused, only predefined entities and character
//! references are resolved, and nesting is bounded.

use std::borrow::Cow;

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

use crate::read::ReadError;
use crate::read::docx::xml::{Ns, attribute, guarded_reader, namespace, resolve_reference};

/// One event with the byte range it covers in the part.
pub(super) enum Tok<'i> {
    /// A start tag; `empty` for `<x/>`, which has no end event.
    Start {
        ns: Ns,
        start: BytesStart<'i>,
        empty: bool,
    },
    End,
    Text(Cow<'i, str>),
    Eof,
}

pub(super) struct Scanner<'i> {
    reader: NsReader<&'i [u8]>,
    part: &'i str,
    depth: usize,
    max_depth: usize,
}

impl<'i> Scanner<'i> {
    pub(super) fn new(xml: &'i str, part: &'i str, max_depth: usize) -> Self {
        Scanner {
            reader: guarded_reader(xml, false),
            part,
            depth: 0,
            max_depth,
        }
    }

    /// The next event and its byte range.
    pub(super) fn next(&mut self) -> Result<(Tok<'i>, usize, usize), ReadError> {
        loop {
            let from = self.reader.buffer_position() as usize;
            let (ns, event) = match self.reader.read_resolved_event() {
                Ok((ResolveResult::Bound(ns), event)) => (namespace(ns.as_ref()), event),
                Ok((_, event)) => (Ns::Other, event),
                Err(e) => {
                    let message = e.to_string();
                    return Err(self.error(message));
                }
            };
            let to = self.reader.buffer_position() as usize;
            let tok = match event {
                Event::Start(start) => {
                    self.depth += 1;
                    if self.depth > self.max_depth {
                        return Err(ReadError::TooDeep {
                            part: self.part.to_owned(),
                            limit: self.max_depth,
                            at: format!("byte {from}"),
                        });
                    }
                    Tok::Start {
                        ns,
                        start,
                        empty: false,
                    }
                }
                Event::Empty(start) => Tok::Start {
                    ns,
                    start,
                    empty: true,
                },
                Event::End(_) => {
                    self.depth = self.depth.saturating_sub(1);
                    Tok::End
                }
                Event::Text(text) => Tok::Text(text.xml10_content()),
                Event::CData(data) => Tok::Text(data.xml10_content()),
                Event::GeneralRef(reference) => {
                    let text = resolve_reference(reference).map_err(|m| self.error(m))?;
                    Tok::Text(Cow::Owned(text))
                }
                Event::DocType(_) => {
                    return Err(ReadError::Dtd {
                        part: self.part.to_owned(),
                    });
                }
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) => continue,
                Event::Eof => {
                    if self.depth > 0 {
                        return Err(self.error("the part ends inside an element".into()));
                    }
                    Tok::Eof
                }
            };
            return Ok((tok, from, to));
        }
    }

    /// Skips to the end of the element just started (not for empty ones);
    /// returns the byte offset just past its end tag.
    pub(super) fn skip_element(&mut self) -> Result<usize, ReadError> {
        let target = self.depth.saturating_sub(1);
        loop {
            match self.next()? {
                (Tok::End, _, to) if self.depth == target => return Ok(to),
                (Tok::Eof, _, to) => return Ok(to),
                _ => {}
            }
        }
    }

    /// An attribute's value by local name (any prefix), entities resolved.
    pub(super) fn attr(
        &self,
        element: &BytesStart,
        local: &str,
    ) -> Result<Option<String>, ReadError> {
        attribute(element, local).map_err(|m| self.error(m))
    }

    pub(super) fn error(&self, message: String) -> ReadError {
        ReadError::Xml {
            part: self.part.to_owned(),
            offset: self.reader.error_position(),
            message,
        }
    }
}

/// The WordprocessingML namespaces the annotator can write into with the
/// `w:` prefix.
pub(super) const W_NAMESPACES: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];

/// Text escaped for element content or a double-quoted attribute, with
/// characters XML 1.0 cannot hold left out.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Applies (start, end, replacement) splices, which never overlap; at the
/// same offset an insertion goes before a replacement.
pub(super) fn apply(xml: &str, mut splices: Vec<(usize, usize, String)>) -> String {
    splices.sort_by_key(|(start, end, _)| (*start, *end != *start));
    let mut out =
        String::with_capacity(xml.len() + splices.iter().map(|s| s.2.len()).sum::<usize>());
    let mut at = 0;
    for (start, end, text) in splices {
        if start < at {
            // Cannot happen (points are inside distinct runs); never corrupt the part.
            continue;
        }
        out.push_str(&xml[at..start]);
        out.push_str(&text);
        at = end;
    }
    out.push_str(&xml[at..]);
    out
}
