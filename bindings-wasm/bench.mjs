#!/usr/bin/env node
// Benchmark of the WebAssembly build (not a timed test). After build.sh:
//
//   node bindings-wasm/bench.mjs [--quick] [--callgrind] [--json]
//
// Measures, in node on this machine:
//   - module instantiate (require of pkg/, which compiles and instantiates the .wasm) and Checker build;
//   - a full check of a 10k-word and a 100k-word draft, wasm vs native (the same json_api
//     entry point timed in-process by `cargo run --release -p dueregard-wasm --example
//     native-bench`), with the ratio;
//   - a one-keystroke session update in the 100k-word draft (wasm and native), side by side the
//     previous way (`updateJson`/`update`: the whole report) and the new way (`updateDiffJson`/
//     `updateDiff`: only what changed), each in a session of its own;
//   - the .wasm size after wasm-opt, raw and gzipped;
//   - with --callgrind, instructions per full check of the 10k-word draft, wasm vs native
//     (valgrind counts instructions, so a busy machine does not skew the ratio).
// Drafts are written to /tmp/dueregard-bench-<n>.json so the native side reads the same bytes.
import { performance } from "node:perf_hooks";
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { loadavg } from "node:os";
import { execFileSync, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, brotliCompressSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const quick = process.argv.includes("--quick");
const require = createRequire(import.meta.url);

let t0 = performance.now();
const { Checker } = require(join(here, "pkg"));
const instantiateMs = performance.now() - t0;

function median(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(n, fn) {
  const samples = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    fn(i);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

t0 = performance.now();
const checker = new Checker();
const firstCheckerMs = performance.now() - t0;
const checkerMs = time(quick ? 3 : 10, () => new Checker().free());

// A realistic long draft: the example drafts' paragraphs (which include terms
// the rules fire on), repeated into ~200-word sections, with the bereavement
// policy's EIA so structural rules run too.
const examples = readdirSync(join(root, "examples/drafts")).filter((f) => f.endsWith(".json"));
const paragraphs = examples.flatMap((f) =>
  (JSON.parse(readFileSync(join(root, "examples/drafts", f), "utf8")).sections ?? []).flatMap((s) => s.text.split("\n\n")),
).filter((p) => p.trim());
const base = JSON.parse(readFileSync(join(root, "examples/drafts/bereavement-leave-policy.json"), "utf8"));

function makeDraft(words) {
  const sections = [];
  let count = 0;
  let p = 0;
  while (count < words) {
    const parts = [];
    let sectionWords = 0;
    while (sectionWords < 200 && count + sectionWords < words) {
      const para = paragraphs[p++ % paragraphs.length];
      parts.push(para);
      sectionWords += para.split(/\s+/).length;
    }
    sections.push({ id: `s${sections.length + 1}`, heading: `Part ${sections.length + 1}`, text: parts.join("\n\n") });
    count += sectionWords;
  }
  return { ...base, title: `Benchmark draft (${words} words)`, sections };
}

const results = { instantiate_ms: instantiateMs, first_checker_ms: firstCheckerMs, checker_ms: checkerMs, drafts: [] };

// The native side: the same json_api calls, timed in-process by a small Rust binary.
let nativeBin = null;
try {
  execFileSync("cargo", ["build", "-q", "--release", "-p", "dueregard-wasm", "--example", "native-bench"], { cwd: root, stdio: "inherit" });
  nativeBin = join(root, "target", "release", "examples", "native-bench");
} catch (e) {
  console.error(`native side unavailable (${e.message}); reporting wasm only`);
}
const native = (file, n, section) =>
  JSON.parse(execFileSync(nativeBin, [file, String(n), ...(section ? [section] : [])], { encoding: "utf8" }));

// This machine is shared: wasm and native run in alternating rounds, and each
// figure is the best round's median, so a busy moment does not decide a ratio.
const ROUNDS = quick ? 1 : 5;
const best = (a, b) => (a == null ? b : Math.min(a, b));

for (const words of [10_000, 100_000]) {
  const draft = makeDraft(words);
  const json = JSON.stringify(draft);
  const file = `/tmp/dueregard-bench-${words / 1000}k.json`;
  writeFileSync(file, json);
  const n = quick ? 3 : words > 50_000 ? 15 : 40;
  const actualWords = draft.sections.reduce((sum, s) => sum + s.text.split(/\s+/).length, 0);
  const middle = draft.sections[Math.floor(draft.sections.length / 2)];
  const row = { words: actualWords, sections: draft.sections.length, bytes: Buffer.byteLength(json), file, rounds: ROUNDS };
  for (let i = 0; i < 20; i++) checker.checkJson(json); // warm up (V8 tiers up the wasm)
  const session = words === 100_000 ? checker.session(json) : null;
  const keystroke = (i) => session.updateJson(middle.id, i % 2 ? middle.text : middle.text + "a");
  if (session) time(20, keystroke);
  // The new way gets its own session: mixing the two would make every diff
  // rebuild the report it is made against.
  const diffSession = session ? checker.session(json) : null;
  const diffKeystroke = (i) => diffSession.updateDiffJson(middle.id, i % 2 ? middle.text : middle.text + "a");
  if (diffSession) time(20, diffKeystroke);
  for (let round = 0; round < ROUNDS; round++) {
    row.wasm_check_json_ms = best(row.wasm_check_json_ms, time(n, () => checker.checkJson(json)));
    row.wasm_check_object_ms = best(row.wasm_check_object_ms, time(n, () => checker.check(draft)));
    if (session) {
      row.wasm_update_json_ms = best(row.wasm_update_json_ms, time(quick ? 50 : 200, keystroke));
      row.wasm_update_object_ms = best(row.wasm_update_object_ms, time(quick ? 20 : 50, (i) => session.update(middle.id, i % 2 ? middle.text : middle.text + "a")));
      row.wasm_update_diff_json_ms = best(row.wasm_update_diff_json_ms, time(quick ? 50 : 200, diffKeystroke));
      row.wasm_update_diff_object_ms = best(row.wasm_update_diff_object_ms, time(quick ? 20 : 50, (i) => diffSession.updateDiff(middle.id, i % 2 ? middle.text : middle.text + "a")));
    }
    if (nativeBin) {
      const nat = native(file, n, session ? middle.id : undefined);
      row.native_check_ms = best(row.native_check_ms, nat.check_ms);
      if (nat.update_ms != null) row.native_update_ms = best(row.native_update_ms, nat.update_ms);
      if (nat.update_diff_ms != null) row.native_update_diff_ms = best(row.native_update_diff_ms, nat.update_diff_ms);
      row.report_bytes = nat.report_bytes;
    }
  }
  session?.free();
  diffSession?.free();
  if (row.native_check_ms != null) row.ratio_wasm_to_native = row.wasm_check_json_ms / row.native_check_ms;
  if (row.native_update_ms != null) row.update_ratio = row.wasm_update_json_ms / row.native_update_ms;
  results.drafts.push(row);
}

// Instructions per full check (valgrind --tool=callgrind), which a busy machine
// does not disturb: the difference between 25 and 5 checks in one process, /20.
if (process.argv.includes("--callgrind") && nativeBin) {
  const count = (cmd, args) => {
    const run = spawnSync("valgrind", ["--tool=callgrind", "--callgrind-out-file=/dev/null", cmd, ...args], { encoding: "utf8" });
    const m = /refs:\s+([\d,]+)/.exec(run.stderr ?? "");
    if (!m) throw new Error(`valgrind failed: ${run.stderr}`);
    return Number(m[1].replaceAll(",", ""));
  };
  const script = `const {Checker}=require(${JSON.stringify(join(here, "pkg"))});const c=new Checker();const j=require("fs").readFileSync(process.argv[1],"utf8");for(let i=0;i<Number(process.argv[2]);i++)c.checkJson(j);`;
  results.callgrind = {};
  for (const file of ["/tmp/dueregard-bench-10k.json"]) {
    const wasmPer = (count(process.execPath, ["-e", script, file, "25"]) - count(process.execPath, ["-e", script, file, "5"])) / 20;
    const nativePer = (count(nativeBin, [file, "25"]) - count(nativeBin, [file, "5"])) / 20;
    results.callgrind[file] = { wasm_instructions_per_check: wasmPer, native_instructions_per_check: nativePer, ratio: wasmPer / nativePer };
  }
}

const wasm = readFileSync(join(here, "pkg", "dueregard_bg.wasm"));
results.wasm_bytes = wasm.length;
results.wasm_gzip_bytes = gzipSync(wasm, { level: 9 }).length;
results.wasm_brotli_bytes = brotliCompressSync(wasm).length;

const ms = (x) => (x == null ? "n/a" : `${x.toFixed(x < 1 ? 3 : 1)} ms`);
console.log(`node ${process.version}, ${process.arch}; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
console.log(`module instantiate (require pkg/): ${ms(results.instantiate_ms)}`);
console.log(`Checker build: first ${ms(results.first_checker_ms)}, median ${ms(results.checker_ms)}`);
for (const r of results.drafts) {
  console.log(`\n${r.words} words, ${r.sections} sections, ${(r.bytes / 1024).toFixed(0)} KiB draft, ${((r.report_bytes ?? 0) / 1024).toFixed(0)} KiB report (${r.file}; best of ${r.rounds} rounds)`);
  console.log(`  full check, wasm checkJson: ${ms(r.wasm_check_json_ms)}; check(object) incl. JSON.stringify/parse: ${ms(r.wasm_check_object_ms)}`);
  if (r.native_check_ms != null) console.log(`  full check, native json_api::check: ${ms(r.native_check_ms)}; wasm/native = ${r.ratio_wasm_to_native.toFixed(2)}x`);
  if (r.wasm_update_json_ms != null) {
    console.log(`  one-keystroke session update, wasm updateJson: ${ms(r.wasm_update_json_ms)}; update() returning an object: ${ms(r.wasm_update_object_ms)}`);
    if (r.native_update_ms != null) console.log(`  one-keystroke session update, native: ${ms(r.native_update_ms)}; wasm/native = ${r.update_ratio.toFixed(2)}x`);
    console.log(`  one keystroke, previous way vs new way (wasm): updateJson ${ms(r.wasm_update_json_ms)} vs updateDiffJson ${ms(r.wasm_update_diff_json_ms)}; update() ${ms(r.wasm_update_object_ms)} vs updateDiff() ${ms(r.wasm_update_diff_object_ms)}`);
    if (r.native_update_diff_ms != null) console.log(`  one keystroke, previous way vs new way (native json_api): session_update ${ms(r.native_update_ms)} vs session_update_diff ${ms(r.native_update_diff_ms)}`);
  }
}
console.log(`\n.wasm after wasm-opt: ${(results.wasm_bytes / 1024).toFixed(0)} KiB raw, ${(results.wasm_gzip_bytes / 1024).toFixed(0)} KiB gzip -9, ${(results.wasm_brotli_bytes / 1024).toFixed(0)} KiB brotli`);
for (const [file, c] of Object.entries(results.callgrind ?? {})) {
  console.log(`instructions per full check (${file}): wasm ${(c.wasm_instructions_per_check / 1e6).toFixed(1)} M, native ${(c.native_instructions_per_check / 1e6).toFixed(1)} M; wasm/native = ${c.ratio.toFixed(2)}x`);
}
if (process.argv.includes("--json")) console.log(JSON.stringify(results, null, 2));
