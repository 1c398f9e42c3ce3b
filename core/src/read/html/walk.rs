//! Walks the parsed page in reading order and builds blocks: block elements
//! end paragraphs, inline elements and text run into them, list items carry
//! their nesting level, tables are read cell by cell, and form controls are
//! placed as fields where their first control stands.

use super::Lines;
use super::forms::{self, Forms};
use super::sink::{Id, Node};
use super::tree::{Tree, collapse};
use crate::read::document::{
    Block, Cell, DocumentComment, Heading, Paragraph, Row, Source, Table, Title, cell_contents,
    normalise_ticks,
};
use crate::read::error::ReadError;

/// What the walk reads: the title, the body's blocks and the directive comments.
pub(crate) type Walked = (Option<Title>, Vec<Block>, Vec<DocumentComment>);

/// The title, the body's blocks, and the comments that are dueregard directives.
pub(crate) fn document(
    nodes: &[Node],
    lines: &Lines,
    max_depth: usize,
) -> Result<Walked, ReadError> {
    let tree = Tree { nodes };
    let forms = forms::find(&tree, lines);
    let mut walker = Walker {
        tree: &tree,
        lines,
        forms,
        max_depth,
        list_depth: 0,
        cell_directives: Vec::new(),
    };
    let mut out = Out::default();
    walker.walk(0, &mut out, 0, false)?;
    walker.flush(&mut out);
    let (blocks, comments) = (out.blocks, out.comments);
    let title = page_title(&tree)
        .map(|text| Title { text, source: None })
        .or_else(|| {
            blocks.iter().find_map(|b| match b {
                Block::Heading(h) if h.level == 1 => Some(Title {
                    text: h.text.clone(),
                    source: Some(h.source.clone()),
                }),
                _ => None,
            })
        });
    Ok((title, blocks, comments))
}

fn page_title(tree: &Tree) -> Option<String> {
    let title = (0..tree.nodes.len())
        .find(|&id| tree.is(id, "title") && tree.ancestors(id).any(|a| tree.is(a, "head")))?;
    let text = collapse(
        &tree
            .children(title)
            .iter()
            .filter_map(|&c| tree.text(c))
            .collect::<String>(),
    );
    (!text.is_empty()).then_some(text)
}

struct Walker<'t, 'a> {
    tree: &'t Tree<'a>,
    lines: &'t Lines<'t>,
    forms: Forms,
    max_depth: usize,
    list_depth: usize,
    /// Directive comments met in the cells of the table being read.
    cell_directives: Vec<String>,
}

/// Blocks being built, and the paragraph being filled.
#[derive(Default)]
struct Out {
    blocks: Vec<Block>,
    comments: Vec<DocumentComment>,
    text: String,
    source: Option<Id>,
    list_level: Option<u8>,
}

