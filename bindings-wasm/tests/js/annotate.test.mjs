// checker.annotateDocx(bytes, options): the Word round trip in WebAssembly
// writes, byte for byte, the document `dueregard annotate` writes (same
// fixture, same options); annotating again changes nothing; bad documents and
// bad options throw a DueregardError.
import test from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { commandOutput, dueregard, root } from "./helpers.mjs";

const checker = new dueregard.Checker();
// commandOutput runs `dueregard annotate --as-of` this day (so the command's
// review-date judgement cannot change with the calendar); the same date here
// dates the binding's comments as the command dates its own.
const as_of = "2026-11-30";
const scratch = mkdtempSync(join(tmpdir(), "dueregard-annotate-"));
test.after(() => rmSync(scratch, { recursive: true, force: true }));

/** The command's annotated copy of a fixture. */
function commandAnnotated(fixture, ...args) {
  const out = join(scratch, `${args.join("-") || "default"}-${fixture}`);
  commandOutput(["annotate", ...args, "--output", out, join(root, "tests", "fixtures", "docx", fixture)]);
  return new Uint8Array(readFileSync(out));
}

const bytesOf = (fixture) => new Uint8Array(readFileSync(join(root, "tests", "fixtures", "docx", fixture)));

for (const fixture of ["policy_eia_screening_ticks.docx", "tracked_changes.docx"]) {
  test(`annotateDocx: ${fixture} equals dueregard annotate byte for byte`, () => {
    const title = fixture.replace(/\.docx$/, "");
    const mine = checker.annotateDocx(bytesOf(fixture), { title, as_of });
    assert.ok(mine instanceof Uint8Array);
    const theirs = commandAnnotated(fixture);
    assert.ok(mine.length > 1000 && mine.length !== bytesOf(fixture).length, "an annotated copy, not the original");
    assert.ok(Buffer.from(mine).equals(Buffer.from(theirs)), `the bytes differ (${mine.length} vs ${theirs.length})`);
    // The annotated copy holds dueregard's comments.
    assert.ok(Buffer.from(mine).includes(Buffer.from("word/comments.xml")), "no comments part");
    // Options as JSON text, and fixes "none" as --fixes none.
    assert.ok(Buffer.from(checker.annotateDocx(bytesOf(fixture), JSON.stringify({ title, as_of }))).equals(Buffer.from(theirs)));
    const none = checker.annotateDocx(bytesOf(fixture), { title, as_of, fixes: "none" });
    assert.ok(Buffer.from(none).equals(Buffer.from(commandAnnotated(fixture, "--fixes", "none"))), "--fixes none differs");
  });
}

test("annotateDocx: annotating the annotated copy gives the same bytes", () => {
  const title = "policy_eia_screening_ticks";
  const once = checker.annotateDocx(bytesOf("policy_eia_screening_ticks.docx"), { title });
  const twice = checker.annotateDocx(once, { title });
  assert.ok(Buffer.from(twice).equals(Buffer.from(once)));
});

test("annotateDocx: bad documents and bad options throw a DueregardError", () => {
  const ole2 = new Uint8Array(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1016), Buffer.from("WordDocument", "utf16le")]));
  assert.throws(() => checker.annotateDocx(ole2), (e) => e.name === "DueregardError" && e.error === "draft" && e.kind === "legacy_doc" && /save it as \.docx/.test(e.message));
  const page = new Uint8Array(readFileSync(join(root, "tests", "fixtures", "html", "registration_form.html")));
  assert.throws(() => checker.annotateDocx(page), (e) => e.name === "DueregardError" && e.error === "draft");
  const bytes = bytesOf("policy_eia_screening_ticks.docx");
  assert.throws(() => checker.annotateDocx(bytes, { fixes: "some" }), (e) => e.name === "DueregardError" && e.error === "options" && /annotateDocx options: unknown variant `some`/.test(e.message));
  assert.throws(() => checker.annotateDocx(bytes, { colour: "red" }), (e) => e.error === "options" && /unknown field `colour`/.test(e.message));
  assert.throws(() => checker.annotateDocx("bytes"), { name: "TypeError", message: /annotateDocx: bytes must be a Uint8Array/ });
  // Still usable.
  assert.ok(checker.annotateDocx(bytes, {}).length > 0);
});
