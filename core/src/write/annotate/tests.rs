//! The layout finds every paragraph the reader reads, at the same path, and
//! traces the same text there, for every .docx fixture.

use super::anchor::trace;
use super::layout::Layout;
use super::package::Package;
use crate::read::{Block, DocumentLimits, Paragraph, Source, read_docx};

fn paragraphs(blocks: &[Block]) -> Vec<Paragraph> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph(p) => out.push(p.clone()),
            Block::Heading(h) => out.push(Paragraph {
                text: h.text.clone(),
                list_level: None,
                style: None,
                source: h.source.clone(),
            }),
            Block::Table(table) => {
                for cell in table.rows.iter().flat_map(|r| &r.cells) {
                    out.extend(cell.paragraphs.iter().cloned());
                }
            }
            Block::Field(_) => {}
        }
    }
    out
}

#[test]
fn the_layout_traces_the_readers_paragraphs_in_every_fixture() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/docx");
    let limits = DocumentLimits::default();
    let mut traced = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "docx") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let document = read_docx(&bytes, &limits).unwrap();
        let package = Package::open(&bytes, &limits).unwrap();
        let layout = Layout::read(&package.document_xml, &package.main, limits.max_depth).unwrap();
        for paragraph in paragraphs(&document.blocks) {
            let Source::Docx(place) = &paragraph.source else {
                continue;
            };
            // A nested table's row is flattened into one paragraph: no XML paragraph has that path.
            if matches!(place.path.last(), Some(crate::read::Step::Row(_))) {
                continue;
            }
            let index = layout.paragraph(&place.path).unwrap_or_else(|| {
                panic!("{}: no paragraph at {}", path.display(), place.describe())
            });
            if let Some(text) = trace(&layout.paragraphs[index]) {
                assert_eq!(
                    text.text,
                    paragraph.text,
                    "{}: {}",
                    path.display(),
                    place.describe()
                );
                traced += 1;
            }
        }
    }
    assert!(traced > 1000, "only {traced} paragraphs traced");
}
