// The intranet form in real Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core, headless): type a non-inclusive term, see the highlight and
// the message, apply the one-click fix, see it clear; fill an EIA row and see
// the finding change; type markup and see it shown as text, never run. Saves
// bindings-wasm/test-output/intranet-form.png.
import test from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { dueregard, require, root, wasmDir } from "./helpers.mjs";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const { chromium } = require(join(wasmDir, "node_modules", "playwright-core"));
const { startServer } = await import(join(root, "examples", "intranet-form", "serve.mjs"));
const outDir = join(wasmDir, "test-output");

test("the intranet form checks as a person types, in Chromium", { timeout: 120_000 }, async (t) => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing; test.sh installs Debian's chromium`);
  const server = await startServer({ port: 0 });
  // playwright-core starts Chromium with a new, empty profile in a temporary folder.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
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
