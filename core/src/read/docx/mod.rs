//! Word .docx (Office Open XML) reader.
//!
//! Reads the main document part (found through `_rels/.rels`, usually
//! word/document.xml), its styles (to know headings and list styles) and the
//! title in docProps/core.xml. Of the comments, only those that are dueregard
//! directives ("dueregard: waive ...", inline waivers) are read, with the
//! block each is anchored in. Footnotes, endnotes, headers and
//! footers are not read: they are not the policy's text, and a header's
//! "Document owner" line would otherwise repeat on every page. Numbering
//! definitions (word/numbering.xml) are not read either: a paragraph with
//! numbering is a list item at its `w:ilvl`, bullet or number alike.
//!
//! Everything is bounded by [`DocumentLimits`]: see [`read_docx`].

pub(crate) mod archive;
mod body;
mod comments;
pub(crate) mod elements;
mod frames;
pub(crate) mod parts;
pub(crate) mod runs;
mod styles;
pub(crate) mod xml;

pub use styles::Styles;

use crate::read::document::{Block, Document, DocumentComment, SourceFormat, Title};
use crate::read::document_limits::DocumentLimits;
use crate::read::error::ReadError;
use crate::read::sniff::docx_refusal;
use archive::Archive;

const DEFAULT_MAIN: &str = "word/document.xml";

/// Reads a .docx file's body into a [`Document`].
///
/// The bytes are checked first: a Word 97-2003 .doc, a password-protected
/// document, a PDF, an OpenDocument file or anything else that is not a zip
/// gets its own [`ReadError`] saying what to do. The zip's entry count, each
/// part's inflated size, the total inflated and each part's compression ratio
/// are bounded while inflating; any DTD is refused and element nesting is
/// bounded.
///
/// ```
/// let err = dueregard::read_docx(b"%PDF-1.7", &Default::default()).unwrap_err();
/// assert_eq!(err.kind(), "pdf");
/// ```
pub fn read_docx(bytes: &[u8], limits: &DocumentLimits) -> Result<Document, ReadError> {
    read_docx_replacing(bytes, limits, None)
}

/// [`read_docx`], reading `main_xml` in place of the main document part
/// when given (the annotator reads a document with its own earlier
/// annotations taken out). The archive is checked as usual.
pub(crate) fn read_docx_replacing(
    bytes: &[u8],
    limits: &DocumentLimits,
    main_xml: Option<&str>,
) -> Result<Document, ReadError> {
    let mut archive = open_archive(bytes, limits)?;
    let depth = limits.max_depth;

    let package_rels = read_text(&mut archive, "_rels/.rels")?;
    let main = match &package_rels {
        Some(rels) => parts::targets(rels, "_rels/.rels", "", "/officeDocument", depth)?
            .into_iter()
            .next(),
        None => None,
    }
    .unwrap_or_else(|| DEFAULT_MAIN.to_owned());
    let document_xml = match main_xml {
        Some(xml) => xml.to_owned(),
        None => match read_text(&mut archive, &main)? {
            Some(xml) => xml,
            None => return Err(ReadError::NotWord { part: main }),
        },
    };

    let styles_part = match read_text(&mut archive, &parts::rels_of(&main))? {
        Some(rels) => parts::targets(
            &rels,
            &parts::rels_of(&main),
            parts::dir_of(&main),
            "/styles",
            depth,
        )?
        .into_iter()
        .next(),
        None => None,
    }
    .unwrap_or_else(|| format!("{}/styles.xml", parts::dir_of(&main)));
    let styles = match read_text(&mut archive, &styles_part)? {
        Some(xml) => Styles::parse(&xml, &styles_part, depth)?,
        None => Styles::default(),
    };

    let core_part = match &package_rels {
        Some(rels) => parts::targets(rels, "_rels/.rels", "", "/core-properties", depth)?
            .into_iter()
            .next(),
        None => None,
    }
    .unwrap_or_else(|| "docProps/core.xml".to_owned());
    let core_title = match read_text(&mut archive, &core_part)? {
        Some(xml) => parts::core_title(&xml, &core_part, depth)?,
        None => None,
    };

    let (blocks, anchors) = body::read_body(&document_xml, &main, &styles, depth)?;
    let mut document = document(blocks, core_title);
    if !anchors.is_empty() {
        let comments_part = match read_text(&mut archive, &parts::rels_of(&main))? {
            Some(rels) => parts::targets(
                &rels,
                &parts::rels_of(&main),
                parts::dir_of(&main),
                "/comments",
                depth,
            )?
            .into_iter()
            .next(),
            None => None,
        };
        if let Some(part) = comments_part
            && let Some(xml) = read_text(&mut archive, &part)?
        {
            let directives = comments::directive_comments(&xml, &part, depth)?;
            document.comments = anchored(&directives, &anchors);
        }
    }
    Ok(document)
}

