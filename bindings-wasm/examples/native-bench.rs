//! The native side of `bindings-wasm/bench.mjs`: times the same JSON-string
//! entry points the WebAssembly build calls, in one process, so the two can
//! be compared on the same machine.
//!
//!     cargo run --release -p dueregard-wasm --example native-bench -- DRAFT.json ITERATIONS [SECTION_ID]
//!
//! Prints one JSON object: the median full check, and (with SECTION_ID) the
//! median one-keystroke session update, the whole report's way and the
//! diff's way, in milliseconds.

use std::sync::Arc;
use std::time::Instant;

use dueregard::json_api;

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(iterations)) = (args.first(), args.get(1)) else {
        eprintln!("usage: native-bench DRAFT.json ITERATIONS [SECTION_ID]");
        std::process::exit(2);
    };
    let iterations: usize = iterations.parse().expect("ITERATIONS is a number");
    let draft = std::fs::read_to_string(path).expect("the draft is readable");

    let started = Instant::now();
    let engine = Arc::new(json_api::engine(None).expect("the built-in pack compiles"));
    let engine_ms = started.elapsed().as_secs_f64() * 1e3;

    let mut bytes = 0;
    let check: Vec<f64> = (0..iterations)
        .map(|_| {
            let started = Instant::now();
            bytes = json_api::check(&engine, &draft)
                .expect("the draft is valid")
                .len();
            started.elapsed().as_secs_f64() * 1e3
        })
        .collect();

    let mut update = None;
    let mut update_diff = None;
    if let Some(section) = args.get(2) {
        let mut session =
            json_api::session_new(engine.clone(), &draft).expect("the draft is valid");
        let value: serde_json::Value = serde_json::from_str(&draft).expect("JSON");
        let text = value["sections"]
            .as_array()
            .and_then(|s| s.iter().find(|s| s["id"] == section.as_str()))
            .and_then(|s| s["text"].as_str())
            .expect("the section exists")
            .to_owned();
        let samples: Vec<f64> = (0..iterations * 10)
            .map(|i| {
                let typed = if i % 2 == 0 {
                    format!("{text}a")
                } else {
                    text.clone()
                };
                let started = Instant::now();
                json_api::session_update(&mut session, section, &typed).expect("update");
                started.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        update = Some(median(samples));
        // The new way, in a session of its own (see bench.mjs).
        let mut session =
            json_api::session_new(engine.clone(), &draft).expect("the draft is valid");
        let samples: Vec<f64> = (0..iterations * 10)
            .map(|i| {
                let typed = if i % 2 == 0 {
                    format!("{text}a")
                } else {
                    text.clone()
                };
                let started = Instant::now();
                json_api::session_update_diff(&mut session, section, &typed).expect("update");
                started.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        update_diff = Some(median(samples));
    }
    println!(
        "{}",
        serde_json::json!({
            "engine_ms": engine_ms,
            "check_ms": median(check),
            "report_bytes": bytes,
            "update_ms": update,
            "update_diff_ms": update_diff,
        })
    );
}
