// The intranet form in real Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core, headless): type a non-inclusive term, see the highlight and
// the message, apply the one-click fix, see it clear; fill an EIA row and see
// the finding change; type markup and see it shown as text, never run. At
// 320 CSS px: no sideways scroll (WCAG 1.4.10), the EIA grid one block per
// characteristic, a Word document opened with checkFile in the page. axe-core
// (WCAG 2.1 A/AA and best practice) finds nothing, after typing and with a
// document open, nor on the organisation HTML page. The page loads only the
// lean module until a Word document is opened, then the full one, once; if
// the full one cannot load, the alert says so and the next try loads it.
// Saves screenshots to bindings-wasm/test-output/.
import test from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { commandOutput, dueregard, require, root, wasmDir } from "./helpers.mjs";
import { axeViolations } from "./axe.mjs";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const { chromium } = require(join(wasmDir, "node_modules", "playwright-core"));
const { startServer } = await import(join(root, "examples", "intranet-form", "serve.mjs"));
const outDir = join(wasmDir, "test-output");

/** Headless Chromium with a new, empty profile in a temporary folder (playwright-core). */
function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

/** Collects the page's errors, failed responses, requests outside the local server and WebAssembly fetched. */
function watch(page, server) {
  const seen = { dialogs: [], errors: [], outside: [], wasm: [] };
  page.on("request", (r) => new URL(r.url()).pathname.endsWith(".wasm") && seen.wasm.push(new URL(r.url()).pathname));
  page.on("dialog", (d) => {
    seen.dialogs.push(d.message());
    d.dismiss();
  });
  page.on("pageerror", (e) => seen.errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && seen.errors.push(m.text()));
  page.on("response", (r) => r.status() >= 400 && seen.errors.push(`${r.status()} ${r.url()}`));
  page.on("request", (r) => !r.url().startsWith(server.url) && seen.outside.push(r.url()));
  return seen;
}

/** Whether the page scrolls sideways (WCAG 1.4.10 Reflow): the widths, for the message. */
async function sideways(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const wide = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 0.5 && e.getClientRects().length)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}.${[...e.classList].join(".")} right=${Math.round(e.getBoundingClientRect().right)}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  });
}

async function assertNoSidewaysScroll(page, when) {
  const w = await sideways(page);
  assert.ok(w.scrollWidth <= w.clientWidth, `${when}: the page scrolls sideways (${w.scrollWidth} > ${w.clientWidth}): ${w.wide.join("; ")}`);
}

async function assertNoAxeViolations(page, when) {
  assert.deepEqual(await axeViolations(page), [], `axe-core violations ${when}`);
}

