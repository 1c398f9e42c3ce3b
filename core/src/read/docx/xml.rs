//! A guarded XML event reader for the parts of a .docx: any DTD is refused
//! (so no entity can expand, and nothing external is ever fetched), only the
//! five predefined entities and character references are resolved, and
//! elements may nest only so deep.

use std::borrow::Cow;

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::{NsReader, XmlVersion};

use crate::read::error::ReadError;

/// The namespaces the reader tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ns {
    /// WordprocessingML, transitional or strict.
    W,
    /// Word 2010 extensions (check-box content controls).
    W14,
    /// Markup compatibility (mc:AlternateContent).
    Mc,
    /// Office math.
    Math,
    /// Dublin Core (document title).
    Dc,
    /// Package relationships.
    Rels,
    Other,
}

pub(crate) fn namespace(uri: &str) -> Ns {
    match uri {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        | "http://purl.oclc.org/ooxml/wordprocessingml/main" => Ns::W,
        "http://schemas.microsoft.com/office/word/2010/wordml" => Ns::W14,
        "http://schemas.openxmlformats.org/markup-compatibility/2006" => Ns::Mc,
        "http://schemas.openxmlformats.org/officeDocument/2006/math"
        | "http://purl.oclc.org/ooxml/officeDocument/math" => Ns::Math,
        "http://purl.org/dc/elements/1.1/" => Ns::Dc,
        "http://schemas.openxmlformats.org/package/2006/relationships" => Ns::Rels,
        _ => Ns::Other,
    }
}

/// One event of a part, with entity references already resolved.
pub(crate) enum XmlEvent<'i> {
    Start(Ns, BytesStart<'i>),
    End(Ns),
    Text(Cow<'i, str>),
    Eof,
}

/// Reads one part's events within the depth limit.
pub(crate) struct XmlReader<'i> {
    reader: NsReader<&'i [u8]>,
    part: &'i str,
    depth: usize,
    max_depth: usize,
    /// Namespaces of the open elements, for their end events.
    open: Vec<Ns>,
}

impl<'i> XmlReader<'i> {
    pub(crate) fn new(xml: &'i str, part: &'i str, max_depth: usize) -> Self {
        XmlReader {
            reader: guarded_reader(xml, true),
            part,
            depth: 0,
            max_depth,
            open: Vec::new(),
        }
    }

    /// How many elements are open.
    pub(crate) fn depth(&self) -> usize {
        self.depth
    }

