import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { signInAs } from "./support/fixtures";

// One story on the demo cycle (2026, hegang-2022, collecting): 市司法局 imports its spreadsheet (a bad
// file refused whole with row numbers, then the corrected one); office1 sees the progress with its
// charts and urges the late 市中级人民法院, whose user sees the notice and its unread count; office1
// watches the provisional scores with pending indicators and the new negative record's warning.
test.describe.configure({ mode: "serial" });

const CYCLE = "2026年度政务诚信评价";
const GAJ = "鹤岗市公安局";
const RECORD = "依法行政考核扣分：行政处罚案卷不规范";

/** Downloads the source's template and returns it as a workbook. */
async function downloadTemplate(page: Page): Promise<ExcelJS.Workbook> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("template-download").click()]);
  expect(download.suggestedFilename()).toMatch(/^2026年度政务诚信评价-鹤岗市司法局-数据报送模板-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile((await download.path())!)).buffer as ArrayBuffer);
  return book;
}

async function saveAndImport(page: Page, book: ExcelJS.Workbook, name: string) {
  const file = path.join(tmpdir(), `${Date.now()}-${name}`);
  await writeFile(file, Buffer.from(await book.xlsx.writeBuffer()));
  await page.getByLabel("模板文件（.xlsx，不超过 5 MB）").setInputFiles(file);
  await page.getByRole("button", { name: "检查并导入" }).click();
}

/** The row of the "记录" sheet for a unit and indicator (columns B and C). */
function recordRow(book: ExcelJS.Workbook, unitName: string, code: string): ExcelJS.Row {
  const sheet = book.getWorksheet("记录")!;
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(2).text === unitName && row.getCell(3).text === code) found = row;
  });
  if (!found) throw new Error(`no row for ${unitName} ${code}`);
  return found;
}

async function openCollection(page: Page) {
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "评价周期" }).click();
  await page.getByRole("link", { name: CYCLE }).first().click();
  await page.getByRole("navigation", { name: "周期页面" }).getByRole("link", { name: "归集进度" }).click();
  await expect(page.getByTestId("overall-progress-chart")).toBeVisible();
}

