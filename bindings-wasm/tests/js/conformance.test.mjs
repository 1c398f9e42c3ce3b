// The conformance corpus: the WebAssembly build gives byte-identical reports
// to the Rust core (examples/drafts/expected/*.report.json, tests/corpus/*/expected.json).
//
// The expected files are serde_json's pretty output plus "\n". The binding
// returns serde_json's compact output; the test first proves that
// JSON.stringify(JSON.parse(expected), null, 2) + "\n" reproduces each
// expected file byte for byte, then compares the wasm output both ways:
// compact string == JSON.stringify(JSON.parse(expected)), and re-indented
// output == the expected file.
import test from "node:test";
import assert from "node:assert/strict";
import { cases, dueregard, pretty, read } from "./helpers.mjs";

const checker = new dueregard.Checker();
const all = cases();

test("the corpus has every case the Rust conformance test has", () => {
  assert.ok(all.length >= 15, `only ${all.length} cases`);
  assert.ok(all.some((c) => c.format === "markdown"), "no Markdown case");
});

for (const c of all) {
  test(`conformance: ${c.name}`, () => {
    const expected = read(c.expected);
    assert.equal(pretty(expected), expected, "JSON.stringify does not reproduce serde_json's pretty format for this file");
    const input = read(c.draft);
    const compact =
      c.format === "json"
        ? checker.checkJson(input)
        : checker.checkTextJson(input, { title: c.stem, markdown: c.format === "markdown" });
    assert.equal(compact, JSON.stringify(JSON.parse(expected)), "compact JSON differs from the Rust core's");
    assert.equal(pretty(compact), expected);
    // The object-returning calls give the same report.
    const report =
      c.format === "json"
        ? checker.check(JSON.parse(input))
        : checker.checkText(input, { title: c.stem, markdown: c.format === "markdown" });
    assert.equal(JSON.stringify(report, null, 2) + "\n", expected);
    if (c.format === "json") {
      assert.equal(JSON.stringify(checker.check(input)), compact, "check(string) differs from checkJson");
      const session = checker.session(input);
      assert.equal(session.reportJson(), compact, "a new session's report differs from a full check");
      session.free();
    }
  });
}