impl Walker<'_, '_> {
    fn walk(&mut self, node: Id, out: &mut Out, depth: usize, pre: bool) -> Result<(), ReadError> {
        if depth > self.max_depth {
            return Err(ReadError::TooDeep {
                part: "the page".into(),
                limit: self.max_depth,
                at: self.source(node).place(),
            });
        }
        let tree = self.tree;
        if let Some(text) = tree.text(node) {
            if !self.forms.used.contains(&node) {
                push_text(out, text, pre);
                if out.source.is_none() && !text.trim().is_empty() {
                    out.source = tree.parent(node);
                }
            }
            return Ok(());
        }
        if let Some(text) = tree.directive(node) {
            // About the block after it: the paragraph being filled, if any,
            // is that block, since it is pushed next.
            out.comments.push(DocumentComment {
                text: text.trim().to_owned(),
                block: out.blocks.len(),
                inside: false,
            });
            return Ok(());
        }
        if tree.hidden(node) {
            return Ok(());
        }
        if self.forms.used.contains(&node) {
            // A label or legend read into a field: only its controls remain.
            return self.fields_within(node, out);
        }
        let Some(name) = tree.name(node) else {
            // The document node.
            for &child in tree.children(node) {
                self.walk(child, out, depth + 1, pre)?;
            }
            return Ok(());
        };
        if tree.is_control(node) {
            self.flush(out);
            if let Some(field) = self.forms.at.remove(&node) {
                out.blocks.push(Block::Field(field));
            }
            return Ok(());
        }
        match name {
            "br" => out.text.push('\n'),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush(out);
                let text = tree.text_of(node);
                if !text.is_empty() {
                    out.blocks.push(Block::Heading(Heading {
                        level: name.as_bytes()[1] - b'0',
                        text: normalise_ticks(&text).into_owned(),
                        style: None,
                        source: self.source(node),
                    }));
                }
                self.fields_within(node, out)?;
            }
            "table" => {
                self.flush(out);
                let (table, directives) = self.table(node, depth)?;
                // A directive in a cell is about the table it is in, as a Word
                // comment anchored in a cell is.
                let block = out.blocks.len();
                out.comments
                    .extend(directives.into_iter().map(|text| DocumentComment {
                        text,
                        block,
                        inside: true,
                    }));
                out.blocks.push(Block::Table(table));
            }
            "ul" | "ol" => {
                self.flush(out);
                self.list_depth += 1;
                let result = self.children(node, out, depth, pre);
                self.list_depth -= 1;
                result?;
                self.flush(out);
            }
            "li" => {
                self.flush(out);
                out.list_level =
                    Some(self.list_depth.saturating_sub(1).min(u8::MAX as usize) as u8);
                out.source = Some(node);
                self.children(node, out, depth, pre)?;
                self.flush(out);
            }
            _ if tree.is_block(node) => {
                self.flush(out);
                out.source = Some(node);
                self.children(node, out, depth, pre || name == "pre")?;
                self.flush(out);
            }
            _ => self.children(node, out, depth, pre)?,
        }
        Ok(())
    }

    fn children(
        &mut self,
        node: Id,
        out: &mut Out,
        depth: usize,
        pre: bool,
    ) -> Result<(), ReadError> {
        for &child in self.tree.children(node) {
            self.walk(child, out, depth + 1, pre)?;
        }
        Ok(())
    }

    /// Places the fields whose controls sit inside a node read some other way.
    fn fields_within(&mut self, node: Id, out: &mut Out) -> Result<(), ReadError> {
        let mut stack = vec![node];
        while let Some(id) = stack.pop() {
            if let Some(field) = self.forms.at.remove(&id) {
                self.flush(out);
                out.blocks.push(Block::Field(field));
            }
            stack.extend(self.tree.children(id).iter().rev());
        }
        Ok(())
    }

    /// The table, and the text of the directive comments in its cells (those
    /// of tables nested in them included).
    fn table(&mut self, node: Id, depth: usize) -> Result<(Table, Vec<String>), ReadError> {
        let outer = std::mem::take(&mut self.cell_directives);
        let table = self.rows_of(node, depth);
        let directives = std::mem::replace(&mut self.cell_directives, outer);
        Ok((table?, directives))
    }

    fn rows_of(&mut self, node: Id, depth: usize) -> Result<Table, ReadError> {
        let tree = self.tree;
        let mut caption = None;
        let mut rows = Vec::new();
        let mut stack: Vec<(Id, bool)> = tree
            .children(node)
            .iter()
            .rev()
            .map(|&c| (c, false))
            .collect();
        while let Some((id, in_head)) = stack.pop() {
            match tree.name(id) {
                Some("caption") => {
                    let text = tree.text_of(id);
                    caption = (!text.is_empty()).then_some(text);
                }
                Some(section @ ("thead" | "tbody" | "tfoot")) => {
                    let head = section == "thead";
                    stack.extend(tree.children(id).iter().rev().map(|&c| (c, head)));
                }
                Some("tr") if !tree.hidden(id) => {
                    let row = self.row(id, rows.len(), in_head, depth)?;
                    rows.push(row);
                }
                _ => {}
            }
        }
        Ok(Table {
            rows,
            caption,
            source: self.source(node),
        })
    }

    fn row(&mut self, tr: Id, index: usize, in_head: bool, depth: usize) -> Result<Row, ReadError> {
        let tree = self.tree;
        let mut cells = Vec::new();
        for &td in tree.children(tr) {
            let header = tree.is(td, "th");
            if !(header || tree.is(td, "td")) || tree.hidden(td) {
                continue;
            }
            let mut out = Out::default();
            let saved_lists = std::mem::take(&mut self.list_depth);
            let result = self.children(td, &mut out, depth + 2, false);
            self.list_depth = saved_lists;
            result?;
            self.flush(&mut out);
            self.cell_directives
                .extend(out.comments.into_iter().map(|c| c.text));
            let (paragraphs, fields) = cell_contents(out.blocks);
            let span = tree
                .attr(td, "colspan")
                .and_then(|v| v.trim().parse::<u32>().ok())
                .unwrap_or(1)
                .clamp(1, 1000);
            cells.push(Cell {
                index: cells.len(),
                span,
                merged_above: false,
                header,
                paragraphs,
                fields,
                source: self.source(td),
            });
        }
        let header = in_head || (!cells.is_empty() && cells.iter().all(|c| c.header));
        Ok(Row {
            index,
            header,
            cells,
        })
    }

    fn flush(&self, out: &mut Out) {
        let text = out.text.replace('\u{a0}', " ");
        let text = text
            .split('\n')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        if !text.is_empty() {
            let source = self.source(out.source.unwrap_or(0));
            out.blocks.push(Block::Paragraph(Paragraph {
                text: normalise_ticks(&text).into_owned(),
                list_level: out.list_level,
                style: None,
                source,
            }));
        }
        out.text.clear();
        out.source = None;
        out.list_level = None;
    }

    fn source(&self, id: Id) -> Source {
        let offset = self.tree.nodes.get(id).map_or(0, |n| n.offset);
        Source::Html(self.lines.place(offset))
    }
}

/// Appends text as a browser shows it: runs of whitespace become one space.
fn push_text(out: &mut Out, text: &str, pre: bool) {
    if pre {
        out.text.push_str(text);
        return;
    }
    for (i, word) in text.split(|c: char| c.is_ascii_whitespace()).enumerate() {
        let ends_in_space = out.text.is_empty() || out.text.ends_with([' ', '\n']);
        if i > 0 && !ends_in_space {
            out.text.push(' ');
        }
        out.text.push_str(word);
    }
}
