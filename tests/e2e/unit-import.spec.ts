import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { E2E } from "./support/env";
import { SignInPage, signInAs } from "./support/fixtures";

const fixtures = path.resolve(__dirname, "../fixtures");

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: E2E.databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const organisationCount = async () => Number((await query<{ n: string }>("SELECT count(*) AS n FROM organisation"))[0]!.n);

/** The import page as a page object. */
class UnitImportPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/orgs/import");
    await expect(this.page.getByRole("heading", { name: "导入单位名单" })).toBeVisible();
  }

  async check(file: string | { name: string; mimeType: string; buffer: Buffer }) {
    await this.page.getByLabel(/单位名单文件/).setInputFiles(file);
    await this.page.getByRole("button", { name: "检查名单" }).click();
  }

  problem(row: number, code: string) {
    return this.page.locator(`tr[data-row="${row}"][data-code="${code}"]`);
  }
}

test.describe("unit-list import", () => {
  test("office1 uploads the seed 000 list: every problem by row, nothing created", async ({ page }) => {
    const before = await organisationCount();
    await signInAs(page, "office1");
    const importPage = new UnitImportPage(page);
    await importPage.goto();
    await importPage.check(path.join(fixtures, "seed-000-units.csv"));
    const summary = page.getByRole("alert").filter({ hasText: "未导入任何内容" });
    await expect(summary).toContainText("共 30 行单位，其中 0 行没有问题");

    const counts = page.getByRole("table", { name: "问题分类统计" });
    await expect(counts.getByRole("row", { name: /单位名称重复 name_duplicate 13/ })).toBeVisible();
    await expect(counts.getByRole("row", { name: /电子邮箱格式错误 email_invalid 12/ })).toBeVisible();
    await expect(counts.getByRole("row", { name: /信用代码校验位错误 uscc_checksum 30/ })).toBeVisible();

    for (const row of [19, 25, 31]) await expect(importPage.problem(row, "name_duplicate")).toContainText("鹤岗市公共就业和社会保障服务中心");
    await expect(importPage.problem(18, "name_duplicate")).toHaveCount(0);
    await expect(importPage.problem(20, "email_invalid")).toContainText("电子邮箱“hgsjgjss”格式不正确");
    await expect(importPage.problem(19, "email_invalid")).toHaveCount(0);
    await expect(importPage.problem(2, "uscc_checksum")).toContainText("第18位校验码应为T，实际为0");
    await expect(page.locator('tr[data-code="name_duplicate"]')).toHaveCount(13);
    await expect(page.locator('tr[data-code="email_invalid"]')).toHaveCount(12);
    await expect(page.getByRole("button", { name: "应用导入" })).toHaveCount(0);
    await page.setViewportSize({ width: 1366, height: 1500 });
    await page.screenshot({ path: "docs/screenshots/unit-import-problems.png" });
    expect(await organisationCount()).toBe(before);
  });

  test("a file of the wrong type is refused with a Chinese message", async ({ page }) => {
    await signInAs(page, "office1");
    const importPage = new UnitImportPage(page);
    await importPage.goto();
    await importPage.check({ name: "名单.txt", mimeType: "text/plain", buffer: Buffer.from("单位名称,统一社会信用代码\n") });
    await expect(page.locator("#unit-list-file-error")).toHaveText("只能上传 .csv 或 .xlsx 文件（旧版 .xls 请先在 Excel 中另存为 .xlsx）");
    await importPage.check({ name: "名单.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from("单位名称,统一社会信用代码\n") });
    await expect(page.locator("#unit-list-file-error")).toContainText("内容不是 Excel 工作簿");
  });

  test("office1 imports the clean list: preview with the hierarchy, apply, passwords downloaded once", async ({ page }) => {
    const before = await organisationCount();
    await signInAs(page, "office1");
    const importPage = new UnitImportPage(page);
    await importPage.goto();
    await importPage.check(path.join(fixtures, "clean-units.csv"));
    await expect(page.getByRole("status")).toContainText("检查通过：共 12 行单位");
    await expect(page.getByRole("status")).toContainText("导入后将新建 12 个单位，更新 0 个，0 个无变化");
    const preview = page.getByRole("table", { name: "导入预览" });
    await expect(preview.locator("tbody tr")).toHaveCount(12);
    // The file lists a community before its township; the preview shows it under its parent.
    const names = await preview.locator("tbody tr td:first-child").allInnerTexts();
    const township = names.findIndex((n) => n.includes("绥滨县绥滨镇人民政府"));
    expect(names[township + 1]).toContain("绥滨县绥滨镇城西社区居民委员会");
    await expect(preview.locator('tr[data-row="8"]')).toContainText("绥滨镇城西社区");
    await page.screenshot({ path: "docs/screenshots/unit-import-preview.png", fullPage: true });

    await page.getByLabel(/为新单位创建登录账户/).check();
    await page.getByRole("button", { name: "应用导入" }).click();
    await expect(page.getByRole("status")).toContainText("新建 12 个单位，更新 0 个，0 个无变化；已为新单位创建 12 个登录账户");
    expect(await organisationCount()).toBe(before + 12);
    const [parent] = await query<{ parent: string }>(
      "SELECT p.name AS parent FROM organisation o JOIN organisation p ON p.id = o.parent_id WHERE o.name = $1",
      ["绥滨县绥滨镇城西社区居民委员会"],
    );
    expect(parent?.parent).toBe("绥滨县绥滨镇人民政府");
    await page.screenshot({ path: "docs/screenshots/unit-import-result.png", fullPage: true });

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "下载初始密码（Excel）" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^单位账户初始密码-\d{4}年\d{1,2}月\d{1,2}日\.xlsx$/);
    await expect(page.getByRole("button", { name: "下载初始密码（Excel）" })).toHaveCount(0);
    await expect(page.getByText("本页不再保留密码")).toBeVisible();

    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await file.path());
    const sheet = workbook.getWorksheet("初始密码")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "序号", "单位名称", "统一社会信用代码", "用户名", "初始密码", "说明"]);
    expect(sheet.rowCount).toBe(13);
    const first = sheet.getRow(2);
    const username = String(first.getCell(4).value);
    const password = String(first.getCell(5).value);
    expect(username).toMatch(/^u[0-9a-z]{9}$/);

    // A re-import of the same list changes nothing.
    await page.getByRole("button", { name: "继续导入" }).click();
    await importPage.check(path.join(fixtures, "clean-units.csv"));
    await expect(page.getByRole("status")).toContainText("导入后将新建 0 个单位，更新 0 个，12 个无变化");
    await expect(page.getByRole("button", { name: "名单与系统一致，无需导入" })).toBeDisabled();

    // The new unit's account signs in with its one-time password and must change it first.
    await page.context().clearCookies();
    const signIn = new SignInPage(page);
    await signIn.goto();
    await signIn.signIn(username, password);
    await expect(page).toHaveURL(/\/account\/password$/);
  });

  test("a unit's account gets 404 on the import page", async ({ page }) => {
    await signInAs(page, "unit-fgw");
    const response = await page.goto("/orgs/import");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "导入单位名单" })).toHaveCount(0);
  });
});
