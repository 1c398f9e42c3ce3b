//! A run's children as the walk meets them: each recorded whole with its
//! byte range (text, tabs and breaks shown; anything else kept as it is),
//! and complex fields followed, since their instructions are not shown.

use super::layout::{Atom, Child, ChildKind};
use super::scan::{Scanner, Tok};
use super::walk::{Frame, Open, Walk};
use crate::read::ReadError;
use crate::read::docx::elements::{El, classify};
use crate::read::docx::runs::symbol_font;

/// Nested fields followed, as the reader does.
const MAX_FIELDS: usize = 64;

impl Walk {
    /// Reads to the end of a run's properties (returning the offset past
    /// them). A symbol font (Wingdings ticks) makes the paragraph's text
    /// untraceable: the reader shows its characters as other ones.
    pub(super) fn run_properties(
        &mut self,
        p: usize,
        scanner: &mut Scanner,
    ) -> Result<usize, ReadError> {
        let mut depth = 1usize;
        loop {
            match scanner.next()? {
                (Tok::Start { ns, start, empty }, _, _) => {
                    if classify(ns, start.local_name().as_ref()) == El::RFonts {
                        let font = match scanner.attr(&start, "ascii")? {
                            Some(name) => Some(name),
                            None => scanner.attr(&start, "hAnsi")?,
                        };
                        if font.as_deref().and_then(symbol_font).is_some() {
                            self.layout.paragraphs[p].opaque = true;
                        }
                    }
                    if !empty {
                        depth += 1;
                    }
                }
                (Tok::End, _, to) => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(to);
                    }
                }
                (Tok::Eof, _, to) => return Ok(to),
                (Tok::Text(_), _, _) => {}
            }
        }
    }

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
        if let ChildKind::Char(c) = children[child].kind {
            // A tab or break shows one character; text shows when its element ends.
            self.layout.paragraphs[p].atoms.push(Atom {
                c,
                run: r,
                child,
                offset: 0,
            });
        }
        if !empty {
            // Walked, not skipped: a drawing in a run may hold a text box.
            self.stack.push(Open {
                el,
                start: from,
                frame: Some(Frame::RunChild(
                    p,
                    r,
                    child,
                    (el == El::AlternateContent).then_some(false),
                )),
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
