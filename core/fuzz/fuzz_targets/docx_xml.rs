//! .docx body: fuzzed text -> read_docx_xml (document.xml, and styles.xml
//! after the first U+0001 if there is one). The zip layer is skipped because
//! its checksums stop mutations reaching the XML. Whatever comes back must
//! hold together: places name real paths, rows and cells are numbered in
//! order, and the document serialises.

#![no_main]

use dueregard::read::{Block, DocumentLimits, Source, read_docx_xml};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (document, styles) = match text.split_once('\u{1}') {
        Some((document, styles)) => (document, Some(styles)),
        None => (text, None),
    };
    let limits = DocumentLimits {
        max_depth: 64,
        ..DocumentLimits::default()
    };
    let Ok(doc) = read_docx_xml(document, styles, &limits) else {
        return;
    };
    for block in &doc.blocks {
        check_source(block.source());
        if let Block::Table(table) = block {
            for (r, row) in table.rows.iter().enumerate() {
                assert_eq!(row.index, r, "rows are numbered in order");
                for (c, cell) in row.cells.iter().enumerate() {
                    assert_eq!(cell.index, c, "cells are numbered in order");
                    assert!(cell.span >= 1);
                    check_source(&cell.source);
                    for p in &cell.paragraphs {
                        check_source(&p.source);
                        assert!(!p.text.trim().is_empty(), "empty paragraphs are left out");
                    }
                }
            }
        }
        if let Block::Heading(h) = block {
            assert!(h.level <= 9);
        }
    }
    serde_json::to_string(&doc).expect("a document always serialises");
});

fn check_source(source: &Source) {
    match source {
        Source::Docx(place) => {
            assert!(!place.path.is_empty(), "every docx place has a path");
            assert!(!source.place().is_empty());
        }
        Source::Html(_) => panic!("a .docx block has an HTML source"),
    }
}