test("the intranet form checks as a person types, in Chromium", { timeout: 120_000 }, async (t) => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing; test.sh installs Debian's chromium`);
  const server = await startServer({ port: 0 });
  const browser = await launch();
  t.after(async () => {
    await browser.close();
    await server.close();
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const dialogs = [];
  const pageErrors = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && pageErrors.push(m.text()));
  page.on("response", (r) => r.status() >= 400 && pageErrors.push(`${r.status()} ${r.url()}`));
  const outside = [];
  page.on("request", (r) => !r.url().startsWith(server.url) && outside.push(r.url()));

  await page.goto(server.url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });

  // Every control has a label a screen reader announces.
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll("input, select, textarea")]
      .filter((c) => c.type !== "file" || !c.labels?.length)
      .filter((c) => !(c.labels?.length || c.getAttribute("aria-label") || c.getAttribute("aria-labelledby")))
      .map((c) => c.id),
  );
  assert.deepEqual(unlabelled, [], "controls without a label");

  // 1. Type a sentence with a non-inclusive term; the highlight and the message appear.
  const scope = page.locator("textarea[data-section=scope]");
  const sentence = "Each employee should tell their manager if he or she needs time off.";
  await scope.click();
  await page.keyboard.type(sentence, { delay: 5 });
  const mark = page.locator(".section-editor[data-section=scope] mark[data-rule=term-binary-pronouns]");
  await mark.waitFor({ timeout: 10_000 });
  assert.equal(await mark.textContent(), "he or she");
  const expected = dueregard.Checker.prototype.checkText.call(new dueregard.Checker(), sentence, { title: "x" });
  const expectedFinding = [...expected.violations, ...expected.needs_review].find((f) => f.rule === "term-binary-pronouns");
  const item = page.locator("#findings li[data-rule=term-binary-pronouns]");
  await item.waitFor();
  assert.equal(await item.locator(".finding-message").textContent(), expectedFinding.message);
  assert.match(await item.locator(".finding-elements").textContent(), /Framework: \d\.\d/);
  assert.match(await item.locator(".finding-source").textContent(), /Source: .+/);
  assert.match(await page.locator("#count").textContent(), /change/);
  assert.equal(await page.locator("#count").getAttribute("aria-live"), "polite");
  await assertNoAxeViolations(page, "after typing (1400 px wide)");

  // 2. Apply the one-click fix with the keyboard; the highlight and the finding clear.
  const fix = item.locator("button.apply-fix");
  await fix.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => !document.querySelector("mark[data-rule=term-binary-pronouns]"));
  const fixed = await scope.inputValue();
  assert.equal(fixed, sentence.replace("he or she", expectedFinding.fix.edits[0].replacement));
  assert.equal(await page.locator("#findings li[data-rule=term-binary-pronouns]").count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.section), "scope", "focus returns to the edited text");

  // 3. Fill an EIA row: "no assessment" gives way to row-level checks, which change as the row is filled.
  await page.locator("#findings li[data-rule=eia-present]").waitFor();
  await page.selectOption("#eia-sexual_orientation-impact", "negative");
  const rowChecks = page.locator("#eia-sexual_orientation-checks");
  await page.waitForFunction(() => !document.querySelector("#findings li[data-rule=eia-present]"));
  await rowChecks.locator("li[data-rule=eia-negative-mitigated]").first().waitFor();
  await rowChecks.locator("li[data-rule=eia-evidence]").waitFor();
  const before = await rowChecks.locator("li").allTextContents();
  mkdirSync(outDir, { recursive: true });
  await page.locator("tr[data-group=sexual_orientation]").screenshot({ path: join(outDir, "intranet-form-eia-row.png") });
  await page.fill("#eia-sexual_orientation-evidence", "The LGBTQ+ staff network told us partners were refused leave.");
  await page.fill("#eia-sexual_orientation-mitigation", "Managers accept the employee's own description of the relationship.");
  await page.waitForFunction(() => !document.querySelector("#eia-sexual_orientation-checks li[data-rule=eia-evidence]"));
  const after = await rowChecks.locator("li").allTextContents();
  assert.notDeepEqual(after, before);
  assert.ok(after.some((text) => /no action/.test(text)), after.join(" | "));
  await page.fill("#eia-sexual_orientation-action", "Brief all managers on the family definition");
  await page.fill("#eia-sexual_orientation-owner", "Head of HR");
  await page.fill("#eia-sexual_orientation-due", "2027-03-31");
  await page.fill("#eia-sexual_orientation-measure", "Audit of 20 requests shows none refused for relationship");
  await page.waitForFunction(() => !document.querySelector("#eia-sexual_orientation-checks li[data-rule=eia-negative-mitigated]"));

  // 4. Markup typed into the draft is shown as text and never runs.
  const markup = "<img src=x onerror=alert(1)>";
  const policy = page.locator("textarea[data-section=policy]");
  await policy.click();
  await page.keyboard.type(`${markup} Staff and his/her family may apply.`, { delay: 2 });
  await page.locator(".section-editor[data-section=policy] mark").first().waitFor();
  await page.fill("#title", `${markup} leave policy`);
  await page.waitForTimeout(500);
  assert.equal(await page.locator("img").count(), 0, "an <img> element was created from draft text");
  assert.ok((await page.locator(".section-editor[data-section=policy] .backdrop").textContent()).includes(markup));
  const excerpts = await page.locator("#findings .excerpt").allTextContents();
  assert.ok(excerpts.some((e) => e.includes(markup)), `no excerpt shows the markup as text: ${excerpts.join(" | ")}`);
  assert.deepEqual(dialogs, [], "a dialog fired");

  // The per-pillar summary uses the traffic light, in words too; each pillar
  // lists its elements (with their evidence) in a nested list of its own.
  const pillars = await page.locator("#pillars > li").allTextContents();
  assert.equal(pillars.length, 6);
  assert.ok(pillars.some((p) => /Not in place \(red\)|Work in progress \(amber\)|In place \(green\)/.test(p)), pillars.join(" | "));

  mkdirSync(outDir, { recursive: true });
  await page.locator("#findings li[data-rule=term-binary-pronouns]").first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(outDir, "intranet-form.png"), fullPage: true });
  await page.locator("#eia-grid").screenshot({ path: join(outDir, "intranet-form-eia.png") });
  await page.locator(".section-editor[data-section=policy]").screenshot({ path: join(outDir, "intranet-form-editor.png") });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(outDir, "intranet-form-top.png") });

  // 5. Save the draft to this computer, and open a saved one: both stay in the browser.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export")]);
  const saved = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.equal(saved.title, `${markup} leave policy`);
  assert.equal(saved.sections.find((s) => s.id === "scope").text, fixed);
  assert.equal(saved.eia.groups[0].group, "sexual_orientation");
  assert.deepEqual(saved.eia.groups[0].actions, [saved.eia.actions[0].id]);
  assert.equal(JSON.stringify(new dueregard.Checker().check(saved).summary.violations >= 0), "true", "the saved draft is valid");
  const example = join(root, "examples", "drafts", "bereavement-leave-policy.json");
  await page.setInputFiles("#import", example);
  await page.waitForFunction((title) => document.querySelector("#title").value === title, JSON.parse(readFileSync(example, "utf8")).title);
  const full = new dueregard.Checker().check(readFileSync(example, "utf8"));
  await page.waitForFunction((n) => document.querySelector("#count").textContent.startsWith(`${n} change`), full.summary.violations);
  assert.equal(await page.locator("#findings > li.finding--violation, #findings > li.finding--review").count(), full.summary.violations + full.summary.needs_review);
  assert.equal(await page.inputValue("#eia-religion_or_belief-impact"), "negative");
  await page.screenshot({ path: join(outDir, "intranet-form-example.png"), fullPage: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(outDir, "intranet-form-example-top.png") });

  assert.deepEqual(pageErrors, [], "errors in the page");
  assert.deepEqual(outside, [], "the page made requests outside the local server");
});

