// The lean browser package (bindings-wasm/pkg-web-lean/, built by build.sh with
// cargo --no-default-features): it lacks the Word and HTML readers, the Word
// writer and the organisation view, and gives byte-identical reports to the
// full package on every example draft (examples/drafts/*.json, *.md).
import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { dueregard, read, root, wasmDir } from "./helpers.mjs";

const leanDir = join(wasmDir, "pkg-web-lean");
const lean = await import(pathToFileURL(join(leanDir, "dueregard.js")).href);
// The web target's init takes the module's bytes in node (no fetch of a file: URL).
await lean.default({ module_or_path: readFileSync(join(leanDir, "dueregard_bg.wasm")) });

const drafts = readdirSync(join(root, "examples", "drafts"))
  .filter((name) => /\.(json|md)$/.test(name))
  .sort();

test("the lean package has no Word or HTML reader, Word writer or organisation view", () => {
  const checker = new lean.Checker();
  for (const method of ["checkFile", "checkFileJson", "annotateDocx"]) {
    assert.equal(typeof checker[method], "undefined", `lean Checker has ${method}`);
    assert.equal(typeof new dueregard.Checker()[method], "function", `full Checker lacks ${method}`);
  }
  for (const name of ["organisation", "organisationJson", "renderOrganisation"]) {
    assert.equal(lean[name], undefined, `lean package exports ${name}`);
    assert.equal(typeof dueregard[name], "function", `full package lacks ${name}`);
  }
  // What a page checking typed drafts needs is all there.
  for (const method of ["check", "checkJson", "checkText", "checkTextJson", "session", "framework", "rules"]) {
    assert.equal(typeof checker[method], "function", `lean Checker lacks ${method}`);
  }
  assert.equal(typeof lean.framework, "function");
  // The types say the same, so TypeScript users of the lean package are told.
  const leanTypes = read(join(leanDir, "dueregard.d.ts"));
  const fullTypes = read(join(wasmDir, "pkg-web", "dueregard.d.ts"));
  assert.match(fullTypes, /checkFile\(/);
  assert.doesNotMatch(leanTypes, /checkFile\(|annotateDocx\(|function organisation\(/);
  assert.match(leanTypes, /checkText\(/);
  checker.free();
});

test("the lean module is less than 60% of the full one (the readers are really left out)", () => {
  const size = (dir) => readFileSync(join(wasmDir, dir, "dueregard_bg.wasm")).length;
  const [leanSize, fullSize] = [size("pkg-web-lean"), size("pkg-web")];
  assert.ok(leanSize < fullSize * 0.6, `lean ${leanSize} bytes, full ${fullSize} bytes`);
});

test("the lean and full packages give byte-identical reports on every example draft", () => {
  assert.ok(drafts.filter((n) => n.endsWith(".json")).length >= 3, drafts.join(", "));
  assert.ok(drafts.some((n) => n.endsWith(".md")), "no Markdown example");
  const leanChecker = new lean.Checker();
  const fullChecker = new dueregard.Checker();
  for (const name of drafts) {
    const text = read(join(root, "examples", "drafts", name));
    if (extname(name) === ".json") {
      const full = fullChecker.checkJson(text);
      assert.equal(leanChecker.checkJson(text), full, name);
      assert.equal(JSON.stringify(leanChecker.check(JSON.parse(text))), full, `${name}: check(object)`);
      const session = leanChecker.session(text);
      assert.equal(session.reportJson(), full, `${name}: session`);
      session.free();
    } else {
      const options = { title: name.slice(0, -3), markdown: true };
      const full = fullChecker.checkTextJson(text, options);
      assert.equal(leanChecker.checkTextJson(text, options), full, name);
    }
  }
  assert.equal(JSON.stringify(leanChecker.rules()), JSON.stringify(fullChecker.rules()));
  assert.equal(JSON.stringify(lean.framework()), JSON.stringify(dueregard.framework()));
  leanChecker.free();
  fullChecker.free();
});
