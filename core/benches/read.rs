//! Criterion benchmarks for the document readers: a ~100-page .docx (about
//! 40,000 words and 34 tables, tests/fixtures/docx/long_policy_100_pages.docx)
//! and an HTML page of the same text made from its blocks; a full check of
//! the .docx as the command and the bindings do it (read, recognise, check,
//! places), through `json_api::check_bytes`; and the Word round trip over the
//! same .docx (read, check, annotate, write), so the writer's own cost shows
//! beside the check.
//!
//!     cargo bench -p dueregard --bench read

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use dueregard::read::{Block, DocumentLimits, read_docx, read_html};
use dueregard::{Engine, Format, json_api};

const LONG_DOCX: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/docx/long_policy_100_pages.docx"
);

/// The .docx's blocks written out as HTML, so both readers get the same text.
fn as_html(blocks: &[Block]) -> String {
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;");
    let mut html = String::from("<!doctype html><title>Long policy</title>\n");
    for block in blocks {
        match block {
            Block::Heading(h) => html.push_str(&format!(
                "<h{0}>{1}</h{0}>\n",
                h.level.clamp(1, 6),
                escape(&h.text)
            )),
            Block::Paragraph(p) if p.list_level.is_some() => {
                html.push_str(&format!("<ul><li>{}</li></ul>\n", escape(&p.text)))
            }
            Block::Paragraph(p) => html.push_str(&format!("<p>{}</p>\n", escape(&p.text))),
            Block::Table(t) => {
                html.push_str("<table>\n");
                for row in &t.rows {
                    html.push_str("<tr>");
                    for cell in &row.cells {
                        html.push_str(&format!("<td>{}</td>", escape(&cell.text())));
                    }
                    html.push_str("</tr>\n");
                }
                html.push_str("</table>\n");
            }
            Block::Field(_) => {}
        }
    }
    html
}

fn readers(c: &mut Criterion) {
    let limits = DocumentLimits::default();
    let docx = std::fs::read(LONG_DOCX).expect("run tests/fixtures/make_fixtures.py");
    let doc = read_docx(&docx, &limits).expect("the fixture reads");
    let html = as_html(&doc.blocks);

    let mut group = c.benchmark_group("read");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(docx.len() as u64));
    group.bench_function("docx_100_pages", |b| {
        b.iter(|| read_docx(&docx, &limits).unwrap())
    });
    group.throughput(Throughput::Bytes(html.len() as u64));
    group.bench_function("html_100_pages", |b| {
        b.iter(|| read_html(html.as_bytes(), &limits).unwrap())
    });
    group.finish();
}

fn full_check(c: &mut Criterion) {
    let docx = std::fs::read(LONG_DOCX).expect("run tests/fixtures/make_fixtures.py");
    let engine = Engine::new();
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(docx.len() as u64));
    group.bench_function("docx_100_pages", |b| {
        b.iter(|| json_api::check_bytes(&engine, &docx, Format::Docx, "long_policy").unwrap())
    });
    group.finish();
}

fn annotate(c: &mut Criterion) {
    let docx = std::fs::read(LONG_DOCX).expect("run tests/fixtures/make_fixtures.py");
    let engine = Engine::new();
    let options = dueregard::AnnotateOptions::default();
    let mut group = c.benchmark_group("annotate");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(docx.len() as u64));
    group.bench_function("docx_100_pages", |b| {
        b.iter(|| dueregard::annotate_docx(&engine, &docx, &options).unwrap())
    });
    group.finish();
}

criterion_group!(benches, readers, full_check, annotate);
criterion_main!(benches);
