//! The walk over word/document.xml that builds a [`Layout`]: a stack with
//! one entry per open element, mirroring the reader's (`read::docx::body`,
//! `read::docx::frames`) so paths come out the same.

use super::layout::{Atom, ChildKind, Layout, ParaLayout, RunLayout};
use super::scan::Scanner;
use crate::read::ReadError;
use crate::read::Step;
use crate::read::docx::elements::El;
use crate::read::docx::xml::Ns;

pub(super) enum Frame {
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
    /// The last is, for an `mc:AlternateContent` child (a drawing that may
    /// hold a text box), whether one of its choices was taken.
    RunChild(usize, usize, usize, Option<bool>),
    Alternate {
        taken: bool,
    },
}

pub(super) struct Open {
    pub(super) el: El,
    pub(super) start: usize,
    pub(super) frame: Option<Frame>,
    /// A person's insertion, deletion or move, or a simple field: our
    /// tracked changes stay out of it.
    pub(super) blocks_changes: bool,
}

pub(super) struct Walk {
    pub(super) layout: Layout,
    pub(super) stack: Vec<Open>,
    /// Open fields: true once past `separate`.
    pub(super) fields: Vec<bool>,
    pub(super) untracked_fields: usize,
}

impl Walk {
    pub(super) fn new() -> Self {
        Walk {
            layout: Layout::default(),
            stack: Vec::new(),
            fields: Vec::new(),
            untracked_fields: 0,
        }
    }

    pub(super) fn note_id(
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
    pub(super) fn start(
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
                let Some(Frame::Alternate { taken } | Frame::RunChild(.., Some(taken))) =
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
                    let end = if empty {
                        to
                    } else {
                        self.run_properties(p, scanner)?
                    };
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

    pub(super) fn end(&mut self, from: usize, to: usize) {
        let Some(open) = self.stack.pop() else { return };
        let last = self.layout.paragraphs.len().checked_sub(1);
        match open.frame {
            Some(Frame::Para(p)) => self.layout.paragraphs[p].content_end = from,
            Some(Frame::Run(p, r)) => {
                let run = &mut self.layout.paragraphs[p].runs[r];
                run.end = to;
            }
            Some(Frame::RunChild(p, r, c, _)) => {
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

    pub(super) fn text(&mut self, text: &str) {
        if let Some(Open {
            frame: Some(Frame::RunChild(p, r, c, None)),
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
