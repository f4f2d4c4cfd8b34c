import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import pg from "pg";
import { E2E } from "./support/env";
import { signInAs } from "./support/fixtures";

// The demo's 2025 cycle: whatever earlier stories did with it (scored, issued), office1 reads its
// ranking — sorted, filtered, exported — and its charts with their text alternatives; the scoring
// page keeps its runs; a reviewer sees nothing before approval. Scores it first when nobody has.

test.describe.configure({ mode: "serial" });

const CYCLE = "2025年度政务诚信评价";
const AXE = path.resolve("node_modules/axe-core/axe.min.js");

async function cycleId(): Promise<string> {
  const client = new pg.Client({ connectionString: E2E.databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ id: string }>("SELECT id FROM cycle WHERE year = 2025")).rows[0]!.id;
  } finally {
    await client.end();
  }
}

/** No serious or critical axe violation on the page. */
async function expectAccessible(page: Page) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }> } }).axe.run();
    return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.nodes.length}) ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  expect(violations).toEqual([]);
}

test("office1 scores the cycle if needed, then reads, sorts, filters and exports its ranking", async ({ page }) => {
  test.setTimeout(120_000);
  const id = await cycleId();
  await signInAs(page, "office1");
  await page.goto("/cycles");
  await page.getByRole("link", { name: CYCLE }).click();
  await page.getByRole("navigation", { name: "周期页面" }).getByRole("link", { name: "评分", exact: true }).click();
  await expect(page.getByTestId("scoring-summary")).toBeVisible();
  if ((await page.getByTestId("run-row").count()) === 0) {
    await expect(page.getByTestId("no-runs")).toBeVisible();
    await page.getByTestId("start-scoring").getByRole("button", { name: "开始评分" }).click();
    await expect(page.getByTestId("run-row").first()).toContainText("已完成", { timeout: 60_000 });
  }
  await expect(page.getByTestId("run-row").filter({ hasText: "当前" })).toHaveCount(1);
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "周期页面" }).getByRole("link", { name: "评分结果" }).click();
  const rows = page.getByTestId("ranking-row");
  await expect(rows.first()).toBeVisible();
  const scored = Number((await page.getByTestId("results-summary").locator("dd").first().textContent())!.replace(/,/g, ""));
  expect(scored).toBeGreaterThan(0);
  await expect(rows.first().locator("td").first()).toHaveText("1");

  // The distribution's text alternative holds the same units as the ranking.
  const bins = page.getByTestId("distribution-chart").locator("table td");
  await expect(bins).toHaveCount(9);
  const counts = (await bins.allTextContents()).map(Number);
  expect(counts.reduce((a, b) => a + b, 0)).toBe(scored);
  await expectAccessible(page);

  // Lowest total first.
  await page.getByRole("columnheader", { name: "总分" }).getByRole("link").click();
  await expect(page.getByRole("columnheader", { name: /总分/ })).toHaveAttribute("aria-sort", "ascending");
  const totals = (await rows.locator("td:nth-last-child(4)").allTextContents()).map(Number);
  expect(totals).toEqual([...totals].sort((a, b) => a - b));

  // Filter by the grade of the first row: every row has it, positions stay those of the whole ranking.
  const grade = (await rows.first().locator("td:nth-last-child(3)").textContent())!.trim();
  await page.getByLabel("等次").selectOption(grade);
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(new RegExp(`grade=${encodeURIComponent(grade)}`));
  const grades = await rows.locator("td:nth-last-child(3)").allTextContents();
  expect(new Set(grades.map((g) => g.trim()))).toEqual(new Set([grade]));
  const filtered = Number((await page.getByRole("navigation", { name: "分页" }).textContent())!.match(/共 ([\d,]+) 条/)![1]!.replace(/,/g, ""));

  const response = await page.request.get(`/cycles/${id}/results/export?grade=${encodeURIComponent(grade)}`);
  expect(response.status()).toBe(200);
  const book = new ExcelJS.Workbook();
  const body = await response.body();
  await book.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  expect(sheet.getRow(1).getCell(1).text).toBe("排名");
  expect(sheet.rowCount - 1).toBe(filtered);
  const positions = Array.from({ length: filtered }, (_, i) => Number(sheet.getRow(i + 2).getCell(1).value));
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
});

test("a reviewer sees no results before approval, and the progress feed needs a signed-in office user", async ({ page, browser }) => {
  const id = await cycleId();
  await signInAs(page, "reviewer");
  expect((await page.goto(`/cycles/${id}/results`))!.status()).toBe(404);
  expect((await page.goto(`/cycles/${id}/scoring`))!.status()).toBe(404);
  expect((await page.request.get(`/cycles/${id}/results/export`)).status()).toBe(404);
  expect((await page.request.get(`/cycles/${id}/scoring/progress`)).status()).toBe(404);
  const anonymous = await browser.newContext();
  const response = await anonymous.request.get(`${E2E.baseUrl}/cycles/${id}/scoring/progress`, { maxRedirects: 0 });
  expect([302, 307, 401]).toContain(response.status());
  await anonymous.close();
});
