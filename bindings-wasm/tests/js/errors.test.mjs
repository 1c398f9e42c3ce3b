// Every error path: each bad input throws a JavaScript Error (name
// DueregardError) whose message names the JSON Pointer and the problem, with
// `error`, `kind` and `pointer` properties; the checker stays usable after.
import test from "node:test";
import assert from "node:assert/strict";
import { dueregard } from "./helpers.mjs";

const { Checker } = dueregard;
const checker = new Checker();
const ok = { title: "Carers leave", kind: "workforce_policy", sections: [{ id: "scope", text: "Leave for staff." }] };

/** Asserts `fn` throws a DueregardError with these properties and a message containing `says`. */
function throwsDueregard(fn, { error, kind, pointer, says }) {
  let thrown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown, "expected an error");
  assert.ok(thrown instanceof Error, `not an Error: ${thrown}`);
  assert.equal(thrown.name, "DueregardError");
  assert.equal(thrown.error, error, thrown.message);
  assert.equal(thrown.kind, kind, thrown.message);
  assert.equal(thrown.pointer, pointer, thrown.message);
  for (const part of [].concat(says ?? [])) assert.ok(thrown.message.includes(part), `${JSON.stringify(thrown.message)} lacks ${JSON.stringify(part)}`);
  if (pointer) assert.ok(thrown.message.includes(pointer), `message ${JSON.stringify(thrown.message)} does not name ${pointer}`);
  return thrown;
}

test("draft: not JSON", () => {
  throwsDueregard(() => checker.checkJson('{"title": "t",'), { error: "draft", kind: "syntax", pointer: undefined, says: "not valid JSON at line 1" });
  throwsDueregard(() => checker.check("nope"), { error: "draft", kind: "syntax", pointer: undefined, says: "not valid JSON" });
});

test("draft: a value of the wrong type names its pointer", () => {
  throwsDueregard(() => checker.check({ title: "t", kind: "memo" }), { error: "draft", kind: "invalid", pointer: "/kind", says: "workforce_policy" });
  throwsDueregard(() => checker.check({ title: 7 }), { error: "draft", kind: "invalid", pointer: "/title" });
  throwsDueregard(() => checker.check({ title: "t", sections: [{ id: "a", text: 3 }] }), { error: "draft", kind: "invalid", pointer: "/sections/0/text" });
  throwsDueregard(() => checker.check({ title: "t", dates: { review: "next year" } }), { error: "draft", kind: "invalid", pointer: "/dates/review" });
  throwsDueregard(() => checker.check({ title: "t", eia: { groups: [{ group: "age", impact: "big" }] } }), { error: "draft", kind: "invalid", pointer: "/eia/groups/0/impact" });
});

test("draft: unknown and missing fields", () => {
  throwsDueregard(() => checker.check({ title: "t", sectons: [] }), { error: "draft", kind: "invalid", pointer: "/sectons", says: "unknown field" });
  throwsDueregard(() => checker.check({ kind: "other" }), { error: "draft", kind: "invalid", pointer: "", says: "title" });
});

test("draft: values JSON cannot hold, and non-drafts", () => {
  throwsDueregard(() => checker.check(undefined), { error: "draft", kind: "invalid", pointer: "", says: "got undefined" });
  throwsDueregard(() => checker.check(() => 1), { error: "draft", kind: "invalid", pointer: "", says: "got function" });
  throwsDueregard(() => checker.check(Symbol("x")), { error: "draft", kind: "invalid", pointer: "", says: "got symbol" });
  const cyclic = { title: "t" };
  cyclic.self = cyclic;
  throwsDueregard(() => checker.check(cyclic), { error: "draft", kind: "invalid", pointer: "", says: "circular" });
  throwsDueregard(() => checker.check({ title: 1n }), { error: "draft", kind: "invalid", pointer: "", says: "BigInt" });
  throwsDueregard(() => checker.check(42), { error: "draft", kind: "invalid", pointer: "" });
  throwsDueregard(() => checker.check(null), { error: "draft", kind: "invalid", pointer: "" });
  throwsDueregard(() => checker.check([]), { error: "draft", kind: "invalid", pointer: "" });
});

