// Issue 15 on the node surface: the approval gate cannot be spoofed, memory
// stays bounded whatever the rule pack, every entry point has the same
// limits, and inputs read the same as on the other surfaces.
import test from "node:test";
import assert from "node:assert/strict";
import { dueregard } from "./helpers.mjs";

const { Checker } = dueregard;
const checker = new Checker();
const SLURS = "term-trans-slurs";

const findings = (report, rule) => [...report.violations, ...report.needs_review].filter((f) => f.rule === rule);
const withWaiver = (text, waiver) => ({
  title: "Staff guidance",
  kind: "other",
  sections: [{ id: "s", text }],
  waivers: [{ rule: SLURS, ...waiver }],
});
const termRule = (id, entries, severity = "error") => ({
  id, name: "n", severity, elements: ["2.3"], message: "{term}", rationale: "r",
  source: { title: "t", url: "u", checked: "2026-11-30" }, entries,
});

// --- items 1 and 2: the gate ---------------------------------------------------

test("an invisible, empty or token reason waives nothing and blocks the gate", () => {
  for (const reason of ["\u200b", "\u200b\u200c\u2060\ufeff", "\u3164".repeat(7), "\u2800".repeat(7), "\0\0", ".", "N/A"]) {
    const report = checker.check(withWaiver("Never call anyone a tranny.", { reason, approved_by: "EDI lead" }));
    assert.equal(findings(report, SLURS)[0].waiver, undefined, JSON.stringify(reason));
    const recorded = findings(report, "waiver-recorded");
    assert.deepEqual(recorded.map((f) => f.location.path), ["/waivers/0/reason"], JSON.stringify(reason));
    assert.ok(recorded[0].message.includes("does not take effect"));
    assert.ok(report.summary.blocking > 0, JSON.stringify(reason));
  }
});

test("an error waiver needs its approver; with one it clears the gate", () => {
  const reason = "Quoted from the 1998 leaflet";
  for (const approver of [undefined, "", "\u200b", "-"]) {
    const report = checker.check(withWaiver("Never call anyone a tranny.", { reason, approved_by: approver }));
    assert.equal(findings(report, SLURS)[0].waiver, undefined);
    assert.ok(report.violations.some((f) => f.location.path === "/waivers/0/approved_by"));
    assert.ok(report.summary.blocking > 0);
  }
  const cleared = checker.check(withWaiver("Never call anyone a tranny.", { reason, approved_by: "EDI lead" }));
  assert.equal(cleared.summary.blocking, 0);
});

test("past the findings limit a waived error does not block, in one section or two", () => {
  for (const sections of [1, 2]) {
    const per = 20_000 / sections;
    const report = checker.check({
      title: "t", kind: "other",
      sections: Array.from({ length: sections }, (_, i) => ({ id: `s${i}`, text: "tranny ".repeat(per) })),
      waivers: [{ rule: SLURS, reason: "Quoted as a list of banned words", approved_by: "EDI lead" }],
    });
    assert.equal(report.summary.omitted, 10_000, `${sections} sections`);
    assert.equal(report.summary.blocking, 0, `${sections} sections`);
  }
});

test("past the findings limit a document condition cancels counted hits too", () => {
  const pack = { name: "trust", version: "1", term_rules: [termRule("local-old-name", [{ terms: ["oldname"], unless_document: ["formerly known as"] }])] };
  const local = new Checker(pack);
  const text = "oldname ".repeat(20_000);
  assert.equal(local.check({ title: "t", sections: [{ id: "a", text }] }).summary.blocking, 20_000);
  const report = local.check({ title: "t", sections: [{ id: "a", text }, { id: "b", text: "Formerly known as oldname." }] });
  assert.deepEqual([report.summary.violations, report.summary.omitted, report.summary.blocking], [0, 0, 0]);
  local.free();
});

// --- item 3: memory bounded whatever the pack -------------------------------

test("one phrase in 50,000 entries is a rule pack error naming the entry past the limit", () => {
  const pack = { name: "p", version: "1", term_rules: [termRule("a", Array.from({ length: 50_000 }, () => ({ terms: ["a"] })))] };
  assert.throws(() => new Checker(pack), (e) => e.name === "DueregardError" && e.error === "rule_pack" && e.pointer === "/term_rules/0/entries/32/terms/0");
});

test("32 rules on one word over 100,000 words: a correct report, hits past the limit counted", () => {
  const rules = Array.from({ length: 32 }, (_, i) => termRule(`r${i}`, [{ terms: ["a"] }], "warning"));
  const heavy = new Checker({ name: "p", version: "1", extends_builtin: false, term_rules: rules });
  const report = heavy.checkText("a ".repeat(100_000));
  // One finding per word: the strongest rule stands for the other 31 (also_matched).
  assert.equal(report.summary.violations + report.summary.omitted, 100_000);
  assert.equal(report.violations.length, 10_000);
  assert.equal(report.violations[0].also_matched.length, 31);
  heavy.free();
});

// --- item 4: the same limits on every entry point ---------------------------

test("a checkText title counts towards the size limit", () => {
  const title = "t".repeat(10 * 1024 * 1024);
  assert.throws(() => checker.checkText("short", { title }), (e) => e.kind === "too_large" && !e.message.includes("Limits::"));
});

test("an editing session keeps the whole draft within the size limit", () => {
  const draft = { title: "t", sections: Array.from({ length: 3 }, (_, i) => ({ id: `s${i}`, text: "" })) };
  const session = checker.session(draft);
  const big = "a".repeat(4 * 1024 * 1024);
  session.updateJson("s0", big);
  session.updateJson("s1", big);
  assert.throws(() => session.updateJson("s2", big), (e) => e.kind === "too_large");
  session.free();
});

