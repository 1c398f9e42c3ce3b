//! Criterion benchmarks for the core: checking a 1,000-word and a
//! 100,000-word draft, and compiling the engine.
//!
//!     cargo bench -p dueregard --bench check

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dueregard::{Draft, Engine, Section};

/// Realistic policy prose with a few findings per thousand words, in sections
/// of about 500 words.
fn draft_of(words: usize) -> Draft {
    const PARAGRAPH: &str = "Managers should agree reasonable adjustments with each member of staff and record them on the shared form. \
        Where an employee asks for time off to care for a partner or someone they regard as family, the request is considered promptly and fairly. \
        The policy applies to all staff, including bank and agency workers, and to volunteers where stated. \
        If he or she is unsure, the employee may ask the LGBTQ+ staff network or the freedom to speak up guardian for advice. \
        Data about sexual orientation and gender identity is collected only with consent and reported without small numbers.";
    let per_paragraph = PARAGRAPH.split_whitespace().count();
    let mut draft = Draft::from_text("Benchmark draft", "").expect("empty draft");
    draft.sections.clear();
    let mut written = 0;
    let mut section = 0;
    while written < words {
        let mut text = String::new();
        while text.split_whitespace().count() < 500 && written < words {
            text.push_str(PARAGRAPH);
            text.push_str("\n\n");
            written += per_paragraph;
        }
        draft.sections.push(Section {
            id: format!("s{section}"),
            heading: format!("Section {section}"),
            text,
        });
        section += 1;
    }
    draft
}

fn bench(c: &mut Criterion) {
    let engine = Engine::new();
    let mut group = c.benchmark_group("check");
    for words in [1_000usize, 100_000] {
        let draft = draft_of(words);
        let bytes: usize = draft.sections.iter().map(|s| s.text.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(format!("{words}_words"), |b| {
            b.iter(|| engine.check(&draft))
        });
    }
    group.finish();
    c.bench_function("engine_compile", |b| b.iter(Engine::new));
}

criterion_group!(benches, bench);
criterion_main!(benches);