test("the intranet form reflows at 320 px and passes axe-core, typing and with a Word document open", { timeout: 180_000 }, async (t) => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing; test.sh installs Debian's chromium`);
  const server = await startServer({ port: 0 });
  const browser = await launch();
  t.after(async () => {
    await browser.close();
    await server.close();
  });
  // 320 CSS px: a 1280 px window at 400% zoom (WCAG 1.4.10).
  const context = await browser.newContext({ viewport: { width: 320, height: 720 } });
  const page = await context.newPage();
  const seen = watch(page, server);
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  mkdirSync(outDir, { recursive: true });
  await assertNoSidewaysScroll(page, "on load");
  await assertNoAxeViolations(page, "on load at 320 px");

  // The EIA grid is one block per characteristic, each cell with its heading shown.
  const layout = await page.evaluate(() => {
    const row = document.querySelector("tr[data-group=sexual_orientation]");
    const label = row.querySelector("td .cell-label");
    return { display: getComputedStyle(row).display, label: label && getComputedStyle(label).display, right: row.getBoundingClientRect().right };
  });
  assert.equal(layout.display, "block", "an EIA row is a block on a narrow screen");
  assert.equal(layout.label, "block", "each EIA cell shows its heading on a narrow screen");
  assert.ok(layout.right <= 320, `the EIA row overflows: right edge at ${layout.right}`);

  // Typing: highlights and findings appear; still no sideways scroll, no axe violation.
  const scope = page.locator("textarea[data-section=scope]");
  await scope.click();
  await page.keyboard.type("Each chairman should tell their manager if he or she needs time off.", { delay: 2 });
  await page.locator(".section-editor[data-section=scope] mark[data-rule=term-binary-pronouns]").waitFor({ timeout: 10_000 });
  await page.selectOption("#eia-sexual_orientation-impact", "negative");
  await page.locator("#eia-sexual_orientation-checks li[data-rule=eia-evidence]").waitFor();
  await assertNoSidewaysScroll(page, "after typing");
  await assertNoAxeViolations(page, "after typing at 320 px");
  assert.deepEqual(seen.wasm, ["/pkg-lean/dueregard_bg.wasm"], "the page loads only the lean module until a document is opened");
  await page.locator("tr[data-group=sexual_orientation]").screenshot({ path: join(outDir, "intranet-form-320-eia-row.png") });
  await page.screenshot({ path: join(outDir, "intranet-form-320.png"), fullPage: true });

  // Open a Word document: checked in the page with checkFile, the same report as in node.
  const word = join(root, "tests", "fixtures", "docx", "policy_eia_screening_ticks.docx");
  const expected = new dueregard.Checker().checkFile(new Uint8Array(readFileSync(word)), "policy_eia_screening_ticks.docx");
  await page.setInputFiles("#open-document", word);
  await page.locator("#document:not([hidden])").waitFor();
  assert.deepEqual(seen.wasm, ["/pkg-lean/dueregard_bg.wasm", "/pkg/dueregard_bg.wasm"], "opening a Word document loads the full module");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "document-heading", "focus moves to the document's findings");
  assert.match(await page.locator("#document-heading").textContent(), /policy_eia_screening_ticks\.docx/);
  const recognised = await page.locator("#document-recognised").textContent();
  assert.match(recognised, new RegExp(`^Read your Word document: ${expected.recognised.sections} section`));
  assert.ok(recognised.includes(`EIA table: ${expected.recognised.eia_rows} rows, ${expected.recognised.eia_rows_with_evidence} with evidence`), recognised);
  const items = page.locator("#document-findings > li.finding--violation, #document-findings > li.finding--review");
  assert.equal(await items.count(), expected.violations.length + expected.needs_review.length);
  const all = [...expected.violations, ...expected.needs_review];
  assert.deepEqual(await items.locator(".finding-message").allTextContents(), all.map((f) => f.message));
  const placed = all.find((f) => f.location.place);
  assert.ok(placed, "a finding with a place in the document");
  assert.ok((await items.locator(".finding-where").allTextContents()).some((w) => w.startsWith(`Where: ${placed.location.place}`)));
  assert.equal(await page.locator("#document-pillars li.pillar").count(), 6);
  assert.match(await page.locator("#document-count").textContent(), new RegExp(`^${expected.summary.violations} change`));
  await assertNoSidewaysScroll(page, "with a Word document open");
  await assertNoAxeViolations(page, "with a Word document open at 320 px");
  await page.locator("#document").screenshot({ path: join(outDir, "intranet-form-320-document.png") });

  // Download with comments: the annotated document, made in the page, equals annotateDocx in node.
  const [annotated] = await Promise.all([page.waitForEvent("download"), page.click("#download-annotated")]);
  assert.equal(annotated.suggestedFilename(), "policy_eia_screening_ticks with comments.docx");
  const downloaded = readFileSync(await annotated.path());
  const expectedBytes = new dueregard.Checker().annotateDocx(new Uint8Array(readFileSync(word)), { title: "policy_eia_screening_ticks" });
  assert.ok(downloaded.equals(Buffer.from(expectedBytes)), "the downloaded document differs from annotateDocx's");
  assert.match(await page.locator("#status").textContent(), /Saved “policy_eia_screening_ticks with comments\.docx”/);

  // A web page too, and a Word 97-2003 file renamed .docx is refused in words, in the alert.
  await page.setInputFiles("#open-document", join(root, "tests", "fixtures", "html", "registration_form.html"));
  await page.waitForFunction(() => /registration_form\.html/.test(document.querySelector("#document-heading").textContent));
  assert.match(await page.locator("#document-recognised").textContent(), /^Read your web page: .*form field/);
  assert.equal(await page.locator("#download-annotated").count(), 0, "Download with comments is for Word documents only");
  const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1016), Buffer.from("WordDocument", "utf16le")]);
  await page.setInputFiles("#open-document", { name: "old.docx", mimeType: "application/msword", buffer: ole2 });
  await page.locator("#alert:not([hidden])").waitFor();
  assert.match(await page.locator("#alert").textContent(), /^“old\.docx” could not be checked: .*save it as \.docx/);
  await assertNoAxeViolations(page, "with the alert shown at 320 px");

  // The desktop layout with the document open, for looking at.
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.setInputFiles("#open-document", word);
  await page.waitForFunction(() => /policy_eia_screening_ticks/.test(document.querySelector("#document-heading").textContent));
  await assertNoSidewaysScroll(page, "at 1400 px with a Word document open");
  await assertNoAxeViolations(page, "with a Word document open at 1400 px");
  await page.screenshot({ path: join(outDir, "intranet-form-document.png"), fullPage: true });

  assert.deepEqual(seen.wasm, ["/pkg-lean/dueregard_bg.wasm", "/pkg/dueregard_bg.wasm"], "the full module is fetched once");
  assert.deepEqual(seen.errors, [], "errors in the page");
  assert.deepEqual(seen.dialogs, [], "a dialog fired");
  assert.deepEqual(seen.outside, [], "the page made requests outside the local server");
});

