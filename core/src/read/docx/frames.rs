//! The body reader's state: a stack with one entry per open element, some
//! carrying a frame (the body, a cell or text box collecting blocks; a
//! paragraph collecting text; a table or row collecting rows or cells), and
//! the complex fields being read. Lookups walk the stack from the top.

use super::elements::El;
use super::runs::{Field, SymbolFont};
use super::styles::Styles;
use crate::read::document::{Block, Cell, DocxPlace, Row, Source, Step};

/// Nested fields followed; deeper ones are counted but not tracked.
pub(super) const MAX_FIELDS: usize = 64;

pub(super) struct Walk<'s> {
    pub(super) styles: &'s Styles,
    /// One entry per open element; the first is the body itself.
    pub(super) stack: Vec<Open>,
    pub(super) fields: Vec<Field>,
    pub(super) untracked_fields: usize,
    /// Each comment anchor met: the comment's id and the index of the body
    /// block it is in (a paragraph, or the table holding it).
    pub(super) comment_anchors: Vec<(String, usize)>,
}

pub(super) struct Open {
    pub(super) el: El,
    pub(super) frame: Option<Frame>,
}

pub(super) enum Frame {
    Container(Container),
    Para(Para),
    Table(TableFrame),
    Row(RowFrame),
    Run(Option<SymbolFont>),
    Sdt(Option<bool>),
    Alternate { taken: bool },
}

/// Something that holds paragraphs and tables: the body, a cell, a text box.
pub(super) struct Container {
    pub(super) path: Vec<Step>,
    pub(super) kind: Kind,
    pub(super) paragraphs: usize,
    pub(super) tables: usize,
    pub(super) items: Vec<Block>,
}

pub(super) enum Kind {
    Body,
    Cell { span: u32, merged_above: bool },
    TextBox,
}

impl Container {
    pub(super) fn new(path: Vec<Step>, kind: Kind) -> Self {
        Container {
            path,
            kind,
            paragraphs: 0,
            tables: 0,
            items: Vec::new(),
        }
    }
}

pub(super) struct Para {
    pub(super) path: Vec<Step>,
    pub(super) text: String,
    pub(super) style: Option<String>,
    pub(super) level: Option<u8>,
    pub(super) num_id: Option<bool>,
    pub(super) outline: Option<u8>,
    pub(super) text_boxes: usize,
    /// Text-box content anchored here, placed after the paragraph.
    pub(super) after: Vec<Block>,
}

pub(super) struct TableFrame {
    pub(super) path: Vec<Step>,
    pub(super) rows: Vec<Row>,
    pub(super) caption: Option<String>,
}

pub(super) struct RowFrame {
    pub(super) path: Vec<Step>,
    pub(super) header: bool,
    pub(super) deleted: bool,
    pub(super) cells: Vec<Cell>,
}

pub(super) fn place(path: &[Step]) -> Source {
    Source::Docx(DocxPlace {
        path: path.to_vec(),
    })
}

pub(super) fn extend(path: &[Step], step: Step) -> Vec<Step> {
    let mut path = path.to_vec();
    path.push(step);
    path
}

impl Walk<'_> {
    /// Appends displayed text to the paragraph being read, unless it is a
    /// field's instruction part.
    pub(super) fn emit(&mut self, text: &str) {
        if self.fields.iter().any(|f| !f.in_result) {
            return;
        }
        for open in self.stack.iter_mut().rev() {
            match &mut open.frame {
                Some(Frame::Para(para)) => {
                    para.text.push_str(text);
                    return;
                }
                Some(Frame::Container(_)) => return,
                _ => {}
            }
        }
    }

    pub(super) fn field_char(&mut self, kind: &str) {
        match kind {
            "begin" => {
                if self.fields.len() < MAX_FIELDS && self.untracked_fields == 0 {
                    self.fields.push(Field::default());
                } else {
                    self.untracked_fields += 1;
                }
            }
            "separate" => {
                if self.untracked_fields == 0
                    && let Some(field) = self.fields.last_mut()
                {
                    field.in_result = true;
                }
            }
            "end" => {
                if self.untracked_fields > 0 {
                    self.untracked_fields -= 1;
                } else if let Some(field) = self.fields.pop()
                    && let Some(shown) = field.shown_at_end()
                {
                    self.emit(&shown);
                }
            }
            _ => {}
        }
    }

    pub(super) fn tracked_field(&mut self) -> Option<&mut Field> {
        if self.untracked_fields > 0 {
            return None;
        }
        self.fields.last_mut()
    }

    pub(super) fn set_sdt_checkbox(&mut self, ticked: bool) {
        if let Some(Frame::Sdt(state)) = self.innermost(|f| matches!(f, Frame::Sdt(_))) {
            *state = Some(ticked);
        }
    }

    pub(super) fn run_font(&self) -> Option<SymbolFont> {
        self.stack.iter().rev().find_map(|o| match o.frame {
            Some(Frame::Run(font)) => Some(font),
            _ => None,
        })?
    }

    pub(super) fn in_paragraph(&self) -> bool {
        for open in self.stack.iter().rev() {
            match open.frame {
                Some(Frame::Para(_)) => return true,
                Some(Frame::Container(_)) => return false,
                _ => {}
            }
        }
        false
    }

    pub(super) fn innermost(&mut self, wanted: impl Fn(&Frame) -> bool) -> Option<&mut Frame> {
        self.stack
            .iter_mut()
            .rev()
            .filter_map(|o| o.frame.as_mut())
            .find(|f| wanted(f))
    }

    pub(super) fn innermost_para(&mut self) -> Option<&mut Para> {
        match self.innermost(|f| matches!(f, Frame::Para(_))) {
            Some(Frame::Para(para)) => Some(para),
            _ => None,
        }
    }

    pub(super) fn innermost_row(&mut self) -> Option<&mut RowFrame> {
        match self.innermost(|f| matches!(f, Frame::Row(_))) {
            Some(Frame::Row(row)) => Some(row),
            _ => None,
        }
    }

    pub(super) fn innermost_container(&mut self) -> &mut Container {
        let index = self
            .stack
            .iter()
            .rposition(|o| matches!(o.frame, Some(Frame::Container(_))))
            .unwrap_or(0);
        match &mut self.stack[index].frame {
            Some(Frame::Container(container)) => container,
            // The body container is never popped, so index 0 always holds it.
            _ => unreachable!("the body container is always at the bottom of the stack"),
        }
    }
}