// --- items 7 and 8: lone surrogates and argument types ----------------------

test("a lone surrogate is U+FFFD in check(object), checkJson and checkText alike", () => {
  const replaced = checker.checkJson(JSON.stringify({ title: "a\ufffdb" }));
  assert.equal(JSON.stringify(checker.check({ title: "a\ud800b" })), JSON.stringify(JSON.parse(replaced)));
  assert.equal(checker.checkJson('{"title": "a\\ud800b"}'), replaced);
  assert.equal(checker.checkJson('{"title": "a\ud800b"}'), replaced);
  assert.equal(checker.checkTextJson("x", { title: "a\udc00b" }), checker.checkTextJson("x", { title: "a\ufffdb" }));
  // A pair is the character it encodes.
  assert.equal(checker.check({ title: "\ud83c\udff3" }).draft.title, "\u{1f3f3}");
});

test("non-string arguments throw a TypeError instead of trapping", () => {
  const session = checker.session({ title: "t", sections: [{ id: "s", text: "x" }] });
  const calls = [
    () => checker.checkJson(42),
    () => checker.checkJson({ title: "t" }),
    () => checker.checkJson(undefined),
    () => checker.checkText(null),
    () => checker.checkText(["he or she"]),
    () => checker.checkTextJson(7),
    () => session.update("s", 5),
    () => session.update(5, "x"),
    () => session.updateJson("s", {}),
  ];
  for (const call of calls) assert.throws(call, TypeError, call.toString());
  assert.ok(checker.check({ title: "t" }).draft, "still usable after");
  assert.equal(session.update("s", "he or she").violations.length > 0, true);
  session.free();
});

// --- items 9 to 14 ----------------------------------------------------------

test("two term rules with one id: refused at the second", () => {
  const pack = { name: "p", version: "1", term_rules: [termRule("x", [{ terms: ["foo"] }]), termRule("x", [{ terms: ["bar"] }])] };
  assert.throws(() => new Checker(pack), (e) => e.error === "rule_pack" && e.pointer === "/term_rules/1/id");
});

test("phrases match across a line break, a double space, a tab or a no-break space, and keep their fingerprints", () => {
  const session = checker.session({ title: "t", sections: [{ id: "a", text: "" }] });
  const oneLine = session.update("a", "Ask if he or she needs a husband or wife.");
  const prints = (r) => r.violations.filter((f) => f.rule.startsWith("term-")).map((f) => f.fingerprint);
  for (const text of ["Ask if he or\nshe needs a husband or\nwife.", "Ask if he  or she needs a husband\tor wife.", "Ask if he or\u00a0she needs a husband or\r\n   wife."]) {
    const wrapped = session.update("a", text);
    assert.deepEqual(prints(wrapped), prints(oneLine), JSON.stringify(text));
    const pronoun = wrapped.violations.find((f) => f.rule === "term-binary-pronouns");
    const { utf16_start: s, utf16_end: e } = pronoun.location.span;
    assert.equal(text.slice(s, e).replace(/\s+/g, " "), "he or she");
  }
  session.free();
});

test("a byte order mark and CR-only line endings read as an editor shows them", () => {
  assert.equal(checker.checkJson('\ufeff{"title": "t"}').includes('"title":"t"'), true);
  const report = checker.checkText("\ufeff# Title\r## One\rAsk if\rhe or she needs leave.\r", { markdown: true });
  assert.equal(report.draft.title, "Title");
  assert.equal(report.violations.find((f) => f.rule === "term-binary-pronouns").location.span.line, 2);
  assert.equal(new Checker('\ufeff{"name": "p", "version": "1"}').rules().length > 0, true);
});

test("duplicate section ids are refused with the pointer; Markdown ids are made unique", () => {
  const dup = { title: "t", sections: [{ id: "a", text: "x" }, { id: "a", text: "y" }] };
  assert.throws(() => checker.check(dup), (e) => e.pointer === "/sections/1/id");
  assert.throws(() => checker.session(dup), (e) => e.pointer === "/sections/1/id");
  const md = checker.checkText("## A\nhe or she\n## A\nhe or she\n## A 2\nhe or she\n", { markdown: true });
  const sections = md.violations.filter((f) => f.rule === "term-binary-pronouns").map((f) => f.location.section);
  assert.deepEqual(sections, ["a", "a-2", "a-2-2"]);
});

test("shapes the schema forbids are refused as the schema refuses them", () => {
  for (const [draft, pointer] of [[["t"], ""], [{ title: "t", sections: [["a", "", "x"]] }, "/sections/0"], [{ title: "t", kind: { workforce_policy: null } }, "/kind"]]) {
    assert.throws(() => checker.check(draft), (e) => e.kind === "invalid" && e.pointer === pointer, JSON.stringify(draft));
  }
});

test("a combining mark after a match stays with its letter in the fix", () => {
  const text = "Ask the chairman\u0301 first.";
  const finding = findings(checker.checkText(text), "term-gendered-roles")[0];
  const edit = finding.fix.edits[0];
  assert.equal(text.slice(edit.utf16_start, edit.utf16_end), "chairman\u0301");
  const fixed = text.slice(0, edit.utf16_start) + edit.replacement + text.slice(edit.utf16_end);
  assert.equal(fixed, "Ask the chair first.");
});
