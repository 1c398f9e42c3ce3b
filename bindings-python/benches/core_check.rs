//! The core alone, for comparing with the Python binding (bindings-python/bench.py).
//!
//! Reads drafts as JSON lines (one draft per line), checks them all with
//! `dueregard::json_api::check` (the same call the binding makes) on 1 and 2
//! threads, and prints the best time of several rounds as one JSON line (wall
//! time, and for one thread the thread's CPU time, which other processes on a
//! shared machine disturb less).
//!
//!     cargo bench -p dueregard-python --bench core_check -- DRAFTS.jsonl [ROUNDS]
//!
//! Not part of the test run: bench.py writes the drafts and runs this.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use cpu_time::ThreadTime;
use dueregard::{Engine, json_api};

fn check_all(engine: &Engine, drafts: &[String], threads: usize) -> usize {
    let next = AtomicUsize::new(0);
    let work = || {
        let mut bytes = 0;
        loop {
            let at = next.fetch_add(1, Ordering::Relaxed);
            let Some(draft) = drafts.get(at) else { break };
            bytes += json_api::check(engine, draft).map_or(0, |r| r.len());
        }
        bytes
    };
    if threads == 1 {
        return work();
    }
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
        workers.into_iter().map(|w| w.join().unwrap_or(0)).sum()
    })
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(path) = args.first() else {
        eprintln!("usage: core_check DRAFTS.jsonl [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2);
    });
    let drafts: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect();
    let engine = Engine::new();
    let mut out = Vec::new();
    for threads in [1, 2] {
        let (mut best, mut best_cpu) = (f64::INFINITY, f64::INFINITY);
        let mut bytes = 0;
        check_all(&engine, &drafts, threads); // warm up
        for _ in 0..rounds {
            let start = Instant::now();
            let cpu = ThreadTime::now();
            bytes = check_all(&engine, &drafts, threads);
            best_cpu = best_cpu.min(cpu.elapsed().as_secs_f64());
            best = best.min(start.elapsed().as_secs_f64());
        }
        // Thread CPU time means something only when this thread did all the work.
        let cpu = if threads == 1 {
            format!("{best_cpu:.6}")
        } else {
            "null".to_owned()
        };
        out.push(format!(
            "\"threads_{threads}\": {{\"seconds\": {best:.6}, \"cpu_seconds\": {cpu}, \"report_bytes\": {bytes}}}"
        ));
    }
    println!("{{\"drafts\": {}, {}}}", drafts.len(), out.join(", "));
}
