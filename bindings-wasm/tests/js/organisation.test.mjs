// organisation(items, options) and renderOrganisation(report, format): the
// core's organisation view over reports made in WebAssembly gives, byte for
// byte, what `dueregard organisation` gives over the same example drafts, with
// and without a self-assessment, a previous report and --no-excerpts; bad
// input throws a DueregardError naming the JSON Pointer.
import test from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { commandOutput, dueregard, pretty, root } from "./helpers.mjs";

const { Checker, organisation, organisationJson, renderOrganisation } = dueregard;
const checker = new Checker();
const AS_OF = "2026-11-30";

// The example drafts, named as the command names them (the path as given; the
// command runs in the repository root with relative paths).
const drafts = readdirSync(join(root, "examples", "drafts"))
  .filter((name) => /\.(json|md)$/.test(name) && statSync(join(root, "examples", "drafts", name)).isFile())
  .sort()
  .map((name) => `examples/drafts/${name}`);
const items = drafts.map((path) => ({ document: path, report: checker.checkFile(readFileSync(join(root, path)), basename(path)) }));

const scratch = mkdtempSync(join(tmpdir(), "dueregard-organisation-"));
test.after(() => rmSync(scratch, { recursive: true, force: true }));

/** `dueregard organisation` in the repository root, as-of AS_OF. */
function command(...args) {
  return commandOutput(["organisation", "--as-of", AS_OF, ...args, ...drafts], { cwd: root });
}

/** Asserts the binding's compact JSON is the command's pretty JSON, byte for byte both ways. */
function assertSameReport(compact, commandJson) {
  assert.equal(JSON.stringify(JSON.parse(compact)), compact, "the compact JSON survives a JSON round trip");
  assert.equal(compact, JSON.stringify(JSON.parse(commandJson)));
  assert.equal(pretty(compact), commandJson);
}

test("the example drafts are all read", () => {
  assert.ok(drafts.length >= 6, drafts.join(", "));
  assert.ok(drafts.some((d) => d.endsWith(".md")), "a Markdown draft among them");
});

test("organisation over the example drafts equals dueregard organisation --format json", () => {
  const compact = organisationJson(items, { as_of: AS_OF });
  assertSameReport(compact, command("--format", "json"));
  const report = organisation(items, { as_of: AS_OF });
  assert.equal(JSON.stringify(report), compact);
  assert.equal(report.elements.length, 17);
  assert.equal(report.summary.documents, drafts.length);
  assert.deepEqual(report.documents.map((d) => d.document), drafts);
});

test("items can be the command's check --format json output (path for document), as JSON text", () => {
  const checked = commandOutput(["check", "--format", "json", ...drafts], { cwd: root });
  assert.equal(organisationJson(checked, { as_of: AS_OF }), organisationJson(items, { as_of: AS_OF }));
});

test("a self-assessment (CSV text) is cross-checked as the command does it", () => {
  const csv = "element,claimed,note\n4.1,in place,Forms ask sexual orientation\n1.1,work in progress,\n";
  const file = join(scratch, "self-assessment.csv");
  writeFileSync(file, csv);
  const compact = organisationJson(items, { as_of: AS_OF, self_assessment: csv });
  assertSameReport(compact, command("--format", "json", "--self-assessment", file));
  const cross = JSON.parse(compact).self_assessment;
  assert.equal(cross.length, 2);
  assert.ok(cross.some((c) => c.element === "4.1" && !c.agrees), JSON.stringify(cross));
  // Claims as objects give the same report as the file's text.
  const claims = [
    { element: "4.1", claimed: "in_place", note: "Forms ask sexual orientation" },
    { element: "1.1", claimed: "work_in_progress" },
  ];
  assert.equal(organisationJson(items, { as_of: AS_OF, self_assessment: claims }), compact);
});

test("progress against a previous report, and --no-excerpts, as the command does them", () => {
  const previousItems = items.slice(0, 2);
  const previous = organisation(previousItems, { as_of: "2026-01-31" });
  const file = join(scratch, "previous.json");
  writeFileSync(file, JSON.stringify(previous, null, 2) + "\n");
  const compact = organisationJson(items, { as_of: AS_OF, previous, no_excerpts: true });
  assertSameReport(compact, command("--format", "json", "--previous", file, "--no-excerpts"));
  const report = JSON.parse(compact);
  assert.ok(report.elements.every((e) => e.progress), "every element has progress against the previous report");
  assert.ok(report.documents.every((d, i) => d.document === `Document ${i + 1}`), "no document names with no_excerpts");
});

test("renderOrganisation writes the command's HTML, text and CSV byte for byte", () => {
  const report = organisation(items, { as_of: AS_OF });
  const html = renderOrganisation(report, "html");
  assert.equal(html, command("--format", "html"));
  assert.ok(html.startsWith("<!DOCTYPE html>"));
  assert.equal(renderOrganisation(JSON.stringify(report), "csv"), command("--format", "csv"));
  assert.equal(renderOrganisation(report, "text"), command("--format", "text"));
});

/** Asserts `fn` throws a DueregardError with these properties. */
function throwsDueregard(fn, { error, kind, pointer, says }) {
  let thrown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown instanceof Error, `expected an Error, got ${thrown}`);
  assert.equal(thrown.name, "DueregardError", thrown.message);
  assert.equal(thrown.error, error, thrown.message);
  assert.equal(thrown.kind, kind, thrown.message);
  assert.equal(thrown.pointer, pointer, thrown.message);
  assert.ok(thrown.message.includes(says), `${JSON.stringify(thrown.message)} lacks ${JSON.stringify(says)}`);
}

test("bad organisation input names the problem and its pointer", () => {
  throwsDueregard(() => organisation([{ document: "a", report: 3 }]), { error: "organisation", kind: "invalid", pointer: "/documents/0/report", says: "/documents/0/report" });
  throwsDueregard(() => organisation(items, { colour: "red" }), { error: "options", kind: "invalid", pointer: "/colour", says: "unknown option" });
  throwsDueregard(() => organisation(items, { as_of: "next week" }), { error: "organisation", kind: "invalid", pointer: "/as_of", says: "/as_of" });
  throwsDueregard(() => organisation(items, { self_assessment: "element,claimed\n9.9,in place\n" }), { error: "organisation", kind: "self_assessment", pointer: "line 2", says: "9.9" });
  throwsDueregard(() => organisation(items, [1]), { error: "options", kind: "invalid", pointer: "", says: "expected options as an object" });
  throwsDueregard(() => organisation(undefined), { error: "organisation", kind: "invalid", pointer: "", says: "got undefined" });
  const report = organisation(items, { as_of: AS_OF });
  throwsDueregard(() => renderOrganisation(report, "xlsx"), { error: "options", kind: "invalid", pointer: undefined, says: "unknown format" });
  throwsDueregard(() => renderOrganisation({ format_version: 1 }, "html"), { error: "organisation", kind: "invalid", pointer: "", says: "organisation report" });
  assert.throws(() => renderOrganisation(report, 3), { name: "TypeError", message: /renderOrganisation: format must be a string/ });
});