/// The main document part's name, from the package relationships.
/// Opens a .docx as a zip within the limits, after refusing what is too
/// large or not a Word document at all (a .doc, a PDF, an encrypted file).
pub(crate) fn open_archive<'b>(
    bytes: &'b [u8],
    limits: &DocumentLimits,
) -> Result<Archive<'b>, ReadError> {
    if bytes.len() > limits.max_input_bytes {
        return Err(ReadError::TooLarge {
            size: bytes.len(),
            limit: limits.max_input_bytes,
        });
    }
    if let Some(refusal) = docx_refusal(bytes) {
        return Err(refusal);
    }
    Archive::open(bytes, limits)
}

pub(crate) fn main_part(archive: &mut Archive, max_depth: usize) -> Result<String, ReadError> {
    let package_rels = read_text(archive, "_rels/.rels")?;
    Ok(match &package_rels {
        Some(rels) => parts::targets(rels, "_rels/.rels", "", "/officeDocument", max_depth)?
            .into_iter()
            .next(),
        None => None,
    }
    .unwrap_or_else(|| DEFAULT_MAIN.to_owned()))
}

/// Reads a document.xml part on its own, with the styles.xml that goes with it
/// if there is one: the .docx reader without the zip, for fuzzing and for
/// callers that already hold the XML. Only `max_depth` of the limits applies.
pub fn read_docx_xml(
    document_xml: &str,
    styles_xml: Option<&str>,
    limits: &DocumentLimits,
) -> Result<Document, ReadError> {
    let styles = match styles_xml {
        Some(xml) => Styles::parse(xml, "word/styles.xml", limits.max_depth)?,
        None => Styles::default(),
    };
    let (blocks, _) = body::read_body(document_xml, DEFAULT_MAIN, &styles, limits.max_depth)?;
    Ok(document(blocks, None))
}

/// Each directive comment at the first place it is anchored, in body order.
fn anchored(
    directives: &std::collections::BTreeMap<String, String>,
    anchors: &[(String, usize)],
) -> Vec<DocumentComment> {
    let mut seen = std::collections::BTreeSet::new();
    anchors
        .iter()
        .filter(|(id, _)| seen.insert(id.as_str()))
        .filter_map(|(id, block)| {
            directives.get(id).map(|text| DocumentComment {
                text: text.clone(),
                block: *block,
                inside: true,
            })
        })
        .collect()
}

pub(crate) fn read_text(archive: &mut Archive, part: &str) -> Result<Option<String>, ReadError> {
    match archive.read(part)? {
        Some(bytes) => Ok(Some(xml::decode(bytes, part)?)),
        None => Ok(None),
    }
}

/// The title is dc:title, else the first Title-style or level-1 heading.
fn document(blocks: Vec<Block>, core_title: Option<String>) -> Document {
    let title = match core_title {
        Some(text) => Some(Title { text, source: None }),
        None => blocks.iter().find_map(|block| match block {
            Block::Heading(h) if h.level <= 1 => Some(Title {
                text: h.text.clone(),
                source: Some(h.source.clone()),
            }),
            _ => None,
        }),
    };
    Document {
        format: SourceFormat::Docx,
        title,
        blocks,
        comments: Vec::new(),
    }
}
