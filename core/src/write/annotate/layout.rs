//! Where the text of word/document.xml is: each paragraph's runs, each
//! run's children with their byte ranges, and the characters the reader
//! shows, each traced to the run child it came from. Paragraphs, tables,
//! rows and cells get the same paths as the reader gives them (see
//! `read::docx::body`), so a place from recognition finds its XML.

use std::collections::HashMap;

use super::scan::{Scanner, Tok, W_NAMESPACES};
use crate::read::ReadError;
use crate::read::Step;
use crate::read::docx::elements::{El, classify};
use crate::read::docx::xml::Ns;

/// Nested fields followed, as the reader does.
const MAX_FIELDS: usize = 64;

#[derive(Debug, Default)]
pub(super) struct Layout {
    pub(super) paragraphs: Vec<ParaLayout>,
    /// Paragraph path → index; `None` when two paragraphs share a path.
    by_path: HashMap<Vec<Step>, Option<usize>>,
    /// Table, row and cell paths → their first and last paragraph.
    regions: HashMap<Vec<Step>, (usize, usize)>,
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
    mapped: bool,
    text_boxes: usize,
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

enum Frame {
    Container {
        path: Vec<Step>,
        paragraphs: usize,
        tables: usize,
        /// For a cell: the index of its first paragraph.
        cell_first: Option<usize>,
    },
    Table {
        path: Vec<Step>,
        rows: usize,
        first: usize,
    },
    Row {
        path: Vec<Step>,
        cells: usize,
        deleted: bool,
        first: usize,
    },
    Para(usize),
    /// A run: (paragraph, run index).
    Run(usize, usize),
    /// A child of a run being read: (paragraph, run, child).
    RunChild(usize, usize, usize),
    Alternate {
        taken: bool,
    },
}

struct Open {
    el: El,
    start: usize,
    frame: Option<Frame>,
    /// A person's insertion, deletion or move, or a simple field: our
    /// tracked changes stay out of it.
    blocks_changes: bool,
}

struct Walk {
    layout: Layout,
    stack: Vec<Open>,
    /// Open fields: true once past `separate`.
    fields: Vec<bool>,
    untracked_fields: usize,
}

impl Layout {
    /// Lays out a main document part.
    pub(super) fn read(xml: &str, part: &str, max_depth: usize) -> Result<Layout, ReadError> {
        let mut scanner = Scanner::new(xml, part, max_depth);
        let mut walk = Walk {
            layout: Layout::default(),
            stack: Vec::new(),
            fields: Vec::new(),
            untracked_fields: 0,
        };
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

impl Walk {
    fn note_id(
        &mut self,
        scanner: &Scanner,
        start: &quick_xml::events::BytesStart,
    ) -> Result<(), ReadError> {
        for attribute in start.attributes() {
            let attribute = attribute.map_err(|e| scanner.error(e.to_string()))?;
            if attribute.key.as_ref() == "w:id"
                && let Ok(id) = attribute.value.trim().parse::<u64>()
            {
                self.layout.max_id = self.layout.max_id.max(id);
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn start(
        &mut self,
        el: El,
        ns: Ns,
        start: &quick_xml::events::BytesStart,
        empty: bool,
        from: usize,
        to: usize,
        scanner: &mut Scanner,
    ) -> Result<(), ReadError> {
        let parent = self.stack.last().map_or(El::Other, |o| o.el);
        let skip = |scanner: &mut Scanner| -> Result<(), ReadError> {
            if !empty {
                scanner.skip_element()?;
            }
            Ok(())
        };
        // A run's content children are recorded whatever they are.
        if let Some(Open {
            frame: Some(Frame::Run(p, r)),
            ..
        }) = self.stack.last()
            && el != El::RPr
        {
            let (p, r) = (*p, *r);
            return self.run_child(el, p, r, start, empty, from, to, scanner);
        }
        let mut frame = None;
        match el {
            El::Skipped => return skip(scanner),
            El::Deleted => {
                if parent == El::TrPr
                    && let Some(Frame::Row { deleted, .. }) =
                        self.innermost(|f| matches!(f, Frame::Row { .. }))
                {
                    *deleted = true;
                }
                return skip(scanner);
            }
            El::Choice | El::Fallback => {
                let Some(Frame::Alternate { taken }) =
                    self.stack.last_mut().and_then(|o| o.frame.as_mut())
                else {
                    return skip(scanner);
                };
                if *taken {
                    return skip(scanner);
                }
                *taken = true;
            }
            El::AlternateContent => frame = Some(Frame::Alternate { taken: false }),
            El::P => {
                let path = self.next_in_container(Step::Paragraph);
                let index = self.layout.paragraphs.len();
                self.layout.paragraphs.push(ParaLayout {
                    path,
                    open: (from, to),
                    empty,
                    content_start: to,
                    content_end: to,
                    runs: Vec::new(),
                    atoms: Vec::new(),
                    opaque: false,
                    mapped: true,
                    text_boxes: 0,
                });
                frame = Some(Frame::Para(index));
            }
            El::R => {
                if let Some(p) = self.innermost_para() {
                    let editable = matches!(parent, El::P | El::SdtContent | El::Other)
                        && self.fields.is_empty()
                        && self.untracked_fields == 0
                        && self.parent_allows_changes();
                    let parent_start = self.stack.last().map_or(0, |o| o.start);
                    let runs = &mut self.layout.paragraphs[p].runs;
                    runs.push(RunLayout {
                        start: from,
                        end: to,
                        open_end: to,
                        rpr: None,
                        children: Vec::new(),
                        editable,
                        parent: parent_start,
                    });
                    frame = Some(Frame::Run(p, runs.len() - 1));
                }
            }
            El::RPr => {
                if let Some(Open {
                    frame: Some(Frame::Run(p, r)),
                    ..
                }) = self.stack.last()
                {
                    let (p, r) = (*p, *r);
                    let end = if empty { to } else { scanner.skip_element()? };
                    self.layout.paragraphs[p].runs[r].rpr = Some((from, end));
                    return Ok(());
                }
            }
            El::FfData | El::W14Checkbox | El::MathT | El::Sym => self.mark_opaque(),
            El::Tbl => {
                let path = self.next_in_container(Step::Table);
                frame = Some(Frame::Table {
                    path,
                    rows: 0,
                    first: self.layout.paragraphs.len(),
                });
            }
            El::Tr => {
                if let Some(Frame::Table { path, rows, .. }) =
                    self.innermost(|f| matches!(f, Frame::Table { .. }))
                {
                    let mut path = path.clone();
                    path.push(Step::Row(*rows));
                    let first = self.layout.paragraphs.len();
                    frame = Some(Frame::Row {
                        path,
                        cells: 0,
                        deleted: false,
                        first,
                    });
                }
            }
            El::Tc => {
                if let Some(Frame::Row { path, cells, .. }) =
                    self.innermost(|f| matches!(f, Frame::Row { .. }))
                {
                    let mut path = path.clone();
                    path.push(Step::Cell(*cells));
                    *cells += 1;
                    let first = self.layout.paragraphs.len();
                    return self.open_container(path, el, from, empty, Some(first));
                }
            }
            El::TxbxContent => {
                let path = match self
                    .innermost(|f| matches!(f, Frame::Para(_) | Frame::Container { .. }))
                {
                    Some(Frame::Para(p)) => {
                        let p = *p;
                        let para = &mut self.layout.paragraphs[p];
                        let mut path = para.path.clone();
                        path.push(Step::TextBox(para.text_boxes));
                        para.text_boxes += 1;
                        path
                    }
                    Some(Frame::Container { path, .. }) => path.clone(),
                    _ => Vec::new(),
                };
                return self.open_container(path, el, from, empty, None);
            }
            _ => {}
        }
        if el == El::PPr
            && empty
            && let Some(Open {
                frame: Some(Frame::Para(p)),
                ..
            }) = self.stack.last()
        {
            let p = *p;
            self.layout.paragraphs[p].content_start = to;
        }
        if el == El::P && empty {
            return Ok(());
        }
        self.push(el, from, frame, empty);
        if !empty
            && ns == Ns::W
            && matches!(
                start.local_name().as_ref(),
                "ins" | "moveTo" | "fldSimple" | "del" | "moveFrom"
            )
            && let Some(open) = self.stack.last_mut()
        {
            open.blocks_changes = true;
        }
        Ok(())
    }

    fn push(&mut self, el: El, start: usize, frame: Option<Frame>, empty: bool) {
        if empty {
            // Nothing inside; an empty cell or table has no paragraphs to place.
            return;
        }
        if self.stack.is_empty() {
            // The root: the body's container sits under it.
            self.stack.push(Open {
                el,
                start,
                frame: Some(Frame::Container {
                    path: Vec::new(),
                    paragraphs: 0,
                    tables: 0,
                    cell_first: None,
                }),
                blocks_changes: false,
            });
            return;
        }
        self.stack.push(Open {
            el,
            start,
            frame,
            blocks_changes: false,
        });
    }

    fn open_container(
        &mut self,
        path: Vec<Step>,
        el: El,
        start: usize,
        empty: bool,
        cell_first: Option<usize>,
    ) -> Result<(), ReadError> {
        if !empty {
            self.stack.push(Open {
                el,
                start,
                frame: Some(Frame::Container {
                    path,
                    paragraphs: 0,
                    tables: 0,
                    cell_first,
                }),
                blocks_changes: false,
            });
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn run_child(
        &mut self,
        el: El,
        p: usize,
        r: usize,
        start: &quick_xml::events::BytesStart,
        empty: bool,
        from: usize,
        to: usize,
        scanner: &mut Scanner,
    ) -> Result<(), ReadError> {
        let shown = self.fields.iter().all(|in_result| *in_result) && self.untracked_fields == 0;
        let kind = match el {
            El::T if shown => ChildKind::Text(String::new()),
            El::Tab | El::PTab if shown => ChildKind::Char('\t'),
            El::Br | El::Cr if shown => ChildKind::Char('\n'),
            El::NoBreakHyphen if shown => ChildKind::Char('-'),
            El::FldChar => {
                let kind = scanner.attr(start, "fldCharType")?;
                self.field_char(kind.as_deref().unwrap_or(""));
                ChildKind::Other
            }
            _ => ChildKind::Other,
        };
        if el == El::Sym {
            self.layout.paragraphs[p].opaque = true;
        }
        let children = &mut self.layout.paragraphs[p].runs[r].children;
        children.push(Child {
            start: from,
            end: to,
            kind,
        });
        let child = children.len() - 1;
        if !empty {
            // Walked, not skipped: a drawing in a run may hold a text box.
            self.stack.push(Open {
                el,
                start: from,
                frame: Some(Frame::RunChild(p, r, child)),
                blocks_changes: false,
            });
        }
        Ok(())
    }

    fn field_char(&mut self, kind: &str) {
        match kind {
            "begin" => {
                if self.fields.len() < MAX_FIELDS && self.untracked_fields == 0 {
                    self.fields.push(false);
                } else {
                    self.untracked_fields += 1;
                }
            }
            "separate" => {
                if self.untracked_fields == 0
                    && let Some(field) = self.fields.last_mut()
                {
                    *field = true;
                }
            }
            "end" => {
                if self.untracked_fields > 0 {
                    self.untracked_fields -= 1;
                } else {
                    self.fields.pop();
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, from: usize, to: usize) {
        let Some(open) = self.stack.pop() else { return };
        let last = self.layout.paragraphs.len().checked_sub(1);
        match open.frame {
            Some(Frame::Para(p)) => self.layout.paragraphs[p].content_end = from,
            Some(Frame::Run(p, r)) => {
                let run = &mut self.layout.paragraphs[p].runs[r];
                run.end = to;
            }
            Some(Frame::RunChild(p, r, c)) => {
                let para = &mut self.layout.paragraphs[p];
                para.runs[r].children[c].end = to;
                if let ChildKind::Text(text) = &para.runs[r].children[c].kind {
                    for (offset, ch) in text.chars().enumerate() {
                        para.atoms.push(Atom {
                            c: ch,
                            run: r,
                            child: c,
                            offset,
                        });
                    }
                }
            }
            Some(Frame::Table { path, first, .. }) => self.region(path, first, last),
            Some(Frame::Row {
                path,
                deleted,
                first,
                ..
            }) => {
                if deleted {
                    for para in &mut self.layout.paragraphs[first..] {
                        para.mapped = false;
                    }
                } else {
                    if let Some(Frame::Table { rows, .. }) =
                        self.innermost(|f| matches!(f, Frame::Table { .. }))
                    {
                        *rows += 1;
                    }
                    self.region(path, first, last);
                }
            }
            Some(Frame::Container {
                path,
                cell_first: Some(first),
                ..
            }) => self.region(path, first, last),
            _ => {}
        }
        // The paragraph properties end where the paragraph's content starts.
        if open.el == El::PPr
            && let Some(Open {
                frame: Some(Frame::Para(p)),
                ..
            }) = self.stack.last()
        {
            let p = *p;
            self.layout.paragraphs[p].content_start = to;
        }
    }

    fn region(&mut self, path: Vec<Step>, first: usize, last: Option<usize>) {
        if let Some(last) = last
            && last >= first
        {
            self.layout.regions.insert(path, (first, last));
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(Open {
            frame: Some(Frame::RunChild(p, r, c)),
            ..
        }) = self.stack.last()
            && let ChildKind::Text(t) = &mut self.layout.paragraphs[*p].runs[*r].children[*c].kind
        {
            t.push_str(text);
        }
    }

    fn next_in_container(&mut self, step: fn(usize) -> Step) -> Vec<Step> {
        for open in self.stack.iter_mut().rev() {
            if let Some(Frame::Container {
                path,
                paragraphs,
                tables,
                ..
            }) = &mut open.frame
            {
                let counter = if matches!(step(0), Step::Paragraph(_)) {
                    paragraphs
                } else {
                    tables
                };
                let mut path = path.clone();
                path.push(step(*counter));
                *counter += 1;
                return path;
            }
        }
        vec![step(0)]
    }

    fn innermost(&mut self, wanted: impl Fn(&Frame) -> bool) -> Option<&mut Frame> {
        self.stack
            .iter_mut()
            .rev()
            .filter_map(|o| o.frame.as_mut())
            .find(|f| wanted(f))
    }

    /// The paragraph text goes to: the innermost one, unless a cell or text
    /// box is opened inside it.
    fn innermost_para(&self) -> Option<usize> {
        for open in self.stack.iter().rev() {
            match open.frame {
                Some(Frame::Para(p)) => return Some(p),
                Some(Frame::Container { .. }) => return None,
                _ => {}
            }
        }
        None
    }

    fn mark_opaque(&mut self) {
        if let Some(p) = self.innermost_para() {
            self.layout.paragraphs[p].opaque = true;
        }
    }

    /// No enclosing insertion, deletion, move or simple field between the
    /// run and its paragraph: a person's tracked change is theirs to
    /// accept, so our changes stay out of it.
    fn parent_allows_changes(&self) -> bool {
        for open in self.stack.iter().rev() {
            if matches!(open.frame, Some(Frame::Para(_))) {
                return true;
            }
            if open.blocks_changes {
                return false;
            }
        }
        true
    }
}
