import path from "node:path";
import { expect, type Page } from "@playwright/test";

// axe-core (already in node_modules) injected into the page; only WCAG 2.0/2.1 A and AA rules, and
// the spec fails on serious or critical violations (spec/quality.md "Usability").

const AXE = path.resolve("node_modules/axe-core/axe.min.js");

type Violation = { id: string; impact: string | null; help: string; nodes: { target: unknown }[] };

export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}, ${v.nodes.length}): ${v.help} ${JSON.stringify(v.nodes.slice(0, 5).map((n) => n.target))}`);
  });
}

export async function expectAccessible(page: Page, where = page.url()) {
  // Soft: one run lists every page's violations, not only the first page's.
  expect.soft(await seriousViolations(page), `axe on ${where}`).toEqual([]);
}

/** No horizontal scroll at the page's current width. */
export async function expectNoHorizontalScroll(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, `horizontal scroll on ${page.url()}`).toBeLessThanOrEqual(width);
}