    /// The next event that matters: comments, processing instructions and the
    /// XML declaration are skipped.
    pub(crate) fn next(&mut self) -> Result<XmlEvent<'i>, ReadError> {
        loop {
            let (resolved, event) = match self.reader.read_resolved_event() {
                Ok((resolved, event)) => (ns_of(&resolved), event),
                Err(e) => return Err(self.xml_error(e.to_string())),
            };
            match event {
                Event::Start(start) => {
                    self.depth += 1;
                    if self.depth > self.max_depth {
                        return Err(ReadError::TooDeep {
                            part: self.part.to_owned(),
                            limit: self.max_depth,
                            at: format!("byte {}", self.reader.buffer_position()),
                        });
                    }
                    self.open.push(resolved);
                    return Ok(XmlEvent::Start(resolved, start));
                }
                Event::End(_) => {
                    self.depth = self.depth.saturating_sub(1);
                    let ns = self.open.pop().unwrap_or(Ns::Other);
                    return Ok(XmlEvent::End(ns));
                }
                // expand_empty_elements turns these into Start + End.
                Event::Empty(_) => continue,
                Event::Text(text) => return Ok(XmlEvent::Text(text.xml10_content())),
                Event::CData(data) => {
                    return Ok(XmlEvent::Text(data.xml10_content()));
                }
                Event::GeneralRef(reference) => {
                    let text = resolve_reference(reference).map_err(|m| self.xml_error(m))?;
                    return Ok(XmlEvent::Text(Cow::Owned(text)));
                }
                Event::DocType(_) => {
                    return Err(ReadError::Dtd {
                        part: self.part.to_owned(),
                    });
                }
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) => continue,
                Event::Eof => {
                    if self.depth > 0 {
                        return Err(self.xml_error("the part ends inside an element".into()));
                    }
                    return Ok(XmlEvent::Eof);
                }
            }
        }
    }

    /// Skips to the end of the element just started (its end event is consumed).
    pub(crate) fn skip_element(&mut self) -> Result<(), ReadError> {
        let target = self.depth.saturating_sub(1);
        loop {
            match self.next()? {
                XmlEvent::End(_) if self.depth == target => return Ok(()),
                XmlEvent::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    /// An attribute's value by local name (any prefix), entities resolved.
    pub(crate) fn attr(
        &self,
        element: &BytesStart,
        local: &str,
    ) -> Result<Option<String>, ReadError> {
        attribute(element, local).map_err(|m| self.xml_error(m))
    }

    pub(crate) fn xml_error(&self, message: String) -> ReadError {
        ReadError::Xml {
            part: self.part.to_owned(),
            offset: self.reader.error_position(),
            message,
        }
    }
}

/// A quick-xml reader set up as every .docx part is read: end names checked,
/// text kept as written; `expand_empty` turns `<x/>` into a start and an end
/// (the annotator keeps them as written, to copy bytes unchanged).
pub(crate) fn guarded_reader(xml: &str, expand_empty: bool) -> NsReader<&[u8]> {
    let mut reader = NsReader::from_str(xml);
    let config = reader.config_mut();
    config.expand_empty_elements = expand_empty;
    config.check_end_names = true;
    config.trim_text(false);
    reader
}

/// The text of an entity or character reference: character references and
/// the five predefined entities only (a DTD, which could define others, is
/// refused before any reference is met).
pub(crate) fn resolve_reference(reference: BytesRef) -> Result<String, String> {
    match reference.resolve_char_ref() {
        Ok(Some(c)) => Ok(c.to_string()),
        Ok(None) => {
            let name = reference.into_inner();
            quick_xml::escape::resolve_predefined_entity(&name)
                .map(str::to_owned)
                .ok_or_else(|| format!("undefined entity &{name};"))
        }
        Err(e) => Err(e.to_string()),
    }
}

/// An attribute's value by local name (any prefix), entities resolved.
pub(crate) fn attribute(element: &BytesStart, local: &str) -> Result<Option<String>, String> {
    for attribute in element.attributes() {
        let attribute = attribute.map_err(|e| e.to_string())?;
        if attribute.key.local_name().as_ref() == local {
            let value = attribute
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|e| e.to_string())?;
            return Ok(Some(value.into_owned()));
        }
    }
    Ok(None)
}

fn ns_of(resolved: &ResolveResult) -> Ns {
    match resolved {
        ResolveResult::Bound(ns) => namespace(ns.as_ref()),
        _ => Ns::Other,
    }
}

/// Decodes a part's bytes: UTF-8 (BOM optional) or UTF-16 with a BOM.
pub(crate) fn decode(bytes: Vec<u8>, part: &str) -> Result<String, ReadError> {
    let utf16 = |bytes: &[u8], from: fn([u8; 2]) -> u16| -> Option<String> {
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|pair| from([pair[0], pair[1]]))
            .collect();
        String::from_utf16(&units).ok()
    };
    let decoded = match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8(rest.to_vec()).ok(),
        _ => None,
    };
    if let Some(text) = decoded {
        return Ok(text);
    }
    String::from_utf8(bytes).map_err(|e| ReadError::Xml {
        part: part.to_owned(),
        offset: e.utf8_error().valid_up_to() as u64,
        message: "not UTF-8 text".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drain(xml: &str, depth: usize) -> Result<String, ReadError> {
        let mut reader = XmlReader::new(xml, "test.xml", depth);
        let mut text = String::new();
        loop {
            match reader.next()? {
                XmlEvent::Text(t) => text.push_str(&t),
                XmlEvent::Eof => return Ok(text),
                _ => {}
            }
        }
    }

    #[test]
    fn billion_laughs_is_refused_at_the_doctype() {
        let xml = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<lolz>&lol3;</lolz>"#;
        let err = drain(xml, 10).unwrap_err();
        assert_eq!(err.kind(), "dtd");
        assert!(err.to_string().contains("billion laughs"), "{err}");
    }

    #[test]
    fn external_entity_is_refused() {
        let xml = r#"<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>"#;
        assert_eq!(drain(xml, 10).unwrap_err().kind(), "dtd");
        // Without a DTD an undeclared entity is an error, never a lookup.
        let err = drain("<x>&e;</x>", 10).unwrap_err();
        assert_eq!(err.kind(), "xml");
        assert!(err.to_string().contains("undefined entity &e;"), "{err}");
    }

    #[test]
    fn predefined_and_character_references_resolve() {
        assert_eq!(
            drain("<x>a &amp; b &#x2612; &#65;</x>", 10).unwrap(),
            "a & b ☒ A"
        );
    }

    #[test]
    fn nesting_past_the_limit_is_refused() {
        let deep = "<a>".repeat(50) + &"</a>".repeat(50);
        assert!(drain(&deep, 50).is_ok());
        let err = drain(&deep, 49).unwrap_err();
        assert_eq!(err.kind(), "too_deep");
    }

    #[test]
    fn utf16_parts_decode() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("<x>é</x>".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(bytes, "p").unwrap(), "<x>é</x>");
        assert_eq!(decode(vec![0xC3], "p").unwrap_err().kind(), "xml");
    }
}