test.describe("spreadsheet import, completeness, urging and monitoring", () => {
  test("office1 returns 市司法局's submission when an earlier story submitted it", async ({ page }) => {
    await signInAs(page, "office1");
    await openCollection(page);
    const row = page.getByTestId("source-row-市司法局");
    if ((await row.getByText("已提交").count()) === 0) return;
    await row.getByText("退回", { exact: true }).click();
    await row.getByLabel("退回意见").fill("请用表格补报公安局的考核扣分");
    await row.getByRole("button", { name: "确认退回" }).click();
    // The page re-renders with the new status (the return form goes away with the "submitted" state).
    await expect(row).toContainText("已退回");
  });

  test("src-sfj imports its template: a bad file is refused whole, the corrected one applied", async ({ page }) => {
    await signInAs(page, "src-sfj");
    await page.goto("/collect/import");
    await expect(page.getByRole("heading", { name: "表格导入报送数据" })).toBeVisible();
    const book = await downloadTemplate(page);
    const records = book.getWorksheet("记录")!;
    expect(records.getRow(1).getCell(1).text).toBe("统一社会信用代码");
    // Every unit without an answer yet: "无"; 公安局: one deduction record instead.
    records.eachRow((row, n) => {
      if (n > 1 && row.getCell(5).text === "" && Number(row.getCell(9).value ?? 0) === 0) row.getCell(5).value = "无";
    });
    const gaj = recordRow(book, GAJ, "LAW.EXAM");
    gaj.getCell(5).value = null;
    gaj.getCell(6).value = "2026-02-30";
    gaj.getCell(7).value = RECORD;
    gaj.getCell(8).value = "鹤司考〔2026〕31号";
    const unknown = records.addRow([gaj.getCell(1).text, GAJ, "LAW.DISHONEST", "", "", "2026-03-01", "不属于本单位的指标"]);
    await saveAndImport(page, book, "bad.xlsx");
    const problems = page.getByTestId("import-problems");
    await expect(problems).toContainText("发现 2 个问题（2 行），未导入任何内容");
    await expect(problems.locator(`tr[data-row="${gaj.number}"]`)).toContainText("日期“2026-02-30”无效");
    await expect(problems.locator(`tr[data-row="${unknown.number}"]`)).toContainText("指标“LAW.DISHONEST”未分配给本单位报送");
    await page.screenshot({ path: "docs/screenshots/collection-import-problems.png", fullPage: true });

    gaj.getCell(6).value = "2026-02-27";
    records.spliceRows(unknown.number, 1);
    await saveAndImport(page, book, "good.xlsx");
    await expect(page.getByTestId("import-done")).toContainText("全部导入");
    await expect(page.getByTestId("import-done")).toContainText("新增记录 1 条");
    await page.screenshot({ path: "docs/screenshots/collection-import.png", fullPage: true });
  });

  test("office1 sees the progress with charts and urges the late 市中级人民法院", async ({ page }) => {
    await signInAs(page, "office1");
    await openCollection(page);
    await expect(page.getByTestId("source-progress-chart").getByRole("application")).toBeVisible();
    await expect(page.getByTestId("source-progress-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(page.getByTestId("collection-summary")).toContainText("已提交");
    const court = page.getByTestId("source-row-市中级人民法院");
    await expect(court).toContainText("0 / ");
    await page.screenshot({ path: "docs/screenshots/collection-progress.png", fullPage: true });
    await court.getByRole("button", { name: "催办" }).click();
    await expect(court.getByRole("status")).toHaveText("已催办：站内通知1人；电子邮件：邮件未配置");
    await expect(court).toContainText("（1次）");
    await page.getByRole("link", { name: "多来源合并" }).click();
    await expect(page.getByRole("table", { name: "多来源记录合并" })).toContainText("合并结果");
    await page.getByRole("link", { name: "按受评单位" }).click();
    await expect(page.getByRole("table", { name: "各受评单位数据完整情况" })).toContainText(GAJ);
  });

  test("src-court sees the urge with its unread count and marks it read", async ({ page }) => {
    await signInAs(page, "src-court");
    const bell = page.getByTestId("notification-bell");
    await expect(bell.getByTestId("notification-unread")).toHaveText(/^[1-9]\d*$/);
    await bell.click();
    await expect(page.getByRole("heading", { name: "通知" })).toBeVisible();
    const notice = page.getByTestId("notification").filter({ hasText: "信用办催办" });
    await expect(notice).toContainText("尚有");
    await expect(notice).toHaveAttribute("data-unread", "true");
    await page.screenshot({ path: "docs/screenshots/collection-notice.png", fullPage: true });
    await page.getByRole("button", { name: "全部标为已读" }).click();
    await expect(page.getByTestId("notification-unread")).toHaveCount(0);
    await expect(page.getByText("没有未读通知。")).toBeVisible();
  });

  test("office1 watches provisional scores with pending indicators and the new warning", async ({ page }) => {
    await signInAs(page, "office1");
    await openCollection(page);
    await page.getByRole("link", { name: "实时监测" }).click();
    await expect(page.getByRole("table", { name: "暂计得分" })).toBeVisible();
    const gaj = page.getByTestId("monitor-row").filter({ hasText: GAJ });
    await expect(gaj.getByTestId("provisional")).toContainText(/\d+\.\d{2} \/ \d+\.\d{2}/);
    await expect(gaj.getByTestId("pending")).toContainText("项");
    await gaj.getByText(GAJ).click();
    await expect(gaj).toContainText("考核扣分项1项");
    await expect(gaj).toContainText("待报送（市中级人民法院）");
    await expect(page.getByTestId("negative-records")).toContainText(RECORD);
    await page.screenshot({ path: "docs/screenshots/collection-monitor.png", fullPage: true });
  });
});
