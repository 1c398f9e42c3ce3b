// checker.checkFile(bytes, name): every Word and HTML fixture gives, byte for
// byte, the report the command gives (`dueregard check --format json FILE`,
// the `report` of its one entry); hostile and wrong files throw a
// DueregardError with a `kind` a page can act on, and the checker stays usable.
import test from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync, crc32 } from "node:zlib";
import { commandOutput, dueregard, root } from "./helpers.mjs";

const checker = new dueregard.Checker();
const fixtures = ["docx", "html"].flatMap((dir) =>
  readdirSync(join(root, "tests", "fixtures", dir))
    .filter((name) => name.endsWith(`.${dir}`))
    .sort()
    .map((name) => join(root, "tests", "fixtures", dir, name)),
);
// The Word document whose waiver is a Word comment ("dueregard: waive ...").
const wordWaiver = join(root, "tests", "fixtures", "waivers", "leave_policy_word_comment.docx");
fixtures.push(wordWaiver);

test("there are Word and HTML fixtures to compare", () => {
  assert.ok(fixtures.filter((f) => f.endsWith(".docx")).length >= 15, "fewer than 15 .docx fixtures");
  assert.ok(fixtures.filter((f) => f.endsWith(".html")).length >= 5, "fewer than 5 .html fixtures");
});

// One command run for every fixture: the command writes one entry per file, in order.
const command = JSON.parse(commandOutput(["check", "--format", "json", ...fixtures]));

test("the Word comment waiver gives the same waived findings as the command", () => {
  const index = fixtures.indexOf(wordWaiver);
  const report = checker.checkFile(new Uint8Array(readFileSync(wordWaiver)), "leave_policy_word_comment.docx");
  const waived = [...report.violations, ...report.needs_review].filter((f) => f.waiver);
  assert.ok(waived.length > 0, "nothing waived");
  assert.equal(JSON.stringify(report), JSON.stringify(command[index].report));
});

for (const [i, path] of fixtures.entries()) {
  const name = path.slice(path.lastIndexOf("/") + 1);
  test(`checkFile: ${name} gives the command's report`, () => {
    assert.equal(command[i].path, path);
    const expected = JSON.stringify(command[i].report);
    const bytes = new Uint8Array(readFileSync(path));
    const compact = checker.checkFileJson(bytes, name);
    // The compact text survives JSON.parse/stringify unchanged, so comparing
    // it with the command's re-serialised report compares bytes.
    assert.equal(JSON.stringify(JSON.parse(compact)), compact);
    assert.equal(compact, expected);
    const report = checker.checkFile(bytes, name);
    assert.equal(JSON.stringify(report), expected);
    assert.ok(report.recognised, "a Word or HTML report carries what was recognised");
    assert.equal(report.recognised.format, name.endsWith(".docx") ? "docx" : "html");
  });
}

/** A zip with one deflated entry per [name, bytes], written by hand (no zip library in the tests). */
function zipOf(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name);
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const DOC_START =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const DOC_END = "</w:body></w:document>";

/** Asserts `fn` throws a DueregardError of this kind whose message contains `says`. */
function throwsKind(fn, kind, says) {
  let thrown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown instanceof Error, `expected an Error, got ${thrown}`);
  assert.equal(thrown.name, "DueregardError");
  assert.equal(thrown.error, "draft", thrown.message);
  assert.equal(thrown.kind, kind, thrown.message);
  assert.ok(thrown.message.includes(says), `${JSON.stringify(thrown.message)} lacks ${JSON.stringify(says)}`);
  assert.ok(!thrown.message.includes("\n"), "the message is one line");
}

test("the hand-written zip is a Word document the checker reads", () => {
  const bytes = zipOf([["word/document.xml", Buffer.from(`${DOC_START}<w:p><w:r><w:t>Ask if he or she needs leave.</w:t></w:r></w:p>${DOC_END}`)]]);
  const report = checker.checkFile(bytes, "leave.docx");
  assert.ok(report.violations.some((f) => f.rule === "term-binary-pronouns"));
});

test("checkFile: a zip bomb is refused by its compression ratio", () => {
  const paragraph = "<w:p><w:r><w:t>a</w:t></w:r></w:p>";
  const body = paragraph.repeat(Math.floor((8 * 1024 * 1024) / paragraph.length));
  const bomb = zipOf([["word/document.xml", Buffer.from(DOC_START + body + DOC_END)]]);
  assert.ok(bomb.length < 200_000, `the bomb is small: ${bomb.length}`);
  throwsKind(() => checker.checkFile(bomb, "bomb.docx"), "compression_ratio", "zip bomb");
});

test("checkFile: a truncated .docx says to copy it again", () => {
  const bytes = readFileSync(join(root, "tests", "fixtures", "docx", "policy_eia_screening_ticks.docx"));
  throwsKind(() => checker.checkFile(new Uint8Array(bytes.subarray(0, bytes.length >> 1)), "policy.docx"), "truncated", "copy or download it again");
});

test("checkFile: a Word 97-2003 .doc renamed .docx says to save it as .docx", () => {
  const ole2 = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole2);
  const doc = new Uint8Array(Buffer.concat([ole2, Buffer.from("WordDocument", "utf16le")]));
  throwsKind(() => checker.checkFile(doc, "policy.docx"), "legacy_doc", "save it as .docx");
});

test("checkFile: other wrong files each name the problem", () => {
  throwsKind(() => checker.checkFile(new TextEncoder().encode("%PDF-1.7\n"), "policy.docx"), "pdf", "PDF");
  throwsKind(() => checker.checkFile(new Uint8Array([1, 2, 3]), "policy.docx"), "not_zip", "");
  let thrown;
  try {
    checker.checkFile(new Uint8Array(4), "policy.pdf");
  } catch (e) {
    thrown = e;
  }
  assert.equal(thrown?.kind, "unsupported_format");
  assert.ok(thrown.message.includes(".docx"), thrown.message);
});

test("checkFile: wrong argument types throw a TypeError, not a trap", () => {
  assert.throws(() => checker.checkFile("not bytes", "a.docx"), { name: "TypeError", message: /checkFile: bytes must be a Uint8Array or an ArrayBuffer, not string/ });
  assert.throws(() => checker.checkFile(new Uint8Array(1), 7), { name: "TypeError", message: /checkFile: name must be a string, not number/ });
  assert.throws(() => checker.checkFileJson(null, "a.docx"), { name: "TypeError", message: /checkFileJson: bytes .* not null/ });
  // An ArrayBuffer is read like its Uint8Array.
  const bytes = readFileSync(fixtures[0]);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  const name = fixtures[0].slice(fixtures[0].lastIndexOf("/") + 1);
  assert.equal(checker.checkFileJson(buffer, name), JSON.stringify(command[0].report));
});

test("the checker is usable after every refused file", () => {
  const bytes = new Uint8Array(readFileSync(fixtures[0]));
  assert.equal(checker.checkFileJson(bytes, fixtures[0].slice(fixtures[0].lastIndexOf("/") + 1)), JSON.stringify(command[0].report));
});
