// The rest of the JavaScript API: rule packs as objects or JSON, checkText's
// options, framework() and rules(), the package's shape, and the README's
// one-liner.
import test from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { dueregard, read, root, wasmDir } from "./helpers.mjs";

const { Checker } = dueregard;
const checker = new Checker();
const draft = { title: "Carers leave", kind: "workforce_policy", sections: [{ id: "scope", text: "Leave to care for a husband or wife, he or she may apply." }] };

test("a rule pack given as an object or as JSON text changes the report the same way", () => {
  const pack = { name: "Trust pack", version: "2026.1", disable: ["term-binary-pronouns"] };
  const fromObject = new Checker(pack);
  const fromText = new Checker(JSON.stringify(pack));
  const a = fromObject.check(draft), b = fromText.check(draft), base = checker.check(draft);
  assert.deepEqual(a, b);
  assert.equal(a.engine.rule_pack, "Trust pack");
  assert.ok(base.violations.some((f) => f.rule === "term-binary-pronouns"));
  assert.ok(!a.violations.some((f) => f.rule === "term-binary-pronouns"));
  assert.equal(fromObject.rules().length, checker.rules().length - 1);
  assert.deepEqual(new Checker(null).check(draft), base);
  assert.deepEqual(new Checker(undefined).check(draft), base);
});

test("checkText: plain text by default, Markdown on request, with a title", () => {
  const plain = checker.checkText("# Visiting\n\nDear ladies and gentlemen");
  assert.equal(plain.draft.title, "Untitled draft");
  assert.ok(plain.violations.some((f) => f.location.section === "text"));
  const md = checker.checkText("# Visiting policy\n\n## Who may visit\n\nDear ladies and gentlemen", { markdown: true });
  assert.equal(md.draft.title, "Visiting policy");
  assert.ok(md.violations.some((f) => f.location.section === "who-may-visit"));
  const titled = checker.checkText("hello", { title: "Memo", markdown: false });
  assert.equal(titled.draft.title, "Memo");
  assert.equal(checker.checkTextJson("hello", { title: "Memo" }), JSON.stringify(titled));
  assert.deepEqual(checker.checkText("hello", null), checker.checkText("hello", {}));
});

test("spans and fixes carry UTF-16 offsets that index JavaScript strings", () => {
  const text = "👩🏽‍⚕️ Café staff: he or she must tell the chairman.";
  const report = checker.checkText(text, { title: "t" });
  const found = [...report.violations, ...report.needs_review].filter((f) => f.location.span);
  assert.ok(found.length >= 2);
  for (const f of found) {
    const { utf16_start, utf16_end } = f.location.span;
    assert.ok(/he or she|chairman/i.test(text.slice(utf16_start, utf16_end)), text.slice(utf16_start, utf16_end));
    for (const e of f.fix?.edits ?? []) assert.equal(text.slice(e.utf16_start, e.utf16_end), text.slice(utf16_start, utf16_end));
  }
});

test("framework(): six pillars, seventeen elements, the traffic-light scale", () => {
  const fw = checker.framework();
  assert.deepEqual(fw, dueregard.framework());
  assert.equal(fw.pillars.length, 6);
  assert.equal(fw.elements.length, 17);
  assert.deepEqual(fw.self_assessment_scale.map((l) => l.traffic_light), ["red", "amber", "green"]);
  assert.deepEqual(fw.self_assessment_scale.map((l) => l.value), ["not_in_place", "work_in_progress", "in_place"]);
  assert.ok(fw.attribution.includes("NHS Confederation"));
});

test("rules(): metadata for every rule, with examples", () => {
  const rules = checker.rules();
  assert.ok(rules.length >= 15);
  for (const r of rules) {
    assert.equal(typeof r.id, "string");
    assert.ok(["term", "structural"].includes(r.kind), r.kind);
    assert.ok(Array.isArray(r.elements) && r.elements.length > 0, r.id);
    assert.ok(r.source.url, r.id);
  }
  const report = checker.check(draft);
  const ids = new Set(rules.map((r) => r.id));
  for (const f of [...report.violations, ...report.needs_review]) assert.ok(ids.has(f.rule), f.rule);
});

test("the package is an npm package node loads with require()", () => {
  const pkg = JSON.parse(read(join(wasmDir, "pkg", "package.json")));
  assert.equal(pkg.name, "dueregard");
  assert.equal(pkg.main, "dueregard.js");
  assert.equal(pkg.types, "dueregard.d.ts");
  for (const f of pkg.files) assert.ok(read(join(wasmDir, "pkg", f)) !== undefined, f);
  const dts = read(join(wasmDir, "pkg", "dueregard.d.ts"));
  for (const name of ["class Checker", "class Session", "check(draft: Draft | string): Report", "export interface Report", "export interface Draft"]) {
    assert.ok(dts.includes(name), `pkg/dueregard.d.ts lacks ${name}`);
  }
  const web = JSON.parse(read(join(wasmDir, "pkg-web", "package.json")));
  assert.equal(web.type, "module");
});

test("the README's node -e one-liner prints the same JSON as the check command", () => {
  const readme = read(join(wasmDir, "README.md"));
  const line = readme.split("\n").find((l) => l.startsWith("node -e \"const d=require('./bindings-wasm/pkg')"));
  assert.ok(line, "README.md has no node -e one-liner");
  const file = "examples/drafts/bereavement-leave-policy.json";
  assert.ok(line.endsWith(file), line);
  const script = /^node -e "(.*)" \S+$/.exec(line)[1];
  const out = execFileSync(process.execPath, ["-e", script, file], { cwd: root, encoding: "utf8" });
  assert.equal(out, read(join(root, "examples/drafts/expected/bereavement-leave-policy.report.json")));
});

test("as_of judges review dates; without it they are not judged", () => {
  const draft = {
    title: "Leave",
    kind: "workforce_policy",
    dates: { decision: "2024-03-01", review: "2025-03-01" },
    eia: { sign_off: { name: "Director of People", date: "2024-02-20" } },
  };
  const review = (c) =>
    ((r) => [...r.violations, ...r.needs_review])(c.check(draft))
      .filter((f) => f.rule === "eia-sign-off-review")
      .map((f) => f.message);
  assert.equal(new Checker().asOf, undefined);
  assert.deepEqual(review(new Checker()), []);
  const dated = new Checker(null, { as_of: "2026-11-30" });
  assert.equal(dated.asOf, "2026-11-30");
  const late = review(dated);
  assert.equal(late.length, 1);
  assert.match(late[0], /has passed \(as of 2026-11-30\)/);
  assert.deepEqual(review(new Checker(null, { as_of: "2025-03-01" })), [], "the review date itself is not past");
});

test("a bad as_of, or an unknown option, is an options error naming it", () => {
  const thrown = (options) => {
    try {
      new Checker(null, options);
    } catch (e) {
      return e;
    }
    assert.fail(`no error for ${JSON.stringify(options)}`);
  };
  for (const [options, pointer, words] of [
    [{ as_of: "2026-02-30" }, "/as_of", /2026-02-30/],
    [{ as_of: 20261130 }, "/as_of", /YYYY-MM-DD/],
    [{ asOf: "2026-11-30" }, "/asOf", /unknown option/],
    ["2026-11-30", "", /expected options as an object/],
  ]) {
    const e = thrown(options);
    assert.equal(e.name, "DueregardError");
    assert.equal(e.error, "options");
    assert.equal(e.pointer ?? "", pointer);
    assert.match(e.message, words);
  }
});
