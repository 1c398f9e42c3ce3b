//! A run's children as the walk meets them: each recorded whole with its
//! byte range (text, tabs and breaks shown; anything else kept as it is),
//! and complex fields followed, since their instructions are not shown.

use super::layout::{Child, ChildKind};
use super::scan::Scanner;
use super::walk::{Frame, Open, Walk};
use crate::read::ReadError;
use crate::read::docx::elements::El;

/// Nested fields followed, as the reader does.
const MAX_FIELDS: usize = 64;

impl Walk {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn run_child(
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
}