test("the intranet form says so when the full module cannot load, and loads it on the next try", { timeout: 120_000 }, async (t) => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing; test.sh installs Debian's chromium`);
  const server = await startServer({ port: 0 });
  const browser = await launch();
  t.after(async () => {
    await browser.close();
    await server.close();
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const seen = watch(page, server);
  // The intranet connection drops: the full module's WebAssembly cannot be fetched.
  await page.route("**/pkg/dueregard_bg.wasm", (route) => route.abort("connectionfailed"));
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  const word = join(root, "tests", "fixtures", "docx", "policy_eia_screening_ticks.docx");
  await page.setInputFiles("#open-document", word);
  await page.locator("#alert:not([hidden])").waitFor({ timeout: 30_000 });
  assert.match(await page.locator("#alert").textContent(), /^The Word and web page reader could not load\. Check the connection/);
  assert.match(await page.locator("#status").textContent(), /could not load/);
  assert.equal(await page.locator("#document").isHidden(), true, "no document box without the reader");
  // Typing is still checked by the lean module.
  await page.locator("textarea[data-section=scope]").fill("Each chairman should apply.");
  await page.locator(".section-editor[data-section=scope] mark").first().waitFor({ timeout: 10_000 });
  // The connection is back: the next try loads the full module and checks the document.
  await page.unroute("**/pkg/dueregard_bg.wasm");
  await page.setInputFiles("#open-document", word);
  await page.waitForFunction(() => /policy_eia_screening_ticks/.test(document.querySelector("#document-heading").textContent), null, { timeout: 30_000 });
  assert.equal(await page.locator("#alert").isHidden(), true, "the alert is cleared");
  assert.equal(seen.wasm.filter((p) => p === "/pkg/dueregard_bg.wasm").length, 2, seen.wasm.join(", "));
  assert.deepEqual(seen.outside, [], "the page made requests outside the local server");
});

test("the organisation HTML page (dueregard organisation --format html over the example drafts) passes axe-core", { timeout: 120_000 }, async (t) => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing; test.sh installs Debian's chromium`);
  const drafts = readdirSync(join(root, "examples", "drafts"))
    .filter((name) => /\.(json|md)$/.test(name))
    .sort()
    .map((name) => `examples/drafts/${name}`);
  const html = commandOutput(["organisation", "--format", "html", "--as-of", "2026-11-30", ...drafts], { cwd: root });
  // The same page from WebAssembly, so checking one checks both.
  const checker = new dueregard.Checker();
  const items = drafts.map((path) => ({ document: path, report: checker.checkFile(readFileSync(join(root, path)), path.slice(path.lastIndexOf("/") + 1)) }));
  assert.equal(dueregard.renderOrganisation(dueregard.organisation(items, { as_of: "2026-11-30" }), "html"), html);
  const browser = await launch();
  t.after(() => browser.close());
  for (const width of [1280, 320]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("request", (r) => r.url() !== "about:blank" && !r.url().startsWith("data:") && errors.push(`request ${r.url()}`));
    await page.setContent(html, { waitUntil: "load" });
    assert.match(await page.title(), /organisation view/);
    await assertNoAxeViolations(page, `on the organisation page at ${width} px`);
    // WCAG 1.4.10: the page itself never scrolls sideways; a wide table
    // scrolls inside its own labelled, focusable region.
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(pageWidth <= width, `the organisation page scrolls sideways at ${width} px: ${pageWidth} px wide`);
    mkdirSync(outDir, { recursive: true });
    await page.screenshot({ path: join(outDir, `organisation-${width}.png`), fullPage: true });
    assert.deepEqual(errors, [], "errors or requests: the page is self-contained");
    await page.close();
  }
});
