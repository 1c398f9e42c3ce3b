// axe-core (npm, installed by build.sh) run inside a Chromium page, for the
// browser tests: WCAG 2.1 A and AA rules plus axe's best practices.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { wasmDir } from "./helpers.mjs";

const source = readFileSync(join(wasmDir, "node_modules", "axe-core", "axe.min.js"), "utf8");

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/**
 * The page's axe-core violations, one readable line each (rule, impact, help
 * and the first few elements). axe is injected with page.evaluate, which the
 * page's Content-Security-Policy does not govern, so the page's own CSP stays on.
 */
export async function axeViolations(page) {
  await page.evaluate(source);
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`.replace(/\s+/g, " ")),
    }));
  }, AXE_TAGS);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} [${v.nodes.length}] ${v.nodes.slice(0, 4).join(" | ")}`);
}