test("draft: too deep, too large, over a limit", () => {
  const deep = '{"title": "t", "x": ' + "[".repeat(200) + "]".repeat(200) + "}";
  throwsDueregard(() => checker.checkJson(deep), { error: "draft", kind: "too_deep", pointer: undefined, says: "nests deeper" });
  const huge = "a".repeat(10 * 1024 * 1024 + 1);
  throwsDueregard(() => checker.checkJson(huge), { error: "draft", kind: "too_large", pointer: undefined, says: "over the limit" });
  throwsDueregard(() => checker.checkText(huge), { error: "draft", kind: "too_large", pointer: undefined });
  const many = { title: "t", sections: Array.from({ length: 10_001 }, (_, i) => ({ id: `s${i}` })) };
  throwsDueregard(() => checker.check(many), { error: "draft", kind: "over_limit", pointer: "/sections", says: "over the limit" });
  const fields = { title: "t", fields: Array.from({ length: 5_001 }, (_, i) => ({ id: `f${i}`, label: "Name" })) };
  throwsDueregard(() => checker.check(fields), { error: "draft", kind: "over_limit", pointer: "/fields" });
  const headings = Array.from({ length: 10_001 }, (_, i) => `## Part ${i}\n\ntext\n`).join("\n");
  throwsDueregard(() => checker.checkText(headings, { markdown: true }), { error: "draft", kind: "over_limit", pointer: "/sections" });
});

test("text with lone surrogates is checked, not refused (JS strings cross as UTF-8 with U+FFFD)", () => {
  const report = checker.checkText("he or she \ud800 and the chairman", { title: "x" });
  assert.ok(report.violations.length > 0);
});

test("rule pack errors name their pointer", () => {
  throwsDueregard(() => new Checker("{"), { error: "rule_pack", kind: "invalid", pointer: "", says: "not valid JSON" });
  throwsDueregard(() => new Checker({ name: "x", version: "1", disable: ["nope"] }), { error: "rule_pack", kind: "rule", pointer: "/disable/0", says: "nope" });
  throwsDueregard(() => new Checker({ name: 1, version: "1" }), { error: "rule_pack", kind: "invalid", pointer: "/name" });
  throwsDueregard(() => new Checker({ name: "x", version: "1", surprise: true }), { error: "rule_pack", kind: "invalid", pointer: "/surprise", says: "unknown field" });
  throwsDueregard(() => new Checker({ name: "x", version: "1", severity: { "term-binary-pronouns": "fatal" } }), { error: "rule_pack", kind: "invalid", pointer: "/severity/term-binary-pronouns" });
  throwsDueregard(() => new Checker(() => 1), { error: "rule_pack", kind: "invalid", pointer: "", says: "a rule pack" });
  throwsDueregard(() => new Checker('{"name": "x", "version": "1", "a": ' + "[".repeat(100) + "]".repeat(100) + "}"), { error: "rule_pack", kind: "invalid", pointer: "", says: "nests deeper" });
});

test("checkText options are checked", () => {
  throwsDueregard(() => checker.checkText("x", "markdown"), { error: "options", kind: "invalid", pointer: "", says: "{ title, markdown }" });
  throwsDueregard(() => checker.checkText("x", { title: 3 }), { error: "options", kind: "invalid", pointer: "/title", says: "a string" });
  throwsDueregard(() => checker.checkText("x", { markdown: "yes" }), { error: "options", kind: "invalid", pointer: "/markdown", says: "true or false" });
  throwsDueregard(() => checker.checkTextJson("x", { markdown: 1 }), { error: "options", kind: "invalid", pointer: "/markdown" });
});

test("session errors leave the session as it was", () => {
  throwsDueregard(() => checker.session({ title: "t", kind: "memo" }), { error: "draft", kind: "invalid", pointer: "/kind" });
  throwsDueregard(() => checker.session("{"), { error: "draft", kind: "syntax", pointer: undefined });
  const session = checker.session(ok);
  const before = session.reportJson();
  throwsDueregard(() => session.update("nope", "x"), { error: "draft", kind: "invalid", pointer: "/sections", says: '"nope"' });
  throwsDueregard(() => session.update("scope", "a".repeat(10 * 1024 * 1024 + 1)), { error: "draft", kind: "too_large", pointer: undefined });
  throwsDueregard(() => session.setDraft({ title: "t", kind: "memo" }), { error: "draft", kind: "invalid", pointer: "/kind" });
  throwsDueregard(() => session.setDraftJson('{"title": '), { error: "draft", kind: "syntax", pointer: undefined });
  throwsDueregard(() => session.setDraft(undefined), { error: "draft", kind: "invalid", pointer: "" });
  assert.equal(session.reportJson(), before);
  assert.equal(JSON.stringify(session.update("scope", "Leave for staff and his/her family.").violations.some((f) => f.rule === "term-binary-pronouns")), "true");
  session.free();
});

test("the checker keeps working after every error", () => {
  const report = checker.check(ok);
  assert.equal(report.draft.title, "Carers leave");
  assert.ok(report.violations.some((f) => f.rule === "eia-present"));
});
