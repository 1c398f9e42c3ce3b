//! HTML: fuzzed bytes -> read_html. Whatever comes back must hold together:
//! every source offset is inside the input at a `<` (or the start), its line
//! and column agree with the offset, rows and cells are numbered in order,
//! and the document serialises.

#![no_main]

use dueregard::read::{Block, DocumentLimits, FormField, Source, read_html};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = DocumentLimits {
        max_depth: 64,
        max_html_elements: 20_000,
        ..DocumentLimits::default()
    };
    let Ok(doc) = read_html(data, &limits) else {
        return;
    };
    for block in &doc.blocks {
        check_source(data, block.source());
        match block {
            Block::Table(table) => {
                for (r, row) in table.rows.iter().enumerate() {
                    assert_eq!(row.index, r, "rows are numbered in order");
                    for (c, cell) in row.cells.iter().enumerate() {
                        assert_eq!(cell.index, c, "cells are numbered in order");
                        check_source(data, &cell.source);
                        for p in &cell.paragraphs {
                            check_source(data, &p.source);
                        }
                        cell.fields.iter().for_each(|f| check_field(data, f));
                    }
                }
            }
            Block::Field(field) => check_field(data, field),
            Block::Heading(h) => assert!((1..=6).contains(&h.level)),
            Block::Paragraph(p) => assert!(!p.text.trim().is_empty()),
        }
    }
    serde_json::to_string(&doc).expect("a document always serialises");
});

fn check_field(data: &[u8], field: &FormField) {
    check_source(data, &field.source);
    for option in &field.options {
        check_source(data, &option.source);
    }
}

fn check_source(data: &[u8], source: &Source) {
    let Source::Html(place) = source else {
        panic!("an HTML block has a .docx source");
    };
    assert!(place.offset <= data.len());
    assert!(
        place.offset == 0 || place.offset == 3 || data[place.offset] == b'<',
        "a place points at a tag"
    );
    let before = &data[..place.offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    assert_eq!(place.line, line, "line agrees with the offset");
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&data[line_start..place.offset])
        .chars()
        .count()
        + 1;
    assert_eq!(place.column, column, "column agrees with the offset");
}
