// session.updateDiff returns only what changed; applied in turn to the report
// the page holds (as the intranet form applies them), the diffs give, after
// every edit, exactly the report a full check gives. Seeded and randomized;
// replay a failure with DUEREGARD_SEED=<seed printed in the failure>.
import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dueregard, root, rng } from "./helpers.mjs";

const checker = new dueregard.Checker();
const seed = Number(process.env.DUEREGARD_SEED ?? 20261130);
const phrases = ["He or she ", "his/her ", "the chairman ", "husband or wife ", "staff ", "\n\n", "Café ", "👩🏽‍⚕️ ", ". "];

// The same steps as examples/intranet-form/app.js's applyReportDiff.
function applyReportDiff(report, diff) {
  const removed = new Set(diff.removed ?? []);
  const moved = new Map((diff.moved ?? []).map((m) => [m.fingerprint, m]));
  for (const bucket of ["violations", "needs_review"]) {
    report[bucket] = report[bucket].filter((f) => !removed.has(f.fingerprint));
    for (const f of report[bucket]) {
      const m = moved.get(f.fingerprint);
      if (!m) continue;
      f.location = m.location;
      if (m.excerpt === undefined) delete f.excerpt; else f.excerpt = m.excerpt;
      if (m.fix === undefined) delete f.fix; else f.fix = m.fix;
    }
  }
  for (const a of diff.added ?? []) report[a.bucket].splice(a.index, 0, a.finding);
  for (const key of ["draft", "summary", "passes", "inapplicable", "errors"]) {
    if (diff[key] !== undefined) report[key] = diff[key];
  }
  for (const e of diff.elements ?? []) report.elements = report.elements.map((old) => (old.id === e.id ? e : old));
  for (const p of diff.pillars ?? []) report.pillars = report.pillars.map((old) => (old.number === p.number ? p : old));
  return report;
}

test("diffs applied in turn give the full check after every keystroke", () => {
  const draft = JSON.parse(readFileSync(join(root, "examples/drafts/bereavement-leave-policy.json"), "utf8"));
  const session = checker.session(draft);
  let report = session.report();
  const r = rng(seed);
  for (let step = 0; step < 60; step++) {
    const section = r.pick(draft.sections);
    const chars = Array.from(section.text);
    const at = r.int(chars.length + 1);
    if (r.int(3) === 0) chars.splice(at, r.int(12));
    else chars.splice(at, 0, ...Array.from(r.pick(phrases)));
    section.text = chars.join("");
    const diff = session.updateDiff(section.id, section.text);
    report = applyReportDiff(report, diff);
    const full = checker.check(draft);
    assert.deepEqual(report, full, `seed ${seed}, step ${step}`);
  }
  session.free();
});

test("a diff is small where the report is large, and errors are typed", () => {
  const session = checker.session({ title: "t", sections: [{ id: "a", text: "Staff." }] });
  const diff = session.updateDiff("a", "Ask if he or she agrees.");
  assert.equal(diff.format_version, 1);
  assert.equal(diff.added[0].finding.rule, "term-binary-pronouns");
  assert.equal(diff.added[0].bucket, "violations");
  const same = JSON.parse(session.updateDiffJson("a", "Ask if he or she agrees."));
  assert.deepEqual(Object.keys(same), ["format_version", "report_format_version"]);
  assert.throws(() => session.updateDiff("nope", "x"), (e) => e.name === "DueregardError" && e.pointer === "/sections");
  assert.throws(() => session.updateDiff("a", 3), TypeError);
  session.free();
});
