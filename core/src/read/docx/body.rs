//! Walks word/document.xml as a stream of events and builds the body's
//! blocks. Read as Word shows the document with every tracked change
//! accepted: insertions kept, deletions and moved-away text dropped. Text
//! boxes are read once (the `mc:Choice` of an `mc:AlternateContent`, not its
//! `mc:Fallback` copy); fields show their result, not their instructions.

use super::elements::{El, classify};
use super::frames::{
    Container, Frame, Kind, Open, Para, RowFrame, TableFrame, Walk, extend, place,
};
use super::runs::{on_off, symbol_char, symbol_font};
use super::styles::Styles;
use super::xml::{XmlEvent, XmlReader};
use crate::read::document::{
    Block, Cell, Heading, Paragraph, Row, Step, TICKED, Table, UNTICKED, cell_contents,
    normalise_ticks,
};
use crate::read::error::ReadError;

/// Where each comment is anchored: (comment id, index of the body block it is in).
pub(crate) type CommentAnchors = Vec<(String, usize)>;

/// Reads a document part's body into blocks, with the comment anchors met.
pub(crate) fn read_body(
    xml: &str,
    part: &str,
    styles: &Styles,
    max_depth: usize,
) -> Result<(Vec<Block>, CommentAnchors), ReadError> {
    let mut reader = XmlReader::new(xml, part, max_depth);
    let mut walk = Walk {
        styles,
        stack: vec![Open {
            el: El::Other,
            frame: Some(Frame::Container(Container::new(Vec::new(), Kind::Body))),
        }],
        fields: Vec::new(),
        untracked_fields: 0,
        comment_anchors: Vec::new(),
    };
    loop {
        match reader.next()? {
            XmlEvent::Start(ns, start) => {
                let el = classify(ns, start.local_name().as_ref());
                walk.start(el, &start, &mut reader)?;
            }
            XmlEvent::End(_) => walk.end(),
            XmlEvent::Text(text) => walk.text(&text),
            XmlEvent::Eof => break,
        }
    }
    // Elements left open cannot happen (the reader checks), so the root is last.
    let anchors = std::mem::take(&mut walk.comment_anchors);
    match walk.stack.swap_remove(0).frame {
        Some(Frame::Container(root)) => Ok((root.items, anchors)),
        _ => Ok((Vec::new(), anchors)),
    }
}

