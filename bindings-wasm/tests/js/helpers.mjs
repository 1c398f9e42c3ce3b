// Shared by the node tests: where things are, the built package, and the
// conformance corpus (the same cases as tests/src/lib.rs in Rust).
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { dirname, join, extname, basename } from "node:path";
import { fileURLToPath } from "node:url";

export const here = dirname(fileURLToPath(import.meta.url));
export const wasmDir = join(here, "..", "..");
export const root = join(wasmDir, "..");
export const require = createRequire(import.meta.url);

/** The nodejs build in bindings-wasm/pkg, loaded the way a user would: require(). */
export const dueregard = require(join(wasmDir, "pkg"));

const FORMATS = { json: "json", md: "markdown", markdown: "markdown", txt: "text", text: "text" };

/** Every conformance case, in the same order as the Rust corpus test. */
export function cases() {
  const out = [];
  const examples = join(root, "examples", "drafts");
  for (const name of readdirSync(examples).sort()) {
    const path = join(examples, name);
    const format = FORMATS[extname(name).slice(1).toLowerCase()];
    if (!format || !statSync(path).isFile()) continue;
    const stem = basename(name, extname(name));
    out.push({
      name: `examples/${stem}`,
      stem,
      format,
      draft: path,
      expected: join(examples, "expected", `${stem}.report.json`),
    });
  }
  const corpus = join(root, "tests", "corpus");
  for (const dir of readdirSync(corpus).sort()) {
    const draft = join(corpus, dir, "draft.json");
    if (!existsSync(draft)) continue;
    out.push({ name: `corpus/${dir}`, stem: "draft", format: "json", draft, expected: join(corpus, dir, "expected.json") });
  }
  return out;
}

/** serde_json's pretty format, as JSON.stringify writes it, plus the final newline. */
export function pretty(jsonText) {
  return JSON.stringify(JSON.parse(jsonText), null, 2) + "\n";
}

export function read(path) {
  return readFileSync(path, "utf8");
}

/** A small seeded PRNG (mulberry32), so a failing random sequence can be replayed. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

/**
 * The `dueregard` command the binding is compared with: $DUEREGARD_BIN, or the
 * debug build test.sh makes (cargo build -p dueregard --bin dueregard).
 */
export const commandPath = process.env.DUEREGARD_BIN ?? join(root, "target", "debug", "dueregard");

/** Runs the command; returns its stdout. Exit 1 (violations found) is a normal result. */
export function commandOutput(args, { cwd } = {}) {
  if (!existsSync(commandPath)) {
    throw new Error(`${commandPath} is missing: run bindings-wasm/test.sh, or cargo build -p dueregard --bin dueregard`);
  }
  // The command judges review dates as of today and the binding as of no day,
  // so comparisons pin the day: they must not start failing when a fixture's
  // review date passes.
  if (["check", "annotate"].includes(args[0]) && !args.includes("--as-of")) {
    args = [args[0], "--as-of", "2026-11-30", ...args.slice(1)];
  }
  const run = spawnSync(commandPath, args, { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw run.error;
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`dueregard ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  }
  return run.stdout;
}
