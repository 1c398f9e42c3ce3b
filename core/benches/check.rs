//! Criterion benchmarks for the core: checking drafts of 1k to 1M words,
//! compiling the engine, a one-section update in an editing session, and a
//! pack with ten times the built-in phrases (one automaton: the check should
//! not get ten times slower).
//!
//! The `keystroke` group times one keystroke in a 100,000-word draft both
//! ways, side by side: `full_report_json` is the previous approach (the whole
//! report rebuilt and serialised, what `json_api::session_update` and wasm
//! `update` do), `diff_json` the new one (`json_api::session_update_diff`,
//! wasm `updateDiff`); `*_new_finding` types a phrase that adds a finding and
//! takes it away again.
//!
//!     cargo bench -p dueregard --bench check
//!     bash core/benches/before-after.sh     # the full check against main's, in one run

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::sync::Arc;

use dueregard::{Draft, Engine, RulePack, Section, Session, TermEntry, TermRuleSpec, json_api};

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
    group.sample_size(10);
    for words in [1_000usize, 10_000, 100_000, 1_000_000] {
        let draft = draft_of(words);
        let bytes: usize = draft.sections.iter().map(|s| s.text.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(format!("{words}_words"), |b| {
            b.iter(|| engine.check(&draft))
        });
    }
    group.finish();

    c.bench_function("engine_compile", |b| b.iter(Engine::new));

    let big = larger_pack(&engine, 10);
    let draft = draft_of(100_000);
    let mut group = c.benchmark_group("terms");
    group.sample_size(10);
    group.bench_function("builtin_100000_words", |b| b.iter(|| engine.check(&draft)));
    group.bench_function("10x_terms_100000_words", |b| b.iter(|| big.check(&draft)));
    group.finish();

    let mut session = Session::new(Arc::new(Engine::new()), draft_of(100_000));
    let id = session.draft().sections[50].id.clone();
    let base = session.draft().sections[50].text.clone();
    let mut keystroke = 0usize;
    c.bench_function("session_update_100000_words", |b| {
        b.iter(|| {
            keystroke += 1;
            let text = format!("{base}{}", if keystroke % 2 == 0 { "x" } else { "xy" });
            session
                .update_section(&id, &text)
                .expect("the section exists")
        })
    });

    // One keystroke, the previous way and the new way, in one group.
    let mut group = c.benchmark_group("keystroke_100000_words");
    group.sample_size(30);
    let typed = |n: usize, finding: bool| match (finding, n % 2) {
        (false, 0) => format!("{base}x"),
        (false, _) => format!("{base}xy"),
        (true, 0) => format!("{base} he or she"),
        (true, _) => base.clone(),
    };
    for finding in [false, true] {
        let suffix = if finding { "_new_finding" } else { "" };
        let mut session = Session::new(Arc::new(Engine::new()), draft_of(100_000));
        let mut n = 0usize;
        group.bench_function(format!("full_report_json{suffix}"), |b| {
            b.iter(|| {
                n += 1;
                json_api::session_update(&mut session, &id, &typed(n, finding))
                    .expect("the section exists")
            })
        });
        let mut session = Session::new(Arc::new(Engine::new()), draft_of(100_000));
        group.bench_function(format!("diff_json{suffix}"), |b| {
            b.iter(|| {
                n += 1;
                json_api::session_update_diff(&mut session, &id, &typed(n, finding))
                    .expect("the section exists")
            })
        });
    }
    group.finish();
}

/// The built-in pack plus a term rule with `factor` times as many phrases.
fn larger_pack(engine: &Engine, factor: usize) -> Engine {
    let builtin: usize = engine.rules().iter().filter_map(|r| r.terms).sum();
    let terms = (0..builtin * factor)
        .map(|i| format!("zq{i} placeholder phrase"))
        .collect();
    let spec: TermRuleSpec = serde_json::from_value(serde_json::json!({
        "id": "bench-extra-terms", "name": "Extra terms", "severity": "info", "elements": ["2.3"],
        "message": "{term}", "rationale": "benchmark",
        "source": {"title": "bench", "url": "https://example.invalid", "checked": "2026-11-24"},
        "entries": [{"terms": []}]
    }))
    .expect("a valid spec");
    let spec = TermRuleSpec {
        entries: vec![TermEntry {
            terms,
            ..spec.entries[0].clone()
        }],
        ..spec
    };
    let pack = RulePack {
        name: "bench".into(),
        version: "0".into(),
        extends_builtin: true,
        disable: Vec::new(),
        severity: Default::default(),
        options: Default::default(),
        term_rules: vec![spec],
    };
    Engine::from_pack(&pack).expect("the bench pack compiles")
}

criterion_group!(benches, bench);
criterion_main!(benches);