impl Walk<'_> {
    fn start(
        &mut self,
        el: El,
        start: &quick_xml::events::BytesStart,
        reader: &mut XmlReader,
    ) -> Result<(), ReadError> {
        let parent = self.stack.last().map_or(El::Other, |o| o.el);
        let val = |reader: &XmlReader| reader.attr(start, "val");
        let mut frame = None;
        match el {
            El::Skipped => return reader.skip_element(),
            El::Deleted => {
                if parent == El::TrPr
                    && let Some(row) = self.innermost_row()
                {
                    row.deleted = true;
                }
                return reader.skip_element();
            }
            El::Choice | El::Fallback => {
                let Some(Frame::Alternate { taken }) =
                    self.stack.last_mut().and_then(|o| o.frame.as_mut())
                else {
                    return reader.skip_element();
                };
                if *taken {
                    return reader.skip_element();
                }
                *taken = true;
            }
            El::AlternateContent => frame = Some(Frame::Alternate { taken: false }),
            El::CommentAnchor => {
                // The body block being built is the next one of the body.
                let block = match self.stack.first().and_then(|o| o.frame.as_ref()) {
                    Some(Frame::Container(body)) => body.items.len(),
                    _ => 0,
                };
                if let Some(id) = reader.attr(start, "id")? {
                    self.comment_anchors.push((id, block));
                }
            }
            El::P => {
                let container = self.innermost_container();
                let path = extend(&container.path, Step::Paragraph(container.paragraphs));
                container.paragraphs += 1;
                frame = Some(Frame::Para(Para {
                    path,
                    text: String::new(),
                    style: None,
                    level: None,
                    num_id: None,
                    outline: None,
                    text_boxes: 0,
                    after: Vec::new(),
                }));
            }
            El::PStyle if parent == El::PPr => {
                if let Some(para) = self.innermost_para() {
                    para.style = val(reader)?;
                }
            }
            El::Ilvl if parent == El::NumPr => {
                let level = val(reader)?.and_then(|v| v.trim().parse::<u8>().ok());
                if let Some(para) = self.innermost_para() {
                    para.level = level;
                }
            }
            El::NumId if parent == El::NumPr => {
                let numbered = val(reader)?.map(|v| v.trim() != "0");
                if let Some(para) = self.innermost_para() {
                    para.num_id = numbered;
                }
            }
            El::OutlineLvl if parent == El::PPr => {
                let level = val(reader)?.and_then(|v| v.trim().parse::<u8>().ok());
                if let Some(para) = self.innermost_para() {
                    para.outline = level;
                }
            }
            El::R => frame = Some(Frame::Run(None)),
            El::RFonts if parent == El::RPr => {
                let font = match reader.attr(start, "ascii")? {
                    Some(name) => Some(name),
                    None => reader.attr(start, "hAnsi")?,
                };
                if let Some(Some(Frame::Run(run))) =
                    self.stack.iter_mut().rev().nth(1).map(|o| o.frame.as_mut())
                {
                    *run = font.as_deref().and_then(symbol_font);
                }
            }
            El::Tab | El::PTab if parent == El::R => self.emit("\t"),
            El::Br | El::Cr if parent == El::R => self.emit("\n"),
            El::NoBreakHyphen if parent == El::R => self.emit("-"),
            El::Sym if parent == El::R => {
                let font = reader.attr(start, "font")?;
                let code = reader
                    .attr(start, "char")?
                    .and_then(|c| u32::from_str_radix(c.trim(), 16).ok());
                if let (Some(font), Some(code)) = (font.as_deref().and_then(symbol_font), code)
                    && let Some(c) = symbol_char(font, code)
                {
                    self.emit(c.encode_utf8(&mut [0; 4]));
                }
            }
            El::FldChar => {
                let kind = reader.attr(start, "fldCharType")?;
                self.field_char(kind.as_deref().unwrap_or(""));
            }
            El::FfCheckBox if parent == El::FfData => {
                if let Some(field) = self.tracked_field() {
                    field.default.get_or_insert(false);
                }
            }
            El::FfDefault if parent == El::FfCheckBox => {
                let on = on_off(val(reader)?.as_deref());
                if let Some(field) = self.tracked_field() {
                    field.default = Some(on);
                }
            }
            El::FfChecked if parent == El::FfCheckBox => {
                let on = on_off(val(reader)?.as_deref());
                if let Some(field) = self.tracked_field() {
                    field.checked = Some(on);
                }
            }
            El::FfResult if parent == El::DdList => {
                let choice = val(reader)?.and_then(|v| v.trim().parse::<usize>().ok());
                if let Some(field) = self.tracked_field() {
                    field.dropdown_choice = choice;
                }
            }
            El::ListEntry if parent == El::DdList => {
                let entry = val(reader)?.unwrap_or_default();
                if let Some(field) = self.tracked_field() {
                    field.push_entry(entry);
                }
            }
            El::Sdt => frame = Some(Frame::Sdt(None)),
            El::W14Checkbox => self.set_sdt_checkbox(false),
            El::W14Checked if parent == El::W14Checkbox => {
                let on = matches!(val(reader)?.as_deref().map(str::trim), Some("1" | "true"));
                self.set_sdt_checkbox(on);
            }
            El::SdtContent => {
                // A check-box content control shows a box; its glyph run (in
                // whatever font it was given) is replaced by the standard one.
                if let Some(Some(Frame::Sdt(Some(ticked)))) =
                    self.stack.last().map(|o| o.frame.as_ref())
                    && self.in_paragraph()
                {
                    let ticked = *ticked;
                    let shown = if ticked { TICKED } else { UNTICKED };
                    self.emit(shown.encode_utf8(&mut [0; 4]));
                    return reader.skip_element();
                }
            }
            El::Tbl => {
                let container = self.innermost_container();
                let path = extend(&container.path, Step::Table(container.tables));
                container.tables += 1;
                frame = Some(Frame::Table(TableFrame {
                    path,
                    rows: Vec::new(),
                    caption: None,
                }));
            }
            El::TblCaption if parent == El::TblPr => {
                let caption = val(reader)?;
                if let Some(Frame::Table(table)) = self.innermost(|f| matches!(f, Frame::Table(_)))
                {
                    table.caption = caption.filter(|c| !c.trim().is_empty());
                }
            }
            El::Tr => {
                if let Some(Frame::Table(table)) = self.innermost(|f| matches!(f, Frame::Table(_)))
                {
                    frame = Some(Frame::Row(RowFrame {
                        path: extend(&table.path, Step::Row(table.rows.len())),
                        header: false,
                        deleted: false,
                        cells: Vec::new(),
                    }));
                }
            }
            El::TblHeader if parent == El::TrPr => {
                let on = on_off(val(reader)?.as_deref());
                if let Some(row) = self.innermost_row() {
                    row.header = on;
                }
            }
            El::Tc => {
                if let Some(row) = self.innermost_row() {
                    let path = extend(&row.path, Step::Cell(row.cells.len()));
                    let kind = Kind::Cell {
                        span: 1,
                        merged_above: false,
                    };
                    frame = Some(Frame::Container(Container::new(path, kind)));
                }
            }
            El::GridSpan | El::VMerge if parent == El::TcPr => {
                let value = val(reader)?;
                if let Some(Open {
                    frame: Some(Frame::Container(cell)),
                    ..
                }) = self.stack.iter_mut().rev().nth(1)
                    && let Kind::Cell { span, merged_above } = &mut cell.kind
                {
                    if el == El::GridSpan {
                        *span = value
                            .and_then(|v| v.trim().parse().ok())
                            .unwrap_or(1)
                            .max(1);
                    } else {
                        *merged_above = value.as_deref().map(str::trim) != Some("restart");
                    }
                }
            }
            El::TxbxContent => {
                let Some(Frame::Para(para)) =
                    self.innermost(|f| matches!(f, Frame::Para(_) | Frame::Container(_)))
                else {
                    // A text box outside any paragraph: read it as part of its container.
                    let path = self.innermost_container().path.clone();
                    self.stack.push(Open {
                        el,
                        frame: Some(Frame::Container(Container::new(path, Kind::TextBox))),
                    });
                    return Ok(());
                };
                let path = extend(&para.path, Step::TextBox(para.text_boxes));
                para.text_boxes += 1;
                frame = Some(Frame::Container(Container::new(path, Kind::TextBox)));
            }
            _ => {}
        }
        self.stack.push(Open { el, frame });
        Ok(())
    }

    fn end(&mut self) {
        if self.stack.len() < 2 {
            return;
        }
        let Some(open) = self.stack.pop() else { return };
        match open.frame {
            Some(Frame::Para(para)) => self.finish_paragraph(para),
            Some(Frame::Table(table)) => {
                let block = Block::Table(Table {
                    rows: table.rows,
                    caption: table.caption,
                    source: place(&table.path),
                });
                self.innermost_container().items.push(block);
            }
            Some(Frame::Row(row)) => {
                if !row.deleted
                    && let Some(Frame::Table(table)) =
                        self.innermost(|f| matches!(f, Frame::Table(_)))
                {
                    table.rows.push(Row {
                        index: table.rows.len(),
                        header: row.header,
                        cells: row.cells,
                    });
                }
            }
            Some(Frame::Container(container)) => self.finish_container(container),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        let Some(top) = self.stack.last() else { return };
        let parent = self
            .stack
            .len()
            .checked_sub(2)
            .map_or(El::Other, |i| self.stack[i].el);
        match top.el {
            El::T if parent == El::R => match self.run_font() {
                Some(font) => {
                    let mapped: String = text
                        .chars()
                        .filter_map(|c| symbol_char(font, c as u32))
                        .collect();
                    self.emit(&mapped);
                }
                None => self.emit(text),
            },
            El::MathT => self.emit(text),
            El::InstrText => {
                if let Some(field) = self.tracked_field() {
                    field.push_instruction(text);
                }
            }
            _ => {}
        }
    }

    fn finish_paragraph(&mut self, para: Para) {
        let text = clean(&para.text);
        let styles = self.styles;
        let level = match para.outline {
            Some(level) if level < 9 => Some(level + 1),
            Some(_) => None,
            None => para
                .style
                .as_deref()
                .and_then(|id| styles.heading_level(id)),
        };
        let style_level = para.style.as_deref().and_then(|id| styles.list_level(id));
        let list_level = match para.num_id {
            Some(false) => None,
            Some(true) => Some(para.level.or(style_level).unwrap_or(0)),
            None => style_level.map(|level| para.level.unwrap_or(level)),
        };
        let style = para
            .style
            .as_deref()
            .map(|id| styles.name(id).unwrap_or_else(|| id.to_owned()));
        let source = place(&para.path);
        let container = self.innermost_container();
        if !text.is_empty() {
            let block = match (level, &container.kind) {
                (Some(level), Kind::Body | Kind::TextBox) => Block::Heading(Heading {
                    level,
                    text,
                    style,
                    source,
                }),
                _ => Block::Paragraph(Paragraph {
                    text,
                    list_level,
                    style,
                    source,
                }),
            };
            container.items.push(block);
        }
        container.items.extend(para.after);
    }

    fn finish_container(&mut self, container: Container) {
        match container.kind {
            Kind::Body => {}
            Kind::TextBox => {
                match self.innermost(|f| matches!(f, Frame::Para(_) | Frame::Container(_))) {
                    Some(Frame::Para(para)) => para.after.extend(container.items),
                    _ => self.innermost_container().items.extend(container.items),
                }
            }
            Kind::Cell { span, merged_above } => {
                let Some(row) = self.innermost_row() else {
                    return;
                };
                let (paragraphs, _) = cell_contents(container.items);
                row.cells.push(Cell {
                    index: row.cells.len(),
                    span,
                    merged_above,
                    header: false,
                    paragraphs,
                    fields: Vec::new(),
                    source: place(&container.path),
                });
            }
        }
    }
}

/// Trims, turns no-break spaces into spaces and tick symbols into the two boxes.
fn clean(text: &str) -> String {
    let text = text.trim().replace('\u{a0}', " ");
    normalise_ticks(&text).into_owned()
}
