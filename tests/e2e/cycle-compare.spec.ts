import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { signInAs } from "./support/fixtures";
import { sql } from "./support/sql";

// Year over year: office1 compares an earlier cycle with the demo's 2025 cycle — summary, chart
// figures, movers, grade matrix, the sorted and searched table, the export; a reviewer compares only
// cycles under approval or archived; a unit gets 404. When the demo has no earlier cycle with
// results, one is made from the 2025 results (some units left out, totals moved) and removed after.

test.describe.configure({ mode: "serial" });

const AXE = path.resolve("node_modules/axe-core/axe.min.js");
const MADE = "e2e-compare-earlier";

async function cycle2025(): Promise<string> {
  return (await sql<{ id: string }>("SELECT id FROM cycle WHERE year = 2025"))[0]!.id;
}

/** Scores the 2025 cycle through the scoring page when nobody has yet. */
async function ensureScored(page: Page, id: string) {
  const runs = await sql<{ n: number }>("SELECT count(*)::int AS n FROM scoring_run WHERE cycle_id = $1 AND status = 'succeeded'", [id]);
  if (runs[0]!.n > 0) return;
  await page.goto(`/cycles/${id}/scoring`);
  await page.getByTestId("start-scoring").getByRole("button", { name: "开始评分" }).click();
  await expect(page.getByTestId("run-row").first()).toContainText("已完成", { timeout: 60_000 });
}

/** The latest cycle with results other than 2025, or one made from 2025's results (status approval). */
async function earlierCycle(later: string): Promise<string> {
  const found = await sql<{ id: string }>(
    `SELECT c.id FROM cycle c WHERE c.id <> $1 AND c.year < 2025 AND EXISTS (SELECT 1 FROM scoring_run r WHERE r.cycle_id = c.id AND r.status = 'succeeded') ORDER BY c.year DESC LIMIT 1`, [later]);
  if (found[0]) return found[0].id;
  await sql(`INSERT INTO cycle (id, year, name, status, collection_deadline, commitments_deadline, updated_at) VALUES ($1, 2024, '2024年度政务诚信评价（对比用）', 'approval', '2024-12-01', '2024-05-01', now())`, [MADE]);
  await sql(`INSERT INTO cycle_scheme (id, cycle_id, unit_kind, scheme_version_id) SELECT $1 || unit_kind, $1, unit_kind, scheme_version_id FROM cycle_scheme WHERE cycle_id = $2`, [MADE, later]);
  await sql(`INSERT INTO scoring_run (id, cycle_id, number, status, unit_count, started_at, finished_at) VALUES ($1, $1, 1, 'succeeded', 0, now(), now())`, [MADE]);
  // Every fifth unit (by name) is new in 2025; the others' totals move by −7 … +7 points.
  await sql(`
    WITH src AS (SELECT cu.organisation_id, cu.unit_kind, r.scheme_version_id, r.total, row_number() OVER (ORDER BY o.name, o.id) AS n
                   FROM cycle_unit cu JOIN organisation o ON o.id = cu.organisation_id JOIN unit_result r ON r.id = cu.current_result_id WHERE cu.cycle_id = $2),
    moved AS (SELECT *, LEAST(100, GREATEST(0, total + ((n % 9) - 4) * 1.75)) AS t FROM src WHERE n % 5 <> 0),
    enrolled AS (INSERT INTO cycle_unit (id, cycle_id, organisation_id, unit_kind) SELECT $1 || '-u' || n, $1, organisation_id, unit_kind FROM moved)
    INSERT INTO unit_result (id, run_id, cycle_id, unit_id, unit_kind, scheme_version_id, total, grade, rank, categories, indicators, facts)
    SELECT $1 || '-r' || n, $1, $1, organisation_id, unit_kind, scheme_version_id, t,
           CASE WHEN t >= 90 THEN '优秀' WHEN t >= 80 THEN '良好' WHEN t >= 60 THEN '一般' ELSE '较差' END, 1, '[]', '[]', '{}' FROM moved`, [MADE, later]);
  await sql(`UPDATE cycle_unit SET current_result_id = $1 || '-r' || substr(id, length($1) + 3) WHERE cycle_id = $1`, [MADE]);
  return MADE;
}

async function expectAccessible(page: Page) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }> } }).axe.run();
    return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.nodes.length}) ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  expect(violations).toEqual([]);
}

const count = (text: string | null) => Number(text!.replace(/[,\s]/g, ""));
const change = (text: string) => Number(text.replace("−", "-").replace("+", ""));

let earlier = "";
let later = "";

test.afterAll(async () => {
  if (earlier === MADE) await sql("DELETE FROM cycle WHERE id = $1", [MADE]);
});

