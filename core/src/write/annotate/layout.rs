//! Where the text of word/document.xml is: each paragraph's runs, each
//! run's children with their byte ranges, and the characters the reader
//! shows, each traced to the run child it came from. Paragraphs, tables,
//! rows and cells get the same paths as the reader gives them (see
//! `read::docx::body`), so a place from recognition finds its XML.

use std::collections::HashMap;

use super::scan::{Scanner, Tok, W_NAMESPACES};
use super::walk::Walk;
use crate::read::ReadError;
use crate::read::Step;
use crate::read::docx::elements::classify;

#[derive(Debug, Default)]
pub(super) struct Layout {
    pub(super) paragraphs: Vec<ParaLayout>,
    /// Paragraph path → index; `None` when two paragraphs share a path.
    pub(super) by_path: HashMap<Vec<Step>, Option<usize>>,
    /// Table, row and cell paths → their first and last paragraph.
    pub(super) regions: HashMap<Vec<Step>, (usize, usize)>,
    /// The largest numeric `w:id` in the part.
    pub(super) max_id: u64,
}

#[derive(Debug)]
pub(super) struct ParaLayout {
    pub(super) path: Vec<Step>,
    /// The `<w:p ...>` (or `<w:p .../>`) tag.
    pub(super) open: (usize, usize),
    /// Written `<w:p/>`: nothing inside, no end tag.
    pub(super) empty: bool,
    /// Just after `</w:pPr>`, or after the start tag when there is none.
    pub(super) content_start: usize,
    /// Where `</w:p>` starts.
    pub(super) content_end: usize,
    pub(super) runs: Vec<RunLayout>,
    /// The characters the reader shows, before trimming.
    pub(super) atoms: Vec<Atom>,
    /// Holds something the reader shows that is not run text (a check box,
    /// a symbol, a form field, maths): its words cannot be traced exactly.
    pub(super) opaque: bool,
    /// False for a paragraph the reader leaves out (in a deleted row).
    pub(super) mapped: bool,
    pub(super) text_boxes: usize,
}

#[derive(Debug)]
pub(super) struct RunLayout {
    /// The whole `<w:r>...</w:r>`.
    pub(super) start: usize,
    pub(super) end: usize,
    /// The `<w:r ...>` start tag.
    pub(super) open_end: usize,
    /// `<w:rPr>...</w:rPr>`, when the run has one.
    pub(super) rpr: Option<(usize, usize)>,
    pub(super) children: Vec<Child>,
    /// Where tracked changes may wrap it: directly in a paragraph,
    /// hyperlink, smart tag or content control, outside any field.
    pub(super) editable: bool,
    /// The start offset of the element holding the run, to tell siblings.
    pub(super) parent: usize,
}

#[derive(Debug)]
pub(super) struct Child {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: ChildKind,
}

#[derive(Debug, PartialEq, Eq)]
pub(super) enum ChildKind {
    /// `w:t` shown as text.
    Text(String),
    /// A tab, break or no-break hyphen: one character shown.
    Char(char),
    /// Anything else: field characters, drawings, page-break marks.
    Other,
}

impl Child {
    /// Characters it shows.
    pub(super) fn len(&self) -> usize {
        match &self.kind {
            ChildKind::Text(text) => text.chars().count(),
            ChildKind::Char(_) => 1,
            ChildKind::Other => 0,
        }
    }
}

/// One shown character and where it is: run, child, character in child.
#[derive(Debug, Clone, Copy)]
pub(super) struct Atom {
    pub(super) c: char,
    pub(super) run: usize,
    pub(super) child: usize,
    pub(super) offset: usize,
}

impl Layout {
    /// Lays out a main document part.
    pub(super) fn read(xml: &str, part: &str, max_depth: usize) -> Result<Layout, ReadError> {
        let mut scanner = Scanner::new(xml, part, max_depth);
        let mut walk = Walk::new();
        let mut root_checked = false;
        loop {
            let (tok, from, to) = scanner.next()?;
            match tok {
                Tok::Start { ns, start, empty } => {
                    if !root_checked {
                        root_checked = true;
                        check_prefix(&scanner, &start, part)?;
                    }
                    walk.note_id(&scanner, &start)?;
                    let el = classify(ns, start.local_name().as_ref());
                    walk.start(el, ns, &start, empty, from, to, &mut scanner)?;
                }
                Tok::End => walk.end(from, to),
                Tok::Text(text) => walk.text(&text),
                Tok::Eof => break,
            }
        }
        let mut layout = walk.layout;
        for (index, para) in layout.paragraphs.iter().enumerate() {
            if para.mapped {
                layout
                    .by_path
                    .entry(para.path.clone())
                    .and_modify(|slot| *slot = None)
                    .or_insert(Some(index));
            }
        }
        Ok(layout)
    }

    /// The paragraph at a path, if exactly one has it.
    pub(super) fn paragraph(&self, path: &[Step]) -> Option<usize> {
        self.by_path.get(path).copied().flatten()
    }

    /// The first and last paragraph of a table, row or cell.
    pub(super) fn region(&self, path: &[Step]) -> Option<(usize, usize)> {
        self.regions.get(path).copied()
    }

    /// The first paragraph of the body with shown text, else the first paragraph.
    pub(super) fn first_paragraph(&self) -> Option<usize> {
        self.paragraphs
            .iter()
            .position(|p| p.path.len() == 1 && p.atoms.iter().any(|a| !a.c.is_whitespace()))
            .or_else(|| (!self.paragraphs.is_empty()).then_some(0))
    }
}

/// The annotator writes `w:` elements, so the root must bind `w` to
/// WordprocessingML, as every Word-written document does.
fn check_prefix(
    scanner: &Scanner,
    root: &quick_xml::events::BytesStart,
    part: &str,
) -> Result<(), ReadError> {
    for attribute in root.attributes() {
        let attribute = attribute.map_err(|e| scanner.error(e.to_string()))?;
        if attribute.key.as_ref() == "xmlns:w" {
            let value = attribute.value.clone();
            if W_NAMESPACES.contains(&value.as_ref()) {
                return Ok(());
            }
        }
    }
    Err(ReadError::CannotAnnotate {
        part: part.to_owned(),
        why: "its root element does not bind the w: prefix to WordprocessingML".into(),
    })
}
