//! Tables for the recognisers' unit tests, as the Word reader gives them.

use crate::read::document::{Cell, DocxPlace, Paragraph, Row, Source, Step, Table};

/// A Word table (the document's first) from rows of cell texts; a cell's
/// lines are its paragraphs, and `header` marks the first row a header.
pub(super) fn table(rows: &[&[&str]], header: bool) -> Table {
    let place = |path: Vec<Step>| Source::Docx(DocxPlace { path });
    Table {
        rows: rows
            .iter()
            .enumerate()
            .map(|(r, cells)| Row {
                index: r,
                header: header && r == 0,
                cells: cells
                    .iter()
                    .enumerate()
                    .map(|(c, text)| {
                        let at = vec![Step::Table(0), Step::Row(r), Step::Cell(c)];
                        Cell {
                            index: c,
                            span: 1,
                            merged_above: false,
                            header: false,
                            paragraphs: text
                                .lines()
                                .enumerate()
                                .map(|(p, line)| Paragraph {
                                    text: line.to_owned(),
                                    list_level: None,
                                    style: None,
                                    source: place([at.clone(), vec![Step::Paragraph(p)]].concat()),
                                })
                                .collect(),
                            fields: Vec::new(),
                            source: place(at),
                        }
                    })
                    .collect(),
            })
            .collect(),
        caption: None,
        source: place(vec![Step::Table(0)]),
    }
}