test("office1 compares the earlier cycle with 2025: figures, movers, matrix, table and export agree", async ({ page }) => {
  test.setTimeout(120_000);
  later = await cycle2025();
  await signInAs(page, "office1");
  await ensureScored(page, later);
  earlier = await earlierCycle(later);
  const [expected] = await sql<{ compared: number; added: number; all: number }>(`
    SELECT count(*) FILTER (WHERE a.current_result_id IS NOT NULL AND b.current_result_id IS NOT NULL)::int AS compared,
           count(*) FILTER (WHERE a.id IS NULL)::int AS added, count(*)::int AS all
      FROM (SELECT * FROM cycle_unit WHERE cycle_id = $1) a FULL JOIN (SELECT * FROM cycle_unit WHERE cycle_id = $2) b ON a.organisation_id = b.organisation_id`, [earlier, later]);

  await page.goto("/cycles");
  await page.getByRole("link", { name: "年度对比" }).click();
  await expect(page.getByRole("heading", { name: "年度对比", level: 1 })).toBeVisible();
  await expect(page.getByLabel("前一周期（A）")).toHaveValue(earlier);
  await expect(page.getByLabel("后一周期（B）")).toHaveValue(later);

  const compared = count(await page.getByTestId("compare-summary").locator("dd").first().textContent());
  expect(compared).toBe(expected!.compared);
  const bins = (await page.getByTestId("change-table").locator("tbody td:nth-child(2)").allTextContents()).map(count);
  expect(bins).toHaveLength(9);
  expect(bins.reduce((s, n) => s + n, 0)).toBe(compared);
  await expect(page.getByTestId("transition-matrix").locator("tbody tr").last().locator("td").last()).toHaveText(compared.toLocaleString("zh-CN"));
  const rises = (await page.getByTestId("risers-row").locator("td:last-child").allTextContents()).map(change);
  expect(rises).toEqual([...rises].sort((x, y) => y - x));
  expect(rises.every((x) => x > 0)).toBe(true);
  const falls = (await page.getByTestId("fallers-row").locator("td:last-child").allTextContents()).map(change);
  expect(falls).toEqual([...falls].sort((x, y) => x - y));
  await page.screenshot({ path: "test-results/cycle-compare.png", fullPage: true });
  await expectAccessible(page);

  const rows = page.getByTestId("cycle-compare-row");
  await expect(rows).toHaveCount(Math.min(50, compared));
  await expect(page.getByRole("navigation", { name: "分页" })).toContainText(`共 ${compared.toLocaleString("zh-CN")} 条`);
  await page.getByRole("columnheader", { name: /得分变化/ }).getByRole("link").click();
  await expect(page.getByRole("columnheader", { name: /得分变化/ })).toHaveAttribute("aria-sort", "ascending");
  const changes = (await rows.locator("td:nth-child(9)").allTextContents()).map(change);
  expect(changes).toEqual([...changes].sort((x, y) => x - y));

  const name = (await rows.first().locator("td").first().textContent())!.trim();
  await page.getByLabel("单位名称或信用代码").fill(name);
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  const found = (await rows.locator("td:first-child").allTextContents()).map((t) => t.trim());
  expect(found).toContain(name);
  expect(found.every((n) => n.includes(name))).toBe(true);

  await page.getByRole("navigation", { name: "对比情况" }).getByRole("link", { name: /新增/ }).click();
  await expect(page.getByRole("navigation", { name: "分页" })).toContainText(`共 ${expected!.added} 条`);

  const response = await page.request.get(`/cycles/compare/export?a=${earlier}&b=${later}`);
  expect(response.status()).toBe(200);
  const book = new ExcelJS.Workbook();
  const body = await response.body();
  await book.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  expect(sheet.getRow(1).getCell(1).text).toBe("对比情况");
  expect(sheet.rowCount - 1).toBe(expected!.all);
  const exported = Array.from({ length: compared }, (_, i) => Number(sheet.getRow(i + 2).getCell(11).value));
  expect(exported).toEqual([...exported].sort((x, y) => y - x));
});

test("a reviewer compares only cycles under approval or archived; a unit gets 404", async ({ browser }) => {
  const [states] = await sql<{ a: string; b: string }>("SELECT (SELECT status::text FROM cycle WHERE id = $1) AS a, (SELECT status::text FROM cycle WHERE id = $2) AS b", [earlier, later]);
  const readable = (s: string) => s === "approval" || s === "archived";
  const reviewer = await browser.newContext();
  const page = await reviewer.newPage();
  await signInAs(page, "reviewer");
  const status = (await page.goto(`/cycles/compare?a=${earlier}&b=${later}`))!.status();
  expect(status).toBe(readable(states!.a) && readable(states!.b) ? 200 : 404);
  expect((await page.request.get(`/cycles/compare/export?a=${earlier}&b=${later}`)).status()).toBe(status);
  if (!readable(states!.b)) {
    expect((await page.goto("/cycles/compare"))!.status()).toBe(200);
    await expect(page.getByLabel("后一周期（B）").locator("option", { hasText: "2025" })).toHaveCount(0);
  }
  await reviewer.close();

  const [unit] = await sql<{ username: string }>(`SELECT username FROM app_user WHERE 'unit' = ANY(roles) AND active ORDER BY username LIMIT 1`);
  const other = await browser.newContext();
  const unitPage = await other.newPage();
  await signInAs(unitPage, unit!.username);
  expect((await unitPage.goto("/cycles/compare"))!.status()).toBe(404);
  expect((await unitPage.request.get(`/cycles/compare/export?a=${earlier}&b=${later}`)).status()).toBe(404);
  await other.close();
});
